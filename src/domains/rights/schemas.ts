import { z } from 'zod';
import { RECUSAL_DECISIONS, REQUEST_CHANNELS, REVIEW_RESULTS, STATEMENT_FORMS } from '../../rules/rights/vocabulary.js';
import { isoDate, uuidParam } from '../../shared/http-schemas.js';

// Request bodies of the rights routes. What the law demands beyond shape (reasons when not
// adopted, a witness or AV for a refusal, the hearing's dates) is the pure rules' (src/rules/rights).
const instant = (what: string) => z.iso.datetime({ offset: true, error: `${what}格式应为 ISO 8601` }).transform((s) => new Date(s));
const longText = (label: string) => z.string().trim().min(1, `请填写${label}`).max(5000);
const optionalText = z.string().trim().max(2000).nullable().optional();
const name = z.string().trim().max(50);

export const statementInput = z.object({
  partyId: uuidParam,
  /** true: the party waived (放弃) statements; `content` then says how the waiver was expressed. */
  waived: z.boolean().default(false),
  form: z.enum(STATEMENT_FORMS),
  at: instant('时间'),
  content: longText('陈述、申辩内容或放弃的表示'),
  /** An issued 陈述申辩笔录 of the matter, when the statements were taken down in one. */
  documentId: uuidParam.nullable().optional(),
});

export const statementReviewInput = z.object({
  result: z.enum(REVIEW_RESULTS),
  reasons: optionalText,
  at: instant('复核时间').optional(),
});

export const hearingRequestInput = z.object({
  partyId: uuidParam,
  channel: z.enum(REQUEST_CHANNELS),
  /** The day the request was received, or (by post) the posting day. */
  requestDay: isoDate,
  content: optionalText,
});

export const hearingScheduleInput = z.object({
  hearingRequestId: uuidParam,
  scheduledAt: instant('听证时间'),
  place: z.string().trim().min(1, '请填写听证地点').max(200),
  hostOfficerId: uuidParam.nullable().optional(),
  hostName: name.min(1, '请填写听证主持人'),
  public: z.boolean(),
  /** The day the 听证通知书 was served, once it has been. */
  noticeServedOn: isoDate.nullable().optional(),
  /** The issued 听证通知书, if the matter has one: its first service on the party gives the day. */
  noticeDocumentId: uuidParam.nullable().optional(),
});

export const hearingHeldInput = z.object({
  heldAt: instant('举行时间'),
  attendees: longText('参加人员'),
  /** The issued 听证笔录 (hearing_minutes; or the former 听证笔录/报告) of the matter. */
  documentId: uuidParam.nullable().optional(),
  summary: longText('听证结果摘要'),
  noticeServedOn: isoDate.nullable().optional(),
});

export const recusalRequestInput = z.object({
  partyId: uuidParam.nullable().optional(),
  at: instant('申请时间'),
  /** Whom the party asks to stand aside, picked from the matter's officers or typed. */
  officerId: uuidParam.nullable().optional(),
  against: name.min(1, '请填写被申请回避的人员'),
  reason: longText('申请理由'),
});

export const recusalDecisionInput = z.object({
  decision: z.enum(RECUSAL_DECISIONS),
  decidedBy: name.min(1, '请填写决定人'),
  at: instant('决定时间'),
  reason: optionalText,
});

export const refusalInput = z.object({
  partyId: uuidParam.nullable().optional(),
  at: instant('时间'),
  what: longText('拒绝配合的事项'),
  witnessName: name.nullable().optional(),
  /** Picked from the matter's AV records, never typed. */
  avRecordId: uuidParam.nullable().optional(),
});

export const recordParams = z.object({ agencyId: uuidParam, matterId: uuidParam, recordId: uuidParam });
