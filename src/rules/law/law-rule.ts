// A national-law time limit as data: which law and article, the rule in the law's own words, what
// starts the clock and how it is counted. Matter steps read these records; nothing here does I/O.

export type LawName = '行政处罚法' | '行政强制法' | '行政复议法' | '行政诉讼法' | '民法典' | '噪声污染防治法';

export interface LawCitation {
  law: LawName;
  /** The version the quote is taken from, e.g. '2021年修订'. */
  version: string;
  /** '第六十四条' (with 第N款/第N项 where it matters). */
  article: string;
  /** The rule in the law's wording (abridged with … where the rest is not about time). */
  quote: string;
}

/**
 * How the time limit is counted (start day excluded, 民法典 第二百零一条):
 * - workingDays: the Nth working day after the start (行政处罚法 第八十五条, 行政强制法 第六十九条);
 * - calendarDays: start + N;
 * - months: the same day of the Nth month after, or that month's last day (民法典 第二百零二条).
 */
export type LawDeadlineUnit = 'workingDays' | 'calendarDays' | 'months';

export interface LawDeadlineRule {
  /** Stable key for code and tests, e.g. 'hearingRequest'. */
  key: string;
  /** Chinese name for people, e.g. '听证申请期限'. */
  name: string;
  citation: LawCitation;
  /** Why the unit is what it is when the article itself does not say (e.g. 第八十五条). */
  unitSource: LawCitation | null;
  /** What starts the clock, in Chinese: '行政处罚事先告知书送达之日'. */
  startsAt: string;
  unit: LawDeadlineUnit;
  amount: number;
  /** Who must act: the party (当事人) or the agency (行政机关). */
  actor: 'party' | 'agency';
  /**
   * Whether a last day that is a rest day moves to the next working day (民法典 第二百零三条).
   * Only for calendar days and months; true for the party's time limits, false for the agency's
   * duties and for maximum durations (a seizure does not last longer because day 30 is a Sunday).
   */
  rollsOverRestDay: boolean;
}
