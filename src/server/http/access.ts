import type { FastifyRequest } from 'fastify';
import type { Principal } from '../../domains/auth/principal.js';

/**
 * Every /api route declares who may call it. The server refuses to start when a route has no
 * declaration, and the role-matrix test calls every declared route as every role.
 */
export type Access =
  | 'public'
  | 'signedIn'
  | ((principal: Principal, request: FastifyRequest) => boolean);

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
