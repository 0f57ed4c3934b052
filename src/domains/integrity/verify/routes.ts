import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../../../server/context.js';
import { actorOf } from '../../../server/http/auth-hooks.js';
import { errorResponses } from '../../../shared/http-schemas.js';
import { canVerifyIntegrity } from './policy.js';
import { latestVerifyRun, startVerifyRun } from './start-verify-run.js';
import { latestRunView, presentRun, verifyRunView } from './views.js';

// INT-2 in the web app: the platform admin starts the same run as `liuhen verify` (a job, so a
// long run outlives the request) and reads the latest result on the integrity page.
export function integrityVerifyRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['完整性校验'];

  r.post('/api/integrity/verify-runs', {
    config: { access: canVerifyIntegrity },
    schema: { tags, summary: '发起完整性校验（已有进行中的校验时返回该次）', response: { 202: verifyRunView, ...errorResponses } },
    handler: async (req, reply) => reply.code(202).send(presentRun(await startVerifyRun(ctx.db, actorOf(req), ctx.clock()))),
  });

  r.get('/api/integrity/verify-runs/latest', {
    config: { access: canVerifyIntegrity },
    schema: { tags, summary: '最近一次完整性校验及其结果', response: { 200: latestRunView, ...errorResponses } },
    handler: async () => {
      const row = await latestVerifyRun(ctx.db);
      return { run: row ? presentRun(row) : null };
    },
  });
}
