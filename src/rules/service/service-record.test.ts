import { describe, expect, it } from 'vitest';
import { createCalendar } from '../calendar/create-calendar.js';
import { documentType } from '../documents/catalogue/index.js';
import { exampleOfficers, exampleParty } from '../documents/examples.js';
import { validateDocumentFields } from '../documents/validate-fields.js';
import { serviceReceiptFields } from './receipt-fields.js';
import { partyDeadlines, servedDocumentKind } from './party-deadlines.js';
import { detailsOf, servedDayOf, validateServiceRecord, type ServiceRecordInput } from './service-record.js';

const ok: Record<string, ServiceRecordInput> = {
  direct: { method: 'direct', servedOn: '2026-09-22', details: { recipientName: '张三', relation: '同住成年家属', signed: true } },
  post: { method: 'post', servedOn: '2026-09-20', details: { postKind: 'express', trackingNumber: 'EMS123', receiptReturnedOn: '2026-09-22' } },
  left_at_premises: { method: 'left_at_premises', servedOn: '2026-09-22', details: { refusalReason: '拒绝签收', witnessName: '李四' } },
  entrusted: { method: 'entrusted', servedOn: '2026-09-22', details: { reason: '受送达人在外地', entrustedBody: '某县文化局', serverSigned: true, recipientSigned: true } },
  public_notice: { method: 'public_notice', servedOn: '2026-08-01', details: { otherMethodsFailed: '下落不明，直接、邮寄均退回', medium: '本机关网站及公告栏', noticeKept: true, publishedOn: '2026-08-01', waitingDays: 30 } },
  electronic: { method: 'electronic', servedOn: '2026-09-22', details: { addressConfirmationSigned: true, electronicAddress: 'a@example.cn' } },
};

describe('SRV-1 validateServiceRecord: what each method must record (S1 第二十二–二十六条)', () => {
  it.each(Object.entries(ok))('SRV-1 a complete %s record has no problems', (_m, input) => {
    expect(validateServiceRecord(input)).toEqual([]);
  });

  type Row = [name: string, input: ServiceRecordInput, problem: string];
  const rows: Row[] = [
    ['S1 第二十二条 direct without the signee relation', { ...ok.direct!, details: { recipientName: '张三', signed: true } }, '关系'],
    ['S1 第二十二条 direct not signed', { ...ok.direct!, details: { recipientName: '张三', relation: '本人', signed: false } }, '签名或盖章'],
    ['S1 第二十三条 post by ordinary letter', { ...ok.post!, details: { trackingNumber: 'X1' } }, '挂号信或特快专递'],
    ['S1 第二十三条 post without tracking number', { ...ok.post!, details: { postKind: 'registered' } }, '付邮凭证'],
    ['S1 第二十四条 留置 without witness and without AV', { ...ok.left_at_premises!, details: { refusalReason: '拒收' } }, '见证人'],
    ['S1 第二十四条 留置 without refusal reason', { ...ok.left_at_premises!, details: { witnessName: '李四' } }, '拒收事由'],
    ['S1 第二十五条 forwarded without reason', { ...ok.entrusted!, method: 'forwarded', details: { entrustedBody: '监狱', serverSigned: true, recipientSigned: true } }, '原因'],
    ['S1 第二十六条 public notice without why others failed', { ...ok.public_notice!, details: { ...ok.public_notice!.details, otherMethodsFailed: ' ' } }, '无法送达'],
    ['S1 第二十六条 public notice without the notice kept', { ...ok.public_notice!, details: { ...ok.public_notice!.details, noticeKept: false } }, '书面公告'],
    ['public notice without waiting period', { ...ok.public_notice!, details: { ...ok.public_notice!.details, waitingDays: null } }, '公告期'],
    ['electronic without 送达地址确认书', { ...ok.electronic!, details: { electronicAddress: 'a@example.cn' } }, '送达地址确认书'],
  ];
  it.each(rows)('SRV-1 %s is refused', (_name, input, problem) => {
    const problems = validateServiceRecord(input);
    expect(problems.join('；')).toContain(problem);
  });

  it('SRV-1 留置 with an AV record instead of a witness is accepted (S1 第二十四条 音像记录)', () => {
    expect(validateServiceRecord({ ...ok.left_at_premises!, details: { refusalReason: '拒收', avRecordId: '7d1c6a1e-1111-4111-8111-111111111111' } })).toEqual([]);
  });
});

