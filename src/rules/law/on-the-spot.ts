import { ON_THE_SPOT_PENALTY } from './citations.js';
import type { LawCitation } from './law-rule.js';

// 简易程序 (当场处罚) is open only up to these fines (行政处罚法 第五十一条). A warning has no amount
// and is always within the limit. "以下" includes the amount itself.

export type PartyKind = 'citizen' | 'organisation';

/** The highest on-the-spot fine in 分: 200 元 for a citizen, 3,000 元 for a legal person or other organisation. */
export const ON_THE_SPOT_LIMIT_FEN: Readonly<Record<PartyKind, number>> = { citizen: 200_00, organisation: 3_000_00 };

export function onTheSpotLimitOk(partyKind: PartyKind, amountFen: number): boolean {
  if (!Number.isSafeInteger(amountFen) || amountFen < 0) throw new RangeError(`罚款金额须为不小于 0 的整数（分）：${amountFen}`);
  return amountFen <= ON_THE_SPOT_LIMIT_FEN[partyKind];
}

export const onTheSpotLimitSource: LawCitation = ON_THE_SPOT_PENALTY;
