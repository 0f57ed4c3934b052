import type { auditEvents } from '../../../db/schema/index.js';
import { leafHash } from './merkle.js';

/** An audit_events row as Drizzle reads it: every column of the table, whatever columns it gains. */
export type AuditEventRow = typeof auditEvents.$inferSelect;

/**
 * The bytes a leaf commits to: the canonical JSON (src/shared/canonical-json.ts) of the WHOLE
 * stored event row — keys sorted, timestamps as ISO strings. Not a hand-picked column list, so a
 * column added later (e.g. content commitments) is covered too, and the integrator and every
 * verifier (ours, or a third party's from the row the API shows) get exactly the same bytes.
 */
export const leafDataOfEvent = (row: AuditEventRow): Buffer => Buffer.from(leafJson(row), 'utf8');

// The same bytes, hashed from the string (no Buffer made per leaf: verify hashes every leaf).
export const leafHashOfEvent = (row: AuditEventRow) => leafHash(leafJson(row));

// Byte for byte canonicalJson(row), faster: `liuhen verify` re-derives every leaf, and every row
// has the same columns, so the top level's sorted key order is worked out once, not per row.
let lastKeys: string[] = [];
let lastSorted: { key: string; quoted: string }[] = [];

function leafJson(row: Record<string, unknown>): string {
  const keys = Object.keys(row);
  if (keys.length !== lastKeys.length || keys.some((k, i) => k !== lastKeys[i])) {
    lastKeys = keys;
    lastSorted = [...keys].sort().map((key) => ({ key, quoted: JSON.stringify(key) }));
  }
  let out = '';
  for (const { key, quoted } of lastSorted) {
    const v = row[key];
    if (v === undefined) continue;
    out += `${out ? ',' : ''}${quoted}:${leafValueText(v)}`;
  }
  return `{${out}}`;
}

/** One column's value as it appears in the leaf's JSON (also used by leaf-rows.ts, so both say it once). */
export const leafValueText = (v: unknown): string =>
  v === null || typeof v !== 'object' ? JSON.stringify(v) : v instanceof Date ? JSON.stringify(v.toISOString()) : canonicalValue(v);

// Array indexes ('0', '7', '4294967294'): a JS object lists such keys first, in numeric order,
// whatever order they were set in — so canonicalJson's sorted copy serialises them that way.
const isArrayIndex = (k: string) => /^(?:0|[1-9]\d{0,9})$/.test(k) && Number(k) < 4294967295;

/**
 * Byte for byte canonicalJson(v) for a value read from a jsonb column, without building the
 * sorted copy: array-index keys first in numeric order, then the other keys sorted; a
 * '__proto__' key is an ordinary key, committed like any other. leaf-data.test.ts pins this to
 * canonicalJson on generated values.
 */
function canonicalValue(v: unknown): string {
  if (v === null || typeof v !== 'object') return JSON.stringify(v) ?? 'null';
  if (v instanceof Date) return JSON.stringify(v.toISOString());
  if (Array.isArray(v)) {
    let out = '';
    for (let i = 0; i < v.length; i++) out += (i ? ',' : '') + (v[i] === undefined ? 'null' : canonicalValue(v[i]));
    return `[${out}]`;
  }
  const keys = Object.keys(v);
  let firstNamed = 0;
  while (firstNamed < keys.length && isArrayIndex(keys[firstNamed]!)) firstNamed++;
  const ordered = firstNamed ? [...keys.slice(0, firstNamed), ...keys.slice(firstNamed).sort()] : keys.sort();
  let out = '';
  for (const k of ordered) {
    const x = (v as Record<string, unknown>)[k];
    if (x === undefined) continue;
    out += `${out ? ',' : ''}${JSON.stringify(k)}:${canonicalValue(x)}`;
  }
  return `{${out}}`;
}
