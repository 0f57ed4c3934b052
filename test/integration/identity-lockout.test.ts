import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, users } from '../../src/db/schema/index.js';
import { makeAgency, makeServiceToken, makeUser } from '../support/factories.js';
import { client, signInAs, type Session } from '../support/http-client.js';
import { adminPassword, startTestApp, type TestApp } from '../support/test-app.js';

// Issue 10 "lock-out beaten by parallel guesses": 80 wrong passwords sent 40 at a time were all
// checked and never locked the account; locked, unknown and disabled accounts answered
// differently; /api/auth/password allowed unlimited guesses and wrote no audit event.
describe('lock-out and sign-in answers (ORG-3, INT-1)', () => {
  let t: TestApp;
  let platform: Session;
  let agencyId: string;
  const signIn = (username: string, password: string) => t.app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { username, password } });
  const eventsOf = (userId: string, action: string) =>
    t.ctx.db.select().from(auditEvents).where(and(eq(auditEvents.objectId, userId), eq(auditEvents.action, action)));
  const reasons = async (userId: string, action = 'auth.sign_in_failed') =>
    (await eventsOf(userId, action)).map((e) => (e.details as { reason: string }).reason);

  beforeAll(async () => {
    t = await startTestApp();
    platform = await signInAs(t.app, 'admin', adminPassword);
    agencyId = (await makeAgency(t.app, platform)).id;
  });
  afterAll(() => t.close());

  it('ORG-3 80 wrong passwords sent 40 at a time: 5 are checked, the account locks, all 80 get the same 401', async () => {
    const user = await makeUser(t.app, agencyId, ['handler'], platform);
    const answers: { status: number; body: string }[] = [];
    for (let wave = 0; wave < 2; wave++) {
      const res = await Promise.all(Array.from({ length: 40 }, (_, i) => signIn(user.username, `Wrong-guess-${wave}-${i}`)));
      answers.push(...res.map((r) => ({ status: r.statusCode, body: r.body })));
    }
    expect(new Set(answers.map((a) => `${a.status} ${a.body}`))).toEqual(new Set([`401 ${JSON.stringify({ code: 'INVALID_CREDENTIALS', message: '用户名或密码错误' })}`]));
    const why = await reasons(user.id);
    expect(why.filter((r) => r === 'wrong_password')).toHaveLength(5);
    expect(why.filter((r) => r === 'locked')).toHaveLength(75);
    expect(await eventsOf(user.id, 'auth.locked')).toHaveLength(1);
    // Locked: even the right password is refused, the same way.
    expect((await signIn(user.username, user.password)).statusCode).toBe(401);
    t.clock.advance(16 * 60_000);
    expect((await signIn(user.username, user.password)).statusCode).toBe(200);
    const [row] = await t.ctx.db.select().from(users).where(eq(users.id, user.id));
    expect([row!.failedSignIns, row!.lockedUntil]).toEqual([0, null]);
  });

  it('ORG-3 unknown, locked, disabled (right or wrong password), service and wrong-password sign-ins answer identically; the audit log keeps the reason', async () => {
    const admin = client(t.app, platform);
    const plain = await makeUser(t.app, agencyId, ['handler'], platform);
    const locked = await makeUser(t.app, agencyId, ['handler'], platform);
    for (let i = 0; i < 5; i++) await signIn(locked.username, 'Wrong-guess-2026');
    const disabled = await makeUser(t.app, agencyId, ['handler'], platform);
    expect((await admin.patch(`/api/agencies/${agencyId}/users/${disabled.id}`, { disabled: true })).statusCode).toBe(200);
    const station = await makeServiceToken(t.app, agencyId, platform);
    const tries = [
      signIn('nobody-here', 'Wrong-guess-2026'),
      signIn(plain.username, 'Wrong-guess-2026'),
      signIn(locked.username, locked.password),
      signIn(disabled.username, disabled.password),
      signIn(disabled.username, 'Wrong-guess-2026'),
      signIn(station.account.username, 'Wrong-guess-2026'),
    ];
    const answers = (await Promise.all(tries)).map((r) => `${r.statusCode} ${r.body}`);
    expect(new Set(answers).size).toBe(1);
    expect(answers[0]).toMatch(/^401 .*INVALID_CREDENTIALS/);
    expect(await reasons(locked.id)).toContain('locked');
    expect(await reasons(disabled.id)).toEqual(expect.arrayContaining(['disabled', 'wrong_password']));
    expect(await reasons(station.account.id)).toEqual(['service_account']);
  });

  it('ORG-3 INT-1 wrong current passwords at /api/auth/password count toward the same lock-out and are audited; success is audited too', async () => {
    const user = await makeUser(t.app, agencyId, ['handler'], platform);
    const session = client(t.app, await signInAs(t.app, user.username, user.password));
    const change = (currentPassword: string) => session.post('/api/auth/password', { currentPassword, newPassword: 'Fresh-lantern-2031' });
    const wrong = await Promise.all(Array.from({ length: 20 }, (_, i) => change(`Wrong-guess-${i}`)));
    expect(wrong.filter((r) => r.json().code === 'INVALID_CREDENTIALS')).toHaveLength(5);
    expect(wrong.filter((r) => r.statusCode === 423 && r.json().code === 'ACCOUNT_LOCKED')).toHaveLength(15);
    expect((await change(user.password)).json().code).toBe('ACCOUNT_LOCKED');
    expect((await signIn(user.username, user.password)).statusCode).toBe(401);
    const why = await reasons(user.id, 'auth.password_change_failed');
    expect(why.filter((r) => r === 'wrong_password')).toHaveLength(5);
    expect(why.filter((r) => r === 'locked')).toHaveLength(16);

    t.clock.advance(16 * 60_000);
    const again = client(t.app, await signInAs(t.app, user.username, user.password));
    expect((await again.post('/api/auth/password', { currentPassword: user.password, newPassword: 'Fresh-lantern-2031' })).statusCode).toBe(200);
    expect(await eventsOf(user.id, 'auth.password_changed')).toHaveLength(1);
  });

  it('ORG-3 the most common and guessable passwords are refused with PASSWORD_TOO_COMMON wherever a password is set; nothing changes', async () => {
    const admin = client(t.app, platform);
    const created = await admin.post(`/api/agencies/${agencyId}/users`, { username: 'weak-one', displayName: '弱密码', password: 'Password123', roles: ['handler'] });
    expect(created.statusCode).toBe(400);
    expect(created.json()).toMatchObject({ code: 'PASSWORD_TOO_COMMON', message: expect.stringContaining('过于常见') });
    expect(await t.ctx.db.select().from(users).where(eq(users.username, 'weak-one'))).toEqual([]);

    const user = await makeUser(t.app, agencyId, ['handler'], platform);
    const reset = await admin.post(`/api/agencies/${agencyId}/users/${user.id}/password`, { newPassword: 'Qwerty123456' });
    expect(reset.json().code).toBe('PASSWORD_TOO_COMMON');
    const own = await client(t.app, await signInAs(t.app, user.username, user.password)).post('/api/auth/password', { currentPassword: user.password, newPassword: '1qaz2wsx3edc' });
    expect(own.json().code).toBe('PASSWORD_TOO_COMMON');
    await signInAs(t.app, user.username, user.password);
  });
});
