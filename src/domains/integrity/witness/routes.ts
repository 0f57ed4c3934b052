import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../../server/context.js';
import { actorOf } from '../../../server/http/auth-hooks.js';
import { notFound } from '../../../shared/errors.js';
import { errorResponses, responseObject } from '../../../shared/http-schemas.js';
import { canManageWitnesses } from './policy.js';
import { latestCosignedNote, listCosignatures, receiveCosignature } from './receive-cosignature.js';
import { listWitnesses, registerWitness } from './register-witness.js';

const witnessView = responseObject({
  id: z.string(),
  name: z.string(),
  verifierKey: z.string(),
  label: z.string(),
  createdAt: z.string(),
  createdByName: z.string().nullable(),
}).meta({ id: 'LogWitness' });

const cosignatureView = responseObject({
  witnessName: z.string(),
  witnessLabel: z.string(),
  treeSize: z.number().int(),
  rootHash: z.string(),
  signatureLine: z.string(),
  cosignedAt: z.string(),
  receivedAt: z.string(),
}).meta({ id: 'LogCosignature' });

export function witnessRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['日志见证'];

  r.get('/api/log/witnesses', {
    config: { access: 'public' },
    schema: { tags, summary: '登记的日志见证方及其公钥（公开：核验联署签名要用）', response: { 200: z.array(witnessView), ...errorResponses } },
    handler: () => listWitnesses(ctx.db),
  });
  r.post('/api/log/witnesses', {
    config: { access: canManageWitnesses },
    schema: {
      tags,
      summary: '登记日志见证方（平台管理员）：其公钥由 `liuhen witness keygen` 生成',
      body: z.object({
        verifierKey: z.string().trim().min(1, '请填写见证方公钥').max(500),
        label: z.string().trim().min(2, '请填写见证方单位名称').max(100),
      }),
      response: { 201: witnessView, ...errorResponses },
    },
    handler: async (req, reply) => reply.status(201).send(await registerWitness(ctx.db, actorOf(req), req.body, ctx.clock())),
  });
  r.post('/api/log/cosignatures', {
    config: { access: 'public' },
    schema: {
      tags,
      summary: '提交见证方对日志检查点的联署签名（C2SP tlog-cosignature；无需登录，以签名本身认证）',
      body: z.object({
        checkpoint: z.string().min(1).max(10_000).describe('被联署的检查点（正文各行；其后的签名行忽略）'),
        signature: z.string().min(1).max(1_000).describe('联署签名行：— 见证方名称 base64'),
      }),
      response: { 200: cosignatureView, 201: cosignatureView, ...errorResponses },
    },
    handler: async (req, reply) => {
      const { created, cosignature } = await receiveCosignature(ctx.db, req.body, ctx.clock());
      return reply.status(created ? 201 : 200).send(cosignature);
    },
  });
  r.get('/api/log/cosignatures', {
    config: { access: 'public' },
    schema: {
      tags,
      summary: '见证方的联署签名（某一树大小的，或最近 200 条）',
      querystring: z.object({ treeSize: z.coerce.number().int().min(1, '树大小须为正整数').optional() }),
      response: { 200: z.array(cosignatureView), ...errorResponses },
    },
    handler: (req) => listCosignatures(ctx.db, req.query),
  });
  r.get('/api/log/cosigned-checkpoint.txt', {
    config: { access: 'public' },
    schema: { tags, summary: '最新签名检查点及见证方的联署签名（纯文本，C2SP 格式：日志签名行之后附各见证方签名行）' },
    handler: async (_req, reply) => {
      const note = await latestCosignedNote(ctx.db);
      if (!note) throw notFound('日志检查点（日志尚无记录）');
      return reply.header('cache-control', 'public, max-age=5').type('text/plain; charset=utf-8').send(note);
    },
  });
}
