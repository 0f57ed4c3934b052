import { answer, apiClient } from './typed-client.js';
import type { Decision, DocFields, DocType, MatterInput, MatterQuery, SignatureInput, StepInput } from './matter-types.js';

const MATTER = '/api/agencies/{agencyId}/matters/{matterId}';
const STEP = `${MATTER}/steps/{stepId}` as const;
const DOC = '/api/agencies/{agencyId}/documents/{documentId}';
const matter = (agencyId: string, matterId: string) => ({ params: { path: { agencyId, matterId } } });
const step = (agencyId: string, matterId: string, stepId: string) => ({ params: { path: { agencyId, matterId, stepId } } });
const doc = (agencyId: string, documentId: string) => ({ params: { path: { agencyId, documentId } } });
const d = (agencyId: string, documentId: string) => `/api/agencies/${encodeURIComponent(agencyId)}/documents/${documentId}`;

export const matterApi = {
  search: (agencyId: string, q: MatterQuery) => answer(apiClient.GET('/api/agencies/{agencyId}/matters', { params: { path: { agencyId }, query: q } })),
  count: (agencyId: string, q: Omit<MatterQuery, 'page' | 'pageSize'>) => answer(apiClient.GET('/api/agencies/{agencyId}/matters/count', { params: { path: { agencyId }, query: q } })),
  create: (agencyId: string, input: MatterInput) => answer(apiClient.POST('/api/agencies/{agencyId}/matters', { params: { path: { agencyId } }, body: input })),
  get: (agencyId: string, matterId: string) => answer(apiClient.GET(MATTER, matter(agencyId, matterId))),
  timeline: (agencyId: string, matterId: string) => answer(apiClient.GET(`${MATTER}/timeline`, matter(agencyId, matterId))),
  deadlines: (agencyId: string, matterId: string) => answer(apiClient.GET(`${MATTER}/deadlines`, matter(agencyId, matterId))),
  recordStep: (agencyId: string, matterId: string, input: StepInput) => answer(apiClient.POST(`${MATTER}/steps`, { ...matter(agencyId, matterId), body: input })),
  decide: (agencyId: string, matterId: string, stepId: string, input: Decision) => answer(apiClient.POST(`${STEP}/decision`, { ...step(agencyId, matterId, stepId), body: input })),
  resubmit: (agencyId: string, matterId: string, stepId: string, opinion: string) => answer(apiClient.POST(`${STEP}/resubmit`, { ...step(agencyId, matterId, stepId), body: { opinion } })),
  queue: (agencyId: string) => answer(apiClient.GET('/api/agencies/{agencyId}/approvals/queue', { params: { path: { agencyId } } })),
  returned: (agencyId: string) => answer(apiClient.GET('/api/agencies/{agencyId}/approvals/returned', { params: { path: { agencyId } } })),
};

export const documentApi = {
  // The catalogue's field definitions are typed by the server's own DocumentType (rules), which
  // the pages' form builder uses; the contract's copy of it is the same JSON.
  types: async (): Promise<DocType[]> => answer(apiClient.GET('/api/document-types')),
  type: async (typeId: string): Promise<DocType> => answer(apiClient.GET('/api/document-types/{typeId}', { params: { path: { typeId } } })),
  create: (agencyId: string, matterId: string, input: { typeId: string; stepId?: string | null; fields: DocFields }) => answer(apiClient.POST(`${MATTER}/documents`, { ...matter(agencyId, matterId), body: input })),
  get: (agencyId: string, documentId: string) => answer(apiClient.GET(DOC, doc(agencyId, documentId))),
  save: (agencyId: string, documentId: string, fields: DocFields) => answer(apiClient.PATCH(DOC, { ...doc(agencyId, documentId), body: { fields } })),
  issue: (agencyId: string, documentId: string) => answer(apiClient.POST(`${DOC}/issue`, doc(agencyId, documentId))),
  correct: (agencyId: string, documentId: string, fields: DocFields, reason: string) => answer(apiClient.POST(`${DOC}/corrections`, { ...doc(agencyId, documentId), body: { fields, reason } })),
  sign: (agencyId: string, documentId: string, input: SignatureInput) => answer(apiClient.POST(`${DOC}/signatures`, { ...doc(agencyId, documentId), body: input })),
  attach: (agencyId: string, documentId: string, input: { kind: 'signed_scan' | 'attachment'; fileName: string; dataBase64: string }) => answer(apiClient.POST(`${DOC}/attachments`, { ...doc(agencyId, documentId), body: input })),
  printUrl: (agencyId: string, documentId: string) => `${d(agencyId, documentId)}/print`,
  fileUrl: (agencyId: string, documentId: string, format: 'docx' | 'pdf') => `${d(agencyId, documentId)}/${format}`,
};
