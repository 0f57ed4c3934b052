// 罚款缴纳 (CASE-11): shapes of src/domains/payment/routes.ts, from the generated contract (schema.d.ts).
import { answer, apiClient, type Body, type Schemas } from './typed-client.js';

const PAYMENTS = '/api/agencies/{agencyId}/matters/{matterId}/payments';

export type FineAccount = Schemas['FineAccount'];
export type Payment = Schemas['Payment'];
export type PaymentInput = Body<typeof PAYMENTS, 'post'>;

const matter = (agencyId: string, matterId: string) => ({ params: { path: { agencyId, matterId } } });

export const paymentApi = {
  account: (agencyId: string, matterId: string) => answer(apiClient.GET(PAYMENTS, matter(agencyId, matterId))),
  record: (agencyId: string, matterId: string, input: PaymentInput) => answer(apiClient.POST(PAYMENTS, { ...matter(agencyId, matterId), body: input })),
};
