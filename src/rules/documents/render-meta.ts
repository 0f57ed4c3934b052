import type { SignerRole } from './document-type.js';

// What a renderer needs besides the field values: who issued it, its number and version, its
// status and the signatures recorded on it (names follow src/db/schema/documents.ts).

export type SignatureMeta = {
  role: SignerRole;
  signerName: string;
  /** Drawn on screen, a scan of the signed paper, or a refusal with reason and witness (DOC-3). */
  method: 'drawn' | 'scanned' | 'refused';
  /** PNG or JPEG as a data URL, for drawn or scanned signatures. */
  imageDataUrl?: string;
  /** A stored image that does not decode (accepted before images were checked): shown as marked. */
  imageUnreadable?: boolean;
  refusalReason?: string;
  witnessName?: string;
  signedAt?: string;
};

/** One step of the 承办人 → 审核人 → 批准人 chain (CASE-4). */
export type ApprovalMeta = { role: 'handler' | 'reviewer' | 'approver'; name: string; opinion: string; at: string };

export type RenderMeta = {
  agencyName: string;
  /** The full 文号; null or absent for records without a number. */
  documentNumber?: string | null;
  version: number;
  replacesVersion?: number;
  correctionReason?: string;
  status: 'draft' | 'issued';
  signatures: SignatureMeta[];
  approvals?: ApprovalMeta[];
  issuedAt?: string;
  matterNumber?: string;
  partyName?: string;
};

export const APPROVAL_ROLES = { handler: '承办人', reviewer: '审核人', approver: '批准人' } as const;
