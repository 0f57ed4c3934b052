import { describe, expect, it } from 'vitest';
import { createCalendar } from '../calendar/create-calendar.js';
import { loadBuiltInProfiles } from '../profiles/load-profiles.js';
import { deadlineContextOf } from '../profiles/deadline-context.js';
import { closeOf, shanghai } from '../test-support.js';
import { computeDueAt } from './compute-due.js';

// CAL-2: 民事诉讼法 第八十五条 "期间届满的最后一日是法定休假日的，以法定休假日后的第一日为期间届满的
// 日期" — a calendar-day period whose last day is a rest day ends on the next working day, when the
// profile's calendarDayRollover says so. Weekends count as rest days; a make-up working day (调休上班)
// does not. 行政处罚法 第八十五条 makes 二日、三日、五日、七日 working days: those are workingDays rules.

const calendar = createCalendar();
const rollover = { calendar, calendarDayRollover: true };

describe('CAL-2 calendar-day periods ending on a rest day roll over (民事诉讼法 第八十五条)', () => {
  it.each([
    // from, days, last day by the calendar, due with the roll-over
    ['2026-02-01 10:00', 15, '2026-02-16', '2026-02-24', '15日 ends on 除夕 2026 (春节 02-15..23): the first day after the block'],
    ['2026-02-08 10:00', 15, '2026-02-23', '2026-02-24', '15日 ends on the last day of 春节 2026'],
    ['2026-01-30 10:00', 15, '2026-02-14', '2026-02-14', '15日 ends on the make-up Saturday 02-14 before 春节 2026: a working day, no roll'],
    ['2026-02-13 10:00', 15, '2026-02-28', '2026-02-28', '15日 ends on the make-up Saturday 02-28 after 春节 2026: no roll'],
    ['2025-08-05 10:00', 60, '2025-10-04', '2025-10-09', '60日 (行政复议 application) ends in 国庆/中秋 2025 (10-01..08)'],
    ['2025-09-13 10:00', 15, '2025-09-28', '2025-09-28', '15日 ends on the make-up Sunday 09-28 before 国庆 2025: no roll'],
    ['2025-09-26 10:00', 15, '2025-10-11', '2025-10-11', '15日 ends on the make-up Saturday 10-11 after 国庆 2025: no roll'],
    ['2026-09-22 10:00', 15, '2026-10-07', '2026-10-08', '15日 (payment, 行政处罚法 第六十七条) ends on the last day of 国庆 2026'],
    ['2026-03-06 10:00', 15, '2026-03-21', '2026-03-23', '15日 ends on a plain Saturday: Monday'],
    ['2027-09-17 10:00', 15, '2027-10-02', '2027-10-06', '15日 ends in provisional 国庆 2027: after its 补假 10-04/05 (放假办法 第六条)'],
    ['2026-03-02 10:00', 15, '2026-03-17', '2026-03-17', '15日 ends on a Tuesday: unchanged'],
  ])('民事诉讼法 第八十五条: from %s, %i日 ends %s, rolled to %s — %s', (from, days, lastDay, due) => {
    const rule = { kind: 'calendarDays' as const, days };
    expect(computeDueAt(rule, shanghai(from), { calendar })).toEqual(closeOf(lastDay));
    expect(computeDueAt(rule, shanghai(from), rollover)).toEqual(closeOf(due));
  });

  it('民事诉讼法 第八十五条: a stated closing time is kept on the rolled day', () => {
    expect(computeDueAt({ kind: 'calendarDays', days: 15, closesAt: '17:00' }, shanghai('2026-02-01 10:00'), rollover)).toEqual(shanghai('2026-02-24 17:00'));
  });

  it('民事诉讼法 第八十五条: "当天" (0 days) is within the day, not a period: no roll on 春节 2026', () => {
    expect(computeDueAt({ kind: 'calendarDays', days: 0 }, shanghai('2026-02-17 10:00'), rollover)).toEqual(closeOf('2026-02-17'));
  });

  it('行政处罚法 第八十五条: 5日 is 5 working days across 国庆 2026, make-up Saturday 10-10 counted, roll-over or not', () => {
    const rule = { kind: 'workingDays' as const, days: 5 };
    expect(computeDueAt(rule, shanghai('2026-09-29 10:00'), rollover)).toEqual(closeOf('2026-10-12'));
    expect(computeDueAt(rule, shanghai('2026-09-29 10:00'), { calendar })).toEqual(closeOf('2026-10-12'));
  });

  it('民事诉讼法 第八十五条: every built-in profile turns the roll-over on, citing the article', () => {
    for (const profile of loadBuiltInProfiles().values()) {
      const parameter = profile.parameters.calendarDayRollover;
      expect(parameter.value, profile.id).toBe(true);
      expect(parameter.source).toMatchObject({ seed: 'national', article: '《中华人民共和国民事诉讼法》第八十五条' });
      expect(parameter.source?.quote).toContain('期间届满的最后一日是法定休假日的，以法定休假日后的第一日为期间届满的日期');
      expect(deadlineContextOf(profile, calendar).calendarDayRollover).toBe(true);
    }
  });
});
