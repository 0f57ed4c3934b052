import { z } from 'zod';
import type { DbOrTx } from '../../db/client.js';
import { enqueue } from '../../jobs/queue.js';

const payload = z.object({ agencyId: z.uuid(), matterId: z.string().min(1).max(100) });
/** Name and payload, for enqueueing without the handler's dependencies. */
export const reevaluateMatterJobRef = { name: 'findings.reevaluate-matter', payload };

/**
 * Asks for the matter's findings to be re-evaluated once this transaction commits (the job is
 * only visible then, so it reads the change). Many changes before it runs make one job.
 */
export async function enqueueMatterReevaluation(tx: DbOrTx, agencyId: string, matterId: string, now: Date) {
  await enqueue(tx, reevaluateMatterJobRef, { agencyId, matterId }, now, { dedupeKey: `${agencyId}:${matterId}` });
}
