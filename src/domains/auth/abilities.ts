import { z } from 'zod';
import { auditAbilities, canViewAudit } from '../audit/policy.js';
import { avAbilities } from '../av/policy.js';
import { ingestAbilities } from '../av/ingest/policy.js';
import { calendarAbilities } from '../calendar/policy.js';
import { findingsAbilities } from '../findings/policy.js';
import { integrityAbilities } from '../integrity/verify/policy.js';
import { witnessAbilities } from '../integrity/witness/policy.js';
import { canApproveExtension, canDecideReview } from '../legal-review/policy.js';
import { canDecideStage, canReadMatters, canWorkOnMatters } from '../matters/policy.js';
import { canAdministerAgency, canCreateAgency, orgAbilities } from '../org/policy.js';
import { policyAbilities } from '../policy/policy.js';
import { authAbilities } from './policy.js';
import type { Principal } from './principal.js';

// STYLE habit 13: what the caller may do, computed by each domain's policy functions and sent
// with /api/auth/me, so the web app shows what the routes allow without re-encoding roles.
// test/integration/abilities.test.ts calls every route as every role and checks it against these.

/** What the caller may do in one agency. */
export function agencyAbilities(p: Principal, agencyId: string) {
  return {
    ...orgAbilities(p, agencyId),
    ...authAbilities(p, agencyId),
    ...auditAbilities(p, agencyId),
    ...policyAbilities(p, agencyId),
    ...findingsAbilities(p, agencyId),
    readMatters: canReadMatters(p, agencyId),
    workOnMatters: canWorkOnMatters(p, agencyId),
    decideReviewStage: canDecideStage(p, agencyId, 'review'),
    decideApprovalStage: canDecideStage(p, agencyId, 'approve'),
    changeMajorList: canAdministerAgency(p, agencyId),
    decideLegalReview: canDecideReview(p, agencyId),
    approveLegalReviewExtension: canApproveExtension(p, agencyId),
    ...avAbilities(p, agencyId),
    ...ingestAbilities(p, agencyId),
  };
}

export type AgencyAbilities = ReturnType<typeof agencyAbilities>;

/** What the caller may do across the deployment. */
export const platformAbilities = (p: Principal) => ({
  createAgency: canCreateAgency(p),
  viewAllAudit: canViewAudit(p, undefined),
  ...calendarAbilities(p),
  ...integrityAbilities(p),
  ...witnessAbilities(p),
});

/**
 * Per agency the caller holds a role in, and for any other agency (what the platform
 * administrator may do in agencies they hold no role in; all false for everyone else). No agency
 * id is a member's, so the policies answer that for a caller with no role there.
 */
export function abilitiesOf(p: Principal) {
  return {
    platform: platformAbilities(p),
    agencies: Object.fromEntries(p.memberships.map((m) => [m.agencyId, agencyAbilities(p, m.agencyId)])),
    otherAgencies: agencyAbilities(p, ''),
  };
}

const flags = <K extends string>(keys: readonly K[]) => z.object(Object.fromEntries(keys.map((k) => [k, z.boolean()])) as Record<K, z.ZodBoolean>);
const agencyKeys = Object.keys(agencyAbilities({ userId: '', username: '', displayName: '', isPlatformAdmin: false, kind: 'person', memberships: [], via: 'session' }, '')) as Array<keyof AgencyAbilities>;
const platformKeys = Object.keys(platformAbilities({ userId: '', username: '', displayName: '', isPlatformAdmin: false, kind: 'person', memberships: [], via: 'session' })) as Array<keyof ReturnType<typeof platformAbilities>>;

/** The response schema of the abilities in /api/auth/me (keys derived from the functions above). */
export const abilitiesView = z.object({
  platform: flags(platformKeys),
  agencies: z.record(z.string(), flags(agencyKeys)),
  otherAgencies: flags(agencyKeys),
});
