import type { WorkingDayCalendar } from '../calendar/create-calendar.js';
import { formatShanghai } from '../calendar/shanghai-day.js';
import { computeDueAt } from '../deadlines/compute-due.js';
import { describeDeadlineRule, type DeadlineRule } from '../deadlines/deadline-rule.js';
import { evaluateDeadline } from '../deadlines/evaluate-deadline.js';
import type { PolicyProfile, RuleSource } from '../profiles/profile-schema.js';
import {
  deadlineFinding,
  describeDuration,
  ruleOf,
  type Finding,
  type FindingKind,
  type FindingObjectType,
  type FindingRequirement,
} from './finding.js';

export interface EvaluationContext {
  profile: PolicyProfile;
  calendar: WorkingDayCalendar;
  now: Date;
  dueSoonMs: number;
}

export interface DeadlineCheck {
  kind: FindingKind;
  requirement: FindingRequirement;
  objectType: FindingObjectType;
  objectId: string;
  matterId: string;
  /** What must be done, in Chinese, e.g. '音像记录 R1 储存'. */
  duty: string;
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
  return computeDueAt(rule, from, { calendar: context.calendar, workdayEnd: context.profile.parameters.workdayEnd.value ?? undefined });
}

/** A finding when the limit is due soon or missed; null while it is open or was met in time. */
export function checkDeadline(context: EvaluationContext, check: DeadlineCheck): Finding | null {
  const { profile, now, dueSoonMs } = context;
  const dueAt = check.dueAt ?? dueAtFor(context, check.rule, check.from);
  if (!isAtRisk(context, dueAt, check.metAt)) return null;
  const status = evaluateDeadline({ dueAt, rule: check.rule, now, metAt: check.metAt, dueSoonMs });
  if (status.state === 'open' || status.state === 'met') return null;
  const limit = `${describeDeadlineRule(check.rule)}，${formatShanghai(dueAt)} 前`;
  const summary =
    status.state === 'due_soon'
      ? `${check.duty}即将到期（${limit}）`
      : check.metAt
        ? `${check.duty}逾期${describeDuration(status.lateByMs ?? 0)}（${limit}，实际 ${formatShanghai(check.metAt)}）`
        : `${check.duty}已逾期${describeDuration(status.lateByMs ?? 0)}，尚未完成（${limit}）`;
  return deadlineFinding({
    kind: check.kind,
    requirement: check.requirement,
    objectType: check.objectType,
    objectId: check.objectId,
    matterId: check.matterId,
    state: status.state,
    stillOpen: !check.metAt,
    dueAt,
    ...(status.lateByMs === undefined ? {} : { lateByMs: status.lateByMs }),
    deadlineRule: check.rule,
    rule: ruleOf(profile, check.source),
    summary,
    ...(check.detail ? { detail: check.detail } : {}),
  });
}
