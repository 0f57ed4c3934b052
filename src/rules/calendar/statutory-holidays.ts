import chineseDays from 'chinese-days';
import { dayIndexFromParts, weekdayOfDayIndex, type DayIndex } from './shanghai-day.js';

// 《全国年节及纪念日放假办法》 as revised by the State Council in 2024 (effective 2025-01-01),
// 第二条: 元旦 1 day; 春节 4 days (农历除夕、正月初一至初三); 清明节 1 day (农历清明当日);
// 劳动节 2 days (5月1日、2日); 端午节 1 day (农历端午当日); 中秋节 1 day (农历中秋当日);
// 国庆节 3 days (10月1日至3日). 第六条: 全体公民放假的假日，如果适逢周六、周日，应当在工作日补假
// (第三条's half-days for some citizens get none, and are not working-day rest anyway). Used only
// for years without a bundled or entered notice, and without make-up working days (调休上班),
// which only a State Council notice can set.

export interface StatutoryHoliday {
  name: string;
  days: DayIndex[];
  /** Weekdays given in lieu (补假, 第六条) of the days above that fall on a Saturday or Sunday. */
  daysInLieu: DayIndex[];
}

export const STATUTORY_HOLIDAY_RULE = '《全国年节及纪念日放假办法》（2024年修订）第二条、第六条';
export const DAY_IN_LIEU_ARTICLE = '《全国年节及纪念日放假办法》（2024年修订）第六条';

/** Lunar conversion is supported by chinese-days for 1900–2100. */
const FIRST_LUNAR_YEAR = 1901;
const LAST_LUNAR_YEAR = 2099;

export function statutoryHolidays(year: number): StatutoryHoliday[] {
  if (year < FIRST_LUNAR_YEAR || year > LAST_LUNAR_YEAR) {
    throw new RangeError(`statutory holidays are computed for ${FIRST_LUNAR_YEAR}–${LAST_LUNAR_YEAR}, not ${year}`);
  }
  const springFestival = lunarToDayIndex(year, 1, 1);
  const holidays: Omit<StatutoryHoliday, 'daysInLieu'>[] = [
    { name: '元旦', days: [dayIndexFromParts(year, 1, 1)] },
    // 除夕 is the last day of the twelfth lunar month, i.e. the eve of 正月初一 (29th or 30th).
    { name: '春节', days: [springFestival - 1, springFestival, springFestival + 1, springFestival + 2] },
    { name: '清明节', days: [dayIndexFromParts(year, 4, qingmingDayOfApril(year))] },
    { name: '劳动节', days: [dayIndexFromParts(year, 5, 1), dayIndexFromParts(year, 5, 2)] },
    { name: '端午节', days: [lunarToDayIndex(year, 5, 5)] },
    { name: '中秋节', days: [lunarToDayIndex(year, 8, 15)] },
    { name: '国庆节', days: [1, 2, 3].map((day) => dayIndexFromParts(year, 10, day)) },
  ];
  return withDaysInLieu(holidays);
}

const isWeekend = (day: DayIndex) => weekdayOfDayIndex(day) === 0 || weekdayOfDayIndex(day) === 6;

/**
 * 第六条 says a weekend holiday is made up on a working day but not which one; we take the first
 * weekday after the holiday that is neither a statutory holiday nor already given in lieu, which
 * keeps the rest next to the festival, as the State Council's notices do.
 */
function withDaysInLieu(holidays: Omit<StatutoryHoliday, 'daysInLieu'>[]): StatutoryHoliday[] {
  const statutory = new Set(holidays.flatMap((h) => h.days));
  const given = new Set<DayIndex>();
  return holidays.map((holiday) => {
    const daysInLieu: DayIndex[] = [];
    let candidate = Math.max(...holiday.days);
    const weekendDays = holiday.days.filter(isWeekend).length;
    while (daysInLieu.length < weekendDays) {
      candidate++;
      if (isWeekend(candidate) || statutory.has(candidate) || given.has(candidate)) continue;
      given.add(candidate);
      daysInLieu.push(candidate);
    }
    return { ...holiday, daysInLieu };
  });
}

function lunarToDayIndex(lunarYear: number, lunarMonth: number, lunarDay: number): DayIndex {
  // chinese-days reads and writes through local-time Date getters; a local-time Date in and the
  // formatted local date out keeps the answer right whatever the host's time zone is.
  const { date } = chineseDays.getSolarDateFromLunar(new Date(lunarYear, lunarMonth - 1, lunarDay));
  const [y, m, d] = date.split('-').map(Number);
  return dayIndexFromParts(y!, m!, d!);
}

/**
 * Day of April on which the solar term 清明 falls, by the 寿星 formula for 1901–2099
 * (floor(Y·0.2422 + C) − floor(Y/4), C = 5.59 in the 20th and 4.81 in the 21st century).
 * chinese-days has the same formula but returns a date shifted in hosts west of UTC.
 */
export function qingmingDayOfApril(year: number): number {
  const yearInCentury = year % 100;
  const constant = year >= 2000 ? 4.81 : 5.59;
  return Math.floor(yearInCentury * 0.2422 + constant) - Math.floor(yearInCentury / 4);
}
