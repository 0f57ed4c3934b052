import { and, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db, DbOrTx } from '../db/client.js';
import { jobs } from '../db/schema/index.js';

// A job queue on our own database, because the queue libraries we could use (pg-boss,
// graphile-worker) need a PostgreSQL server and cannot run on the embedded PGlite; this one runs
// the same code on both. Jobs are claimed with FOR UPDATE SKIP LOCKED, so several processes
// share the work. A claim is a short lease the running process renews (a heartbeat): a long
// transcode keeps its job, and the job of a killed process is taken again once its lease ends.

/** A job definition: a name, a payload schema and a handler, apart from where it is enqueued. */
export type JobDefinition<S extends z.ZodType> = {
  name: string;
  payload: S;
  maxAttempts: number;
  handle(payload: z.infer<S>): Promise<'done' | { retryInMs: number; reason: string }>;
};

/**
 * Adds a job in the caller's transaction. With a `dedupeKey`, at most one job of that name and
 * key waits at a time (a unique partial index); a second enqueue joins it and only moves it earlier.
 */
export async function enqueue<S extends z.ZodType>(tx: DbOrTx, def: Pick<JobDefinition<S>, 'name' | 'payload'>, payload: z.infer<S>, now: Date, opts: { dedupeKey?: string } = {}) {
  const row = { name: def.name, payload: def.payload.parse(payload), runAfter: now, createdAt: now, dedupeKey: opts.dedupeKey ?? null };
  if (!opts.dedupeKey) return void (await tx.insert(jobs).values(row));
  await tx
    .insert(jobs)
    .values(row)
    .onConflictDoUpdate({ target: [jobs.name, jobs.dedupeKey], targetWhere: sql`status = 'queued' and dedupe_key is not null`, set: { runAfter: sql`least(${jobs.runAfter}, excluded.run_after)` } });
}

/** How long a claim lasts without a heartbeat; the handler's process renews it every third of it. */
export const DEFAULT_LEASE_MS = 60_000;
export type Claim = { id: string; name: string; payload: unknown; attempts: number };

export async function claimNext(db: Db, names: string[], now: Date, leaseMs = DEFAULT_LEASE_MS): Promise<Claim | null> {
  const r = await db.execute(sql`
    update ${jobs} set status = 'running', attempts = ${jobs.attempts} + 1, locked_until = ${new Date(now.getTime() + leaseMs)}
    where ${jobs.id} = (
      select id from ${jobs}
      where name in (${sql.join(names.map((n) => sql`${n}`), sql`, `)})
        and run_after <= ${now}
        and (status = 'queued' or (status = 'running' and locked_until < ${now}))
      order by run_after limit 1 for update skip locked)
    returning id, name, payload, attempts`);
  return (r as unknown as { rows: Claim[] }).rows[0] ?? null;
}

// A claim is ours while the row is running with the attempt we started: a process whose lease
// ran out and was retaken finds no row and changes nothing.
const ours = (c: Claim) => and(eq(jobs.id, c.id), eq(jobs.status, 'running'), eq(jobs.attempts, c.attempts));

/** Extends a claim; false when it is no longer ours. */
export async function renewClaim(db: Db, claim: Claim, until: Date) {
  return (await db.update(jobs).set({ lockedUntil: until }).where(ours(claim)).returning({ id: jobs.id })).length > 0;
}

export async function finish(db: Db, claim: Claim, now: Date) {
  await db.update(jobs).set({ status: 'done', finishedAt: now, lockedUntil: null }).where(ours(claim));
}

export async function failOrRetry(db: Db, claim: Claim, error: string, retryAt: Date | null, now: Date) {
  const failed = { status: 'failed', lastError: error, finishedAt: now, lockedUntil: null };
  if (!retryAt) return void (await db.update(jobs).set(failed).where(ours(claim)));
  try {
    await db.update(jobs).set({ status: 'queued', runAfter: retryAt, lastError: error, lockedUntil: null }).where(ours(claim));
  } catch (err) {
    // A deduplicated job whose twin was enqueued meanwhile: the twin runs, this one is done.
    if ((err as { code?: string }).code !== '23505' && (err as { cause?: { code?: string } }).cause?.code !== '23505') throw err;
    await db.update(jobs).set({ status: 'done', lastError: `${error}\n(superseded by a newer job)`, finishedAt: now, lockedUntil: null }).where(ours(claim));
  }
}

export type RunOptions = { leaseMs?: number; onError?: (err: unknown) => void };

/** Runs one ready job, if any, renewing its claim while it runs. Returns whether it found one. */
export async function runOne(db: Db, definitions: Array<JobDefinition<z.ZodType>>, now: () => Date, opts: RunOptions = {}): Promise<boolean> {
  const leaseMs = opts.leaseMs ?? DEFAULT_LEASE_MS;
  const job = await claimNext(db, definitions.map((d) => d.name), now(), leaseMs);
  if (!job) return false;
  const def = definitions.find((d) => d.name === job.name)!;
  const heartbeat = setInterval(() => {
    renewClaim(db, job, new Date(now().getTime() + leaseMs)).catch((err: unknown) => opts.onError?.(err));
  }, Math.max(10, Math.floor(leaseMs / 3)));
  try {
    const result = await def.handle(def.payload.parse(job.payload));
    clearInterval(heartbeat);
    if (result === 'done') await finish(db, job, now());
    else await failOrRetry(db, job, result.reason, job.attempts < def.maxAttempts ? new Date(now().getTime() + result.retryInMs) : null, now());
  } catch (err) {
    clearInterval(heartbeat);
    const backoff = 30_000 * 2 ** (job.attempts - 1);
    await failOrRetry(db, job, String((err as Error)?.stack ?? err).slice(0, 2000), job.attempts < def.maxAttempts ? new Date(now().getTime() + backoff) : null, now());
  }
  return true;
}

/** Polls for jobs until stopped; an empty queue waits `idleMs` before looking again. */
export function startWorker(db: Db, definitions: Array<JobDefinition<z.ZodType>>, now: () => Date, onError: (err: unknown) => void, idleMs = 2000, leaseMs = DEFAULT_LEASE_MS) {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  const loop = async () => {
    while (!stopped) {
      let found = false;
      try {
        found = await runOne(db, definitions, now, { leaseMs, onError });
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
