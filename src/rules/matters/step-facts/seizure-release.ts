import { datetime, items, options, select, text } from '../../documents/field-builders.js';
import { heldAfter, ITEM_COLUMNS, itemsOf, seizureChoice, seizuresOf, stepsReferring, type Item } from './custody-record.js';
import type { StepFacts } from './step-facts.js';

const RECEIPTS = ['当事人或其委托的人签收', '拒绝签收'] as const;

/**
 * 解除查封、扣押 (CASE-10): 行政强制法 第二十八条 — on release the goods are returned at once, so the
 * release records the return itself: which items, to whom, signed for (or the refusal with a
 * witness) and when; S0 第三十二条. Only items of that seizure, never more than were seized.
 */
export const seizureReleaseFacts: StepFacts = {
  source: 'S0 第三十二条；行政强制法 第二十七、二十八条',
  fields: [],
  fieldsFor: (record) => [
    seizureChoice(record),
    select('release_reason', '解除的理由', true, options(
      '当事人没有违法行为', '查封、扣押的场所、设施或者财物与违法行为无关', '对违法行为已经作出处理决定，不再需要查封、扣押',
      '查封、扣押期限已经届满', '其他不再需要采取查封、扣押措施的情形',
    ), { help: '《行政强制法》第二十八条' }),
    items('returned_items', '退还物品', true, ITEM_COLUMNS),
    text('returned_to', '退还对象（当事人或其委托的人）', true),
    select('receipt', '签收情况', true, options(...RECEIPTS)),
    text('signed_by', '签收人', false, { requiredWhen: { field: 'receipt', equals: [RECEIPTS[0]] } }),
    text('refusal_witness', '拒绝签收的见证人', false, { requiredWhen: { field: 'receipt', equals: [RECEIPTS[1]] } }),
    datetime('returned_at', '退还时间', true, { help: '解除后应当立即退还财物' }),
  ],
  check: (values, ctx) => {
    const seizure = seizuresOf(ctx).find((s) => s.id === values.seizure_step);
    if (!seizure) return ['所涉查封、扣押须是本案经批准的查封、扣押'];
    const problems: string[] = [];
    if (Date.parse(String(values.returned_at)) < seizure.occurredAt.getTime()) problems.push('退还时间不能早于查封、扣押时间');
    // A seizure recorded before its list was required has no items to compare with.
    if (!itemsOf(seizure, 'seized_items').length) return problems;
    const left = heldAfter(seizure, stepsReferring(ctx, 'seizure_release', 'seizure_step', seizure.id));
    for (const item of (values.returned_items ?? []) as Item[]) {
      const available = left.get(item.name);
      if (available === undefined) problems.push(`“${item.name}”不在该查封、扣押的清单中`);
      else if (item.quantity > available) problems.push(`“${item.name}”退还 ${item.quantity}，超过尚未退还的 ${available}`);
      else left.set(item.name, available - item.quantity);
    }
    return problems;
  },
};

