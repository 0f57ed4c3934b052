import type { ColumnDefinition, CommonFieldKey, FieldDefinition, FieldOption } from './document-type.js';

// Short builders so the catalogue reads like the paper forms it describes.

type Extra = Partial<Pick<FieldDefinition, 'help' | 'min' | 'requiredWhen'>>;

export const options = (...labels: string[]): FieldOption[] => labels.map((text) => ({ value: text, label: text }));

const field = (type: FieldDefinition['type']) => (key: string, label: string, required: boolean, extra: Extra = {}): FieldDefinition => ({
  key, label, type, required, ...extra,
});

export const text = field('text');
export const textarea = field('textarea');
export const date = field('date');
export const datetime = field('datetime');
export const number = field('number');
export const money = field('money');
export const party = field('party');

export const select = (key: string, label: string, required: boolean, choices: FieldOption[], extra: Extra = {}): FieldDefinition => ({
  key, label, type: 'select', required, options: choices, ...extra,
});

export const items = (key: string, label: string, required: boolean, columns: ColumnDefinition[], extra: Extra = {}): FieldDefinition => ({
  key, label, type: 'items', required, columns, min: required ? 1 : 0, ...extra,
});

export const column = (key: string, label: string, type: ColumnDefinition['type'] = 'text', required = false, choices?: FieldOption[]): ColumnDefinition =>
  choices ? { key, label, type, required, options: choices } : { key, label, type, required };

/** Start and end of a record made on the spot, with its place (S1 第九条, S0 第二十九条). */
export const timeAndPlace = (): FieldDefinition[] => [
  datetime('started_at', '开始时间', true),
  datetime('ended_at', '结束时间', true),
  text('place', '地点', true),
];

/** 出示执法证件情况 — S1 第九条, S3 全过程记录办法 第十条（一）. */
export const identityShown = () =>
  textarea('identity_shown', '表明身份、出示执法证件情况', true, { help: '记录执法人员人数、姓名、执法证号及出示情况（S1 第九条）' });

/** Where the party is told how to seek redress; every decision issued to a party carries it. */
export const remedyNotice = () =>
  textarea('remedy_notice', '救济途径和期限', true, { help: '申请行政复议、提起行政诉讼的途径和期限' });

/** The three opinions of an internal approval form, each with its time (S1 第七条, 第十九条, 第三十六条). */
export const approvalOpinions = (): FieldDefinition[] => [
  textarea('handler_opinion', '承办人意见', true),
  datetime('handler_opinion_at', '承办人意见时间', true),
  textarea('unit_opinion', '承办机构意见', false, { help: '审核人审核时填写' }),
  datetime('unit_opinion_at', '承办机构意见时间', false),
  textarea('head_opinion', '行政机关负责人意见', false, { help: '批准人批准时填写' }),
  datetime('head_opinion_at', '负责人意见时间', false),
];

/** DOC-2 common fields: officers with 执法证号 (S1 第九条) and S1 第十五条's maker, reviewer, basis, evidence, factors. */
export const COMMON_FIELDS: Record<CommonFieldKey, FieldDefinition> = {
  officers_present: { key: 'officers_present', label: '执法人员及执法证号', type: 'officers', required: false, min: 1 },
  legal_basis: { key: 'legal_basis', label: '法律依据', type: 'law_basis', required: false, min: 1 },
  evidence_relied_on: { key: 'evidence_relied_on', label: '证据材料', type: 'evidence_refs', required: false, min: 1 },
  factors_considered: { key: 'factors_considered', label: '应考虑的有关因素', type: 'textarea', required: false, help: '如裁量基准、从轻或从重情节' },
  maker: { key: 'maker', label: '制作人', type: 'text', required: true },
  reviewer: { key: 'reviewer', label: '承办机构审核人', type: 'text', required: false },
};

/** The complete ordered field list of a type: its own fields, then the DOC-2 common ones. */
export function fieldsOf(type: { fields: FieldDefinition[]; commonRequired: CommonFieldKey[]; minimumOfficers: number }): FieldDefinition[] {
  const common = Object.values(COMMON_FIELDS).map((definition) => {
    const required = definition.required || type.commonRequired.includes(definition.key as CommonFieldKey);
    if (definition.key !== 'officers_present') return { ...definition, required };
    return { ...definition, required: required || type.minimumOfficers > 0, min: Math.max(1, type.minimumOfficers) };
  });
  return [...type.fields, ...common];
}
