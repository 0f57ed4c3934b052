import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  cosign,
  cosignatureKeyId,
  cosignedMessage,
  formatSignerKey,
  formatVerifierKey,
  generateWitnessSigner,
  parseSignerKey,
  parseVerifierKey,
  verifyCosignature,
  type WitnessPublicKey,
} from './cosignature.js';

const body = 'liuhen.example.gov.cn/log\n20852163\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n';
const signer = generateWitnessSigner('witness.nanyang.gov.cn/sfj');
const witness = parseVerifierKey(formatVerifierKey(signer.name, signer.publicKey)) as WitnessPublicKey;

describe('INT-1 C2SP tlog-cosignature (cosignature/v1)', () => {
  it('signs exactly "cosignature/v1\\ntime <t>\\n<body>"', () => {
    expect(cosignedMessage(body, 1679315147).toString('utf8')).toBe(`cosignature/v1\ntime 1679315147\n${body}`);
  });

  it('key ID is SHA-256(name || "\\n" || 0x04 || public key)[:4], and the vkey carries it in hex', () => {
    const expected = createHash('sha256').update(`${signer.name}\n`).update(Buffer.from([4])).update(signer.publicKey).digest().subarray(0, 4);
    expect(cosignatureKeyId(signer.name, signer.publicKey)).toEqual(expected);
    const vkey = formatVerifierKey(signer.name, signer.publicKey);
    expect(vkey.split('+')[1]).toBe(expected.toString('hex'));
    expect(witness.publicKey).toEqual(signer.publicKey);
  });

  it('the signature line is "— name base64(key ID || 8-byte big-endian time || 64-byte signature)"', () => {
    const line = cosign(body, signer, 1679315147);
    expect(line.startsWith(`\u2014 ${signer.name} `)).toBe(true);
    const bytes = Buffer.from(line.split(' ')[2]!, 'base64');
    expect(bytes.length).toBe(76);
    expect(bytes.subarray(0, 4)).toEqual(witness.keyId);
    expect(bytes.readBigUInt64BE(4)).toBe(1679315147n);
  });

  it('round trip: a cosignature verifies against the witness key and gives its time', () => {
    expect(verifyCosignature(body, cosign(body, signer, 1700000000), witness)).toEqual({ ok: true, time: 1700000000 });
  });

  it('a changed body, time or signature is refused', () => {
    const line = cosign(body, signer, 1700000000);
    expect(verifyCosignature(body.replace('20852163', '20852164'), line, witness).ok).toBe(false);
    const bytes = Buffer.from(line.split(' ')[2]!, 'base64');
    const laterTime = Buffer.from(bytes);
    laterTime.writeBigUInt64BE(1700000001n, 4);
    expect(verifyCosignature(body, `\u2014 ${signer.name} ${laterTime.toString('base64')}`, witness).ok).toBe(false);
    const flipped = Buffer.from(bytes);
    flipped[40]! ^= 0x01;
    expect(verifyCosignature(body, `\u2014 ${signer.name} ${flipped.toString('base64')}`, witness).ok).toBe(false);
  });

  it('a wrong key name, or another witness key, is refused', () => {
    const line = cosign(body, signer, 1700000000);
    const renamed = line.replace(signer.name, 'witness.other.gov.cn');
    expect(verifyCosignature(body, renamed, witness)).toMatchObject({ ok: false });
    const other = generateWitnessSigner(signer.name);
    const otherKey = parseVerifierKey(formatVerifierKey(other.name, other.publicKey))!;
    expect(verifyCosignature(body, line, otherKey)).toMatchObject({ ok: false });
    // A witness whose registered name differs from the one its key ID was computed with.
    expect(verifyCosignature(body, line, { ...witness, name: 'witness.other.gov.cn' }).ok).toBe(false);
  });

  it('a verifier key with a wrong hash, type or length is not accepted', () => {
    const vkey = formatVerifierKey(signer.name, signer.publicKey);
    const [name, hash, key] = [vkey.slice(0, vkey.indexOf('+')), vkey.split('+')[1]!, vkey.slice(vkey.indexOf('+', vkey.indexOf('+') + 1) + 1)];
    expect(parseVerifierKey(`${name}+00000000+${key}`)).toBeNull();
    const logType = Buffer.from(key, 'base64');
    logType[0] = 0x01;
    expect(parseVerifierKey(`${name}+${hash}+${logType.toString('base64')}`)).toBeNull();
    expect(parseVerifierKey(`${name}+${hash}+${Buffer.from(key, 'base64').subarray(0, 20).toString('base64')}`)).toBeNull();
    expect(parseVerifierKey(`bad name+${hash}+${key}`)).toBeNull();
  });

  it('the signer key file round-trips and signs like the original', () => {
    const again = parseSignerKey(formatSignerKey(signer))!;
    expect(again.name).toBe(signer.name);
    expect(again.publicKey).toEqual(signer.publicKey);
    expect(verifyCosignature(body, cosign(body, again, 1700000002), witness).ok).toBe(true);
    expect(parseSignerKey(formatSignerKey(signer).replace('PRIVATE+KEY+witness', 'PRIVATE+KEY+wetness'))).toBeNull();
  });
});
