import { api } from './client.js';
import { answer, apiClient } from './typed-client.js';
import type {
  Decision,
  Doc,
  DocDetail,
  DocFields,
  DocType,
  Matter,
  MatterDetail,
  MatterInput,
  MatterPage,
  MatterQuery,
  QueueItem,
  SignatureInput,
  Step,
  StepInput,
  Timeline,
} from './matter-types.js';

const a = (agencyId: string) => `/api/agencies/${encodeURIComponent(agencyId)}`;
const m = (agencyId: string, matterId: string) => `${a(agencyId)}/matters/${matterId}`;
const d = (agencyId: string, documentId: string) => `${a(agencyId)}/documents/${documentId}`;

export const matterApi = {
  search: (agencyId: string, q: MatterQuery) => answer(apiClient.GET('/api/agencies/{agencyId}/matters', { params: { path: { agencyId }, query: q } })),
  count: (agencyId: string, q: Omit<MatterQuery, 'page' | 'pageSize'>) => api.get<{ total: number; capped: boolean }>(`${a(agencyId)}/matters/count`, q),
  create: (agencyId: string, input: MatterInput) => api.post<Matter>(`${a(agencyId)}/matters`, input),
  get: (agencyId: string, matterId: string) => answer(apiClient.GET('/api/agencies/{agencyId}/matters/{matterId}', { params: { path: { agencyId, matterId } } })),
  timeline: (agencyId: string, matterId: string) => answer(apiClient.GET('/api/agencies/{agencyId}/matters/{matterId}/timeline', { params: { path: { agencyId, matterId } } })),
  recordStep: (agencyId: string, matterId: string, input: StepInput) => api.post<Step>(`${m(agencyId, matterId)}/steps`, input),
  decide: (agencyId: string, matterId: string, stepId: string, input: Decision) => api.post<Step>(`${m(agencyId, matterId)}/steps/${stepId}/decision`, input),
  resubmit: (agencyId: string, matterId: string, stepId: string, opinion: string) => api.post<Step>(`${m(agencyId, matterId)}/steps/${stepId}/resubmit`, { opinion }),
  queue: (agencyId: string) => api.get<QueueItem[]>(`${a(agencyId)}/approvals/queue`),
};

export const documentApi = {
  types: () => api.get<DocType[]>('/api/document-types'),
  type: (typeId: string) => api.get<DocType>(`/api/document-types/${encodeURIComponent(typeId)}`),
  create: (agencyId: string, matterId: string, input: { typeId: string; stepId?: string | null; fields: DocFields }) => api.post<Doc>(`${m(agencyId, matterId)}/documents`, input),
  get: (agencyId: string, documentId: string) => api.get<DocDetail>(d(agencyId, documentId)),
  save: (agencyId: string, documentId: string, fields: DocFields) => api.patch<Doc>(d(agencyId, documentId), { fields }),
  issue: (agencyId: string, documentId: string) => api.post<Doc>(`${d(agencyId, documentId)}/issue`),
  correct: (agencyId: string, documentId: string, fields: DocFields, reason: string) => api.post<Doc>(`${d(agencyId, documentId)}/corrections`, { fields, reason }),
  sign: (agencyId: string, documentId: string, input: SignatureInput) => api.post<unknown>(`${d(agencyId, documentId)}/signatures`, input),
  attach: (agencyId: string, documentId: string, input: { kind: 'signed_scan' | 'attachment'; fileName: string; dataBase64: string }) => api.post<unknown>(`${d(agencyId, documentId)}/attachments`, input),
  printUrl: (agencyId: string, documentId: string) => `${d(agencyId, documentId)}/print`,
  fileUrl: (agencyId: string, documentId: string, format: 'docx' | 'pdf') => `${d(agencyId, documentId)}/${format}`,
};
