import { bigserial, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** One immutable record an audit event commits to: its kind (registry key), id and content hash. */
export type RecordCommitment = { kind: string; id: string; sha256: string };

// Append-only audit events. `seq` orders them; `contentHash` is the SHA-256 of the event's
// canonical JSON, computed at insert, so a later Merkle log (INT-1) can take each event as a
// leaf without rewriting a row. No code path updates or deletes a row of this table.
export const auditEvents = pgTable(
  'audit_events',
  {
    seq: bigserial('seq', { mode: 'number' }).primaryKey(),
    occurredAt: timestamp('occurred_at', { withTimezone: true, mode: 'date' }).notNull(),
    actorUserId: uuid('actor_user_id'),
    actorName: text('actor_name'),
    agencyId: uuid('agency_id'),
    action: text('action').notNull(),
    objectType: text('object_type').notNull(),
    objectId: text('object_id'),
    ip: text('ip'),
    userAgent: text('user_agent'),
    before: jsonb('before').$type<Record<string, unknown>>(),
    after: jsonb('after').$type<Record<string, unknown>>(),
    details: jsonb('details').$type<Record<string, unknown>>(),
    contentHash: text('content_hash').notNull(),
    // INT-1: the SHA-256 of each immutable record this event created or froze, so a later change
    // to the row is detectable from the log alone (src/domains/integrity/verify/record-commitments.ts).
    commitments: jsonb('commitments').$type<RecordCommitment[]>(),
  },
  (t) => [
    index('audit_events_agency_seq').on(t.agencyId, t.seq),
    index('audit_events_object').on(t.objectType, t.objectId),
    index('audit_events_actor').on(t.actorUserId),
    index('audit_events_action').on(t.action),
    index('audit_events_occurred').on(t.occurredAt),
  ],
);
