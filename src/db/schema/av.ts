import { sql } from 'drizzle-orm';
import { bigint, boolean, doublePrecision, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { agencies, officers } from './org.js';
import { matters, matterSteps } from './matters.js';

const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

// 音像记录 (AV-1): the original object is write-once (AV-3); this row describes it. Organising
// (AV-5) fills title, classification and description; every edit is audited.
export const avRecords = pgTable(
  'av_records',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    agencyId: uuid('agency_id').notNull().references(() => agencies.id),
    matterId: uuid('matter_id').references(() => matters.id),
    stepId: uuid('step_id').references(() => matterSteps.id),
    kind: text('kind').notNull(),
    objectKey: text('object_key').notNull(),
    size: bigint('size', { mode: 'number' }).notNull(),
    mediaType: text('media_type').notNull(),
    originalFileName: text('original_file_name'),
    deviceSerial: text('device_serial'),
    officerId: uuid('officer_id').references(() => officers.id),
    recordedBy: text('recorded_by').notNull().default('officer'),
    startedAt: at('started_at'),
    endedAt: at('ended_at'),
    place: text('place'),
    latitude: doublePrecision('latitude'),
    longitude: doublePrecision('longitude'),
    title: text('title'),
    classification: text('classification'),
    description: text('description'),
    keyPoints: jsonb('key_points').$type<string[]>().notNull().default([]),
    remoteWork: boolean('remote_work').notNull().default(false),
    returnedAt: at('returned_at'),
    exceptionApproved: boolean('exception_approved').notNull().default(false),
    lateReason: text('late_reason'),
    protocol: jsonb('protocol'),
    mediaFacts: jsonb('media_facts'),
    ingestedAt: at('ingested_at').notNull(),
    organisedAt: at('organised_at'),
    uploadId: text('upload_id'),
    createdByUserId: uuid('created_by_user_id'),
    updatedAt: at('updated_at').notNull(),
  },
  (t) => [index('av_records_agency').on(t.agencyId, t.ingestedAt), index('av_records_matter').on(t.matterId), index('av_records_object').on(t.objectKey)],
);

// Files derived from an original (thumbnail, poster, browser-playable copy): new objects, linked.
// One per (record, kind): a second run of the derive job keeps the first row and drops its own.
export const avDerivatives = pgTable(
  'av_derivatives',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    avRecordId: uuid('av_record_id').notNull().references(() => avRecords.id),
    kind: text('kind').notNull(),
    objectKey: text('object_key').notNull(),
    mediaType: text('media_type').notNull(),
    size: bigint('size', { mode: 'number' }).notNull(),
    createdAt: at('created_at').notNull(),
  },
  (t) => [uniqueIndex('av_derivatives_record_kind').on(t.avRecordId, t.kind)],
);

// AV-6, CHK-2: a moment of a recording marked for a key point ("宣读扣押决定书 03:12").
export const avBookmarks = pgTable(
  'av_bookmarks',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    avRecordId: uuid('av_record_id').notNull().references(() => avRecords.id),
    atSecond: integer('at_second').notNull(),
    keyPoint: text('key_point'),
    note: text('note'),
    createdAt: at('created_at').notNull(),
    createdByName: text('created_by_name'),
  },
  (t) => [index('av_bookmarks_record').on(t.avRecordId, t.atSecond)],
);

// AV-8: an interruption of recording with its cause, the statement on resuming, or the written
// explanation where it could not go on; a device failure is reported to the superior.
export const avInterruptions = pgTable(
  'av_interruptions',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    agencyId: uuid('agency_id').notNull().references(() => agencies.id),
    matterId: uuid('matter_id').references(() => matters.id),
    stepId: uuid('step_id').references(() => matterSteps.id),
    avRecordId: uuid('av_record_id').references(() => avRecords.id),
    cause: text('cause').notNull(),
    interruptedAt: at('interrupted_at').notNull(),
    resumedAt: at('resumed_at'),
    resumeStatement: text('resume_statement'),
    writtenExplanation: text('written_explanation'),
    reportedTo: text('reported_to'),
    createdAt: at('created_at').notNull(),
    createdByName: text('created_by_name'),
  },
  (t) => [index('av_interruptions_matter').on(t.matterId)],
);

// Resumable uploads (tus 1.0): what the server durably holds of each, so any process can resume it.
export const avUploads = pgTable(
  'av_uploads',
  {
    id: text('id').primaryKey(),
    agencyId: uuid('agency_id').notNull().references(() => agencies.id),
    userId: uuid('user_id').notNull(),
    size: bigint('size', { mode: 'number' }),
    offset: bigint('offset', { mode: 'number' }).notNull().default(0),
    metadata: jsonb('metadata').notNull(),
    declaredSha256: text('declared_sha256'),
    info: jsonb('info'),
    createdAt: at('created_at').notNull(),
    updatedAt: at('updated_at').notNull(),
    expiresAt: at('expires_at'),
    completedAt: at('completed_at'),
    avRecordId: uuid('av_record_id'),
    failure: text('failure'),
  },
  (t) => [index('av_uploads_agency').on(t.agencyId, t.createdAt)],
);

// A database-backed job queue (derived files, re-evaluation): claimed with SKIP LOCKED so any
// number of processes share it; retried with back-off; never lost on restart.
export const jobs = pgTable(
  'jobs',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    name: text('name').notNull(),
    payload: jsonb('payload').notNull(),
    status: text('status').notNull().default('queued'),
    attempts: integer('attempts').notNull().default(0),
    runAfter: at('run_after').notNull(),
    lockedUntil: at('locked_until'),
    lastError: text('last_error'),
    createdAt: at('created_at').notNull(),
    finishedAt: at('finished_at'),
    /** Jobs with the same name and key are one job while queued (e.g. one re-evaluation per matter). */
    dedupeKey: text('dedupe_key'),
  },
  (t) => [index('jobs_ready').on(t.status, t.runAfter), uniqueIndex('jobs_queued_once').on(t.name, t.dedupeKey).where(sql`status = 'queued' and dedupe_key is not null`)],
);
