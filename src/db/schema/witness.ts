import { sql } from 'drizzle-orm';
import { bigint, index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

// Witnesses of the Merkle log (INT-1): a supervising body (e.g. the city's justice bureau) runs
// `liuhen witness`, which cosigns each checkpoint it found consistent with the last one it saw
// (C2SP tlog-cosignature). Both tables are append-only (triggers in the migration): a registered
// key and a received cosignature are evidence of who vouched for which tree, and when.

export const witnesses = pgTable(
  'witnesses',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    /** The key name in its cosignatures, e.g. witness.nanyang.gov.cn/sfj. */
    name: text('name').notNull(),
    /** Its verifier key as registered: name+hex key ID+base64(0x04||Ed25519 public key). */
    verifierKey: text('verifier_key').notNull(),
    /** Who runs it, for people: 「南阳市司法局」. */
    label: text('label').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
    createdByUserId: uuid('created_by_user_id'),
    createdByName: text('created_by_name'),
  },
  (t) => [uniqueIndex('witnesses_name').on(t.name)],
);

export const logCosignatures = pgTable(
  'log_cosignatures',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    witnessId: uuid('witness_id').notNull().references(() => witnesses.id),
    treeSize: bigint('tree_size', { mode: 'number' }).notNull(),
    /** base64, as in the checkpoint. */
    rootHash: text('root_hash').notNull(),
    /** The checkpoint body the witness signed (origin, size, root, each line ending in \n). */
    checkpointBody: text('checkpoint_body').notNull(),
    /** The note signature line, `— <name> <base64>`, appended as is to the checkpoint note. */
    signatureLine: text('signature_line').notNull(),
    /** The time inside the cosignature (the witness's clock). */
    cosignedAt: timestamp('cosigned_at', { withTimezone: true, mode: 'date' }).notNull(),
    receivedAt: timestamp('received_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [uniqueIndex('log_cosignatures_signature').on(t.signatureLine), index('log_cosignatures_tree').on(t.treeSize, t.receivedAt)],
);
