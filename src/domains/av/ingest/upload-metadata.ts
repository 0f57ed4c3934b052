import { Metadata } from '@tus/utils';
import { z } from 'zod';
import { AppError } from '../../../shared/errors.js';
import { checkInputValue } from '../../../server/http/input-guards.js';
import { uuidParam } from '../../../shared/http-schemas.js';
import type { AvUploadMetadata } from '../register-record.js';

// tus `Upload-Metadata` carries strings only: each key is validated here and turned into the
// record's fields. Keys we do not know (a browser client adds `filetype`) are ignored.
const instant = z.iso.datetime({ offset: true, error: '时间格式应为 ISO 8601' }).transform((s) => new Date(s));
const text = (max: number) => z.string().trim().min(1).max(max);

export const uploadMetadataSchema = z
  .object({
    filename: z.string().max(255, '文件名过长').optional(),
    sha256: z
      .string()
      .regex(/^[0-9a-fA-F]{64}$/, '声明的 SHA-256 必须是 64 位十六进制')
      .transform((s) => s.toLowerCase())
      .optional(),
    matterId: uuidParam.optional(),
    stepId: uuidParam.optional(),
    officerId: uuidParam.optional(),
    // 执法证号: a collection station knows the certificate number, not our officer id.
    officerCertificateNo: text(60).optional(),
    deviceSerial: text(100).optional(),
    startedAt: instant.optional(),
    endedAt: instant.optional(),
    place: text(200).optional(),
    remoteWork: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
    returnedAt: instant.optional(),
    lateReason: text(1000).optional(),
    recordedBy: z.enum(['officer', 'party']).optional(),
    kind: z.literal('cctv').optional(),
    title: text(200).optional(),
  })
  .refine((m) => !m.startedAt || !m.endedAt || m.startedAt <= m.endedAt, { message: '结束时间不能早于开始时间', path: ['endedAt'] })
  .refine((m) => !m.stepId || Boolean(m.matterId), { message: '指定执法环节时须同时指定执法事项', path: ['stepId'] });

export type UploadMetadata = z.infer<typeof uploadMetadataSchema>;

export function parseUploadMetadata(raw: Record<string, string | null | undefined> | undefined): UploadMetadata {
  const present = Object.fromEntries(Object.entries(raw ?? {}).filter(([, v]) => v !== null && v !== undefined && v !== ''));
  checkInputValue(present); // Base64 hides NUL bytes from the door checks; PostgreSQL text cannot hold them
  const parsed = uploadMetadataSchema.safeParse(present);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new AppError('VALIDATION_FAILED', `上传信息有误：${first ? `${first.path.join('.')} ${first.message}` : '请检查'}`, { issues: parsed.error.issues.map((i) => ({ field: i.path.join('.'), message: i.message })) });
  }
  return parsed.data;
}

/** `filename` from a raw Upload-Metadata header, to name the file in a refusal made before tus reads it. */
export function fileNameOf(header: string | string[] | undefined): string | null {
  if (typeof header !== 'string') return null;
  try {
    return Metadata.parse(header).filename?.replaceAll('\u0000', '').slice(0, 255) ?? null;
  } catch {
    return null;
  }
}

/** The stored form (JSON in av_uploads.metadata) back to what registerAvRecord takes. */
export function toRecordMetadata(stored: StoredUploadMetadata): AvUploadMetadata {
  const date = (s: string | null | undefined) => (s ? new Date(s) : null);
  return { ...stored, startedAt: date(stored.startedAt), endedAt: date(stored.endedAt), returnedAt: date(stored.returnedAt) };
}

export type StoredUploadMetadata = Omit<AvUploadMetadata, 'startedAt' | 'endedAt' | 'returnedAt'> & {
  startedAt?: string | null;
  endedAt?: string | null;
  returnedAt?: string | null;
  fileName?: string | null;
};
