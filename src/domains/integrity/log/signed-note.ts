import { createHash, createPrivateKey, createPublicKey, sign, verify, type KeyObject } from 'node:crypto';

// C2SP signed-note with Ed25519 (https://c2sp.org/signed-note), byte for byte the format of Go's
// golang.org/x/mod/sumdb/note, so that package (and any witness) verifies our notes:
//   note      = text ("\n"-terminated) + "\n" + one or more "— <name> <base64(keyhash‖sig)>\n"
//   key hash  = SHA-256(name ‖ "\n" ‖ 0x01 ‖ 32-byte public key)[0:4]
//   verifier  = "<name>+<8 hex of key hash>+<base64(0x01 ‖ public key)>"

const ED25519 = 0x01;
const DASH = '\u2014';
// The DER prefix of an Ed25519 SubjectPublicKeyInfo; the raw 32-byte key follows it.
const SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');

export type NoteSigner = { name: string; privateKey: KeyObject; publicKey: Buffer };

export const rawPublicKey = (key: KeyObject): Buffer => key.export({ format: 'der', type: 'spki' }).subarray(SPKI_PREFIX.length);
const publicKeyObject = (raw: Buffer) => createPublicKey({ key: Buffer.concat([SPKI_PREFIX, raw]), format: 'der', type: 'spki' });

// The DER prefix of an Ed25519 PKCS8 private key; the 32-byte seed follows it.
const PKCS8_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');

/**
 * A signer from a PKCS8 PEM key, or from a Go note private key
 * ("PRIVATE+KEY+<name>+<hash>+<base64(0x01‖seed)>", what `note.GenerateKey` prints), whose name
 * must then be `name`.
 */
export function noteSigner(name: string, keyText: string): NoteSigner {
  checkName(name);
  const privateKey = keyText.startsWith('PRIVATE+KEY+') ? fromNotePrivateKey(name, keyText.trim()) : createPrivateKey(keyText);
  if (privateKey.asymmetricKeyType !== 'ed25519') throw new Error('the log signing key must be an Ed25519 key');
  return { name, privateKey, publicKey: rawPublicKey(createPublicKey(privateKey)) };
}

function fromNotePrivateKey(name: string, skey: string) {
  const [, , keyName, hashHex, ...rest] = skey.split('+');
  const key = Buffer.from(rest.join('+'), 'base64');
  if (keyName !== name) throw new Error(`the note private key is for "${keyName}", the log's origin is "${name}"`);
  if (key.length !== 33 || key[0] !== ED25519) throw new Error('the note private key is not an Ed25519 key');
  const privateKey = createPrivateKey({ key: Buffer.concat([PKCS8_PREFIX, key.subarray(1)]), format: 'der', type: 'pkcs8' });
  if (keyHash(name, rawPublicKey(createPublicKey(privateKey))).toString('hex') !== hashHex) throw new Error('the note private key hash does not match its key');
  return privateKey;
}

function checkName(name: string) {
  // Go's note package refuses names with spaces, plus signs or control characters.
  if (!name || /[\s+]/.test(name) || /[\u0000-\u001f]/.test(name)) throw new Error(`invalid note key name: ${JSON.stringify(name)}`);
}

export const keyHash = (name: string, publicKey: Buffer) =>
  createHash('sha256').update(name).update('\n').update(Buffer.from([ED25519])).update(publicKey).digest().subarray(0, 4);

export const verifierKey = (name: string, publicKey: Buffer) =>
  `${name}+${keyHash(name, publicKey).toString('hex')}+${Buffer.concat([Buffer.from([ED25519]), publicKey]).toString('base64')}`;

export function signNote(text: string, signer: NoteSigner): string {
  if (!text.endsWith('\n')) throw new Error('a note text ends with a newline');
  const signature = sign(null, Buffer.from(text, 'utf8'), signer.privateKey);
  return `${text}\n${DASH} ${signer.name} ${Buffer.concat([keyHash(signer.name, signer.publicKey), signature]).toString('base64')}\n`;
}

export type Verifier = { name: string; keyHash: Buffer; publicKey: Buffer };

export function parseVerifierKey(vkey: string): Verifier | null {
  // The base64 key may itself contain '+': only the first two are separators.
  const [name, hashHex, ...rest] = vkey.split('+');
  const keyB64 = rest.join('+');
  if (!name || !hashHex || !/^[0-9a-f]{8}$/.test(hashHex) || !/^[A-Za-z0-9+/]{44}$/.test(keyB64)) return null;
  const key = Buffer.from(keyB64, 'base64');
  if (key.length !== 33 || key[0] !== ED25519) return null;
  const publicKey = key.subarray(1);
  if (!keyHash(name, publicKey).equals(Buffer.from(hashHex, 'hex'))) return null;
  return { name, keyHash: Buffer.from(hashHex, 'hex'), publicKey };
}

/** The note's text when it carries a valid signature by `vkey`; null otherwise. */
export function openNote(note: string, vkey: string): string | null {
  const verifier = parseVerifierKey(vkey);
  const split = note.lastIndexOf('\n\n');
  if (!verifier || split < 0 || !note.endsWith('\n')) return null;
  const text = note.slice(0, split + 1);
  for (const line of note.slice(split + 2, -1).split('\n')) {
    const m = /^\u2014 (\S+) ([A-Za-z0-9+/=]+)$/.exec(line);
    if (!m || m[1] !== verifier.name) continue;
    const sig = Buffer.from(m[2]!, 'base64');
    if (sig.length !== 68 || !sig.subarray(0, 4).equals(verifier.keyHash)) continue;
    if (verify(null, Buffer.from(text, 'utf8'), publicKeyObject(verifier.publicKey), sig.subarray(4))) return text;
  }
  return null;
}
