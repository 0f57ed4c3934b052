import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../server/context.js';
import { actorOf } from '../../server/http/auth-hooks.js';
import { errorResponses, uuidParam } from '../../shared/http-schemas.js';
import { canEnterCalendarNotice } from './policy.js';
import { describeYear, enterNotice, listNotices, loadCalendar } from './calendar-notices.js';

// The notice as stored: yearNoticeSchema's output (checked when it was entered).
const noticeView = z
  .object({ year: z.number().int(), holidays: z.array(z.object({ name: z.string(), start: z.string(), end: z.string() })), makeUpWorkdays: z.array(z.string()) })
  .meta({ id: 'YearNotice' });
const dayView = z.object({ date: z.string(), working: z.boolean(), kind: z.string(), holidayName: z.string().nullable(), yearStatus: z.string() });

export function calendarRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['工作日历'];

  r.get('/api/calendar/years/:year', {
    config: { access: 'signedIn' },
    schema: {
      tags,
      summary: '某年每一天是否工作日及其来源（内置通知 / 管理员录入 / 暂按法定节假日）',
      params: z.object({ year: z.coerce.number().int().min(1950, '年份须在 1950–2099 之间').max(2099, '年份须在 1950–2099 之间') }),
      response: { 200: z.object({ year: z.number(), status: z.string(), source: z.string(), days: z.array(dayView) }), ...errorResponses },
    },
    handler: async (req) => describeYear(await loadCalendar(ctx.db), req.params.year),
  });
  r.get('/api/calendar/notices', {
    config: { access: 'signedIn' },
    schema: {
      tags,
      summary: '管理员录入的年度节假日安排通知（每年以最新一次为准）',
      response: { 200: z.array(z.object({ id: z.string(), year: z.number(), notice: noticeView, basis: z.string(), createdAt: z.string(), createdByName: z.string().nullable() })) },
    },
    handler: () => listNotices(ctx.db),
  });
  r.post('/api/calendar/notices', {
    config: { access: canEnterCalendarNotice },
    schema: {
      tags,
      summary: '录入某年国务院办公厅节假日安排通知（平台管理员；覆盖内置数据与法定节假日推算）',
      body: z.object({
        notice: z.object({
          year: z.number().int().min(1950).max(2099),
          holidays: z.array(z.object({ name: z.string().trim().min(1).max(20), start: z.string(), end: z.string() })).max(20),
          makeUpWorkdays: z.array(z.string()).max(20),
        }),
        basis: z.string().trim().min(2, '请写明通知文号').max(300),
        // The notice in force the administrator saw for the year (null: none); another in between → 409.
        replacesNoticeId: uuidParam.nullable().optional(),
      }),
      response: { 201: z.object({ id: z.string(), year: z.number() }), ...errorResponses },
    },
    handler: async (req, reply) => reply.status(201).send(await enterNotice(ctx.db, actorOf(req), req.body, ctx.clock())),
  });
}
