import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { matters, matterSteps } from './matters.js';

const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

// 执法文书 (DOC-1..5). A draft row changes freely; once issued its fields never change again:
// a correction is a new row naming the one it replaces (DOC-4). `contentHash` is fixed at issue.
export const documents = pgTable(
  'documents',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    matterId: uuid('matter_id').notNull().references(() => matters.id),
    stepId: uuid('step_id').references(() => matterSteps.id),
    typeId: text('type_id').notNull(),
    lineageId: uuid('lineage_id').notNull(),
    version: integer('version').notNull(),
    replacesId: uuid('replaces_id'),
    correctionReason: text('correction_reason'),
    number: text('number'),
    status: text('status').notNull(),
    fields: jsonb('fields').notNull(),
    contentHash: text('content_hash'),
    createdAt: at('created_at').notNull(),
    createdByUserId: uuid('created_by_user_id'),
    createdByName: text('created_by_name'),
    updatedAt: at('updated_at').notNull(),
    issuedAt: at('issued_at'),
    issuedByName: text('issued_by_name'),
  },
  (t) => [index('documents_matter').on(t.matterId, t.createdAt), uniqueIndex('documents_lineage_version').on(t.lineageId, t.version)],
);

// DOC-3: a signature drawn on screen or scanned (an object in the store), or a refusal with
// its reason and witness.
export const documentSignatures = pgTable(
  'document_signatures',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    documentId: uuid('document_id').notNull().references(() => documents.id),
    role: text('role').notNull(),
    signerName: text('signer_name').notNull(),
    method: text('method').notNull(),
    objectKey: text('object_key'),
    refusalReason: text('refusal_reason'),
    witnessName: text('witness_name'),
    signedAt: at('signed_at').notNull(),
    recordedByName: text('recorded_by_name'),
  },
  (t) => [index('document_signatures_document').on(t.documentId)],
);

// DOC-5: scans of the signed paper and other attachments, as objects in the store.
export const documentAttachments = pgTable(
  'document_attachments',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    documentId: uuid('document_id').notNull().references(() => documents.id),
    kind: text('kind').notNull(),
    objectKey: text('object_key').notNull(),
    fileName: text('file_name').notNull(),
    mediaType: text('media_type').notNull(),
    size: integer('size').notNull(),
    addedAt: at('added_at').notNull(),
    addedByName: text('added_by_name'),
  },
  (t) => [index('document_attachments_document').on(t.documentId)],
);
