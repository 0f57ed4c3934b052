import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../server/context.js';
import { forAgency } from '../../server/http/access.js';
import { actorOf, principalOf } from '../../server/http/auth-hooks.js';
import { agencyParams, errorResponses, okBody, uuidParam } from '../../shared/http-schemas.js';
import { createApiToken, listApiTokens, revokeApiToken } from './api-tokens.js';
import { canCreateApiTokens, canListOwnApiTokens, canRevokeApiTokens, mayCreateTokenFor, mayRevokeToken } from './policy.js';
import { tokenView } from './schemas.js';
import { serviceAccountRoutes } from './service-account-routes.js';

export function tokenRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['API 令牌'];

  r.get('/api/agencies/:agencyId/api-tokens', {
    config: { access: forAgency(canListOwnApiTokens) },
    schema: { tags, summary: '本人在本机关的 API 令牌（不含密文；采集站账号的令牌见采集站账号）', params: agencyParams, response: { 200: z.array(tokenView), ...errorResponses } },
    handler: (req) => listApiTokens(ctx.db, req.params.agencyId, [principalOf(req).userId]),
  });
  r.post('/api/agencies/:agencyId/api-tokens', {
    config: { access: forAgency(canCreateApiTokens) },
    schema: {
      tags,
      summary: '创建 API 令牌：代表本人，或代表本机关的采集站账号（须为本机关管理员）；令牌只显示一次',
      params: agencyParams,
      body: z.object({
        name: z.string().trim().min(1, '请填写令牌名称').max(100, '令牌名称不能超过 100 个字符'),
        userId: uuidParam.optional(),
        expiresInDays: z.number().int('有效天数须为整数').min(1, '有效天数至少 1 天').max(3650, '有效天数不能超过 3650 天').nullable().optional(),
      }),
      response: { 201: tokenView.extend({ token: z.string() }), ...errorResponses },
    },
    handler: async (req, reply) => {
      const p = principalOf(req);
      const { agencyId } = req.params;
      const input = { name: req.body.name, expiresInDays: req.body.expiresInDays, agencyId, ownerId: req.body.userId ?? p.userId };
      return reply.status(201).send(await createApiToken(ctx.db, actorOf(req), input, (owner) => mayCreateTokenFor(p, agencyId, owner), ctx.clock()));
    },
  });
  r.post('/api/agencies/:agencyId/api-tokens/:tokenId/revoke', {
    config: { access: forAgency(canRevokeApiTokens) },
    schema: { tags, summary: '吊销 API 令牌（本人的，或本机关管理员吊销本机关的任一令牌）', params: agencyParams.extend({ tokenId: uuidParam }), response: { 200: okBody, ...errorResponses } },
    handler: async (req) => {
      const p = principalOf(req);
      const { agencyId, tokenId } = req.params;
      await revokeApiToken(ctx.db, actorOf(req), agencyId, tokenId, (t) => mayRevokeToken(p, agencyId, t), ctx.clock());
      return { ok: true as const };
    },
  });
  serviceAccountRoutes(app, ctx);
}
