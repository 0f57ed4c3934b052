import { desc, eq, max, sql } from 'drizzle-orm';
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

/**
 * Reads the named subtrees in one round trip (leaf hashes and upper nodes together, each by its
 * primary key), and with them the tree size; the reader throws when asked for one not stored.
 */
export async function readSubtreesAndSize(db: DbOrTx, refs: NodeRef[]): Promise<{ read: HashReader; size: number }> {
  const found = new Map<string, Buffer>();
  const leafIdx = refs.filter((r) => r.level === 0).map((r) => r.index);
  const upper = refs.filter((r) => r.level > 0);
  const list = (xs: number[]) => `{${xs.join(',')}}`;
  const r = await db.execute(sql`
    select -1 as level, (select max(leaf_index) from ${logLeaves}) as idx, null::bytea as hash
    union all select 0, leaf_index, leaf_hash from ${logLeaves} where leaf_index = any(${list(leafIdx)}::bigint[])
    union all select n.level, n.idx, n.hash from ${logNodes} n join unnest(${list(upper.map((u) => u.level))}::int[], ${list(upper.map((u) => u.index))}::bigint[]) as w(l, i) on n.level = w.l and n.idx = w.i`);
  let size = 0;
  for (const row of (r as unknown as { rows: { level: number | string; idx: number | string | null; hash: Uint8Array | null }[] }).rows) {
    if (Number(row.level) === -1) size = row.idx === null ? 0 : Number(row.idx) + 1;
    else found.set(`${Number(row.level)}/${Number(row.idx)}`, Buffer.from(row.hash!));
  }
  return { read: reader(found), size };
}

export async function readSubtrees(db: DbOrTx, refs: NodeRef[]): Promise<HashReader> {
  return (await readSubtreesAndSize(db, refs)).read;
}

function reader(found: Map<string, Buffer>): HashReader {
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

/** The checkpoint the log signed at exactly this tree size (a witness cosigns only those). */
export async function checkpointAtSize(db: DbOrTx, size: number) {
  const [row] = await db.select().from(logCheckpoints).where(eq(logCheckpoints.treeSize, size)).limit(1);
  return row ?? null;
}
