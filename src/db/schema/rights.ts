import { sql } from 'drizzle-orm';
import { index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { avRecords } from './av.js';
import { documents } from './documents.js';
import { matterParties, matters } from './matters.js';

// 当事人权利 (CASE-8, CASE-9): one row per thing the party said or asked, or the agency decided on
// it — statements or a waiver, their 复核, hearing requests (accepted or refused: nothing a party
// asked is lost), hearing scheduled and held, 回避 requests and decisions, refusals to cooperate.
// Append-only (trigger in the migration): a correction is a new row. `relatedId` links a decision
// to what it decides on (a 复核 to its statement, a hearing held to its schedule). `kind` names the
// record (src/rules/rights/vocabulary.ts); `details` holds that kind's facts, checked by its route.
export const rightsRecords = pgTable(
  'rights_records',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    matterId: uuid('matter_id').notNull().references(() => matters.id),
    kind: text('kind').notNull(),
    partyId: uuid('party_id').references(() => matterParties.id),
    relatedId: uuid('related_id'),
    occurredAt: timestamp('occurred_at', { withTimezone: true, mode: 'date' }).notNull(),
    /** The Shanghai day that counts (a posted request: the posting day). */
    occurredDay: text('occurred_day').notNull(),
    documentId: uuid('document_id').references(() => documents.id),
    avRecordId: uuid('av_record_id').references(() => avRecords.id),
    /** The decision where there is one: accepted/refused, adopted/partly/not_adopted, granted/refused. */
    outcome: text('outcome'),
    details: jsonb('details').notNull(),
    recordedAt: timestamp('recorded_at', { withTimezone: true, mode: 'date' }).notNull(),
    recordedByUserId: uuid('recorded_by_user_id'),
    recordedByName: text('recorded_by_name'),
  },
  (t) => [index('rights_records_matter').on(t.matterId, t.occurredAt)],
);
