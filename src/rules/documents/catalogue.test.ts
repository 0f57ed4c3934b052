import { describe, expect, it } from 'vitest';
import { STEP_LABELS } from '../matters/activity-labels.js';
import { documentType, documentTypes, formatDocumentNumber, mergeCatalogue } from './catalogue/index.js';
import { COMMON_FIELD_KEYS, documentTypeSchema, validateDocumentType, type DocumentType } from './document-type.js';
import { fieldsOf } from './field-builders.js';

/** The 28 names of DOC-1 (REQUIREMENTS.md), 受理/不予受理/补正 and 准予/不予 written out. */
const DOC1_NAMES = [
  '立案审批表', '受理通知书', '不予受理通知书', '补正通知书', '准予许可决定书', '不予许可决定书', '询问笔录',
  '现场检查（勘验）笔录', '调取证据通知书', '证据先行登记保存清单', '抽样取证凭证及物品清单', '鉴定意见', '检测检验报告',
  '陈述申辩笔录', '听证笔录/报告', '专家论证意见', '集体讨论记录', '法制审核意见书', '案件调查终结报告', '行政处罚决定书',
  '扣押决定书', '扣押清单', '延长扣押告知书', '解除扣押决定书', '催告书', '强制执行决定书', '强制拆除公告', '送达回证',
  '结案审批表', '卷内目录',
];

const byName = (name: string) => documentTypes.find((type) => type.name === name)!;
const keysOf = (type: DocumentType) => fieldsOf(type).map((field) => field.key);

