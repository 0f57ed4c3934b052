import type { Principal } from '../auth/principal.js';
import { canAdministerAgency, canReadAgency } from '../org/policy.js';

// Who may read and change an agency's 执法规范方案 (STYLE habit 8).

/** The current profile, its versions and the checklist export: every member of the agency. */
export const canReadPolicy = (p: Principal, agencyId: string) => canReadAgency(p, agencyId);

/** Choosing or adjusting the profile makes a new version: the agency's administrators. */
export const canChangePolicy = (p: Principal, agencyId: string) => canAdministerAgency(p, agencyId);

export const policyAbilities = (p: Principal, agencyId: string) => ({ readPolicy: canReadPolicy(p, agencyId), changePolicy: canChangePolicy(p, agencyId) });
