// 当事人权利 (CASE-8, CASE-9): the party's answer to a 行政处罚事先告知书 and the records around it.
// One English identifier per Chinese term (docs/glossary.md); labels are what people see.

/** What a rights record records; each kind is one row of `rights_records`. */
export const RIGHTS_RECORD_KINDS = ['statement', 'waiver', 'statement_review', 'hearing_request', 'hearing_scheduled', 'hearing_held', 'recusal_request', 'recusal_decision', 'refusal'] as const;
export type RightsRecordKind = (typeof RIGHTS_RECORD_KINDS)[number];

export const RIGHTS_RECORD_KIND_LABELS: Record<RightsRecordKind, string> = {
  statement: '陈述、申辩',
  waiver: '放弃陈述、申辩',
  statement_review: '复核',
  hearing_request: '听证申请',
  hearing_scheduled: '听证通知（安排听证）',
  hearing_held: '举行听证',
  recusal_request: '申请回避',
  recusal_decision: '回避决定',
  refusal: '拒绝配合',
};

/** How the party made statements (行政处罚法 第四十五条: 陈述、申辩 may be oral or written). */
export const STATEMENT_FORMS = ['oral', 'written', 'record'] as const;
export type StatementForm = (typeof STATEMENT_FORMS)[number];
export const STATEMENT_FORM_LABELS: Record<StatementForm, string> = { oral: '口头', written: '书面', record: '笔录' };

/** The 复核 of what the party said (行政处罚法 第四十五条第一款). */
export const REVIEW_RESULTS = ['adopted', 'partly', 'not_adopted'] as const;
export type ReviewResult = (typeof REVIEW_RESULTS)[number];
export const REVIEW_RESULT_LABELS: Record<ReviewResult, string> = { adopted: '采纳', partly: '部分采纳', not_adopted: '不予采纳' };

/** How a hearing request reached the agency: by post the posting day counts. */
export const REQUEST_CHANNELS = ['in_person', 'post', 'written_other'] as const;
export type RequestChannel = (typeof REQUEST_CHANNELS)[number];
export const REQUEST_CHANNEL_LABELS: Record<RequestChannel, string> = { in_person: '当面提出', post: '邮寄（以交邮日为准）', written_other: '其他书面方式' };

export const HEARING_REQUEST_OUTCOMES = ['accepted', 'refused'] as const;
export type HearingRequestOutcome = (typeof HEARING_REQUEST_OUTCOMES)[number];
export const HEARING_REQUEST_OUTCOME_LABELS: Record<HearingRequestOutcome, string> = { accepted: '受理', refused: '不予受理' };

export const RECUSAL_DECISIONS = ['granted', 'refused'] as const;
export type RecusalDecision = (typeof RECUSAL_DECISIONS)[number];
export const RECUSAL_DECISION_LABELS: Record<RecusalDecision, string> = { granted: '决定回避', refused: '驳回申请' };

/** The hearing-request window of one party, by date and by what was recorded. */
export type HearingWindowState = 'open' | 'expired' | 'requested';
export const HEARING_WINDOW_STATE_LABELS: Record<HearingWindowState, string> = { open: '申请期内', expired: '已届满', requested: '已申请' };
