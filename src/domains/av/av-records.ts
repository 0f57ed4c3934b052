import { and, asc, desc, eq, inArray, isNull, or } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db, DbOrTx } from '../../db/client.js';
import { avBookmarks, avDerivatives, avInterruptions, avRecords, fixityChecks, matters, matterSteps, officers } from '../../db/schema/index.js';
import { AppError, notFound } from '../../shared/errors.js';
import { iso } from '../../shared/http-schemas.js';
import { recordAudit, type Actor } from '../audit/record-audit.js';
import type { Principal } from '../auth/principal.js';
import { loadMatter, loadVisibleMatter } from '../matters/load-matter.js';
import { matterScope } from '../matters/scope.js';
import { canSeeUnassignedAv } from './policy.js';
import { avScopeCondition } from './scope.js';
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

/** A record the principal may see (ACC-1: policy.ts); 404 otherwise, as for an unseen matter. */
export async function loadAvRecord(db: DbOrTx, p: Principal, agencyId: string, recordId: string) {
  const [row] = await db.select().from(avRecords).where(and(eq(avRecords.id, recordId), eq(avRecords.agencyId, agencyId)));
  if (!row) throw notFound('音像记录');
  if (row.matterId) await loadVisibleMatter(db, p, agencyId, row.matterId);
  else if (!canSeeUnassignedAv(p, await matterScope(db, p, agencyId), { ...row, unitIds: await ownerUnitIds(db, row) })) throw notFound('音像记录');
  return row;
}

/** The units of the record's officer and of the uploader's officer record in the agency. */
async function ownerUnitIds(db: DbOrTx, r: AvRow) {
  const owners = [r.officerId ? eq(officers.id, r.officerId) : undefined, r.createdByUserId ? eq(officers.userId, r.createdByUserId) : undefined].filter((c) => c !== undefined);
  if (!owners.length) return [];
  const rows = await db.select({ unitId: officers.unitId }).from(officers).where(and(eq(officers.agencyId, r.agencyId), or(...owners)));
  return rows.flatMap((o) => (o.unitId ? [o.unitId] : []));
}

export async function listAvRecords(db: Db, p: Principal, agencyId: string, q: { matterId?: string; unassigned?: boolean }) {
  if (q.matterId) await loadVisibleMatter(db, p, agencyId, q.matterId);
  const scope = await matterScope(db, p, agencyId);
  const visible = await db
    .select({ r: avRecords })
    .from(avRecords)
    .leftJoin(matters, eq(matters.id, avRecords.matterId))
    .where(and(eq(avRecords.agencyId, agencyId), q.matterId ? eq(avRecords.matterId, q.matterId) : undefined, q.unassigned ? isNull(avRecords.matterId) : undefined, avScopeCondition(db, p, scope)))
    .orderBy(desc(avRecords.ingestedAt))
    .limit(500)
    .then((rows) => rows.map((row) => row.r));
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
  const [bookmarks, interruptions, derivatives, [fixity]] = await Promise.all([
    db.select().from(avBookmarks).where(eq(avBookmarks.avRecordId, row.id)).orderBy(asc(avBookmarks.atSecond)),
    db.select().from(avInterruptions).where(eq(avInterruptions.avRecordId, row.id)).orderBy(asc(avInterruptions.interruptedAt)),
    db.select().from(avDerivatives).where(eq(avDerivatives.avRecordId, row.id)),
    db.select({ outcome: fixityChecks.outcome, checkedAt: fixityChecks.checkedAt }).from(fixityChecks).where(eq(fixityChecks.objectKey, row.objectKey)),
  ]);
  return {
    ...presentAv(row),
    bookmarks: bookmarks.map((b) => ({ ...b, createdAt: iso(b.createdAt)! })),
    interruptions: interruptions.map(presentInterruption),
    derivatives: derivatives.map((d) => ({ ...d, createdAt: iso(d.createdAt)! })),
    fixity: fixity ? { outcome: fixity.outcome as 'ok' | 'changed' | 'missing' | 'unreadable' | 'overwritten', checkedAt: iso(fixity.checkedAt)! } : null,
  };
}

