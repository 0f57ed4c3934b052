import type { Principal } from '../auth/principal.js';
import { canSeeMatter, type MatterScope } from '../matters/scope.js';
import { canAdministerAgency, canReadAgency } from '../org/policy.js';

// Who may see and recompute findings (STYLE habit 8).

/** The findings list: every member of the agency, each seeing the findings of the matters they see. */
export const canReadFindings = (p: Principal, agencyId: string) => canReadAgency(p, agencyId);

/** Re-evaluating every open matter at once is heavy: the agency's administrators. */
export const canReevaluateFindings = (p: Principal, agencyId: string) => canAdministerAgency(p, agencyId);

export const findingsAbilities = (p: Principal, agencyId: string) => ({ readFindings: canReadFindings(p, agencyId), reevaluateFindings: canReevaluateFindings(p, agencyId) });

/**
 * ACC-1: a finding is seen by whoever sees its matter. It carries its matter's unit and officers
 * as they were when it was evaluated, so the rule is the matter's (matters/scope.ts canSeeMatter)
 * applied to those; list-findings.ts applies it as SQL.
 */
export const canSeeFinding = (scope: MatterScope, finding: { unitId: string | null; officerIds: string[] }) => canSeeMatter(scope, finding, finding.officerIds);
