import { describe, expect, it } from 'vitest';
import { documentType, documentTypes } from './catalogue/index.js';
import { exampleOfficers, exampleParty, exampleSeizureDecision, exampleSeizureList } from './examples.js';
import { fieldsOf } from './field-builders.js';
import { validateDocumentFields } from './validate-fields.js';

const seizure = documentType('seizure_decision')!;
const receipt = documentType('service_receipt')!;

const messagesByPath = (result: ReturnType<typeof validateDocumentFields>) =>
  result.ok ? {} : Object.fromEntries(result.issues.map((issue) => [issue.path, issue.message]));

const validReceipt = () => ({
  served_documents: [{ document_name: '扣押决定书', document_number: '抚文执扣字〔2026〕第7号', copies: 1 }],
  recipient: exampleParty,
  service_address: '抚顺县石文镇文化路8号',
  service_method: '直接送达',
  served_at: '2026-03-05T15:00',
  officers_present: exampleOfficers,
  maker: '王建国',
});

describe('DOC-2 field validation', () => {
  it('DOC-2: a complete 扣押决定书 and a 30-row 扣押清单 are accepted', () => {
    expect(validateDocumentFields(seizure, exampleSeizureDecision()).ok).toBe(true);
    const list = validateDocumentFields(documentType('seizure_list')!, exampleSeizureList(30));
    expect(list.ok).toBe(true);
    if (list.ok) expect(list.values.seized_items).toHaveLength(30);
  });

  it('DOC-2: every type refuses an empty form, naming each required field in Chinese', () => {
    for (const type of documentTypes) {
      const result = validateDocumentFields(type, {});
      expect(result.ok, type.id).toBe(false);
      const messages = messagesByPath(result);
      for (const field of fieldsOf(type).filter((candidate) => candidate.required)) {
        expect(messages[field.key], `${type.id}.${field.key}`).toBe(`请填写“${field.label}”`);
      }
    }
  });

  it('DOC-2: missing legal basis, evidence and a second officer are refused on the seizure decision', () => {
    const values = { ...exampleSeizureDecision(), legal_basis: [], evidence_relied_on: undefined, officers_present: [exampleOfficers[0]!] };
    const messages = messagesByPath(validateDocumentFields(seizure, values));
    expect(messages.legal_basis).toBe('请填写“法律依据”');
    expect(messages.evidence_relied_on).toBe('请填写“证据材料”');
    expect(messages.officers_present).toBe('“执法人员及执法证号”至少需要2名执法人员');
  });

  it('DOC-2: an officer without 执法证号 and a repeated 执法证号 are refused', () => {
    const missing = messagesByPath(validateDocumentFields(seizure, { ...exampleSeizureDecision(), officers_present: [exampleOfficers[0], { name: '李晓红', certificateNo: ' ' }] }));
    expect(missing['officers_present.1.certificateNo']).toBe('请填写“执法证号”');
    const repeated = messagesByPath(validateDocumentFields(seizure, { ...exampleSeizureDecision(), officers_present: [exampleOfficers[0], { ...exampleOfficers[0], name: '李晓红' }] }));
    expect(repeated.officers_present).toBe('同一执法证号不能重复出现');
  });

  it('DOC-2: dates, times, options, money and table cells are checked with Chinese messages', () => {
    const messages = messagesByPath(validateDocumentFields(seizure, {
      ...exampleSeizureDecision(),
      decided_on: '2026-02-30',
      executed_at: '5 March',
      measure: '没收',
      party: { kind: 'natural' },
    }));
    expect(messages.decided_on).toBe('“决定日期”不是有效日期');
    expect(messages.executed_at).toMatch(/^“实施时间”应为日期和时间/);
    expect(messages.measure).toBe('“强制措施”只能是：扣押、查封');
    expect(messages['party.name']).toBe('请填写“当事人姓名或名称”');

    const penalty = documentType('penalty_decision')!;
    expect(messagesByPath(validateDocumentFields(penalty, { fine_amount: 12.345 })).fine_amount).toBe('“罚款金额”最多精确到分');
    expect(messagesByPath(validateDocumentFields(penalty, { fine_amount: -1 })).fine_amount).toBe('“罚款金额”不能为负数');
    const list = messagesByPath(validateDocumentFields(documentType('seizure_list')!, { ...exampleSeizureList(2), seized_items: [{ name: '', quantity: '三' }] }));
    expect(list['seized_items.0.name']).toBe('请填写“名称”');
    expect(list['seized_items.0.quantity']).toBe('“数量”应为数字');
  });

  it('DOC-2: a field required only for one service method is asked for exactly then (留置送达 needs 拒收事由)', () => {
    expect(validateDocumentFields(receipt, validReceipt()).ok).toBe(true);
    const leftAtPremises = messagesByPath(validateDocumentFields(receipt, { ...validReceipt(), service_method: '留置送达' }));
    expect(leftAtPremises.refusal_reason).toBe('拒收事由：当“送达方式”为留置送达时必须填写');
    const byPost = messagesByPath(validateDocumentFields(receipt, { ...validReceipt(), service_method: '邮寄送达', service_address: '' }));
    expect(byPost.postal_receipt).toMatch(/邮寄送达时必须填写/);
    expect(byPost.service_address).toBe('请填写“送达地点”');
  });

  it('DOC-2: blanks count as empty, text is trimmed and unknown keys are dropped', () => {
    const result = validateDocumentFields(receipt, { ...validReceipt(), signee: '   ', maker: '  王建国 ', injected: '<script>' });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.values.signee).toBeUndefined();
    expect(result.values.maker).toBe('王建国');
    expect('injected' in result.values).toBe(false);
  });
});
