// Shapes and calls of the legal-review API (issue 6; src/domains/legal-review/routes.ts and
// /api/openapi.json): the 目录清单, the "is it major?" assessment, frozen submissions, the
// reviewer's queue and decision, extension, collective discussion, staffing.
import type { FailReasonId, ProposedMeasure, ReviewPointId } from '../../../src/rules/legal-review/criteria.js';
import type { MajorAssessment } from '../../../src/rules/legal-review/is-major.js';
import { api } from './client.js';
import type { Doc, Matter } from './matter-types.js';

export type { FailReasonId, MajorAssessment, ProposedMeasure, ReviewPointId };

export type CriterionGroup = 'penalty' | 'licence' | 'coercion' | 'general';
export type ListCriterion = { id: string; group: CriterionGroup; text: string; source: string; decidedFromData: boolean; enabled: boolean };
export type ListParameters = { hearingFineNatural: number | null; hearingFineLegal: number | null; reviewAllGeneralPenalties: boolean };
export type MajorList = {
  version: number;
  basis: string;
  createdAt: string | null;
  createdByName: string | null;
  parameters: ListParameters;
  criteria: ListCriterion[];
  reviewPoints?: { id: ReviewPointId; text: string }[];
  failReasons?: { id: FailReasonId; text: string }[];
};
export type ListInput = { parameters: ListParameters; disabledCriteria: string[]; basis: string };

export type Staffing = { activeOfficers: number; legalReviewers: number; required: number; met: boolean; reviewers: { id: string; name: string }[]; rule: string };

export type Proposal = { measures: ProposedMeasure[]; fineAmount?: number | null; confiscationValue?: number | null; stopsBusiness?: boolean | null; hearingHeld?: boolean };
export type Assessment = { id: string; facts: Proposal & { category: string; partyKind: string; hearingHeld: boolean }; answers: Record<string, boolean>; result: MajorAssessment; listVersion: number; createdAt: string; createdByName: string | null };

export type SubmissionInput = {
  proposedDecision: string;
  facts: string;
  lawApplied: string;
  discretionStandard: string;
  evidenceSummary: string;
  hearingAppraisal?: string | null;
  otherNotes?: string | null;
};
export type FrozenDocument = { id: string; typeId: string; version: number; status: string; number: string | null; contentHash: string };
export type Materials = SubmissionInput & {
  matter: { id: string; number: string; category: string; title: string };
  assessment: { id: string; major: boolean; reasons: MajorAssessment['reasons'] };
  documents: FrozenDocument[];
};
export type ReviewStatus = 'submitted' | 'passed' | 'failed' | 'discussed' | 'referred';
export type ReviewMessage = { id: string; reviewId: string; kind: 'request' | 'answer'; text: string; byName: string | null; at: string };
export type PointResult = { id: ReviewPointId; result: 'ok' | 'problem'; note?: string | null };
export type Review = {
  id: string;
  agencyId: string;
  matterId: string;
  submissionVersion: number;
  status: ReviewStatus;
  materials: Materials;
  materialsHash: string;
  receivedAt: string;
  submittedByName: string | null;
  reviewerName: string | null;
  extensionApprovedAt: string | null;
  extensionApprovedByName: string | null;
  completedAt: string | null;
  points: PointResult[] | null;
  failReasons: FailReasonId[] | null;
  explanation: string | null;
  opinionDocumentId: string | null;
  discussionStepId: string | null;
  discussionConclusion: 'proceed' | 'revise' | null;
  messages?: ReviewMessage[];
};
export type MatterLegalReview = { assessment: Assessment | null; reviews: (Review & { messages: ReviewMessage[] })[] };
export type ReviewQueueItem = { review: Review; matter: Pick<Matter, 'id' | 'number' | 'title' | 'category'> };
export type ReviewDecision = { points: PointResult[]; outcome: 'pass' | 'fail'; failReasons: FailReasonId[]; explanation: string };
export type Discussion = { stepId: string; conclusion: 'proceed' | 'revise'; summary: string };

const a = (agencyId: string) => `/api/agencies/${encodeURIComponent(agencyId)}`;
const m = (agencyId: string, matterId: string) => `${a(agencyId)}/matters/${matterId}/legal-review`;
const r = (agencyId: string, reviewId: string) => `${a(agencyId)}/legal-reviews/${reviewId}`;

export const legalReviewApi = {
  list: (agencyId: string) => api.get<MajorList>(`${a(agencyId)}/legal-review/list`),
  updateList: (agencyId: string, input: ListInput) => api.put<MajorList>(`${a(agencyId)}/legal-review/list`, input),
  staffing: (agencyId: string) => api.get<Staffing>(`${a(agencyId)}/legal-review/staffing`),
  ofMatter: (agencyId: string, matterId: string) => api.get<MatterLegalReview>(m(agencyId, matterId)),
  assess: (agencyId: string, matterId: string, proposal: Proposal, answers: Record<string, boolean>) => api.post<Assessment>(`${m(agencyId, matterId)}/assessment`, { proposal, answers }),
  submit: (agencyId: string, matterId: string, input: SubmissionInput) => api.post<Review>(`${m(agencyId, matterId)}/submissions`, input),
  queue: (agencyId: string, status: Exclude<ReviewStatus, 'referred'>) => api.get<ReviewQueueItem[]>(`${a(agencyId)}/legal-reviews`, { status }),
  get: (agencyId: string, reviewId: string) => api.get<Review & { messages: ReviewMessage[] }>(r(agencyId, reviewId)),
  message: (agencyId: string, reviewId: string, kind: 'request' | 'answer', text: string) => api.post<ReviewMessage>(`${r(agencyId, reviewId)}/messages`, { kind, text }),
  extend: (agencyId: string, reviewId: string) => api.post<Review>(`${r(agencyId, reviewId)}/extension`),
  decide: (agencyId: string, reviewId: string, input: ReviewDecision) => api.post<Review>(`${r(agencyId, reviewId)}/decision`, input),
  discuss: (agencyId: string, reviewId: string, input: Discussion) => api.post<Review>(`${r(agencyId, reviewId)}/discussion`, input),
  matterDocuments: (agencyId: string, matterId: string) => api.get<Doc[]>(`${a(agencyId)}/matters/${matterId}/documents`),
};
