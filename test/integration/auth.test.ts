import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeAgency, makeUser } from '../support/factories.js';
import { client, signInAs } from '../support/http-client.js';
import { adminPassword, startTestApp, type TestApp } from '../support/test-app.js';

describe('sign-in and sessions (ORG-3, INT-1)', () => {
  let t: TestApp;
  let agencyId: string;
  beforeAll(async () => {
    t = await startTestApp();
    agencyId = (await makeAgency(t.app)).id;
  });
  afterAll(() => t.close());

  const auditCount = async (action: string) => {
    const admin = client(t.app, await signInAs(t.app, 'admin', adminPassword));
    return (await admin.get(`/api/audit-events?action=${action}&pageSize=1`)).json().total as number;
  };

  it('ORG-3 signs in with username and password into an httpOnly SameSite session cookie, and /me shows the roles', async () => {
    const user = await makeUser(t.app, agencyId, ['handler', 'reviewer']);
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { username: user.username, password: user.password } });
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'liuhen_sid')!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Strict');
    expect(Buffer.from(cookie.value, 'base64url').length).toBeGreaterThanOrEqual(16);
    const me = await client(t.app, { cookie: `liuhen_sid=${cookie.value}`, csrfToken: res.json().csrfToken }).get('/api/auth/me');
    expect(me.json().memberships).toEqual([expect.objectContaining({ agencyId, roles: ['handler', 'reviewer'] })]);
  });

  it('INT-1 a wrong password is refused with INVALID_CREDENTIALS and audited; an unknown user likewise', async () => {
    const before = await auditCount('auth.sign_in_failed');
    const bad = await t.app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { username: 'admin', password: 'nope-nope-1' } });
    expect(bad.statusCode).toBe(401);
    expect(bad.json()).toMatchObject({ code: 'INVALID_CREDENTIALS', message: '用户名或密码错误' });
    const unknown = await t.app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { username: 'ghost', password: 'whatever-1' } });
    expect(unknown.json().code).toBe('INVALID_CREDENTIALS');
    expect(await auditCount('auth.sign_in_failed')).toBe(before + 2);
  });

  it('ORG-3 locks the account after 5 failures, refuses even the right password (with the same answer as a wrong one), and unlocks after the lock-out time', async () => {
    const user = await makeUser(t.app, agencyId, ['handler']);
    const attempt = (password: string) => t.app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { username: user.username, password } });
    for (let i = 0; i < 5; i++) expect((await attempt('wrong-pass-1')).json()).toMatchObject({ code: 'INVALID_CREDENTIALS' });
    const locked = await attempt(user.password);
    expect(locked.statusCode).toBe(401);
    expect(locked.json()).toMatchObject({ code: 'INVALID_CREDENTIALS', message: '用户名或密码错误' });
    t.clock.advance(16 * 60_000);
    expect((await attempt(user.password)).statusCode).toBe(200);
  });

  it('ORG-3 a session ends after the idle timeout and after its absolute lifetime', async () => {
    const user = await makeUser(t.app, agencyId, ['handler']);
    const s = await signInAs(t.app, user.username, user.password);
    t.clock.advance(29 * 60_000);
    expect((await client(t.app, s).get('/api/auth/me')).statusCode).toBe(200);
    t.clock.advance(31 * 60_000);
    const idle = await client(t.app, s).get('/api/auth/me');
    expect(idle.statusCode).toBe(401);
    expect(idle.json().code).toBe('SESSION_EXPIRED');

    const s2 = await signInAs(t.app, user.username, user.password);
    // Active every 20 minutes, so never idle: 35 × 20 min = 11 h 40 min is still inside the 12 h lifetime.
    for (let step = 0; step < 35; step++) {
      t.clock.advance(20 * 60_000);
      expect((await client(t.app, s2).get('/api/auth/me')).statusCode).toBe(200);
    }
    t.clock.advance(20 * 60_000);
    expect((await client(t.app, s2).get('/api/auth/me')).json().code).toBe('SESSION_EXPIRED');
  });

  it('ORG-3 refuses a state-changing request without the CSRF token, and changes nothing', async () => {
    const admin = await signInAs(t.app, 'admin', adminPassword);
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/agencies/${agencyId}/units`,
      headers: { cookie: admin.cookie },
      payload: { name: '无令牌科室', kind: 'section' },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('CSRF_FAILED');
    const forged = await client(t.app, { ...admin, csrfToken: 'forged' }).post(`/api/agencies/${agencyId}/units`, { name: '伪造令牌科室', kind: 'section' });
    expect(forged.json().code).toBe('CSRF_FAILED');
    const units = await client(t.app, admin).get(`/api/agencies/${agencyId}/units`);
    expect(units.json().map((u: { name: string }) => u.name)).not.toContain('无令牌科室');
  });

  it('ORG-3 disabling a user ends all their sessions at once and they cannot sign in again', async () => {
    const admin = client(t.app, await signInAs(t.app, 'admin', adminPassword));
    const user = await makeUser(t.app, agencyId, ['handler']);
    const s1 = await signInAs(t.app, user.username, user.password);
    const s2 = await signInAs(t.app, user.username, user.password);
    expect((await admin.patch(`/api/agencies/${agencyId}/users/${user.id}`, { disabled: true })).statusCode).toBe(200);
    for (const s of [s1, s2]) expect((await client(t.app, s).get('/api/auth/me')).statusCode).toBe(401);
    const again = await t.app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { username: user.username, password: user.password } });
    expect(again.statusCode).toBe(401);
    expect(again.json().code).toBe('INVALID_CREDENTIALS');
  });

  it('ORG-3 changing the password needs the current one, keeps this session and ends the others', async () => {
    const user = await makeUser(t.app, agencyId, ['handler']);
    const here = await signInAs(t.app, user.username, user.password);
    const elsewhere = await signInAs(t.app, user.username, user.password);
    const wrong = await client(t.app, here).post('/api/auth/password', { currentPassword: 'not-it-123', newPassword: 'New-pass-2027' });
    expect(wrong.json().code).toBe('INVALID_CREDENTIALS');
    const weak = await client(t.app, here).post('/api/auth/password', { currentPassword: user.password, newPassword: 'short' });
    expect(weak.json().code).toBe('PASSWORD_TOO_WEAK');
    expect((await client(t.app, here).post('/api/auth/password', { currentPassword: user.password, newPassword: 'New-pass-2027' })).statusCode).toBe(200);
    expect((await client(t.app, here).get('/api/auth/me')).statusCode).toBe(200);
    expect((await client(t.app, elsewhere).get('/api/auth/me')).statusCode).toBe(401);
    await signInAs(t.app, user.username, 'New-pass-2027');
  });

  it('ORG-3 sign-out ends the session', async () => {
    const s = await signInAs(t.app, 'admin', adminPassword);
    expect((await client(t.app, s).post('/api/auth/sign-out')).statusCode).toBe(200);
    expect((await client(t.app, s).get('/api/auth/me')).statusCode).toBe(401);
  });

  it('ORG-3 an API token acts only inside its agency and stops working when revoked', async () => {
    const other = await makeAgency(t.app);
    const officer = await makeUser(t.app, agencyId, ['handler']);
    const own = client(t.app, await signInAs(t.app, officer.username, officer.password));
    const created = await own.post(`/api/agencies/${agencyId}/api-tokens`, { name: '我的命令行' });
    expect(created.statusCode).toBe(201);
    expect(created.json().userId).toBe(officer.id);
    const token = created.json().token as string;
    expect(token).toMatch(/^lht_/);
    const as = client(t.app, { token });
    expect((await as.get(`/api/agencies/${agencyId}/units`)).statusCode).toBe(200);
    expect((await as.get(`/api/agencies/${other.id}/units`)).statusCode).toBe(403);
    const listed = await own.get(`/api/agencies/${agencyId}/api-tokens`);
    expect(listed.json().map((t: { id: string }) => t.id)).toEqual([created.json().id]);
    expect(JSON.stringify(listed.json())).not.toContain(token);
    expect((await own.post(`/api/agencies/${agencyId}/api-tokens/${created.json().id}/revoke`)).statusCode).toBe(200);
    expect((await as.get(`/api/agencies/${agencyId}/units`)).statusCode).toBe(401);
  });
});
