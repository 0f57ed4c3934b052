import { api, ApiError, request } from './client.js';
import { answer, apiClient } from './typed-client.js';
import type {
  Agency,
  AgencyPolicy,
  CalendarYear,
  FindingQuery,
  PolicyAdjustment,
  PolicyProfile,
  PolicyVersion,
  PolicyVersionSummary,
  ProfileSummary,
  YearNotice,
  AgencyInput,
  AuditPage,
  AuditQuery,
  Me,
  Member,
  MemberInput,
  NewApiToken,
  ServiceAccount,
  Officer,
  OfficerInput,
  Role,
  SignInResult,
  Unit,
  UnitInput,
} from './types.js';

export { ApiError, setCsrfToken, setUnauthorizedHandler } from './client.js';
export type * from './types.js';

type Ok = { ok: true };
const a = (agencyId: string) => `/api/agencies/${encodeURIComponent(agencyId)}`;

export const authApi = {
  signIn: (username: string, password: string) => request<SignInResult>('POST', '/api/auth/sign-in', { username, password }, { authRedirect: false }),
  me: () => request<Me>('GET', '/api/auth/me', undefined, { authRedirect: false }),
  signOut: () => api.post<Ok>('/api/auth/sign-out'),
  changePassword: (currentPassword: string, newPassword: string) =>
    request<Ok>('POST', '/api/auth/password', { currentPassword, newPassword }, { authRedirect: false }),
};

export const metaApi = {
  meta: () => answer(apiClient.GET('/api/meta')),
  auditActions: () => answer(apiClient.GET('/api/audit-actions')),
};

export const agencyApi = {
  list: () => api.get<Agency[]>('/api/agencies'),
  get: (id: string) => api.get<Agency>(a(id)),
  create: (input: AgencyInput) => api.post<Agency>('/api/agencies', input),
  update: (id: string, patch: Partial<Omit<AgencyInput, 'code'>>) => api.patch<Agency>(a(id), patch),
};

export const unitApi = {
  list: (agencyId: string) => api.get<Unit[]>(`${a(agencyId)}/units`),
  create: (agencyId: string, input: UnitInput) => api.post<Unit>(`${a(agencyId)}/units`, input),
  update: (agencyId: string, unitId: string, patch: Partial<UnitInput>) => api.patch<Unit>(`${a(agencyId)}/units/${unitId}`, patch),
};

export const officerApi = {
  list: (agencyId: string, unitId?: string) => answer(apiClient.GET('/api/agencies/{agencyId}/officers', { params: { path: { agencyId }, query: { unitId } } })),
  create: (agencyId: string, input: OfficerInput) => answer(apiClient.POST('/api/agencies/{agencyId}/officers', { params: { path: { agencyId } }, body: input })),
  update: (agencyId: string, officerId: string, patch: Partial<Omit<OfficerInput, 'certificateNo'>>) =>
    api.patch<Officer>(`${a(agencyId)}/officers/${officerId}`, patch),
};

export const userApi = {
  list: (agencyId: string) => api.get<Member[]>(`${a(agencyId)}/users`),
  create: (agencyId: string, input: MemberInput) => api.post<Member>(`${a(agencyId)}/users`, input),
  update: (agencyId: string, userId: string, patch: { displayName?: string; disabled?: boolean }) =>
    api.patch<Member>(`${a(agencyId)}/users/${userId}`, patch),
  setRoles: (agencyId: string, userId: string, roles: Role[]) => api.put<Member>(`${a(agencyId)}/users/${userId}/roles`, { roles }),
  resetPassword: (agencyId: string, userId: string, newPassword: string) => api.post<Ok>(`${a(agencyId)}/users/${userId}/password`, { newPassword }),
};

