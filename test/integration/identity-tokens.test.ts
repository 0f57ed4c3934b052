import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeAgency, makeEnforcementTeam, makeServiceToken, makeUser } from '../support/factories.js';
import { client, signInAs, type Session } from '../support/http-client.js';
import { authHeaders, sampleMp4, sha256, tusUpload } from '../support/ingest.js';
import { adminPassword, startTestApp, type TestApp } from '../support/test-app.js';

// Issue 10 "borrowed identity": an agency admin created a token for the approver and approved
// with it; the audit log said the approver did it. A person's token is now made by that person
// only; a collection station (采集站) gets a service account that can ingest and nothing else.
describe('identity is never borrowed (ORG-3, AV-2, INT-1)', () => {
  let t: TestApp;
  let base: string;
  let platform: Session;
  let team: Awaited<ReturnType<typeof makeEnforcementTeam>>;
  let agencyAdmin: Session;
  let matterId: string;
  const events = async (action: string) =>
    (await client(t.app, platform).get(`/api/audit-events?action=${action}&pageSize=200`)).json().items as { actorUserId: string | null; actorName: string; objectId: string; after: Record<string, unknown> }[];

  beforeAll(async () => {
    t = await startTestApp();
    base = await t.app.listen({ port: 0, host: '127.0.0.1' });
    platform = await signInAs(t.app, 'admin', adminPassword);
    team = await makeEnforcementTeam(t.app, platform);
    const a = await makeUser(t.app, team.agency.id, ['admin'], platform);
    agencyAdmin = await signInAs(t.app, a.username, a.password);
    matterId = (await client(t.app, team.handler.session).post(`/api/agencies/${team.agency.id}/matters`, { category: 'coercive_measure', startRoute: 'emergency', title: '扣押', officerIds: [team.handler.officer.id] })).json().id;
  });
  afterAll(() => t.close());

  it('ORG-3 an agency admin cannot create a token that acts as another person (the approver); nothing is written', async () => {
    const before = (await events('api_token.created')).length;
    for (const who of [agencyAdmin, platform]) {
      const res = await client(t.app, who).post(`/api/agencies/${team.agency.id}/api-tokens`, { name: '借用', userId: team.approver.user.id });
      expect(res.statusCode).toBe(403);
      expect(res.json().code).toBe('FORBIDDEN');
    }
    expect(await events('api_token.created')).toHaveLength(before);
  });

  it('ORG-3 a person creates their own token, which acts as them; the audit log names them as creator and actor', async () => {
    const res = await client(t.app, team.approver.session).post(`/api/agencies/${team.agency.id}/api-tokens`, { name: '本人命令行' });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ userId: team.approver.user.id, username: team.approver.user.username });
    const created = (await events('api_token.created')).find((e) => e.objectId === res.json().id)!;
    expect(created.actorUserId).toBe(team.approver.user.id);
    const me = await client(t.app, { token: res.json().token }).get('/api/auth/me');
    expect(me.json().user.id).toBe(team.approver.user.id);
    // A token cannot mint further tokens (they would outlive its revocation).
    const minted = await client(t.app, { token: res.json().token }).post(`/api/agencies/${team.agency.id}/api-tokens`, { name: '再造' });
    expect(minted.statusCode).toBe(403);
    // Others' tokens are not listed to me, and I cannot revoke them; the agency admin can.
    const mine = await client(t.app, team.handler.session).get(`/api/agencies/${team.agency.id}/api-tokens`);
    expect(mine.json().map((x: { id: string }) => x.id)).not.toContain(res.json().id);
    expect((await client(t.app, team.handler.session).post(`/api/agencies/${team.agency.id}/api-tokens/${res.json().id}/revoke`)).statusCode).toBe(404);
    expect((await client(t.app, agencyAdmin).post(`/api/agencies/${team.agency.id}/api-tokens/${res.json().id}/revoke`)).statusCode).toBe(200);
  });

  it('AV-2 a service account (采集站账号) cannot sign in, ingests with its token as itself, and is refused everything else', async () => {
    const { account, token } = await makeServiceToken(t.app, team.agency.id, agencyAdmin);
    // No password, no session: the same answer as for any wrong sign-in.
    const signIn = await t.app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { username: account.username, password: 'Any-pass-2026x' } });
    expect(signIn.statusCode).toBe(401);
    expect(signIn.json().code).toBe('INVALID_CREDENTIALS');
    const station = client(t.app, { token });
    // The ingest agent learns its agency from /me.
    const me = (await station.get('/api/auth/me')).json();
    expect(me.memberships).toEqual([expect.objectContaining({ agencyId: team.agency.id, roles: [] })]);

    const bytes = sampleMp4(300_000, 'station');
    const up = await tusUpload(`${base}/api/agencies/${team.agency.id}/av/uploads`, bytes, { headers: authHeaders({ token }), metadata: { filename: 'clip.mp4', sha256: sha256(bytes), matterId } });
    expect(up.status, up.body).toBeLessThan(300);
    const ingested = (await events('av.ingested')).find((e) => e.after?.objectKey === sha256(bytes));
    expect(ingested?.actorUserId).toBe(account.id);

    const refused = [
      await station.get(`/api/agencies/${team.agency.id}/matters`),
      await station.get(`/api/agencies/${team.agency.id}/matters/${matterId}`),
      await station.get(`/api/agencies/${team.agency.id}/av-records`),
      await station.post(`/api/agencies/${team.agency.id}/matters`, { category: 'coercive_measure', startRoute: 'emergency', title: '站', officerIds: [team.handler.officer.id] }),
      await station.post(`/api/agencies/${team.agency.id}/api-tokens`, { name: 'x' }),
      await station.get(`/api/agencies/${team.agency.id}/users`),
      await station.post('/api/auth/password', { currentPassword: 'x', newPassword: 'Another-pass-2026' }),
    ];
    for (const res of refused) expect([res.statusCode, res.json().code]).toEqual([403, 'SERVICE_ACCOUNT_FORBIDDEN']);
    // Another agency's uploads are not its to make.
    const otherAgency = await makeAgency(t.app, platform);
    const other = await station.call('POST', `/api/agencies/${otherAgency.id}/av/uploads`, undefined, { headers: { 'tus-resumable': '1.0.0', 'upload-length': '10' } });
    expect(other.statusCode).toBe(403);
  });

  it('AV-2 the agency admin lists, disables and re-enables stations; a disabled station\'s token stops at once', async () => {
    const { account, token, tokenId } = await makeServiceToken(t.app, team.agency.id, agencyAdmin);
    const admin = client(t.app, agencyAdmin);
    const listed = (await admin.get(`/api/agencies/${team.agency.id}/service-accounts`)).json() as { id: string; tokens: { id: string }[] }[];
    expect(listed.find((a) => a.id === account.id)?.tokens.map((x) => x.id)).toEqual([tokenId]);
    expect((await admin.patch(`/api/agencies/${team.agency.id}/service-accounts/${account.id}`, { disabled: true })).statusCode).toBe(200);
    expect((await client(t.app, { token }).get('/api/auth/me')).statusCode).toBe(403);
    expect((await admin.patch(`/api/agencies/${team.agency.id}/service-accounts/${account.id}`, { disabled: false })).statusCode).toBe(200);
    expect((await client(t.app, { token }).get('/api/auth/me')).statusCode).toBe(200);
    // Service accounts hold no roles and are not people of the agency.
    const users = (await admin.get(`/api/agencies/${team.agency.id}/users`)).json() as { id: string }[];
    expect(users.map((u) => u.id)).not.toContain(account.id);
    expect((await admin.put(`/api/agencies/${team.agency.id}/users/${account.id}/roles`, { roles: ['approver'] })).statusCode).toBe(404);
    // A handler may not create stations or tokens for them.
    expect((await client(t.app, team.handler.session).post(`/api/agencies/${team.agency.id}/api-tokens`, { name: 'x', userId: account.id })).statusCode).toBe(403);
  });
});
