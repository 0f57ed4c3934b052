import type { Principal } from '../../src/domains/auth/principal.js';
import { roles, type Role } from '../../src/domains/org/roles.js';

// Principals for the plain tests of policy.ts files: no database, just who holds what where.
export const agencyA = '00000000-0000-4000-8000-00000000000a';
export const agencyB = '00000000-0000-4000-8000-00000000000b';

export function principal(rolesInA: Role[], extra: Partial<Principal> = {}): Principal {
  return {
    userId: '00000000-0000-4000-8000-0000000000u1',
    username: 'u1',
    displayName: '用户',
    isPlatformAdmin: false,
    memberships: rolesInA.length ? [{ agencyId: agencyA, agencyName: '甲局', roles: rolesInA }] : [],
    kind: 'person',
    via: 'session',
    ...extra,
  };
}

export const platformAdmin = () => principal([], { isPlatformAdmin: true });

/** Every role alone, the platform admin, and nobody: the rows of a policy table. */
export const everyRole = (): Array<[string, Principal]> => [...roles.map((r) => [r, principal([r])] as [string, Principal]), ['platform', platformAdmin()], ['none', principal([])]];

/** The names of the rows for which `allowed` holds. */
export const allowedRows = (allowed: (p: Principal) => boolean) => everyRole().filter(([, p]) => allowed(p)).map(([name]) => name);
