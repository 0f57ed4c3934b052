import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeEnforcementTeam } from '../support/factories.js';
import { client, signInAs } from '../support/http-client.js';
import { adminPassword, startTestApp, type TestApp } from '../support/test-app.js';

type Team = Awaited<ReturnType<typeof makeEnforcementTeam>>;

// A step records the facts the seeds ask of it (CASE-7 S1 第十三条), through the same field
// engine as documents; gaps are refused with the fields named and nothing is stored.
describe('step facts through HTTP (CASE-7)', () => {
  let t: TestApp;
  let team: Team;
  let matterId: string;
  const as = () => client(t.app, team.handler.session);
  const base = () => `/api/agencies/${team.agency.id}/matters/${matterId}`;

  beforeAll(async () => {
    t = await startTestApp();
    const admin = await signInAs(t.app, 'admin', adminPassword);
    team = await makeEnforcementTeam(t.app, admin);
    const matter = (await as().post(`/api/agencies/${team.agency.id}/matters`, { category: 'penalty_general', startRoute: 'emergency', title: '销售无证出版物', officerIds: [team.handler.officer.id, team.secondOfficer.id] })).json();
    matterId = matter.id;
    await as().post(`${base()}/steps`, { step: 'emergency_start', occurredAt: t.clock.now().toISOString() });
  });
  afterAll(() => t?.close());

  it('CASE-7 the form for 证据先行登记保存 is offered with the step, citing S1 第十三条', async () => {
    const next = (await as().get(base())).json().nextSteps.find((s: { step: string }) => s.step === 'evidence_preservation');
    expect(next.factsSource).toContain('S1 第十三条');
    expect(next.fields.map((f: { key: string }) => f.key)).toEqual(['preservation_reason', 'preservation_form', 'preserved_items', 'storage_place']);
    const questioning = (await as().get(base())).json().nextSteps.find((s: { step: string }) => s.step === 'questioning');
    expect(questioning.fields).toEqual([]);
  });

  it('CASE-7 S1 第十三条 a preservation without its facts: 400 naming each field, no step stored', async () => {
    const res = await as().post(`${base()}/steps`, { step: 'evidence_preservation', occurredAt: t.clock.now().toISOString(), details: { preservation_form: '先行登记保存' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('VALIDATION_FAILED');
    expect(res.json().details.issues.map((i: { field: string }) => i.field).sort()).toEqual(['preservation_reason', 'preserved_items', 'storage_place']);
    expect((await as().get(base())).json().steps.map((s: { step: string }) => s.step)).toEqual(['emergency_start']);
  });

  it('CASE-7 S1 第十三条 a complete preservation is recorded with its facts', async () => {
    const details = { preservation_reason: '涉案出版物可能被转移', preservation_form: '先行登记保存', preserved_items: [{ name: '无证出版物', quantity: 120, unit: '册' }], storage_place: '局物证室' };
    const res = await as().post(`${base()}/steps`, { step: 'evidence_preservation', occurredAt: t.clock.now().toISOString(), details });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().details).toEqual(details);
  });

  it('CASE-5 行政处罚法 第六十条: once the filing is approved the matter shows the 90-day decision limit', async () => {
    expect((await as().get(`${base()}/deadlines`)).json()).toEqual([]);
    const filing = (await as().post(`${base()}/steps`, { step: 'filing', occurredAt: t.clock.now().toISOString(), note: '补报立案' })).json();
    for (const s of [team.reviewer, team.approver]) await client(t.app, s.session).post(`${base()}/steps/${filing.id}/decision`, { decision: 'approve', opinion: '同意' });
    const [limit] = (await as().get(`${base()}/deadlines`)).json();
    expect(limit).toMatchObject({ ruleKey: 'decisionAfterFiling', name: '作出处罚决定期限', actor: 'agency', state: 'running', doneOn: null, basis: '《中华人民共和国行政处罚法》第六十条' });
    expect(limit.startedOn).toBe(new Date(Date.parse(filing.occurredAt) + 8 * 3_600_000).toISOString().slice(0, 10));
  });

  it('行政处罚法 第六十条 a decision limit missed is a finding quoting the law (issue 12: "a finding when late")', async () => {
    t.clock.advance(100 * 86_400_000);
    const admin = client(t.app, await signInAs(t.app, 'admin', adminPassword));
    expect((await admin.post(`/api/agencies/${team.agency.id}/policy/choose`, { profileId: 's3-fangcheng-market', basis: '采用' })).statusCode).toBe(201);
    expect((await admin.post(`/api/agencies/${team.agency.id}/findings/reevaluate`)).statusCode).toBe(200);
    const items = (await admin.get(`/api/agencies/${team.agency.id}/findings?kind=law_deadline`)).json().items;
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ matterId, state: 'late', requirement: 'CAL-2' });
    expect(items[0].summary).toContain('作出处罚决定期限：行政机关应于');
    expect(items[0].summary).toContain('已逾期');
    expect((await admin.get(`${base()}/deadlines`)).json()[0].state).toBe('overdue');
  });
});
