// Shapes of the server's JSON (see /api/openapi.json). Times are ISO 8601 strings in UTC.
import type { DeadlineRule } from '../../../src/rules/deadlines/deadline-rule.js';
import type { ParameterPath, ParameterValues } from '../../../src/rules/profiles/apply-overrides.js';
import type { ChecklistRow, PolicyProfile } from '../../../src/rules/profiles/profile-schema.js';

export type Role = 'handler' | 'reviewer' | 'approver' | 'legal_reviewer' | 'archivist' | 'supervisor' | 'admin';
export type AgencyKind = 'enforcement_agency' | 'entrusted_organisation' | 'supervising_body';
export type UnitKind = 'section' | 'enforcement_team' | 'legal_affairs' | 'other';

export type Membership = { agencyId: string; agencyName: string; roles: Role[] };
/** What the caller may do in one agency, computed by the server's policies (src/domains/auth/abilities.ts). */
export type AgencyAbilities = {
  readAgency: boolean;
  administerAgency: boolean;
  listOwnApiTokens: boolean;
  createApiTokens: boolean;
  revokeApiTokens: boolean;
  manageServiceAccounts: boolean;
  viewAudit: boolean;
  readPolicy: boolean;
  changePolicy: boolean;
  readFindings: boolean;
  reevaluateFindings: boolean;
  readMatters: boolean;
  workOnMatters: boolean;
  decideReviewStage: boolean;
  decideApprovalStage: boolean;
  changeMajorList: boolean;
  decideLegalReview: boolean;
  approveLegalReviewExtension: boolean;
  readAv: boolean;
  workOnAv: boolean;
  uploadAv: boolean;
};
export type PlatformAbilities = { createAgency: boolean; viewAllAudit: boolean; enterCalendarNotice: boolean };
export type Me = {
  user: { id: string; username: string; displayName: string; isPlatformAdmin: boolean };
  memberships: Membership[];
  csrfToken: string | null;
  via: 'session' | 'token';
  abilities: { platform: PlatformAbilities; agencies: Record<string, AgencyAbilities>; otherAgencies: AgencyAbilities };
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
  /** AV-2: largest file of one upload, bytes; null = the platform's limit only. */
  avUploadMaxBytes: number | null;
  createdAt: string;
  updatedAt: string;
};
export type AgencyInput = { code: string; name: string; kind: AgencyKind; delegatingAgencyId?: string | null; region?: string | null; avUploadMaxBytes?: number | null };

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
/** A collection station's account (采集站账号) and its tokens. */
export type ServiceAccount = { id: string; username: string; displayName: string; disabled: boolean; createdAt: string; tokens: ApiToken[] };

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

// Policy, calendar, findings (issue 3). The profile's shape is the rules engine's own type
// (type-only imports, which vanish from the bundle).
export type { ChecklistRow, DeadlineRule, ParameterPath, ParameterValues, PolicyProfile };

export type ProfileSummary = { id: string; name: string; seed: string; issuer: string; version: number };
export type PolicyVersion = { version: number; builtInProfileId: string; basis: string; createdAt: string; createdByName: string | null; profile: PolicyProfile };
export type PolicyVersionSummary = Omit<PolicyVersion, 'profile'> & { profileName: string; seed: string };
export type AgencyPolicy = { current: PolicyVersion | null; parameterPaths: ParameterPath[] };
export type PolicyAdjustment = { parameters?: Partial<Record<ParameterPath, unknown>>; checklistRows?: ChecklistRow[]; basis: string };

export type DayKind = 'workday' | 'weekend' | 'holiday' | 'make_up_workday';
export type YearStatus = 'official' | 'notice' | 'provisional';
export type CalendarDay = { date: string; working: boolean; kind: DayKind; holidayName: string | null; yearStatus: YearStatus };
export type CalendarYear = { year: number; status: YearStatus; source: string; days: CalendarDay[] };
export type YearNotice = { year: number; holidays: { name: string; start: string; end: string }[]; makeUpWorkdays: string[] };
export type CalendarNotice = { id: string; year: number; notice: YearNotice; basis: string; createdAt: string; createdByName: string | null };

export type FindingState = 'due_soon' | 'late' | 'breached';
export type Finding = {
  id: string;
  matterId: string;
  key: string;
  kind: string;
  requirement: string;
  state: FindingState;
  severity: 'low' | 'medium' | 'high';
  objectType: string;
  objectId: string;
  unitId: string | null;
  officerIds: string[];
  dueAt: string | null;
  lateByMs: number | null;
  rule: { profileId: string; profileVersion: number; seed: string; article: string; text: string };
  detail: Record<string, unknown>;
  summary: string;
  firstSeenAt: string;
  lastSeenAt: string;
  resolvedAt: string | null;
  resolution: string | null;
};
export type FindingQuery = {
  status?: 'open' | 'resolved' | 'all';
  requirement?: string;
  kind?: string;
  state?: FindingState;
  unitId?: string;
  officerId?: string;
  matterId?: string;
  page?: number;
  pageSize?: number;
};
export type FindingPage = { items: Finding[]; total: number; counts: { requirement: string; state: FindingState; n: number }[]; page: number; pageSize: number };
export type ReevaluateResult = { matters: number; opened: number; changed: number; resolved: number; skipped?: string };
