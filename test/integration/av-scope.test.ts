import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, avRecords } from '../../src/db/schema/index.js';
import { fakeMp4, ingestBytes } from '../support/av-records.js';
import { makeEnforcementTeam, makeOfficer, makeUnit, makeUser, userPassword } from '../support/factories.js';
import { client, signInAs, type Session } from '../support/http-client.js';
import { authHeaders } from '../support/ingest.js';
import { adminPassword, startTestApp, type TestApp } from '../support/test-app.js';

type Team = Awaited<ReturnType<typeof makeEnforcementTeam>>;
type Person = { user: { id: string; username: string }; officer: { id: string }; session: Session };

// ACC-1 for audio-visual records and uploads: the review of issue 10 found that a handler of
// another unit could list records of matters it gets 404 for, read another user's upload, and
// point a record at a step of another agency. Each test here failed on main before the fix.
describe('ACC-1 unit scope of AV records and uploads', () => {
  let t: TestApp;
  let admin: Session;
  let team: Team;
  let other: Team;
  let outsider: Person; // a handler of another unit of the same agency
  let head: Session; // an approver (agency head): sees the agency's records
  let matterId: string;
  let stepId: string;
  let base: string;
  const av = () => `/api/agencies/${team.agency.id}/av-records`;
  const ids = (res: { json: () => unknown }) => (res.json() as Array<{ id: string }>).map((r) => r.id);

  beforeAll(async () => {
    t = await startTestApp();
    base = await t.app.listen({ port: 0, host: '127.0.0.1' });
    admin = await signInAs(t.app, 'admin', adminPassword);
    team = await makeEnforcementTeam(t.app, admin);
    other = await makeEnforcementTeam(t.app, admin);
    const unit = await makeUnit(t.app, team.agency.id, admin);
    const user = await makeUser(t.app, team.agency.id, ['handler'], admin);
    const officer = await makeOfficer(t.app, team.agency.id, admin, { unitId: unit.id, userId: user.id });
    outsider = { user, officer, session: await signInAs(t.app, user.username, userPassword) };
    const approver = await makeUser(t.app, team.agency.id, ['approver'], admin);
    head = await signInAs(t.app, approver.username, userPassword);
    const as = client(t.app, team.handler.session);
    const matters = `/api/agencies/${team.agency.id}/matters`;
    matterId = (await as.post(matters, { category: 'coercive_measure', startRoute: 'emergency', title: '扣押', officerIds: [team.handler.officer.id] })).json().id;
    stepId = (await as.post(`${matters}/${matterId}/steps`, { step: 'emergency_start', occurredAt: t.clock.now().toISOString() })).json().id;
  });
  afterAll(() => t.close());

  it('ACC-1 a handler of another unit lists no records of matters it cannot open (and gets 404 for each)', async () => {
    const record = await ingestBytes(t, team.agency.id, fakeMp4(2000, 11), { matterId });
    const matter = await client(t.app, outsider.session).get(`/api/agencies/${team.agency.id}/matters/${matterId}`);
    expect(matter.statusCode).toBe(404);
    expect(ids(await client(t.app, outsider.session).get(av()))).not.toContain(record.id);
    expect((await client(t.app, outsider.session).get(`${av()}/${record.id}`)).statusCode).toBe(404);
    // The matter's own unit and the agency head still see it.
    expect(ids(await client(t.app, team.reviewer.session).get(av()))).toContain(record.id);
    expect(ids(await client(t.app, head).get(av()))).toContain(record.id);
  });

  it('ACC-1 an unassigned record is seen by its uploader, the unit of its officer or uploader, and agency heads — not by other units', async () => {
    const byOfficer = await ingestBytes(t, team.agency.id, fakeMp4(2000, 12), { officerId: team.secondOfficer.id });
    const byNobody = await ingestBytes(t, team.agency.id, fakeMp4(2000, 13), { deviceSerial: 'DSJ-9' });
    const [byUpload] = await t.ctx.db.update(avRecords).set({ createdByUserId: outsider.user.id }).where(eq(avRecords.id, (await ingestBytes(t, team.agency.id, fakeMp4(2000, 14), {})).id)).returning();
    const list = async (s: Session) => ids(await client(t.app, s).get(`${av()}?unassigned=true`));
    // The officer's unit (handler, reviewer) sees the officer's clip; the other unit does not.
    expect(await list(team.handler.session)).toContain(byOfficer.id);
    expect(await list(team.reviewer.session)).toContain(byOfficer.id);
    expect(await list(outsider.session)).not.toContain(byOfficer.id);
    expect((await client(t.app, outsider.session).get(`${av()}/${byOfficer.id}`)).statusCode).toBe(404);
    expect((await client(t.app, outsider.session).get(`${av()}/${byOfficer.id}/content`)).statusCode).toBe(404);
    // What the outsider uploaded is theirs (and their unit's), not the first unit's.
    expect(await list(outsider.session)).toContain(byUpload!.id);
    expect(await list(team.handler.session)).not.toContain(byUpload!.id);
    // A clip nobody can be named for waits for the agency's heads to assign it.
    expect(await list(team.handler.session)).not.toContain(byNobody.id);
    expect(await list(head)).toEqual(expect.arrayContaining([byOfficer.id, byNobody.id, byUpload!.id]));
  });

  it("ACC-1 another user's upload answers 404 to GET, HEAD, PATCH and DELETE, as an unseen matter does", async () => {
    // Created, no byte sent yet: a receiving upload of the handler.
    const created = await fetch(`${base}/api/agencies/${team.agency.id}/av/uploads`, {
      method: 'POST',
      headers: { ...authHeaders(team.handler.session), 'tus-resumable': '1.0.0', 'upload-length': '100000', 'upload-metadata': `filename ${Buffer.from('a.mp4').toString('base64')}` },
    });
    expect(created.status).toBe(201);
    const url = new URL(created.headers.get('location')!, base).pathname;
    expect((await client(t.app, team.handler.session).get(url)).statusCode).toBe(200);
    for (const who of [outsider.session, team.reviewer.session]) {
      expect((await client(t.app, who).get(url)).json()).toMatchObject({ code: 'NOT_FOUND' });
      const headers = { ...authHeaders(who), 'tus-resumable': '1.0.0' };
      expect((await t.app.inject({ method: 'HEAD', url, headers })).statusCode).toBe(404);
      const patch = await t.app.inject({ method: 'PATCH', url, headers: { ...headers, 'upload-offset': '0', 'content-type': 'application/offset+octet-stream' }, payload: Buffer.alloc(10) });
      expect(patch.statusCode).toBe(404);
      expect((await t.app.inject({ method: 'DELETE', url, headers })).statusCode).toBe(404);
    }
    expect((await client(t.app, team.handler.session).get(url)).json()).toMatchObject({ status: 'receiving' });
  });

  it('ACC-1 an upload may name only a matter its uploader can see: another unit gets 404 and nothing is recorded', async () => {
    const start = (who: Session) =>
      fetch(`${base}/api/agencies/${team.agency.id}/av/uploads`, {
        method: 'POST',
        headers: { ...authHeaders(who), 'tus-resumable': '1.0.0', 'upload-length': '100000', 'upload-metadata': `filename ${Buffer.from('b.mp4').toString('base64')},matterId ${Buffer.from(matterId).toString('base64')}` },
      });
    const uploadsBefore = await t.ctx.db.select().from(auditEvents).where(eq(auditEvents.action, 'av.upload_started'));
    const refused = await start(outsider.session);
    expect(refused.status).toBe(404);
    expect(await refused.text()).toContain('执法事项');
    expect(await t.ctx.db.select().from(auditEvents).where(eq(auditEvents.action, 'av.upload_started'))).toHaveLength(uploadsBefore.length);
    // The matter's own handler may.
    expect((await start(team.handler.session)).status).toBe(201);
  });

  it('ACC-1 a record cannot be linked to a step of another matter or another agency; nothing is stored or audited', async () => {
    const record = await ingestBytes(t, team.agency.id, fakeMp4(2000, 15), { matterId });
    const as = client(t.app, team.handler.session);
    const secondMatter = (await as.post(`/api/agencies/${team.agency.id}/matters`, { category: 'coercive_measure', startRoute: 'emergency', title: '另一扣押', officerIds: [team.handler.officer.id] })).json().id;
    const secondStep = (await as.post(`/api/agencies/${team.agency.id}/matters/${secondMatter}/steps`, { step: 'emergency_start', occurredAt: t.clock.now().toISOString() })).json().id;
    const foreignMatter = (await client(t.app, other.handler.session).post(`/api/agencies/${other.agency.id}/matters`, { category: 'coercive_measure', startRoute: 'emergency', title: '外机关', officerIds: [other.handler.officer.id] })).json().id;
    const foreignStep = (await client(t.app, other.handler.session).post(`/api/agencies/${other.agency.id}/matters/${foreignMatter}/steps`, { step: 'emergency_start', occurredAt: t.clock.now().toISOString() })).json().id;
    const events = async () => (await t.ctx.db.select().from(auditEvents).where(eq(auditEvents.objectId, record.id))).length;
    const before = await events();
    for (const bad of [{ stepId: foreignStep }, { stepId: secondStep }, { matterId: secondMatter }]) {
      // Moving to another matter keeps the old step: refused too, the step must follow its matter.
      const setStep = await as.patch(`${av()}/${record.id}`, { stepId });
      expect(setStep.statusCode, setStep.body).toBe(200);
      const res = await as.patch(`${av()}/${record.id}`, bad);
      expect(res.statusCode, JSON.stringify(bad)).toBe(400);
      expect(res.json()).toMatchObject({ code: 'VALIDATION_FAILED', message: expect.stringContaining('环节') });
    }
    const [row] = await t.ctx.db.select().from(avRecords).where(eq(avRecords.id, record.id));
    expect(row).toMatchObject({ matterId, stepId });
    expect(await events()).toBe(before + 3); // the three good patches only
    const both = await as.patch(`${av()}/${record.id}`, { matterId: secondMatter, stepId: secondStep });
    expect(both.json()).toMatchObject({ matterId: secondMatter, stepId: secondStep });
  });
});
