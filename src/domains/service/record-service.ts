import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db } from '../../db/client.js';
import { avRecords, documents, serviceRecords } from '../../db/schema/index.js';
import { documentType } from '../../rules/documents/catalogue/index.js';
import { detailsOf, servedDayOf, validateServiceRecord } from '../../rules/service/service-record.js';
import { AppError, notFound } from '../../shared/errors.js';
import { recordAudit, type Actor } from '../audit/record-audit.js';
import type { Principal } from '../auth/principal.js';
import { loadMatter } from '../matters/load-matter.js';
import { shanghaiDate } from '../org/certificate.js';
import type { serviceInput } from './schemas.js';
import { recordServiceStep } from './service-step.js';

const FUTURE_TOLERANCE_MS = 5 * 60_000;

/**
 * Records one service of an issued document of the matter on one of its parties (SRV-1). The
 * method's facts are checked by the pure rule first: a record that lacks one is refused with the
 * rule's Chinese problems and nothing is stored. Decided against the locked matter, audited in
 * the same transaction with a commitment to the row (INT-1).
 */
export async function recordService(db: Db, actor: Actor, p: Principal, agencyId: string, matterId: string, input: z.infer<typeof serviceInput>, now: Date) {
  if (input.servedAt.getTime() > now.getTime() + FUTURE_TOLERANCE_MS) throw new AppError('VALIDATION_FAILED', '送达时间不能晚于现在');
  const details = detailsOf(input.method, input.details);
  const rule = { method: input.method, servedOn: shanghaiDate(input.servedAt), details };
  const problems = validateServiceRecord(rule);
  if (problems.length) throw new AppError('VALIDATION_FAILED', problems.join('；'), { problems });
  return db.transaction(async (tx) => {
    const loaded = await loadMatter(tx, p, agencyId, matterId, { lock: true });
    const { parties } = loaded;
    const [doc] = await tx.select().from(documents).where(and(eq(documents.id, input.documentId), eq(documents.matterId, matterId)));
    if (!doc) throw notFound('文书');
    if (doc.status !== 'issued') throw new AppError('VALIDATION_FAILED', '只能送达已定稿的文书');
    if (doc.issuedAt && input.servedAt < doc.issuedAt) throw new AppError('VALIDATION_FAILED', '送达时间不能早于文书定稿时间');
    if (doc.typeId === 'service_receipt') throw new AppError('VALIDATION_FAILED', '送达回证本身不需要送达');
    const party = parties.find((x) => x.id === input.partyId);
    if (!party) throw new AppError('VALIDATION_FAILED', '受送达人必须是本事项的当事人');
    if (details.avRecordId) {
      const [av] = await tx.select({ id: avRecords.id }).from(avRecords).where(and(eq(avRecords.id, details.avRecordId), eq(avRecords.agencyId, agencyId)));
      if (!av) throw new AppError('VALIDATION_FAILED', '所选音像记录不存在');
    }
    const [row] = await tx
      .insert(serviceRecords)
      .values({
        matterId,
        documentId: doc.id,
        partyId: party.id,
        method: input.method,
        servedAt: input.servedAt,
        servedDay: servedDayOf(rule),
        place: input.place?.trim() || null,
        details,
        recordedAt: now,
        recordedByUserId: actor.userId,
        recordedByName: actor.name,
      })
      .returning();
    await recordAudit(
      tx,
      actor,
      { action: 'service.recorded', agencyId, objectType: 'service_record', objectId: row!.id, after: { ...row!, documentType: documentType(doc.typeId)?.name ?? doc.typeId }, matterIds: [matterId], commitments: [{ kind: 'service_record', id: row!.id }] },
      now,
    );
    await recordServiceStep(tx, actor, agencyId, loaded, row!, documentType(doc.typeId)?.name ?? doc.typeId, now);
    return row!;
  });
}

