import { describe, expect, it } from 'vitest';
import { createCalendar } from '../calendar/create-calendar.js';
import { dueOf } from './due-of.js';
import { lateSurcharge } from './late-surcharge.js';
import { FINE_PAYMENT } from './law-deadlines.js';
import { onTheSpotLimitOk } from './on-the-spot.js';

const calendar = createCalendar();

describe('CASE-11 行政处罚法第七十二条 / 行政强制法第四十五条 late-payment surcharge', () => {
  // Decision served 2026-09-22: 15 days end in 国庆, so the payment is due 2026-10-08.
  const due = dueOf(FINE_PAYMENT, '2026-09-22', calendar);
  const fine = 1_000_000; // 10,000 元 in 分

  it.each([
    ['paid on the due day: nothing', '2026-10-08', 0, 0, false],
    ['one day late: 3 %', '2026-10-09', 1, 30_000, false],
    ['33 days late: 99 %', '2026-11-10', 33, 990_000, false],
    ['34 days late: 102 % capped at the fine', '2026-11-11', 34, 1_000_000, true],
    ['a year late: still the fine', '2027-10-08', 365, 1_000_000, true],
  ])('行政处罚法第七十二条: fine of 10,000 元 due 2026-10-08, %s', (_name, paid, daysLate, surchargeFen, capped) => {
    expect(due).toBe('2026-10-08');
    expect(lateSurcharge(fine, due, paid)).toEqual({ daysLate, surchargeFen, capped, totalFen: fine + surchargeFen });
  });

  it('行政处罚法第七十二条: fractions of a 分 are not charged (333 分 × 3 % = 9.99 → 9)', () => {
    expect(lateSurcharge(333, '2026-10-08', '2026-10-09').surchargeFen).toBe(9);
  });

  it('行政处罚法第七十二条: a non-integer or negative principal is refused', () => {
    expect(() => lateSurcharge(10.5, '2026-10-08', '2026-10-09')).toThrow(RangeError);
    expect(() => lateSurcharge(-1, '2026-10-08', '2026-10-09')).toThrow(RangeError);
  });
});

describe('CASE-6 行政处罚法第五十一条 on-the-spot limits', () => {
  it.each([
    ['citizen', 20_000, true],
    ['citizen', 20_001, false],
    ['organisation', 300_000, true],
    ['organisation', 300_001, false],
  ] as const)('行政处罚法第五十一条: %s fined %i 分 → on the spot %s', (kind, amount, ok) => {
    expect(onTheSpotLimitOk(kind, amount)).toBe(ok);
  });
});
