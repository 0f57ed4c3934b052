import { sql } from 'drizzle-orm';
import { bigint, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { matterParties, matters } from './matters.js';

// 罚款缴纳 (CASE-11): one row per payment the party made on the matter's fine or its 加处罚款,
// as the receipt (票据) shows it. Append-only (trigger in the migration): a wrong entry is
// followed by a correcting one, never changed. Money is integer 分.
export const payments = pgTable(
  'payments',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    matterId: uuid('matter_id').notNull().references(() => matters.id),
    partyId: uuid('party_id').notNull().references(() => matterParties.id),
    /** The 行政处罚决定书 whose fine this pays. */
    documentId: uuid('document_id').notNull(),
    amountFen: bigint('amount_fen', { mode: 'number' }).notNull(),
    /** YYYY-MM-DD, Asia/Shanghai, as on the receipt. */
    paidOn: text('paid_on').notNull(),
    receiptNumber: text('receipt_number').notNull(),
    /** bank | electronic | on_the_spot */
    method: text('method').notNull(),
    /** fine | surcharge */
    purpose: text('purpose').notNull(),
    note: text('note'),
    recordedAt: timestamp('recorded_at', { withTimezone: true, mode: 'date' }).notNull(),
    recordedByUserId: uuid('recorded_by_user_id'),
    recordedByName: text('recorded_by_name'),
  },
  (t) => [index('payments_matter').on(t.matterId, t.paidOn)],
);
