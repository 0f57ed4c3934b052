import { items, number, text, textarea } from '../../documents/field-builders.js';
import { MAX_SEIZURE_EXTENSION_DAYS } from '../../law/seizure.js';
import { ITEM_COLUMNS } from './custody-record.js';
import type { StepFacts } from './step-facts.js';

/**
 * 查封、扣押 (CASE-10): 行政强制法 第二十四条 — the decision and its 清单 name the items, the place
 * and the term; 第二十五条 — the term is at most 30 days (extension is a step of its own);
 * S0 第二十八–二十九条 — what the seizure records. A blank term is the full 30 days.
 */
const measureFacts = (measure: '扣押' | '查封', keptLabel: string): StepFacts => ({
  source: 'S0 第二十八–二十九条；行政强制法 第二十四、二十五条',
  fields: [
    textarea('measure_reason', `${measure}的理由`, true),
    items('seized_items', `${measure}物品（清单）`, true, ITEM_COLUMNS),
    text('custody_place', keptLabel, true),
    text('measure_place', `${measure}地点`, true),
    number('term_days', `${measure}期限（日）`, false, { help: '不超过三十日，不填为三十日（《行政强制法》第二十五条）' }),
  ],
  check: (values) => {
    const days = values.term_days;
    if (days === undefined || days === null) return [];
    if (typeof days !== 'number' || !Number.isInteger(days) || days < 1) return [`${measure}期限须为 1 至 30 日的整数`];
    if (days > MAX_SEIZURE_EXTENSION_DAYS) return [`${measure}期限不得超过三十日（《行政强制法》第二十五条）；情况复杂的，经负责人批准可延长一次`];
    return [];
  },
});

export const seizureFacts = measureFacts('扣押', '扣押物品保管地点');
export const sealingFacts = measureFacts('查封', '查封场所、设施或者财物所在地及封存方式');
