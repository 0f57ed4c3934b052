import type { WorkingDayCalendar } from '../calendar/create-calendar.js';
import { dayIndexFromYmd, ymdFromDayIndex } from '../calendar/shanghai-day.js';
import { dueOf } from './due-of.js';
import { COURT_APPLICATION, COURT_DEMAND_WAIT } from './law-deadlines.js';
import { earliestActDay } from './notice-ahead.js';

// An agency without its own enforcement power applies to a court within 3 months after the party's
// time for review and lawsuit ran out (行政强制法 第五十三条), and only once 10 working days have passed
// since the 催告书 was served (第五十四条, 第六十九条). With an approved deferral or instalments the
// 3 months run from the end of that period instead (行政处罚法 第七十二条第二款): pass that day.

export interface CourtApplicationWindow {
  /** First day an application may be filed. */
  earliest: string;
  /** Last day an application may be filed. */
  latest: string;
  /** False when the demand was served too late to leave any day in the window. */
  open: boolean;
}

/**
 * @param partyTimeEndedYmd the last day of the party's time (usually the 6-month lawsuit limit, see
 *   ADMINISTRATIVE_LAWSUIT, which always ends after the 60-day review limit).
 * @param demandServedYmd the day the 催告书 was served.
 */
export function courtApplicationWindow(partyTimeEndedYmd: string, demandServedYmd: string, calendar: WorkingDayCalendar): CourtApplicationWindow {
  const afterPartyTime = dayIndexFromYmd(partyTimeEndedYmd) + 1;
  const afterDemand = dayIndexFromYmd(earliestActDay(COURT_DEMAND_WAIT, demandServedYmd, calendar));
  const earliest = Math.max(afterPartyTime, afterDemand);
  const latest = dayIndexFromYmd(dueOf(COURT_APPLICATION, partyTimeEndedYmd, calendar));
  return { earliest: ymdFromDayIndex(earliest), latest: ymdFromDayIndex(latest), open: earliest <= latest };
}

export function courtApplicationAllowed(partyTimeEndedYmd: string, demandServedYmd: string, applicationYmd: string, calendar: WorkingDayCalendar): boolean {
  const window = courtApplicationWindow(partyTimeEndedYmd, demandServedYmd, calendar);
  const day = dayIndexFromYmd(applicationYmd);
  return day >= dayIndexFromYmd(window.earliest) && day <= dayIndexFromYmd(window.latest);
}
