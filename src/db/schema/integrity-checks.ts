import { sql } from 'drizzle-orm';
import { bigint, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

// INT-3: when each stored object was last re-hashed and what was found. The scheduled fixity
// check takes the objects checked longest ago first, so every object is re-hashed within the cycle.
export const fixityChecks = pgTable(
  'fixity_checks',
  {
    objectKey: text('object_key').primaryKey(),
    checkedAt: at('checked_at').notNull(),
    /** 'ok' | 'changed' | 'missing' | 'unreadable' */
    outcome: text('outcome').notNull(),
    size: bigint('size', { mode: 'number' }),
    detail: text('detail'),
  },
  (t) => [index('fixity_checks_checked').on(t.checkedAt)],
);

// INT-2: a verify run started by a platform admin in the web app (run by the job queue); the
// latest one's report is what the integrity page shows.
export const verifyRuns = pgTable(
  'verify_runs',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    /** 'queued' | 'running' | 'done' | 'failed' */
    status: text('status').notNull(),
    requestedAt: at('requested_at').notNull(),
    requestedByName: text('requested_by_name'),
    finishedAt: at('finished_at'),
    report: jsonb('report'),
    failure: text('failure'),
  },
  (t) => [index('verify_runs_requested').on(t.requestedAt)],
);
