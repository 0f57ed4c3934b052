import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/client.js';
import type { ObjectStore } from '../../../store/object-store.js';
import type { CheckReport, Discrepancy } from './discrepancy.js';

// INT-2: every stored original re-hashed through the ObjectStore (local folder or S3). Keys are
// the SHA-256 of the content, so the key itself is what the bytes must hash to.

/** An object some record refers to, with the agency it belongs to (for alerts) and one referrer. */
export type ReferencedObject = { key: string; agencyId: string | null; matterId: string | null; table: string; refId: string };
/**
 * `overwritten`: on a versioned S3 bucket someone wrote over the key or put a delete marker on it.
 * The original version is intact and is what Liuhen reads (by its version id), so copies may still
 * be made — but a write behind the system's back is reported like any other.
 */
export type ObjectOutcome = 'ok' | 'changed' | 'missing' | 'unreadable' | 'overwritten';
export type ObjectsProgress = { afterKey: string; examined: number; bytes: number };

const REFERENCES = sql`
  select object_key as key, agency_id, matter_id, 'av_records' as tbl, id::text as ref_id from av_records
  union all
  select d.object_key, r.agency_id, r.matter_id, 'av_derivatives', d.id::text from av_derivatives d join av_records r on r.id = d.av_record_id
  union all
  select s.object_key, m.agency_id, m.id, 'document_signatures', s.id::text
    from document_signatures s join documents doc on doc.id = s.document_id join matters m on m.id = doc.matter_id where s.object_key is not null
  union all
  select a.object_key, m.agency_id, m.id, 'document_attachments', a.id::text
    from document_attachments a join documents doc on doc.id = a.document_id join matters m on m.id = doc.matter_id
  union all
  select sa.signature_key, m.agency_id, m.id, 'step_approvals', sa.id::text from step_approvals sa join matters m on m.id = sa.matter_id where sa.signature_key is not null`;

type RefRow = { key: string; agency_id: string | null; matter_id: string | null; tbl: string; ref_id: string };
const referencedObject = (r: RefRow): ReferencedObject => ({ key: r.key, agencyId: r.agency_id, matterId: r.matter_id, table: r.tbl, refId: r.ref_id });

/**
 * The `limit` referenced objects checked longest ago (never-checked first): the scheduled
 * fixity check's share for one tick (src/domains/integrity/fixity).
 */
export async function objectsDueForFixity(db: DbOrTx, limit: number): Promise<ReferencedObject[]> {
  const res = await db.execute(sql`
    select o.* from (select distinct on (key) key, agency_id, matter_id, tbl, ref_id from (${REFERENCES}) refs order by key, tbl) o
    left join fixity_checks f on f.object_key = o.key
    order by f.checked_at asc nulls first, o.key limit ${limit}`);
  return (res as unknown as { rows: RefRow[] }).rows.map(referencedObject);
}

/** Every referenced object once, in key order after `afterKey`, a batch at a time. */
export async function* referencedObjects(db: DbOrTx, afterKey = '', batch = 1000): AsyncGenerator<ReferencedObject[]> {
  let after = afterKey;
  for (;;) {
    const res = await db.execute(sql`
      select distinct on (key) key, agency_id, matter_id, tbl, ref_id from (${REFERENCES}) refs
      where key > ${after} order by key, tbl limit ${batch}`);
    const rows = (res as unknown as { rows: RefRow[] }).rows;
    if (!rows.length) return;
    yield rows.map(referencedObject);
    after = rows.at(-1)!.key;
    if (rows.length < batch) return;
  }
}

export async function countReferencedObjects(db: DbOrTx): Promise<number> {
  const res = await db.execute(sql`select count(distinct key)::int as n from (${REFERENCES}) refs`);
  return Number((res as unknown as { rows: Array<{ n: number }> }).rows[0]!.n);
}

/** Re-hashes one object as a stream (never loaded whole): what it is now, and how many bytes were read. */
export async function rehashObject(store: ObjectStore, key: string): Promise<{ outcome: ObjectOutcome; bytes: number; detail?: string }> {
  let stat: Awaited<ReturnType<ObjectStore['stat']>>;
  try {
    stat = await store.stat(key);
  } catch (err) {
    return { outcome: 'unreadable', bytes: 0, detail: (err as Error).message };
  }
  if (!stat) return { outcome: 'missing', bytes: 0 };
  const hash = createHash('sha256');
  let bytes = 0;
  try {
    for await (const chunk of await store.read(key)) {
      hash.update(chunk as Buffer);
      bytes += (chunk as Buffer).length;
    }
  } catch (err) {
    return { outcome: 'unreadable', bytes, detail: (err as Error).message };
  }
  const actual = hash.digest('hex');
  if (actual !== key) return { outcome: 'changed', bytes, detail: actual };
  const hidden = (stat.laterVersions ?? 0) + (stat.deleteMarkers ?? 0);
  if (hidden) return { outcome: 'overwritten', bytes, detail: `存储桶中该键另有 ${stat.laterVersions ?? 0} 个后写入的版本、${stat.deleteMarkers ?? 0} 个删除标记` };
  return { outcome: 'ok', bytes };
}

export const outcomeText: Record<Exclude<ObjectOutcome, 'ok'>, string> = {
  missing: '原件缺失',
  changed: '原件内容与其 SHA-256 不符',
  unreadable: '无法读取',
  overwritten: '存储桶中的原件被另行写入或标记删除（原始版本完好）',
};

export function objectDiscrepancy(obj: ReferencedObject, outcome: Exclude<ObjectOutcome, 'ok'>, detail?: string): Discrepancy {
  return {
    check: 'object',
    table: 'object_store',
    recordId: obj.key,
    what: `${outcomeText[outcome]}（被 ${obj.table} ${obj.refId} 引用）${(outcome === 'unreadable' || outcome === 'overwritten') && detail ? `：${detail}` : ''}`,
    proof: { expected: obj.key, ...(outcome === 'changed' && detail ? { actual: detail } : {}) },
  };
}

export async function verifyObjects(
  db: DbOrTx,
  store: ObjectStore,
  opts: { afterKey?: string; onProgress?: (p: ObjectsProgress, found: Discrepancy[]) => void | Promise<void> } = {},
): Promise<CheckReport & { bytes: number; seconds: number }> {
  const started = process.hrtime.bigint();
  const discrepancies: Discrepancy[] = [];
  let examined = 0;
  let bytes = 0;
  for await (const objects of referencedObjects(db, opts.afterKey)) {
    const found: Discrepancy[] = [];
    for (const obj of objects) {
      const r = await rehashObject(store, obj.key);
      bytes += r.bytes;
      if (r.outcome !== 'ok') found.push(objectDiscrepancy(obj, r.outcome, r.detail));
    }
    examined += objects.length;
    discrepancies.push(...found);
    await opts.onProgress?.({ afterKey: objects.at(-1)!.key, examined, bytes }, found);
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return { check: 'object', examined, discrepancies, bytes, seconds };
}
