import { index, pgTable, timestamp, uuid } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { avRecords } from './av.js';
import { users } from './org.js';

const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

// A viewing (播放会话, INT-1): the web player opens one before it streams a record, and that
// opening is the one `av.played` event; the many Range requests of the same viewing write none.
// Kept in the database, not in memory, so a viewing opened on one app process holds on another.
// Rows are never changed; an expired one is simply no longer honoured.
export const avViewings = pgTable(
  'av_viewings',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    avRecordId: uuid('av_record_id').notNull().references(() => avRecords.id),
    userId: uuid('user_id').notNull().references(() => users.id),
    openedAt: at('opened_at').notNull(),
    expiresAt: at('expires_at').notNull(),
  },
  (t) => [index('av_viewings_record').on(t.avRecordId)],
);
