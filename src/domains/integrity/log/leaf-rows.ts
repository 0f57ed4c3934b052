import { Column, getTableColumns, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/client.js';
import { auditEvents } from '../../../db/schema/index.js';
import { leafValueText } from './leaf-data.js';
import { leafHash } from './merkle.js';

// `liuhen verify`'s read path (INT-2). Reading joined rows through Drizzle's per-row mapping was
// most of verify's time, so a batch of leaves with their events comes back as ONE json text that
// PostgreSQL (or PGlite) builds and one JSON.parse reads. The leaf bytes must be exactly those
// the integrator made from the row Drizzle gave it, so each column travels as the text the driver
// would have received (jsonb as itself, since both drivers JSON.parse it), goes through that
// column's own Drizzle `mapFromDriverValue`, and is written by leaf-data.ts's `leafValueText`.

/** SQL types whose driver value is their text form (both drivers; Drizzle keeps timestamps as text) or parsed JSON. */
const TEXT_TYPES = /^(text|uuid|varchar.*|character varying.*|bigint|bigserial|timestamp.*)$/;
const JSON_TYPES = /^(jsonb|json)$/;

/** `map` is null where Drizzle leaves the driver value as it is (text, uuid): no call per value. */
type EventColumn = { key: string; column: Column; map: ((v: unknown) => unknown) | null };
const eventColumns: EventColumn[] = Object.entries(getTableColumns(auditEvents)).map(([key, column]) => {
  const type = column.getSQLType();
  // A column of another type (integer, boolean, numeric, bytea…) is parsed differently by the
  // drivers: teach this file its driver value before it can be read here.
  if (!TEXT_TYPES.test(type) && !JSON_TYPES.test(type)) throw new Error(`leaf-rows: audit_events.${column.name} has type ${type}, which the fast read path does not know`);
  const identity = column.mapFromDriverValue === Column.prototype.mapFromDriverValue;
  return { key, column, map: identity ? null : (v: unknown) => column.mapFromDriverValue(v) };
});
const eventSelect = eventColumns.map(({ column }) => (JSON_TYPES.test(column.getSQLType()) ? `e."${column.name}"` : `e."${column.name}"::text`)).join(', ');

// The event's leaf JSON (leafDataOfEvent's bytes) straight from the column values, keys in the
// same sorted order, without making the row object. One shortcut: a UTC timestamp
// text ('2026-03-02 02:00:00.123456+00') becomes its ISO string by hand — what new Date() and
// toISOString() give (milliseconds, the rest cut off), without making a Date per leaf. Years
// before 1000 take the Date path: V8 reads '0001-…' as 2001, and the integrator's leaf says so.
const sortedColumns = eventColumns.map((c, i) => ({ ...c, i, quoted: JSON.stringify(c.key), utc: isDateTimestamp(c.column) })).sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
const UTC_TEXT = /^([1-9]\d{3}-\d\d-\d\d) (\d\d:\d\d:\d\d)(?:\.(\d{1,6}))?\+00$/;

function isDateTimestamp(column: Column) {
  const c = column as Column & { withTimezone?: boolean };
  return column.columnType === 'PgTimestamp' && c.withTimezone === true;
}

function leafJsonOfValues(values: unknown[]): string {
  let out = '';
  for (const { i, map, quoted, utc } of sortedColumns) {
    const v = values[i];
    let text: string;
    const m = utc && typeof v === 'string' ? UTC_TEXT.exec(v) : null;
    if (m) text = `"${m[1]}T${m[2]}.${(m[3] ?? '').padEnd(3, '0').slice(0, 3)}Z"`;
    else text = leafValueText(v === null || !map ? v : map(v));
    out += `${out ? ',' : ''}${quoted}:${text}`;
  }
  return `{${out}}`;
}

/**
 * `eventHash`: the leaf hash of the event as it is now (of leafDataOfEvent's bytes); null when the
 * event is gone. `eventJson`, those bytes as a string, only when asked for (tests): hashed at
 * once, the JSON of a whole batch is never kept, which spares the garbage collector most work.
 */
export type LeafWithEvent = { leafIndex: number; auditSeq: number; leafHash: Buffer; eventHash: Buffer | null; eventJson?: string | null };

/**
 * The stored leaves with index in (after, after + count], in index order, each with its event's
 * leaf hash (null when the event was deleted). A range, not `> after … limit`: its row estimate
 * is right even before the table was analysed, so the plan stays a short index scan.
 */
export async function readLeavesAfter(db: DbOrTx, after: number, count: number, opts: { keepJson?: boolean } = {}): Promise<LeafWithEvent[]> {
  // The event by a correlated subquery: always one primary-key lookup per leaf, where a join may
  // be planned as a scan of the whole audit_events table for every batch. The aggregate gets the
  // leaves in index order from the subquery (an ORDER BY inside it would sort again); the order
  // is checked below rather than trusted.
  const text = await oneText(db, `select coalesce(json_agg(json_build_array(l.leaf_index, l.audit_seq::text, encode(l.leaf_hash, 'base64'),
      (select json_build_array(${eventSelect}) from audit_events e where e.seq = l.audit_seq))), '[]')::text as t
    from (select * from log_leaves where leaf_index > ${Math.trunc(after)} and leaf_index <= ${Math.trunc(after) + Math.trunc(count)} order by leaf_index) l`);
  const rows = (JSON.parse(text) as [number, string, string, unknown[] | null][]).map(([leafIndex, seq, hash, ev]): LeafWithEvent => {
    const json = ev ? leafJsonOfValues(ev) : null;
    const row: LeafWithEvent = { leafIndex, auditSeq: Number(seq), leafHash: Buffer.from(hash, 'base64'), eventHash: json === null ? null : leafHash(json) };
    if (opts.keepJson) row.eventJson = json;
    return row;
  });
  for (let i = 1; i < rows.length; i++) if (rows[i]!.leafIndex <= rows[i - 1]!.leafIndex) return rows.sort((a, b) => a.leafIndex - b.leafIndex);
  return rows;
}

/** The smallest stored leaf index after `after`, or null: where to go on past a run of missing leaves. */
export async function firstLeafAfter(db: DbOrTx, after: number): Promise<number | null> {
  const t = await oneText<string | null>(db, `select min(leaf_index)::text as t from log_leaves where leaf_index > ${Math.trunc(after)}`);
  return t === null ? null : Number(t);
}

/** Stored subtree hashes (hex) completed by leaves [from, to), keyed by `nodeKey(level, idx)`. */
export async function readNodesCompletedBy(db: DbOrTx, from: number, to: number): Promise<Map<number, string>> {
  const ranges: string[] = [];
  for (let level = 1; 2 ** level <= to; level++) {
    const lo = Math.ceil((from + 1) / 2 ** level) - 1;
    const hi = Math.floor(to / 2 ** level) - 1;
    if (hi >= lo) ranges.push(`(level = ${level} and idx between ${lo} and ${hi})`);
  }
  const map = new Map<number, string>();
  if (!ranges.length) return map;
  const text = await oneText(db, `select coalesce(json_agg(json_build_array(level, idx, encode(hash, 'hex'))), '[]')::text as t from log_nodes where ${ranges.join(' or ')}`);
  for (const [level, idx, hex] of JSON.parse(text) as [number, number, string][]) map.set(nodeKey(level, idx), hex);
  return map;
}

/** One number per (level, index): levels stay below 64, indexes below 2^46. */
export const nodeKey = (level: number, index: number) => index * 64 + level;

async function oneText<T extends string | null = string>(db: DbOrTx, query: string): Promise<T> {
  const r = (await db.execute(sql.raw(query))) as unknown as { rows: Array<{ t: T }> };
  return r.rows[0]!.t;
}
