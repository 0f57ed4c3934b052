import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../server/context.js';
import { forAgency } from '../../server/http/access.js';
import { actorOf, principalOf } from '../../server/http/auth-hooks.js';
import { agencyParams, errorResponses, uuidParam } from '../../shared/http-schemas.js';
import { loadVisibleMatter } from '../matters/load-matter.js';
import { listServices, matterPartyDeadlines, presentService } from './party-deadlines.js';
import { canReadServices, canRecordService } from './policy.js';
import { recordService } from './record-service.js';
import { serviceInput } from './schemas.js';
import { partyDeadlineView, serviceRecordView } from './views.js';

const matterParams = agencyParams.extend({ matterId: uuidParam });

export function serviceRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['送达'];

  r.post('/api/agencies/:agencyId/matters/:matterId/services', {
    config: { access: forAgency(canRecordService) },
    schema: { tags, summary: '记录一次文书送达（方式不同，须记录的事项不同：S1 第二十二–二十六条）', params: matterParams, body: serviceInput, response: { 201: serviceRecordView, ...errorResponses } },
    handler: async (req, reply) => {
      const row = await recordService(ctx.db, actorOf(req), principalOf(req), req.params.agencyId, req.params.matterId, req.body, ctx.clock());
      const item = (await listServices(ctx.db, req.params.matterId)).find((s) => s.id === row.id)!;
      return reply.status(201).send(presentService(item));
    },
  });
  r.get('/api/agencies/:agencyId/matters/:matterId/services', {
    config: { access: forAgency(canReadServices) },
    schema: { tags, summary: '事项的送达记录', params: matterParams, response: { 200: z.array(serviceRecordView), ...errorResponses } },
    handler: async (req) => {
      await loadVisibleMatter(ctx.db, principalOf(req), req.params.agencyId, req.params.matterId);
      return (await listServices(ctx.db, req.params.matterId)).map(presentService);
    },
  });
  r.get('/api/agencies/:agencyId/matters/:matterId/party-deadlines', {
    config: { access: forAgency(canReadServices) },
    schema: { tags, summary: '送达起算的当事人期限（缴纳罚款、申请听证、复议、诉讼），按日期显示进行中或已届满', params: matterParams, response: { 200: z.array(partyDeadlineView), ...errorResponses } },
    handler: async (req) => {
      await loadVisibleMatter(ctx.db, principalOf(req), req.params.agencyId, req.params.matterId);
      return matterPartyDeadlines(ctx.db, req.params.matterId, ctx.clock());
    },
  });
}
