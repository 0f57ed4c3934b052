import { parseCheckpointBody } from '../log/checkpoint-text.js';
import { openNote } from '../log/signed-note.js';

// What a witness needs of a checkpoint the server hands it: the log's signature must verify with
// the key the witness pinned, and the body must be a C2SP tlog-checkpoint (origin, size, root).

export type Checkpoint = { body: string; origin: string; treeSize: number; rootHash: Buffer };

/** Verifies the log's signature on a checkpoint note and parses it; the Chinese reason when it does not hold. */
export function openCheckpoint(note: string, logVerifierKey: string): { ok: true; checkpoint: Checkpoint } | { ok: false; reason: string } {
  const body = openNote(note, logVerifierKey);
  if (!body) return { ok: false, reason: '检查点没有日志密钥的有效签名（或格式不正确）' };
  const parsed = parseCheckpointBody(body);
  if (!parsed) return { ok: false, reason: '检查点正文格式不正确（应为来源、树大小、根哈希三行）' };
  return { ok: true, checkpoint: { body, origin: parsed.origin, treeSize: parsed.size, rootHash: parsed.root } };
}
