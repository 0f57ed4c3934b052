import type { UserKind } from '../../db/schema/org.js';
import type { Role } from '../org/roles.js';

export type Membership = { agencyId: string; agencyName: string; roles: Role[]; officerId?: string | null };

/** The signed-in user as every policy sees them. */
export type Principal = {
  userId: string;
  username: string;
  displayName: string;
  isPlatformAdmin: boolean;
  /** 'service': a collection station's account (no roles, no password; see auth/policy.ts). */
  kind: UserKind;
  /** A person's roles per agency; always empty for a service account. */
  memberships: Membership[];
  /** The one agency a service account belongs to. */
  serviceAgency?: { agencyId: string; agencyName: string };
  via: 'session' | 'token';
  sessionIdHash?: string;
  csrfToken?: string;
  tokenId?: string;
};

export const rolesIn = (p: Principal, agencyId: string): Role[] =>
  p.memberships.find((m) => m.agencyId === agencyId)?.roles ?? [];

export const hasRole = (p: Principal, agencyId: string, ...wanted: Role[]) =>
  rolesIn(p, agencyId).some((r) => wanted.includes(r));
