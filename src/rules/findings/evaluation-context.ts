import type { WorkingDayCalendar } from '../calendar/create-calendar.js';
import { computeDueAt, type DeadlineContext } from '../deadlines/compute-due.js';
import type { DeadlineRule } from '../deadlines/deadline-rule.js';
import type { PolicyProfile, RuleSource } from '../profiles/profile-schema.js';
import { findingKey, ruleOf, type Finding, type FindingKind, type FindingObjectType, type FindingRequirement } from './finding.js';

export interface EvaluationContext {
  profile: PolicyProfile;
  calendar: WorkingDayCalendar;
  now: Date;
  dueSoonMs: number;
  /** The calendar and the profile's workday end, built once per evaluation. */
  deadlineContext: DeadlineContext;
}

export interface DeadlineCheck {
  kind: FindingKind;
  requirement: FindingRequirement;
  objectType: FindingObjectType;
  objectId: string;
  matterId: string;
  rule: DeadlineRule;
  source: RuleSource;
  from: Date;
  metAt: Date | null | undefined;
  /** The limit as already computed, when it is not simply `rule` applied to `from`. */
  dueAt?: Date;
  detail?: Record<string, unknown>;
}

/**
 * Whether a limit yields a finding (due soon or missed). Checked before a finding is assembled,
 * because most limits in most matters are open or met and need no allocation at all.
 */
export function isAtRisk(context: EvaluationContext, dueAt: Date, metAt: Date | null | undefined): boolean {
  const due = dueAt.getTime();
  return metAt ? metAt.getTime() > due : due - context.now.getTime() <= context.dueSoonMs;
}

export function dueAtFor(context: EvaluationContext, rule: DeadlineRule, from: Date): Date {
  return computeDueAt(rule, from, context.deadlineContext);
}

/** A finding when the limit is due soon or missed; null while it is open or was met in time. */
export function checkDeadline(context: EvaluationContext, check: DeadlineCheck): Finding | null {
  const dueAt = check.dueAt ?? dueAtFor(context, check.rule, check.from);
  if (!isAtRisk(context, dueAt, check.metAt)) return null;
  const metAt = check.metAt ?? null;
  const lateByMs = (metAt ?? context.now).getTime() - dueAt.getTime();
  const late = lateByMs > 0;
  const finding: Finding = {
    key: findingKey(check.kind, check.objectType, check.objectId),
    kind: check.kind,
    requirement: check.requirement,
    state: late ? 'late' : 'due_soon',
    // Late and still outstanding weighs more than late but done.
    severity: !late ? 'low' : metAt ? 'medium' : 'high',
    objectType: check.objectType,
    objectId: check.objectId,
    matterId: check.matterId,
    dueAt,
    rule: ruleOf(context.profile, check.source),
    detail: { deadlineRule: check.rule, metAt, ...check.detail },
  };
  if (late) finding.lateByMs = lateByMs;
  return finding;
}
