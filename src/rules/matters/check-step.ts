import { stepLabel } from './activity-labels.js';
import type { Lifecycle, StepCheck, StepRecord } from './lifecycle.js';

/**
 * CASE-5: may `step` be recorded now? When not, `missing` says in Chinese what must come first,
 * e.g. "需先完成：案件调查终结报告". Pure: the history is what the matter has recorded.
 */
export function checkStep(lifecycle: Lifecycle, history: StepRecord[], step: string): StepCheck {
  const definition = lifecycle.steps.find((s) => s.step === step);
  if (!definition) return { ok: false, code: 'UNKNOWN_STEP', missing: [`${lifecycleLabel(lifecycle)}没有“${stepLabel(step)}”这一环节`] };
  const done = new Set(history.filter((h) => h.done).map((h) => h.step));
  const recorded = new Set(history.map((h) => h.step));
  const ender = lifecycle.steps.find((s) => s.endsMatter && done.has(s.step));
  if (ender && step !== 'archive') return { ok: false, code: 'MATTER_ENDED', missing: [`事项已${stepLabel(ender.step)}，不能再记录“${stepLabel(step)}”`] };
  if (!definition.repeatable && recorded.has(step)) {
    return { ok: false, code: 'ALREADY_DONE', missing: [`“${stepLabel(step)}”已记录，如需更正请更正其文书`] };
  }
  const missing: string[] = [];
  for (const group of definition.after ?? []) {
    if (!group.some((s) => done.has(s))) missing.push(`需先完成：${group.map(stepLabel).join('或')}${pendingNote(group, history)}`);
  }
  for (const s of definition.notAfter ?? []) if (recorded.has(s)) missing.push(`已记录“${stepLabel(s)}”，不能再“${stepLabel(step)}”`);
  return missing.length ? { ok: false, code: 'OUT_OF_ORDER', missing } : { ok: true, definition };
}

// A step recorded but still waiting for approval does not open the way yet: say so.
function pendingNote(group: string[], history: StepRecord[]) {
  return group.some((s) => history.some((h) => h.step === s && !h.done)) ? '（已提交，尚待审批通过）' : '';
}

/** The steps that may be recorded now, for the officer's "next step" menu. */
export function availableSteps(lifecycle: Lifecycle, history: StepRecord[]) {
  return lifecycle.steps.filter((s) => checkStep(lifecycle, history, s.step).ok);
}

/** The phase a matter is in: that of the furthest step it has recorded. */
export function currentPhase(lifecycle: Lifecycle, history: StepRecord[]) {
  const order = ['start', 'investigation', 'review_decision', 'service_execution', 'archiving'] as const;
  let index = 0;
  for (const h of history) {
    const def = lifecycle.steps.find((s) => s.step === h.step);
    if (def) index = Math.max(index, order.indexOf(def.phase));
  }
  return order[index]!;
}

const lifecycleLabel = (l: Lifecycle) => `本类事项（${l.category}）`;
