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
  it('ORG-3 generated initial passwords meet the policy and differ', () => {
    const a = generatePassword();
    expect(() => checkPasswordPolicy(a, 'admin')).not.toThrow();
    expect(generatePassword()).not.toBe(a);
  });
});
