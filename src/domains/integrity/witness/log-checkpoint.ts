import { createHash, verify } from 'node:crypto';
import { publicKeyObject } from './cosignature.js';

// What a witness needs of the log's signed checkpoint (C2SP signed-note + tlog-checkpoint), read
// on its own so the witness trusts nothing the server computed: the note's text is
// "<origin>\n<tree size>\n<base64 root>\n[extension lines]", then a blank line, then signature
// lines "— <key name> base64(key ID[4] || Ed25519 signature)"; the log key's ID is
// SHA-256(name || "\n" || 0x01 || public key)[:4] and its vkey is name+hex ID+base64(0x01||key).

export type Checkpoint = { body: string; origin: string; treeSize: number; rootHash: Buffer };
export type LogKey = { name: string; keyId: Buffer; publicKey: Buffer };

export function parseLogVerifierKey(vkey: string): LogKey | null {
  const first = vkey.indexOf('+');
  const second = vkey.indexOf('+', first + 1);
  if (first <= 0 || second < 0) return null;
  const name = vkey.slice(0, first);
  const raw = Buffer.from(vkey.slice(second + 1).trim(), 'base64');
  if (raw.length !== 33 || raw[0] !== 0x01) return null;
  const publicKey = raw.subarray(1);
  const keyId = createHash('sha256').update(`${name}\n`).update(Buffer.from([0x01])).update(publicKey).digest().subarray(0, 4);
  if (keyId.toString('hex') !== vkey.slice(first + 1, second)) return null;
  return { name, keyId, publicKey };
}

/** Verifies the log's signature on a checkpoint note and parses it; the Chinese reason when it does not hold. */
export function openCheckpoint(note: string, key: LogKey): { ok: true; checkpoint: Checkpoint } | { ok: false; reason: string } {
  const split = note.indexOf('\n\n');
  if (split < 0) return { ok: false, reason: '检查点格式不正确（缺少签名部分）' };
  const body = note.slice(0, split + 1);
  const signatures = note.slice(split + 2).split('\n').filter((l) => l.length > 0);
  const prefix = `\u2014 ${key.name} `;
  const signedByLog = signatures.some((line) => {
    if (!line.startsWith(prefix)) return false;
    const sig = Buffer.from(line.slice(prefix.length), 'base64');
    return sig.length === 68 && sig.subarray(0, 4).equals(key.keyId) && verify(null, Buffer.from(body, 'utf8'), publicKeyObject(key.publicKey), sig.subarray(4));
  });
  if (!signedByLog) return { ok: false, reason: '检查点没有日志密钥的有效签名' };
  const [origin, sizeText, rootText] = body.split('\n');
  const treeSize = Number(sizeText);
  const rootHash = Buffer.from(rootText ?? '', 'base64');
  if (!origin || !/^(0|[1-9]\d*)$/u.test(sizeText ?? '') || !Number.isSafeInteger(treeSize) || rootHash.length !== 32 || rootHash.toString('base64') !== rootText) {
    return { ok: false, reason: '检查点正文格式不正确（应为来源、树大小、根哈希三行）' };
  }
  return { ok: true, checkpoint: { body, origin, treeSize, rootHash } };
}
