import { z } from 'zod';
import { FAIL_REASONS, REVIEW_POINTS, type FailReasonId, type ProposedMeasure, type ReviewPointId } from '../../rules/legal-review/criteria.js';
import { CATEGORY_IDS } from '../../rules/profiles/vocabulary.js';
import { isoString, responseObject } from '../../shared/http-schemas.js';

// What the legal-review routes answer (the contract the web client is generated from).
export const PROPOSED_MEASURES = ['suspend_business', 'revoke_licence', 'fine', 'confiscation', 'warning', 'seal_premises', 'seize_licence', 'ban_or_close', 'auction_or_dispose', 'seize_goods', 'grant_licence', 'refuse_licence', 'other'] as const satisfies readonly ProposedMeasure[];
export const reviewPointId = z.enum(REVIEW_POINTS.map((p) => p.id) as [ReviewPointId, ...ReviewPointId[]]);
export const failReasonId = z.enum(FAIL_REASONS.map((f) => f.id) as [FailReasonId, ...FailReasonId[]]);
export const REVIEW_STATUSES = ['submitted', 'passed', 'failed', 'discussed', 'referred'] as const;

const listParameters = responseObject({ hearingFineNatural: z.number().nullable(), hearingFineLegal: z.number().nullable(), reviewAllGeneralPenalties: z.boolean() }).meta({ id: 'MajorListParameters' });
const listCriterion = responseObject({
  id: z.string(),
  group: z.enum(['penalty', 'licence', 'coercion', 'general']),
  text: z.string(),
  source: z.string(),
  decidedFromData: z.boolean(),
  enabled: z.boolean(),
}).meta({ id: 'MajorListCriterion' });

export const majorListView = responseObject({
  version: z.number().int(),
  basis: z.string(),
  createdAt: isoString.nullable(),
  createdByName: z.string().nullable(),
  parameters: listParameters,
  criteria: z.array(listCriterion),
}).meta({ id: 'MajorList' });

/** The list in force with the fixed review points (第九条) and reasons for not passing (第十一条). */
export const majorListWithTermsView = majorListView
  .extend({
    reviewPoints: z.array(responseObject({ id: reviewPointId, text: z.string() })),
    failReasons: z.array(responseObject({ id: failReasonId, text: z.string() })),
  })
  .meta({ id: 'MajorListWithTerms' });

export const staffingView = responseObject({
  activeOfficers: z.number().int(),
  legalReviewers: z.number().int(),
  required: z.number().int(),
  met: z.boolean(),
  reviewers: z.array(responseObject({ id: z.string(), name: z.string() })),
  rule: z.string(),
}).meta({ id: 'LegalReviewStaffing' });

const majorReason = responseObject({ criterionId: z.string(), text: z.string(), source: z.string(), decidedBy: z.enum(['data', 'answer', 'option']) }).meta({ id: 'MajorReason' });
const majorAssessmentResult = responseObject({
  major: z.boolean(),
  complete: z.boolean(),
  reasons: z.array(majorReason),
  questions: z.array(responseObject({ criterionId: z.string(), text: z.string(), source: z.string() })),
}).meta({ id: 'MajorAssessmentResult' });

export const assessmentView = responseObject({
  id: z.string(),
  facts: responseObject({
    category: z.enum(CATEGORY_IDS),
    measures: z.array(z.enum(PROPOSED_MEASURES)),
    partyKind: z.enum(['natural', 'legal']),
    fineAmount: z.number().nullable().optional(),
    confiscationValue: z.number().nullable().optional(),
    hearingHeld: z.boolean(),
    stopsBusiness: z.boolean().nullable().optional(),
  }),
  answers: z.record(z.string(), z.boolean()),
  result: majorAssessmentResult,
  listVersion: z.number().int(),
  createdAt: isoString,
  createdByName: z.string().nullable(),
}).meta({ id: 'MajorAssessment' });

/** The submission as frozen when it was sent (REV-3); its hash is `materialsHash`. */
const materials = responseObject({
  proposedDecision: z.string(),
  facts: z.string(),
  lawApplied: z.string(),
  discretionStandard: z.string(),
  evidenceSummary: z.string(),
  hearingAppraisal: z.string().nullable().optional(),
  otherNotes: z.string().nullable().optional(),
  matter: responseObject({ id: z.string(), number: z.string(), category: z.enum(CATEGORY_IDS), title: z.string() }),
  assessment: responseObject({ id: z.string(), major: z.boolean(), reasons: z.array(majorReason) }),
  documents: z.array(responseObject({ id: z.string(), typeId: z.string(), version: z.number().int(), status: z.string(), number: z.string().nullable(), contentHash: z.string() }).meta({ id: 'FrozenDocument' })),
}).meta({ id: 'ReviewMaterials' });

const pointResult = responseObject({ id: reviewPointId, result: z.enum(['ok', 'problem']), note: z.string().nullable().optional() }).meta({ id: 'ReviewPointResult' });

export const reviewView = responseObject({
  id: z.string(),
  agencyId: z.string(),
  matterId: z.string(),
  submissionVersion: z.number().int(),
  status: z.enum(REVIEW_STATUSES),
  materials,
  materialsHash: z.string(),
  receivedAt: isoString,
  submittedByUserId: z.string().nullable(),
  submittedByName: z.string().nullable(),
  reviewerUserId: z.string().nullable(),
  reviewerName: z.string().nullable(),
  extensionApprovedAt: isoString.nullable(),
  extensionApprovedByName: z.string().nullable(),
  completedAt: isoString.nullable(),
  points: z.array(pointResult).nullable(),
  failReasons: z.array(failReasonId).nullable(),
  explanation: z.string().nullable(),
  opinionDocumentId: z.string().nullable(),
  discussionStepId: z.string().nullable(),
  discussionConclusion: z.enum(['proceed', 'revise']).nullable(),
}).meta({ id: 'LegalReview' });

/** A review with its due time under the agency's profile and calendar (REV-5). */
export const datedReviewView = reviewView
  .extend({ dueAt: isoString.nullable(), standardDueAt: isoString.nullable(), extended: z.boolean() })
  .meta({ id: 'LegalReviewDated' });

export const reviewMessageView = responseObject({
  id: z.string(),
  reviewId: z.string(),
  kind: z.enum(['request', 'answer']),
  text: z.string(),
  byUserId: z.string().nullable(),
  byName: z.string().nullable(),
  at: isoString,
}).meta({ id: 'LegalReviewMessage' });

export const reviewDetailView = datedReviewView.extend({ messages: z.array(reviewMessageView) }).meta({ id: 'LegalReviewDetail' });

export const matterLegalReviewView = responseObject({ assessment: assessmentView.nullable(), reviews: z.array(reviewDetailView) }).meta({ id: 'MatterLegalReview' });

export const reviewQueueItemView = responseObject({
  review: datedReviewView,
  matter: responseObject({ id: z.string(), number: z.string(), title: z.string(), category: z.enum(CATEGORY_IDS) }),
  /** The caller handles this matter, so may not review it (REV-4): marked, not hidden. */
  handledByMe: z.boolean(),
}).meta({ id: 'LegalReviewQueueItem' });
