// Shapes of the matters, approvals and documents API (issue 4; see /api/openapi.json and
// src/domains/matters, src/domains/documents). Times are ISO 8601 strings in UTC.
import type { DocumentType, FieldDefinition, ColumnDefinition, SignerRole } from '../../../src/rules/documents/document-type.js';
import type { EvidenceRefValue, ItemRowValue, LawBasisValue, OfficerValue, PartyValue } from '../../../src/rules/documents/field-values.js';
import type { Phase, StartRoute } from '../../../src/rules/matters/phases.js';
import type { EnforcementCategory } from '../../../src/rules/profiles/vocabulary.js';
import type { paths, Schemas } from './typed-client.js';

export type { ColumnDefinition, EnforcementCategory, EvidenceRefValue, FieldDefinition, ItemRowValue, LawBasisValue, OfficerValue, PartyValue, Phase, SignerRole, StartRoute };

export type MatterStatus = 'open' | 'closed' | 'archived';
export type Matter = Schemas['Matter'];
/** `total` is given when the page reaches the end of the result; otherwise count separately. */
export type MatterPage = Schemas['MatterPage'];
export type MatterQuery = NonNullable<paths['/api/agencies/{agencyId}/matters']['get']['parameters']['query']>;

export type IdType = 'resident_id' | 'passport' | 'other_id' | 'uscc';
export type PartyInput = { kind: 'natural' | 'legal'; name: string; idType: IdType; idNumber: string; address?: string | null; phone?: string | null; legalRepresentative?: string | null };
export type Party = PartyInput & { id: string; matterId: string };
export type MatterInput = {
  category: EnforcementCategory;
  startRoute: StartRoute;
  title: string;
  source?: string | null;
  summary?: string | null;
  unitId?: string | null;
  originMatterId?: string | null;
  parties: PartyInput[];
  officerIds: string[];
};

export type StepStatus = 'done' | 'pending' | 'approved' | 'returned';
export type Step = {
  id: string;
  matterId: string;
  step: string;
  label: string;
  phase: Phase;
  status: StepStatus;
  approvalStage: 'review' | 'approve' | null;
  occurredAt: string;
  place: string | null;
  note: string | null;
  officerIds: string[];
  recordedAt: string;
  recordedByName: string | null;
};
export type NextStep = { step: string; label: string; phase: Phase; approval: boolean };
export type MatterOfficer = { id: string; name: string; certificateNo: string; lead: boolean };
export type MatterDetail = { matter: Matter; parties: Party[]; officers: MatterOfficer[]; steps: Step[]; nextSteps: NextStep[] };
export type StepInput = { step: string; occurredAt: string; place?: string | null; note?: string | null; officerIds?: string[] };
export type Decision = { decision: 'approve' | 'return'; opinion: string; signatureDataUrl?: string | null };
export type QueueItem = { step: Step; matter: Pick<Matter, 'id' | 'number' | 'title' | 'category'> };

export type TimelineKind = TimelineEntry['kind'];
export type TimelineEntry = Schemas['TimelineEntry'];
export type Timeline = Schemas['Timeline'];

export type DocType = DocumentType & { ownFields?: FieldDefinition[]; snippets?: Record<string, string[]> };
export type DocStatus = 'draft' | 'issued';
export type DocFields = Record<string, unknown>;
export type Doc = {
  id: string;
  matterId: string;
  stepId: string | null;
  typeId: string;
  typeName: string;
  lineageId: string;
  version: number;
  replacesId: string | null;
  correctionReason: string | null;
  number: string | null;
  status: DocStatus;
  fields: DocFields;
  contentHash: string | null;
  createdAt: string;
  createdByName: string | null;
  updatedAt: string;
  issuedAt: string | null;
  issuedByName: string | null;
};
export type DocSignature = {
  id: string;
  role: SignerRole;
  signerName: string;
  method: 'drawn' | 'scanned' | 'refused';
  refusalReason: string | null;
  witnessName: string | null;
  signedAt: string;
  recordedByName: string | null;
};
export type DocAttachment = { id: string; kind: 'signed_scan' | 'attachment'; fileName: string; mediaType: string; size: number; addedAt: string; addedByName: string | null };
export type DocVersion = { id: string; version: number; status: DocStatus; number: string | null; correctionReason: string | null; createdAt: string; issuedAt: string | null };
export type DocDetail = Doc & { signatures: DocSignature[]; attachments: DocAttachment[]; versions: DocVersion[] };
export type SignatureInput = {
  role: SignerRole;
  signerName: string;
  method: 'drawn' | 'scanned' | 'refused';
  imageDataUrl?: string | null;
  refusalReason?: string | null;
  witnessName?: string | null;
};
