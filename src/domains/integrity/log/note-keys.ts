import { createHash, createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';

// The key formats C2SP signed notes share (https://c2sp.org/signed-note), for every signature
// type we use: the log's Ed25519 note signatures (type 0x01) and witnesses' cosignature/v1
// (type 0x04). Byte for byte Go's golang.org/x/mod/sumdb/note:
//   key hash  = SHA-256(name ‖ "\n" ‖ type ‖ 32-byte public key)[0:4]
//   verifier  = "<name>+<8 hex of key hash>+<base64(type ‖ public key)>"
//   private   = "PRIVATE+KEY+<name>+<8 hex of key hash>+<base64(type ‖ 32-byte seed)>"

export const ED25519_NOTE = 0x01;
export const COSIGNATURE_V1 = 0x04;
type SignatureType = typeof ED25519_NOTE | typeof COSIGNATURE_V1;

// node:crypto takes raw Ed25519 keys only wrapped in these DER prefixes.
const SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');
const PKCS8_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');

/** The raw 32-byte public key of an Ed25519 key (private or public). */
export const rawPublicKey = (key: KeyObject): Buffer =>
  (key.type === 'private' ? createPublicKey(key) : key).export({ format: 'der', type: 'spki' }).subarray(SPKI_PREFIX.length);
export const publicKeyObject = (raw: Buffer) => createPublicKey({ key: Buffer.concat([SPKI_PREFIX, raw]), format: 'der', type: 'spki' });

/** A key name Go's note package accepts: non-empty, no whitespace, '+' or control characters. */
export const isValidKeyName = (name: string) => name.length > 0 && name.length <= 200 && !/[\s+\u0000-\u001f]/u.test(name);

export const keyHash = (name: string, type: SignatureType, publicKey: Buffer) =>
  createHash('sha256').update(name).update('\n').update(Buffer.from([type])).update(publicKey).digest().subarray(0, 4);

export const formatVerifierKey = (name: string, type: SignatureType, publicKey: Buffer) =>
  `${name}+${keyHash(name, type, publicKey).toString('hex')}+${Buffer.concat([Buffer.from([type]), publicKey]).toString('base64')}`;

export type ParsedVerifierKey = { name: string; keyHash: Buffer; publicKey: Buffer };

/** A verifier key of this signature type whose hash matches its key; null otherwise. */
export function parseVerifierKey(vkey: string, type: SignatureType): ParsedVerifierKey | null {
  const parts = splitPlus(vkey.trim(), 3);
  if (!parts) return null;
  const [name, hashHex, keyB64] = parts as [string, string, string];
  if (!isValidKeyName(name) || !/^[0-9a-f]{8}$/u.test(hashHex) || !isStrictBase64(keyB64)) return null;
  const raw = Buffer.from(keyB64, 'base64');
  if (raw.length !== 33 || raw[0] !== type) return null;
  const publicKey = raw.subarray(1);
  const hash = keyHash(name, type, publicKey);
  return hash.toString('hex') === hashHex ? { name, keyHash: hash, publicKey } : null;
}

export function formatPrivateKey(name: string, type: SignatureType, privateKey: KeyObject): string {
  const seed = privateKey.export({ format: 'der', type: 'pkcs8' }).subarray(PKCS8_PREFIX.length);
  return `PRIVATE+KEY+${name}+${keyHash(name, type, rawPublicKey(privateKey)).toString('hex')}+${Buffer.concat([Buffer.from([type]), seed]).toString('base64')}`;
}

export type ParsedPrivateKey = { name: string; privateKey: KeyObject; publicKey: Buffer };

/** A private key of this signature type whose hash matches its key; null otherwise. */
export function parsePrivateKey(text: string, type: SignatureType): ParsedPrivateKey | null {
  const parts = splitPlus(text.trim(), 5);
  if (!parts || parts[0] !== 'PRIVATE' || parts[1] !== 'KEY') return null;
  const [, , name, hashHex, keyB64] = parts as [string, string, string, string, string];
  if (!isValidKeyName(name) || !isStrictBase64(keyB64)) return null;
  const raw = Buffer.from(keyB64, 'base64');
  if (raw.length !== 33 || raw[0] !== type) return null;
  const privateKey = createPrivateKey({ key: Buffer.concat([PKCS8_PREFIX, raw.subarray(1)]), format: 'der', type: 'pkcs8' });
  const publicKey = rawPublicKey(privateKey);
  return keyHash(name, type, publicKey).toString('hex') === hashHex ? { name, privateKey, publicKey } : null;
}

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
export const isStrictBase64 = (s: string) => /^[A-Za-z0-9+/]*={0,2}$/u.test(s) && s.length % 4 === 0 && Buffer.from(s, 'base64').toString('base64') === s;
