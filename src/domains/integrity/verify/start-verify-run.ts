import { desc, inArray } from 'drizzle-orm';
import type { Db } from '../../../db/client.js';
import { verifyRuns } from '../../../db/schema/index.js';
import { enqueue } from '../../../jobs/queue.js';
import { recordAudit, type Actor } from '../../audit/record-audit.js';
import { verifyJobRef } from './verify-job.js';

/**
 * INT-2: the platform admin starts a verify run; the `integrity.verify` job runs it. One run at a
 * time: a request while one waits or runs gets that one (nothing new is recorded).
 */
export async function startVerifyRun(db: Db, actor: Actor, now: Date) {
  return db.transaction(async (tx) => {
    const [pending] = await tx.select().from(verifyRuns).where(inArray(verifyRuns.status, ['queued', 'running'])).orderBy(desc(verifyRuns.requestedAt)).limit(1);
    if (pending) return pending;
    const [row] = await tx.insert(verifyRuns).values({ status: 'queued', requestedAt: now, requestedByName: actor.name }).returning();
    await enqueue(tx, verifyJobRef, { runId: row!.id }, now, { dedupeKey: 'integrity.verify' });
    await recordAudit(tx, actor, { action: 'integrity.verify_requested', agencyId: null, objectType: 'verify_run', objectId: row!.id }, now);
    return row!;
  });
}

export async function latestVerifyRun(db: Db) {
  const [row] = await db.select().from(verifyRuns).orderBy(desc(verifyRuns.requestedAt)).limit(1);
  return row ?? null;
}
