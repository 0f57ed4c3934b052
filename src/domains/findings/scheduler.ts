import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { FastifyBaseLogger } from 'fastify';
import { agencies } from '../../db/schema/index.js';
import { extendLease, takeLease } from '../../jobs/lease.js';
import type { AppContext } from '../../server/context.js';
import { reevaluateAgency } from './reevaluate.js';

const SWEEP = 'findings.sweep';
export type SweepTiming = { everyMs: number; leaseMs: number };

/**
 * One sweep per period across all processes: the first process whose tick finds the lease free
 * takes it until the next period and re-evaluates every agency; the others skip this period. A
 * sweep that runs long keeps its lease alive, so no second sweep starts beside it, and a
 * process that dies mid-sweep holds it no longer than `leaseMs` past its last heartbeat.
 * Returns whether this process swept.
 */
export async function sweepFindingsOnce(ctx: AppContext, log: FastifyBaseLogger, holder: string, t: SweepTiming) {
  const start = ctx.clock();
  // A little short of the period, so the holder's own next tick finds it free again.
  const until = new Date(start.getTime() + t.everyMs - Math.min(1000, t.everyMs / 10));
  if (!(await takeLease(ctx.db, SWEEP, holder, start, until))) return false;
  const heartbeat = setInterval(() => {
    extendLease(ctx.db, SWEEP, holder, new Date(ctx.clock().getTime() + t.leaseMs)).catch((err: unknown) => log.error({ err }, 'findings sweep lease renewal failed'));
  }, Math.max(10, Math.floor(t.leaseMs / 3)));
  try {
    for (const a of await ctx.db.select({ id: agencies.id }).from(agencies)) {
      // One agency's failure is logged and the sweep goes on with the next.
      try {
        await reevaluateAgency(ctx.db, a.id, ctx.clock());
      } catch (err) {
        log.error({ err, agencyId: a.id }, 'findings re-evaluation failed');
      }
    }
  } finally {
    clearInterval(heartbeat);
  }
  return true;
}

/**
 * Time alone turns "due soon" into "late", so open matters are re-evaluated periodically. Every
 * process ticks; the lease makes one of them sweep. The interval is unref'd and never keeps the
 * process alive.
 */
export function startFindingsScheduler(ctx: AppContext, log: FastifyBaseLogger, t: SweepTiming) {
  const holder = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      await sweepFindingsOnce(ctx, log, holder, t);
    } catch (err) {
      log.error({ err }, 'findings sweep failed');
    } finally {
      running = false;
    }
  };
  const timer = setInterval(tick, t.everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
