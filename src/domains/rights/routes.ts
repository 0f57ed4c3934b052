import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { RightsRecordKind } from '../../rules/rights/vocabulary.js';
import type { AppContext } from '../../server/context.js';
import { forAgency } from '../../server/http/access.js';
import { actorOf, principalOf } from '../../server/http/auth-hooks.js';
import { agencyParams, errorResponses, uuidParam } from '../../shared/http-schemas.js';
import { loadMatter, loadVisibleMatter } from '../matters/load-matter.js';
import { recordHearingHeld, requestHearing, scheduleHearing } from './hearings.js';
import { rightsOverview } from './overview.js';
import { canReadRights, canRecordRights } from './policy.js';
import { decideRecusal, recordRecusalRequest, recordRefusal } from './recusals.js';
import { listRights } from './rights-store.js';
import { hearingHeldInput, hearingRequestInput, hearingScheduleInput, recordParams, recusalDecisionInput, recusalRequestInput, refusalInput, statementInput, statementReviewInput } from './schemas.js';
import { recordStatement, reviewStatement } from './statements.js';
import { rightsOverviewView, rightsRecordView } from './views.js';

const matterParams = agencyParams.extend({ matterId: uuidParam });
const M = '/api/agencies/:agencyId/matters/:matterId';

// 当事人权利 (CASE-8, CASE-9): thin routes; each POST is one use case in one transaction.
export function rightsRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['当事人权利'];
  const one = async (matterId: string, id: string) => (await listRights(ctx.db, matterId)).find((x) => x.id === id)!;

  // The list of each kind group: GET <path> answers the matter's records of those kinds.
  const lists: [path: string, summary: string, kinds: RightsRecordKind[]][] = [
    ['statements', '当事人的陈述、申辩或放弃，及其复核', ['statement', 'waiver', 'statement_review']],
    ['hearing-requests', '听证申请（受理及不予受理的）', ['hearing_request']],
    ['hearings', '听证安排及举行', ['hearing_scheduled', 'hearing_held']],
    ['recusal-requests', '回避申请及决定', ['recusal_request', 'recusal_decision']],
    ['refusals', '当事人拒绝配合的记录', ['refusal']],
  ];
  for (const [path, summary, kinds] of lists) {
    r.get(`${M}/${path}`, {
      config: { access: forAgency(canReadRights) },
      schema: { tags, summary, params: matterParams, response: { 200: z.array(rightsRecordView), ...errorResponses } },
      handler: async (req) => {
        await loadVisibleMatter(ctx.db, principalOf(req), req.params.agencyId, req.params.matterId);
        return listRights(ctx.db, req.params.matterId, kinds);
      },
    });
  }

  r.get(`${M}/rights`, {
    config: { access: forAgency(canReadRights) },
    schema: { tags, summary: '当事人权利：全部记录及各当事人的听证申请期限（届满日、状态）', params: matterParams, response: { 200: rightsOverviewView, ...errorResponses } },
    handler: async (req) => {
      const { parties } = await loadMatter(ctx.db, principalOf(req), req.params.agencyId, req.params.matterId);
      return rightsOverview(ctx.db, req.params.matterId, parties, ctx.clock());
    },
  });

  const created = { 201: rightsRecordView, ...errorResponses };
  const access = { access: forAgency(canRecordRights) };
  r.post(`${M}/statements`, {
    config: access,
    schema: { tags, summary: '记录当事人的陈述、申辩或放弃（行政处罚法 第四十四、四十五条）', params: matterParams, body: statementInput, response: created },
    handler: async (req, reply) => reply.status(201).send(await one(req.params.matterId, (await recordStatement(ctx.db, actorOf(req), principalOf(req), req.params.agencyId, req.params.matterId, req.body, ctx.clock())).id)),
  });
  r.post(`${M}/statements/:recordId/review`, {
    config: access,
    schema: { tags, summary: '复核陈述、申辩：采纳、部分采纳或不予采纳（理由）', params: recordParams, body: statementReviewInput, response: created },
    handler: async (req, reply) => reply.status(201).send(await one(req.params.matterId, (await reviewStatement(ctx.db, actorOf(req), principalOf(req), req.params.agencyId, req.params.matterId, req.params.recordId, req.body, ctx.clock())).id)),
  });
  r.post(`${M}/hearing-requests`, {
    config: access,
    schema: { tags, summary: '记录听证申请：告知书送达后五个工作日内受理，逾期不予受理并说明理由（行政处罚法 第六十四条）', params: matterParams, body: hearingRequestInput, response: created },
    handler: async (req, reply) => reply.status(201).send(await one(req.params.matterId, (await requestHearing(ctx.db, actorOf(req), principalOf(req), req.params.agencyId, req.params.matterId, req.body, ctx.clock())).id)),
  });
  r.post(`${M}/hearings`, {
    config: access,
    schema: { tags, summary: '安排听证：听证通知书至少提前七个工作日送达，主持人非本案调查人员（行政处罚法 第六十四条）', params: matterParams, body: hearingScheduleInput, response: created },
    handler: async (req, reply) => reply.status(201).send(await one(req.params.matterId, (await scheduleHearing(ctx.db, actorOf(req), principalOf(req), req.params.agencyId, req.params.matterId, req.body, ctx.clock())).id)),
  });
  r.post(`${M}/hearings/:recordId/held`, {
    config: access,
    schema: { tags, summary: '记录举行听证：参加人员、听证笔录、结果', params: recordParams, body: hearingHeldInput, response: created },
    handler: async (req, reply) => reply.status(201).send(await one(req.params.matterId, (await recordHearingHeld(ctx.db, actorOf(req), principalOf(req), req.params.agencyId, req.params.matterId, req.params.recordId, req.body, ctx.clock())).id)),
  });
  r.post(`${M}/recusal-requests`, {
    config: access,
    schema: { tags, summary: '记录回避申请（行政处罚法 第四十三条）', params: matterParams, body: recusalRequestInput, response: created },
    handler: async (req, reply) => reply.status(201).send(await one(req.params.matterId, (await recordRecusalRequest(ctx.db, actorOf(req), principalOf(req), req.params.agencyId, req.params.matterId, req.body, ctx.clock())).id)),
  });
  r.post(`${M}/recusal-requests/:recordId/decision`, {
    config: access,
    schema: { tags, summary: '回避申请的决定：决定回避或驳回（理由）', params: recordParams, body: recusalDecisionInput, response: created },
    handler: async (req, reply) => reply.status(201).send(await one(req.params.matterId, (await decideRecusal(ctx.db, actorOf(req), principalOf(req), req.params.agencyId, req.params.matterId, req.params.recordId, req.body, ctx.clock())).id)),
  });
  r.post(`${M}/refusals`, {
    config: access,
    schema: { tags, summary: '记录当事人拒绝配合：见证人或音像记录（S1 第十一条）', params: matterParams, body: refusalInput, response: created },
    handler: async (req, reply) => reply.status(201).send(await one(req.params.matterId, (await recordRefusal(ctx.db, actorOf(req), principalOf(req), req.params.agencyId, req.params.matterId, req.body, ctx.clock())).id)),
  });
}
