import { dayIndexFromYmd } from '../calendar/shanghai-day.js';

// 加处罚款 (行政处罚法 第七十二条第一款第（一）项; 行政强制法 第四十五条): 3 % of the fine for each
// day after the payment period, never more than the fine. Money is integer 分 throughout.

const DAILY_RATE_PERCENT = 3n;

export interface LateSurcharge {
  /** Days late: from the day after the due day up to and including the day paid (or today). */
  daysLate: number;
  /** The surcharge in 分, rounded down (a fraction of a 分 is not charged), at most the fine. */
  surchargeFen: number;
  /** True once 3 % × days reached the fine and the cap applied. */
  capped: boolean;
  /** Fine plus surcharge, in 分. */
  totalFen: number;
}

/**
 * The surcharge on a fine of `principalFen` 分 whose payment period ended on `dueYmd` (see
 * FINE_PAYMENT), paid on `paidOrTodayYmd` or still unpaid today. Paying on the due day costs nothing.
 */
export function lateSurcharge(principalFen: number, dueYmd: string, paidOrTodayYmd: string): LateSurcharge {
  if (!Number.isSafeInteger(principalFen) || principalFen < 0) throw new RangeError(`罚款金额须为不小于 0 的整数（分）：${principalFen}`);
  const daysLate = Math.max(0, dayIndexFromYmd(paidOrTodayYmd) - dayIndexFromYmd(dueYmd));
  // BigInt keeps principal × 3 × days exact for any fine a safe integer can hold.
  const uncapped = (BigInt(principalFen) * DAILY_RATE_PERCENT * BigInt(daysLate)) / 100n;
  const capped = uncapped >= BigInt(principalFen) && daysLate > 0;
  const surchargeFen = capped ? principalFen : Number(uncapped);
  return { daysLate, surchargeFen, capped, totalFen: principalFen + surchargeFen };
}
