import { and, eq } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../../db/client.js';
import { avUploads, matters, matterSteps, officers } from '../../../db/schema/index.js';
import { AppError } from '../../../shared/errors.js';
import { recordAudit, type Actor } from '../../audit/record-audit.js';
import type { Principal } from '../../auth/principal.js';
import { loadVisibleMatter } from '../../matters/load-matter.js';
import { uploadNeedsMatterInScope } from './policy.js';
import { refuseOversizeCreation } from './check-upload-size.js';
import type { UploadLimit } from './upload-limit.js';
import type { StoredUploadMetadata, UploadMetadata } from './upload-metadata.js';

export type StartUploadInput = {
  uploadId: string;
  agencyId: string;
  principal: Principal;
  size: number | undefined;
  metadata: UploadMetadata;
  limit: UploadLimit;
  expiresAt: Date;
};

/**
 * A tus upload is being created (AV-2): checks what it says about itself before a byte is
 * accepted, then records the upload and `av.upload_started` in one transaction.
 */
export async function startUpload(db: Db, actor: Actor, input: StartUploadInput, now: Date) {
  if (input.size === undefined) throw new AppError('VALIDATION_FAILED', '上传须声明文件大小（Upload-Length）');
  if (input.size === 0) throw new AppError('VALIDATION_FAILED', '文件为空，未上传');
  const m = input.metadata;
  // Checked before tus too (routes.ts); again here for a limit lowered meanwhile.
  await refuseOversizeCreation(db, actor, { agencyId: input.agencyId, size: input.size, limit: input.limit, fileName: m.filename ?? null }, now);
  const officerId = await resolveOfficer(db, input.agencyId, m.officerId, m.officerCertificateNo);
  // ACC-1: a person names only a matter they may see (404 as for an unseen matter).
  if (m.matterId && uploadNeedsMatterInScope(input.principal)) await loadVisibleMatter(db, input.principal, input.agencyId, m.matterId);
  await checkMatterAndStep(db, input.agencyId, m.matterId, m.stepId);
  const stored: StoredUploadMetadata = {
    fileName: m.filename ?? null,
    matterId: m.matterId ?? null,
    stepId: m.stepId ?? null,
    officerId,
    deviceSerial: m.deviceSerial ?? null,
    startedAt: m.startedAt?.toISOString() ?? null,
    endedAt: m.endedAt?.toISOString() ?? null,
    place: m.place ?? null,
    remoteWork: m.remoteWork ?? false,
    returnedAt: m.returnedAt?.toISOString() ?? null,
    lateReason: m.lateReason ?? null,
    recordedBy: m.recordedBy ?? 'officer',
    kind: m.kind ?? null,
    title: m.title ?? null,
  };
  await db.transaction(async (tx) => {
    await tx.insert(avUploads).values({
      id: input.uploadId,
      agencyId: input.agencyId,
      userId: input.principal.userId,
      size: input.size,
      metadata: stored,
      declaredSha256: m.sha256 ?? null,
      createdAt: now,
      updatedAt: now,
      expiresAt: input.expiresAt,
    });
    await recordAudit(tx, actor, { action: 'av.upload_started', agencyId: input.agencyId, objectType: 'av_upload', objectId: input.uploadId, after: { size: input.size, fileName: stored.fileName, declaredSha256: m.sha256 ?? null, matterId: stored.matterId } }, now);
  });
}

async function resolveOfficer(db: DbOrTx, agencyId: string, officerId: string | undefined, certificateNo: string | undefined) {
  if (!certificateNo) {
    if (!officerId) return null;
    const [o] = await db.select({ id: officers.id }).from(officers).where(and(eq(officers.id, officerId), eq(officers.agencyId, agencyId)));
    if (!o) throw new AppError('NOT_FOUND', '执法人员不存在或不属于本机关');
    return o.id;
  }
  const [o] = await db.select({ id: officers.id }).from(officers).where(and(eq(officers.certificateNo, certificateNo), eq(officers.agencyId, agencyId)));
  if (!o) throw new AppError('NOT_FOUND', `执法证号 ${certificateNo} 不属于本机关的执法人员`);
  if (officerId && officerId !== o.id) throw new AppError('VALIDATION_FAILED', '执法证号与执法人员不一致');
  return o.id;
}

async function checkMatterAndStep(db: DbOrTx, agencyId: string, matterId: string | undefined, stepId: string | undefined) {
  if (!matterId) return;
  const [matter] = await db.select({ id: matters.id }).from(matters).where(and(eq(matters.id, matterId), eq(matters.agencyId, agencyId)));
  if (!matter) throw new AppError('NOT_FOUND', '执法事项不存在或不属于本机关');
  if (!stepId) return;
  const [step] = await db.select({ id: matterSteps.id }).from(matterSteps).where(and(eq(matterSteps.id, stepId), eq(matterSteps.matterId, matterId)));
  if (!step) throw new AppError('NOT_FOUND', '执法环节不存在或不属于该执法事项');
}
