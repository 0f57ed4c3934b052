import { asc, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../../db/client.js';
import { auditEvents, logLeaves, logNodes, logPending } from '../../../db/schema/index.js';
import { leafHashOfEvent } from './leaf-data.js';
import { rootNodes, nodeHash, type Hash } from './merkle.js';
import { lockLog, readSubtrees, treeSize } from './log-store.js';

export const DEFAULT_BATCH = 5000;
// Whole columns travel as one array parameter each (a PostgreSQL array literal, which pg and
// PGlite pass alike), so a batch is a handful of statements whatever its size.
const arrayLiteral = (xs: ReadonlyArray<string | number>) => `{${xs.join(',')}}`;

/**
 * Turns queued audit events into leaves (INT-1), batch after batch, until the queue is empty.
 * One transaction per batch: the pending rows are read in audit_seq order, appended with the
 * next contiguous leaf indexes, the newly completed subtrees stored, the pending rows deleted.
 * Every batch holds the log's advisory lock, so across processes one integrator appends at a
 * time; a process that finds it taken returns at once (the holder drains the queue).
 * Returns how many leaves were appended.
 */
export async function integratePending(db: Db, opts: { batchSize?: number; now?: () => Date } = {}): Promise<number> {
  let total = 0;
  for (;;) {
    const appended = await db.transaction((tx) => integrateBatch(tx, opts.batchSize ?? DEFAULT_BATCH, (opts.now ?? (() => new Date()))()));
    if (appended === null) return total;
    total += appended;
  }
}

/** One batch; null when there was nothing to do or another process is integrating. */
async function integrateBatch(tx: Tx, batchSize: number, now: Date): Promise<number | null> {
  if (!(await lockLog(tx, false))) return null;
  const pending = await tx.select({ seq: logPending.auditSeq }).from(logPending).orderBy(asc(logPending.auditSeq)).limit(batchSize);
  if (!pending.length) return null;
  const seqs = pending.map((p) => p.seq);
  const seqArray = arrayLiteral(seqs);
  const events = new Map((await tx.select().from(auditEvents).where(sql`${auditEvents.seq} = any(${seqArray}::bigint[])`)).map((e) => [e.seq, e]));
  const missing = seqs.filter((s) => !events.has(s));
  // A queued event exists by construction (same transaction); a missing one was deleted behind
  // the system's back. Stop rather than log a gap: `liuhen verify` names it.
  if (missing.length) throw new Error(`log integration stopped: audit events ${missing.slice(0, 5).join(', ')} are queued but missing`);

  const size = await treeSize(tx);
  const edge = rootNodes(size);
  const read = await readSubtrees(tx, edge);
  // The right edge of the tree: complete subtrees left to right, strictly decreasing in size.
  const stack: { level: number; index: number; hash: Hash }[] = edge.map((r) => ({ ...r, hash: read(r.level, r.index) }));
  const leafHashes: string[] = [];
  const nodes: { level: number; idx: number; hash: string }[] = [];
  seqs.forEach((seq, k) => {
    const leafIndex = size + k;
    const hash = leafHashOfEvent(events.get(seq)!);
    leafHashes.push(hash.toString('hex'));
    stack.push({ level: 0, index: leafIndex, hash });
    // Two neighbours of one level make the complete subtree above them.
    while (stack.length >= 2 && stack.at(-1)!.level === stack.at(-2)!.level) {
      const right = stack.pop()!;
      const left = stack.pop()!;
      const up = { level: right.level + 1, index: Math.floor(right.index / 2), hash: nodeHash(left.hash, right.hash) };
      stack.push(up);
      nodes.push({ level: up.level, idx: up.index, hash: up.hash.toString('hex') });
    }
  });
  await tx.execute(sql`insert into ${logLeaves} (leaf_index, audit_seq, leaf_hash, integrated_at)
    select ${size} + u.ord - 1, u.seq, decode(u.h, 'hex'), ${now.toISOString()}::timestamptz
    from unnest(${seqArray}::bigint[], ${arrayLiteral(leafHashes)}::text[]) with ordinality as u(seq, h, ord)`);
  if (nodes.length) {
    await tx.execute(sql`insert into ${logNodes} (level, idx, hash)
      select u.l, u.i, decode(u.h, 'hex') from unnest(${arrayLiteral(nodes.map((n) => n.level))}::int[], ${arrayLiteral(nodes.map((n) => n.idx))}::bigint[], ${arrayLiteral(nodes.map((n) => n.hash))}::text[]) as u(l, i, h)`);
  }
  await tx.execute(sql`delete from ${logPending} where audit_seq = any(${seqArray}::bigint[])`);
  return seqs.length;
}
