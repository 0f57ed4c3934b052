import type { FastifyRequest } from 'fastify';
import type { Principal } from '../../domains/auth/principal.js';

/**
 * Every /api route declares who may call it. The server refuses to start when a route has no
 * declaration, and the role-matrix test calls every declared route as every role.
 */
export type Access =
  | 'public'
  | 'signedIn'
  | (((principal: Principal, request: FastifyRequest) => boolean) & { allowsServiceAccounts?: true });

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
  }
  interface FastifyRequest {
    principal: Principal | null;
  }
  interface FastifyInstance {
    /** Every /api route with its declared access: read by the role-matrix and bad-input tests. */
    apiRoutes: ApiRoute[];
  }
}

export type ApiRoute = { method: string; url: string; access: Access; bodySchema?: unknown };

export const agencyParam = (req: FastifyRequest) => (req.params as { agencyId?: string }).agencyId ?? '';

/** Access for routes under /api/agencies/:agencyId: the policy receives the agency from the path. */
export const forAgency =
  (policy: (p: Principal, agencyId: string) => boolean): Access =>
  (p, req) =>
    policy(p, agencyParam(req));

/**
 * Service accounts (采集站) are refused on every route unless its access is wrapped here; the
 * wrapped policy still decides (e.g. `canIngestAv`). Default-deny, so a new route can't leak.
 */
export const alsoForServiceAccounts = (policy: (p: Principal, req: FastifyRequest) => boolean): Access =>
  Object.assign((p: Principal, req: FastifyRequest) => policy(p, req), { allowsServiceAccounts: true as const });

export const allowsServiceAccounts = (access: Access) => typeof access === 'function' && access.allowsServiceAccounts === true;

/** `forAgency` for the few routes a service account may call (its policy still decides). */
export const forAgencyAlsoServiceAccounts = (policy: (p: Principal, agencyId: string) => boolean): Access =>
  alsoForServiceAccounts((p, req) => policy(p, agencyParam(req)));
