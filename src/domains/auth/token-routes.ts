import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../server/context.js';
import { forAgency } from '../../server/http/access.js';
import { actorOf, principalOf } from '../../server/http/auth-hooks.js';
import { agencyParams, errorResponses, okBody, uuidParam } from '../../shared/http-schemas.js';
import { canManageApiTokens } from './policy.js';
import { createApiToken, listApiTokens, revokeApiToken } from './api-tokens.js';

const tokenView = z.object({
  id: z.string(),
  name: z.string(),
  prefix: z.string(),
  userId: z.string(),
  username: z.string(),
  agencyId: z.string(),
  createdAt: z.string(),
  expiresAt: z.string().nullable(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});

export function tokenRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['API 令牌'];

  r.get('/api/agencies/:agencyId/api-tokens', {
    config: { access: forAgency(canManageApiTokens) },
    schema: { tags, summary: '本机关的 API 令牌（不含密文）', params: agencyParams, response: { 200: z.array(tokenView), ...errorResponses } },
    handler: (req) => listApiTokens(ctx.db, req.params.agencyId),
  });
  r.post('/api/agencies/:agencyId/api-tokens', {
    config: { access: forAgency(canManageApiTokens) },
    schema: {
      tags,
      summary: '创建 API 令牌（供采集站命令行工具使用；令牌只显示一次）',
      params: agencyParams,
      body: z.object({
        name: z.string().trim().min(1, '请填写令牌名称').max(100),
        userId: uuidParam.optional(),
        expiresInDays: z.number().int().min(1).max(3650).nullable().optional(),
      }),
      response: { 201: tokenView.extend({ token: z.string() }), ...errorResponses },
    },
    handler: async (req, reply) => {
      const input = { ...req.body, agencyId: req.params.agencyId, userId: req.body.userId ?? principalOf(req).userId };
      return reply.status(201).send(await createApiToken(ctx.db, actorOf(req), input, ctx.clock()));
    },
  });
  r.post('/api/agencies/:agencyId/api-tokens/:tokenId/revoke', {
    config: { access: forAgency(canManageApiTokens) },
    schema: { tags, summary: '吊销 API 令牌', params: agencyParams.extend({ tokenId: uuidParam }), response: { 200: okBody, ...errorResponses } },
    handler: async (req) => {
      await revokeApiToken(ctx.db, actorOf(req), req.params.agencyId, req.params.tokenId, ctx.clock());
      return { ok: true as const };
    },
  });
}
