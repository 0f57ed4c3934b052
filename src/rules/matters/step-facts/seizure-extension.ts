import { date, number, textarea } from '../../documents/field-builders.js';
import { seizureDue } from '../../law/seizure.js';
import { originalDueOf, releasedInFull, seizureChoice, seizuresOf, stepsReferring } from './custody-record.js';
import type { StepFacts } from './step-facts.js';

const ARTICLE = '《行政强制法》第二十五条';

/**
 * 延长查封、扣押 (CASE-10): 行政强制法 第二十五条 — a seizure is extended at most once, by at most 30
 * days, with the head's approval (the step is approved), decided before the term ends, and the
 * party told in writing (the 延长扣押告知书; its day is recorded). S0 第三十–三十一条.
 */
export const seizureExtensionFacts: StepFacts = {
  source: 'S0 第三十–三十一条；行政强制法 第二十五条',
  fields: [],
  fieldsFor: (record) => [
    seizureChoice(record),
    number('extension_days', '延长期限（日）', true, { help: '不超过三十日，只能延长一次' }),
    textarea('extension_reason', '延长的理由', true, { help: '情况复杂的具体情形' }),
    date('party_notified_on', '延长扣押告知书送达当事人日期', true, { help: '延长决定应当及时书面告知当事人' }),
  ],
  check: (values, ctx) => {
    const seizure = seizuresOf(ctx).find((s) => s.id === values.seizure_step);
    if (!seizure) return ['所涉查封、扣押须是本案经批准的查封、扣押'];
    if (releasedInFull(ctx, seizure) || ctx.steps.some((s) => s.step === 'handling_decision')) return ['该查封、扣押已全部解除或已作出处理决定，不能再延长'];
    const earlier = stepsReferring(ctx, 'seizure_extension', 'seizure_step', seizure.id).map((e) => ({ days: Number(e.details?.extension_days) }));
    const extended = seizureDue(seizure.occurredOn, [...earlier, { days: Number(values.extension_days) }]);
    if (!extended.ok) return [extended.message];
    const originalDue = originalDueOf(seizure);
    const problems: string[] = [];
    if (ctx.occurredOn > originalDue) problems.push(`延长决定须在原期限届满（${originalDue}）前作出（${ARTICLE}）`);
    const notified = String(values.party_notified_on);
    if (notified < seizure.occurredOn || notified > originalDue) problems.push(`延长扣押告知书须在原期限届满（${originalDue}）前书面告知当事人（${ARTICLE}）`);
    return problems;
  },
};
