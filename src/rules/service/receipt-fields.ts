import { POST_KIND_LABELS, RECIPIENT_RELATIONS, SERVICE_METHOD_LABELS, type ServiceDetails, type ServiceMethod } from './service-record.js';

// 送达回证 from a service record: the fields of the catalogue's `service_receipt`
// (src/rules/documents/catalogue/closing.ts), so the receipt prints what was recorded.

export interface ReceiptSource {
  method: ServiceMethod;
  /** Beijing wall-clock time of service, as a document datetime value ('YYYY-MM-DDTHH:mm'). */
  servedAtWallClock: string;
  place: string | null;
  details: ServiceDetails;
  document: { name: string; number: string | null };
  /** The party as a document party value (kind, name, idNumber, address …). */
  recipient: { name: string; address?: string | null } & Record<string, unknown>;
}

export function serviceReceiptFields(s: ReceiptSource): Record<string, unknown> {
  const d = s.details;
  const out: Record<string, unknown> = {
    served_documents: [{ document_name: s.document.name, document_number: s.document.number ?? undefined, copies: 1 }],
    recipient: s.recipient,
    service_address: s.place ?? s.recipient.address ?? undefined,
    service_method: SERVICE_METHOD_LABELS[s.method],
    served_at: s.servedAtWallClock,
  };
  if (s.method === 'direct' && d.recipientName) out.signee = d.relation && d.relation !== RECIPIENT_RELATIONS[0] ? `${d.recipientName}（${d.relation}）` : d.recipientName;
  if (s.method === 'left_at_premises') {
    out.refusal_reason = `${d.refusalReason ?? ''}（${s.servedAtWallClock.slice(0, 10)}）${d.witnessName ? `，见证人：${d.witnessName}` : ''}${d.avRecordId ? '，已音像记录送达过程' : ''}`;
  }
  if (s.method === 'post') out.postal_receipt = `${d.postKind ? POST_KIND_LABELS[d.postKind] : ''} ${d.trackingNumber ?? ''}`.trim();
  if (s.method === 'entrusted' || s.method === 'forwarded') out.entrust_reason = `${d.reason ?? ''}${d.entrustedBody ? `（${d.entrustedBody}）` : ''}`;
  if (s.method === 'public_notice') {
    out.public_notice = `${d.otherMethodsFailed ?? ''}；公告方式和载体：${d.medium ?? ''}；${d.publishedOn ?? ''} 发布，公告期 ${d.waitingDays ?? ''} 日，期满视为送达`;
  }
  if (s.method === 'electronic') out.signee = `电子送达至 ${d.electronicAddress ?? ''}（已签署送达地址确认书）`;
  return out;
}
