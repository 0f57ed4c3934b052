import type { Db } from '../../db/client.js';
import type { AuditAction } from './audit-actions.js';
import { recordAudit, type Actor, type AuditRecord } from './record-audit.js';

/** The actions that record a read (INT-1): a view, a playback, a print, a download, an export. */
export const readActions = [
  'matter.viewed',
  'matter.timeline_viewed',
  'document.viewed',
  'document.printed',
  'document.downloaded',
  'av.viewed',
  'av.played',
  'av.downloaded',
  'legal_review.viewed',
  'export.downloaded',
  'audit.viewed',
] as const satisfies readonly AuditAction[];
export type ReadAction = (typeof readActions)[number];

export type ReadEvent = {
  action: ReadAction;
  agencyId: string | null;
  objectType: string;
  objectId: string | null;
  details?: AuditRecord | null;
};

/**
 * Records that someone read a record. Call it only after the policy allowed the read and the
 * record was found (a refused or missing read is no "view"), and before the answer is sent: if
 * the event cannot be written the read fails, so nothing leaves the system unrecorded. A GET
 * changes nothing else, so the event has its own short transaction. Its commit waits for the
 * WAL flush like any other: with `synchronous_commit = off` a read would cost less (bench/
 * read-audit.bench.ts) but whoever crashes the database right after a read could erase it.
 */
export async function recordRead(db: Db, actor: Actor, event: ReadEvent, now: Date) {
  await db.transaction((tx) => recordAudit(tx, actor, event, now));
}
