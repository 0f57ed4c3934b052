import { sql } from 'drizzle-orm';
import { bigint, bigserial, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { agencies } from './org.js';

const createdAt = timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull();

// An agency's policy profile (POL-1), append-only: each choice or adjustment is a new version
// holding the whole resolved profile, so a finding can always name the exact version it used.
export const agencyPolicyVersions = pgTable(
  'agency_policy_versions',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    agencyId: uuid('agency_id').notNull().references(() => agencies.id),
    version: integer('version').notNull(),
    builtInProfileId: text('built_in_profile_id').notNull(),
    profile: jsonb('profile').notNull(),
    basis: text('basis').notNull(),
    createdAt,
    createdByUserId: uuid('created_by_user_id'),
    createdByName: text('created_by_name'),
  },
  (t) => [uniqueIndex('agency_policy_versions_agency_version').on(t.agencyId, t.version)],
);

// The State Council's holiday notice for a year as entered by an administrator (CAL-1),
// append-only: the newest row of a year is in force.
export const calendarNotices = pgTable(
  'calendar_notices',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    // Orders notices entered at the same instant; the highest of a year is in force.
    seq: bigserial('seq', { mode: 'number' }).notNull(),
    year: integer('year').notNull(),
    notice: jsonb('notice').notNull(),
    basis: text('basis').notNull(),
    createdAt,
    createdByUserId: uuid('created_by_user_id'),
    createdByName: text('created_by_name'),
  },
  (t) => [index('calendar_notices_year').on(t.year, t.seq)],
);

// Findings (SUP-2): one row per rule broken or at risk, kept current by re-evaluation. A row
// is never deleted; when its rule stops firing it is resolved. One open row per key.
export const findings = pgTable(
  'findings',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    agencyId: uuid('agency_id').notNull().references(() => agencies.id),
    matterId: text('matter_id').notNull(),
    key: text('key').notNull(),
    kind: text('kind').notNull(),
    requirement: text('requirement').notNull(),
    state: text('state').notNull(),
    severity: text('severity').notNull(),
    objectType: text('object_type').notNull(),
    objectId: text('object_id').notNull(),
    unitId: uuid('unit_id'),
    officerIds: jsonb('officer_ids').$type<string[]>().notNull().default([]),
    dueAt: timestamp('due_at', { withTimezone: true, mode: 'date' }),
    lateByMs: bigint('late_by_ms', { mode: 'number' }),
    rule: jsonb('rule').notNull(),
    detail: jsonb('detail').notNull(),
    summary: text('summary').notNull(),
    firstSeenAt: timestamp('first_seen_at', { withTimezone: true, mode: 'date' }).notNull(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true, mode: 'date' }).notNull(),
    resolvedAt: timestamp('resolved_at', { withTimezone: true, mode: 'date' }),
    resolution: text('resolution'),
  },
  (t) => [
    uniqueIndex('findings_open_key').on(t.agencyId, t.key).where(sql`resolved_at is null`),
    index('findings_agency_open').on(t.agencyId, t.resolvedAt, t.firstSeenAt),
    index('findings_matter').on(t.matterId),
  ],
);
