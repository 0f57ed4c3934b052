import type { FastifyBaseLogger } from 'fastify';
import type { AppContext } from '../../../server/context.js';
import { makeCheckpoint } from './checkpoint.js';
import { integratePending } from './integrator.js';
import { logSigner } from './signing-key.js';

/**
 * Every process ticks (LIUHEN_LOG_INTEGRATE_MS); the log's advisory lock makes one of them append
 * at a time, and the others' ticks return at once. After integrating, a checkpoint is signed when
 * the tree grew and the last one is older than LIUHEN_CHECKPOINT_SECONDS. The interval is unref'd.
 */
export function startLogIntegrator(ctx: AppContext, log: FastifyBaseLogger) {
  const signer = logSigner(ctx.config);
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      await integratePending(ctx.db, { now: ctx.clock });
      await makeCheckpoint(ctx.db, signer, { now: ctx.clock(), minAgeMs: ctx.config.log.checkpointMs });
    } catch (err) {
      log.error({ err }, 'log integration failed');
    } finally {
      running = false;
    }
  };
  const timer = setInterval(tick, ctx.config.log.integrateMs);
  timer.unref();
  return () => clearInterval(timer);
}
