import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { buffer } from 'node:stream/consumers';
import { and, eq } from 'drizzle-orm';
import { notFound } from '../../shared/errors.js';
import { z } from 'zod';
import { stepApprovals } from '../../db/schema/index.js';
import type { EnforcementCategory } from '../../rules/profiles/vocabulary.js';
import type { AppContext } from '../../server/context.js';
import { forAgency } from '../../server/http/access.js';
import { actorOf, principalOf } from '../../server/http/auth-hooks.js';
import { agencyParams, errorResponses, uuidParam } from '../../shared/http-schemas.js';
import { recordRead } from '../audit/record-read.js';
import { approvalQueue, decideStep, resubmitStep, returnedToMe } from './approvals.js';
import { createMatter } from './create-matter.js';
import { loadMatter } from './load-matter.js';
import { matterDetail, presentStep } from './matter-detail.js';
import './matter-facts-source.js';
import { canReadMatters, canWorkOnMatters } from './policy.js';
import { recordStep } from './record-step.js';
import { approvalDecisionInput, matterCountQuery, matterInput, matterSearchQuery, stepInput } from './schemas.js';
import { COUNT_CAP, countMatters, presentMatter, searchMatters } from './search-matters.js';
import { matterTimeline } from './timeline.js';
import { matterDeadlineView, matterDetailView, matterPageView, matterView, queueItemView, stepView, timelineView } from './views.js';
import { loadMatterDeadlines } from './matter-deadlines.js';
import { closingReadinessRoutes } from './closing-readiness.js';

const matterParams = agencyParams.extend({ matterId: uuidParam });
const stepParams = matterParams.extend({ stepId: uuidParam });


