import chineseDays from 'chinese-days';
import { dayIndexFromParts, type DayIndex } from './shanghai-day.js';

// 《全国年节及纪念日放假办法》 as revised by the State Council in 2024 (effective 2025-01-01),
// 第二条: 元旦 1 day; 春节 4 days (农历除夕、正月初一至初三); 清明节 1 day (农历清明当日);
// 劳动节 2 days (5月1日、2日); 端午节 1 day (农历端午当日); 中秋节 1 day (农历中秋当日);
// 国庆节 3 days (10月1日至3日). Used only for years without a bundled or entered notice, and
// without make-up working days, which only a State Council notice can set.

export interface StatutoryHoliday {
  name: string;
  days: DayIndex[];
}

export const STATUTORY_HOLIDAY_RULE = '《全国年节及纪念日放假办法》（2024年修订）第二条';

/** Lunar conversion is supported by chinese-days for 1900–2100. */
const FIRST_LUNAR_YEAR = 1901;
const LAST_LUNAR_YEAR = 2099;

export function statutoryHolidays(year: number): StatutoryHoliday[] {
  if (year < FIRST_LUNAR_YEAR || year > LAST_LUNAR_YEAR) {
    throw new RangeError(`statutory holidays are computed for ${FIRST_LUNAR_YEAR}–${LAST_LUNAR_YEAR}, not ${year}`);
  }
  const springFestival = lunarToDayIndex(year, 1, 1);
  return [
    { name: '元旦', days: [dayIndexFromParts(year, 1, 1)] },
    // 除夕 is the last day of the twelfth lunar month, i.e. the eve of 正月初一 (29th or 30th).
    { name: '春节', days: [springFestival - 1, springFestival, springFestival + 1, springFestival + 2] },
    { name: '清明节', days: [dayIndexFromParts(year, 4, qingmingDayOfApril(year))] },
    { name: '劳动节', days: [dayIndexFromParts(year, 5, 1), dayIndexFromParts(year, 5, 2)] },
    { name: '端午节', days: [lunarToDayIndex(year, 5, 5)] },
    { name: '中秋节', days: [lunarToDayIndex(year, 8, 15)] },
    { name: '国庆节', days: [1, 2, 3].map((day) => dayIndexFromParts(year, 10, day)) },
  ];
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
