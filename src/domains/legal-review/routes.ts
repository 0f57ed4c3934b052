import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { FAIL_REASONS, REVIEW_POINTS, type FailReasonId, type ReviewPointId } from '../../rules/legal-review/criteria.js';
import type { AppContext } from '../../server/context.js';
import { forAgency } from '../../server/http/access.js';
import { actorOf, principalOf } from '../../server/http/auth-hooks.js';
import { agencyParams, errorResponses, uuidParam } from '../../shared/http-schemas.js';
import { loadMatter } from '../matters/load-matter.js';
import { canReadMatters, canWorkOnMatters } from '../matters/policy.js';
import type { EnforcementCategory } from '../../rules/profiles/vocabulary.js';
import { canAdministerAgency } from '../org/policy.js';
import { assessMatter, latestAssessment } from './assessment.js';
import { recordDiscussion, reviewerStaffing, reviewQueue } from './discussion-and-staffing.js';
import { currentMajorList, updateMajorList } from './major-list.js';
import { addMessage, approveExtension, decideReview, loadReview } from './review-decisions.js';
import { canApproveExtension, canDecideReview } from './policy.js';
import { dueDates, presentMessage, presentReview } from './present-review.js';
import { assessmentView, majorListView, majorListWithTermsView, matterLegalReviewView, reviewDetailView, reviewMessageView, reviewQueueItemView, reviewView, staffingView } from './views.js';
import { handledMatterIds, reviewsOf, submitForReview } from './submit-review.js';
import { legalReviewMessages } from '../../db/schema/index.js';
import { asc, eq } from 'drizzle-orm';
import { recordRead } from '../audit/record-read.js';

const matterParams = agencyParams.extend({ matterId: uuidParam });
const reviewParams = agencyParams.extend({ reviewId: uuidParam });
const text = (label: string, max = 5000) => z.string().trim().min(1, `请填写${label}`).max(max);
const measures = ['suspend_business', 'revoke_licence', 'fine', 'confiscation', 'warning', 'seal_premises', 'seize_licence', 'ban_or_close', 'auction_or_dispose', 'seize_goods', 'grant_licence', 'refuse_licence', 'other'] as const;
const canReview = (p: Parameters<typeof canReadMatters>[0], agencyId: string) => canReadMatters(p, agencyId);

