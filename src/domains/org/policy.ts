import { hasRole, rolesIn, type Principal } from '../auth/principal.js';

// Authorization rules (STYLE habit 8): asked before any data is touched. An officer sees only
// the agencies they hold a role in; the platform administrator operates the deployment.

export const canCreateAgency = (p: Principal) => p.isPlatformAdmin;

export const canReadAgency = (p: Principal, agencyId: string) => p.isPlatformAdmin || rolesIn(p, agencyId).length > 0;

export const canAdministerAgency = (p: Principal, agencyId: string) =>
  p.isPlatformAdmin || hasRole(p, agencyId, 'admin');

/** The abilities the web app is sent per agency (auth/abilities.ts): units, officers, users, settings. */
export const orgAbilities = (p: Principal, agencyId: string) => ({
  readAgency: canReadAgency(p, agencyId),
  administerAgency: canAdministerAgency(p, agencyId),
});
