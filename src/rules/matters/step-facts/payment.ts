import { column, date, items, money, number, options, select, textarea } from '../../documents/field-builders.js';
import { fenOfYuan, fineStatus, formatFen, surchargeAsOf } from '../../payment/fine-payment.js';
import { lateSurcharge } from '../../law/late-surcharge.js';
import { cnDay } from './execution-record.js';
import type { StepFacts } from './step-facts.js';

/**
 * 延期（分期）缴纳罚款 (行政处罚法 第六十六条第二款): on the party's application, for real financial
 * hardship, with the agency's approval (the step is approved before it counts). A deferral names the
 * new due day; instalments name each due day and amount, and together they make up the fine.
 */
export const paymentDeferralFacts: StepFacts = {
  source: '行政处罚法 第六十六条第二款',
  fields: [
    select('deferral_kind', '方式', true, options('延期缴纳', '分期缴纳')),
    date('new_due', '延期后的缴纳期限', false, { requiredWhen: { field: 'deferral_kind', equals: ['延期缴纳'] } }),
    items('instalments', '分期缴纳计划', false, [column('due', '缴纳期限', 'date', true), column('amount', '金额（元）', 'money', true)], {
      requiredWhen: { field: 'deferral_kind', equals: ['分期缴纳'] },
      min: 2,
    }),
    textarea('reason', '当事人申请的理由（确有经济困难的情况）', true),
  ],
  check(values, ctx) {
    const status = fineStatus(ctx);
    if (!status) return ['本事项没有载明罚款金额的已定稿行政处罚决定书，无需延期或分期缴纳'];
    const problems: string[] = [];
    if (values.deferral_kind === '延期缴纳' && typeof values.new_due === 'string' && values.new_due <= ctx.occurredOn) {
      problems.push('延期后的缴纳期限应晚于批准之日');
    }
    if (values.deferral_kind === '分期缴纳') {
      const rows = (values.instalments ?? []) as { due?: string; amount?: number }[];
      const total = rows.reduce((sum, r) => sum + fenOfYuan(r.amount), 0);
      if (total !== status.fineFen) problems.push(`各期金额合计 ${formatFen(total)}，应等于罚款金额 ${formatFen(status.fineFen)}`);
      if (rows.some((r) => (r.due ?? '') <= ctx.occurredOn)) problems.push('各期缴纳期限应晚于批准之日');
    }
    return problems;
  },
};

/**
 * 加处罚款 (行政处罚法 第七十二条第一款第（一）项; 行政强制法 第四十五条): 3 % of the fine a day after the
 * due day, never more than the fine. The officer records the amount and days; the system computes
 * them from the matter's fine, due day and payments (or, in a 行政强制执行 matter whose decision lies
 * in another file, from the principal and due day entered) and refuses a figure that differs.
 */
export const latePaymentPenaltyFacts: StepFacts = {
  source: '行政处罚法 第七十二条；行政强制法 第四十五条',
  fields: [
    money('principal_amount', '罚款本金（元）', false, { help: '本事项没有载明罚款的行政处罚决定书时填写' }),
    date('payment_due', '原缴纳期限', false, { help: '本事项没有送达记录时填写' }),
    number('surcharge_days', '加处罚款天数', true),
    money('surcharge_amount', '加处罚款金额（元）', true),
  ],
  check(values, ctx) {
    const status = fineStatus(ctx);
    let computed;
    if (status?.due) {
      computed = surchargeAsOf(status, ctx.occurredOn);
    } else if (!status && typeof values.principal_amount === 'number' && typeof values.payment_due === 'string') {
      computed = lateSurcharge(fenOfYuan(values.principal_amount), values.payment_due, ctx.occurredOn);
    } else {
      return [status ? '行政处罚决定书尚未送达，缴纳期限未起算，不能加处罚款' : '请填写罚款本金和原缴纳期限（本事项没有载明罚款的行政处罚决定书）'];
    }
    if (computed.daysLate === 0) return [`缴纳期限尚未届满，不能加处罚款（《行政处罚法》第七十二条）`];
    const right = `应为 ${computed.daysLate} 日、${formatFen(computed.surchargeFen)}${computed.capped ? '（已达罚款数额上限）' : ''}，计至${cnDay(ctx.occurredOn)}（每日按罚款数额的百分之三，不得超出罚款数额：《行政处罚法》第七十二条、《行政强制法》第四十五条）`;
    if (values.surcharge_days !== computed.daysLate || fenOfYuan(values.surcharge_amount) !== computed.surchargeFen) return [`加处罚款计算有误：${right}`];
    return [];
  },
};
