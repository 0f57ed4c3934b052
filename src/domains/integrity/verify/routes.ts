import { desc, inArray } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { verifyRuns } from '../../../db/schema/index.js';
import { enqueue } from '../../../jobs/queue.js';
import type { AppContext } from '../../../server/context.js';
import { actorOf } from '../../../server/http/auth-hooks.js';
import { errorResponses } from '../../../shared/http-schemas.js';
import { recordAudit } from '../../audit/record-audit.js';
import { canVerifyIntegrity } from './policy.js';
import { verifyJobRef } from './verify-job.js';
import { latestRunView, presentRun, verifyRunView } from './views.js';

// INT-2 in the web app: the platform admin starts the same run as `liuhen verify` (a job, so a
// long run outlives the request) and reads the latest result on the integrity page.
export function integrityVerifyRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['完整性校验'];
  const access = canVerifyIntegrity;

  r.post('/api/integrity/verify-runs', {
    config: { access },
    schema: { tags, summary: '发起完整性校验（已有进行中的校验时返回该次）', response: { 202: verifyRunView, ...errorResponses } },
    handler: async (req, reply) => {
      const now = ctx.clock();
      const run = await ctx.db.transaction(async (tx) => {
        // One run at a time: a second request while one waits or runs joins it.
        const [pending] = await tx.select().from(verifyRuns).where(inArray(verifyRuns.status, ['queued', 'running'])).orderBy(desc(verifyRuns.requestedAt)).limit(1);
        if (pending) return pending;
        const actor = actorOf(req);
        const [row] = await tx.insert(verifyRuns).values({ status: 'queued', requestedAt: now, requestedByName: actor.name }).returning();
        await enqueue(tx, verifyJobRef, { runId: row!.id }, now, { dedupeKey: 'integrity.verify' });
        await recordAudit(tx, actor, { action: 'integrity.verify_requested', agencyId: null, objectType: 'verify_run', objectId: row!.id }, now);
        return row!;
      });
      return reply.code(202).send(presentRun(run));
    },
  });

  r.get('/api/integrity/verify-runs/latest', {
    config: { access },
    schema: { tags, summary: '最近一次完整性校验及其结果', response: { 200: latestRunView, ...errorResponses } },
    handler: async () => {
      const [row] = await ctx.db.select().from(verifyRuns).orderBy(desc(verifyRuns.requestedAt)).limit(1);
      return { run: row ? presentRun(row) : null };
    },
  });
}
