import type { Principal } from '../auth/principal.js';
import { canAdministerAgency, canReadAgency } from '../org/policy.js';

// Who may see and recompute findings (STYLE habit 8).

/** The findings list: every member of the agency (each finding names its unit and officers). */
export const canReadFindings = (p: Principal, agencyId: string) => canReadAgency(p, agencyId);

/** Re-evaluating every open matter at once is heavy: the agency's administrators. */
export const canReevaluateFindings = (p: Principal, agencyId: string) => canAdministerAgency(p, agencyId);

export const findingsAbilities = (p: Principal, agencyId: string) => ({ readFindings: canReadFindings(p, agencyId), reevaluateFindings: canReevaluateFindings(p, agencyId) });
