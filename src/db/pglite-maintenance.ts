import { sql } from 'drizzle-orm';
import type { Db } from './client.js';

const hour = 3_600_000;

/**
 * PGlite runs no autovacuum daemon, so its planner statistics never refresh by themselves: after
 * a large import every estimate is wrong (100,000 matters estimated as 238) and searches take the
 * wrong plan (1.1 s instead of 10 ms). A PGlite process therefore analyzes soon after it starts
 * and every hour. PostgreSQL's autovacuum does this on its own.
 */
export function startPgliteMaintenance(db: Db, onError: (err: unknown) => void, opts: { firstAfterMs?: number; everyMs?: number } = {}) {
  const analyze = () => db.execute(sql`analyze`).then(() => undefined, onError);
  const first = setTimeout(analyze, opts.firstAfterMs ?? 5_000).unref();
  const every = setInterval(analyze, opts.everyMs ?? hour).unref();
  return () => {
    clearTimeout(first);
    clearInterval(every);
  };
}