describe('DOC-1 document catalogue', () => {
  it('DOC-1: every document type the seeds name is in the catalogue, plus the rights notice and the emergency retro-approval', () => {
    const names = documentTypes.map((type) => type.name);
    for (const name of DOC1_NAMES) expect(names, name).toContain(name);
    expect(names).toContain('行政处罚事先告知书');
    expect(names).toContain('紧急启动补报审批表');
    expect(documentTypes.length).toBeGreaterThanOrEqual(DOC1_NAMES.length);
  });

  it('DOC-1: identifiers and names are unique and every built-in type satisfies the schema agencies must meet', () => {
    expect(new Set(documentTypes.map((type) => type.id)).size).toBe(documentTypes.length);
    expect(new Set(documentTypes.map((type) => type.name)).size).toBe(documentTypes.length);
    for (const type of documentTypes) expect(documentTypeSchema.safeParse(type).success, type.id).toBe(true);
  });

  it('DOC-1: every activity a type serves is a step the matter lifecycles know', () => {
    for (const type of documentTypes) for (const activity of type.activities) expect(STEP_LABELS[activity], `${type.id}: ${activity}`).toBeDefined();
  });

  it('DOC-1: documents issued to a party carry a number prefix or are lists attached to a numbered decision', () => {
    const unnumberedIssued = documentTypes.filter((type) => type.issuedToParty && type.numberPrefix === null).map((type) => type.id);
    expect(unnumberedIssued).toEqual(['seizure_list']);
    expect(formatDocumentNumber(documentType('seizure_decision')!, { agencyPrefix: '抚文执', year: 2026, sequence: 12 })).toBe('抚文执扣字〔2026〕第12号');
    expect(formatDocumentNumber(documentType('questioning_record')!, { agencyPrefix: '抚文执', year: 2026, sequence: 1 })).toBeNull();
  });

  it('DOC-1: 立案审批表 holds what S1 第七条 lists and is approved through the chain', () => {
    const filing = byName('立案审批表');
    expect(filing.approval).toBe(true);
    expect(filing.phase).toBe('start');
    expect(keysOf(filing)).toEqual(expect.arrayContaining([
      'case_cause', 'case_source', 'basic_facts', 'party', 'start_reason',
      'handler_opinion', 'handler_opinion_at', 'unit_opinion', 'unit_opinion_at', 'head_opinion', 'head_opinion_at',
    ]));
  });

  it('DOC-1: evidence preservation records reason, object and form (S1 第十三条); the seizure decision the S0 key points', () => {
    const preservation = fieldsOf(byName('证据先行登记保存清单'));
    expect(preservation.map((field) => field.label)).toEqual(expect.arrayContaining(['证据保全的启动理由', '证据保全的具体标的', '证据保全的形式']));
    expect(preservation.find((field) => field.key === 'preservation_form')?.options?.map((option) => option.value)).toContain('先行登记保存');
    const seizure = byName('扣押决定书');
    expect(keysOf(seizure)).toEqual(expect.arrayContaining(['executed_at', 'place', 'reason', 'statements', 'remedy_notice', 'legal_basis']));
    expect(seizure.signers).toEqual(expect.arrayContaining(['officer', 'party', 'witness']));
    expect(seizure.categories).toEqual(['coercive_measure']);
  });

  it('DOC-1: each phase of the matter has its documents, and the service receipt serves every category', () => {
    const phases = new Set(documentTypes.map((type) => type.phase));
    expect([...phases].sort()).toEqual(['archiving', 'investigation', 'review_decision', 'service_execution', 'start']);
    expect(byName('送达回证').categories).toHaveLength(7);
  });

  it('DOC-1: an agency type is checked with Chinese messages, then added or replaces a built-in one', () => {
    const bad = validateDocumentType({ id: 'Bad Id', name: '', categories: [], activities: ['x'], phase: 'nowhere', fields: [{ key: 'maker', label: '制作人', type: 'text', required: true }] });
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    const paths = bad.issues.map((issue) => issue.path);
    expect(paths).toEqual(expect.arrayContaining(['id', 'name', 'categories', 'phase', 'issuedToParty']));
    for (const issue of bad.issues) expect(issue.message).toMatch(/[\u4e00-\u9fff]/);

    const own = { ...documentType('questioning_record')!, id: 'night_inspection_record', name: '夜间检查记录' };
    const checked = validateDocumentType(JSON.parse(JSON.stringify(own)));
    expect(checked.ok).toBe(true);
    if (!checked.ok) return;
    const adapted = { ...documentType('seizure_list')!, name: '扣押物品清单' };
    const merged = mergeCatalogue(documentTypes, [checked.type, adapted]);
    expect(merged).toHaveLength(documentTypes.length + 1);
    expect(merged.find((type) => type.id === 'seizure_list')?.name).toBe('扣押物品清单');
    expect(merged.at(-1)?.id).toBe('night_inspection_record');
  });

  it('DOC-1: an agency type whose fields collide with the common fields or name a missing condition field is refused', () => {
    const base = JSON.parse(JSON.stringify(documentType('service_receipt')!)) as DocumentType;
    base.fields.push({ key: 'officers_present', label: '执法人员', type: 'text', required: true });
    base.fields.push({ key: 'x_reason', label: '原因', type: 'text', required: false, requiredWhen: { field: 'nope', equals: ['a'] } });
    const result = validateDocumentType(base);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues.map((issue) => issue.message).join('；')).toMatch(/通用字段冲突.*不存在|不存在.*通用字段冲突/);
  });
});

describe('DOC-2 common fields', () => {
  it('DOC-2: every type records maker, reviewer, legal basis, evidence relied on, factors considered and officers with 执法证号', () => {
    for (const type of documentTypes) {
      const keys = keysOf(type);
      for (const common of COMMON_FIELD_KEYS) expect(keys, `${type.id} lacks ${common}`).toContain(common);
      expect(fieldsOf(type).find((field) => field.key === 'maker')?.required).toBe(true);
    }
  });

  it('DOC-2: investigative records need two officers present; decisions need their legal basis', () => {
    for (const id of ['questioning_record', 'on_site_inspection_record', 'sampling_record', 'evidence_preservation_list']) {
      const officers = fieldsOf(documentType(id)!).find((field) => field.key === 'officers_present')!;
      expect(officers.required, id).toBe(true);
      expect(officers.min, id).toBe(2);
    }
    for (const id of ['penalty_decision', 'seizure_decision', 'enforcement_decision', 'licence_refusal_decision']) {
      expect(fieldsOf(documentType(id)!).find((field) => field.key === 'legal_basis')?.required, id).toBe(true);
    }
  });
});
