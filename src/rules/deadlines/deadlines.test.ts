import { describe, expect, it } from 'vitest';
import { createCalendar } from '../calendar/create-calendar.js';
import { closeOf, shanghai } from '../test-support.js';
import { computeDueAt } from './compute-due.js';
import { deadlineRuleSchema, describeDeadlineRule, type DeadlineRule } from './deadline-rule.js';
import { evaluateDeadline } from './evaluate-deadline.js';

const calendar = createCalendar();
const context = { calendar };
const HOUR = 3_600_000;

describe('CAL-2 deadline kinds', () => {
  it('CAL-2: N hours is elapsed time, holidays or not', () => {
    expect(computeDueAt({ kind: 'hours', hours: 24 }, shanghai('2026-02-16 10:00'), context)).toEqual(shanghai('2026-02-17 10:00'));
  });

  it('CAL-2: N calendar days close at 23:59:59.999 Shanghai of the Nth day; 0 is the same day', () => {
    expect(computeDueAt({ kind: 'calendarDays', days: 30 }, shanghai('2026-01-20 09:00'), context)).toEqual(closeOf('2026-02-19'));
    expect(computeDueAt({ kind: 'calendarDays', days: 0 }, shanghai('2026-01-20 00:30'), context)).toEqual(closeOf('2026-01-20'));
    // 00:30 Shanghai is still the previous day in UTC; the local day decides.
    expect(shanghai('2026-01-20 00:30').toISOString()).toBe('2026-01-19T16:30:00.000Z');
  });

  it('CAL-2: N working days count from the next working day and skip 春节 2026', () => {
    expect(computeDueAt({ kind: 'workingDays', days: 5 }, shanghai('2026-02-12 11:00'), context)).toEqual(closeOf('2026-02-26'));
    // 9-28 is a make-up Sunday, 10-11 a make-up Saturday: both count.
    expect(computeDueAt({ kind: 'workingDays', days: 20 }, shanghai('2025-09-26 11:00'), context)).toEqual(closeOf('2025-10-30'));
  });

  it('CAL-2: a working-day limit can close at a stated time instead of midnight', () => {
    expect(computeDueAt({ kind: 'workingDays', days: 1, closesAt: '17:00' }, shanghai('2026-03-13 09:00'), context)).toEqual(shanghai('2026-03-16 17:00'));
  });

  it.each([
    ['2026-03-11 09:00', '2026-03-11 17:30', 'before the end'],
    ['2026-03-11 17:30', '2026-03-12 17:30', 'exactly at the end counts as after'],
    ['2026-03-11 22:00', '2026-03-12 17:30', 'after the end'],
    ['2026-03-14 10:00', '2026-03-16 17:30', 'on a Saturday'],
    ['2026-02-14 10:00', '2026-02-14 17:30', 'on the make-up Saturday'],
    ['2026-10-01 10:00', '2026-10-08 17:30', 'on 国庆 2026, back on Thursday 10-08'],
  ])('CAL-2 sameWorkday: event %s → due %s (%s)', (event, due) => {
    expect(computeDueAt({ kind: 'sameWorkday' }, shanghai(event), context)).toEqual(shanghai(due));
  });

  it('CAL-2 sameWorkday: the agency workday end is a parameter', () => {
    expect(computeDueAt({ kind: 'sameWorkday' }, shanghai('2026-03-11 17:45'), { calendar, workdayEnd: '18:00' })).toEqual(shanghai('2026-03-11 18:00'));
  });

  it('CAL-2: rules are validated and described in Chinese', () => {
    expect(deadlineRuleSchema.safeParse({ kind: 'workingDays', days: 0 }).success).toBe(false);
    expect(deadlineRuleSchema.safeParse({ kind: 'hours', hours: -1 }).success).toBe(false);
    expect(deadlineRuleSchema.safeParse({ kind: 'calendarDays', days: 3, closesAt: '25:00' }).success).toBe(false);
    const rules: DeadlineRule[] = [{ kind: 'hours', hours: 24 }, { kind: 'workingDays', days: 2 }, { kind: 'calendarDays', days: 0 }, { kind: 'sameWorkday' }];
    expect(rules.map(describeDeadlineRule)).toEqual(['24小时内', '2个工作日内', '当天', '当天下班前']);
  });
});

describe('CAL-2 deadline state', () => {
  const rule: DeadlineRule = { kind: 'hours', hours: 24 };
  const dueAt = shanghai('2026-03-12 15:00');
  const evaluate = (now: string, metAt?: string) =>
    evaluateDeadline({ dueAt, rule, now: shanghai(now), metAt: metAt ? shanghai(metAt) : null, dueSoonMs: 4 * HOUR });

  it('CAL-2: open, then due soon within the threshold, then late by how much', () => {
    expect(evaluate('2026-03-12 10:00')).toEqual({ dueAt, state: 'open', rule });
    expect(evaluate('2026-03-12 11:00').state).toBe('due_soon');
    expect(evaluate('2026-03-12 18:00')).toEqual({ dueAt, state: 'late', lateByMs: 3 * HOUR, rule });
  });

  it('CAL-2: met in time stays met; met late is late by the delay, whatever now is', () => {
    expect(evaluate('2026-03-20 10:00', '2026-03-12 15:00').state).toBe('met');
    expect(evaluate('2026-03-20 10:00', '2026-03-12 16:30')).toMatchObject({ state: 'late', lateByMs: 1.5 * HOUR });
  });
});
