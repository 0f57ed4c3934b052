import { describe, expect, it } from 'vitest';
import { createCalendar } from './create-calendar.js';
import { officialYearRange } from './official-holidays.js';
import { civilFromDayIndex, dayIndexFromYmd, endOfLocalDay, formatShanghai, localMsOfDay, ymdFromDayIndex } from './shanghai-day.js';
import { qingmingDayOfApril, statutoryHolidays } from './statutory-holidays.js';
import { yearNoticeSchema } from './year-notice.js';

const calendar = createCalendar();

describe('CAL-1 working-day calendar', () => {
  it('CAL-1: chinese-days covers 2004–2026, so 2027 is the first year it lacks', () => {
    expect(officialYearRange()).toEqual({ first: 2004, last: 2026 });
    expect(calendar.yearStatus(2025)).toBe('official');
    expect(calendar.yearStatus(2026)).toBe('official');
    expect(calendar.yearStatus(2027)).toBe('provisional');
  });

  it.each([
    ['2025-01-24', true, 'plain Friday'],
    ['2025-01-25', false, 'plain Saturday'],
    ['2025-01-26', true, 'Sunday made a working day for 春节'],
    ['2025-01-28', false, '除夕 2025'],
    ['2025-02-04', false, 'last day of 春节 2025'],
    ['2025-02-05', true, 'first day back'],
    ['2025-02-08', true, 'make-up Saturday after 春节 2025'],
    ['2026-02-14', true, 'make-up Saturday before 春节 2026'],
    ['2026-02-16', false, '除夕 2026'],
    ['2026-02-23', false, 'last day of 春节 2026'],
    ['2026-02-28', true, 'make-up Saturday after 春节 2026'],
    ['2025-09-28', true, 'make-up Sunday before 国庆 2025'],
    ['2025-10-08', false, 'last day of 国庆/中秋 2025'],
    ['2025-10-11', true, 'make-up Saturday after 国庆 2025'],
    ['2026-10-07', false, 'last day of 国庆 2026'],
    ['2026-10-10', true, 'make-up Saturday after 国庆 2026'],
  ])('CAL-1 official: %s working=%s (%s)', (date, working) => {
    expect(calendar.isWorkingDay(date)).toBe(working);
  });

  it('CAL-1: describeDay names holidays and make-up days', () => {
    expect(calendar.describeDay('2026-02-17')).toMatchObject({ working: false, kind: 'holiday', holidayName: '春节', yearStatus: 'official' });
    expect(calendar.describeDay('2026-02-14')).toMatchObject({ working: true, kind: 'make_up_workday', holidayName: '春节' });
    expect(calendar.describeDay('2026-03-07')).toMatchObject({ working: false, kind: 'weekend', holidayName: null });
  });

  it('CAL-1 provisional 2027: statutory holidays of the 2024 放假办法 第二条, 补假 by 第六条, no make-up working days', () => {
    // 春节 2027 is 2027-02-06, so 除夕 is Friday 02-05 and the four days run to Monday 02-08.
    expect(calendar.isWorkingDay('2027-02-04')).toBe(true);
    for (const date of ['2027-02-05', '2027-02-06', '2027-02-07', '2027-02-08']) expect(calendar.isWorkingDay(date)).toBe(false);
    expect(calendar.isWorkingDay('2027-02-09')).toBe(false); // 补假 for Saturday 02-06 (第六条)
    expect(calendar.isWorkingDay('2027-02-11')).toBe(true);
    expect(calendar.describeDay('2027-02-05')).toMatchObject({ holidayName: '春节', yearStatus: 'provisional' });
    expect(calendar.isWorkingDay('2027-04-05')).toBe(false); // 清明, a Monday
    expect(calendar.isWorkingDay('2027-05-05')).toBe(true); // 劳动节 2 days (a weekend) + 2 补假
    expect(calendar.isWorkingDay('2027-06-09')).toBe(false); // 端午
    expect(calendar.isWorkingDay('2027-09-15')).toBe(false); // 中秋
    expect(calendar.isWorkingDay('2027-10-06')).toBe(true); // 国庆 3 days, 2 of them a weekend: back on Wednesday
    expect(calendar.isWorkingDay('2027-10-09')).toBe(false); // a Saturday stays a rest day: no 调休
  });

  it('CAL-1 provisional 2031: 中秋 falls on 10-01 and merges into 国庆', () => {
    const names = Object.fromEntries(statutoryHolidays(2031).map((h) => [h.name, h.days.length]));
    expect(names).toEqual({ 元旦: 1, 春节: 4, 清明节: 1, 劳动节: 2, 端午节: 1, 中秋节: 1, 国庆节: 3 });
    expect(calendar.describeDay('2031-01-22').holidayName).toBe('春节'); // 除夕
    expect(calendar.isWorkingDay('2031-10-03')).toBe(false);
    expect(calendar.isWorkingDay('2031-10-06')).toBe(true);
  });

  it('CAL-1: the 清明 formula agrees with every bundled notice 2008–2026', () => {
    for (let year = 2008; year <= 2026; year++) {
      const qingming = `${year}-04-0${qingmingDayOfApril(year)}`;
      expect(calendar.describeDay(qingming).kind, `${year}`).toBe('holiday');
    }
  });

  it('CAL-1: an administrator notice for a year wins over the statutory fallback', () => {
    const notice = {
      year: 2027,
      holidays: [{ name: '春节', start: '2027-02-05', end: '2027-02-13' }],
      makeUpWorkdays: ['2027-01-31', '2027-02-20'],
    };
    const withNotice = createCalendar({ notices: [notice] });
    expect(withNotice.yearStatus(2027)).toBe('notice');
    expect(withNotice.isWorkingDay('2027-01-31')).toBe(true); // a Sunday made a working day
    expect(withNotice.isWorkingDay('2027-02-10')).toBe(false); // inside the notice range
    expect(calendar.isWorkingDay('2027-02-11')).toBe(true); // without the notice it works
    // The notice is the whole truth for its year: 清明 not listed in it is a plain Monday.
    expect(withNotice.isWorkingDay('2027-04-05')).toBe(true);
  });

  it('CAL-1: an administrator notice wins over bundled data too', () => {
    const withNotice = createCalendar({ notices: [{ year: 2026, holidays: [], makeUpWorkdays: ['2026-03-07'] }] });
    expect(withNotice.yearStatus(2026)).toBe('notice');
    expect(withNotice.isWorkingDay('2026-03-07')).toBe(true);
    expect(withNotice.isWorkingDay('2026-02-17')).toBe(true); // bundled 春节 no longer applies
  });

  it('CAL-1: a malformed notice is refused', () => {
    expect(yearNoticeSchema.safeParse({ year: 2027, holidays: [{ name: 'x', start: '2027-02-30', end: '2027-03-01' }], makeUpWorkdays: [] }).success).toBe(false);
    expect(yearNoticeSchema.safeParse({ year: 2027, holidays: [{ name: 'x', start: '2027-02-10', end: '2027-02-01' }], makeUpWorkdays: [] }).success).toBe(false);
    expect(() => createCalendar({ notices: [{ year: 2027, holidays: [{ name: 'x', start: '2027-02-01', end: '2027-02-03' }], makeUpWorkdays: ['2027-02-02'] }] })).toThrow();
  });

  it('CAL-2: working days are counted from the next working day', () => {
    expect(calendar.nextWorkingDay('2026-02-13')).toBe('2026-02-14'); // Friday → make-up Saturday
    expect(calendar.addWorkingDays('2026-02-13', 2)).toBe('2026-02-24'); // Sat 14, then Tue 24 after 春节
    expect(calendar.addWorkingDays('2025-09-30', 1)).toBe('2025-10-09');
    expect(calendar.addWorkingDays('2026-12-31', 3)).toBe('2027-01-06'); // 2027-01-01 provisional holiday
    expect(calendar.addWorkingDays('2026-05-06', 0)).toBe('2026-05-06');
  });

  it('CAL-2: Shanghai day arithmetic is independent of the host time zone', () => {
    const lateEvening = new Date('2026-02-13T15:59:59.999Z'); // 23:59:59.999 in Shanghai
    expect(endOfLocalDay(dayIndexFromYmd('2026-02-13')).toISOString()).toBe(lateEvening.toISOString());
    expect(localMsOfDay(new Date('2026-02-13T09:30:00Z'))).toBe(17.5 * 3_600_000);
    expect(formatShanghai(new Date('2026-02-13T09:30:00Z'))).toBe('2026-02-13 17:30');
  });
});

describe('CAL-1 day arithmetic', () => {
  it('CAL-1: day index ↔ date agrees with Date for every day 1950–2099', () => {
    for (let day = dayIndexFromYmd('1950-01-01'); day <= dayIndexFromYmd('2099-12-31'); day++) {
      const expected = new Date(day * 86_400_000).toISOString().slice(0, 10);
      if (ymdFromDayIndex(day) !== expected) expect(ymdFromDayIndex(day)).toBe(expected);
      if (dayIndexFromYmd(expected) !== day) expect(dayIndexFromYmd(expected)).toBe(day);
    }
    expect(civilFromDayIndex(dayIndexFromYmd('2028-02-29'))).toEqual({ year: 2028, month: 2, day: 29 });
  });
});
