import { describe, expect, it } from 'vitest';
import { createCalendar } from '../calendar/create-calendar.js';
import { dayIndexFromYmd } from '../calendar/shanghai-day.js';
import { addMonths, dueOf, isWithin } from './due-of.js';
import { deadlinesStartedByService } from './served-deadlines.js';
import {
  ADMINISTRATIVE_LAWSUIT,
  ADMINISTRATIVE_REVIEW,
  DECISION_AFTER_FILING,
  DECISION_SERVICE,
  EVIDENCE_PRESERVATION_DECISION,
  FINE_PAYMENT,
  HEARING_REQUEST,
  LAW_DEADLINE_RULES,
} from './law-deadlines.js';
import type { LawDeadlineRule } from './law-rule.js';

// Holiday blocks used below, from the bundled State Council notices:
// 春节 2026: 02-15…02-23 rest, 02-14 (Sat) and 02-28 (Sat) make-up working days.
// 中秋 2026: 09-25…09-27 rest; 国庆 2026: 10-01…10-07 rest, 09-20 (Sun) and 10-10 (Sat) make-up.
// 国庆 2025: 10-01…10-08 rest, 09-28 (Sun) and 10-11 (Sat) make-up. 清明 2026: 04-04…04-06 rest.
const calendar = createCalendar();

type Row = [name: string, rule: LawDeadlineRule, start: string, due: string];

const rows: Row[] = [
  ['行政处罚法第六十四条: notice served 2026-09-29 → hearing request due 2026-10-12 (5 working days over 国庆, 10-10 make-up counts)', HEARING_REQUEST, '2026-09-29', '2026-10-12'],
  ['行政处罚法第六十四条: notice served 2026-02-12 → hearing request due 2026-02-26 (5 working days over 春节, 02-14 make-up counts)', HEARING_REQUEST, '2026-02-12', '2026-02-26'],
  ['行政处罚法第六十四条: notice served 2025-09-26 → hearing request due 2025-10-10 (09-28 make-up Sunday counts)', HEARING_REQUEST, '2025-09-26', '2025-10-10'],
  ['行政处罚法第五十六条: evidence registered 2026-02-11 → preservation decision due 2026-02-27 (7 working days over 春节)', EVIDENCE_PRESERVATION_DECISION, '2026-02-11', '2026-02-27'],
  ['行政处罚法第六十一条: decision announced 2026-09-30 with the party absent → served by 2026-10-15 (7 working days over 国庆)', DECISION_SERVICE, '2026-09-30', '2026-10-15'],
  ['行政处罚法第六十条: filed 2026-01-05 → decision due 2026-04-05, 90 calendar days, an agency duty that does not roll over 清明', DECISION_AFTER_FILING, '2026-01-05', '2026-04-05'],
  ['行政处罚法第六十七条: decision served 2026-09-22 → fine due 2026-10-08 (day 15 is 10-07 in 国庆, rolls to the next working day)', FINE_PAYMENT, '2026-09-22', '2026-10-08'],
  ['行政处罚法第六十七条: decision served 2026-02-05 → fine due 2026-02-24 (day 15 is 02-20 in 春节, rolls over)', FINE_PAYMENT, '2026-02-05', '2026-02-24'],
  ['行政处罚法第六十七条: decision served 2026-01-30 → fine due 2026-02-14 (day 15 is the make-up Saturday, a working day)', FINE_PAYMENT, '2026-01-30', '2026-02-14'],
  ['行政复议法第二十条: decision served 2026-08-02 → review due 2026-10-08 (day 60 is 10-01, rolls over 国庆)', ADMINISTRATIVE_REVIEW, '2026-08-02', '2026-10-08'],
  ['行政诉讼法第四十六条: decision served 2025-08-31 → lawsuit due 2026-02-28 (no 31st: month end, the make-up Saturday)', ADMINISTRATIVE_LAWSUIT, '2025-08-31', '2026-02-28'],
  ['行政诉讼法第四十六条: decision served 2025-08-20 → lawsuit due 2026-02-24 (02-20 is in 春节, rolls over)', ADMINISTRATIVE_LAWSUIT, '2025-08-20', '2026-02-24'],
];

describe('CAL-2 CASE-7 CASE-9 CASE-11 SRV-2 national-law deadlines (dueOf)', () => {
  it.each(rows)('%s', (_name, rule, start, due) => {
    expect(dueOf(rule, start, calendar)).toBe(due);
  });

  it('行政处罚法第六十四条: a hearing request on day 5 (2026-10-12) is accepted, on day 6 (2026-10-13) refused', () => {
    expect(isWithin(HEARING_REQUEST, '2026-09-29', '2026-10-12', calendar)).toBe(true);
    expect(isWithin(HEARING_REQUEST, '2026-09-29', '2026-10-13', calendar)).toBe(false);
    // Calendar-day counting would have closed the window during the holiday.
    expect(isWithin(HEARING_REQUEST, '2026-09-29', '2026-10-04', calendar)).toBe(true);
  });

  it('行政处罚法第六十条: a profile may make the agency\'s 90 days roll over 清明 too', () => {
    expect(dueOf(DECISION_AFTER_FILING, '2026-01-05', calendar, { rollOverRestDay: true })).toBe('2026-04-07');
  });

  it('民法典第二百零二条: months end on the corresponding day, or the month\'s last day', () => {
    expect(addMonths(dayIndexFromYmd('2026-01-31'), 1)).toBe(dayIndexFromYmd('2026-02-28'));
    expect(addMonths(dayIndexFromYmd('2027-11-30'), 3)).toBe(dayIndexFromYmd('2028-02-29'));
    expect(addMonths(dayIndexFromYmd('2026-10-15'), 6)).toBe(dayIndexFromYmd('2027-04-15'));
  });

  it('every rule cites its law and article with the quoted rule, and short limits name their working-day source', () => {
    for (const rule of LAW_DEADLINE_RULES) {
      expect(rule.citation.article).toMatch(/^第[一二三四五六七八九十百零]+条/);
      expect(rule.citation.quote.length).toBeGreaterThan(10);
      if (rule.unit === 'workingDays') expect(rule.unitSource?.article).toMatch(/第八十五条|第六十九条/);
    }
    expect(new Set(LAW_DEADLINE_RULES.map((rule) => rule.key)).size).toBe(LAW_DEADLINE_RULES.length);
  });
});

describe('SRV-2 the service date starts the party\'s deadlines', () => {
  it('SRV-2 行政处罚法第六十七条 行政复议法第二十条 行政诉讼法第四十六条: a fine decision served 2026-09-22 → pay by 10-08, review by 11-23, sue by 2027-03-22', () => {
    const started = deadlinesStartedByService('penalty_decision_with_fine', '2026-09-22', calendar);
    expect(started.map(({ rule, due }) => [rule.key, due])).toEqual([
      ['finePayment', '2026-10-08'],
      ['administrativeReview', '2026-11-23'],
      ['administrativeLawsuit', '2027-03-22'],
    ]);
  });

  it('SRV-2 行政处罚法第六十四条: a prior notice with hearing rights served 2026-09-29 starts the hearing request only', () => {
    expect(deadlinesStartedByService('prior_notice_with_hearing', '2026-09-29', calendar).map(({ due }) => due)).toEqual(['2026-10-12']);
  });
});
