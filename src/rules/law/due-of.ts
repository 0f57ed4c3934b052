import type { WorkingDayCalendar } from '../calendar/create-calendar.js';
import { civilFromDayIndex, dayIndexFromParts, dayIndexFromYmd, ymdFromDayIndex, type DayIndex } from '../calendar/shanghai-day.js';
import type { LawDeadlineRule } from './law-rule.js';

export interface DueOptions {
  /**
   * Override the rule's own rollsOverRestDay, e.g. where a profile says the agency's calendar-day
   * duties roll over too. Ignored for working days (they always end on a working day).
   */
  rollOverRestDay?: boolean;
  /** Extra units added to the rule's amount (an approved extension), same unit as the rule. */
  extra?: number;
}

/**
 * The last day (Asia/Shanghai, 'YYYY-MM-DD') on which what `rule` demands may still be done, when
 * the clock was started by an event on `startYmd`. The start day is not counted (民法典 第二百零一条).
 */
export function dueOf(rule: LawDeadlineRule, startYmd: string, calendar: WorkingDayCalendar, options: DueOptions = {}): string {
  const start = dayIndexFromYmd(startYmd);
  const amount = rule.amount + (options.extra ?? 0);
  if (rule.unit === 'workingDays') return ymdFromDayIndex(calendar.addWorkingDaysIndex(start, amount));
  const last = rule.unit === 'months' ? addMonths(start, amount) : start + amount;
  const rollOver = options.rollOverRestDay ?? rule.rollsOverRestDay;
  if (rollOver && !calendar.isWorkingDayIndex(last)) return ymdFromDayIndex(calendar.nextWorkingDayIndex(last));
  return ymdFromDayIndex(last);
}

/** Whether an act on `actYmd` is within the time limit: on or before the due day. */
export function isWithin(rule: LawDeadlineRule, startYmd: string, actYmd: string, calendar: WorkingDayCalendar, options: DueOptions = {}): boolean {
  return dayIndexFromYmd(actYmd) <= dayIndexFromYmd(dueOf(rule, startYmd, calendar, options));
}

/** The same day of the month `months` later, or that month's last day (民法典 第二百零二条). */
export function addMonths(day: DayIndex, months: number): DayIndex {
  const { year, month, day: dayOfMonth } = civilFromDayIndex(day);
  const monthsSinceZero = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(monthsSinceZero / 12);
  const targetMonth = (monthsSinceZero % 12) + 1;
  const lastDayOfTarget = dayIndexFromParts(targetYear, targetMonth + 1, 1) - 1;
  return Math.min(dayIndexFromParts(targetYear, targetMonth, dayOfMonth), lastDayOfTarget);
}
