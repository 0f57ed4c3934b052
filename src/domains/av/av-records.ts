import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db } from '../../db/client.js';
import { avBookmarks, avDerivatives, avInterruptions, avRecords, matters } from '../../db/schema/index.js';
import { AppError, notFound } from '../../shared/errors.js';
import { iso } from '../../shared/http-schemas.js';
import { recordAudit, type Actor } from '../audit/record-audit.js';
import type { Principal } from '../auth/principal.js';
import { loadMatter } from '../matters/load-matter.js';
import type { bookmarkInput, interruptionInput, organiseInput } from './schemas.js';
import type { avInterruptionView, avRecordView } from './views.js';

export type AvRow = typeof avRecords.$inferSelect;
type AvView = z.input<typeof avRecordView>;
// Text and JSON columns hold what validated input and ffprobe wrote; the response schema checks them.
export const presentAv = (r: AvRow) => ({
  ...r,
  kind: r.kind as AvView['kind'],
  recordedBy: r.recordedBy as AvView['recordedBy'],
  startedAt: iso(r.startedAt),
  endedAt: iso(r.endedAt),
  returnedAt: iso(r.returnedAt),
  ingestedAt: iso(r.ingestedAt)!,
  organisedAt: iso(r.organisedAt),
  updatedAt: iso(r.updatedAt)!,
  protocol: (r.protocol as AvView['protocol']) ?? null,
  mediaFacts: (r.mediaFacts as AvView['mediaFacts']) ?? null,
});

/** A record the principal may see: one of a visible matter, or not yet assigned (agency members). */
export async function loadAvRecord(db: Db, p: Principal, agencyId: string, recordId: string) {
  const [row] = await db.select().from(avRecords).where(and(eq(avRecords.id, recordId), eq(avRecords.agencyId, agencyId)));
  if (!row) throw notFound('音像记录');
  if (row.matterId) await loadMatter(db, p, agencyId, row.matterId);
  return row;
}

export async function listAvRecords(db: Db, p: Principal, agencyId: string, q: { matterId?: string; unassigned?: boolean }) {
  if (q.matterId) await loadMatter(db, p, agencyId, q.matterId);
  const rows = await db
    .select()
    .from(avRecords)
    .where(and(eq(avRecords.agencyId, agencyId), q.matterId ? eq(avRecords.matterId, q.matterId) : undefined))
    .orderBy(desc(avRecords.ingestedAt))
    .limit(500);
  const visible = rows.filter((r) => (q.unassigned ? !r.matterId : true));
  // The list shows each record's poster or thumbnail: one query for all of them.
  const stills = visible.length
    ? await db.select({ id: avDerivatives.id, avRecordId: avDerivatives.avRecordId, kind: avDerivatives.kind }).from(avDerivatives).where(inArray(avDerivatives.avRecordId, visible.map((r) => r.id)))
    : [];
  return visible.map((r) => ({
    ...presentAv(r),
    stillId: stills.find((d) => d.avRecordId === r.id && (d.kind === 'poster' || d.kind === 'thumbnail'))?.id ?? null,
    playableId: stills.find((d) => d.avRecordId === r.id && d.kind === 'playable')?.id ?? null,
    durationSeconds: (r.mediaFacts as { durationSeconds?: number } | null)?.durationSeconds ?? null,
  }));
}

export async function avRecordDetail(db: Db, row: AvRow) {
  const [bookmarks, interruptions, derivatives] = await Promise.all([
    db.select().from(avBookmarks).where(eq(avBookmarks.avRecordId, row.id)).orderBy(asc(avBookmarks.atSecond)),
    db.select().from(avInterruptions).where(eq(avInterruptions.avRecordId, row.id)).orderBy(asc(avInterruptions.interruptedAt)),
    db.select().from(avDerivatives).where(eq(avDerivatives.avRecordId, row.id)),
  ]);
  return {
    ...presentAv(row),
    bookmarks: bookmarks.map((b) => ({ ...b, createdAt: iso(b.createdAt)! })),
    interruptions: interruptions.map(presentInterruption),
    derivatives: derivatives.map((d) => ({ ...d, createdAt: iso(d.createdAt)! })),
  };
}

const presentInterruption = (i: typeof avInterruptions.$inferSelect) => ({ ...i, cause: i.cause as z.input<typeof avInterruptionView>['cause'], interruptedAt: iso(i.interruptedAt)!, resumedAt: iso(i.resumedAt), createdAt: iso(i.createdAt)! });

