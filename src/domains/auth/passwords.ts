import { hash, verify } from '@node-rs/argon2';
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as zxcvbnCommon from '@zxcvbn-ts/language-common';
import { AppError } from '../../shared/errors.js';

// argon2id with the OWASP-recommended minimum (19 MiB, t=2, p=1).
// The library's default algorithm is argon2id (checked by a test).
const options = { memoryCost: 19456, timeCost: 2, parallelism: 1 };

export const hashPassword = (password: string) => hash(password, options);
export const verifyPassword = (hashed: string, password: string) => verify(hashed, password).catch(() => false);

// Hashed for unknown usernames so a failed sign-in takes the same time whether or not the user exists.
let dummyHash: Promise<string> | undefined;
export const dummyVerify = async (password: string) => {
  dummyHash ??= hashPassword('liuhen-timing-equaliser');
  await verifyPassword(await dummyHash, password);
  return false;
};

// zxcvbn estimates guesses from the common-password, name and keyboard-pattern dictionaries.
// Score 3 = at least 10^8 guesses ("safely unguessable" for an online attack that the
// lock-out already slows down). Built on first use: the dictionaries take a moment to load.
const minimumScore = 3;
let estimator: ZxcvbnFactory | undefined;
const strength = (password: string, userInputs: string[]) => {
  estimator ??= new ZxcvbnFactory({ dictionary: { ...zxcvbnCommon.dictionary }, graphs: zxcvbnCommon.adjacencyGraphs });
  return estimator.check(password, userInputs).score;
};

/**
 * Pure rule: at least 10 characters with letters and digits; not the username; and not a
 * common or guessable password (PASSWORD_TOO_WEAK / PASSWORD_TOO_COMMON, both 400).
 * `personal` are other words the person is known by (display name), which a guesser tries first.
 */
export function checkPasswordPolicy(password: string, username: string, personal: string[] = []): void {
  const ok = password.length >= 10 && password.length <= 200 && /[A-Za-z]/.test(password) && /\d/.test(password);
  if (!ok || password.toLowerCase().includes(username.toLowerCase())) {
    throw new AppError('PASSWORD_TOO_WEAK', '密码至少 10 位，须同时包含字母和数字，且不能包含用户名');
  }
  if (strength(password, [username, ...personal]) < minimumScore) {
    throw new AppError('PASSWORD_TOO_COMMON', '密码过于常见或容易被猜中（如 Password123、键盘连续字符、姓名加年份），请换一个更不易猜到的密码');
  }
}
