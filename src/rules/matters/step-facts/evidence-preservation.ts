import { items, options, select, text, textarea, column } from '../../documents/field-builders.js';
import type { StepFacts } from './step-facts.js';

/**
 * 证据保全 (CASE-7, S1 第十三条): the reason it was started, what is preserved, and its form —
 * 先行登记保存 needs the head's approval (行政处罚法 第五十六条), so the step is approved before it counts.
 */
export const evidencePreservationFacts: StepFacts = {
  source: 'S1 第十三条；行政处罚法 第五十六条',
  fields: [
    textarea('preservation_reason', '证据保全的启动理由', true, { help: '证据可能灭失或者以后难以取得的情形' }),
    select('preservation_form', '证据保全的形式', true, options('先行登记保存', '复制', '音像', '鉴定', '勘验', '制作询问笔录')),
    items('preserved_items', '证据保全的具体标的', true, [
      column('name', '名称', 'text', true),
      column('specification', '规格', 'text'),
      column('quantity', '数量', 'number', true),
      column('unit', '单位', 'text'),
      column('condition', '状况', 'text'),
    ]),
    text('storage_place', '保存地点', false, { requiredWhen: { field: 'preservation_form', equals: ['先行登记保存'] } }),
  ],
};
