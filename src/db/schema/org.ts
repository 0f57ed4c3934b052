import { sql } from 'drizzle-orm';
import { bigint, boolean, check, date, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid, type AnyPgColumn } from 'drizzle-orm/pg-core';

const timestamps = {
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
};

// 执法机关/执法主体 (ORG-1). A 受委托组织 names the agency that delegated to it (S4 第二十四条).
export const agencies = pgTable('agencies', {
  id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
  code: text('code').notNull().unique(),
  name: text('name').notNull(),
  kind: text('kind').notNull(),
  delegatingAgencyId: uuid('delegating_agency_id').references((): AnyPgColumn => agencies.id),
  region: text('region'),
  // AV-2: the largest file one upload of this agency may declare; null = the platform's limit.
  avUploadMaxBytes: bigint('av_upload_max_bytes', { mode: 'number' }),
  ...timestamps,
});

// 科室 / 执法队
export const units = pgTable(
  'units',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    agencyId: uuid('agency_id').notNull().references(() => agencies.id),
    name: text('name').notNull(),
    kind: text('kind').notNull(),
    ...timestamps,
  },
  (t) => [uniqueIndex('units_agency_name').on(t.agencyId, t.name)],
);

// A person signs in with a password and holds roles. A service account (采集站账号) belongs to
// one agency, has no password and no roles, and acts only through API tokens that may ingest
// audio-visual records (auth/policy.ts) — so a station never borrows a person's identity.
export const userKinds = ['person', 'service'] as const;
export type UserKind = (typeof userKinds)[number];

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    username: text('username').notNull().unique(),
    displayName: text('display_name').notNull(),
    kind: text('kind', { enum: userKinds }).notNull().default('person'),
    // null exactly for service accounts (the check below): nothing to guess, nothing to sign in with.
    passwordHash: text('password_hash'),
    serviceAgencyId: uuid('service_agency_id').references(() => agencies.id),
    // The deployment's operator: creates agencies; has no rights inside an agency by itself.
    isPlatformAdmin: boolean('is_platform_admin').notNull().default(false),
    disabled: boolean('disabled').notNull().default(false),
    failedSignIns: integer('failed_sign_ins').notNull().default(0),
    lockedUntil: timestamp('locked_until', { withTimezone: true, mode: 'date' }),
    passwordChangedAt: timestamp('password_changed_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    ...timestamps,
  },
  (t) => [
    check(
      'users_kind_shape',
      sql`(${t.kind} = 'person' and ${t.passwordHash} is not null and ${t.serviceAgencyId} is null)
       or (${t.kind} = 'service' and ${t.passwordHash} is null and ${t.serviceAgencyId} is not null and not ${t.isPlatformAdmin})`,
    ),
    index('users_service_agency').on(t.serviceAgencyId),
  ],
);

// 执法人员 (ORG-2): certificate number and validity decide whether they may carry out enforcement.
export const officers = pgTable(
  'officers',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    agencyId: uuid('agency_id').notNull().references(() => agencies.id),
    unitId: uuid('unit_id').references(() => units.id),
    userId: uuid('user_id').references(() => users.id),
    name: text('name').notNull(),
    post: text('post').notNull(),
    certificateNo: text('certificate_no').notNull().unique(),
    certificateValidFrom: date('certificate_valid_from', { mode: 'string' }).notNull(),
    certificateValidTo: date('certificate_valid_to', { mode: 'string' }).notNull(),
    area: text('area').notNull(),
    active: boolean('active').notNull().default(true),
    ...timestamps,
  },
  (t) => [index('officers_agency').on(t.agencyId), index('officers_unit').on(t.unitId)],
);

// ORG-3: several roles per person per agency.
export const roleAssignments = pgTable(
  'role_assignments',
  {
    userId: uuid('user_id').notNull().references(() => users.id),
    agencyId: uuid('agency_id').notNull().references(() => agencies.id),
    role: text('role').notNull(),
    createdAt: timestamps.createdAt,
  },
  (t) => [primaryKey({ columns: [t.userId, t.agencyId, t.role] }), index('role_assignments_agency').on(t.agencyId)],
);
