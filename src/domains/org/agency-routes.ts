import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../server/context.js';
import { forAgency } from '../../server/http/access.js';
import { actorOf, principalOf } from '../../server/http/auth-hooks.js';
import { agencyParams, errorResponses, uuidParam } from '../../shared/http-schemas.js';
import { createAgency, getAgency, listAgencies, updateAgency } from './agencies.js';
import { canAdministerAgency, canCreateAgency, canReadAgency } from './policy.js';
import { agencyInput, agencyPatch, agencyView, unitInput, unitPatch, unitView } from './schemas.js';
import { createUnit, listUnits, updateUnit } from './units.js';

export function agencyRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['机关与科室'];

  r.get('/api/agencies', {
    config: { access: 'signedIn' },
    schema: { tags, summary: '可见的执法机关（平台管理员：全部；其他人：本人所属）', response: { 200: z.array(agencyView), ...errorResponses } },
    handler: (req) => listAgencies(ctx.db, principalOf(req)),
  });
  r.post('/api/agencies', {
    config: { access: (p) => canCreateAgency(p) },
    schema: { tags, summary: '新建执法机关（平台管理员）', body: agencyInput, response: { 201: agencyView, ...errorResponses } },
    handler: async (req, reply) => reply.status(201).send(await createAgency(ctx.db, actorOf(req), req.body, ctx.clock())),
  });
  r.get('/api/agencies/:agencyId', {
    config: { access: forAgency(canReadAgency) },
    schema: { tags, summary: '执法机关详情', params: agencyParams, response: { 200: agencyView, ...errorResponses } },
    handler: (req) => getAgency(ctx.db, req.params.agencyId),
  });
  r.patch('/api/agencies/:agencyId', {
    config: { access: forAgency(canAdministerAgency) },
    schema: { tags, summary: '修改执法机关', params: agencyParams, body: agencyPatch, response: { 200: agencyView, ...errorResponses } },
    handler: (req) => updateAgency(ctx.db, actorOf(req), req.params.agencyId, req.body, ctx.clock()),
  });

  r.get('/api/agencies/:agencyId/units', {
    config: { access: forAgency(canReadAgency) },
    schema: { tags, summary: '科室/执法队列表', params: agencyParams, response: { 200: z.array(unitView), ...errorResponses } },
    handler: (req) => listUnits(ctx.db, req.params.agencyId),
  });
  r.post('/api/agencies/:agencyId/units', {
    config: { access: forAgency(canAdministerAgency) },
    schema: { tags, summary: '新建科室/执法队', params: agencyParams, body: unitInput, response: { 201: unitView, ...errorResponses } },
    handler: async (req, reply) => {
      await getAgency(ctx.db, req.params.agencyId);
      return reply.status(201).send(await createUnit(ctx.db, actorOf(req), req.params.agencyId, req.body, ctx.clock()));
    },
  });
  r.patch('/api/agencies/:agencyId/units/:unitId', {
    config: { access: forAgency(canAdministerAgency) },
    schema: { tags, summary: '修改科室/执法队', params: agencyParams.extend({ unitId: uuidParam }), body: unitPatch, response: { 200: unitView, ...errorResponses } },
    handler: (req) => updateUnit(ctx.db, actorOf(req), req.params.agencyId, req.params.unitId, req.body, ctx.clock()),
  });
}
