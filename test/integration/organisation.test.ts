import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeAgency, makeUnit, makeUser } from '../support/factories.js';
import { client, signInAs, type Session } from '../support/http-client.js';
import { adminPassword, startTestApp, type TestApp } from '../support/test-app.js';

describe('agencies, units, officers and roles (ORG-1, ORG-2, ORG-3)', () => {
  let t: TestApp;
  let admin: Session;
  beforeAll(async () => {
    t = await startTestApp();
    admin = await signInAs(t.app, 'admin', adminPassword);
  });
  afterAll(() => t.close());

  it('ORG-1 an entrusted organisation (受委托组织) must name its delegating agency', async () => {
    const as = client(t.app, admin);
    const parent = await makeAgency(t.app, admin);
    const missing = await as.post('/api/agencies', { code: 'wt-1', name: '青羊镇综合执法队', kind: 'entrusted_organisation' });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().message).toContain('委托机关');
    const ok = await as.post('/api/agencies', { code: 'wt-1', name: '青羊镇综合执法队', kind: 'entrusted_organisation', delegatingAgencyId: parent.id });
    expect(ok.statusCode).toBe(201);
    expect(ok.json().delegatingAgencyId).toBe(parent.id);
    const dupCode = await as.post('/api/agencies', { code: 'wt-1', name: '另一个', kind: 'enforcement_agency' });
    expect(dupCode.json().code).toBe('DUPLICATE');
  });

  it('ORG-2 an officer records unit, post, 执法证号, validity and area; the list says whether the certificate is valid today', async () => {
    const agency = await makeAgency(t.app, admin);
    const unit = await makeUnit(t.app, agency.id, admin, '综合执法队');
    const as = client(t.app, admin);
    const base = { unitId: unit.id, post: '队员', area: '方城县' };
    // The test clock stands at 2026-03-02 10:00 in Shanghai.
    await as.post(`/api/agencies/${agency.id}/officers`, { ...base, name: '有效', certificateNo: 'ORG2-0001', certificateValidFrom: '2024-01-01', certificateValidTo: '2026-03-02' });
    await as.post(`/api/agencies/${agency.id}/officers`, { ...base, name: '过期', certificateNo: 'ORG2-0002', certificateValidFrom: '2020-01-01', certificateValidTo: '2026-03-01' });
    const list = (await as.get(`/api/agencies/${agency.id}/officers`)).json() as Array<{ name: string; certificateValid: boolean; unitName: string }>;
    expect(list.map((o) => [o.name, o.certificateValid, o.unitName])).toEqual([
      ['有效', true, '综合执法队'],
      ['过期', false, '综合执法队'],
    ]);
  });

  it('ORG-2 refuses a validity period that ends before it starts, a unit of another agency and a duplicate 执法证号', async () => {
    const a = await makeAgency(t.app, admin);
    const b = await makeAgency(t.app, admin);
    const foreignUnit = await makeUnit(t.app, b.id, admin);
    const as = client(t.app, admin);
    const base = { name: '乙', post: '队员', area: '全域', certificateValidFrom: '2025-01-01', certificateValidTo: '2027-01-01' };
    const backwards = await as.post(`/api/agencies/${a.id}/officers`, { ...base, certificateNo: 'ORG2-1000', certificateValidTo: '2024-01-01' });
    expect(backwards.json()).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(backwards.json().message).toContain('有效期');
    const foreign = await as.post(`/api/agencies/${a.id}/officers`, { ...base, certificateNo: 'ORG2-1001', unitId: foreignUnit.id });
    expect(foreign.statusCode).toBe(404);
    expect((await as.post(`/api/agencies/${a.id}/officers`, { ...base, certificateNo: 'ORG2-1002' })).statusCode).toBe(201);
    expect((await as.post(`/api/agencies/${a.id}/officers`, { ...base, certificateNo: 'ORG2-1002' })).json().code).toBe('DUPLICATE');
    expect((await as.get(`/api/agencies/${a.id}/officers`)).json()).toHaveLength(1);
  });

  it('ORG-3 a person holds several roles in an agency, and roles in different agencies are separate', async () => {
    const a = await makeAgency(t.app, admin);
    const b = await makeAgency(t.app, admin);
    const user = await makeUser(t.app, a.id, ['handler'], admin);
    const as = client(t.app, admin);
    const set = await as.put(`/api/agencies/${a.id}/users/${user.id}/roles`, { roles: ['handler', 'legal_reviewer'] });
    expect(set.json().roles).toEqual(['handler', 'legal_reviewer']);
    const notMember = await as.put(`/api/agencies/${b.id}/users/${user.id}/roles`, { roles: ['admin'] });
    expect(notMember.statusCode).toBe(404);
    const me = await client(t.app, await signInAs(t.app, user.username, user.password)).get('/api/auth/me');
    expect(me.json().memberships).toEqual([expect.objectContaining({ agencyId: a.id, roles: ['handler', 'legal_reviewer'] })]);
  });

  it('ORG-3 an agency administrator manages their own agency and cannot reach another', async () => {
    const a = await makeAgency(t.app, admin);
    const b = await makeAgency(t.app, admin);
    const adminA = await makeUser(t.app, a.id, ['admin'], admin);
    const as = client(t.app, await signInAs(t.app, adminA.username, adminA.password));
    expect((await as.post(`/api/agencies/${a.id}/units`, { name: '法制股', kind: 'legal_affairs' })).statusCode).toBe(201);
    expect((await as.post(`/api/agencies/${b.id}/units`, { name: '法制股', kind: 'legal_affairs' })).statusCode).toBe(403);
    const self = await as.patch(`/api/agencies/${a.id}/users/${adminA.id}`, { disabled: true });
    expect(self.json().code).toBe('CONFLICT');
    const dropOwnAdmin = await as.put(`/api/agencies/${a.id}/users/${adminA.id}/roles`, { roles: ['handler'] });
    expect(dropOwnAdmin.json().code).toBe('CONFLICT');
  });

  it('ORG-3 a new user needs a strong password; an empty patch is refused', async () => {
    const a = await makeAgency(t.app, admin);
    const as = client(t.app, admin);
    const weak = await as.post(`/api/agencies/${a.id}/users`, { username: 'weakling', displayName: '弱', password: '12345678', roles: ['handler'] });
    expect(weak.json().code).toBe('PASSWORD_TOO_WEAK');
    const unit = await makeUnit(t.app, a.id, admin);
    const empty = await as.patch(`/api/agencies/${a.id}/units/${unit.id}`, {});
    expect(empty.json()).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(empty.json().message).toContain('没有要修改的内容');
  });
});
