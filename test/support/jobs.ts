import { eq } from 'drizzle-orm';
import { jobs } from '../../src/db/schema/index.js';
import { reevaluateMatterJob } from '../../src/domains/findings/reevaluate.js';
import { runOne, type JobDefinition } from '../../src/jobs/queue.js';
import type { TestApp } from './test-app.js';

/**
 * Runs the queued jobs the harness does not run by itself (it starts no worker), until none is
 * ready: by default the findings re-evaluation each change enqueues. Returns how many ran.
 */
export async function runPendingJobs(t: TestApp, definitions: Array<JobDefinition<never>> = [reevaluateMatterJob(t.ctx.db, t.clock.now) as never]) {
  let n = 0;
  while (await runOne(t.ctx.db, definitions as never, t.clock.now)) n++;
  return n;
}

/** The queued findings re-evaluations, as "agencyId:matterId". */
export async function queuedReevaluations(t: TestApp) {
  const rows = await t.ctx.db.select().from(jobs).where(eq(jobs.name, 'findings.reevaluate-matter'));
  return rows.filter((r) => r.status === 'queued').map((r) => r.dedupeKey);
}
