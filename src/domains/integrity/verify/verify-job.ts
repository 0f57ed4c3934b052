import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../../db/client.js';
import { verifyRuns } from '../../../db/schema/index.js';
import type { JobDefinition } from '../../../jobs/queue.js';
import type { Config } from '../../../server/config.js';
import type { ObjectStore } from '../../../store/object-store.js';
import { logCheckFor } from './log-check.js';
import { runVerify } from './run-verify.js';

const payload = z.object({ runId: z.uuid() });
/** Name and payload, for enqueueing without the handler's dependencies. */
export const verifyJobRef = { name: 'integrity.verify', payload };

/** Runs a verify the platform admin started in the web app and keeps its report on the run row. */
export function verifyJob(db: Db, store: ObjectStore, config: Pick<Config, 'dataDir' | 'log'>, now: () => Date): JobDefinition<typeof payload> {
  return {
    name: verifyJobRef.name,
    payload,
    maxAttempts: 1,
    handle: async ({ runId }) => {
      await db.update(verifyRuns).set({ status: 'running' }).where(eq(verifyRuns.id, runId));
      try {
        const result = await runVerify(db, store, { logCheck: logCheckFor(config, { now }), now });
        await db.update(verifyRuns).set({ status: 'done', finishedAt: now(), report: result }).where(eq(verifyRuns.id, runId));
      } catch (err) {
        await db.update(verifyRuns).set({ status: 'failed', finishedAt: now(), failure: (err as Error).message }).where(eq(verifyRuns.id, runId));
      }
      return 'done';
    },
  };
}
