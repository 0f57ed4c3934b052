import { FINE_PAYMENT } from '../law/law-deadlines.js';
import { fineStatus } from '../payment/fine-payment.js';
import { deadlineState, type MatterDeadlineSource } from './matter-deadline.js';

/**
 * 缴纳罚款 (行政处罚法 第六十七条第三款): 15 days after the 行政处罚决定书 was served, rolled over a
 * rest day, or the approved deferral's last day (第六十六条); met once the recorded payments cover
 * the fine. An unpaid fine keeps execution open (CASE-12) unless the agency applied to a court,
 * which then carries the enforcement (行政强制法 第五十三条).
 */
export const finePayment: MatterDeadlineSource = (ctx) => {
  const status = fineStatus(ctx);
  if (!status?.servedDay || !status.due) return [];
  const courtApplied = ctx.steps.some((s) => s.step === 'court_application' && s.done);
  return [{
    key: `finePayment:${status.documentId}`,
    rule: FINE_PAYMENT,
    subject: status.deferral ? `经批准${status.deferral.kind}` : null,
    startedOn: status.servedDay,
    due: status.due,
    doneOn: status.paidOn,
    state: deadlineState(status.due, status.paidOn, ctx.today),
    act: '缴清罚款',
    blocksClosing: !status.paidOn && !courtApplied,
  }];
};
