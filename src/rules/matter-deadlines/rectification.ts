import type { LawDeadlineRule } from '../law/law-rule.js';
import { deadlineState, type MatterDeadlineSource } from './matter-deadline.js';

/** The due day is the order's own (限期改正); the law says it is ordered, S1 第二十七条 that it is checked. */
export const RECTIFICATION_CHECK: LawDeadlineRule = {
  key: 'rectificationCheck',
  name: '整改期限及核查',
  citation: { law: '行政处罚法', version: '2021年修订', article: '第二十八条第一款', quote: '行政机关实施行政处罚时，应当责令当事人改正或者限期改正违法行为。' },
  unitSource: null,
  startsAt: '责令改正之日（期限由责令改正通知载明）',
  unit: 'calendarDays',
  amount: 0,
  actor: 'agency',
  rollsOverRestDay: false,
};

/**
 * 整改核查 (S1 第二十七条; S3 全过程记录办法 第十二条（二）): each rectification order is checked by
 * its due day; met by the first check recorded after the order (its 核查日期). Unchecked keeps
 * execution open (CASE-12).
 */
export const rectificationCheck: MatterDeadlineSource = (ctx) => {
  const orders = ctx.steps.filter((s) => s.step === 'rectification_order' && s.done && typeof s.details?.due_on === 'string');
  const checks = ctx.steps.filter((s) => s.step === 'rectification_check' && s.done && typeof s.details?.checked_on === 'string');
  return orders.map((order, i) => {
    const due = order.details!.due_on as string;
    const next = orders[i + 1];
    // A check belongs to the latest order recorded before it.
    const check = checks.find((c) => c.occurredAt >= order.occurredAt && (!next || c.occurredAt < next.occurredAt));
    const doneOn = (check?.details?.checked_on as string | undefined) ?? null;
    return {
      key: `rectificationCheck:${order.id}`,
      rule: RECTIFICATION_CHECK,
      subject: typeof order.details!.correction_content === 'string' ? String(order.details!.correction_content).slice(0, 40) : null,
      startedOn: order.occurredOn,
      due,
      doneOn,
      state: deadlineState(due, doneOn, ctx.today),
      act: '核查整改情况',
      blocksClosing: !doneOn,
    };
  });
};
