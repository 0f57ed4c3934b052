import { date, options, select, textarea } from '../../documents/field-builders.js';
import type { StepFacts } from './step-facts.js';

export const RECTIFICATION_RESULTS = ['已整改', '未整改', '部分整改'] as const;

/**
 * 责令（限期）改正 (行政处罚法 第二十八条第一款; S1 第二十七条; S3 全过程记录办法 第十二条（二）):
 * what must be corrected, by when, on what basis. The due day comes after the order.
 */
export const rectificationOrderFacts: StepFacts = {
  source: '行政处罚法 第二十八条第一款；S1 第二十七条',
  fields: [
    textarea('correction_content', '责令改正的内容', true),
    date('due_on', '改正期限', true),
    textarea('basis', '责令改正的依据', true),
  ],
  check: (values, ctx) => (typeof values.due_on === 'string' && values.due_on <= ctx.occurredOn ? ['改正期限应晚于责令改正之日'] : []),
};

/**
 * 整改核查 (S1 第二十七条: 要按期对改正情况进行核查并进行文字记录): the day checked, the result and
 * what was found; after an order, and not before it.
 */
export const rectificationCheckFacts: StepFacts = {
  source: 'S1 第二十七条；S3 全过程记录办法 第十二条（二）',
  fields: [
    date('checked_on', '核查日期', true),
    select('result', '核查结果', true, options(...RECTIFICATION_RESULTS)),
    textarea('findings', '核查发现的情况', true),
  ],
  check(values, ctx) {
    const orders = ctx.steps.filter((s) => s.step === 'rectification_order' && s.done);
    const day = String(values.checked_on);
    if (day > ctx.occurredOn) return ['核查日期不能晚于记录之日'];
    if (orders.length && day < orders[0]!.occurredOn) return ['核查日期不能早于责令改正之日'];
    return [];
  },
};
