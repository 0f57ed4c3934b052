import { and, desc, eq, max, or, sql } from 'drizzle-orm';
import type { DbOrTx, Tx } from '../../../db/client.js';
import { logCheckpoints, logLeaves, logNodes } from '../../../db/schema/index.js';
import type { HashReader, NodeRef } from './merkle.js';

// Reads of the stored tree: leaf hashes are level 0 (log_leaves), complete subtrees above them
// are log_nodes. A proof names the O(log n) subtrees it needs and they are read in one query each.

/** One transaction-level lock that serialises every writer of the log across processes. */
export async function lockLog(tx: Tx, wait: boolean): Promise<boolean> {
  const key = sql`hashtextextended('liuhen.log', 0)`;
  if (wait) {
    await tx.execute(sql`select pg_advisory_xact_lock(${key})`);
    return true;
  }
  const r = await tx.execute(sql`select pg_try_advisory_xact_lock(${key}) as ok`);
  return Boolean((r as unknown as { rows: { ok: boolean }[] }).rows[0]?.ok);
}

export async function treeSize(db: DbOrTx): Promise<number> {
  const [row] = await db.select({ last: max(logLeaves.leafIndex) }).from(logLeaves);
  // max() of a bigint comes back as text on some drivers.
  return row?.last === null || row?.last === undefined ? 0 : Number(row.last) + 1;
}

/** Reads the named subtrees; the reader throws when asked for one that is not stored. */
export async function readSubtrees(db: DbOrTx, refs: NodeRef[]): Promise<HashReader> {
  const found = new Map<string, Buffer>();
  const leafIdx = refs.filter((r) => r.level === 0).map((r) => r.index);
  const upper = refs.filter((r) => r.level > 0);
  if (leafIdx.length) {
    const rows = await db.select({ i: logLeaves.leafIndex, h: logLeaves.leafHash }).from(logLeaves).where(or(...leafIdx.map((i) => eq(logLeaves.leafIndex, i))));
    for (const r of rows) found.set(`0/${r.i}`, r.h);
  }
  if (upper.length) {
    const rows = await db.select().from(logNodes).where(or(...upper.map((r) => and(eq(logNodes.level, r.level), eq(logNodes.idx, r.index)))));
    for (const r of rows) found.set(`${r.level}/${r.idx}`, r.hash);
  }
  return (level, index) => {
    const h = found.get(`${level}/${index}`);
    if (!h) throw new Error(`log subtree ${level}/${index} is not stored`);
    return h;
  };
}

export async function latestCheckpoint(db: DbOrTx) {
  const [row] = await db.select().from(logCheckpoints).orderBy(desc(logCheckpoints.treeSize)).limit(1);
  return row ?? null;
}

/** The checkpoint signed for exactly `size` leaves, if any. */
export async function checkpointAtSize(db: DbOrTx, size: number) {
  const [row] = await db.select().from(logCheckpoints).where(eq(logCheckpoints.treeSize, size)).limit(1);
  return row ?? null;
}
