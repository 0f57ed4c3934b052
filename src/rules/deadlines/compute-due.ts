import type { WorkingDayCalendar } from '../calendar/create-calendar.js';
import { dayIndexOfInstant, endOfLocalDay, instantOfLocalTime, localMsOfDay, msOfHhMm, type DayIndex } from '../calendar/shanghai-day.js';
import type { DeadlineRule } from './deadline-rule.js';

export interface DeadlineContext {
  calendar: WorkingDayCalendar;
  /** The agency's end of the working day, 'HH:mm' (S0 "下班"); default 17:30. */
  workdayEnd?: string;
  /**
   * A calendar-day period whose last day is a rest day ends on the next working day instead
   * (民事诉讼法 第八十五条; the profile's `calendarDayRollover`). Default false: the last day stands.
   */
  calendarDayRollover?: boolean;
}

const DEFAULT_WORKDAY_END = '17:30';
const HOUR_MS = 3_600_000;

/** The instant by which something that started at `from` must be done under `rule`. */
export function computeDueAt(rule: DeadlineRule, from: Date, context: DeadlineContext): Date {
  const { calendar } = context;
  switch (rule.kind) {
    case 'hours':
      return new Date(from.getTime() + rule.hours * HOUR_MS);
    case 'calendarDays': {
      const lastDay = dayIndexOfInstant(from) + rule.days;
      // "当天" (0 days) is a limit within the day itself, not a period whose last day can fall on a holiday.
      const rolls = context.calendarDayRollover === true && rule.days > 0 && !calendar.isWorkingDayIndex(lastDay);
      return closeOf(rolls ? calendar.nextWorkingDayIndex(lastDay) : lastDay, rule.closesAt);
    }
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