const presentInterruption = (i: typeof avInterruptions.$inferSelect) => ({ ...i, cause: i.cause as z.input<typeof avInterruptionView>['cause'], interruptedAt: iso(i.interruptedAt)!, resumedAt: iso(i.resumedAt), createdAt: iso(i.createdAt)! });

/**
 * AV-5: the officer names, classifies and describes a record (and may link it to its matter
 * and step). The first time title, classification and description are all present is the
 * moment it counts as organised. The original is untouched (the database refuses otherwise).
 * The link is decided against the locked row: the step must be a step of the matter the record
 * ends up in, in this agency, whichever of the two the patch changes.
 */
export async function organiseAvRecord(db: Db, actor: Actor, p: Principal, agencyId: string, recordId: string, patch: z.infer<typeof organiseInput>, now: Date) {
  return db.transaction(async (tx) => {
    await loadAvRecord(tx, p, agencyId, recordId);
    const [before] = await tx.select().from(avRecords).where(and(eq(avRecords.id, recordId), eq(avRecords.agencyId, agencyId))).for('update');
    if (!before) throw notFound('音像记录');
    if (patch.matterId) await loadVisibleMatter(tx, p, agencyId, patch.matterId);
    const matterId = patch.matterId !== undefined ? patch.matterId : before.matterId;
    const stepId = patch.stepId !== undefined ? patch.stepId : before.stepId;
    if (stepId && !matterId) throw new AppError('VALIDATION_FAILED', '请先指定所属事项，再选择环节');
    if (stepId && matterId) {
      const [step] = await tx
        .select({ id: matterSteps.id })
        .from(matterSteps)
        .innerJoin(matters, eq(matters.id, matterSteps.matterId))
        .where(and(eq(matterSteps.id, stepId), eq(matterSteps.matterId, matterId), eq(matters.agencyId, agencyId)));
      if (!step) throw new AppError('VALIDATION_FAILED', '所选环节不属于该事项');
    }
    const next = { ...before, ...patch };
    const organised = Boolean(next.title && next.classification && next.description);
    const [row] = await tx
      .update(avRecords)
      .set({ ...patch, organisedAt: before.organisedAt ?? (organised ? now : null), updatedAt: now })
      .where(eq(avRecords.id, recordId))
      .returning();
    const action = !before.organisedAt && row!.organisedAt ? 'av.organised' : 'av.updated';
    await recordAudit(tx, actor, { action, agencyId, objectType: 'av_record', objectId: recordId, before: pick(before, patch), after: pick(row!, patch), matterIds: [before.matterId, row!.matterId], commitments: [{ kind: 'av_record', id: recordId }] }, now);
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
    await recordAudit(tx, actor, { action: 'av.bookmarked', agencyId, objectType: 'av_record', objectId: recordId, after: { atSecond: row!.atSecond, keyPoint: row!.keyPoint, note: row!.note }, matterIds: [record.matterId], commitments: [{ kind: 'av_bookmark', id: row!.id }] }, now);
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
    await recordAudit(tx, actor, { action: 'av.interruption_recorded', agencyId, objectType: 'av_interruption', objectId: row!.id, after: row, matterIds: [row!.matterId], commitments: [{ kind: 'av_interruption', id: row!.id }] }, now);
    return presentInterruption(row!);
  });
}

export async function listInterruptions(db: Db, p: Principal, agencyId: string, matterId: string) {
  await loadMatter(db, p, agencyId, matterId);
  const rows = await db.select().from(avInterruptions).where(eq(avInterruptions.matterId, matterId)).orderBy(asc(avInterruptions.interruptedAt));
  return rows.map(presentInterruption);
}
