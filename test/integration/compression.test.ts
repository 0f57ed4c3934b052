import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fakeMp4, ingestBytes } from '../support/av-records.js';
import { makeEnforcementTeam } from '../support/factories.js';
import { client, signInAs, type Session } from '../support/http-client.js';
import { adminPassword, startTestApp, type TestApp } from '../support/test-app.js';

// Responses to field tablets on poor links: JSON goes gzip-compressed when the client accepts it;
// evidence bytes (media, served by range) are never transformed.
describe('response compression', () => {
  let t: TestApp;
  let admin: Session;
  let team: Awaited<ReturnType<typeof makeEnforcementTeam>>;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await signInAs(t.app, 'admin', adminPassword);
    team = await makeEnforcementTeam(t.app, admin);
  });
  afterAll(() => t.close());

  it('CASE-2 a large JSON answer is gzip-compressed when accepted, and decodes to the same JSON', async () => {
    const matters = `/api/agencies/${team.agency.id}/matters`;
    for (let i = 0; i < 8; i++) await client(t.app, team.handler.session).post(matters, { category: 'inspection', startRoute: 'ex_officio', title: `日常检查第${i}次`, officerIds: [team.handler.officer.id, team.secondOfficer.id] });
    const headers = { cookie: team.handler.session.cookie };
    const plain = await t.app.inject({ method: 'GET', url: matters, headers });
    expect(plain.headers['content-encoding']).toBeUndefined();
    const zipped = await t.app.inject({ method: 'GET', url: matters, headers: { ...headers, 'accept-encoding': 'gzip' } });
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(zipped.rawPayload.length).toBeLessThan(plain.rawPayload.length / 2);
    expect(JSON.parse(gunzipSync(zipped.rawPayload).toString('utf8'))).toEqual(plain.json());
  });

  it('AV-6 media bytes are sent as stored, whole or by range, even to a client that accepts gzip', async () => {
    const bytes = fakeMp4(50_000);
    const record = await ingestBytes(t, team.agency.id, bytes, { officerId: team.handler.officer.id }); // seen by its officer (ACC-1)
    const url = `/api/agencies/${team.agency.id}/av-records/${record.id}/content`;
    const headers = { cookie: team.handler.session.cookie, 'accept-encoding': 'gzip, deflate, br' };
    const whole = await t.app.inject({ method: 'GET', url, headers });
    expect(whole.headers['content-encoding']).toBeUndefined();
    expect(Buffer.compare(whole.rawPayload, bytes)).toBe(0);
    const part = await t.app.inject({ method: 'GET', url, headers: { ...headers, range: 'bytes=100-1099' } });
    expect(part.statusCode).toBe(206);
    expect(part.headers['content-encoding']).toBeUndefined();
    expect(Buffer.compare(part.rawPayload, bytes.subarray(100, 1100))).toBe(0);
  });
});
