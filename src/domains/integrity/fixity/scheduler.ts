import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { FastifyBaseLogger } from 'fastify';
import { extendLease, takeLease } from '../../../jobs/lease.js';
import type { AppContext } from '../../../server/context.js';
import { recordAudit, systemActor } from '../../audit/record-audit.js';
import { logCheckFor } from '../verify/log-check.js';
import { fixityTick } from './fixity-tick.js';

// INT-3, once across processes: each period the first process whose tick finds the lease free
// does the work (as the findings sweep does, src/domains/findings/scheduler.ts) — a share of
// the objects re-hashed (LIUHEN_FIXITY_TICK_SECONDS, cycle LIUHEN_FIXITY_CYCLE_DAYS), and the
// Merkle log re-verified against its signed checkpoints (LIUHEN_LOG_CHECK_MINUTES).

type Work = { name: string; everyMs: number; run: () => Promise<void> };

/** Runs `work` if this holder takes its lease for this period; keeps the lease alive while it runs. */
export async function onceAcrossProcesses(ctx: AppContext, holder: string, leaseMs: number, work: Work) {
  const start = ctx.clock();
  const until = new Date(start.getTime() + work.everyMs - Math.min(1000, work.everyMs / 10));
  if (!(await takeLease(ctx.db, work.name, holder, start, until))) return false;
  const heartbeat = setInterval(() => void extendLease(ctx.db, work.name, holder, new Date(ctx.clock().getTime() + leaseMs)).catch(() => undefined), Math.max(10, Math.floor(leaseMs / 3)));
  try {
    await work.run();
  } finally {
    clearInterval(heartbeat);
  }
  return true;
}

export function integrityWork(ctx: AppContext, log: FastifyBaseLogger): Work[] {
  const { cycleDays, tickMs, logCheckMs } = ctx.config.fixity;
  return [
    {
      name: 'integrity.fixity',
      everyMs: tickMs,
      run: async () => {
        const r = await fixityTick(ctx.db, ctx.store, ctx.clock(), { cycleDays, tickMs });
        if (r.failed) log.error({ failed: r.failed, checked: r.checked }, 'fixity: originals missing, changed or unreadable');
      },
    },
    {
      name: 'integrity.log_check',
      everyMs: logCheckMs,
      run: async () => {
        const reports = await logCheckFor(ctx.config, { now: ctx.clock })(ctx.db);
        const found = reports.flatMap((r) => r.discrepancies);
        if (!found.length) return;
        log.error({ discrepancies: found.length }, 'log check: the Merkle log does not hold');
        await ctx.db.transaction((tx) => recordAudit(tx, systemActor('log-check'), { action: 'integrity.log_check_failed', agencyId: null, objectType: 'integrity', objectId: null, details: { discrepancies: found.length, first: found.slice(0, 20) } }, ctx.clock()));
      },
    },
  ];
}

/** Starts both periodic checks in this process; the intervals are unref'd. */
export function startIntegrityScheduler(ctx: AppContext, log: FastifyBaseLogger) {
  const holder = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  const timers = integrityWork(ctx, log).map((work) => {
    let running = false;
    const tick = async () => {
      if (running) return;
      running = true;
      try {
        await onceAcrossProcesses(ctx, holder, ctx.config.jobLeaseMs, work);
      } catch (err) {
        log.error({ err, work: work.name }, 'integrity check failed');
      } finally {
        running = false;
      }
    };
    const timer = setInterval(tick, work.everyMs);
    timer.unref();
    return timer;
  });
  return () => timers.forEach((t) => clearInterval(t));
}
