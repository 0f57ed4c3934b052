import { z } from 'zod';
import { PHASE_ORDER, START_ROUTES, type Phase, type StartRoute } from '../../rules/matters/phases.js';
import { CATEGORY_IDS } from '../../rules/profiles/vocabulary.js';
import { PARTY_KIND_IDS } from '../../rules/matters/party.js';
import { isoString, responseObject } from '../../shared/http-schemas.js';
import { fieldDefinitionSchema } from '../../rules/documents/document-type.js';

// What the matters routes answer (the contract the web client is generated from).
export const phaseView = z.enum(PHASE_ORDER as [Phase, ...Phase[]]);
const startRoutes = Object.keys(START_ROUTES) as [StartRoute, ...StartRoute[]];

export const matterView = responseObject({
  id: z.string(),
  number: z.string(),
  category: z.enum(CATEGORY_IDS),
  startRoute: z.enum(startRoutes),
  title: z.string(),
  source: z.string().nullable(),
  summary: z.string().nullable(),
  unitId: z.string().nullable(),
  unitName: z.string().nullable(),
  originMatterId: z.string().nullable(),
  phase: phaseView,
  status: z.enum(['open', 'closed', 'archived']),
  emergencyStartedAt: isoString.nullable(),
  retroReportedAt: isoString.nullable(),
  endedAt: isoString.nullable(),
  archivedAt: isoString.nullable(),
  createdAt: isoString,
  updatedAt: isoString,
}).meta({ id: 'Matter' });

export const matterPageView = responseObject({
  items: z.array(matterView),
  total: z.number().int().nullable(),
  hasMore: z.boolean(),
  page: z.number().int(),
  pageSize: z.number().int(),
}).meta({ id: 'MatterPage' });

export const partyView = responseObject({
  id: z.string(),
  matterId: z.string(),
  kind: z.enum(PARTY_KIND_IDS),
  name: z.string(),
  idType: z.enum(['resident_id', 'passport', 'other_id', 'uscc']),
  idNumber: z.string(),
  address: z.string().nullable(),
  postcode: z.string().nullable(),
  phone: z.string().nullable(),
  gender: z.enum(['male', 'female']).nullable(),
  birthDate: z.string().nullable(),
  age: z.number().int().nullable(),
  occupation: z.string().nullable(),
  employer: z.string().nullable(),
  legalRepresentative: z.string().nullable(),
  legalRepresentativeTitle: z.string().nullable(),
  licenceName: z.string().nullable(),
  licenceNumber: z.string().nullable(),
  tradeName: z.string().nullable(),
  operatorName: z.string().nullable(),
}).meta({ id: 'Party' });

export const stepView = responseObject({
  id: z.string(),
  matterId: z.string(),
  step: z.string(),
  label: z.string(),
  phase: phaseView,
  status: z.enum(['done', 'pending', 'approved', 'returned']),
  approvalStage: z.enum(['review', 'approve']).nullable(),
  occurredAt: isoString,
  place: z.string().nullable(),
  note: z.string().nullable(),
  officerIds: z.array(z.string()),
  avConditionApplies: z.boolean().nullable(),
  avOmission: z.record(z.string(), z.unknown()).nullable(),
  details: z.record(z.string(), z.unknown()).nullable(),
  recordedAt: isoString,
  recordedByUserId: z.string().nullable(),
  recordedByName: z.string().nullable(),
}).meta({ id: 'Step' });

export const approvalView = responseObject({
  id: z.string(),
  stage: z.enum(['submit', 'review', 'approve']),
  decision: z.enum(['submitted', 'approved', 'returned']),
  opinion: z.string(),
  actorName: z.string(),
  at: isoString,
  signed: z.boolean(),
}).meta({ id: 'StepApproval' });

export const matterDetailView = responseObject({
  matter: matterView,
  parties: z.array(partyView),
  officers: z.array(responseObject({ id: z.string(), name: z.string(), certificateNo: z.string(), lead: z.boolean() }).meta({ id: 'MatterOfficer' })),
  steps: z.array(stepView.extend({ approvals: z.array(approvalView) })),
  nextSteps: z.array(responseObject({ step: z.string(), label: z.string(), phase: phaseView, approval: z.boolean(), investigative: z.boolean(), fields: z.array(fieldDefinitionSchema), factsSource: z.string().nullable(), avCondition: z.string().nullable() }).meta({ id: 'NextStep' })),
}).meta({ id: 'MatterDetail' });

export const timelineView = responseObject({
  matterId: z.string(),
  number: z.string(),
  entries: z.array(
    responseObject({
      at: isoString,
      kind: z.enum(['matter', 'step', 'approval', 'document', 'signature', 'finding', 'av', 'interruption', 'legal_review']),
      phase: phaseView.nullable(),
      title: z.string(),
      actor: z.string().nullable(),
      stepId: z.string().nullable(),
      objectId: z.string(),
      // Each kind carries its own facts (a step's status, a document's number…), shown as given.
      detail: z.record(z.string(), z.unknown()),
    }).meta({ id: 'TimelineEntry' }),
  ),
}).meta({ id: 'Timeline' });

export const queueItemView = responseObject({
  step: stepView,
  matter: responseObject({ id: z.string(), number: z.string(), title: z.string(), category: z.enum(CATEGORY_IDS) }),
}).meta({ id: 'QueueItem' });

export const matterDeadlineView = responseObject({
  key: z.string(),
  ruleKey: z.string(),
  name: z.string(),
  act: z.string(),
  actor: z.enum(['party', 'agency']),
  subject: z.string().nullable(),
  startsAt: z.string(),
  startedOn: z.string(),
  due: z.string(),
  doneOn: z.string().nullable(),
  state: z.enum(['running', 'met', 'met_late', 'overdue']),
  blocksClosing: z.boolean(),
  basis: z.string(),
  quote: z.string(),
}).meta({ id: 'MatterDeadline' });
