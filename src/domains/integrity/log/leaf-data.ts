import type { auditEvents } from '../../../db/schema/index.js';
import { canonicalJson } from '../../../shared/canonical-json.js';
import { leafHash } from './merkle.js';

/** An audit_events row as Drizzle reads it: every column of the table, whatever columns it gains. */
export type AuditEventRow = typeof auditEvents.$inferSelect;

/**
 * The bytes a leaf commits to: the canonical JSON of the WHOLE stored event row (keys sorted,
 * timestamps as ISO strings). Not a hand-picked column list, so a column added later (e.g. the
 * content commitments) is covered too, and so that the integrator and every verifier (ours,
 * a third party's with the row from the API) recompute exactly the same bytes.
 */
export const leafDataOfEvent = (row: AuditEventRow): Buffer => Buffer.from(canonicalJson(row), 'utf8');

export const leafHashOfEvent = (row: AuditEventRow) => leafHash(leafDataOfEvent(row));
