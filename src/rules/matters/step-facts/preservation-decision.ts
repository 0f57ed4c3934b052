import { column, items, options, select, textarea } from '../../documents/field-builders.js';
import { choiceOf, itemsOf, preservationLabel, registeredPreservationsOf, type Item } from './custody-record.js';
import type { StepFacts } from './step-facts.js';

export const PRESERVATION_HANDLINGS = options(
  '解除先行登记保存并退还', '送检验、检测、鉴定', '依法没收', '移送有关部门', '转为查封、扣押', '其他依法处理',
);

/**
 * 先行登记保存物品处理决定 (CASE-7): 行政处罚法 第五十六条 — the agency decides what happens to items
 * registered for preservation within 7 (working, 第八十五条) days; S1 第十三条. The decision names
 * the preservation it settles and each item's handling; the step's own time is when it was decided.
 */
export const preservationDecisionFacts: StepFacts = {
  source: 'S1 第十三条；行政处罚法 第五十六条',
  fields: [],
  fieldsFor: (record) => [
    choiceOf('preservation_step', '所涉先行登记保存', registeredPreservationsOf(record).map((s) => ({ value: s.id, label: preservationLabel(s) })), '（本案尚无经批准的先行登记保存）'),
    select('handling', '处理方式', true, PRESERVATION_HANDLINGS),
    items('handled_items', '物品及其处理', true, [
      column('name', '名称', 'text', true),
      column('quantity', '数量', 'number', true),
      column('unit', '单位', 'text'),
      column('handling', '处理方式', 'select', true, PRESERVATION_HANDLINGS),
    ]),
    textarea('decision_reason', '处理理由', false),
  ],
  check: (values, ctx) => {
    const preservation = registeredPreservationsOf(ctx).find((s) => s.id === values.preservation_step);
    if (!preservation) return ['所涉先行登记保存须是本案经负责人批准的先行登记保存（《行政处罚法》第五十六条）'];
    const problems: string[] = [];
    if (ctx.steps.some((s) => s.step === 'preservation_decision' && s.details?.preservation_step === preservation.id)) problems.push('该先行登记保存已作出处理决定');
    const preserved = new Map(itemsOf(preservation, 'preserved_items').map((i) => [i.name, i.quantity]));
    for (const item of (values.handled_items ?? []) as Item[]) {
      const quantity = preserved.get(item.name);
      if (quantity === undefined) problems.push(`“${item.name}”不在该先行登记保存的物品中`);
      else if (item.quantity > quantity) problems.push(`“${item.name}”处理 ${item.quantity}，超过登记保存的 ${quantity}`);
    }
    return problems;
  },
};
