import type { auditEvents } from '../../../db/schema/index.js';
import { canonicalJson } from '../../../shared/canonical-json.js';
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

export const leafHashOfEvent = (row: AuditEventRow) => leafHash(leafDataOfEvent(row));

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
    const text = v === null || typeof v !== 'object' ? JSON.stringify(v) : v instanceof Date ? JSON.stringify(v.toISOString()) : canonicalJson(v);
    out += `${out ? ',' : ''}${quoted}:${text}`;
  }
  return `{${out}}`;
}
