export { computeDueAt } from './compute-due.js';
export type { DeadlineContext } from './compute-due.js';
export { deadlineRuleSchema, describeDeadlineRule } from './deadline-rule.js';
export type { DeadlineRule } from './deadline-rule.js';
export { evaluateDeadline } from './evaluate-deadline.js';
export type { DeadlineEvaluation, DeadlineState, DeadlineStatus } from './evaluate-deadline.js';