export function legalReviewRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['法制审核'];

  r.get('/api/agencies/:agencyId/legal-review/list', {
    config: { access: forAgency(canReadMatters) },
    schema: { tags, summary: '重大执法决定目录清单（现行版本）、审核要点与不予通过情形', params: agencyParams, response: { 200: majorListWithTermsView, ...errorResponses } },
    handler: async (req) => {
      const { active: _active, ...list } = await currentMajorList(ctx.db, req.params.agencyId);
      return { ...list, reviewPoints: [...REVIEW_POINTS], failReasons: [...FAIL_REASONS] };
    },
  });
  r.put('/api/agencies/:agencyId/legal-review/list', {
    config: { access: forAgency(canAdministerAgency) },
    schema: {
      tags,
      summary: '修改目录清单（停用标准、设定听证罚款数额、是否审核全部一般程序处罚），形成新版本',
      params: agencyParams,
      body: z.object({
        parameters: z.object({ hearingFineNatural: z.number().min(0).max(1e10).nullable(), hearingFineLegal: z.number().min(0).max(1e10).nullable(), reviewAllGeneralPenalties: z.boolean() }),
        disabledCriteria: z.array(z.string().max(60)).max(50),
        basis: text('依据', 500),
      }),
      response: { 200: majorListView, ...errorResponses },
    },
    handler: async (req) => {
      const { active: _active, ...list } = await updateMajorList(ctx.db, actorOf(req), req.params.agencyId, req.body, ctx.clock());
      return list;
    },
  });
  r.get('/api/agencies/:agencyId/legal-review/staffing', {
    config: { access: forAgency(canReadMatters) },
    schema: { tags, summary: '法制审核人员配置是否达到执法人员的 5% 且不少于 1 人', params: agencyParams, response: { 200: staffingView, ...errorResponses } },
    handler: (req) => reviewerStaffing(ctx.db, req.params.agencyId),
  });
  r.get('/api/agencies/:agencyId/legal-reviews', {
    config: { access: forAgency(canReview) },
    schema: { tags, summary: '审核队列（按状态）', params: agencyParams, querystring: z.object({ status: z.enum(['submitted', 'passed', 'failed', 'discussed']).default('submitted') }), response: { 200: z.array(reviewQueueItemView), ...errorResponses } },
    handler: async (req) => {
      const p = principalOf(req);
      const rows = await reviewQueue(ctx.db, p, req.params.agencyId, req.query.status);
      // A reviewer may not review a matter they handle: such rows are marked, not hidden.
      const handled = new Set((await handledMatterIds(ctx.db, p.userId, rows.map((r) => r.matter.id))));
      const dated = await dueDates(ctx.db, req.params.agencyId);
      return rows.map((r) => ({ matter: { ...r.matter, category: r.matter.category as EnforcementCategory }, review: dated(r.review), handledByMe: handled.has(r.matter.id) }));
    },
  });
  r.get('/api/agencies/:agencyId/matters/:matterId/legal-review', {
    config: { access: forAgency(canReadMatters) },
    schema: { tags, summary: '事项的重大判断和各次送审', params: matterParams, response: { 200: matterLegalReviewView, ...errorResponses } },
    handler: async (req) => {
      await loadMatter(ctx.db, principalOf(req), req.params.agencyId, req.params.matterId);
      await recordRead(ctx.db, actorOf(req), { action: 'legal_review.viewed', agencyId: req.params.agencyId, objectType: 'matter', objectId: req.params.matterId }, ctx.clock());
      const reviews = await reviewsOf(ctx.db, req.params.matterId);
      const messages = await Promise.all(reviews.map((rv) => ctx.db.select().from(legalReviewMessages).where(eq(legalReviewMessages.reviewId, rv.id)).orderBy(asc(legalReviewMessages.at))));
      const dated = await dueDates(ctx.db, req.params.agencyId);
      return { assessment: await latestAssessment(ctx.db, req.params.matterId), reviews: reviews.map((rv, i) => ({ ...dated(rv), messages: messages[i]!.map(presentMessage) })) };
    },
  });
  r.post('/api/agencies/:agencyId/matters/:matterId/legal-review/assessment', {
    config: { access: forAgency(canWorkOnMatters) },
    schema: {
      tags,
      summary: '判断拟作出的决定是否属于重大执法决定（依数据和承办人对标准的回答）',
      params: matterParams,
      body: z.object({
        proposal: z.object({ measures: z.array(z.enum(measures)).min(1, '请选择拟作出的决定内容').max(10), fineAmount: z.number().min(0).max(1e11).nullable().optional(), confiscationValue: z.number().min(0).max(1e11).nullable().optional(), stopsBusiness: z.boolean().nullable().optional(), hearingHeld: z.boolean().optional() }),
        answers: z.record(z.string().max(60), z.boolean()).default({}),
      }),
      response: { 201: assessmentView, ...errorResponses },
    },
    handler: async (req, reply) => reply.status(201).send(await assessMatter(ctx.db, actorOf(req), principalOf(req), req.params.agencyId, req.params.matterId, req.body, ctx.clock())),
  });
  r.post('/api/agencies/:agencyId/matters/:matterId/legal-review/submissions', {
    config: { access: forAgency(canWorkOnMatters) },
    schema: {
      tags,
      summary: '送交法制审核：拟作出的决定、调查终结报告要点、证据；送出即冻结',
      params: matterParams,
      body: z.object({ proposedDecision: text('拟作出的决定'), facts: text('基本事实'), lawApplied: text('适用法律'), discretionStandard: text('裁量基准运用情况'), evidenceSummary: text('证据情况'), hearingAppraisal: z.string().max(5000).nullable().optional(), otherNotes: z.string().max(5000).nullable().optional() }),
      response: { 201: reviewView, ...errorResponses },
    },
    handler: async (req, reply) => {
      const row = await submitForReview(ctx.db, actorOf(req), principalOf(req), req.params.agencyId, req.params.matterId, req.body, ctx.clock());
      return reply.status(201).send(presentReview(row));
    },
  });
  r.post('/api/agencies/:agencyId/legal-reviews/:reviewId/messages', {
    config: { access: forAgency(canReadMatters) },
    schema: { tags, summary: '审核人员要求补充材料或说明（第十条），或承办人答复', params: reviewParams, body: z.object({ kind: z.enum(['request', 'answer']), text: text('内容', 3000) }), response: { 201: reviewMessageView, ...errorResponses } },
    handler: async (req, reply) => reply.status(201).send(presentMessage(await addMessage(ctx.db, actorOf(req), principalOf(req), req.params.agencyId, req.params.reviewId, req.body.kind, req.body.text, ctx.clock()))),
  });
  r.post('/api/agencies/:agencyId/legal-reviews/:reviewId/extension', {
    config: { access: forAgency(canApproveExtension) },
    schema: { tags, summary: '机关负责人批准延长 5 个工作日（第十三条）', params: reviewParams, response: { 200: reviewView, ...errorResponses } },
    handler: async (req) => {
      const row = await approveExtension(ctx.db, actorOf(req), principalOf(req), req.params.agencyId, req.params.reviewId, ctx.clock());
      return presentReview(row);
    },
  });
  r.post('/api/agencies/:agencyId/legal-reviews/:reviewId/decision', {
    config: { access: forAgency(canDecideReview) },
    schema: {
      tags,
      summary: '审核结论：8 项审核事项各有结论；通过，或不予通过并选择第十一条理由；生成法制审核意见书',
      params: reviewParams,
      body: z.object({
        points: z.array(z.object({ id: z.enum(REVIEW_POINTS.map((p) => p.id) as [ReviewPointId, ...ReviewPointId[]]), result: z.enum(['ok', 'problem']), note: z.string().max(2000).nullable().optional() })).max(8),
        outcome: z.enum(['pass', 'fail']),
        failReasons: z.array(z.enum(FAIL_REASONS.map((f) => f.id) as [FailReasonId, ...FailReasonId[]])).max(8).default([]),
        explanation: text('审核意见说明'),
      }),
      response: { 200: reviewView, ...errorResponses },
    },
    handler: async (req) => {
      const row = await decideReview(ctx.db, actorOf(req), principalOf(req), req.params.agencyId, req.params.reviewId, req.body, ctx.clock());
      return presentReview(row);
    },
  });
  r.post('/api/agencies/:agencyId/legal-reviews/:reviewId/discussion', {
    config: { access: forAgency(canWorkOnMatters) },
    schema: { tags, summary: '分歧经集体讨论决定（第十四条）', params: reviewParams, body: z.object({ stepId: uuidParam, conclusion: z.enum(['proceed', 'revise']), summary: text('讨论结论') }), response: { 200: reviewView, ...errorResponses } },
    handler: async (req) => presentReview(await recordDiscussion(ctx.db, actorOf(req), principalOf(req), req.params.agencyId, req.params.reviewId, req.body, ctx.clock())),
  });
  r.get('/api/agencies/:agencyId/legal-reviews/:reviewId', {
    config: { access: forAgency(canReadMatters) },
    schema: { tags, summary: '一次送审的详情', params: reviewParams, response: { 200: reviewDetailView, ...errorResponses } },
    handler: async (req) => {
      const review = await loadReview(ctx.db, req.params.agencyId, req.params.reviewId);
      await loadMatter(ctx.db, principalOf(req), req.params.agencyId, review.matterId);
      await recordRead(ctx.db, actorOf(req), { action: 'legal_review.viewed', agencyId: req.params.agencyId, objectType: 'legal_review', objectId: review.id }, ctx.clock());
      const messages = await ctx.db.select().from(legalReviewMessages).where(eq(legalReviewMessages.reviewId, review.id)).orderBy(asc(legalReviewMessages.at));
      return { ...(await dueDates(ctx.db, req.params.agencyId))(review), messages: messages.map(presentMessage) };
    },
  });
}
