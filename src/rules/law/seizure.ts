import { dayIndexFromYmd, ymdFromDayIndex } from '../calendar/shanghai-day.js';
import { SEIZURE_TERM } from './law-deadlines.js';

// 行政强制法 第二十五条: a seizure (查封、扣押) lasts at most 30 days; one extension of at most 30 days
// with the head's approval and the party told in writing; testing time (检测、检验、检疫、技术鉴定),
// stated to the party, does not count. A maximum duration does not roll over a rest day.

export const MAX_SEIZURE_EXTENSION_DAYS = 30;

export interface SeizureExtension {
  days: number;
}

export type SeizureDue =
  | { ok: true; due: string; totalDays: number }
  | { ok: false; code: 'SEIZURE_SECOND_EXTENSION' | 'SEIZURE_EXTENSION_TOO_LONG'; message: string };

/**
 * The last day of a seizure decided on `startYmd`, after the extensions granted so far and any
 * testing days (which are not counted in the period). A second extension or one over 30 days is
 * refused with a Chinese reason rather than computed.
 */
export function seizureDue(startYmd: string, extensions: readonly SeizureExtension[], testingDays = 0): SeizureDue {
  if (extensions.length > 1) {
    return { ok: false, code: 'SEIZURE_SECOND_EXTENSION', message: '查封、扣押期限只能延长一次（《行政强制法》第二十五条）' };
  }
  const extension = extensions[0]?.days ?? 0;
  const extensionValid = extensions.length === 0 || (Number.isInteger(extension) && extension >= 1 && extension <= MAX_SEIZURE_EXTENSION_DAYS);
  if (!extensionValid) {
    return { ok: false, code: 'SEIZURE_EXTENSION_TOO_LONG', message: '延长期限须为 1 至 30 日（《行政强制法》第二十五条）' };
  }
  if (!Number.isInteger(testingDays) || testingDays < 0) throw new RangeError(`检测等期间须为不小于 0 的整数日：${testingDays}`);
  const extra = extension + testingDays;
  // Calendar days with no roll-over: the start day is not counted (民法典 第二百零一条).
  const totalDays = SEIZURE_TERM.amount + extra;
  return { ok: true, due: ymdFromDayIndex(dayIndexFromYmd(startYmd) + totalDays), totalDays };
}
