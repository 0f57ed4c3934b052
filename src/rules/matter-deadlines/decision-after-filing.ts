import { dueOf } from '../law/due-of.js';
import { DECISION_AFTER_FILING } from '../law/law-deadlines.js';
import { deadlineState, firstDone, type MatterDeadlineSource } from './matter-deadline.js';

/**
 * 行政处罚法 第六十条: a general-procedure penalty is decided within 90 days of filing. The clock
 * starts on the approved filing's day and stops on the decision's (approved) day; the profile may
 * roll a last day that is a rest day over (its calendarDayRollover parameter).
 */
export const decisionAfterFiling: MatterDeadlineSource = (ctx) => {
  if (ctx.category !== 'penalty_general') return [];
  const filing = firstDone(ctx, 'filing');
  if (!filing) return [];
  const due = dueOf(DECISION_AFTER_FILING, filing.occurredOn, ctx.calendar, { rollOverRestDay: ctx.rollOverAgencyDays });
  const decided = firstDone(ctx, 'decision');
  const doneOn = decided?.occurredOn ?? null;
  return [{ key: `decisionAfterFiling:${filing.id}`, rule: DECISION_AFTER_FILING, subject: null, startedOn: filing.occurredOn, due, doneOn, state: deadlineState(due, doneOn, ctx.today), act: '作出行政处罚决定', blocksClosing: false }];
};
