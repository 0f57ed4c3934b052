import { createPrivateKey, sign, verify, type KeyObject } from 'node:crypto';
import { ED25519_NOTE, formatVerifierKey, isValidKeyName, keyHash as noteKeyHash, parsePrivateKey, parseVerifierKey as parseKey, publicKeyObject, rawPublicKey, type ParsedVerifierKey } from './note-keys.js';

// C2SP signed-note with Ed25519 (https://c2sp.org/signed-note), byte for byte the format of Go's
// golang.org/x/mod/sumdb/note, so that package (and any witness) verifies our notes:
//   note      = text ("\n"-terminated) + "\n" + one or more "— <name> <base64(keyhash‖sig)>\n"
// Key hash and verifier key: note-keys.ts, signature type 0x01.

const DASH = '\u2014';

export type NoteSigner = { name: string; privateKey: KeyObject; publicKey: Buffer };
export { rawPublicKey };

/**
 * A signer from a PKCS8 PEM key, or from a Go note private key
 * ("PRIVATE+KEY+<name>+<hash>+<base64(0x01‖seed)>", what `note.GenerateKey` prints), whose name
 * must then be `name`.
 */
export function noteSigner(name: string, keyText: string): NoteSigner {
  if (!isValidKeyName(name)) throw new Error(`invalid note key name: ${JSON.stringify(name)}`);
  const privateKey = keyText.startsWith('PRIVATE+KEY+') ? fromNotePrivateKey(name, keyText) : createPrivateKey(keyText);
  if (privateKey.asymmetricKeyType !== 'ed25519') throw new Error('the log signing key must be an Ed25519 key');
  return { name, privateKey, publicKey: rawPublicKey(privateKey) };
}

function fromNotePrivateKey(name: string, skey: string) {
  const parsed = parsePrivateKey(skey, ED25519_NOTE);
  if (!parsed) throw new Error('the note private key is not a well-formed Ed25519 note key (or its hash does not match)');
  if (parsed.name !== name) throw new Error(`the note private key is for "${parsed.name}", the log's origin is "${name}"`);
  return parsed.privateKey;
}

export const keyHash = (name: string, publicKey: Buffer) => noteKeyHash(name, ED25519_NOTE, publicKey);
export const verifierKey = (name: string, publicKey: Buffer) => formatVerifierKey(name, ED25519_NOTE, publicKey);

export function signNote(text: string, signer: NoteSigner): string {
  if (!text.endsWith('\n')) throw new Error('a note text ends with a newline');
  const signature = sign(null, Buffer.from(text, 'utf8'), signer.privateKey);
  return `${text}\n${DASH} ${signer.name} ${Buffer.concat([keyHash(signer.name, signer.publicKey), signature]).toString('base64')}\n`;
}

export type Verifier = ParsedVerifierKey;
export const parseVerifierKey = (vkey: string): Verifier | null => parseKey(vkey, ED25519_NOTE);

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
