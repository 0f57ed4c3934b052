import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../server/context.js';
import { errorResponses, pageQuery, uuidParam } from '../../shared/http-schemas.js';
import { canViewAudit } from './policy.js';
import { auditActionList, auditActions } from './audit-actions.js';
import { listAuditEvents } from './list-audit-events.js';
import { recordRead } from './record-read.js';
import { actorOf } from '../../server/http/auth-hooks.js';

// before/after/details are what each action chose to record of its change (a policy version, a
// step, the fields of a role change …); their keys differ per action, so the contract says "an
// object", not its fields. recordAudit only accepts objects (AuditRecord), so this holds for every row.
const changeRecord = (description: string) => z.record(z.string(), z.unknown()).nullable().describe(description);

const eventView = z.object({
  seq: z.number(),
  occurredAt: z.string(),
  actorUserId: z.string().nullable(),
  actorName: z.string().nullable(),
  agencyId: z.string().nullable(),
  action: z.string(),
  objectType: z.string(),
  objectId: z.string().nullable(),
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
  before: changeRecord('变更前的相关字段'),
  after: changeRecord('变更后的相关字段'),
  details: changeRecord('其他说明'),
  contentHash: z.string(),
});

export function auditRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['审计日志'];
  const instant = z.iso.datetime({ offset: true, error: '时间格式应为 ISO 8601' }).transform((s) => new Date(s));

  r.get('/api/audit-events', {
    config: { access: (p, req) => canViewAudit(p, (req.query as { agencyId?: string }).agencyId || undefined) },
    schema: {
      tags,
      summary: '审计事件（按机关、动作、操作人、对象、时间筛选）；不带 agencyId 仅平台管理员可查',
      querystring: z.object({
        agencyId: uuidParam.optional(),
        action: z.enum(auditActionList as [string, ...string[]]).optional(),
        actorUserId: uuidParam.optional(),
        objectType: z.string().max(50).optional(),
        objectId: z.string().max(100).optional(),
        reads: z.enum(['only', 'exclude']).optional().describe('only：只看查阅类事件（查看、播放、打印、下载、导出）；exclude：不含查阅类事件'),
        from: instant.optional(),
        to: instant.optional(),
        ...pageQuery,
      }),
      response: { 200: z.object({ items: z.array(eventView), total: z.number(), page: z.number(), pageSize: z.number() }), ...errorResponses },
    },
    handler: async (req) => {
      const { page, pageSize: _pageSize, agencyId, ...filter } = req.query;
      // Who looked into whose trail is itself worth keeping, once per search: the next pages of
      // the same search continue it (and an event per page would bury the trail in its readers).
      // Read before recording, so the answer never shows its own event.
      const answer = await listAuditEvents(ctx.db, req.query);
      if (page === 1) await recordRead(ctx.db, actorOf(req), { action: 'audit.viewed', agencyId: agencyId ?? null, objectType: 'audit_log', objectId: agencyId ?? null, details: Object.fromEntries(Object.entries(filter).filter(([, v]) => v !== undefined)) }, ctx.clock());
      return answer;
    },
  });

  r.get('/api/audit-actions', {
    config: { access: 'signedIn' },
    schema: { tags, summary: '审计动作及其中文名称', response: { 200: z.record(z.string(), z.string()) } },
    handler: async () => auditActions,
  });
}