describe('SRV-1 servedDayOf', () => {
  it('SRV-1 public notice: publication day + waiting period', () => expect(servedDayOf(ok.public_notice!)).toBe('2026-08-31'));
  it('SRV-1 post: the day the receipt was signed; null before it returns', () => {
    expect(servedDayOf(ok.post!)).toBe('2026-09-22');
    expect(servedDayOf({ ...ok.post!, details: { postKind: 'express', trackingNumber: 'E1' } })).toBeNull();
  });
  it('SRV-1 direct, 留置, entrusted: the day of service', () => {
    for (const m of ['direct', 'left_at_premises', 'entrusted', 'electronic']) expect(servedDayOf(ok[m]!)).toBe('2026-09-22');
  });
});

describe('SRV-2 the party deadlines a served document starts', () => {
  const calendar = createCalendar();
  it('SRV-2 a fine decision served 2026-09-22: pay by 10-08 (day 15 in 国庆 rolls over), review 11-23, sue 2027-03-22', () => {
    const kind = servedDocumentKind('penalty_decision', { fine_amount: 1000000 });
    const rows = partyDeadlines(kind!, '2026-09-22', '2026-10-09', calendar);
    expect(rows.map((r) => [r.key, r.due, r.state])).toEqual([
      ['finePayment', '2026-10-08', 'ended'],
      ['administrativeReview', '2026-11-23', 'running'],
      ['administrativeLawsuit', '2027-03-22', 'running'],
    ]);
  });
  it('SRV-2 the due day itself is still running (an act on the due day is in time)', () => {
    expect(partyDeadlines('penalty_decision_with_fine', '2026-09-22', '2026-10-08', calendar)[0]!.state).toBe('running');
  });
  it('SRV-2 a prior notice offering a hearing: 5 working days over 国庆', () => {
    const kind = servedDocumentKind('penalty_rights_notice', { hearing_deadline: '收到本告知书之日起五日内' });
    expect(partyDeadlines(kind!, '2026-09-29', '2026-09-30', calendar).map((r) => r.due)).toEqual(['2026-10-12']);
  });
  it('SRV-2 documents that start nothing: a notice without hearing, an inspection record', () => {
    expect(servedDocumentKind('penalty_rights_notice', {})).toBeNull();
    expect(servedDocumentKind('on_site_inspection_record', {})).toBeNull();
    expect(servedDocumentKind('penalty_decision', {})).toBe('penalty_decision');
  });
});

describe('SRV-1 送达回证 prefilled from a service record', () => {
  const receipt = documentType('service_receipt')!;
  const source = (input: ServiceRecordInput) => ({
    method: input.method,
    servedAtWallClock: `${input.servedOn}T10:00`,
    place: null,
    details: input.details,
    document: { name: '扣押决定书', number: '扣字〔2026〕第1号' },
    recipient: exampleParty,
  });

  it('SRV-1 S1 第二十四条 a 留置 record fills method, refusal reason with its date and the witness', () => {
    const fields = serviceReceiptFields(source(ok.left_at_premises!));
    expect(fields).toMatchObject({ service_method: '留置送达', served_at: '2026-09-22T10:00', service_address: exampleParty.address, refusal_reason: '拒绝签收（2026-09-22），见证人：李四' });
    expect(fields.served_documents).toEqual([{ document_name: '扣押决定书', document_number: '扣字〔2026〕第1号', copies: 1 }]);
  });

  it.each(Object.keys(ok))('SRV-1 the receipt prefilled from a complete %s record passes the catalogue type\'s checks', (method) => {
    const values = { ...serviceReceiptFields(source(ok[method]!)), officers_present: exampleOfficers, maker: '王建国' };
    const result = validateDocumentFields(receipt, values);
    expect(result.ok ? [] : result.issues).toEqual([]);
  });
});

describe('SRV-1 detailsOf keeps only the method\'s facts', () => {
  it('SRV-1 a witness typed before switching to direct service is not stored with it', () => {
    expect(detailsOf('direct', { recipientName: '张三', relation: '本人', signed: true, witnessName: '李四', waitingDays: 30, trackingNumber: ' ' })).toEqual({ recipientName: '张三', relation: '本人', signed: true });
  });
});
