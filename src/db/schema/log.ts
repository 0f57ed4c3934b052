import { bigint, customType, integer, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';

// The Merkle log of audit events (INT-1, src/domains/integrity/log). Every table here is
// append-only (row triggers refuse UPDATE/DELETE, a statement trigger refuses TRUNCATE), except
// the `log_pending` queue, whose rows the integrator deletes once they are leaves.

/** A 32-byte hash; pg answers Buffer, PGlite Uint8Array: the code always sees a Buffer. */
const hash = customType<{ data: Buffer; driverData: Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (v) => (Buffer.isBuffer(v) ? v : Buffer.from(v)),
});

/** Events committed but not yet leaves: queued by a trigger on audit_events in the event's own transaction. */
export const logPending = pgTable('log_pending', {
  auditSeq: bigint('audit_seq', { mode: 'number' }).primaryKey(),
});

/** Leaf i is the RFC 6962 leaf hash of the canonical JSON of one audit event (leafDataOfEvent). */
export const logLeaves = pgTable('log_leaves', {
  leafIndex: bigint('leaf_index', { mode: 'number' }).primaryKey(),
  auditSeq: bigint('audit_seq', { mode: 'number' }).notNull().unique(),
  leafHash: hash('leaf_hash').notNull(),
  integratedAt: timestamp('integrated_at', { withTimezone: true, mode: 'date' }).notNull(),
});

/**
 * The hash of every complete subtree above the leaves: (level, idx) covers leaves
 * [idx·2^level, (idx+1)·2^level). A proof at any size reads O(log n) of these rows.
 */
export const logNodes = pgTable('log_nodes', {
  level: integer('level').notNull(),
  idx: bigint('idx', { mode: 'number' }).notNull(),
  hash: hash('hash').notNull(),
}, (t) => [primaryKey({ columns: [t.level, t.idx] })]);

/** Signed tree heads: the C2SP tlog-checkpoint note, signed with the log's Ed25519 key. */
export const logCheckpoints = pgTable('log_checkpoints', {
  treeSize: bigint('tree_size', { mode: 'number' }).primaryKey(),
  rootHash: hash('root_hash').notNull(),
  note: text('note').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
});
