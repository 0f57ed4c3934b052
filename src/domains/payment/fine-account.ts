import { asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { documents, matterParties, payments } from '../../db/schema/index.js';
import { fineStatus, surchargeAsOf } from '../../rules/payment/fine-payment.js';
import { iso } from '../../shared/http-schemas.js';
import type { Principal } from '../auth/principal.js';
import { loadMatter } from '../matters/load-matter.js';
import { matterRecordContext } from '../matters/step-facts-context.js';
import { shanghaiDate } from '../org/certificate.js';
import { PAYMENT_METHOD_LABELS, PAYMENT_PURPOSE_LABELS } from './schemas.js';

/** The matter's payments, oldest first, with the party's name and Chinese labels. */
export async function listPayments(db: DbOrTx, matterId: string) {
  const rows = await db.select().from(payments).where(eq(payments.matterId, matterId)).orderBy(asc(payments.paidOn), asc(payments.recordedAt));
  if (!rows.length) return [];
  const parties = await db.select().from(matterParties).where(eq(matterParties.matterId, matterId));
  return rows.map((r) => ({
    id: r.id,
    matterId: r.matterId,
    partyId: r.partyId,
    partyName: parties.find((x) => x.id === r.partyId)?.name ?? '',
    amountFen: r.amountFen,
    paidOn: r.paidOn,
    receiptNumber: r.receiptNumber,
    method: r.method,
    methodLabel: PAYMENT_METHOD_LABELS[r.method as keyof typeof PAYMENT_METHOD_LABELS] ?? r.method,
    purpose: r.purpose,
    purposeLabel: PAYMENT_PURPOSE_LABELS[r.purpose as keyof typeof PAYMENT_PURPOSE_LABELS] ?? r.purpose,
    note: r.note,
    recordedAt: iso(r.recordedAt)!,
    recordedByName: r.recordedByName,
  }));
}

/**
 * CASE-11: the fine as the matter records it (the issued decision's 罚款金额, its service, an
 * approved deferral, the payments) and the 加处罚款 accrued to today, computed, never entered.
 */
export async function fineAccount(db: DbOrTx, p: Principal, agencyId: string, matterId: string, now: Date) {
  const loaded = await loadMatter(db, p, agencyId, matterId);
  const ctx = await matterRecordContext(db, loaded);
  const status = fineStatus(ctx);
  const list = await listPayments(db, matterId);
  if (!status) return { fine: null, payments: list };
  const today = shanghaiDate(now);
  const [doc] = await db.select({ number: documents.number }).from(documents).where(eq(documents.id, status.documentId));
  const surcharge = surchargeAsOf(status, today);
  return {
    fine: {
      documentId: status.documentId,
      documentNumber: doc?.number ?? null,
      fineFen: status.fineFen,
      servedDay: status.servedDay,
      due: status.due,
      deferral: status.deferral ? { kind: status.deferral.kind, due: status.deferral.due } : null,
      paidFineFen: status.paidFineFen,
      outstandingFineFen: Math.max(0, status.fineFen - status.paidFineFen),
      paidOn: status.paidOn,
      surcharge: { asOf: status.paidOn && status.paidOn < today ? status.paidOn : today, daysLate: surcharge.daysLate, surchargeFen: surcharge.surchargeFen, capped: surcharge.capped, paidFen: status.paidSurchargeFen },
      courtApplied: ctx.steps.some((s) => s.step === 'court_application' && s.done),
    },
    payments: list,
  };
}
