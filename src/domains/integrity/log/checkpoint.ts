import type { Db } from '../../../db/client.js';
import { logCheckpoints } from '../../../db/schema/index.js';
import { checkpointBody } from './checkpoint-text.js';
import { latestCheckpoint, lockLog, readSubtrees, treeSize } from './log-store.js';
import { rootHash, rootNodes } from './merkle.js';
import { signNote, type NoteSigner } from './signed-note.js';

export type Checkpoint = typeof logCheckpoints.$inferSelect;

/**
 * Signs the current tree head (C2SP tlog-checkpoint as a signed note) unless the latest
 * checkpoint already covers it, or — with `minAgeMs` — is younger than that. Under the log's
 * lock, so processes never sign two heads for one size. Returns the latest checkpoint after it
 * (null while the log is empty).
 */
export async function makeCheckpoint(db: Db, signer: NoteSigner, opts: { now?: Date; minAgeMs?: number } = {}): Promise<Checkpoint | null> {
  const now = opts.now ?? new Date();
  return db.transaction(async (tx) => {
    await lockLog(tx, true);
    const latest = await latestCheckpoint(tx);
    const size = await treeSize(tx);
    if (size === 0 || (latest && latest.treeSize >= size)) return latest;
    if (latest && opts.minAgeMs && now.getTime() - latest.createdAt.getTime() < opts.minAgeMs) return latest;
    const root = rootHash(size, await readSubtrees(tx, rootNodes(size)));
    const row = { treeSize: size, rootHash: root, note: signNote(checkpointBody(signer.name, size, root), signer), createdAt: now };
    await tx.insert(logCheckpoints).values(row);
    return row;
  });
}
