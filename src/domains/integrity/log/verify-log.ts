import { and, asc, gt, lt, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.js';
import { auditEvents, logCheckpoints, logLeaves, logPending } from '../../../db/schema/index.js';
import type { CheckReport, Discrepancy } from '../verify/discrepancy.js';
import { parseCheckpointBody } from './checkpoint-text.js';
import { firstLeafAfter, nodeKey, readLeavesAfter, readNodesCompletedBy } from './leaf-rows.js';
import { nodeHash, type Hash } from './merkle.js';
import { openNote } from './signed-note.js';

export type VerifyLogOptions = {
  /** The log's verifier key (Go note format) every checkpoint must be signed with. */
  verifierKey: string;
  /** The origin line checkpoints must carry; any when absent. */
  origin?: string;
  /** An event this much older than `now` with neither leaf nor queue row was never logged. */
  unloggedAfterMs?: number;
  now?: Date;
  batchSize?: number;
  onProgress?: (leavesDone: number) => void;
};

type CheckpointRow = typeof logCheckpoints.$inferSelect;
const b64 = (h: Buffer) => h.toString('base64');

/**
 * Re-derives the log from what is stored (INT-1, INT-2) and names every thing that does not hold:
 * each leaf against its audit event as it is now (changed, deleted), the leaves' numbering, every
 * stored subtree hash, every checkpoint's signature and its root against the tree recomputed at
 * its size (so a history rewritten, or a forked tree signed with our key, is named), and events
 * that never became leaves. Streams the leaves in batches; memory stays O(batch + log n).
 * Returns the 'log' report and the 'event' report.
 */
export async function verifyLog(db: Db, opts: VerifyLogOptions): Promise<CheckReport[]> {
  const log: CheckReport = { check: 'log', examined: 0, discrepancies: [] };
  const event: CheckReport = { check: 'event', examined: 0, discrepancies: [] };
  const logIssue = (recordId: string, what: string, proof?: Discrepancy['proof'], table = 'log_leaves') => log.discrepancies.push({ check: 'log', table, recordId, what, proof });
  const batchSize = opts.batchSize ?? 20_000;

  // Checkpoints, in size order, a page at a time.
  let cpPage: CheckpointRow[] = [];
  let cpAfter = -1;
  const nextCheckpoint = async () => {
    if (!cpPage.length) {
      cpPage = await db.select().from(logCheckpoints).where(gt(logCheckpoints.treeSize, cpAfter)).orderBy(asc(logCheckpoints.treeSize)).limit(1000);
      if (cpPage.length) cpAfter = cpPage.at(-1)!.treeSize;
    }
    return cpPage.shift() ?? null;
  };
  /** The checkpoint's signed root, or null (and a discrepancy) when its note does not hold. */
  const signedRoot = (c: CheckpointRow): Buffer | null => {
    log.examined++;
    const text = openNote(c.note, opts.verifierKey);
    const body = text ? parseCheckpointBody(text) : null;
    const id = String(c.treeSize);
    if (!text) logIssue(id, `检查点（树大小 ${c.treeSize}）的签名无效，或不是本日志的签名密钥所签`, { checkpointSize: c.treeSize }, 'log_checkpoints');
    else if (!body) logIssue(id, `检查点（树大小 ${c.treeSize}）的文本不是有效的 tlog-checkpoint`, { checkpointSize: c.treeSize }, 'log_checkpoints');
    else if (opts.origin && body.origin !== opts.origin) logIssue(id, `检查点的日志名称「${body.origin}」不是本日志的「${opts.origin}」`, { checkpointSize: c.treeSize }, 'log_checkpoints');
    else if (body.size !== c.treeSize || !body.root.equals(c.rootHash)) logIssue(id, `检查点行（树大小 ${c.treeSize}）与其签名文本不一致`, { checkpointSize: c.treeSize, expected: `${body.size} ${b64(body.root)}`, actual: `${c.treeSize} ${b64(c.rootHash)}` }, 'log_checkpoints');
    else return body.root;
    return null;
  };

  let checkpoint = await nextCheckpoint();
  // The recomputed tree's right edge: complete subtrees, strictly decreasing in size.
  const stack: { level: number; hash: Hash }[] = [];
  const rootNow = () => stack.reduceRight<Hash | null>((acc, s) => (acc ? nodeHash(s.hash, acc) : s.hash), null);
  const checkCheckpoint = (c: CheckpointRow) => {
    const root = signedRoot(c);
    const recomputed = rootNow()!;
    if (root && !root.equals(recomputed)) {
      logIssue(String(c.treeSize), `检查点（树大小 ${c.treeSize}）签名的根与由现存叶子重算的根不一致：日志在此之前被改写，或签过另一棵同样大小的树（分叉）`, { checkpointSize: c.treeSize, expected: b64(root), actual: b64(recomputed) }, 'log_checkpoints');
    }
  };

  // Leaves with their events, and the subtrees they complete, a batch at a time; the next batch
  // is fetched while this one is hashed, so the database and the hashing work side by side.
  // Batches are index ranges; an empty one is the end, or a run of missing leaves to jump over.
  const fetchBatch = async (after: number) => {
    let rows = await readLeavesAfter(db, after, batchSize);
    if (!rows.length) {
      const first = await firstLeafAfter(db, after);
      if (first !== null) rows = await readLeavesAfter(db, (after = first - 1), batchSize);
    }
    const stored = rows.length ? await readNodesCompletedBy(db, rows[0]!.leafIndex, rows.at(-1)!.leafIndex + 1) : new Map<number, string>();
    return { rows, stored, end: after + batchSize };
  };
  let expected = 0;
  let size = 0;
  let next = fetchBatch(-1);
  for (;;) {
    const { rows, stored, end } = await next;
    if (!rows.length) break;
    next = fetchBatch(end);
    for (const leaf of rows) {
      const actual = leaf.eventHash;
      if (leaf.leafIndex !== expected) {
        logIssue(String(expected), `日志叶子不连续：缺少第 ${expected}–${leaf.leafIndex - 1} 号叶子`, { leafIndex: expected });
        expected = leaf.leafIndex;
      }
      log.examined++;
      event.examined++;
      if (!actual) {
        event.discrepancies.push({ check: 'event', table: 'audit_events', recordId: String(leaf.auditSeq), what: `审计事件已被删除：日志第 ${leaf.leafIndex} 号叶子承诺了它`, proof: { leafIndex: leaf.leafIndex, expected: b64(leaf.leafHash) } });
      } else if (!actual.equals(leaf.leafHash)) {
        event.discrepancies.push({ check: 'event', table: 'audit_events', recordId: String(leaf.auditSeq), what: `审计事件与日志第 ${leaf.leafIndex} 号叶子承诺的内容不一致（事件被修改）`, proof: { leafIndex: leaf.leafIndex, expected: b64(leaf.leafHash), actual: b64(actual) } });
      }
      // The tree as stored: its leaves' hashes, folded into complete subtrees.
      let top = { level: 0, hash: leaf.leafHash };
      let index = leaf.leafIndex;
      while (stack.length && stack.at(-1)!.level === top.level) {
        const left = stack.pop()!;
        index = Math.floor(index / 2);
        top = { level: top.level + 1, hash: nodeHash(left.hash, top.hash) };
        const kept = stored.get(nodeKey(top.level, index));
        if (kept !== top.hash.toString('hex')) {
          logIssue(`${top.level}/${index}`, kept ? `存储的子树哈希（层 ${top.level}，序号 ${index}）与由叶子重算的不一致` : `缺少子树哈希（层 ${top.level}，序号 ${index}）`, { expected: b64(top.hash), actual: kept ? b64(Buffer.from(kept, 'hex')) : undefined }, 'log_nodes');
        }
      }
      stack.push(top);
      expected = leaf.leafIndex + 1;
      size = expected;
      if (checkpoint && checkpoint.treeSize < size) checkpoint = await skipPast(checkpoint, size);
      if (checkpoint?.treeSize === size) {
        checkCheckpoint(checkpoint);
        checkpoint = await nextCheckpoint();
      }
    }
    opts.onProgress?.(size);
  }
  // Checkpoints beyond the stored leaves: leaves were removed after they were signed.
  while (checkpoint) {
    signedRoot(checkpoint);
    logIssue(String(checkpoint.treeSize), `检查点签名了 ${checkpoint.treeSize} 个叶子，但日志现只有 ${size} 个：叶子被删除`, { checkpointSize: checkpoint.treeSize }, 'log_checkpoints');
    checkpoint = await nextCheckpoint();
  }
  await findUnlogged(db, opts, event);
  return [log, event];

  // A checkpoint whose size was skipped by a gap in the numbering cannot be recomputed: named.
  async function skipPast(c: CheckpointRow | null, at: number) {
    while (c && c.treeSize < at) {
      signedRoot(c);
      logIssue(String(c.treeSize), `检查点（树大小 ${c.treeSize}）落在缺失的叶子之间，无法重算`, { checkpointSize: c.treeSize }, 'log_checkpoints');
      c = await nextCheckpoint();
    }
    return c;
  }
}

async function findUnlogged(db: Db, opts: VerifyLogOptions, report: CheckReport) {
  const before = new Date((opts.now ?? new Date()).getTime() - (opts.unloggedAfterMs ?? 10 * 60_000));
  const rows = await db.select({ seq: auditEvents.seq }).from(auditEvents).where(and(
    lt(auditEvents.occurredAt, before),
    sql`not exists (select 1 from ${logLeaves} where ${logLeaves.auditSeq} = ${auditEvents.seq})`,
    sql`not exists (select 1 from ${logPending} where ${logPending.auditSeq} = ${auditEvents.seq})`,
  )).orderBy(asc(auditEvents.seq)).limit(10_000);
  for (const r of rows) report.discrepancies.push({ check: 'event', table: 'audit_events', recordId: String(r.seq), what: '审计事件未入日志：既不是日志叶子，也不在待入队列中（可能是绕过系统插入的）' });
}
