import type { Principal } from './principal.js';
import { canAdministerAgency } from '../org/policy.js';

// Who may manage sign-in credentials (STYLE habit 8). Signing in, out and changing one's own
// password need only a session ('public' / 'signedIn' in the routes).

/** API tokens of an agency (for collection stations and the CLI): its administrators. */
export const canManageApiTokens = (p: Principal, agencyId: string) => canAdministerAgency(p, agencyId);

export const authAbilities = (p: Principal, agencyId: string) => ({ manageApiTokens: canManageApiTokens(p, agencyId) });
