// 送达 (SRV-1) and the party's deadlines (SRV-2): shapes of src/domains/service/routes.ts, from
// the generated contract (schema.d.ts).
import { answer, apiClient, type Body, type Schemas } from './typed-client.js';

const SERVICES = '/api/agencies/{agencyId}/matters/{matterId}/services';

export type ServiceRecord = Schemas['ServiceRecord'];
export type PartyDeadline = Schemas['PartyDeadline'];
export type ServiceInput = Body<typeof SERVICES, 'post'>;

const matter = (agencyId: string, matterId: string) => ({ params: { path: { agencyId, matterId } } });

export const serviceApi = {
  list: (agencyId: string, matterId: string) => answer(apiClient.GET(SERVICES, matter(agencyId, matterId))),
  record: (agencyId: string, matterId: string, input: ServiceInput) => answer(apiClient.POST(SERVICES, { ...matter(agencyId, matterId), body: input })),
  deadlines: (agencyId: string, matterId: string) => answer(apiClient.GET('/api/agencies/{agencyId}/matters/{matterId}/party-deadlines', matter(agencyId, matterId))),
};
