import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';

// C2SP tlog-cosignature (cosignature/v1, Ed25519): a witness states "as of <time>, this is the
// largest consistent tree head I have seen of this log" by signing
//   cosignature/v1\ntime <unix seconds>\n<checkpoint body>
// and appending to the checkpoint the note signature line
//   — <witness name> base64(key ID[4] || timestamp[8, big-endian] || Ed25519 signature[64])
// with key ID = SHA-256(name || "\n" || 0x04 || public key)[:4]. Pure: no I/O, keys passed in.

/** The signed-note signature type of an Ed25519 cosignature/v1 key. */
export const COSIGNATURE_V1_ALG = 0x04;
const EM_DASH = '\u2014';
// PKCS#8 / SPKI DER prefixes of an Ed25519 key: node:crypto takes raw keys only wrapped in them.
const PKCS8_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');
const SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');

export type WitnessPublicKey = { name: string; keyId: Buffer; publicKey: Buffer };
export type WitnessSigner = { name: string; privateKey: KeyObject; publicKey: Buffer };

/** A key name per signed-note: non-empty, no whitespace and no '+'. */
export const isValidKeyName = (name: string) => name.length > 0 && name.length <= 200 && !/[\s+]/u.test(name);

export function cosignatureKeyId(name: string, publicKey: Buffer): Buffer {
  return createHash('sha256').update(Buffer.concat([Buffer.from(`${name}\n`, 'utf8'), Buffer.from([COSIGNATURE_V1_ALG]), publicKey])).digest().subarray(0, 4);
}

/** The verifier key (signed-note vkey) a platform admin registers: name+hex key ID+base64(0x04||key). */
export function formatVerifierKey(name: string, publicKey: Buffer): string {
  const keyId = cosignatureKeyId(name, publicKey).toString('hex');
  return `${name}+${keyId}+${Buffer.concat([Buffer.from([COSIGNATURE_V1_ALG]), publicKey]).toString('base64')}`;
}

/** Parses a witness verifier key; null when it is not a well-formed Ed25519 cosignature/v1 key. */
export function parseVerifierKey(vkey: string): WitnessPublicKey | null {
  const parts = splitPlus(vkey.trim(), 3);
  if (!parts) return null;
  const [name, hashHex, keyB64] = parts as [string, string, string];
  if (!isValidKeyName(name) || !/^[0-9a-f]{8}$/u.test(hashHex) || !isStrictBase64(keyB64)) return null;
  const raw = Buffer.from(keyB64, 'base64');
  if (raw.length !== 33 || raw[0] !== COSIGNATURE_V1_ALG) return null;
  const publicKey = raw.subarray(1);
  const keyId = cosignatureKeyId(name, publicKey);
  if (keyId.toString('hex') !== hashHex) return null;
  return { name, keyId, publicKey };
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

export const publicKeyObject = (raw: Buffer) => createPublicKey({ key: Buffer.concat([SPKI_PREFIX, raw]), format: 'der', type: 'spki' });

/** A new witness key pair. */
export function generateWitnessSigner(name: string): WitnessSigner {
  if (!isValidKeyName(name)) throw new Error('见证方名称不能为空，且不能含空白或“+”');
  const { privateKey } = generateKeyPairSync('ed25519');
  return { name, privateKey, publicKey: rawPublicKey(privateKey) };
}

/** The signer key text of a witness (signed-note style, kept secret): PRIVATE+KEY+name+hash+base64(0x04||seed). */
export function formatSignerKey(signer: WitnessSigner): string {
  const seed = signer.privateKey.export({ format: 'der', type: 'pkcs8' }).subarray(PKCS8_PREFIX.length);
  const keyId = cosignatureKeyId(signer.name, signer.publicKey).toString('hex');
  return `PRIVATE+KEY+${signer.name}+${keyId}+${Buffer.concat([Buffer.from([COSIGNATURE_V1_ALG]), seed]).toString('base64')}`;
}

export function parseSignerKey(text: string): WitnessSigner | null {
  const parts = splitPlus(text.trim(), 5);
  if (!parts || parts[0] !== 'PRIVATE' || parts[1] !== 'KEY') return null;
  const [, , name, hashHex, keyB64] = parts as [string, string, string, string, string];
  if (!isValidKeyName(name) || !isStrictBase64(keyB64)) return null;
  const raw = Buffer.from(keyB64, 'base64');
  if (raw.length !== 33 || raw[0] !== COSIGNATURE_V1_ALG) return null;
  const privateKey = createPrivateKey({ key: Buffer.concat([PKCS8_PREFIX, raw.subarray(1)]), format: 'der', type: 'pkcs8' });
  const publicKey = rawPublicKey(privateKey);
  if (cosignatureKeyId(name, publicKey).toString('hex') !== hashHex) return null;
  return { name, privateKey, publicKey };
}

const rawPublicKey = (privateKey: KeyObject) => createPublicKey(privateKey).export({ format: 'der', type: 'spki' }).subarray(SPKI_PREFIX.length);

/** Splits on the first n-1 '+' (the last field is base64, which may itself contain '+'). */
function splitPlus(s: string, n: number): string[] | null {
  const parts: string[] = [];
  let rest = s;
  for (let i = 1; i < n; i++) {
    const at = rest.indexOf('+');
    if (at < 0) return null;
    parts.push(rest.slice(0, at));
    rest = rest.slice(at + 1);
  }
  return [...parts, rest];
}

// Buffer.from(…, 'base64') skips garbage silently; a signature or key must round-trip exactly.
const isStrictBase64 = (s: string) => /^[A-Za-z0-9+/]*={0,2}$/u.test(s) && s.length % 4 === 0 && Buffer.from(s, 'base64').toString('base64') === s;

function assertBody(body: string) {
  if (!body.endsWith('\n') || body.includes('\n\n')) throw new Error('checkpoint body must be its text lines, each ending in a newline, without the blank line or signatures');
}
