import type { z } from 'zod';
import type { Db } from '../../db/client.js';
import { recusalDecisionProblem, refusalProblems } from '../../rules/rights/records.js';
import { AppError } from '../../shared/errors.js';
import type { Actor } from '../audit/record-audit.js';
import type { Principal } from '../auth/principal.js';
import { loadMatter } from '../matters/load-matter.js';
import { shanghaiDate } from '../org/certificate.js';
import { insertRightsRecord, recordsRelatedTo, requireAvRecord, requireRecord } from './rights-store.js';
import type { recusalDecisionInput, recusalRequestInput, refusalInput } from './schemas.js';
import { notInFuture, partyOf } from './statements.js';

/** 行政处罚法 第四十三条: the party's 申请回避, against an officer of the matter or another person. */
export async function recordRecusalRequest(db: Db, actor: Actor, p: Principal, agencyId: string, matterId: string, input: z.infer<typeof recusalRequestInput>, now: Date) {
  notInFuture(input.at, now, '申请时间');
  return db.transaction(async (tx) => {
    const { parties, officers } = await loadMatter(tx, p, agencyId, matterId, { lock: true });
    const party = input.partyId ? partyOf(parties, input.partyId) : null;
    if (input.officerId && !officers.some((o) => o.id === input.officerId)) throw new AppError('VALIDATION_FAILED', '所选人员不是本事项的执法人员');
    return insertRightsRecord(
      tx,
      actor,
      agencyId,
      matterId,
      'rights.recusal_requested',
      { kind: 'recusal_request', partyId: party?.id ?? null, occurredAt: input.at, occurredDay: shanghaiDate(input.at), details: { officerId: input.officerId ?? null, against: input.against, reason: input.reason } },
      now,
    );
  });
}

/** 行政处罚法 第四十三条第三款: the head decides; a refusal states why. One decision per request. */
export async function decideRecusal(db: Db, actor: Actor, p: Principal, agencyId: string, matterId: string, requestId: string, input: z.infer<typeof recusalDecisionInput>, now: Date) {
  notInFuture(input.at, now, '决定时间');
  const problem = recusalDecisionProblem(input.decision, input.reason);
  if (problem) throw new AppError('VALIDATION_FAILED', problem);
  return db.transaction(async (tx) => {
    await loadMatter(tx, p, agencyId, matterId, { lock: true });
    const request = await requireRecord(tx, matterId, requestId, ['recusal_request'], '回避申请');
    if ((await recordsRelatedTo(tx, request.id)).some((r) => r.kind === 'recusal_decision')) throw new AppError('CONFLICT', '该回避申请已有决定');
    if (input.at < request.occurredAt) throw new AppError('VALIDATION_FAILED', '决定时间不能早于申请时间');
    return insertRightsRecord(
      tx,
      actor,
      agencyId,
      matterId,
      'rights.recusal_decided',
      { kind: 'recusal_decision', partyId: request.partyId, relatedId: request.id, occurredAt: input.at, occurredDay: shanghaiDate(input.at), outcome: input.decision, details: { decidedBy: input.decidedBy, reason: input.reason?.trim() || null } },
      now,
    );
  });
}

/** S1 第十一条: a refusal to cooperate, witnessed by a person or an AV record of the matter's agency. */
export async function recordRefusal(db: Db, actor: Actor, p: Principal, agencyId: string, matterId: string, input: z.infer<typeof refusalInput>, now: Date) {
  notInFuture(input.at, now, '拒绝配合的时间');
  const problems = refusalProblems(input);
  if (problems.length) throw new AppError('VALIDATION_FAILED', problems.join('；'), { problems });
  return db.transaction(async (tx) => {
    const { parties } = await loadMatter(tx, p, agencyId, matterId, { lock: true });
    const party = input.partyId ? partyOf(parties, input.partyId) : null;
    if (input.avRecordId) await requireAvRecord(tx, agencyId, input.avRecordId);
    return insertRightsRecord(
      tx,
      actor,
      agencyId,
      matterId,
      'rights.refusal_recorded',
      { kind: 'refusal', partyId: party?.id ?? null, occurredAt: input.at, occurredDay: shanghaiDate(input.at), avRecordId: input.avRecordId ?? null, details: { what: input.what, witnessName: input.witnessName?.trim() || null } },
      now,
    );
  });
}
