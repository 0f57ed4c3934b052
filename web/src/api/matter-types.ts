// Shapes of the matters, approvals and documents API (issue 4; see /api/openapi.json and
// src/domains/matters, src/domains/documents). Times are ISO 8601 strings in UTC.
import type { DocumentType, FieldDefinition, ColumnDefinition, SignerRole } from '../../../src/rules/documents/document-type.js';
import type { EvidenceRefValue, ItemRowValue, LawBasisValue, OfficerValue, PartyValue } from '../../../src/rules/documents/field-values.js';
import type { Phase, StartRoute } from '../../../src/rules/matters/phases.js';
import type { EnforcementCategory } from '../../../src/rules/profiles/vocabulary.js';
import type { paths, Schemas, Body } from './typed-client.js';

export type { ColumnDefinition, EnforcementCategory, EvidenceRefValue, FieldDefinition, ItemRowValue, LawBasisValue, OfficerValue, PartyValue, Phase, SignerRole, StartRoute };

export type MatterStatus = 'open' | 'closed' | 'archived';
export type Matter = Schemas['Matter'];
/** `total` is given when the page reaches the end of the result; otherwise count separately. */
export type MatterPage = Schemas['MatterPage'];
export type MatterQuery = NonNullable<paths['/api/agencies/{agencyId}/matters']['get']['parameters']['query']>;

const STEP = '/api/agencies/{agencyId}/matters/{matterId}/steps';

export type MatterInput = Body<'/api/agencies/{agencyId}/matters', 'post'>;
export type PartyInput = NonNullable<MatterInput['parties']>[number];
export type IdType = PartyInput['idType'];
export type Party = Schemas['Party'];

export type Step = Schemas['Step'];
export type StepStatus = Step['status'];
export type NextStep = Schemas['NextStep'];
export type MatterOfficer = Schemas['MatterOfficer'];
export type MatterDetail = Schemas['MatterDetail'];
export type StepInput = Body<typeof STEP, 'post'>;
export type Decision = Body<`${typeof STEP}/{stepId}/decision`, 'post'>;
export type QueueItem = Schemas['QueueItem'];

export type TimelineKind = TimelineEntry['kind'];
export type TimelineEntry = Schemas['TimelineEntry'];
export type Timeline = Schemas['Timeline'];

export type DocType = DocumentType & { ownFields?: FieldDefinition[]; snippets?: Record<string, string[]> };
export type DocFields = Record<string, unknown>;
export type Doc = Schemas['Document'];
export type DocStatus = Doc['status'];
export type DocSignature = Schemas['DocumentSignature'];
export type DocAttachment = Schemas['DocumentAttachment'];
export type DocVersion = Schemas['DocumentVersion'];
export type DocDetail = Schemas['DocumentDetail'];
export type SignatureInput = Body<'/api/agencies/{agencyId}/documents/{documentId}/signatures', 'post'>;
