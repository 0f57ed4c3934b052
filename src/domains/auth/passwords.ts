import { hash, verify } from '@node-rs/argon2';
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

/** Pure rule: at least 10 characters with letters and digits; not the username. */
export function checkPasswordPolicy(password: string, username: string): void {
  const ok = password.length >= 10 && password.length <= 200 && /[A-Za-z]/.test(password) && /\d/.test(password);
  if (!ok || password.toLowerCase().includes(username.toLowerCase())) {
    throw new AppError('PASSWORD_TOO_WEAK', '密码至少 10 位，须同时包含字母和数字，且不能包含用户名');
  }
}
