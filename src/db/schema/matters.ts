import { sql } from 'drizzle-orm';
import { boolean, date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { agencies, officers, units } from './org.js';

const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

// 执法事项 / 案件 (CASE-1..3). `phase` and `status` are derived from its steps and kept here
// for search; the steps are the record.
export const matters = pgTable(
  'matters',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    agencyId: uuid('agency_id').notNull().references(() => agencies.id),
    unitId: uuid('unit_id').references(() => units.id),
    number: text('number').notNull(),
    category: text('category').notNull(),
    startRoute: text('start_route').notNull(),
    title: text('title').notNull(),
    source: text('source'),
    summary: text('summary'),
    originMatterId: uuid('origin_matter_id'),
    phase: text('phase').notNull(),
    status: text('status').notNull(),
    emergencyStartedAt: at('emergency_started_at'),
    retroReportedAt: at('retro_reported_at'),
    endedAt: at('ended_at'),
    archivedAt: at('archived_at'),
    createdAt: at('created_at').notNull(),
    createdByUserId: uuid('created_by_user_id'),
    updatedAt: at('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('matters_agency_number').on(t.agencyId, t.number),
    index('matters_agency_created').on(t.agencyId, t.createdAt),
    index('matters_agency_phase').on(t.agencyId, t.phase, t.createdAt),
    index('matters_agency_category').on(t.agencyId, t.category, t.createdAt),
    index('matters_agency_category_phase').on(t.agencyId, t.category, t.phase, t.createdAt),
    index('matters_agency_status').on(t.agencyId, t.status, t.createdAt),
    index('matters_unit').on(t.unitId, t.createdAt),
  ],
);

// Per agency, category and year: the next number of the agency's numbering rule.
export const matterNumberCounters = pgTable(
  'matter_number_counters',
  { agencyId: uuid('agency_id').notNull(), category: text('category').notNull(), year: integer('year').notNull(), last: integer('last').notNull() },
  (t) => [primaryKey({ columns: [t.agencyId, t.category, t.year] })],
);

// 当事人: natural or legal persons, with 统一社会信用代码 or ID number.
export const matterParties = pgTable(
  'matter_parties',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    matterId: uuid('matter_id').notNull().references(() => matters.id),
    kind: text('kind').notNull(),
    name: text('name').notNull(),
    idType: text('id_type').notNull(),
    idNumber: text('id_number').notNull(),
    address: text('address'),
    phone: text('phone'),
    legalRepresentative: text('legal_representative'),
    // As the 执法文书 forms record a party (issue 12); all optional, older rows have none.
    gender: text('gender'),
    birthDate: date('birth_date', { mode: 'string' }),
    age: integer('age'),
    occupation: text('occupation'),
    employer: text('employer'),
    postcode: text('postcode'),
    legalRepresentativeTitle: text('legal_representative_title'),
    licenceName: text('licence_name'),
    licenceNumber: text('licence_number'),
    tradeName: text('trade_name'),
    operatorName: text('operator_name'),
  },
  (t) => [index('matter_parties_matter').on(t.matterId), index('matter_parties_name').on(t.name), index('matter_parties_id_number').on(t.idNumber)],
);

// 承办人员 of the matter (ORG-2).
export const matterOfficers = pgTable(
  'matter_officers',
  {
    matterId: uuid('matter_id').notNull().references(() => matters.id),
    officerId: uuid('officer_id').notNull().references(() => officers.id),
    lead: boolean('lead').notNull().default(false),
  },
  (t) => [primaryKey({ columns: [t.matterId, t.officerId] }), index('matter_officers_officer').on(t.officerId)],
);

// A recorded step (activity) of a matter. Steps that need approval are `pending` until the
// approver approves them; a return sends them back to the handler.
export const matterSteps = pgTable(
  'matter_steps',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    matterId: uuid('matter_id').notNull().references(() => matters.id),
    step: text('step').notNull(),
    phase: text('phase').notNull(),
    status: text('status').notNull(),
    approvalStage: text('approval_stage'),
    occurredAt: at('occurred_at').notNull(),
    place: text('place'),
    note: text('note'),
    officerIds: jsonb('officer_ids').$type<string[]>().notNull(),
    avConditionApplies: boolean('av_condition_applies'),
    avOmission: jsonb('av_omission'),
    details: jsonb('details'),
    recordedAt: at('recorded_at').notNull(),
    recordedByUserId: uuid('recorded_by_user_id'),
    recordedByName: text('recorded_by_name'),
  },
  (t) => [index('matter_steps_matter').on(t.matterId, t.occurredAt), index('matter_steps_pending').on(t.status, t.approvalStage)],
);

// CASE-4: every submission, review, approval and return, kept; never overwritten.
export const stepApprovals = pgTable(
  'step_approvals',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    matterId: uuid('matter_id').notNull().references(() => matters.id),
    stepId: uuid('step_id').notNull().references(() => matterSteps.id),
    stage: text('stage').notNull(),
    decision: text('decision').notNull(),
    opinion: text('opinion').notNull(),
    signatureKey: text('signature_key'),
    actorUserId: uuid('actor_user_id'),
    actorName: text('actor_name').notNull(),
    at: at('at').notNull(),
  },
  (t) => [index('step_approvals_step').on(t.stepId, t.at), index('step_approvals_matter').on(t.matterId, t.at)],
);
