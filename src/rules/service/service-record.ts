import { dayIndexFromYmd, isValidYmd, ymdFromDayIndex } from '../calendar/shanghai-day.js';

// 送达 (SRV-1): how an issued document reached the party, and what each method must record
// (S1 第二十二条–第二十六条). Pure: the caller passes the service day as a Shanghai calendar day.

export const SERVICE_METHODS = ['direct', 'post', 'left_at_premises', 'entrusted', 'forwarded', 'public_notice', 'electronic'] as const;
export type ServiceMethod = (typeof SERVICE_METHODS)[number];

export const SERVICE_METHOD_LABELS: Readonly<Record<ServiceMethod, string>> = {
  direct: '直接送达',
  post: '邮寄送达',
  left_at_premises: '留置送达',
  entrusted: '委托送达',
  forwarded: '转交送达',
  public_notice: '公告送达',
  electronic: '电子送达',
};

/** Who signed for the party on direct service (S1 第二十二条 「符合法定条件的签收人」). */
export const RECIPIENT_RELATIONS = ['本人', '同住成年家属', '法定代表人', '单位负责人', '收发部门', '代收人'] as const;
export type RecipientRelation = (typeof RECIPIENT_RELATIONS)[number];

export const POST_KINDS = ['registered', 'express'] as const;
export const POST_KIND_LABELS = { registered: '挂号信', express: '特快专递' } as const;

/** The method's own facts; which ones are required depends on the method (see `validateServiceRecord`). */
export interface ServiceDetails {
  recipientName?: string | null;
  relation?: RecipientRelation | null;
  signed?: boolean | null;
  postKind?: (typeof POST_KINDS)[number] | null;
  trackingNumber?: string | null;
  receiptReturnedOn?: string | null;
  refusalReason?: string | null;
  witnessName?: string | null;
  avRecordId?: string | null;
  reason?: string | null;
  entrustedBody?: string | null;
  serverSigned?: boolean | null;
  recipientSigned?: boolean | null;
  otherMethodsFailed?: string | null;
  medium?: string | null;
  noticeKept?: boolean | null;
  publishedOn?: string | null;
  waitingDays?: number | null;
  addressConfirmationSigned?: boolean | null;
  electronicAddress?: string | null;
}

export interface ServiceRecordInput {
  method: ServiceMethod;
  /** The day the officer served (or posted, or published): Asia/Shanghai `YYYY-MM-DD`. */
  servedOn: string;
  details: ServiceDetails;
}

/** The facts each method records; others sent with it (a form's leftovers) are not kept. */
export const DETAILS_OF_METHOD: Readonly<Record<ServiceMethod, readonly (keyof ServiceDetails)[]>> = {
  direct: ['recipientName', 'relation', 'signed'],
  post: ['postKind', 'trackingNumber', 'receiptReturnedOn'],
  left_at_premises: ['refusalReason', 'witnessName', 'avRecordId'],
  entrusted: ['reason', 'entrustedBody', 'serverSigned', 'recipientSigned'],
  forwarded: ['reason', 'entrustedBody', 'serverSigned', 'recipientSigned'],
  public_notice: ['otherMethodsFailed', 'medium', 'noticeKept', 'publishedOn', 'waitingDays'],
  electronic: ['addressConfirmationSigned', 'electronicAddress'],
};

/** Only the facts of `method`, without empty ones: what a service record stores. */
export function detailsOf(method: ServiceMethod, details: ServiceDetails): ServiceDetails {
  const out: Record<string, unknown> = {};
  for (const key of DETAILS_OF_METHOD[method]) {
    const v = details[key];
    if (v !== null && v !== undefined && !(typeof v === 'string' && v.trim() === '')) out[key] = v;
  }
  return out as ServiceDetails;
}

const filled = (v: string | null | undefined) => typeof v === 'string' && v.trim().length > 0;

