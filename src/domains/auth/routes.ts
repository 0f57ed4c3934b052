import { and, eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { officers, sessions } from '../../db/schema/index.js';
import type { AppContext } from '../../server/context.js';
import { alsoForServiceAccounts } from '../../server/http/access.js';
import { actorOf, principalOf, sessionCookie } from '../../server/http/auth-hooks.js';
import { errorResponses, okBody } from '../../shared/http-schemas.js';
import { recordAudit } from '../audit/record-audit.js';
import { abilitiesOf, abilitiesView } from './abilities.js';
import { changeOwnPassword } from './change-password.js';
import { signIn } from './sign-in.js';

const meView = z.object({
  user: z.object({ id: z.string(), username: z.string(), displayName: z.string(), isPlatformAdmin: z.boolean() }),
  memberships: z.array(z.object({ agencyId: z.string(), agencyName: z.string(), roles: z.array(z.string()), officerId: z.string().nullable() })),
  csrfToken: z.string().nullable(),
  via: z.enum(['session', 'token']),
  abilities: abilitiesView,
});

export function authRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['登录与会话'];

  r.post('/api/auth/sign-in', {
    config: { access: 'public' },
    schema: {
      tags,
      summary: '用户名密码登录，建立服务端会话',
      body: z.object({ username: z.string().trim().min(1, '请输入用户名').max(64), password: z.string().min(1, '请输入密码').max(200) }),
      response: { 200: z.object({ csrfToken: z.string(), expiresAt: z.string() }), ...errorResponses },
    },
    handler: async (req, reply) => {
      const { config } = ctx;
      const res = await signIn(ctx.db, req.body, actorOf(req), { threshold: config.lockoutThreshold, lockoutMs: config.lockoutMs, sessionMaxMs: config.sessionMaxMs }, ctx.clock());
      // maxAge, not expires: a browser whose clock differs from the server's keeps the cookie as long.
      reply.setCookie(sessionCookie, res.token, { path: '/', httpOnly: true, sameSite: 'strict', secure: config.secureCookies, maxAge: Math.floor(config.sessionMaxMs / 1000) });
      return { csrfToken: res.csrfToken, expiresAt: res.expiresAt.toISOString() };
    },
  });

  r.post('/api/auth/sign-out', {
    config: { access: 'signedIn' },
    schema: { tags, summary: '退出登录（结束当前会话）', response: { 200: okBody, ...errorResponses } },
    handler: async (req, reply) => {
      const p = principalOf(req);
      const now = ctx.clock();
      if (p.sessionIdHash) {
        await ctx.db.transaction(async (tx) => {
          await tx.update(sessions).set({ revokedAt: now }).where(eq(sessions.idHash, p.sessionIdHash!));
          await recordAudit(tx, actorOf(req), { action: 'auth.sign_out', agencyId: null, objectType: 'user', objectId: p.userId }, now);
        });
      }
      reply.clearCookie(sessionCookie, { path: '/' });
      return { ok: true as const };
    },
  });

  r.get('/api/auth/me', {
    // The ingest agent asks which agency its token belongs to.
    config: { access: alsoForServiceAccounts(() => true) },
    schema: { tags, summary: '当前用户、其在各机关的角色和 CSRF 令牌', response: { 200: meView, ...errorResponses } },
    handler: async (req) => {
      const p = principalOf(req);
      return {
        user: { id: p.userId, username: p.username, displayName: p.displayName, isPlatformAdmin: p.isPlatformAdmin },
        // The user's officer record in each agency, so the officer's pages need no second lookup.
        // A service account holds no roles: its one agency is shown with an empty role list.
        memberships: p.serviceAgency ? [{ ...p.serviceAgency, roles: [], officerId: null }] : await Promise.all(
          p.memberships.map(async (m) => {
            const [officer] = await ctx.db.select({ id: officers.id }).from(officers).where(and(eq(officers.agencyId, m.agencyId), eq(officers.userId, p.userId))).limit(1);
            return { ...m, officerId: officer?.id ?? null };
          }),
        ),
        csrfToken: p.csrfToken ?? null,
        via: p.via,
        abilities: abilitiesOf(p),
      };
    },
  });

  r.post('/api/auth/password', {
    config: { access: 'signedIn' },
    schema: {
      tags,
      summary: '修改本人密码（其他会话随即结束）',
      body: z.object({ currentPassword: z.string().min(1, '请输入当前密码').max(200), newPassword: z.string().min(1, '请输入新密码').max(200) }),
      response: { 200: okBody, ...errorResponses, 423: errorResponses[400] },
    },
    handler: async (req) => {
      const { lockoutThreshold: threshold, lockoutMs } = ctx.config;
      await changeOwnPassword(ctx.db, principalOf(req), actorOf(req), req.body, { threshold, lockoutMs }, ctx.clock());
      return { ok: true as const };
    },
  });
}
