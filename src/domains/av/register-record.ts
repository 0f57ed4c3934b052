import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { avRecords, matters, officers } from '../../db/schema/index.js';
import { AppError } from '../../shared/errors.js';
import { recordAudit, type Actor } from '../audit/record-audit.js';
import { enqueue } from '../../jobs/queue.js';
import { deriveJobRef } from './derive-job.js';
import type { AvKind } from './media-kind.js';

/** What an upload (browser, collection station or API) says about the file it carries. */
export type AvUploadMetadata = {
  matterId?: string | null;
  stepId?: string | null;
  kind?: 'cctv' | null;
  deviceSerial?: string | null;
  officerId?: string | null;
  recordedBy?: 'officer' | 'party';
  startedAt?: Date | null;
  endedAt?: Date | null;
  place?: string | null;
  remoteWork?: boolean;
  returnedAt?: Date | null;
  lateReason?: string | null;
  title?: string | null;
};

/**
 * Registers a finished upload as an AV record (AV-1, AV-2). The object is already in the store
 * under its SHA-256; identical bytes uploaded twice are two records of one object. Call it in
 * the transaction that marks the upload complete.
 */
export async function registerAvRecord(
  tx: DbOrTx,
  actor: Actor,
  input: { agencyId: string; objectKey: string; size: number; mediaType: string; kind: AvKind; fileName: string | null; uploadId: string | null; metadata: AvUploadMetadata },
  now: Date,
) {
  const m = input.metadata;
  if (m.matterId) {
    const [matter] = await tx.select({ id: matters.id }).from(matters).where(and(eq(matters.id, m.matterId), eq(matters.agencyId, input.agencyId)));
    if (!matter) throw new AppError('NOT_FOUND', '音像记录所属的执法事项不存在');
  }
  if (m.officerId) {
    const [officer] = await tx.select({ id: officers.id }).from(officers).where(and(eq(officers.id, m.officerId), eq(officers.agencyId, input.agencyId)));
    if (!officer) throw new AppError('NOT_FOUND', '音像记录的执法人员不属于本机关');
  }
  const [row] = await tx
    .insert(avRecords)
    .values({
      agencyId: input.agencyId,
      matterId: m.matterId ?? null,
      stepId: m.stepId ?? null,
      kind: m.kind === 'cctv' ? 'cctv' : input.kind,
      objectKey: input.objectKey,
      size: input.size,
      mediaType: input.mediaType,
      // A label only: file names never become paths.
      originalFileName: input.fileName?.replace(/[\u0000-\u001f]/g, '').slice(0, 255) ?? null,
      deviceSerial: m.deviceSerial ?? null,
      officerId: m.officerId ?? null,
      recordedBy: m.recordedBy ?? 'officer',
      startedAt: m.startedAt ?? null,
      endedAt: m.endedAt ?? null,
      place: m.place ?? null,
      title: m.title ?? null,
      remoteWork: m.remoteWork ?? false,
      returnedAt: m.returnedAt ?? null,
      lateReason: m.lateReason ?? null,
      ingestedAt: now,
      uploadId: input.uploadId,
      createdByUserId: actor.userId,
      updatedAt: now,
    })
    .returning();
  await enqueue(tx, deriveJobRef, { avRecordId: row!.id }, now);
  await recordAudit(tx, actor, { action: 'av.ingested', agencyId: input.agencyId, objectType: 'av_record', objectId: row!.id, after: { objectKey: row!.objectKey, size: row!.size, mediaType: row!.mediaType, matterId: row!.matterId, uploadId: row!.uploadId }, matterIds: [row!.matterId], commitments: [{ kind: 'av_record', id: row!.id }] }, now);
  return row!;
}
