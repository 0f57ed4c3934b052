// Shapes and calls of the legal-review API (issue 6; src/domains/legal-review/routes.ts): the
// 目录清单, the "is it major?" assessment, frozen submissions, the reviewer's queue and decision,
// extension, collective discussion, staffing. Types come from the generated contract (schema.d.ts).
import type { FailReasonId, ProposedMeasure, ReviewPointId } from '../../../src/rules/legal-review/criteria.js';
import type { MajorAssessment } from '../../../src/rules/legal-review/is-major.js';
import { answer, apiClient, type Schemas, type Body } from './typed-client.js';

export type { FailReasonId, MajorAssessment, ProposedMeasure, ReviewPointId };

const LIST = '/api/agencies/{agencyId}/legal-review/list';
const ASSESSMENT = '/api/agencies/{agencyId}/matters/{matterId}/legal-review/assessment';
const SUBMISSIONS = '/api/agencies/{agencyId}/matters/{matterId}/legal-review/submissions';
const REVIEW = '/api/agencies/{agencyId}/legal-reviews/{reviewId}';

export type ListCriterion = Schemas['MajorListCriterion'];
export type CriterionGroup = ListCriterion['group'];
export type ListParameters = Schemas['MajorListParameters'];
/** The list; the one in force also carries the review points and reasons for not passing. */
export type MajorList = Schemas['MajorList'] & Partial<Pick<Schemas['MajorListWithTerms'], 'reviewPoints' | 'failReasons'>>;
export type ListInput = Body<typeof LIST, 'put'>;

export type Staffing = Schemas['LegalReviewStaffing'];

export type Proposal = Body<typeof ASSESSMENT, 'post'>['proposal'];
export type Assessment = Schemas['MajorAssessment'];

export type SubmissionInput = Body<typeof SUBMISSIONS, 'post'>;
export type FrozenDocument = Schemas['FrozenDocument'];
export type Materials = Schemas['ReviewMaterials'];
export type ReviewMessage = Schemas['LegalReviewMessage'];
export type PointResult = Schemas['ReviewPointResult'];
export type Review = Schemas['LegalReview'] & { messages?: ReviewMessage[] };
export type ReviewStatus = Review['status'];
export type MatterLegalReview = Schemas['MatterLegalReview'];
export type ReviewQueueItem = Schemas['LegalReviewQueueItem'];
export type ReviewDecision = Body<`${typeof REVIEW}/decision`, 'post'>;
export type Discussion = Body<`${typeof REVIEW}/discussion`, 'post'>;

const agency = (agencyId: string) => ({ params: { path: { agencyId } } });
const matter = (agencyId: string, matterId: string) => ({ params: { path: { agencyId, matterId } } });
const review = (agencyId: string, reviewId: string) => ({ params: { path: { agencyId, reviewId } } });

export const legalReviewApi = {
  list: (agencyId: string) => answer(apiClient.GET(LIST, agency(agencyId))),
  updateList: (agencyId: string, input: ListInput) => answer(apiClient.PUT(LIST, { ...agency(agencyId), body: input })),
  staffing: (agencyId: string) => answer(apiClient.GET('/api/agencies/{agencyId}/legal-review/staffing', agency(agencyId))),
  ofMatter: (agencyId: string, matterId: string) => answer(apiClient.GET('/api/agencies/{agencyId}/matters/{matterId}/legal-review', matter(agencyId, matterId))),
  assess: (agencyId: string, matterId: string, proposal: Proposal, answers: Record<string, boolean>) => answer(apiClient.POST(ASSESSMENT, { ...matter(agencyId, matterId), body: { proposal, answers } })),
  submit: (agencyId: string, matterId: string, input: SubmissionInput) => answer(apiClient.POST(SUBMISSIONS, { ...matter(agencyId, matterId), body: input })),
  queue: (agencyId: string, status: Exclude<ReviewStatus, 'referred'>) => answer(apiClient.GET('/api/agencies/{agencyId}/legal-reviews', { params: { path: { agencyId }, query: { status } } })),
  get: (agencyId: string, reviewId: string) => answer(apiClient.GET(REVIEW, review(agencyId, reviewId))),
  message: (agencyId: string, reviewId: string, kind: 'request' | 'answer', text: string) => answer(apiClient.POST(`${REVIEW}/messages`, { ...review(agencyId, reviewId), body: { kind, text } })),
  extend: (agencyId: string, reviewId: string) => answer(apiClient.POST(`${REVIEW}/extension`, review(agencyId, reviewId))),
  decide: (agencyId: string, reviewId: string, input: ReviewDecision) => answer(apiClient.POST(`${REVIEW}/decision`, { ...review(agencyId, reviewId), body: input })),
  discuss: (agencyId: string, reviewId: string, input: Discussion) => answer(apiClient.POST(`${REVIEW}/discussion`, { ...review(agencyId, reviewId), body: input })),
  matterDocuments: (agencyId: string, matterId: string) => answer(apiClient.GET('/api/agencies/{agencyId}/matters/{matterId}/documents', matter(agencyId, matterId))),
};
