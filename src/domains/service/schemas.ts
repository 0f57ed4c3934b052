import { z } from 'zod';
import { POST_KINDS, RECIPIENT_RELATIONS, SERVICE_METHODS } from '../../rules/service/service-record.js';
import { isoDate, uuidParam } from '../../shared/http-schemas.js';

// The method's facts are each optional here: which ones a method needs is the pure rule's
// (validateServiceRecord), so a missing one is answered with the rule's Chinese problem.
const shortText = z.string().trim().max(500).nullable().optional();
const flag = z.boolean().nullable().optional();

export const serviceDetailsInput = z.object({
  recipientName: z.string().trim().max(50).nullable().optional(),
  relation: z.enum(RECIPIENT_RELATIONS).nullable().optional(),
  signed: flag,
  postKind: z.enum(POST_KINDS).nullable().optional(),
  trackingNumber: z.string().trim().max(60).nullable().optional(),
  receiptReturnedOn: isoDate.nullable().optional(),
  refusalReason: shortText,
  witnessName: z.string().trim().max(50).nullable().optional(),
  avRecordId: uuidParam.nullable().optional(),
  reason: shortText,
  entrustedBody: z.string().trim().max(100).nullable().optional(),
  serverSigned: flag,
  recipientSigned: flag,
  otherMethodsFailed: shortText,
  medium: z.string().trim().max(200).nullable().optional(),
  noticeKept: flag,
  publishedOn: isoDate.nullable().optional(),
  waitingDays: z.number().int().min(1).max(365).nullable().optional(),
  addressConfirmationSigned: flag,
  electronicAddress: z.string().trim().max(200).nullable().optional(),
});

export const serviceInput = z.object({
  documentId: uuidParam,
  partyId: uuidParam,
  method: z.enum(SERVICE_METHODS),
  servedAt: z.iso.datetime({ offset: true, error: '送达时间格式应为 ISO 8601' }).transform((s) => new Date(s)),
  place: z.string().trim().max(200).nullable().optional(),
  details: serviceDetailsInput,
});
