import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../server/context.js';
import { forAgency } from '../../server/http/access.js';
import { actorOf } from '../../server/http/auth-hooks.js';
import { agencyParams, errorResponses, uuidParam } from '../../shared/http-schemas.js';
import { getAgency } from '../org/agencies.js';
import { userInput } from '../org/schemas.js';
import { canManageServiceAccounts } from './policy.js';
import { createServiceAccount, listServiceAccounts, setServiceAccountDisabled } from './service-accounts.js';
import { serviceAccountView } from './schemas.js';

/** 采集站账号: created and stopped by the agency admin; their tokens go through /api-tokens. */
export function serviceAccountRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['采集站账号'];
  const access = forAgency(canManageServiceAccounts);

  r.get('/api/agencies/:agencyId/service-accounts', {
    config: { access },
    schema: { tags, summary: '本机关的采集站账号及其令牌', params: agencyParams, response: { 200: z.array(serviceAccountView), ...errorResponses } },
    handler: (req) => listServiceAccounts(ctx.db, req.params.agencyId),
  });
  r.post('/api/agencies/:agencyId/service-accounts', {
    config: { access },
    schema: {
      tags,
      summary: '新建采集站账号（无密码、不能登录，只能用其令牌上传音像记录）',
      params: agencyParams,
      body: userInput.pick({ username: true, displayName: true }),
      response: { 201: serviceAccountView, ...errorResponses },
    },
    handler: async (req, reply) => {
      await getAgency(ctx.db, req.params.agencyId);
      return reply.status(201).send(await createServiceAccount(ctx.db, actorOf(req), req.params.agencyId, req.body, ctx.clock()));
    },
  });
  r.patch('/api/agencies/:agencyId/service-accounts/:userId', {
    config: { access },
    schema: {
      tags,
      summary: '停用或启用采集站账号（停用后其令牌立即失效）',
      params: agencyParams.extend({ userId: uuidParam }),
      body: z.object({ disabled: z.boolean() }),
      response: { 200: serviceAccountView, ...errorResponses },
    },
    handler: (req) => setServiceAccountDisabled(ctx.db, actorOf(req), req.params.agencyId, req.params.userId, req.body.disabled, ctx.clock()),
  });
}
