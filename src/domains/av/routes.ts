import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { avDerivatives } from '../../db/schema/index.js';
import { notFound } from '../../shared/errors.js';
import type { AppContext } from '../../server/context.js';
import { forAgency } from '../../server/http/access.js';
import { actorOf, principalOf } from '../../server/http/auth-hooks.js';
import { agencyParams, errorResponses, uuidParam } from '../../shared/http-schemas.js';
import { addBookmark, avRecordDetail, listAvRecords, listInterruptions, loadAvRecord, organiseAvRecord, presentAv, recordInterruption } from './av-records.js';
import { parseRange } from './byte-range.js';
import { canReadAv, canWorkOnAv } from './policy.js';
import { evidenceCopy } from './evidence-copy.js';
import { recordRead } from '../audit/record-read.js';
import { openViewing, recordMediaRead } from './viewings.js';
import { bookmarkInput, interruptionInput, organiseInput } from './schemas.js';
import { avBookmarkView, avInterruptionView, avRecordDetailView, avRecordListItemView, avRecordView } from './views.js';

const recordParams = agencyParams.extend({ recordId: uuidParam });
// The player's viewing (INT-1): Range requests under it record nothing more (src/domains/av/viewings.ts).
const mediaQuery = z.object({ viewing: uuidParam.optional().describe('播放会话 ID（POST …/viewings 所得）') });
// Stills are shown in lists beside every record; the record's view and playback are what is recorded.
const stillKinds = new Set(['thumbnail', 'poster']);

