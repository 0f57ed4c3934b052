import type { DeadlineRule } from './deadline-rule.js';

export type DeadlineState = 'open' | 'due_soon' | 'met' | 'late';

export interface DeadlineStatus {
  dueAt: Date;
  state: DeadlineState;
  /** How late: at completion if done late, else up to `now`. Present only when late. */
  lateByMs?: number;
  rule: DeadlineRule;
}

export interface DeadlineEvaluation {
  dueAt: Date;
  rule: DeadlineRule;
  now: Date;
  /** When the obligation was fulfilled, if it was. */
  metAt?: Date | null;
  /** 'due_soon' once `now` is within this many ms of the due instant. */
  dueSoonMs: number;
}

export function evaluateDeadline({ dueAt, rule, now, metAt, dueSoonMs }: DeadlineEvaluation): DeadlineStatus {
  const due = dueAt.getTime();
  if (metAt) {
    const lateBy = metAt.getTime() - due;
    return lateBy > 0 ? { dueAt, state: 'late', lateByMs: lateBy, rule } : { dueAt, state: 'met', rule };
  }
  const remaining = due - now.getTime();
  if (remaining < 0) return { dueAt, state: 'late', lateByMs: -remaining, rule };
  return { dueAt, state: remaining <= dueSoonMs ? 'due_soon' : 'open', rule };
}
