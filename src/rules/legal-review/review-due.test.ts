import { describe, expect, it } from 'vitest';
import { createCalendar } from '../calendar/create-calendar.js';
import { loadBuiltInProfiles } from '../profiles/load-profiles.js';
import { legalReviewDue } from './review-due.js';

const s3 = loadBuiltInProfiles().find((p) => p.seed === 'S3')!;
const s1 = loadBuiltInProfiles().find((p) => p.seed === 'S1')!;
const calendar = createCalendar();

describe('legal review due dates (REV-5)', () => {
  it('REV-5 5 working days from receipt, +5 with an extension approved in time, across the 2025 National Day holiday', () => {
    // Received Friday 2025-09-26; 1–8 October are holidays, 28 Sep and 11 Oct make-up working days.
    const received = new Date('2025-09-26T02:00:00Z');
    const plain = legalReviewDue(s3, calendar, received, null)!;
    expect(plain.extended).toBe(false);
    // Working days after receipt: 28 Sep (Sun, make-up), 29, 30 Sep, 9, 10 Oct → due end of 10 Oct.
    expect(plain.dueAt.toISOString()).toBe('2025-10-10T15:59:59.999Z');
    const extended = legalReviewDue(s3, calendar, received, new Date('2025-10-09T02:00:00Z'))!;
    expect(extended.extended).toBe(true);
    // 11 Oct (Sat, make-up), 13, 14, 15, 16 Oct.
    expect(extended.dueAt.toISOString()).toBe('2025-10-16T15:59:59.999Z');
    const tooLate = legalReviewDue(s3, calendar, received, new Date('2025-10-11T02:00:00Z'))!;
    expect(tooLate.extended).toBe(false);
  });
  it('REV-5 a profile without a review limit gives none', () => {
    expect(legalReviewDue(s1, calendar, new Date('2026-03-02T02:00:00Z'), null)).toBeNull();
  });
});
