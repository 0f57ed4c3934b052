import { z } from 'zod';
import { isoString, responseObject } from '../../shared/http-schemas.js';

// What the rights routes answer. `details` carries the kind's own facts (all optional here: which
// are present depends on `kind`); the web app labels them from src/rules/rights/vocabulary.ts.
export const rightsDetailsView = responseObject({
  waived: z.boolean().optional(),
  form: z.string().optional(),
  content: z.string().nullable().optional(),
  reasons: z.string().nullable().optional(),
  channel: z.string().optional(),
  due: z.string().optional(),
  noticeServedDay: z.string().optional(),
  reason: z.string().nullable().optional(),
  scheduledAt: z.string().optional(),
  place: z.string().optional(),
  hostOfficerId: z.string().nullable().optional(),
  hostName: z.string().optional(),
  public: z.boolean().optional(),
  noticeServedOn: z.string().nullable().optional(),
  attendees: z.string().optional(),
  summary: z.string().optional(),
  officerId: z.string().nullable().optional(),
  against: z.string().optional(),
  decidedBy: z.string().optional(),
  what: z.string().optional(),
  witnessName: z.string().nullable().optional(),
});

export const rightsRecordView = responseObject({
  id: z.string(),
  matterId: z.string(),
  kind: z.string(),
  kindLabel: z.string(),
  partyId: z.string().nullable(),
  partyName: z.string().nullable(),
  relatedId: z.string().nullable(),
  occurredAt: isoString,
  occurredDay: z.string(),
  documentId: z.string().nullable(),
  documentLabel: z.string().nullable(),
  avRecordId: z.string().nullable(),
  outcome: z.string().nullable(),
  outcomeLabel: z.string().nullable(),
  details: rightsDetailsView,
  recordedAt: isoString,
  recordedByName: z.string().nullable(),
}).meta({ id: 'RightsRecord' });

export const hearingWindowView = responseObject({
  partyId: z.string(),
  partyName: z.string(),
  noticeDocumentId: z.string(),
  noticeNumber: z.string().nullable(),
  servedDay: z.string(),
  due: z.string(),
  state: z.enum(['open', 'expired', 'requested']),
  stateLabel: z.string(),
}).meta({ id: 'HearingWindow' });

export const rightsOverviewView = responseObject({
  /** Parties on whom no 行政处罚事先告知书 has been served yet. */
  partiesNotServed: z.array(z.object({ partyId: z.string(), partyName: z.string() })),
  windows: z.array(hearingWindowView),
  records: z.array(rightsRecordView),
}).meta({ id: 'RightsOverview' });