/** My own tokens; `userId` only for a service account of the agency (its admin). */
export const tokenApi = {
  list: (agencyId: string) => answer(apiClient.GET('/api/agencies/{agencyId}/api-tokens', { params: { path: { agencyId } } })),
  create: (agencyId: string, input: { name: string; userId?: string; expiresInDays?: number | null }) =>
    api.post<NewApiToken>(`${a(agencyId)}/api-tokens`, input),
  revoke: (agencyId: string, tokenId: string) => api.post<Ok>(`${a(agencyId)}/api-tokens/${tokenId}/revoke`),
};

/** 采集站账号: no password, ingest only; created and stopped by the agency admin. */
export const serviceAccountApi = {
  list: (agencyId: string) => api.get<ServiceAccount[]>(`${a(agencyId)}/service-accounts`),
  create: (agencyId: string, input: { username: string; displayName: string }) => api.post<ServiceAccount>(`${a(agencyId)}/service-accounts`, input),
  setDisabled: (agencyId: string, userId: string, disabled: boolean) => api.patch<ServiceAccount>(`${a(agencyId)}/service-accounts/${userId}`, { disabled }),
};

export const auditApi = {
  list: (q: AuditQuery) => api.get<AuditPage>('/api/audit-events', q),
};

export const policyApi = {
  profiles: () => api.get<ProfileSummary[]>('/api/policy-profiles'),
  profile: (profileId: string) => api.get<PolicyProfile>(`/api/policy-profiles/${encodeURIComponent(profileId)}`),
  current: (agencyId: string) => api.get<AgencyPolicy>(`${a(agencyId)}/policy`),
  versions: (agencyId: string) => api.get<PolicyVersionSummary[]>(`${a(agencyId)}/policy/versions`),
  version: (agencyId: string, version: number) => api.get<PolicyVersion>(`${a(agencyId)}/policy/versions/${version}`),
  choose: (agencyId: string, profileId: string, basis: string) => api.post<PolicyVersion>(`${a(agencyId)}/policy/choose`, { profileId, basis }),
  adjust: (agencyId: string, body: PolicyAdjustment) => api.post<PolicyVersion>(`${a(agencyId)}/policy/adjust`, body),
  checklistCsvUrl: (agencyId: string) => `${a(agencyId)}/policy/checklist.csv`,
};

export const calendarApi = {
  year: (year: number) => api.get<CalendarYear>(`/api/calendar/years/${year}`),
  notices: () => answer(apiClient.GET('/api/calendar/notices')),
  enterNotice: (notice: YearNotice, basis: string) => answer(apiClient.POST('/api/calendar/notices', { body: { notice, basis } })),
};

export const integrityApi = {
  latestRun: () => answer(apiClient.GET('/api/integrity/verify-runs/latest')),
  startRun: () => answer(apiClient.POST('/api/integrity/verify-runs')),
};

export const findingApi = {
  list: (agencyId: string, q: FindingQuery) => answer(apiClient.GET('/api/agencies/{agencyId}/findings', { params: { path: { agencyId }, query: q } })),
  reevaluate: (agencyId: string) => answer(apiClient.POST('/api/agencies/{agencyId}/findings/reevaluate', { params: { path: { agencyId } } })),
};

export { documentApi, matterApi } from './matters.js';
export type * from './matter-types.js';

export const logWitnessApi = {
  publicKey: () => answer(apiClient.GET('/api/log/public-key')),
  // The log may still be empty (404): the page then says so instead of showing an error.
  checkpoint: () => answer(apiClient.GET('/api/log/checkpoint')).catch((e: unknown) => (e instanceof ApiError && e.status === 404 ? null : Promise.reject(e))),
  witnesses: () => answer(apiClient.GET('/api/log/witnesses')),
  register: (verifierKey: string, label: string) => answer(apiClient.POST('/api/log/witnesses', { body: { verifierKey, label } })),
  cosignatures: (treeSize?: number) => answer(apiClient.GET('/api/log/cosignatures', { params: { query: treeSize ? { treeSize } : {} } })),
};
