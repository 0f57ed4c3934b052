import { asc, gte } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { logCheckpoints } from '../../../db/schema/index.js';
import type { AppContext } from '../../../server/context.js';
import { optionalPrincipalOf } from '../../../server/http/auth-hooks.js';
import { errorResponses } from '../../../shared/http-schemas.js';
import { notFound } from '../../../shared/errors.js';
import { latestCheckpoint } from './log-store.js';
import { consistencyProofFor, inclusionProofFor, readLeaf } from './proofs.js';
import { logVerifierKey } from './signing-key.js';
import { checkpointPage, checkpointsQuery, checkpointView, consistencyQuery, consistencyView, inclusionQuery, inclusionView, leafParams, leafView, presentCheckpoint, publicKeyView } from './views.js';

// The log's API (INT-1) is public: anyone — a witness, a court, a citizen holding an evidence
// copy — may fetch the key, checkpoints and proofs without signing in. Only a leaf's event data is
// restricted (proofs.ts readLeaf). Proofs for a fixed (index, size) never change, so they are
// cacheable for good; the latest checkpoint for a few seconds.
const forever = 'public, max-age=31536000, immutable';

export function logRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['完整性日志'];
  const noCheckpoint = () => notFound('日志检查点（日志尚无记录）');

  r.get('/api/log/public-key', {
    config: { access: 'public' },
    schema: { tags, summary: '日志签名公钥（Go sumdb/note 验证公钥格式）', response: { 200: publicKeyView } },
    handler: async () => ({ origin: ctx.config.log.origin, verifierKey: logVerifierKey(ctx.config), algorithm: 'Ed25519' as const }),
  });
  r.get('/api/log/checkpoint', {
    config: { access: 'public' },
    schema: { tags, summary: '最新签名检查点', response: { 200: checkpointView, ...errorResponses } },
    handler: async (_req, reply) => {
      const c = await latestCheckpoint(ctx.db);
      if (!c) throw noCheckpoint();
      void reply.header('cache-control', 'public, max-age=5');
      return presentCheckpoint(c);
    },
  });
  r.get('/api/log/checkpoint.txt', {
    config: { access: 'public' },
    schema: { tags, summary: '最新签名检查点（纯文本，C2SP 签名文本原样）' },
    handler: async (_req, reply) => {
      const c = await latestCheckpoint(ctx.db);
      if (!c) throw noCheckpoint();
      return reply.header('cache-control', 'public, max-age=5').type('text/plain; charset=utf-8').send(c.note);
    },
  });
  r.get('/api/log/checkpoints', {
    config: { access: 'public' },
    schema: { tags, summary: '签名检查点列表（按树大小升序，自 fromSize 起）', querystring: checkpointsQuery, response: { 200: checkpointPage, ...errorResponses } },
    handler: async (req) => {
      const rows = await ctx.db.select().from(logCheckpoints).where(gte(logCheckpoints.treeSize, req.query.fromSize)).orderBy(asc(logCheckpoints.treeSize)).limit(req.query.limit + 1);
      const more = rows.length > req.query.limit;
      const items = rows.slice(0, req.query.limit);
      return { items: items.map(presentCheckpoint), nextFromSize: more ? rows[req.query.limit]!.treeSize : null };
    },
  });
  r.get('/api/log/proofs/inclusion', {
    config: { access: 'public' },
    schema: { tags, summary: '包含证明（RFC 9162）', querystring: inclusionQuery, response: { 200: inclusionView, ...errorResponses } },
    handler: async (req, reply) => {
      const proof = await inclusionProofFor(ctx.db, req.query.leafIndex, req.query.treeSize);
      void reply.header('cache-control', forever);
      return proof;
    },
  });
  r.get('/api/log/proofs/consistency', {
    config: { access: 'public' },
    schema: { tags, summary: '一致性证明（RFC 9162）', querystring: consistencyQuery, response: { 200: consistencyView, ...errorResponses } },
    handler: async (req, reply) => {
      const proof = await consistencyProofFor(ctx.db, req.query.fromSize, req.query.toSize);
      void reply.header('cache-control', forever);
      return proof;
    },
  });
  r.get('/api/log/leaves/:leafIndex', {
    config: { access: 'public' },
    schema: { tags, summary: '日志叶子：哈希公开；事件内容仅对可查看该审计事件者返回', params: leafParams, response: { 200: leafView, ...errorResponses } },
    handler: async (req) => readLeaf(ctx.db, await optionalPrincipalOf(req, ctx), req.params.leafIndex),
  });
}