/**
 * AV-5: the officer names, classifies and describes a record (and may link it to its matter
 * and step). The first time title, classification and description are all present is the
 * moment it counts as organised. The original is untouched (the database refuses otherwise).
 */
export async function organiseAvRecord(db: Db, actor: Actor, p: Principal, agencyId: string, recordId: string, patch: z.infer<typeof organiseInput>, now: Date) {
  const before = await loadAvRecord(db, p, agencyId, recordId);
  if (patch.matterId) {
    const { steps } = await loadMatter(db, p, agencyId, patch.matterId);
    if (patch.stepId && !steps.some((s) => s.id === patch.stepId)) throw new AppError('VALIDATION_FAILED', '所选环节不属于该事项');
  } else if (patch.stepId && !before.matterId) throw new AppError('VALIDATION_FAILED', '请先指定所属事项');
  const next = { ...before, ...patch };
  const organised = Boolean(next.title && next.classification && next.description);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(avRecords)
      .set({ ...patch, organisedAt: before.organisedAt ?? (organised ? now : null), updatedAt: now })
      .where(eq(avRecords.id, recordId))
      .returning();
    const action = !before.organisedAt && row!.organisedAt ? 'av.organised' : 'av.updated';
    await recordAudit(tx, actor, { action, agencyId, objectType: 'av_record', objectId: recordId, before: pick(before, patch), after: pick(row!, patch) }, now);
    return row!;
  });
}

const pick = (row: Record<string, unknown>, patch: Record<string, unknown>) => Object.fromEntries(Object.keys(patch).map((k) => [k, row[k]]));

export async function addBookmark(db: Db, actor: Actor, p: Principal, agencyId: string, recordId: string, input: z.infer<typeof bookmarkInput>, now: Date) {
  const record = await loadAvRecord(db, p, agencyId, recordId);
  const duration = Number((record.mediaFacts as { durationSeconds?: number } | null)?.durationSeconds ?? NaN);
  if (Number.isFinite(duration) && input.atSecond > duration) throw new AppError('VALIDATION_FAILED', `标记时间超出录像时长（${Math.round(duration)} 秒）`);
  return db.transaction(async (tx) => {
    const [row] = await tx.insert(avBookmarks).values({ avRecordId: recordId, atSecond: input.atSecond, keyPoint: input.keyPoint ?? null, note: input.note ?? null, createdAt: now, createdByName: actor.name }).returning();
    await recordAudit(tx, actor, { action: 'av.bookmarked', agencyId, objectType: 'av_record', objectId: recordId, after: { atSecond: row!.atSecond, keyPoint: row!.keyPoint, note: row!.note } }, now);
    return { ...row!, createdAt: iso(row!.createdAt)! };
  });
}

/** AV-8: an interruption with its cause; resumed with a statement, or explained in writing. */
export async function recordInterruption(db: Db, actor: Actor, p: Principal, agencyId: string, input: z.infer<typeof interruptionInput>, now: Date) {
  const { steps } = await loadMatter(db, p, agencyId, input.matterId);
  if (input.stepId && !steps.some((s) => s.id === input.stepId)) throw new AppError('VALIDATION_FAILED', '所选环节不属于该事项');
  if (input.avRecordId) {
    const record = await loadAvRecord(db, p, agencyId, input.avRecordId);
    if (record.matterId && record.matterId !== input.matterId) throw new AppError('VALIDATION_FAILED', '该音像记录不属于此事项');
  }
  const [matter] = await db.select({ id: matters.id }).from(matters).where(eq(matters.id, input.matterId));
  return db.transaction(async (tx) => {
    const [row] = await tx.insert(avInterruptions).values({ ...input, agencyId, matterId: matter!.id, createdAt: now, createdByName: actor.name }).returning();
    await recordAudit(tx, actor, { action: 'av.interruption_recorded', agencyId, objectType: 'av_interruption', objectId: row!.id, after: row }, now);
    return presentInterruption(row!);
  });
}

export async function listInterruptions(db: Db, p: Principal, agencyId: string, matterId: string) {
  await loadMatter(db, p, agencyId, matterId);
  const rows = await db.select().from(avInterruptions).where(eq(avInterruptions.matterId, matterId)).orderBy(asc(avInterruptions.interruptedAt));
  return rows.map(presentInterruption);
}
