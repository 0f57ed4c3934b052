import type { z } from 'zod';
import type { Db } from '../../db/client.js';
import { reviewProblem } from '../../rules/rights/records.js';
import { AppError } from '../../shared/errors.js';
import type { Actor } from '../audit/record-audit.js';
import type { Principal } from '../auth/principal.js';
import { loadMatter } from '../matters/load-matter.js';
import { shanghaiDate } from '../org/certificate.js';
import { insertRightsRecord, requireIssuedDocument, requireNoticeServed, requireRecord } from './rights-store.js';
import type { statementInput, statementReviewInput } from './schemas.js';

const FUTURE_TOLERANCE_MS = 5 * 60_000;

export function notInFuture(at: Date, now: Date, label: string) {
  if (at.getTime() > now.getTime() + FUTURE_TOLERANCE_MS) throw new AppError('VALIDATION_FAILED', `${label}不能晚于现在`);
}

export function partyOf(parties: { id: string; name: string }[], partyId: string) {
  const party = parties.find((x) => x.id === partyId);
  if (!party) throw new AppError('VALIDATION_FAILED', '所选当事人不是本事项的当事人');
  return party;
}

/**
 * 行政处罚法 第四十四、四十五条 (CASE-8): once the 行政处罚事先告知书 was served on the party, what
 * they said in 陈述、申辩 (oral, written, or taken down in a 陈述申辩笔录), or that they waived it and
 * how. Decided against the locked matter; audited in the same transaction.
 */
export async function recordStatement(db: Db, actor: Actor, p: Principal, agencyId: string, matterId: string, input: z.infer<typeof statementInput>, now: Date) {
  notInFuture(input.at, now, '陈述、申辩时间');
  return db.transaction(async (tx) => {
    const { parties } = await loadMatter(tx, p, agencyId, matterId, { lock: true });
    const party = partyOf(parties, input.partyId);
    const served = await requireNoticeServed(tx, matterId, party, input.waived ? '记录放弃陈述、申辩' : '记录陈述、申辩');
    const day = shanghaiDate(input.at);
    if (day < served.servedDay) throw new AppError('VALIDATION_FAILED', `时间早于行政处罚事先告知书送达之日 ${served.servedDay}`);
    if (input.documentId) await requireIssuedDocument(tx, matterId, input.documentId, ['statement_defence_record'], '陈述申辩笔录');
    return insertRightsRecord(
      tx,
      actor,
      agencyId,
      matterId,
      input.waived ? 'rights.waiver_recorded' : 'rights.statement_recorded',
      { kind: input.waived ? 'waiver' : 'statement', partyId: party.id, occurredAt: input.at, occurredDay: day, documentId: input.documentId ?? null, details: { waived: input.waived, form: input.form, content: input.content } },
      now,
    );
  });
}

/** 行政处罚法 第四十五条: the 复核 of the party's statements — adopted, partly, or not, with reasons. */
export async function reviewStatement(db: Db, actor: Actor, p: Principal, agencyId: string, matterId: string, statementId: string, input: z.infer<typeof statementReviewInput>, now: Date) {
  const at = input.at ?? now;
  notInFuture(at, now, '复核时间');
  const problem = reviewProblem(input.result, input.reasons);
  if (problem) throw new AppError('VALIDATION_FAILED', problem);
  return db.transaction(async (tx) => {
    await loadMatter(tx, p, agencyId, matterId, { lock: true });
    const statement = await requireRecord(tx, matterId, statementId, ['statement'], '陈述、申辩记录');
    if (at < statement.occurredAt) throw new AppError('VALIDATION_FAILED', '复核时间不能早于当事人陈述、申辩的时间');
    return insertRightsRecord(
      tx,
      actor,
      agencyId,
      matterId,
      'rights.statement_reviewed',
      { kind: 'statement_review', partyId: statement.partyId, relatedId: statement.id, occurredAt: at, occurredDay: shanghaiDate(at), outcome: input.result, details: { reasons: input.reasons?.trim() || null } },
      now,
    );
  });
}
