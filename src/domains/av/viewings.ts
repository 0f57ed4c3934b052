import { and, eq, gt } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { avViewings } from '../../db/schema/index.js';
import type { Principal } from '../auth/principal.js';
import { recordAudit, type Actor } from '../audit/record-audit.js';
import { recordRead } from '../audit/record-read.js';
import { loadAvRecord, type AvRow } from './av-records.js';
import type { RangeResult } from './byte-range.js';
import { mediaReadAction } from './playback-audit.js';

/** A viewing lasts a working session: long enough to watch and scrub a long recording. */
export const VIEWING_HOURS = 8;

/** Opens a viewing of a record the caller may see: the one `av.played` event of this playback. */
export async function openViewing(db: Db, actor: Actor, p: Principal, agencyId: string, recordId: string, now: Date) {
  const record = await loadAvRecord(db, p, agencyId, recordId);
  const expiresAt = new Date(now.getTime() + VIEWING_HOURS * 3600_000);
  return db.transaction(async (tx) => {
    const [viewing] = await tx.insert(avViewings).values({ avRecordId: record.id, userId: p.userId, openedAt: now, expiresAt }).returning();
    await recordAudit(tx, actor, { action: 'av.played', agencyId, objectType: 'av_record', objectId: record.id, details: { viewingId: viewing!.id } }, now);
    return { id: viewing!.id, expiresAt: expiresAt.toISOString() };
  });
}

/**
 * Records the read of a media request (the original or a playable copy) unless it continues one
 * already recorded: see `mediaReadAction`. A viewing of another user or record, or expired, is
 * as none.
 */
export async function recordMediaRead(db: Db, actor: Actor, p: Principal, record: AvRow, request: { viewingId?: string; served: RangeResult; derivativeId?: string }, now: Date) {
  const underViewing = request.viewingId ? await viewingHolds(db, request.viewingId, record.id, p.userId, now) : false;
  const action = mediaReadAction({ served: request.served, underViewing, original: !request.derivativeId });
  if (!action) return;
  const details = request.derivativeId ? { derivativeId: request.derivativeId } : null;
  await recordRead(db, actor, { action, agencyId: record.agencyId, objectType: 'av_record', objectId: record.id, details }, now);
}

async function viewingHolds(db: Db, viewingId: string, recordId: string, userId: string, now: Date) {
  const [row] = await db
    .select({ id: avViewings.id })
    .from(avViewings)
    .where(and(eq(avViewings.id, viewingId), eq(avViewings.avRecordId, recordId), eq(avViewings.userId, userId), gt(avViewings.expiresAt, now)));
  return Boolean(row);
}
