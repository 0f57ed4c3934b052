import { and, asc, eq, isNotNull } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db, Tx } from '../../db/client.js';
import { serviceRecords } from '../../db/schema/index.js';
import { hearingDayProblem, hearingRequestDecision, hostProblem } from '../../rules/rights/hearing.js';
import { AppError } from '../../shared/errors.js';
import type { Actor } from '../audit/record-audit.js';
import type { Principal } from '../auth/principal.js';
import { loadCalendar } from '../calendar/calendar-notices.js';
import { loadMatter } from '../matters/load-matter.js';
import { shanghaiDate } from '../org/certificate.js';
import { insertRightsRecord, recordsRelatedTo, requireIssuedDocument, requireNoticeServed, requireRecord } from './rights-store.js';
import type { hearingHeldInput, hearingRequestInput, hearingScheduleInput } from './schemas.js';
import { notInFuture, partyOf } from './statements.js';

/**
 * 行政处罚法 第六十四条第（一）项 (CASE-9): a hearing request is decided by the day it was made (or
 * posted) against 5 working days after the 事先告知书 was served on that party. Late requests are
 * refused with the reason and still stored. No notice served yet: OUT_OF_ORDER, nothing stored.
 */
export async function requestHearing(db: Db, actor: Actor, p: Principal, agencyId: string, matterId: string, input: z.infer<typeof hearingRequestInput>, now: Date) {
  if (input.requestDay > shanghaiDate(now)) throw new AppError('VALIDATION_FAILED', '申请日期不能晚于今天');
  return db.transaction(async (tx) => {
    const { parties } = await loadMatter(tx, p, agencyId, matterId, { lock: true });
    const party = partyOf(parties, input.partyId);
    const served = await requireNoticeServed(tx, matterId, party, '受理听证申请');
    const decision = hearingRequestDecision(served.servedDay, input.requestDay, await loadCalendar(tx));
    return insertRightsRecord(
      tx,
      actor,
      agencyId,
      matterId,
      'rights.hearing_requested',
      {
        kind: 'hearing_request',
        partyId: party.id,
        occurredAt: new Date(`${input.requestDay}T00:00:00+08:00`),
        occurredDay: input.requestDay,
        documentId: served.documentId,
        outcome: decision.accepted ? 'accepted' : 'refused',
        details: { channel: input.channel, content: input.content?.trim() || null, noticeServedDay: served.servedDay, due: decision.due, reason: decision.reason },
      },
      now,
    );
  });
}

/** The day the 听证通知书 counts as served: typed, or its first service on the party. */
async function noticeDayOf(tx: Tx, matterId: string, partyId: string | null, typed: string | null | undefined, noticeDocumentId: string | null | undefined) {
  if (typed) return typed;
  if (!noticeDocumentId || !partyId) return null;
  const [first] = await tx
    .select({ servedDay: serviceRecords.servedDay })
    .from(serviceRecords)
    .where(and(eq(serviceRecords.matterId, matterId), eq(serviceRecords.documentId, noticeDocumentId), eq(serviceRecords.partyId, partyId), isNotNull(serviceRecords.servedDay)))
    .orderBy(asc(serviceRecords.servedDay));
  return first?.servedDay ?? null;
}

/**
 * 行政处罚法 第六十四条第（二）、（四）项: a hearing for an accepted request, hosted by someone who
 * is not an officer of the matter, on a day at least 7 working days after its notice is (or, when
 * not served yet, can at the earliest be) served.
 */
export async function scheduleHearing(db: Db, actor: Actor, p: Principal, agencyId: string, matterId: string, input: z.infer<typeof hearingScheduleInput>, now: Date) {
  return db.transaction(async (tx) => {
    const { officers } = await loadMatter(tx, p, agencyId, matterId, { lock: true });
    const request = await requireRecord(tx, matterId, input.hearingRequestId, ['hearing_request'], '听证申请');
    if (request.outcome !== 'accepted') throw new AppError('OUT_OF_ORDER', '该听证申请未受理，不能据此安排听证');
    const host = hostProblem({ officerId: input.hostOfficerId, name: input.hostName }, officers);
    if (host) throw new AppError('VALIDATION_FAILED', host);
    if (input.noticeDocumentId) await requireIssuedDocument(tx, matterId, input.noticeDocumentId, [], '听证通知书');
    const noticeDay = await noticeDayOf(tx, matterId, request.partyId, input.noticeServedOn, input.noticeDocumentId);
    const today = shanghaiDate(now);
    if (noticeDay && noticeDay > today) throw new AppError('VALIDATION_FAILED', '听证通知书送达日期不能晚于今天');
    const day = shanghaiDate(input.scheduledAt);
    const tooEarly = hearingDayProblem(day, noticeDay, today, await loadCalendar(tx));
    if (tooEarly) throw new AppError('VALIDATION_FAILED', tooEarly);
    return insertRightsRecord(
      tx,
      actor,
      agencyId,
      matterId,
      'rights.hearing_scheduled',
      {
        kind: 'hearing_scheduled',
        partyId: request.partyId,
        relatedId: request.id,
        occurredAt: input.scheduledAt,
        occurredDay: day,
        documentId: input.noticeDocumentId ?? null,
        details: { scheduledAt: input.scheduledAt.toISOString(), place: input.place, hostOfficerId: input.hostOfficerId ?? null, hostName: input.hostName, public: input.public, noticeServedOn: noticeDay },
      },
      now,
    );
  });
}

/**
 * 行政处罚法 第六十四条 (CASE-9): the hearing as held — refused when held earlier than 7 working days
 * after its notice was served, or when the notice's service was never recorded. The lifecycle step
 * `hearing` is recorded apart, through the step route.
 */
export async function recordHearingHeld(db: Db, actor: Actor, p: Principal, agencyId: string, matterId: string, scheduleId: string, input: z.infer<typeof hearingHeldInput>, now: Date) {
  notInFuture(input.heldAt, now, '举行时间');
  return db.transaction(async (tx) => {
    await loadMatter(tx, p, agencyId, matterId, { lock: true });
    const schedule = await requireRecord(tx, matterId, scheduleId, ['hearing_scheduled'], '听证安排');
    if ((await recordsRelatedTo(tx, schedule.id)).some((r) => r.kind === 'hearing_held')) throw new AppError('CONFLICT', '该听证已记录举行');
    const planned = schedule.details as { noticeServedOn?: string | null };
    const noticeDay = await noticeDayOf(tx, matterId, schedule.partyId, input.noticeServedOn ?? planned.noticeServedOn, schedule.documentId);
    if (!noticeDay) throw new AppError('OUT_OF_ORDER', '尚未记录听证通知书的送达日期，不能记录举行听证（行政处罚法 第六十四条第（二）项）');
    const day = shanghaiDate(input.heldAt);
    const tooEarly = hearingDayProblem(day, noticeDay, noticeDay, await loadCalendar(tx));
    if (tooEarly) throw new AppError('VALIDATION_FAILED', tooEarly);
    if (input.documentId) await requireIssuedDocument(tx, matterId, input.documentId, ['hearing_minutes', 'hearing_record'], '听证笔录');
    return insertRightsRecord(
      tx,
      actor,
      agencyId,
      matterId,
      'rights.hearing_held',
      { kind: 'hearing_held', partyId: schedule.partyId, relatedId: schedule.id, occurredAt: input.heldAt, occurredDay: day, documentId: input.documentId ?? null, details: { attendees: input.attendees, summary: input.summary, noticeServedOn: noticeDay } },
      now,
    );
  });
}
