import type { FastifyBaseLogger } from 'fastify';
import type { AppContext } from '../../server/context.js';
import { agencies } from '../../db/schema/index.js';
import { reevaluateAgency } from './reevaluate.js';

/**
 * Time alone turns "due soon" into "late", so every process re-evaluates open matters
 * periodically. Storing is idempotent (one open row per finding key), so two processes doing
 * it at once agree; the interval is unref'd and never keeps the process alive.
 */
export function startFindingsScheduler(ctx: AppContext, log: FastifyBaseLogger, everyMs = 5 * 60_000) {
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      for (const a of await ctx.db.select({ id: agencies.id }).from(agencies)) {
        await reevaluateAgency(ctx.db, a.id, ctx.clock());
      }
    } catch (err) {
      log.error({ err }, 'findings re-evaluation failed');
    } finally {
      running = false;
    }
  };
  const timer = setInterval(tick, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
