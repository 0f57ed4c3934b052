import { pgTable, text, timestamp } from 'drizzle-orm/pg-core';

// A named lease shared by all processes on one database (e.g. the periodic findings sweep): whoever
// sets `expiresAt` into the future holds it. A row, not an advisory lock, because PGlite has one
// connection and a lock held for a whole sweep would have to hold a transaction open on it.
export const leases = pgTable('leases', {
  name: text('name').primaryKey(),
  holder: text('holder').notNull(),
  expiresAt: timestamp('expires_at', { withTimezone: true, mode: 'date' }).notNull(),
});
