import type { z } from 'zod';
import type { Db } from '../../db/client.js';
import { payments } from '../../db/schema/index.js';
import { fineStatus, formatFen, surchargeAsOf } from '../../rules/payment/fine-payment.js';
import { AppError } from '../../shared/errors.js';
import { recordAudit, type Actor } from '../audit/record-audit.js';
import type { Principal } from '../auth/principal.js';
import { loadMatter } from '../matters/load-matter.js';
import { matterRecordContext } from '../matters/step-facts-context.js';
import { shanghaiDate } from '../org/certificate.js';
import type { paymentInput } from './schemas.js';

/**
 * Records one payment on the matter's fine or its 加处罚款 from the receipt (CASE-11). Decided
 * against the locked matter: there must be an issued decision stating the fine, the payer is a
 * party of the matter, the day is not in the future nor before the decision, and the amount does
 * not exceed what is owed (the fine still unpaid, or the surcharge accrued by that day and not yet
 * paid). Audited in the same transaction with a commitment to the row (INT-1).
 */
export async function recordPayment(db: Db, actor: Actor, p: Principal, agencyId: string, matterId: string, input: z.infer<typeof paymentInput>, now: Date) {
  if (input.paidOn > shanghaiDate(now)) throw new AppError('VALIDATION_FAILED', '缴纳日期不能晚于今天');
  return db.transaction(async (tx) => {
    const loaded = await loadMatter(tx, p, agencyId, matterId, { lock: true });
    if (loaded.matter.status === 'archived') throw new AppError('IMMUTABLE', '事项已归档，案卷只读');
    const ctx = await matterRecordContext(tx, loaded);
    const status = fineStatus(ctx);
    if (!status) throw new AppError('VALIDATION_FAILED', '本事项没有载明罚款金额的已定稿行政处罚决定书，无法记录罚款缴纳');
    if (!loaded.parties.some((x) => x.id === input.partyId)) throw new AppError('VALIDATION_FAILED', '缴款人必须是本事项的当事人');
    const decision = ctx.documents.find((d) => d.id === status.documentId);
    if (decision?.issuedAt && input.paidOn < shanghaiDate(decision.issuedAt)) throw new AppError('VALIDATION_FAILED', '缴纳日期不能早于行政处罚决定书的定稿日期');
    if (input.purpose === 'fine') {
      const owed = status.fineFen - status.paidFineFen;
      if (input.amountFen > owed) throw new AppError('VALIDATION_FAILED', owed > 0 ? `缴纳金额超出尚未缴纳的罚款 ${formatFen(owed)}` : '罚款已缴清');
    } else {
      const owed = surchargeAsOf(status, input.paidOn).surchargeFen - status.paidSurchargeFen;
      if (input.amountFen > owed) throw new AppError('VALIDATION_FAILED', owed > 0 ? `缴纳金额超出截至缴纳之日应缴的加处罚款 ${formatFen(owed)}` : '截至缴纳之日没有应缴的加处罚款');
    }
    const [row] = await tx
      .insert(payments)
      .values({
        matterId,
        partyId: input.partyId,
        documentId: status.documentId,
        amountFen: input.amountFen,
        paidOn: input.paidOn,
        receiptNumber: input.receiptNumber,
        method: input.method,
        purpose: input.purpose,
        note: input.note?.trim() || null,
        recordedAt: now,
        recordedByUserId: actor.userId,
        recordedByName: actor.name,
      })
      .returning();
    await recordAudit(tx, actor, { action: 'payment.recorded', agencyId, objectType: 'payment', objectId: row!.id, after: row!, matterIds: [matterId], commitments: [{ kind: 'payment', id: row!.id }] }, now);
    return row!;
  });
}
