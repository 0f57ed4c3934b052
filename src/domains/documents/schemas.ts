import { z } from 'zod';
import { SIGNER_ROLES, type SignerRole } from '../../rules/documents/document-type.js';
import { uuidParam } from '../../shared/http-schemas.js';

const SIGNER_ROLE_IDS = Object.keys(SIGNER_ROLES) as [SignerRole, ...SignerRole[]];

// Field values are checked against the document type's own schema (src/rules/documents) when
// a document is issued; a draft may be incomplete, so here it only has to be a JSON object.
const fields = z.record(z.string().max(60), z.unknown()).refine((f) => JSON.stringify(f).length <= 200_000, '文书内容过长');

export const documentInput = z.object({ typeId: z.string().trim().min(1).max(60), stepId: uuidParam.nullable().optional(), fields });
export const draftPatch = z.object({ fields });
export const correctionInput = z.object({ fields, reason: z.string().trim().min(2, '请写明更正理由').max(1000) });

export const signatureInput = z
  .object({
    role: z.enum(SIGNER_ROLE_IDS),
    signerName: z.string().trim().min(1, '请填写签名人').max(50),
    method: z.enum(['drawn', 'scanned', 'refused']),
    imageDataUrl: z.string().max(3_000_000).nullable().optional(),
    refusalReason: z.string().trim().max(500).nullable().optional(),
    witnessName: z.string().trim().max(50).nullable().optional(),
  })
  .refine((s) => s.method === 'refused' || Boolean(s.imageDataUrl), { message: '请在签名区签名或上传签名扫描件', path: ['imageDataUrl'] })
  .refine((s) => s.method !== 'refused' || (Boolean(s.refusalReason) && Boolean(s.witnessName)), { message: '拒绝签字须记录理由和见证人', path: ['refusalReason'] });

export const attachmentInput = z.object({
  kind: z.enum(['signed_scan', 'attachment']),
  fileName: z.string().trim().min(1).max(200),
  dataBase64: z.string().min(1).max(14_000_000),
});
