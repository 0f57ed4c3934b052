import { hasRole, rolesIn, type Principal } from '../auth/principal.js';

// Authorization rules (STYLE habit 8): asked before any data is touched. An officer sees only
// the agencies they hold a role in; the platform administrator operates the deployment.

export const canCreateAgency = (p: Principal) => p.isPlatformAdmin;

export const canReadAgency = (p: Principal, agencyId: string) => p.isPlatformAdmin || rolesIn(p, agencyId).length > 0;

export const canAdministerAgency = (p: Principal, agencyId: string) =>
  p.isPlatformAdmin || hasRole(p, agencyId, 'admin');

/** Audit events: the platform admin sees all; an agency's admin and supervisors see that agency's. */
export const canViewAudit = (p: Principal, agencyId: string | undefined) =>
  p.isPlatformAdmin || (agencyId !== undefined && hasRole(p, agencyId, 'admin', 'supervisor'));

export const canManageApiTokens = canAdministerAgency;
