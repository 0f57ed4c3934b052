// Shapes of the server's JSON, from the generated contract (schema.d.ts, `npm run api:generate`).
// Times are ISO 8601 strings in UTC.
import type { DeadlineRule } from '../../../src/rules/deadlines/deadline-rule.js';
import type { ParameterPath, ParameterValues } from '../../../src/rules/profiles/apply-overrides.js';
import type { ChecklistRow, PolicyProfile } from '../../../src/rules/profiles/profile-schema.js';
import type { Answer, Body, Query } from './typed-client.js';

export type Role = 'handler' | 'reviewer' | 'approver' | 'legal_reviewer' | 'archivist' | 'supervisor' | 'admin';
export type AgencyKind = 'enforcement_agency' | 'entrusted_organisation' | 'supervising_body';
export type UnitKind = 'section' | 'enforcement_team' | 'legal_affairs' | 'other';

export type Me = Answer<'/api/auth/me', 'get'>;
export type Membership = Me['memberships'][number];
/** What the caller may do in one agency, computed by the server's policies (src/domains/auth/abilities.ts). */
export type AgencyAbilities = Me['abilities']['otherAgencies'];
export type PlatformAbilities = Me['abilities']['platform'];
export type SignInResult = Answer<'/api/auth/sign-in', 'post'>;
export type Meta = Answer<'/api/meta', 'get'>;

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

export type Officer = Answer<'/api/agencies/{agencyId}/officers', 'get'>[number];
export type OfficerInput = Body<'/api/agencies/{agencyId}/officers', 'post'>;

export type Member = { id: string; username: string; displayName: string; disabled: boolean; roles: Role[]; createdAt: string };
export type MemberInput = { username: string; displayName: string; password: string; roles: Role[] };

export type ApiToken = Answer<'/api/agencies/{agencyId}/api-tokens', 'get'>[number];
export type NewApiToken = Answer<'/api/agencies/{agencyId}/api-tokens', 'post'>;
/** A collection station's account (采集站账号) and its tokens. */
export type ServiceAccount = { id: string; username: string; displayName: string; disabled: boolean; createdAt: string; tokens: ApiToken[] };

export type AuditPage = Answer<'/api/audit-events', 'get'>;
export type AuditEvent = AuditPage['items'][number];
export type AuditQuery = {
  agencyId?: string;
  action?: string;
  actorUserId?: string;
  objectType?: string;
  objectId?: string;
  reads?: 'only' | 'exclude';
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
export type CalendarNotice = Answer<'/api/calendar/notices', 'get'>[number];
export type YearNotice = CalendarNotice['notice'];

export type FindingPage = Answer<'/api/agencies/{agencyId}/findings', 'get'>;
export type Finding = FindingPage['items'][number];
export type FindingState = Finding['state'];
export type FindingQuery = Partial<Query<'/api/agencies/{agencyId}/findings', 'get'>>;
export type ReevaluateResult = Answer<'/api/agencies/{agencyId}/findings/reevaluate', 'post'>;
