import { hasOfficialYear, officialDay } from './official-holidays.js';
import {
  dayIndexFromParts,
  dayIndexFromYmd,
  weekdayOfDayIndex,
  yearOfDayIndex,
  ymdFromDayIndex,
  type DayIndex,
} from './shanghai-day.js';
import { statutoryHolidays } from './statutory-holidays.js';
import { yearNoticeSchema, type YearNotice } from './year-notice.js';

/** Where a year's working days come from (CAL-1); 'provisional' is shown as such in the UI. */
export type YearStatus = 'official' | 'notice' | 'provisional';

export type DayKind = 'workday' | 'weekend' | 'holiday' | 'make_up_workday';

export interface DayDescription {
  date: string;
  working: boolean;
  kind: DayKind;
  holidayName: string | null;
  yearStatus: YearStatus;
}

export interface WorkingDayCalendar {
  isWorkingDay(dateYmd: string): boolean;
  yearStatus(year: number): YearStatus;
  describeDay(dateYmd: string): DayDescription;
  /** The first working day strictly after the date. */
  nextWorkingDay(dateYmd: string): string;
  /** The Nth working day counted from the day after the date (0 returns the date itself). */
  addWorkingDays(dateYmd: string, count: number): string;
  // Day-index forms of the same questions, for hot paths (findings over many matters).
  isWorkingDayIndex(day: DayIndex): boolean;
  nextWorkingDayIndex(day: DayIndex): DayIndex;
  addWorkingDaysIndex(day: DayIndex, count: number): DayIndex;
}

export interface CalendarOptions {
  notices?: YearNotice[];
}

const FIRST_YEAR = 1950;
const LAST_YEAR = 2099;
const FIRST_DAY = dayIndexFromParts(FIRST_YEAR, 1, 1);
const LAST_DAY = dayIndexFromParts(LAST_YEAR, 12, 31);
/** No run of rest days in any notice comes near this; it stops a loop on a corrupt notice. */
const MAX_CONSECUTIVE_REST_DAYS = 60;

interface DayEntry {
  working: boolean;
  kind: DayKind;
  holidayName: string | null;
}

export function createCalendar(options: CalendarOptions = {}): WorkingDayCalendar {
  const notices = (options.notices ?? []).map((notice) => yearNoticeSchema.parse(notice));
  const noticeYears = new Set(notices.map((notice) => notice.year));
  const noticeDays = indexNoticeDays(notices);
  // 0 = not yet computed, 1 = working, 2 = rest; filled a year at a time on first use.
  const workingFlags = new Uint8Array(LAST_DAY - FIRST_DAY + 1);
  const provisionalByYear = new Map<number, Map<DayIndex, string>>();

  function yearStatus(year: number): YearStatus {
    if (noticeYears.has(year)) return 'notice';
    return hasOfficialYear(year) ? 'official' : 'provisional';
  }

  function provisionalHolidays(year: number): Map<DayIndex, string> {
    let days = provisionalByYear.get(year);
    if (!days) {
      days = new Map();
      for (const holiday of statutoryHolidays(year)) {
        for (const day of holiday.days) days.set(day, holiday.name);
        for (const day of holiday.daysInLieu) days.set(day, `${holiday.name}（补假）`);
      }
      provisionalByYear.set(year, days);
    }
    return days;
  }

  function entryOf(day: DayIndex): DayEntry {
    assertInRange(day);
    const weekend = weekdayOfDayIndex(day) === 0 || weekdayOfDayIndex(day) === 6;
    const plain: DayEntry = { working: !weekend, kind: weekend ? 'weekend' : 'workday', holidayName: null };
    const explicit = noticeDays.get(day);
    if (explicit) return explicit;
    const status = yearStatus(yearOfDayIndex(day));
    if (status === 'notice') return plain;
    if (status === 'official') {
      const official = officialDay(day);
      if (!official) return plain;
      return official.working
        ? { working: true, kind: 'make_up_workday', holidayName: official.holidayName }
        : { working: false, kind: 'holiday', holidayName: official.holidayName };
    }
    const holidayName = provisionalHolidays(yearOfDayIndex(day)).get(day);
    return holidayName ? { working: false, kind: 'holiday', holidayName } : plain;
  }

  function isWorkingDayIndex(day: DayIndex): boolean {
    const slot = day - FIRST_DAY;
    let flag = workingFlags[slot];
    if (flag === undefined) assertInRange(day);
    if (flag === 0) {
      flag = entryOf(day).working ? 1 : 2;
      workingFlags[slot] = flag;
    }
    return flag === 1;
  }

  function nextWorkingDayIndex(day: DayIndex): DayIndex {
    for (let candidate = day + 1, rest = 0; rest <= MAX_CONSECUTIVE_REST_DAYS; candidate++, rest++) {
      if (isWorkingDayIndex(candidate)) return candidate;
    }
    throw new RangeError(`no working day within ${MAX_CONSECUTIVE_REST_DAYS} days after ${ymdFromDayIndex(day)}`);
  }

  function addWorkingDaysIndex(day: DayIndex, count: number): DayIndex {
    if (!Number.isInteger(count) || count < 0) throw new RangeError(`working-day count must be a whole number ≥ 0: ${count}`);
    let current = day;
    for (let counted = 0; counted < count; counted++) current = nextWorkingDayIndex(current);
    return current;
  }

  return {
    isWorkingDay: (dateYmd) => isWorkingDayIndex(dayIndexFromYmd(dateYmd)),
    yearStatus,
    describeDay(dateYmd) {
      const day = dayIndexFromYmd(dateYmd);
      return { date: dateYmd, ...entryOf(day), yearStatus: yearStatus(yearOfDayIndex(day)) };
    },
    nextWorkingDay: (dateYmd) => ymdFromDayIndex(nextWorkingDayIndex(dayIndexFromYmd(dateYmd))),
    addWorkingDays: (dateYmd, count) => ymdFromDayIndex(addWorkingDaysIndex(dayIndexFromYmd(dateYmd), count)),
    isWorkingDayIndex,
    nextWorkingDayIndex,
    addWorkingDaysIndex,
  };
}

function indexNoticeDays(notices: YearNotice[]): Map<DayIndex, DayEntry> {
  const days = new Map<DayIndex, DayEntry>();
  for (const notice of notices) {
    for (const range of notice.holidays) {
      for (let day = dayIndexFromYmd(range.start); day <= dayIndexFromYmd(range.end); day++) {
        days.set(day, { working: false, kind: 'holiday', holidayName: range.name });
      }
    }
    for (const ymd of notice.makeUpWorkdays) {
      days.set(dayIndexFromYmd(ymd), { working: true, kind: 'make_up_workday', holidayName: null });
    }
  }
  return days;
}

function assertInRange(day: DayIndex): void {
  if (day < FIRST_DAY || day > LAST_DAY) {
    throw new RangeError(`the working-day calendar covers ${FIRST_YEAR}–${LAST_YEAR}, not ${ymdFromDayIndex(day)}`);
  }
}
