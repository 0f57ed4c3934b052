// Checks of the identity numbers a party gives (issue 4): the 18-character 居民身份证号码 with its
// GB 11643 check digit, and the 18-character 统一社会信用代码 of GB 32100 with its check character.

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

/** Null when valid, else the Chinese reason. */
export function residentIdProblem(raw: string): string | null {
  const id = raw.trim().toUpperCase();
  if (id.length !== 18) return '居民身份证号码应为 18 位';
  if (!/^\d{17}[\dX]$/.test(id)) return '居民身份证号码前 17 位应为数字，末位为数字或 X';
  const sum = ID_WEIGHTS.reduce((s, w, i) => s + w * Number(id[i]), 0);
  if (ID_CHECK[sum % 11] !== id[17]) return '居民身份证号码校验位不正确，请核对';
  return null;
}

const USCC_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** Null when valid, else the Chinese reason. */
export function usccProblem(raw: string): string | null {
  const code = raw.trim().toUpperCase();
  if (code.length !== 18) return '统一社会信用代码应为 18 位';
  if (![...code].every((c) => USCC_CHARS.includes(c))) return '统一社会信用代码只含数字和大写字母（不含 I、O、Z、S、V）';
  const sum = USCC_WEIGHTS.reduce((s, w, i) => s + w * USCC_CHARS.indexOf(code[i]!), 0);
  const check = USCC_CHARS[(31 - (sum % 31)) % 31];
  if (check !== code[17]) return '统一社会信用代码校验位不正确，请核对';
  return null;
}
