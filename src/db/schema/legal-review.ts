import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { agencies } from './org.js';
import { documents } from './documents.js';
import { matters, matterSteps } from './matters.js';

const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

// REV-1: the agency's 重大执法决定目录清单 — criteria switched on or off, the amounts it sets —
// versioned like the policy profile (append-only; the newest version is in force).
export const majorDecisionLists = pgTable(
  'major_decision_lists',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    agencyId: uuid('agency_id').notNull().references(() => agencies.id),
    version: integer('version').notNull(),
    parameters: jsonb('parameters').notNull(),
    disabledCriteria: jsonb('disabled_criteria').$type<string[]>().notNull(),
    basis: text('basis').notNull(),
    createdAt: at('created_at').notNull(),
    createdByName: text('created_by_name'),
  },
  (t) => [uniqueIndex('major_decision_lists_agency_version').on(t.agencyId, t.version)],
);

// REV-2: "is it major?" for a matter, from its data and the handler's answers (append-only).
export const majorAssessments = pgTable(
  'major_assessments',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    matterId: uuid('matter_id').notNull().references(() => matters.id),
    facts: jsonb('facts').notNull(),
    answers: jsonb('answers').notNull(),
    result: jsonb('result').notNull(),
    major: text('major').notNull(),
    listVersion: integer('list_version').notNull(),
    createdAt: at('created_at').notNull(),
    createdByName: text('created_by_name'),
  },
  (t) => [index('major_assessments_matter').on(t.matterId, t.createdAt)],
);

// REV-3..6: one row per submission version; the materials are frozen when it is sent.
export const legalReviews = pgTable(
  'legal_reviews',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    agencyId: uuid('agency_id').notNull().references(() => agencies.id),
    matterId: uuid('matter_id').notNull().references(() => matters.id),
    submissionVersion: integer('submission_version').notNull(),
    status: text('status').notNull(),
    materials: jsonb('materials').notNull(),
    materialsHash: text('materials_hash').notNull(),
    receivedAt: at('received_at').notNull(),
    submittedByUserId: uuid('submitted_by_user_id'),
    submittedByName: text('submitted_by_name'),
    reviewerUserId: uuid('reviewer_user_id'),
    reviewerName: text('reviewer_name'),
    extensionApprovedAt: at('extension_approved_at'),
    extensionApprovedByName: text('extension_approved_by_name'),
    completedAt: at('completed_at'),
    points: jsonb('points'),
    failReasons: jsonb('fail_reasons').$type<string[]>(),
    explanation: text('explanation'),
    opinionDocumentId: uuid('opinion_document_id').references(() => documents.id),
    discussionStepId: uuid('discussion_step_id').references(() => matterSteps.id),
    discussionConclusion: text('discussion_conclusion'),
  },
  (t) => [uniqueIndex('legal_reviews_matter_version').on(t.matterId, t.submissionVersion), index('legal_reviews_agency_status').on(t.agencyId, t.status)],
);

// REV-4 第十条: the reviewer's requests for documents or explanations, and the handler's answers.
export const legalReviewMessages = pgTable(
  'legal_review_messages',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    reviewId: uuid('review_id').notNull().references(() => legalReviews.id),
    kind: text('kind').notNull(),
    text: text('text').notNull(),
    byUserId: uuid('by_user_id'),
    byName: text('by_name'),
    at: at('at').notNull(),
  },
  (t) => [index('legal_review_messages_review').on(t.reviewId, t.at)],
);
