// Shapes of the server's JSON (see /api/openapi.json). Times are ISO 8601 strings in UTC.

export type Role = 'handler' | 'reviewer' | 'approver' | 'legal_reviewer' | 'archivist' | 'supervisor' | 'admin';
export type AgencyKind = 'enforcement_agency' | 'entrusted_organisation' | 'supervising_body';
export type UnitKind = 'section' | 'enforcement_team' | 'legal_affairs' | 'other';

export type Membership = { agencyId: string; agencyName: string; roles: Role[] };
export type Me = {
  user: { id: string; username: string; displayName: string; isPlatformAdmin: boolean };
  memberships: Membership[];
  csrfToken: string | null;
  via: 'session' | 'token';
};
export type SignInResult = { csrfToken: string; expiresAt: string };
export type Meta = { roles: Record<string, string>; database: string; store: string };

export type Agency = {
  id: string;
  code: string;
  name: string;
  kind: AgencyKind;
  delegatingAgencyId: string | null;
  region: string | null;
  createdAt: string;
  updatedAt: string;
};
export type AgencyInput = { code: string; name: string; kind: AgencyKind; delegatingAgencyId?: string | null; region?: string | null };

export type Unit = { id: string; agencyId: string; name: string; kind: UnitKind; createdAt: string; updatedAt: string };
export type UnitInput = { name: string; kind: UnitKind };

export type Officer = {
  id: string;
  agencyId: string;
  unitId: string | null;
  unitName: string | null;
  userId: string | null;
  name: string;
  post: string;
  certificateNo: string;
  certificateValidFrom: string;
  certificateValidTo: string;
  certificateValid: boolean;
  area: string;
  active: boolean;
  createdAt: string;
  updatedAt: string;
};
export type OfficerInput = {
  name: string;
  unitId?: string | null;
  userId?: string | null;
  post: string;
  certificateNo: string;
  certificateValidFrom: string;
  certificateValidTo: string;
  area: string;
  active?: boolean;
};

export type Member = { id: string; username: string; displayName: string; disabled: boolean; roles: Role[]; createdAt: string };
export type MemberInput = { username: string; displayName: string; password: string; roles: Role[] };

export type ApiToken = {
  id: string;
  name: string;
  prefix: string;
  userId: string;
  username: string;
  agencyId: string;
  createdAt: string;
  expiresAt: string | null;
  lastUsedAt: string | null;
  revokedAt: string | null;
};
export type NewApiToken = ApiToken & { token: string };

export type AuditEvent = {
  seq: number;
  occurredAt: string;
  actorUserId: string | null;
  actorName: string | null;
  agencyId: string | null;
  action: string;
  objectType: string;
  objectId: string | null;
  ip: string | null;
  userAgent: string | null;
  before: unknown;
  after: unknown;
  details: unknown;
  contentHash: string;
};
export type AuditPage = { items: AuditEvent[]; total: number; page: number; pageSize: number };
export type AuditQuery = {
  agencyId?: string;
  action?: string;
  actorUserId?: string;
  objectType?: string;
  objectId?: string;
  from?: string;
  to?: string;
  page?: number;
  pageSize?: number;
};
