import { and, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db, DbOrTx } from '../db/client.js';
import { jobs } from '../db/schema/index.js';

// A job queue on our own database, because the queue libraries we could use (pg-boss,
// graphile-worker) need a PostgreSQL server and cannot run on the embedded PGlite; this one runs
// the same code on both. Jobs are claimed with FOR UPDATE SKIP LOCKED, so several processes
// share the work, and a claim expires, so a job of a killed process is picked up again.

/** A job definition: a name, a payload schema and a handler, apart from where it is enqueued. */
export type JobDefinition<S extends z.ZodType> = {
  name: string;
  payload: S;
  maxAttempts: number;
  handle(payload: z.infer<S>): Promise<'done' | { retryInMs: number; reason: string }>;
};

export async function enqueue<S extends z.ZodType>(tx: DbOrTx, def: Pick<JobDefinition<S>, 'name' | 'payload'>, payload: z.infer<S>, now: Date) {
  await tx.insert(jobs).values({ name: def.name, payload: def.payload.parse(payload), runAfter: now, createdAt: now });
}

const LOCK_MS = 10 * 60_000;

export async function claimNext(db: Db, names: string[], now: Date) {
  const r = await db.execute(sql`
    update ${jobs} set status = 'running', attempts = ${jobs.attempts} + 1, locked_until = ${new Date(now.getTime() + LOCK_MS)}
    where ${jobs.id} = (
      select id from ${jobs}
      where name in (${sql.join(names.map((n) => sql`${n}`), sql`, `)})
        and run_after <= ${now}
        and (status = 'queued' or (status = 'running' and locked_until < ${now}))
      order by run_after limit 1 for update skip locked)
    returning id, name, payload, attempts`);
  return (r as unknown as { rows: Array<{ id: string; name: string; payload: unknown; attempts: number }> }).rows[0] ?? null;
}

export async function finish(db: Db, id: string, now: Date) {
  await db.update(jobs).set({ status: 'done', finishedAt: now, lockedUntil: null }).where(eq(jobs.id, id));
}

export async function failOrRetry(db: Db, id: string, error: string, retryAt: Date | null, now: Date) {
  await db
    .update(jobs)
    .set(retryAt ? { status: 'queued', runAfter: retryAt, lastError: error, lockedUntil: null } : { status: 'failed', lastError: error, finishedAt: now, lockedUntil: null })
    .where(and(eq(jobs.id, id)));
}

/** Runs one ready job, if any. Returns whether it found one. */
export async function runOne(db: Db, definitions: Array<JobDefinition<z.ZodType>>, now: () => Date): Promise<boolean> {
  const job = await claimNext(db, definitions.map((d) => d.name), now());
  if (!job) return false;
  const def = definitions.find((d) => d.name === job.name)!;
  try {
    const result = await def.handle(def.payload.parse(job.payload));
    if (result === 'done') await finish(db, job.id, now());
    else await failOrRetry(db, job.id, result.reason, job.attempts < def.maxAttempts ? new Date(now().getTime() + result.retryInMs) : null, now());
  } catch (err) {
    const backoff = 30_000 * 2 ** (job.attempts - 1);
    await failOrRetry(db, job.id, String((err as Error)?.stack ?? err).slice(0, 2000), job.attempts < def.maxAttempts ? new Date(now().getTime() + backoff) : null, now());
  }
  return true;
}

/** Polls for jobs until stopped; an empty queue waits `idleMs` before looking again. */
export function startWorker(db: Db, definitions: Array<JobDefinition<z.ZodType>>, now: () => Date, onError: (err: unknown) => void, idleMs = 2000) {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  const loop = async () => {
    while (!stopped) {
      let found = false;
      try {
        found = await runOne(db, definitions, now);
      } catch (err) {
        onError(err);
      }
      if (!found) break;
    }
    if (!stopped) {
      timer = setTimeout(loop, idleMs);
      timer.unref();
    }
  };
  void loop();
  return () => {
    stopped = true;
    if (timer) clearTimeout(timer);
  };
}
