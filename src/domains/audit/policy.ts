import { hasRole, type Principal } from '../auth/principal.js';

// Who may read the audit log (STYLE habit 8).

/** Audit events: the platform admin sees all; an agency's admin and supervisors see that agency's. */
export const canViewAudit = (p: Principal, agencyId: string | undefined) =>
  p.isPlatformAdmin || (agencyId !== undefined && hasRole(p, agencyId, 'admin', 'supervisor'));

export const auditAbilities = (p: Principal, agencyId: string) => ({ viewAudit: canViewAudit(p, agencyId) });
