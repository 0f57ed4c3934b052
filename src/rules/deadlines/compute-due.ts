import type { WorkingDayCalendar } from '../calendar/create-calendar.js';
import { dayIndexOfInstant, endOfLocalDay, instantOfLocalTime, localMsOfDay, msOfHhMm, type DayIndex } from '../calendar/shanghai-day.js';
import type { DeadlineRule } from './deadline-rule.js';

export interface DeadlineContext {
  calendar: WorkingDayCalendar;
  /** The agency's end of the working day, 'HH:mm' (S0 "下班"); default 17:30. */
  workdayEnd?: string;
}

const DEFAULT_WORKDAY_END = '17:30';
const HOUR_MS = 3_600_000;

/** The instant by which something that started at `from` must be done under `rule`. */
export function computeDueAt(rule: DeadlineRule, from: Date, context: DeadlineContext): Date {
  const { calendar } = context;
  switch (rule.kind) {
    case 'hours':
      return new Date(from.getTime() + rule.hours * HOUR_MS);
    case 'calendarDays':
      return closeOf(dayIndexOfInstant(from) + rule.days, rule.closesAt);
    case 'workingDays':
      return closeOf(calendar.addWorkingDaysIndex(dayIndexOfInstant(from), rule.days), rule.closesAt);
    case 'sameWorkday': {
      const endMs = msOfHhMm(context.workdayEnd ?? DEFAULT_WORKDAY_END);
      const day = dayIndexOfInstant(from);
      const withinWorkday = calendar.isWorkingDayIndex(day) && localMsOfDay(from) < endMs;
      return instantOfLocalTime(withinWorkday ? day : calendar.nextWorkingDayIndex(day), endMs);
    }
  }
}

function closeOf(day: DayIndex, closesAt: string | undefined): Date {
  return closesAt === undefined ? endOfLocalDay(day) : instantOfLocalTime(day, msOfHhMm(closesAt));
}