/** What the record lacks for its method, in Chinese; empty when it may be stored. */
export function validateServiceRecord(input: ServiceRecordInput): string[] {
  const d = input.details;
  const problems: string[] = [];
  const need = (ok: boolean, problem: string) => {
    if (!ok) problems.push(problem);
  };
  need(isValidYmd(input.servedOn), '送达日期无效');
  switch (input.method) {
    case 'direct': // S1 第二十二条
      need(filled(d.recipientName), '直接送达须写明签收人姓名（S1 第二十二条）');
      need(Boolean(d.relation && RECIPIENT_RELATIONS.includes(d.relation)), '直接送达须写明签收人与受送达人的关系（S1 第二十二条）');
      need(d.signed === true, '直接送达须由签收人在送达回证上签名或盖章（S1 第二十二条）');
      break;
    case 'post': // S1 第二十三条
      need(Boolean(d.postKind && POST_KINDS.includes(d.postKind)), '邮寄送达须采用挂号信或特快专递（S1 第二十三条）');
      need(filled(d.trackingNumber), '邮寄送达须留存付邮凭证号（S1 第二十三条）');
      if (d.receiptReturnedOn != null) {
        need(isValidYmd(d.receiptReturnedOn), '回执签收日期无效');
        if (isValidYmd(d.receiptReturnedOn) && isValidYmd(input.servedOn)) need(d.receiptReturnedOn >= input.servedOn, '回执签收日期不能早于交邮日期');
      }
      break;
    case 'left_at_premises': // S1 第二十四条
      need(filled(d.refusalReason), '留置送达须记明拒收事由（S1 第二十四条）');
      need(filled(d.witnessName) || filled(d.avRecordId), '留置送达须有见证人签名，或以音像记录记录送达过程（S1 第二十四条）');
      break;
    case 'entrusted':
    case 'forwarded': // S1 第二十五条
      need(filled(d.reason), `${SERVICE_METHOD_LABELS[input.method]}须记录委托、转交的原因（S1 第二十五条）`);
      need(filled(d.entrustedBody), `${SERVICE_METHOD_LABELS[input.method]}须写明受委托或代为转交的单位`);
      need(d.serverSigned === true && d.recipientSigned === true, '送达人、受送达人须在送达回证上签名或盖章（S1 第二十五条）');
      break;
    case 'public_notice': // S1 第二十六条
      need(filled(d.otherMethodsFailed), '公告送达须记录其他方式均无法送达的情况（S1 第二十六条）');
      need(filled(d.medium), '公告送达须写明公告的方式和载体（S1 第二十六条）');
      need(d.noticeKept === true, '公告送达须留存书面公告（S1 第二十六条）');
      need(Boolean(d.publishedOn && isValidYmd(d.publishedOn)), '公告送达须写明公告发布日期');
      need(Number.isInteger(d.waitingDays) && (d.waitingDays ?? 0) > 0, '公告送达须写明公告期（天数），期满视为送达');
      break;
    case 'electronic':
      need(d.addressConfirmationSigned === true, '电子送达须经受送达人签署送达地址确认书同意');
      need(filled(d.electronicAddress), '电子送达须写明送达的电子地址');
      break;
  }
  return problems;
}

/**
 * The day the document counts as served, which starts the party's deadlines: public notice after
 * its waiting period (publication day + N); post on the day the receipt was signed (null while it
 * has not come back); every other method on the day of service.
 */
export function servedDayOf(record: ServiceRecordInput): string | null {
  const d = record.details;
  if (record.method === 'public_notice') {
    if (!d.publishedOn || !isValidYmd(d.publishedOn) || !d.waitingDays) return null;
    return ymdFromDayIndex(dayIndexFromYmd(d.publishedOn) + d.waitingDays);
  }
  if (record.method === 'post') return d.receiptReturnedOn && isValidYmd(d.receiptReturnedOn) ? d.receiptReturnedOn : null;
  return record.servedOn;
}