export function avRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['音像记录'];

  r.get('/api/agencies/:agencyId/av-records', {
    config: { access: forAgency(canReadAv) },
    schema: { tags, summary: '音像记录列表（按事项，或未关联事项的）', params: agencyParams, querystring: z.object({ matterId: uuidParam.optional(), unassigned: z.coerce.boolean().optional() }), response: { 200: z.array(avRecordListItemView), ...errorResponses } },
    handler: (req) => listAvRecords(ctx.db, principalOf(req), req.params.agencyId, req.query),
  });
  r.get('/api/agencies/:agencyId/av-records/:recordId', {
    config: { access: forAgency(canReadAv) },
    schema: { tags, summary: '音像记录详情：元数据、录制规范、要点标记、中断记录、派生文件', params: recordParams, response: { 200: avRecordDetailView, ...errorResponses } },
    handler: async (req) => {
      const record = await loadAvRecord(ctx.db, principalOf(req), req.params.agencyId, req.params.recordId);
      await recordRead(ctx.db, actorOf(req), { action: 'av.viewed', agencyId: record.agencyId, objectType: 'av_record', objectId: record.id }, ctx.clock());
      return avRecordDetail(ctx.db, record);
    },
  });
  r.post('/api/agencies/:agencyId/av-records/:recordId/viewings', {
    config: { access: forAgency(canReadAv) },
    schema: {
      tags,
      summary: '开始播放：记录一次播放（审计），返回播放会话 ID；带 ?viewing= 的 Range 请求不再逐次记录',
      params: recordParams,
      response: { 201: z.object({ id: z.string(), expiresAt: z.string() }).meta({ id: 'AvViewing' }), ...errorResponses },
    },
    handler: async (req, reply) => reply.status(201).send(await openViewing(ctx.db, actorOf(req), principalOf(req), req.params.agencyId, req.params.recordId, ctx.clock())),
  });
  r.patch('/api/agencies/:agencyId/av-records/:recordId', {
    config: { access: forAgency(canWorkOnAv) },
    schema: { tags, summary: '分类整理：命名、分类、描述地点和内容，关联事项与环节，录制规范（原始文件不变）', params: recordParams, body: organiseInput, response: { 200: avRecordView, ...errorResponses } },
    handler: async (req) => {
      const row = await organiseAvRecord(ctx.db, actorOf(req), principalOf(req), req.params.agencyId, req.params.recordId, req.body, ctx.clock());
      return presentAv(row);
    },
  });
  r.post('/api/agencies/:agencyId/av-records/:recordId/bookmarks', {
    config: { access: forAgency(canWorkOnAv) },
    schema: { tags, summary: '在录像上标记要点（时间、要点、备注）', params: recordParams, body: bookmarkInput, response: { 201: avBookmarkView, ...errorResponses } },
    handler: async (req, reply) => reply.status(201).send(await addBookmark(ctx.db, actorOf(req), principalOf(req), req.params.agencyId, req.params.recordId, req.body, ctx.clock())),
  });
  r.get('/api/agencies/:agencyId/av-records/:recordId/content', {
    config: { access: forAgency(canReadAv) },
    schema: { tags, summary: '播放原始文件（支持 Range 请求以便拖动）；无播放会话时，从首字节起的请求各记录一次播放或下载', params: recordParams, querystring: mediaQuery },
    handler: async (req, reply) => {
      const record = await loadAvRecord(ctx.db, principalOf(req), req.params.agencyId, req.params.recordId);
      const range = parseRange(req.headers.range, record.size);
      await recordMediaRead(ctx.db, actorOf(req), principalOf(req), record, { viewingId: req.query.viewing, served: range }, ctx.clock());
      reply.header('accept-ranges', 'bytes').header('content-type', record.mediaType).header('cache-control', 'private, max-age=3600').header('etag', `"${record.objectKey}"`);
      if (range.kind === 'unsatisfiable') return reply.status(416).header('content-range', `bytes */${record.size}`).type('application/json; charset=utf-8').send({ code: 'RANGE_NOT_SATISFIABLE', message: '请求的范围超出文件大小' });
      if (range.kind === 'full') return reply.header('content-length', record.size).send(await ctx.store.read(record.objectKey));
      return reply
        .status(206)
        .header('content-range', `bytes ${range.start}-${range.end}/${record.size}`)
        .header('content-length', range.end - range.start + 1)
        .send(await ctx.store.read(record.objectKey, range));
    },
  });
  r.get('/api/agencies/:agencyId/av-records/:recordId/derivatives/:derivativeId', {
    config: { access: forAgency(canReadAv) },
    schema: { tags, summary: '派生文件（缩略图、封面、可播放副本），支持 Range；可播放副本的播放同原始文件记录', params: recordParams.extend({ derivativeId: uuidParam }), querystring: mediaQuery },
    handler: async (req, reply) => {
      const record = await loadAvRecord(ctx.db, principalOf(req), req.params.agencyId, req.params.recordId);
      const [d] = await ctx.db.select().from(avDerivatives).where(and(eq(avDerivatives.id, req.params.derivativeId), eq(avDerivatives.avRecordId, req.params.recordId)));
      if (!d) throw notFound('派生文件');
      const range = parseRange(req.headers.range, d.size);
      if (!stillKinds.has(d.kind)) await recordMediaRead(ctx.db, actorOf(req), principalOf(req), record, { viewingId: req.query.viewing, served: range, derivativeId: d.id }, ctx.clock());
      reply.header('accept-ranges', 'bytes').header('content-type', d.mediaType).header('cache-control', 'private, max-age=86400');
      if (range.kind === 'partial') return reply.status(206).header('content-range', `bytes ${range.start}-${range.end}/${d.size}`).send(await ctx.store.read(d.objectKey, range));
      return reply.send(await ctx.store.read(d.objectKey));
    },
  });
  r.get('/api/agencies/:agencyId/av-records/:recordId/evidence-copy', {
    config: { access: forAgency(canWorkOnAv) },
    schema: { tags, summary: '导出证据副本：原始文件、说明（谁、何时、何地）和 SHA-256 清单（ZIP）', params: recordParams },
    handler: async (req, reply) => {
      const record = await loadAvRecord(ctx.db, principalOf(req), req.params.agencyId, req.params.recordId);
      const copy = await evidenceCopy(ctx.db, ctx.store, ctx.config, actorOf(req), record, ctx.clock());
      return reply.type('application/zip').header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(copy.fileName)}`).send(copy.stream);
    },
  });
  r.get('/api/agencies/:agencyId/matters/:matterId/av-interruptions', {
    config: { access: forAgency(canReadAv) },
    schema: { tags, summary: '事项的音像记录中断情况', params: agencyParams.extend({ matterId: uuidParam }), response: { 200: z.array(avInterruptionView), ...errorResponses } },
    handler: (req) => listInterruptions(ctx.db, principalOf(req), req.params.agencyId, req.params.matterId),
  });
  r.post('/api/agencies/:agencyId/av-interruptions', {
    config: { access: forAgency(canWorkOnAv) },
    schema: { tags, summary: '记录中断：原因、恢复时的说明或不能继续时的书面说明；设备故障报告上级', params: agencyParams, body: interruptionInput, response: { 201: avInterruptionView, ...errorResponses } },
    handler: async (req, reply) => reply.status(201).send(await recordInterruption(ctx.db, actorOf(req), principalOf(req), req.params.agencyId, req.body, ctx.clock())),
  });
}
