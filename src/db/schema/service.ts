import { sql } from 'drizzle-orm';
import { index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { documents } from './documents.js';
import { matterParties, matters } from './matters.js';

// 送达 (SRV-1): one row per service of an issued document on a party. Append-only (trigger in the
// migration): a wrong record is followed by a new one, never changed. `servedDay` is the day the
// document counts as served (public notice: after the waiting period; post: the receipt's day),
// null while a posted document's receipt has not come back.
export const serviceRecords = pgTable(
  'service_records',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    matterId: uuid('matter_id').notNull().references(() => matters.id),
    documentId: uuid('document_id').notNull().references(() => documents.id),
    partyId: uuid('party_id').notNull().references(() => matterParties.id),
    method: text('method').notNull(),
    servedAt: timestamp('served_at', { withTimezone: true, mode: 'date' }).notNull(),
    servedDay: text('served_day'),
    place: text('place'),
    details: jsonb('details').notNull(),
    recordedAt: timestamp('recorded_at', { withTimezone: true, mode: 'date' }).notNull(),
    recordedByUserId: uuid('recorded_by_user_id'),
    recordedByName: text('recorded_by_name'),
  },
  (t) => [index('service_records_matter').on(t.matterId, t.servedAt)],
);