export function matterRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['执法事项'];

  r.get('/api/agencies/:agencyId/matters', {
    config: { access: forAgency(canReadMatters) },
    schema: { tags, summary: '检索执法事项（编号、当事人、类别、阶段、科室、执法人员、日期），每页 50 条', params: agencyParams, querystring: matterSearchQuery, response: { 200: matterPageView, ...errorResponses } },
    handler: (req) => searchMatters(ctx.db, principalOf(req), req.params.agencyId, req.query),
  });
  r.get('/api/agencies/:agencyId/matters/count', {
    config: { access: forAgency(canReadMatters) },
    schema: { tags, summary: `按相同条件统计执法事项件数（最多数到 ${COUNT_CAP} 件，超过时 capped 为 true）`, params: agencyParams, querystring: matterCountQuery, response: { 200: z.object({ total: z.number().int(), capped: z.boolean() }), ...errorResponses } },
    handler: (req) => countMatters(ctx.db, principalOf(req), req.params.agencyId, req.query),
  });
  r.post('/api/agencies/:agencyId/matters', {
    config: { access: forAgency(canWorkOnMatters) },
    schema: { tags, summary: '登记执法事项（按本机关编号规则编号）', params: agencyParams, body: matterInput, response: { 201: matterView, ...errorResponses } },
    handler: async (req, reply) => reply.status(201).send(presentMatter(await createMatter(ctx.db, actorOf(req), req.params.agencyId, req.body, ctx.clock()))),
  });
  r.get('/api/agencies/:agencyId/matters/:matterId', {
    config: { access: forAgency(canReadMatters) },
    schema: { tags, summary: '事项详情：当事人、承办人员、已记录环节和现在可以记录的环节', params: matterParams, response: { 200: matterDetailView, ...errorResponses } },
    handler: async (req) => {
      const detail = await matterDetail(ctx.db, principalOf(req), req.params.agencyId, req.params.matterId);
      await recordRead(ctx.db, actorOf(req), { action: 'matter.viewed', agencyId: req.params.agencyId, objectType: 'matter', objectId: detail.matter.id }, ctx.clock());
      return detail;
    },
  });
  r.get('/api/agencies/:agencyId/matters/:matterId/deadlines', {
    config: { access: forAgency(canReadMatters) },
    schema: { tags, summary: '事项的法定期限（行政处罚法、行政强制法等）：起算日、届满日、是否按期完成', params: matterParams, response: { 200: z.array(matterDeadlineView), ...errorResponses } },
    handler: async (req) => loadMatterDeadlines(ctx.db, principalOf(req), req.params.agencyId, req.params.matterId, ctx.clock()),
  });
  closingReadinessRoutes(app, ctx);
  r.get('/api/agencies/:agencyId/matters/:matterId/timeline', {
    config: { access: forAgency(canReadMatters) },
    schema: { tags, summary: '事项全过程时间线（环节、审批、文书及版本、签名、问题），按时间排列', params: matterParams, response: { 200: timelineView, ...errorResponses } },
    handler: async (req) => {
      const timeline = await matterTimeline(ctx.db, principalOf(req), req.params.agencyId, req.params.matterId);
      await recordRead(ctx.db, actorOf(req), { action: 'matter.timeline_viewed', agencyId: req.params.agencyId, objectType: 'matter', objectId: req.params.matterId }, ctx.clock());
      return timeline;
    },
  });
  r.post('/api/agencies/:agencyId/matters/:matterId/steps', {
    config: { access: forAgency(canWorkOnMatters) },
    schema: { tags, summary: '记录一个环节；不合顺序时拒绝并说明缺少什么（OUT_OF_ORDER）', params: matterParams, body: stepInput, response: { 201: stepView, ...errorResponses } },
    handler: async (req, reply) => {
      const step = await recordStep(ctx.db, actorOf(req), principalOf(req), req.params.agencyId, req.params.matterId, req.body, ctx.clock());
      return reply.status(201).send(presentStep(step));
    },
  });
  r.post('/api/agencies/:agencyId/matters/:matterId/steps/:stepId/decision', {
    config: { access: forAgency(canWorkOnMatters) },
    schema: { tags: ['审批'], summary: '审核人审核或批准人批准/退回，附意见和签名', params: stepParams, body: approvalDecisionInput, response: { 200: stepView, ...errorResponses } },
    handler: async (req) => {
      const step = await decideStep(ctx.db, ctx.store, actorOf(req), principalOf(req), req.params.agencyId, req.params.matterId, req.params.stepId, req.body, ctx.clock());
      return presentStep(step);
    },
  });
  r.post('/api/agencies/:agencyId/matters/:matterId/steps/:stepId/resubmit', {
    config: { access: forAgency(canWorkOnMatters) },
    schema: { tags: ['审批'], summary: '承办人修改后重新提交被退回的环节', params: stepParams, body: z.object({ opinion: z.string().trim().min(1, '请说明修改情况').max(2000) }), response: { 200: stepView, ...errorResponses } },
    handler: async (req) => presentStep(await resubmitStep(ctx.db, actorOf(req), principalOf(req), req.params.agencyId, req.params.matterId, req.params.stepId, req.body.opinion, ctx.clock())),
  });
  r.get('/api/agencies/:agencyId/matters/:matterId/steps/:stepId/approvals/:approvalId/signature', {
    config: { access: forAgency(canReadMatters) },
    schema: { tags: ['审批'], summary: '审批签名图片', params: stepParams.extend({ approvalId: uuidParam }) },
    handler: async (req, reply) => {
      await loadMatter(ctx.db, principalOf(req), req.params.agencyId, req.params.matterId);
      const [a] = await ctx.db.select().from(stepApprovals).where(and(eq(stepApprovals.id, req.params.approvalId), eq(stepApprovals.stepId, req.params.stepId), eq(stepApprovals.matterId, req.params.matterId)));
      if (!a?.signatureKey) throw notFound('签名图片');
      const bytes = await buffer(await ctx.store.read(a.signatureKey));
      return reply.type(bytes[0] === 0xff ? 'image/jpeg' : 'image/png').send(bytes);
    },
  });
  r.get('/api/agencies/:agencyId/approvals/returned', {
    config: { access: forAgency(canReadMatters) },
    schema: { tags: ['审批'], summary: '退回给我（我承办的事项中被退回、待重新提交）的环节', params: agencyParams, response: { 200: z.array(queueItemView), ...errorResponses } },
    handler: async (req) => (await returnedToMe(ctx.db, principalOf(req), req.params.agencyId)).map((r) => ({ step: presentStep(r.step), matter: { ...r.matter, category: r.matter.category as EnforcementCategory } })),
  });
  r.get('/api/agencies/:agencyId/approvals/queue', {
    config: { access: forAgency(canReadMatters) },
    schema: { tags: ['审批'], summary: '待我审核/批准的环节', params: agencyParams, response: { 200: z.array(queueItemView), ...errorResponses } },
    handler: async (req) => (await approvalQueue(ctx.db, principalOf(req), req.params.agencyId)).map((r) => ({ step: presentStep(r.step), matter: { ...r.matter, category: r.matter.category as EnforcementCategory } })),
  });
}
