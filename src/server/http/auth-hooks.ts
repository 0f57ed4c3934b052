import type { FastifyInstance, FastifyRequest } from 'fastify';
import { principalFromApiToken, principalFromSession } from '../../domains/auth/load-principal.js';
import type { Actor } from '../../domains/audit/record-audit.js';
import { AppError } from '../../shared/errors.js';
import type { AppContext } from '../context.js';
import { allowsServiceAccounts, type ApiRoute } from './access.js';

export const sessionCookie = 'liuhen_sid';
const unsafeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Resolves who is calling (session cookie or bearer API token), then enforces the route's
 * declared access and, for cookie sessions, the CSRF token on state-changing requests.
 */
export function installAuthHooks(app: FastifyInstance, ctx: AppContext) {
  app.decorateRequest('principal', null);
  const apiRoutes: ApiRoute[] = [];
  app.decorate('apiRoutes', apiRoutes);

  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/')) return;
    const access = route.config?.access;
    if (!access) throw new Error(`route ${route.method} ${route.url} declares no access policy`);
    for (const method of [route.method].flat()) {
      if (method !== 'HEAD') apiRoutes.push({ method, url: route.url, access, bodySchema: route.schema?.body });
    }
  });

  app.addHook('preValidation', async (request) => {
    const access = request.routeOptions.config?.access;
    if (!access || access === 'public') return;
    request.principal = await resolvePrincipal(request, ctx);
    if (request.principal.via === 'session' && unsafeMethods.has(request.method)) {
      if (request.headers['x-csrf-token'] !== request.principal.csrfToken) {
        throw new AppError('CSRF_FAILED', '页面已过期，请刷新后重试（CSRF 校验失败）');
      }
    }
    if (request.principal.kind === 'service' && !allowsServiceAccounts(access)) {
      throw new AppError('SERVICE_ACCOUNT_FORBIDDEN', '采集站账号只能上传音像记录，不能执行此操作');
    }
    if (typeof access === 'function' && !access(request.principal, request)) {
      throw new AppError('FORBIDDEN', '您没有执行此操作的权限');
    }
  });
}

async function resolvePrincipal(request: FastifyRequest, ctx: AppContext) {
  const now = ctx.clock();
  const auth = request.headers.authorization;
  if (auth?.startsWith('Bearer ')) return principalFromApiToken(ctx.db, auth.slice(7).trim(), now);
  const token = request.cookies[sessionCookie];
  if (!token) throw new AppError('UNAUTHENTICATED', '请先登录');
  return principalFromSession(ctx.db, token, { idleMs: ctx.config.sessionIdleMs }, now);
}

/**
 * On a public route, who is calling if anyone: the principal of a valid session or token, else
 * null (no credentials, or ones that no longer hold — a public answer needs no sign-in).
 */
export async function optionalPrincipalOf(request: FastifyRequest, ctx: AppContext) {
  if (!request.headers.authorization?.startsWith('Bearer ') && !request.cookies[sessionCookie]) return null;
  try {
    return await resolvePrincipal(request, ctx);
  } catch (err) {
    if (err instanceof AppError && err.status === 401) return null;
    throw err;
  }
}

export function actorOf(request: FastifyRequest): Actor {
  return {
    userId: request.principal?.userId ?? null,
    name: request.principal?.displayName ?? null,
    ip: request.ip,
    userAgent: request.headers['user-agent']?.slice(0, 300) ?? null,
  };
}

/** The principal of a route whose access is not public (the hook guarantees it is set). */
export function principalOf(request: FastifyRequest) {
  if (!request.principal) throw new AppError('UNAUTHENTICATED', '请先登录');
  return request.principal;
}
