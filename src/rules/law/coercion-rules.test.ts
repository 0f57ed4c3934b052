import { describe, expect, it } from 'vitest';
import { createCalendar } from '../calendar/create-calendar.js';
import { shanghai } from '../test-support.js';
import { courtApplicationAllowed, courtApplicationWindow } from './court-application.js';
import { dueOf } from './due-of.js';
import { enforcementTimeCheck } from './enforcement-time.js';
import { ADMINISTRATIVE_LAWSUIT, HEARING_NOTICE_AHEAD, SUBSTITUTE_PERFORMANCE_AHEAD } from './law-deadlines.js';
import { earliestActDay, noticeFarEnoughAhead } from './notice-ahead.js';
import { seizureDue } from './seizure.js';

const calendar = createCalendar();

describe('CASE-10 行政强制法第二十五条 seizure period', () => {
  it.each([
    ['seized 2026-09-20 → released by 2026-10-20 (30 calendar days)', '2026-09-20', [], 0, '2026-10-20', 30],
    ['seized 2026-09-20, extended once by 30 → 2026-11-19', '2026-09-20', [{ days: 30 }], 0, '2026-11-19', 60],
    ['seized 2026-01-21 → 2026-02-20, inside 春节: a maximum duration does not roll over', '2026-01-21', [], 0, '2026-02-20', 30],
    ['seized 2026-09-20 with 5 days of testing → 2026-10-25 (testing time not counted)', '2026-09-20', [], 5, '2026-10-25', 35],
  ])('行政强制法第二十五条: %s', (_name, start, extensions, testingDays, due, totalDays) => {
    expect(seizureDue(start, extensions, testingDays)).toEqual({ ok: true, due, totalDays });
  });

  it('行政强制法第二十五条: a second extension is refused', () => {
    expect(seizureDue('2026-09-20', [{ days: 10 }, { days: 10 }])).toMatchObject({ ok: false, code: 'SEIZURE_SECOND_EXTENSION' });
  });

  it('行政强制法第二十五条: an extension over 30 days (or of none) is refused', () => {
    expect(seizureDue('2026-09-20', [{ days: 31 }])).toMatchObject({ ok: false, code: 'SEIZURE_EXTENSION_TOO_LONG' });
    expect(seizureDue('2026-09-20', [{ days: 0 }])).toMatchObject({ ok: false, code: 'SEIZURE_EXTENSION_TOO_LONG' });
  });
});

describe('CASE-9 CASE-10 notice ahead of an act', () => {
  it('行政处罚法第六十四条: hearing notice served 2026-09-29 → hearing on 2026-10-15 at the earliest (7 full working days over 国庆)', () => {
    expect(earliestActDay(HEARING_NOTICE_AHEAD, '2026-09-29', calendar)).toBe('2026-10-15');
    expect(noticeFarEnoughAhead(HEARING_NOTICE_AHEAD, '2026-09-29', '2026-10-15', calendar)).toBe(true);
    expect(noticeFarEnoughAhead(HEARING_NOTICE_AHEAD, '2026-09-29', '2026-10-14', calendar)).toBe(false);
  });

  it('行政强制法第五十一条: 代履行 催告 served 2026-02-12 → 代履行 on 2026-02-25 at the earliest (3 working days, 第六十九条, over 春节)', () => {
    expect(earliestActDay(SUBSTITUTE_PERFORMANCE_AHEAD, '2026-02-12', calendar)).toBe('2026-02-25');
    expect(noticeFarEnoughAhead(SUBSTITUTE_PERFORMANCE_AHEAD, '2026-02-12', '2026-02-24', calendar)).toBe(false);
  });
});

describe('CASE-11 行政强制法第五十三、五十四条 court application', () => {
  // Decision served 2026-03-10: the 6-month lawsuit limit ends 2026-09-10, the 3 months then to 2026-12-10.
  const partyTimeEnded = dueOf(ADMINISTRATIVE_LAWSUIT, '2026-03-10', calendar);

  it('行政强制法第五十三、五十四条: 催告 served 2026-09-28 → apply from 2026-10-17 (10 working days over 国庆) to 2026-12-10', () => {
    expect(partyTimeEnded).toBe('2026-09-10');
    expect(courtApplicationWindow(partyTimeEnded, '2026-09-28', calendar)).toEqual({ earliest: '2026-10-17', latest: '2026-12-10', open: true });
    expect(courtApplicationAllowed(partyTimeEnded, '2026-09-28', '2026-10-16', calendar)).toBe(false);
    expect(courtApplicationAllowed(partyTimeEnded, '2026-09-28', '2026-12-10', calendar)).toBe(true);
    expect(courtApplicationAllowed(partyTimeEnded, '2026-09-28', '2026-12-11', calendar)).toBe(false);
  });

  it('行政强制法第五十三条: the application cannot come before the party\'s time ran out, whatever the 催告', () => {
    expect(courtApplicationWindow(partyTimeEnded, '2026-06-01', calendar).earliest).toBe('2026-09-11');
  });

  it('行政强制法第五十四条: a 催告 served 2026-12-01 leaves no day in the window', () => {
    expect(courtApplicationWindow(partyTimeEnded, '2026-12-01', calendar)).toEqual({ earliest: '2026-12-16', latest: '2026-12-10', open: false });
  });
});

describe('CASE-10 行政强制法第四十三条 enforcement at night or on a holiday', () => {
  it.each<[at: string, allowed: boolean, code: string | undefined, why: string]>([
    ['2026-10-03 10:00', false, 'ENFORCEMENT_ON_REST_DAY', '国庆'],
    ['2026-10-17 10:00', false, 'ENFORCEMENT_ON_REST_DAY', 'a Saturday ((2016)最高法行他81号)'],
    ['2026-10-10 10:00', true, undefined, 'the 国庆 make-up Saturday is a working day'],
    ['2026-10-12 21:59', true, undefined, 'before 22:00'],
    ['2026-10-12 22:00', false, 'ENFORCEMENT_AT_NIGHT', 'from 22:00'],
    ['2026-10-13 05:59', false, 'ENFORCEMENT_AT_NIGHT', 'until 06:00'],
    ['2026-10-13 06:00', true, undefined, 'from 06:00'],
  ])('行政强制法第四十三条: %s allowed=%s (%s, %s)', (at, allowed, code, _why) => {
    const check = enforcementTimeCheck(shanghai(at), calendar);
    expect(check.allowed).toBe(allowed);
    if (!allowed) expect(check).toMatchObject({ code });
  });

  it('行政强制法第四十三条: urgent with a recorded reason is allowed; an empty reason is not urgent', () => {
    expect(enforcementTimeCheck(shanghai('2026-10-03 23:00'), calendar, { urgentReason: '危化品泄漏，须立即清除' })).toEqual({ allowed: true, urgentOverride: true });
    expect(enforcementTimeCheck(shanghai('2026-10-03 23:00'), calendar, { urgentReason: '  ' }).allowed).toBe(false);
  });

  it('行政强制法第四十三条: 夜间 is a parameter (a city may set 23:00–07:00)', () => {
    const night = { start: '23:00', end: '07:00' };
    expect(enforcementTimeCheck(shanghai('2026-10-12 22:30'), calendar, { night }).allowed).toBe(true);
    expect(enforcementTimeCheck(shanghai('2026-10-13 06:30'), calendar, { night }).allowed).toBe(false);
  });
});
