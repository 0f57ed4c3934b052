import type { LawDeadlineRule } from '../law/law-rule.js';
import type { StepFactsContext } from '../matters/step-facts/step-facts.js';

// The time limits national law sets on a matter, computed from what the matter records (steps
// with their facts, documents, services) — never from a fact the system does not record. One
// computation serves the matter page's 期限 card and the findings engine (a missed limit is a
// finding), so the two never disagree.

export type MatterDeadlineState =
  /** The clock runs and the act is not done; due day not passed. */
  | 'running'
  /** Done on or before the due day. */
  | 'met'
  /** Done, but after the due day. */
  | 'met_late'
  /** Not done and the due day has passed. */
  | 'overdue';

export type MatterDeadline = {
  /** Stable across evaluations: the rule's key and what it is about. */
  key: string;
  rule: LawDeadlineRule;
  /** What it is about when a matter has several (a party, a seizure …), for people. */
  subject: string | null;
  /** The day the clock started (not counted, 民法典 第二百零一条). */
  startedOn: string;
  /** The last day on which the act is in time. */
  due: string;
  /** The day the act was done, if it was. */
  doneOn: string | null;
  state: MatterDeadlineState;
  /** What the act is, in Chinese: '作出行政处罚决定'. */
  act: string;
  /**
   * Service and execution are not closed while this act is undone (CASE-12): a fine unpaid, a
   * seizure not decided, a rectification not checked. The party's own rights (review, lawsuit) do not.
   */
  blocksClosing: boolean;
};

export type MatterDeadlineContext = Omit<StepFactsContext, 'step' | 'occurredAt' | 'occurredOn'> & { today: string };

export type MatterDeadlineSource = (ctx: MatterDeadlineContext) => MatterDeadline[];

/** The state of a limit due on `due`, done on `doneOn` (or not), as of `today` (all YYYY-MM-DD). */
export function deadlineState(due: string, doneOn: string | null, today: string): MatterDeadlineState {
  if (doneOn) return doneOn <= due ? 'met' : 'met_late';
  return today <= due ? 'running' : 'overdue';
}

/** The first completed step among `steps`, by day. */
export function firstDone(ctx: Pick<MatterDeadlineContext, 'steps'>, ...steps: string[]) {
  return ctx.steps.filter((s) => s.done && steps.includes(s.step)).sort((a, b) => a.occurredOn.localeCompare(b.occurredOn))[0];
}
