import { stat } from 'node:fs/promises';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { forAgencyAlsoServiceAccounts } from '../../../server/http/access.js';
import { actorOf, principalOf } from '../../../server/http/auth-hooks.js';
import type { AppContext } from '../../../server/context.js';
import { AppError } from '../../../shared/errors.js';
import { agencyParams, errorResponses, uuidParam } from '../../../shared/http-schemas.js';
import { canUploadAv } from './policy.js';
import { admitUploadLength, refuseIfOverLimit } from './check-upload-size.js';
import { completeUpload } from './complete-upload.js';
import { uploadIdPattern } from './durable-file-store.js';
import { expireUploads } from './expire-uploads.js';
import { createTusServer, objectHashHeader, recordIdHeader } from './tus-server.js';
import { checkTusHeaders } from './tus-headers.js';
import { fileNameOf } from './upload-metadata.js';
import { uploadStatus, uploadStatusBody, type UploadRow, loadUpload } from './upload-status.js';

const base = '/api/agencies/:agencyId/av/uploads';
// Collection stations' service accounts upload here (and nowhere else).
const access = forAgencyAlsoServiceAccounts(canUploadAv);
const uploadParams = z.object({ agencyId: uuidParam, uploadId: z.string().regex(uploadIdPattern, '上传编号格式不正确') });

/**
 * Resumable uploads (tus 1.0, AV-2) under /api/agencies/:agencyId/av/uploads. Each method is a
 * Fastify route, so auth, CSRF and the access policy run before tus touches anything, and the
 * role matrix covers them. Finished uploads are answered here and never reach tus (AV-3, INT-2).
 */
export function avIngestRoutes(app: FastifyInstance, ctx: AppContext) {
  app.register(async (scope) => {
    const ingest = createTusServer(ctx);
    // tus bodies are raw bytes: leave the stream for tus to read.
    scope.addContentTypeParser('application/offset+octet-stream', (_req, _payload, done) => done(null));
    const r = scope.withTypeProvider<ZodTypeProvider>();

    const toTus = async (req: FastifyRequest, reply: FastifyReply, agencyId: string) => {
      reply.hijack();
      await ingest.handle(req, reply.raw, agencyId);
    };

    const tags = ['音像记录上传（tus 1.0）'];
    const summaries = {
      HEAD: '查询上传进度（Upload-Offset，即服务器已持久保存的字节数）',
      PATCH: '续传字节（Content-Type: application/offset+octet-stream）；已完成的上传一律拒绝',
      DELETE: '终止未完成的上传；已入库的原始文件一律拒绝（IMMUTABLE）',
    } as const;
    r.post(base, { config: { access }, schema: { tags, summary: '创建可续传上传（Upload-Length、Upload-Metadata：filename、sha256、matterId、stepId…）', params: agencyParams } }, async (req, reply) => {
      checkTusHeaders('POST', req.headers);
      // Refused here, with our code and an audit event, before tus creates anything.
      const size = Number(req.headers['upload-length']);
      if (Number.isFinite(size)) await admitUploadLength(ctx.db, actorOf(req), { agencyId: req.params.agencyId, size, platformMaxBytes: ctx.config.uploadMaxBytes, fileName: fileNameOf(req.headers['upload-metadata']) }, ctx.clock());
      await toTus(req, reply, req.params.agencyId);
    });

    for (const method of ['HEAD', 'PATCH', 'DELETE'] as const) {
      r.route({
        method,
        url: `${base}/:uploadId`,
        config: { access },
        schema: { tags, summary: summaries[method], params: uploadParams },
        handler: async (req, reply) => {
          checkTusHeaders(method, req.headers);
          const row = await loadUpload(ctx.db, principalOf(req), req.params.agencyId, req.params.uploadId);
          if (row.failure) throw new AppError('NOT_FOUND', `上传已失效（${row.failure}），请重新上传`);
          if (!row.completedAt && method === 'HEAD' && (await fileIsFull(ingest.datastore.pathOf(row.id), row))) {
            // The process that received the last byte died before registering it: finish now.
            await completeUpload(ctx, actorOf(req), row.id, ingest.datastore.pathOf(row.id), ctx.clock());
            return answerFinished(reply, await loadUpload(ctx.db, principalOf(req), req.params.agencyId, row.id));
          }
          if (row.completedAt) {
            if (method === 'HEAD') return answerFinished(reply, row);
            throw new AppError('IMMUTABLE', method === 'DELETE' ? '已入库的原始文件不得删除' : '上传已完成，原始文件不得覆盖或追加');
          }
          if (method === 'PATCH') await refuseIfOverLimit(ctx.db, actorOf(req), { agencyId: req.params.agencyId, uploadId: row.id, size: row.size, tempPath: ingest.datastore.pathOf(row.id), platformMaxBytes: ctx.config.uploadMaxBytes }, ctx.clock());
          await toTus(req, reply, req.params.agencyId);
        },
      });
    }

    r.get(`${base}/:uploadId`, {
      config: { access },
      exposeHeadRoute: false,
      schema: { tags: ['音像记录'], summary: '查询断点续传上传的状态（已收字节、是否入库、音像记录 ID）', params: uploadParams, response: { 200: uploadStatusBody, ...errorResponses } },
      handler: async (req) => uploadStatus(await loadUpload(ctx.db, principalOf(req), req.params.agencyId, req.params.uploadId), ingest.datastore.pathOf(req.params.uploadId)),
    });

    const sweep = () => expireUploads(ctx.db, ingest.uploadDir, ctx.clock()).catch((err: unknown) => scope.log.error({ err }, 'upload expiry failed'));
    const timer = setInterval(sweep, 15 * 60_000).unref();
    scope.addHook('onReady', async () => void sweep());
    scope.addHook('onClose', async () => {
      clearInterval(timer);
      await ingest.close();
    });
  });
}

async function fileIsFull(path: string, row: UploadRow) {
  const s = await stat(path).catch(() => null);
  return Boolean(s && row.size !== null && s.size === row.size);
}

function answerFinished(reply: FastifyReply, row: UploadRow) {
  return reply
    .status(200)
    .headers({ 'Tus-Resumable': '1.0.0', 'Upload-Offset': String(row.size), 'Upload-Length': String(row.size), 'Cache-Control': 'no-store', [recordIdHeader]: row.avRecordId ?? '', [objectHashHeader]: row.objectKey ?? '' })
    .send();
}
