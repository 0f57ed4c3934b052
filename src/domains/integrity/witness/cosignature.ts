import { generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';
import { COSIGNATURE_V1, formatPrivateKey, formatVerifierKey as formatKey, isStrictBase64, isValidKeyName, keyHash, parsePrivateKey, parseVerifierKey as parseKey, publicKeyObject, rawPublicKey } from '../log/note-keys.js';

// C2SP tlog-cosignature (cosignature/v1, Ed25519): a witness states "as of <time>, this is the
// largest consistent tree head I have seen of this log" by signing
//   cosignature/v1\ntime <unix seconds>\n<checkpoint body>
// and appending to the checkpoint the note signature line
//   — <witness name> base64(key ID[4] || timestamp[8, big-endian] || Ed25519 signature[64])
// with key ID = the signed-note key hash of signature type 0x04 (note-keys.ts). Pure: no I/O.

/** The signed-note signature type of an Ed25519 cosignature/v1 key. */
export const COSIGNATURE_V1_ALG = COSIGNATURE_V1;
const EM_DASH = '\u2014';

export type WitnessPublicKey = { name: string; keyId: Buffer; publicKey: Buffer };
export type WitnessSigner = { name: string; privateKey: KeyObject; publicKey: Buffer };

export const cosignatureKeyId = (name: string, publicKey: Buffer): Buffer => keyHash(name, COSIGNATURE_V1, publicKey);

/** The verifier key (signed-note vkey) a platform admin registers: name+hex key ID+base64(0x04||key). */
export const formatVerifierKey = (name: string, publicKey: Buffer): string => formatKey(name, COSIGNATURE_V1, publicKey);

/** Parses a witness verifier key; null when it is not a well-formed Ed25519 cosignature/v1 key. */
export function parseVerifierKey(vkey: string): WitnessPublicKey | null {
  const parsed = parseKey(vkey, COSIGNATURE_V1);
  return parsed ? { name: parsed.name, keyId: parsed.keyHash, publicKey: parsed.publicKey } : null;
}

/** The exact bytes a cosignature/v1 signs; `body` is the checkpoint text up to and including its last newline. */
export function cosignedMessage(body: string, time: number): Buffer {
  return Buffer.from(`cosignature/v1\ntime ${time}\n${body}`, 'utf8');
}

/** Signs `body` at `time` (unix seconds) and returns the note signature line (no trailing newline). */
export function cosign(body: string, signer: WitnessSigner, time: number): string {
  assertBody(body);
  if (!Number.isSafeInteger(time) || time < 0) throw new Error('cosignature time must be whole non-negative seconds');
  const stamp = Buffer.alloc(8);
  stamp.writeBigUInt64BE(BigInt(time));
  const sig = sign(null, cosignedMessage(body, time), signer.privateKey);
  const keyId = cosignatureKeyId(signer.name, signer.publicKey);
  return `${EM_DASH} ${signer.name} ${Buffer.concat([keyId, stamp, sig]).toString('base64')}`;
}

export type CosignatureCheck = { ok: true; time: number } | { ok: false; reason: string };

/** Splits a note signature line into its key name and decoded bytes; null when malformed. */
export function parseSignatureLine(line: string): { name: string; bytes: Buffer } | null {
  const m = /^\u2014 (\S+) (\S+)$/u.exec(line.replace(/\n$/u, ''));
  if (!m || !isValidKeyName(m[1]!) || !isStrictBase64(m[2]!)) return null;
  return { name: m[1]!, bytes: Buffer.from(m[2]!, 'base64') };
}

/** Verifies one cosignature line over `body` against one witness key. */
export function verifyCosignature(body: string, line: string, witness: WitnessPublicKey): CosignatureCheck {
  const parsed = parseSignatureLine(line);
  if (!parsed) return { ok: false, reason: '签名行格式不正确' };
  if (parsed.name !== witness.name) return { ok: false, reason: `签名行的见证方名称「${parsed.name}」与登记的「${witness.name}」不符` };
  if (parsed.bytes.length !== 4 + 8 + 64) return { ok: false, reason: '不是 Ed25519 cosignature/v1 签名（长度不符）' };
  if (!parsed.bytes.subarray(0, 4).equals(witness.keyId)) return { ok: false, reason: '签名的密钥标识与登记的见证方公钥不符' };
  const time = parsed.bytes.readBigUInt64BE(4);
  if (time > BigInt(Number.MAX_SAFE_INTEGER)) return { ok: false, reason: '见证时间超出范围' };
  if (!body.endsWith('\n')) return { ok: false, reason: '检查点正文须以换行结尾' };
  const ok = verify(null, cosignedMessage(body, Number(time)), publicKeyObject(witness.publicKey), parsed.bytes.subarray(12));
  return ok ? { ok: true, time: Number(time) } : { ok: false, reason: '见证签名验证失败' };
}

/** A new witness key pair. */
export function generateWitnessSigner(name: string): WitnessSigner {
  if (!isValidKeyName(name)) throw new Error('见证方名称不能为空，且不能含空白或“+”');
  const { privateKey } = generateKeyPairSync('ed25519');
  return { name, privateKey, publicKey: rawPublicKey(privateKey) };
}

/** The signer key text of a witness (signed-note style, kept secret): PRIVATE+KEY+name+hash+base64(0x04||seed). */
export const formatSignerKey = (signer: WitnessSigner): string => formatPrivateKey(signer.name, COSIGNATURE_V1, signer.privateKey);

export const parseSignerKey = (text: string): WitnessSigner | null => parsePrivateKey(text, COSIGNATURE_V1);

function assertBody(body: string) {
  if (!body.endsWith('\n') || body.includes('\n\n')) throw new Error('checkpoint body must be its text lines, each ending in a newline, without the blank line or signatures');
}
