import type { WorkingDayCalendar } from '../calendar/create-calendar.js';
import { computeDueAt, type DeadlineContext } from '../deadlines/compute-due.js';
import type { DeadlineRule } from '../deadlines/deadline-rule.js';
import { deadlineContextOf } from '../profiles/deadline-context.js';
import type { PolicyProfile, RuleSource } from '../profiles/profile-schema.js';
import type { AvRecordFacts } from './matter-facts.js';

// Which storage limit (AV-4) governs one recording under a profile, and when it falls due:
// an approved special-circumstance delay first, then remote work, then the standard limit.
// Where the applicable variant has no number in the seed (S0 第三十五条 "返回单位后及时"),
// there is no due instant and so nothing can be late.

export type AvStorageVariant = 'standard' | 'remoteWork' | 'approvedException';

export type AvStorageDeadline =
  | { variant: AvStorageVariant; dueAt: Date; rule: DeadlineRule; source: RuleSource; anchor: 'recordingEnd' | 'return'; from: Date }
  | { variant: AvStorageVariant; dueAt: null; reason: string; source?: RuleSource };

type StorageRecord = Pick<AvRecordFacts, 'recordedEnd' | 'remoteWork' | 'returnedAt' | 'exceptionApproved'>;

export function avStorageDeadline(
  profile: PolicyProfile,
  record: StorageRecord,
  calendar: WorkingDayCalendar,
  deadlineContext?: DeadlineContext,
): AvStorageDeadline {
  const { standard, remoteWork, approvedException } = profile.parameters.avStorage;
  // A variant the seed does not have at all (no source) falls back to the next one; a variant
  // the seed has but without a number (S0's approved exception) stops here with no due instant.
  let variant: AvStorageVariant = 'standard';
  let limit = standard;
  if (record.exceptionApproved && (approvedException.value !== null || approvedException.source)) {
    variant = 'approvedException';
    limit = approvedException;
  } else if (record.remoteWork && remoteWork.value !== null) {
    variant = 'remoteWork';
    limit = remoteWork;
  }
  if (limit.value === null) {
    return limit.source
      ? { variant, dueAt: null, reason: limit.reason, source: limit.source }
      : { variant, dueAt: null, reason: limit.reason };
  }
  const { anchor, rule } = limit.value;
  // Return cannot precede the end of recording; without a recorded return, the end is used.
  const returned = record.returnedAt && record.returnedAt > record.recordedEnd ? record.returnedAt : record.recordedEnd;
  const from = anchor === 'return' ? returned : record.recordedEnd;
  const context = deadlineContext ?? deadlineContextOf(profile, calendar);
  return { variant, dueAt: computeDueAt(rule, from, context), rule, source: limit.source, anchor, from };
}
