import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyCompress from '@fastify/compress';
import fastifyCookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance, type FastifyReply } from 'fastify';
import { jsonSchemaTransform, jsonSchemaTransformObject, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { isMigrated } from '../db/client.js';
import { auditRoutes } from '../domains/audit/routes.js';
import { avIngestRoutes } from '../domains/av/ingest/routes.js';
import { avRoutes } from '../domains/av/routes.js';
import { calendarRoutes } from '../domains/calendar/routes.js';
import { documentRoutes } from '../domains/documents/routes.js';
import { rightsRoutes } from '../domains/rights/routes.js';
import { serviceRoutes } from '../domains/service/routes.js';
import { paymentRoutes } from '../domains/payment/routes.js';
import { findingRoutes } from '../domains/findings/routes.js';
import { logRoutes } from '../domains/integrity/log/routes.js';
import { integrityVerifyRoutes } from '../domains/integrity/verify/routes.js';
import { witnessRoutes } from '../domains/integrity/witness/routes.js';
import { legalReviewRoutes } from '../domains/legal-review/routes.js';
import { matterRoutes } from '../domains/matters/routes.js';
import { policyRoutes } from '../domains/policy/routes.js';
import { authRoutes } from '../domains/auth/routes.js';
import { tokenRoutes } from '../domains/auth/token-routes.js';
import { agencyRoutes } from '../domains/org/agency-routes.js';
import { peopleRoutes } from '../domains/org/people-routes.js';
import { roleLabels } from '../domains/org/roles.js';
import type { AppContext } from './context.js';
import { installAuthHooks } from './http/auth-hooks.js';
import { installErrorHandler, toAppError } from './http/error-handler.js';
import { clientErrorHandler } from './http/framework-errors.js';
import { installInputGuards } from './http/input-guards.js';
import { bareErrorHeaders, installSecurityHeaders } from './http/security-headers.js';
import { installChineseZodMessages } from '../shared/zod-zh.js';

installChineseZodMessages();

// The built web app: web/dist beside src/ and dist/ alike.
const webDist = resolve(dirname(fileURLToPath(import.meta.url)), '../../web/dist');

/** Each domain module exports one function that registers its routes; add yours here. */
const domainRoutes = [authRoutes, tokenRoutes, agencyRoutes, peopleRoutes, auditRoutes, policyRoutes, calendarRoutes, findingRoutes, matterRoutes, documentRoutes, serviceRoutes, rightsRoutes, paymentRoutes, avRoutes, avIngestRoutes, legalReviewRoutes, logRoutes, witnessRoutes, integrityVerifyRoutes];

export async function buildApp(ctx: AppContext, opts: { logger?: boolean } = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: opts.logger === false ? false : { level: ctx.config.logLevel },
    trustProxy: ctx.config.trustProxy,
    bodyLimit: 1024 * 1024,
    clientErrorHandler,
    // Router errors (URL too long, malformed) bypass the error handler: answer them the same way.
    frameworkErrors: (err, _request, reply: FastifyReply) => {
      const e = toAppError(err);
      void reply.status(e.status).headers(bareErrorHeaders).send({ code: e.code, message: e.message });
    },
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandler(app);
  installInputGuards(app);
  await installSecurityHeaders(app);
  await app.register(fastifyCookie);
  // Field tablets are often on poor links: JSON, HTML, CSS and scripts go compressed when the
  // client accepts it (a 500-entry timeline: ~170 KB → ~15 KB). Media, PDFs and DOCX are already
  // compressed or are served by range and are left alone; request bodies are never decompressed.
  await app.register(fastifyCompress, {
    globalCompression: true,
    globalDecompression: false,
    threshold: 1024,
    encodings: ['gzip', 'deflate'],
    customTypes: /^(application\/(json|javascript)|text\/(html|css|plain|javascript))\b/,
    zlibOptions: { level: 1 },
    // Up to 1 MiB in one synchronous call (level 1: ~1 ms for a 170 KB timeline) rather than a
    // zlib stream, whose many small chunks and writes cost more than the compression itself.
    syncThreshold: 1024 * 1024,
  });
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.0.3',
      info: { title: '留痕 Liuhen API', description: '行政执法全过程记录信息管理系统 HTTP 接口。会话以 Cookie 认证，写操作需带 x-csrf-token；命令行工具以 Bearer API 令牌认证。', version: '0.1.0' },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'liuhen_sid' },
          apiToken: { type: 'http', scheme: 'bearer' },
        },
      },
      security: [{ session: [] }, { apiToken: [] }],
    },
    transform: jsonSchemaTransform,
    // Response views registered with an id (`.meta({ id })`) become components.schemas, named types for the web.
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });
  installAuthHooks(app, ctx);

  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/api/health', {
    config: { access: 'public' },
    schema: { tags: ['系统'], summary: '健康检查：数据库已迁移时返回 ok', response: { 200: z.object({ status: z.literal('ok') }), 503: z.object({ status: z.literal('unavailable') }) } },
    handler: async (_req, reply) => ((await isMigrated(ctx.db)) ? { status: 'ok' as const } : reply.status(503).send({ status: 'unavailable' as const })),
  });
  r.get('/api/openapi.json', {
    config: { access: 'public' },
    schema: { hide: true },
    handler: async () => app.swagger(),
  });
  r.get('/api/meta', {
    config: { access: 'public' },
    schema: { tags: ['系统'], summary: '角色等枚举的中文名称', response: { 200: z.object({ roles: z.record(z.string(), z.string()), database: z.string(), store: z.string() }) } },
    handler: async () => ({ roles: roleLabels, database: ctx.dbKind, store: ctx.store.kind }),
  });
  for (const register of domainRoutes) register(app, ctx);

  if (existsSync(webDist)) {
    await app.register(fastifyStatic, { root: webDist, wildcard: false });
    // Client-side routes: every non-API GET that is not a file gets the app's index.html.
    app.get('/*', { config: { access: 'public' }, schema: { hide: true } }, (req, reply) => {
      if (req.url.startsWith('/api/')) return reply.status(404).send({ code: 'NOT_FOUND', message: '接口不存在' });
      return reply.sendFile('index.html');
    });
  }
  return app;
}
