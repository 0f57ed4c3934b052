import { z } from 'zod';
import { isoString, responseObject } from '../../shared/http-schemas.js';

// What the payment routes answer (the contract the web client is generated from). Money in 分.
export const paymentView = responseObject({
  id: z.string(),
  matterId: z.string(),
  partyId: z.string(),
  partyName: z.string(),
  amountFen: z.number(),
  paidOn: z.string(),
  receiptNumber: z.string(),
  method: z.string(),
  methodLabel: z.string(),
  purpose: z.string(),
  purposeLabel: z.string(),
  note: z.string().nullable(),
  recordedAt: isoString,
  recordedByName: z.string().nullable(),
}).meta({ id: 'Payment' });

export const fineAccountView = responseObject({
  /** Null when the matter has no issued 行政处罚决定书 stating a fine. */
  fine: responseObject({
    documentId: z.string(),
    documentNumber: z.string().nullable(),
    fineFen: z.number(),
    servedDay: z.string().nullable(),
    /** 15 days after service or the approved deferral's day; null before service. */
    due: z.string().nullable(),
    deferral: responseObject({ kind: z.string(), due: z.string() }).nullable(),
    paidFineFen: z.number(),
    outstandingFineFen: z.number(),
    paidOn: z.string().nullable(),
    /** 加处罚款 accrued as of `asOf` (today, or the day the fine was paid), capped at the fine. */
    surcharge: responseObject({ asOf: z.string(), daysLate: z.number(), surchargeFen: z.number(), capped: z.boolean(), paidFen: z.number() }),
    courtApplied: z.boolean(),
  }).nullable(),
  payments: z.array(paymentView),
}).meta({ id: 'FineAccount' });
