import type { DocumentType } from '../document-type.js';
import { archiveDocuments } from './archive.js';
import { closingDocuments } from './closing.js';
import { coercionDocuments } from './coercion.js';
import { decisionDocuments } from './decisions.js';
import { followUpDocuments } from './follow-up.js';
import { hearingDocuments } from './hearings.js';
import { investigationDocuments } from './investigation.js';
import { noticeDocuments } from './notices.js';
import { reviewDocuments } from './review.js';
import { serviceDocuments } from './service-docs.js';
import { startDocuments } from './start.js';

/** The built-in catalogue of 执法文书 (DOC-1), in the order of the five phases. */
export const documentTypes: readonly DocumentType[] = Object.freeze([
  ...startDocuments,
  ...investigationDocuments,
  ...noticeDocuments,
  ...reviewDocuments,
  ...hearingDocuments,
  ...decisionDocuments,
  ...coercionDocuments,
  ...followUpDocuments,
  ...serviceDocuments,
  ...closingDocuments,
  ...archiveDocuments,
]);

const builtInById = new Map(documentTypes.map((type) => [type.id, type]));

/** The built-in type with this identifier, or undefined. */
export function documentType(id: string): DocumentType | undefined {
  return builtInById.get(id);
}

/**
 * An agency's catalogue: the built-in types plus its own. An agency type with the id of a
 * built-in one replaces it (an agency may adapt a form to its own practice); new ids are
 * appended in the order given. Validate agency types with validateDocumentType first.
 */
export function mergeCatalogue(builtIn: readonly DocumentType[], agencyTypes: readonly DocumentType[]): DocumentType[] {
  const merged = new Map(builtIn.map((type) => [type.id, type]));
  for (const type of agencyTypes) merged.set(type.id, type);
  return [...merged.values()];
}

/**
 * The 文号 of a document: the agency's own prefix (e.g. 抚文执), the type's part, the year in
 * 〔〕 and the sequence, as in 抚文执扣字〔2026〕第12号. Types without a number return null.
 */
export function formatDocumentNumber(type: DocumentType, parts: { agencyPrefix: string; year: number; sequence: number }): string | null {
  if (type.numberPrefix === null) return null;
  return `${parts.agencyPrefix}${type.numberPrefix}〔${parts.year}〕第${parts.sequence}号`;
}
