import type { WorkingDayCalendar } from '../calendar/create-calendar.js';
import { dayIndexFromYmd, ymdFromDayIndex } from '../calendar/shanghai-day.js';
import type { LawDeadlineRule } from './law-rule.js';

// "在举行听证的七日前通知" (行政处罚法 第六十四条), "代履行三日前，催告" (行政强制法 第五十一条),
// "催告书送达十日后" (行政强制法 第五十四条): the act may happen only once the whole period has
// passed after the notice was served. We read it so that all N working days lie strictly between
// the service day and the act's day: the party gets N full days, and an act set one day later than
// a looser reading would allow harms no one, while one set a day too early would be unlawful.

/** The first day on which the act may take place when the notice was served on `servedYmd`. */
export function earliestActDay(rule: LawDeadlineRule, servedYmd: string, calendar: WorkingDayCalendar): string {
  if (rule.unit !== 'workingDays') throw new RangeError(`${rule.key} is not a notice-ahead period in working days`);
  return ymdFromDayIndex(calendar.addWorkingDaysIndex(dayIndexFromYmd(servedYmd), rule.amount) + 1);
}

export function noticeFarEnoughAhead(rule: LawDeadlineRule, servedYmd: string, actYmd: string, calendar: WorkingDayCalendar): boolean {
  return dayIndexFromYmd(actYmd) >= dayIndexFromYmd(earliestActDay(rule, servedYmd, calendar));
}
