import { describe, expect, it } from 'vitest';
import { createCalendar } from './create-calendar.js';
import { dayIndexFromYmd, ymdFromDayIndex } from './shanghai-day.js';
import { statutoryHolidays } from './statutory-holidays.js';

// A provisional year (no State Council notice bundled or entered) follows 《全国年节及纪念日放假办法》
// (2024年修订): 第二条 names the days, 第六条 "全体公民放假的假日，如果适逢周六、周日，应当在工作日补假".

const calendar = createCalendar();
const ymds = (days: number[]) => days.map(ymdFromDayIndex);

describe('CAL-1 provisional years: 放假办法 第二条 holidays and 第六条 补假', () => {
  it.each([
    // year, holiday, 第二条 days, weekdays in lieu (第六条)
    [2027, '元旦', ['2027-01-01'], []],
    [2027, '春节', ['2027-02-05', '2027-02-06', '2027-02-07', '2027-02-08'], ['2027-02-09', '2027-02-10']],
    [2027, '清明节', ['2027-04-05'], []],
    [2027, '劳动节', ['2027-05-01', '2027-05-02'], ['2027-05-03', '2027-05-04']],
    [2027, '端午节', ['2027-06-09'], []],
    [2027, '中秋节', ['2027-09-15'], []],
    [2027, '国庆节', ['2027-10-01', '2027-10-02', '2027-10-03'], ['2027-10-04', '2027-10-05']],
    [2028, '元旦', ['2028-01-01'], ['2028-01-03']],
    [2028, '春节', ['2028-01-25', '2028-01-26', '2028-01-27', '2028-01-28'], []],
    [2028, '清明节', ['2028-04-04'], []],
    [2028, '劳动节', ['2028-05-01', '2028-05-02'], []],
    [2028, '端午节', ['2028-05-28'], ['2028-05-29']],
    [2028, '中秋节', ['2028-10-03'], []],
    [2028, '国庆节', ['2028-10-01', '2028-10-02', '2028-10-03'], ['2028-10-04']],
  ])('放假办法 第二条、第六条: %i %s on %j, 补假 on %j', (year, name, days, inLieu) => {
    const holiday = statutoryHolidays(year).find((h) => h.name === name)!;
    expect(ymds(holiday.days)).toEqual(days);
    expect(ymds(holiday.daysInLieu)).toEqual(inLieu);
    for (const day of [...days, ...inLieu]) expect(calendar.isWorkingDay(day), day).toBe(false);
    for (const day of inLieu) expect(calendar.describeDay(day)).toMatchObject({ kind: 'holiday', holidayName: `${name}（补假）`, yearStatus: 'provisional' });
  });

  it('放假办法 第六条: every weekday in lieu of 2027 and 2028 is a Monday–Friday, one per weekend holiday', () => {
    for (const year of [2027, 2028]) {
      for (const holiday of statutoryHolidays(year)) {
        const weekendDays = holiday.days.filter((d) => [0, 6].includes(new Date(d * 86_400_000).getUTCDay()));
        expect(holiday.daysInLieu.length, `${year} ${holiday.name}`).toBe(weekendDays.length);
        for (const d of holiday.daysInLieu) expect([0, 6]).not.toContain(new Date(d * 86_400_000).getUTCDay());
      }
    }
    // 2027: 春节 02-06/07, 劳动节 05-01/02, 国庆 10-02/03 fall on weekends: six days in lieu.
    expect(statutoryHolidays(2027).flatMap((h) => h.daysInLieu)).toHaveLength(6);
  });

  it('放假办法 第六条: the first working day after the 2027 blocks is the day after the 补假', () => {
    expect(calendar.nextWorkingDay('2027-02-04')).toBe('2027-02-11');
    expect(calendar.nextWorkingDay('2027-04-30')).toBe('2027-05-05');
    expect(calendar.nextWorkingDay('2027-09-30')).toBe('2027-10-06');
    expect(calendar.isWorkingDay('2027-10-09')).toBe(false); // a Saturday stays a rest day: no 调休 without a notice
  });

  it.each([2004, 2015, 2020, 2025, 2026])('放假办法 第六条 does not touch a year with an official notice: %i', (year) => {
    // In official years the bundled notice decides; e.g. 2026-02-24 is a plain working day after 春节.
    expect(calendar.yearStatus(year)).toBe('official');
    const first = dayIndexFromYmd(`${year}-01-01`);
    const last = dayIndexFromYmd(`${year}-12-31`);
    for (let d = first; d <= last; d++) expect(calendar.describeDay(ymdFromDayIndex(d)).holidayName ?? '').not.toContain('补假');
    expect(calendar.isWorkingDay('2026-02-24')).toBe(true);
  });
});
