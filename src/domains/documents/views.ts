import { z } from 'zod';
import { documentTypeSchema, SIGNER_ROLES, type SignerRole } from '../../rules/documents/document-type.js';
import { isoString, responseObject } from '../../shared/http-schemas.js';

// What the documents routes answer (the contract the web client is generated from).
const signerRoles = Object.keys(SIGNER_ROLES) as [SignerRole, ...SignerRole[]];
export const documentStatus = z.enum(['draft', 'issued']);

export const documentTypeView = documentTypeSchema.meta({ id: 'DocumentType' });
export const documentTypeDetailView = z
  .object({
    ...documentTypeSchema.shape,
    /** The type's own fields; `fields` adds the DOC-2 common ones the form also needs. */
    ownFields: documentTypeSchema.shape.fields,
    snippets: z.record(z.string(), z.array(z.string())),
  })
  .meta({ id: 'DocumentTypeDetail' });

export const documentView = responseObject({
  id: z.string(),
  matterId: z.string(),
  stepId: z.string().nullable(),
  typeId: z.string(),
  typeName: z.string(),
  lineageId: z.string(),
  version: z.number().int(),
  replacesId: z.string().nullable(),
  correctionReason: z.string().nullable(),
  number: z.string().nullable(),
  status: documentStatus,
  fields: z.record(z.string(), z.unknown()),
  contentHash: z.string().nullable(),
  createdAt: isoString,
  createdByUserId: z.string().nullable(),
  createdByName: z.string().nullable(),
  updatedAt: isoString,
  issuedAt: isoString.nullable(),
  issuedByName: z.string().nullable(),
}).meta({ id: 'Document' });

export const signatureView = responseObject({
  id: z.string(),
  documentId: z.string(),
  role: z.enum(signerRoles),
  signerName: z.string(),
  method: z.enum(['drawn', 'scanned', 'refused']),
  objectKey: z.string().nullable(),
  refusalReason: z.string().nullable(),
  witnessName: z.string().nullable(),
  signedAt: isoString,
  recordedByName: z.string().nullable(),
}).meta({ id: 'DocumentSignature' });

export const attachmentView = responseObject({
  id: z.string(),
  documentId: z.string(),
  kind: z.enum(['signed_scan', 'attachment']),
  objectKey: z.string(),
  fileName: z.string(),
  mediaType: z.string(),
  size: z.number().int(),
  addedAt: isoString,
  addedByName: z.string().nullable(),
}).meta({ id: 'DocumentAttachment' });

export const documentVersionView = responseObject({
  id: z.string(),
  version: z.number().int(),
  status: documentStatus,
  number: z.string().nullable(),
  correctionReason: z.string().nullable(),
  createdAt: isoString,
  issuedAt: isoString.nullable(),
}).meta({ id: 'DocumentVersion' });

export const documentDetailView = documentView
  .extend({ signatures: z.array(signatureView), attachments: z.array(attachmentView), versions: z.array(documentVersionView) })
  .meta({ id: 'DocumentDetail' });
