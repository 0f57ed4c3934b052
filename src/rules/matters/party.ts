// 当事人 as the 执法文书 forms record them (issue 12): a natural person, a legal person or other
// organisation, or a 个体工商户. Kept free of imports so the web app uses the same table.

export const PARTY_KINDS = {
  natural: '自然人',
  legal: '法人或其他组织',
  individual_business: '个体工商户',
} as const;
export type PartyKindId = keyof typeof PARTY_KINDS;
export const PARTY_KIND_IDS = Object.keys(PARTY_KINDS) as [PartyKindId, ...PartyKindId[]];

export const GENDERS = { male: '男', female: '女' } as const;
export type Gender = keyof typeof GENDERS;

/**
 * Whether the law treats the party as a natural person or as an organisation. A 个体工商户 is a
 * natural person who registered a business (民法典 第五十四条), so rules that distinguish 公民 from
 * 法人或者其他组织 (行政处罚法 第五十一条 on-the-spot limits, 第六十三条 hearing thresholds) treat it as
 * a natural person unless a profile says otherwise.
 */
export function legalPersonOf(kind: PartyKindId): 'natural' | 'legal' {
  return kind === 'legal' ? 'legal' : 'natural';
}

/** The 当事人 organisation's identifier: 统一社会信用代码 for organisations and 个体工商户 (GB 32100). */
export const usesCreditCode = (kind: PartyKindId) => kind !== 'natural';

const MOBILE = /^1[3-9]\d{9}$/;
// Area code 0 + 2–3 digits (010, 0413), 7–8 digit number, optional extension: 0413-5551234, 010-12345678-801.
const LANDLINE = /^0\d{2,3}-?[1-9]\d{6,7}(-\d{1,6})?$/;

/** 联系电话: an 11-digit mobile number (1[3-9]…) or a landline with its area code. Null when valid. */
export function phoneProblem(raw: string): string | null {
  const phone = raw.trim().replace(/[\s()（）]/g, '').replace(/^\+?86-?(?=1)/, '');
  if (MOBILE.test(phone) || LANDLINE.test(phone)) return null;
  return '联系电话应为 11 位手机号码（1 开头）或带区号的固定电话（如 0413-5551234）';
}

/** 邮政编码: six digits (GB/T 2260-based postal codes). Null when valid. */
export function postcodeProblem(raw: string): string | null {
  return /^\d{6}$/.test(raw.trim()) ? null : '邮政编码应为 6 位数字';
}
