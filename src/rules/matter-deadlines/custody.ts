import { dueOf } from '../law/due-of.js';
import { EVIDENCE_PRESERVATION_DECISION, SEIZURE_TERM } from '../law/law-deadlines.js';
import { fullyReleasedOn, preservationLabel, registeredPreservationsOf, seizureDueOf, seizureLabel, seizuresOf, stepsReferring } from '../matters/step-facts/custody-record.js';
import { deadlineState, type MatterDeadlineContext, type MatterDeadlineSource } from './matter-deadline.js';

const firstDay = (days: string[]) => days.sort()[0] ?? null;

/**
 * 行政处罚法 第五十六条 (七日 are working days, 第八十五条): each approved 先行登记保存 is decided
 * within 7 working days of its day, met by the 先行登记保存物品处理决定 naming it. Undecided items
 * keep the matter open (CASE-12).
 */
export const preservationDecisionDeadlines: MatterDeadlineSource = (ctx) =>
  registeredPreservationsOf(ctx).map((p) => {
    const due = dueOf(EVIDENCE_PRESERVATION_DECISION, p.occurredOn, ctx.calendar);
    const doneOn = firstDay(stepsReferring(ctx, 'preservation_decision', 'preservation_step', p.id).filter((d) => d.done).map((d) => d.occurredOn));
    return { key: `evidencePreservationDecision:${p.id}`, rule: EVIDENCE_PRESERVATION_DECISION, subject: preservationLabel(p), startedOn: p.occurredOn, due, doneOn, state: deadlineState(due, doneOn, ctx.today), act: '作出先行登记保存物品处理决定', blocksClosing: true };
  });

/**
 * 行政强制法 第二十五条: each approved seizure or sealing ends on its term (≤ 30 days, plus one approved
 * extension ≤ 30); met by the handling decision (第二十七条) or the release that returns the last of
 * that seizure's goods (第二十八条). Goods held past the day keep the matter open (CASE-12).
 */
export const seizureTermDeadlines: MatterDeadlineSource = (ctx: MatterDeadlineContext) => {
  const handled = ctx.steps.filter((s) => s.done && s.step === 'handling_decision').map((s) => s.occurredOn);
  return seizuresOf(ctx).map((s) => {
    const due = seizureDueOf(ctx, s);
    const released = fullyReleasedOn(ctx, s);
    const doneOn = firstDay([...handled.filter((day) => day >= s.occurredOn), ...(released ? [released] : [])]);
    return { key: `seizureTerm:${s.id}`, rule: SEIZURE_TERM, subject: seizureLabel(s), startedOn: s.occurredOn, due, doneOn, state: deadlineState(due, doneOn, ctx.today), act: '作出处理决定或者解除查封、扣押', blocksClosing: true };
  });
};
