import { hasRole, rolesIn, type Principal } from '../auth/principal.js';

// Authorization rules (STYLE habit 8): asked before any data is touched. An officer sees only
// the agencies they hold a role in; the platform administrator operates the deployment.

export const canCreateAgency = (p: Principal) => p.isPlatformAdmin;

export const canReadAgency = (p: Principal, agencyId: string) => p.isPlatformAdmin || rolesIn(p, agencyId).length > 0;

export const canAdministerAgency = (p: Principal, agencyId: string) =>
  p.isPlatformAdmin || hasRole(p, agencyId, 'admin');

/**
 * Account-wide changes — password reset, disabling, the name — reach every agency the user
 * works in. An agency admin may make them only for a user who holds roles in no other agency
 * (else one agency's admin could take over an officer of another); the platform admin may
 * always. The platform admin's own account is theirs alone.
 */
export const mayChangeAccount = (p: Principal, agencyId: string, target: { userId: string; isPlatformAdmin: boolean; agencyIds: string[] }) => {
  if (target.isPlatformAdmin) return p.userId === target.userId;
  return p.isPlatformAdmin || (canAdministerAgency(p, agencyId) && target.agencyIds.every((a) => a === agencyId));
};
/** The abilities the web app is sent per agency (auth/abilities.ts): units, officers, users, settings. */
export const orgAbilities = (p: Principal, agencyId: string) => ({
  readAgency: canReadAgency(p, agencyId),
  administerAgency: canAdministerAgency(p, agencyId),
});
