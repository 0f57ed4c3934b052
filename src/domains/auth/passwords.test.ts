import { describe, expect, it } from 'vitest';
import { checkPasswordPolicy, hashPassword, verifyPassword } from './passwords.js';
import { generatePassword } from './secrets.js';

describe('passwords (ORG-3)', () => {
  it('ORG-3 hashes with argon2id and verifies only the right password', async () => {
    const h = await hashPassword('Correct-horse-9');
    expect(h).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(h, 'Correct-horse-9')).toBe(true);
    expect(await verifyPassword(h, 'correct-horse-9')).toBe(false);
    expect(await verifyPassword('not-a-hash', 'x')).toBe(false);
  });
  it('ORG-3 the policy wants 10+ characters with letters and digits, not containing the username', () => {
    expect(() => checkPasswordPolicy('abcdefghij', 'zhang')).toThrow(/至少 10 位/);
    expect(() => checkPasswordPolicy('123456789012', 'zhang')).toThrow();
    expect(() => checkPasswordPolicy('Zhang-2026-x', 'zhang')).toThrow();
    expect(() => checkPasswordPolicy('Field-work-2026', 'zhang')).not.toThrow();
  });
  it('ORG-3 common and guessable passwords are refused as PASSWORD_TOO_COMMON (zxcvbn), long random ones pass', () => {
    for (const common of ['Password123', 'Qwerty123456', 'P@ssw0rd1234', '1qaz2wsx3edc', 'Aa123456789']) {
      expect(() => checkPasswordPolicy(common, 'zhang'), common).toThrow(expect.objectContaining({ code: 'PASSWORD_TOO_COMMON' }));
    }
    // The person's own name is among the first guesses.
    expect(() => checkPasswordPolicy('Wangxiaoming2026', 'wxm', ['wangxiaoming'])).toThrow(expect.objectContaining({ code: 'PASSWORD_TOO_COMMON' }));
    expect(() => checkPasswordPolicy('Field-work-2026', 'zhang', ['张三'])).not.toThrow();
  });
  it('ORG-3 generated initial passwords meet the policy and differ', () => {
    const a = generatePassword();
    expect(() => checkPasswordPolicy(a, 'admin')).not.toThrow();
    expect(generatePassword()).not.toBe(a);
  });
});
