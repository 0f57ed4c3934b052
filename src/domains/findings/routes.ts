import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../server/context.js';
import { forAgency } from '../../server/http/access.js';
import { principalOf } from '../../server/http/auth-hooks.js';
import { agencyParams, errorResponses, pageQuery, uuidParam } from '../../shared/http-schemas.js';
import { canReadFindings, canReevaluateFindings } from './policy.js';
import { listFindings } from './list-findings.js';
import { reevaluateAgency } from './reevaluate.js';

const ruleView = z.object({ profileId: z.string(), profileVersion: z.number(), seed: z.string(), article: z.string(), text: z.string() });
const findingView = z.object({
  id: z.string(),
  agencyId: z.string(),
  matterId: z.string(),
  key: z.string(),
  kind: z.string(),
  requirement: z.string(),
  state: z.string(),
  severity: z.string(),
  objectType: z.string(),
  objectId: z.string(),
  unitId: z.string().nullable(),
  officerIds: z.array(z.string()),
  dueAt: z.string().nullable(),
  lateByMs: z.number().nullable(),
  rule: ruleView,
  detail: z.record(z.string(), z.unknown()),
  summary: z.string(),
  firstSeenAt: z.string(),
  lastSeenAt: z.string(),
  resolvedAt: z.string().nullable(),
  resolution: z.string().nullable(),
}).meta({ id: 'Finding' });

export function findingRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['问题发现（超期、缺失）'];

  r.get('/api/agencies/:agencyId/findings', {
    config: { access: forAgency(canReadFindings) },
    schema: {
      tags,
      summary: '本机关的问题（按状态、要求编号、种类、科室、执法人员、事项筛选），每条引用其规则',
      params: agencyParams,
      querystring: z.object({
        status: z.enum(['open', 'resolved', 'all']).default('open'),
        requirement: z.string().max(20).optional(),
        kind: z.string().max(60).optional(),
        state: z.enum(['due_soon', 'late', 'breached']).optional(),
        unitId: uuidParam.optional(),
        officerId: uuidParam.optional(),
        matterId: z.string().max(100).optional(),
        ...pageQuery,
      }),
      response: {
        200: z.object({
          items: z.array(findingView),
          total: z.number(),
          counts: z.array(z.object({ requirement: z.string(), state: z.string(), n: z.number() })),
          page: z.number(),
          pageSize: z.number(),
        }),
        ...errorResponses,
      },
    },
    handler: (req) => listFindings(ctx.db, principalOf(req), req.params.agencyId, req.query),
  });

  r.post('/api/agencies/:agencyId/findings/reevaluate', {
    config: { access: forAgency(canReevaluateFindings) },
    schema: {
      tags,
      summary: '立即重新评估本机关全部未结事项',
      params: agencyParams,
      response: { 200: z.object({ matters: z.number(), opened: z.number(), changed: z.number(), resolved: z.number(), skipped: z.string().optional() }), ...errorResponses },
    },
    handler: (req) => reevaluateAgency(ctx.db, req.params.agencyId, ctx.clock()),
  });
}
