import { SIGNER_ROLES, type DocumentType, type FieldDefinition, type SignerRole } from './document-type.js';
import { fieldsOf } from './field-builders.js';
import type { DocumentValues, EvidenceRefValue, ItemRowValue, LawBasisValue, OfficerValue, PartyValue } from './field-values.js';
import { formatDate, formatDateTime, formatEvidence, formatLawBasis, formatOfficers, formatParty, formatRow, formatScalar } from './format-values.js';
import { APPROVAL_ROLES, type RenderMeta, type SignatureMeta } from './render-meta.js';
import { refusalWording } from './snippets.js';

// One print layout, read by the HTML, DOCX and PDF renderers, so all three say the same thing.
// Text here is plain (unescaped); each renderer escapes or encodes it for its format.

export type LayoutBlock =
  | { kind: 'line'; label: string; text: string }
  | { kind: 'paragraphs'; label: string; paragraphs: string[] }
  | { kind: 'table'; label: string; columns: string[]; rows: string[][] };

/** The mark in place of a stored signature image that cannot be decoded. */
export const unreadableSignature = '【签名图像无法显示】';

export type SignatureImage = { mediaType: 'image/png' | 'image/jpeg'; base64: string };

export type SignatureLine = {
  roleLabel: string;
  name?: string;
  image?: SignatureImage;
  /** Printed instead of a stored signature image that cannot be shown. */
  placeholder?: string;
  /** The refusal sentence (DOC-3) in place of a signature. */
  refusal?: string;
  signedAt?: string;
};

export type DocumentLayout = {
  title: string;
  agencyName: string;
  documentNumber: string | null;
  /** 案件编号 and 当事人, above the body. */
  caseLine: string | null;
  draft: boolean;
  /** "第2版，更正第1版：理由" for a correction (DOC-4). */
  versionLine: string | null;
  blocks: LayoutBlock[];
  approvals: { roleLabel: string; name: string; opinion: string; at: string }[];
  signatures: SignatureLine[];
  /** Issuing agency and date beside the seal placeholder, for documents issued to a party. */
  seal: { agencyName: string; date: string } | null;
};

const DATA_URL = /^data:(image\/png|image\/jpeg);base64,([A-Za-z0-9+/]+={0,2})$/;

/** Only PNG or JPEG data URLs are signatures; anything else (a script, a remote URL) is dropped. */
export function parseSignatureImage(dataUrl: string | undefined): SignatureImage | undefined {
  const match = dataUrl ? DATA_URL.exec(dataUrl) : null;
  return match ? { mediaType: match[1] as SignatureImage['mediaType'], base64: match[2]! } : undefined;
}

function fieldBlock(field: FieldDefinition, value: unknown): LayoutBlock | null {
  if (value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0)) return null;
  const { label } = field;
  switch (field.type) {
    case 'textarea':
      return { kind: 'paragraphs', label, paragraphs: String(value).split(/\r?\n/).filter((line) => line.trim() !== '') };
    case 'party':
      return { kind: 'line', label, text: formatParty(value as PartyValue) };
    case 'officers':
      return { kind: 'line', label, text: formatOfficers(value as OfficerValue[]) };
    case 'law_basis':
      return { kind: 'paragraphs', label, paragraphs: formatLawBasis(value as LawBasisValue[]) };
    case 'evidence_refs':
      return { kind: 'paragraphs', label, paragraphs: formatEvidence(value as EvidenceRefValue[]) };
    case 'items': {
      const columns = field.columns ?? [];
      return { kind: 'table', label, columns: columns.map((column) => column.label), rows: (value as ItemRowValue[]).map((row) => formatRow(columns, row)) };
    }
    default:
      return { kind: 'line', label, text: formatScalar(field, value) };
  }
}

const formatWhen = (value: string | undefined) => (value ? (value.includes('T') ? formatDateTime(value) : formatDate(value)) : undefined);

function signatureLine(signature: SignatureMeta): SignatureLine {
  const roleLabel = SIGNER_ROLES[signature.role] ?? signature.role;
  const signedAt = formatWhen(signature.signedAt);
  if (signature.method === 'refused') {
    return { roleLabel, name: signature.signerName, refusal: refusalWording(roleLabel, signature.refusalReason ?? '未说明', signature.witnessName ?? '无'), signedAt };
  }
  const image = signature.imageUnreadable ? undefined : parseSignatureImage(signature.imageDataUrl);
  const placeholder = signature.imageUnreadable || (signature.imageDataUrl && !image) ? unreadableSignature : undefined;
  return { roleLabel, name: signature.signerName, image, placeholder, signedAt };
}

/** Each signer the type asks for gets a line: the recorded signature(s), or a blank to sign on paper. */
function signatureLines(signers: SignerRole[], signatures: SignatureMeta[]): SignatureLine[] {
  const lines: SignatureLine[] = [];
  for (const role of signers) {
    const recorded = signatures.filter((signature) => signature.role === role);
    if (recorded.length === 0) lines.push({ roleLabel: SIGNER_ROLES[role] });
    else lines.push(...recorded.map(signatureLine));
  }
  for (const signature of signatures) if (!signers.includes(signature.role)) lines.push(signatureLine(signature));
  return lines;
}

function versionLine(meta: RenderMeta): string | null {
  if (meta.replacesVersion === undefined && meta.version <= 1) return null;
  const replaced = meta.replacesVersion ?? meta.version - 1;
  return `第${meta.version}版，更正第${replaced}版：${meta.correctionReason ?? '未说明理由'}`;
}

/**
 * Who drafted and checked a document (S1 第十五条) is the agency's own record: kept with every
 * document, printed on internal ones, left off the paper that leaves the agency (DOC-5).
 */
const INTERNAL_ONLY_FIELDS: ReadonlySet<string> = new Set(['maker', 'reviewer']);

export const leavesAgency = (type: Pick<DocumentType, 'audience'>) => type.audience !== 'internal';

export function layoutDocument(type: DocumentType, values: DocumentValues, meta: RenderMeta): DocumentLayout {
  const outward = leavesAgency(type);
  const blocks = fieldsOf(type)
    .filter((field) => !(outward && INTERNAL_ONLY_FIELDS.has(field.key)))
    .map((field) => fieldBlock(field, values[field.key]))
    .filter((block): block is LayoutBlock => block !== null);
  const caseParts = [meta.matterNumber && `案件编号：${meta.matterNumber}`, meta.partyName && `当事人：${meta.partyName}`].filter(Boolean);
  return {
    title: type.name,
    agencyName: meta.agencyName,
    documentNumber: meta.documentNumber ?? null,
    caseLine: caseParts.length > 0 ? caseParts.join('　') : null,
    draft: meta.status === 'draft',
    versionLine: versionLine(meta),
    blocks,
    // The 承办人→审核人→批准人 record belongs on the internal form (审批表), never on a 决定书 (DOC-5).
    approvals: outward ? [] : (meta.approvals ?? []).map((step) => ({ roleLabel: APPROVAL_ROLES[step.role], name: step.name, opinion: step.opinion, at: formatWhen(step.at) ?? '' })),
    signatures: signatureLines(type.signers, meta.signatures),
    seal: outward ? { agencyName: meta.agencyName, date: formatWhen(meta.issuedAt) ?? '　　年　　月　　日' } : null,
  };
}
