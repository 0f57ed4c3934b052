// 当事人权利 (CASE-8, CASE-9): shapes of src/domains/rights/routes.ts, from the generated contract.
import { answer, apiClient, type Body, type Schemas } from './typed-client.js';

const M = '/api/agencies/{agencyId}/matters/{matterId}';

export type RightsRecord = Schemas['RightsRecord'];
export type RightsOverview = Schemas['RightsOverview'];
export type HearingWindow = Schemas['HearingWindow'];
export type StatementInput = Body<`${typeof M}/statements`, 'post'>;
export type ReviewInput = Body<`${typeof M}/statements/{recordId}/review`, 'post'>;
export type HearingRequestInput = Body<`${typeof M}/hearing-requests`, 'post'>;
export type HearingScheduleInput = Body<`${typeof M}/hearings`, 'post'>;
export type HearingHeldInput = Body<`${typeof M}/hearings/{recordId}/held`, 'post'>;
export type RecusalInput = Body<`${typeof M}/recusal-requests`, 'post'>;
export type RecusalDecisionInput = Body<`${typeof M}/recusal-requests/{recordId}/decision`, 'post'>;
export type RefusalInput = Body<`${typeof M}/refusals`, 'post'>;

const at = (agencyId: string, matterId: string) => ({ params: { path: { agencyId, matterId } } });
const on = (agencyId: string, matterId: string, recordId: string) => ({ params: { path: { agencyId, matterId, recordId } } });

export const rightsApi = {
  overview: (a: string, m: string) => answer(apiClient.GET(`${M}/rights`, at(a, m))),
  statement: (a: string, m: string, body: StatementInput) => answer(apiClient.POST(`${M}/statements`, { ...at(a, m), body })),
  review: (a: string, m: string, id: string, body: ReviewInput) => answer(apiClient.POST(`${M}/statements/{recordId}/review`, { ...on(a, m, id), body })),
  hearingRequest: (a: string, m: string, body: HearingRequestInput) => answer(apiClient.POST(`${M}/hearing-requests`, { ...at(a, m), body })),
  scheduleHearing: (a: string, m: string, body: HearingScheduleInput) => answer(apiClient.POST(`${M}/hearings`, { ...at(a, m), body })),
  hearingHeld: (a: string, m: string, id: string, body: HearingHeldInput) => answer(apiClient.POST(`${M}/hearings/{recordId}/held`, { ...on(a, m, id), body })),
  recusal: (a: string, m: string, body: RecusalInput) => answer(apiClient.POST(`${M}/recusal-requests`, { ...at(a, m), body })),
  recusalDecision: (a: string, m: string, id: string, body: RecusalDecisionInput) => answer(apiClient.POST(`${M}/recusal-requests/{recordId}/decision`, { ...on(a, m, id), body })),
  refusal: (a: string, m: string, body: RefusalInput) => answer(apiClient.POST(`${M}/refusals`, { ...at(a, m), body })),
};
