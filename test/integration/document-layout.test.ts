import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SEIZURE_FACTS } from '../support/custody-facts.js';
import { makeEnforcementTeam } from '../support/factories.js';
import { client, signInAs, type Session } from '../support/http-client.js';
import { adminPassword, startTestApp, type TestApp } from '../support/test-app.js';

type Team = Awaited<ReturnType<typeof makeEnforcementTeam>>;

// DOC-5 through HTTP: a paper served on the party prints as the official form (文号, body, seal,
// date) without the internal approval record, which prints on the 审批表; DOC-1: a superseded
// form is not drafted anew.
describe('print layout by audience and superseded forms (DOC-1, DOC-5)', () => {
  let t: TestApp;
  let admin: Session;
  let team: Team;
  let matterId: string;
  const base = () => `/api/agencies/${team.agency.id}/matters`;
  const as = (s: Session) => client(t.app, s);
  const party = { kind: 'legal', name: '抚顺某某商贸有限公司', idType: 'uscc', idNumber: '91210421MA0XXXXX1K' };

  async function approvedStep(step: string) {
    // A seizure records its items and term (CASE-10, 行政强制法 第二十四条).
    const details = step === 'seizure' ? SEIZURE_FACTS : undefined;
    const s = await as(team.handler.session).post(`${base()}/${matterId}/steps`, { step, occurredAt: t.clock.now().toISOString(), note: `${step} 提请审批`, ...(details ? { details } : {}) });
    expect(s.statusCode, s.body).toBe(201);
    const id = s.json().id as string;
    for (const who of [team.reviewer, team.approver]) {
      const r = await as(who.session).post(`${base()}/${matterId}/steps/${id}/decision`, { decision: 'approve', opinion: `${who.user.username}同意` });
      expect(r.statusCode, r.body).toBe(200);
    }
    return id;
  }
  const draftPrint = async (typeId: string, stepId: string) => {
    const d = await as(team.handler.session).post(`${base()}/${matterId}/documents`, { typeId, stepId, fields: { maker: '王建国' } });
    expect(d.statusCode, d.body).toBe(201);
    const html = await as(team.handler.session).get(`/api/agencies/${team.agency.id}/documents/${d.json().id}/print`);
    expect(html.statusCode).toBe(200);
    return html.body;
  };

  beforeAll(async () => {
    t = await startTestApp();
    admin = await signInAs(t.app, 'admin', adminPassword);
    team = await makeEnforcementTeam(t.app, admin);
  });
  beforeEach(async () => {
    for (const role of ['handler', 'reviewer', 'approver'] as const) team[role].session = await signInAs(t.app, team[role].user.username, 'User-pass-2026');
  });
  afterAll(() => t.close());

  it('DOC-5: the 扣押决定书 of an approved seizure prints no 审批记录; the 立案审批表 of the approved filing prints its approvals', async () => {
    const m = await as(team.handler.session).post(base(), { category: 'coercive_measure', startRoute: 'emergency', title: '扣押涉案设备', parties: [party], officerIds: [team.handler.officer.id, team.secondOfficer.id] });
    matterId = m.json().id;
    await as(team.handler.session).post(`${base()}/${matterId}/steps`, { step: 'emergency_start', occurredAt: t.clock.now().toISOString() });
    const seizure = await approvedStep('seizure');
    const decision = await draftPrint('seizure_decision', seizure);
    expect(decision).toContain('<h1>扣押决定书</h1>');
    expect(decision).toContain('class="seal"');
    expect(decision).not.toContain('审批记录');
    expect(decision).not.toContain(`${team.approver.user.username}同意`);

    const filing = await approvedStep('filing');
    const form = await draftPrint('case_filing_approval', filing);
    expect(form).toContain('审批记录');
    expect(form).toContain(`${team.approver.user.username}同意`);
    expect(form).not.toContain('class="seal"');
  });

  it('DOC-1: 听证笔录/报告 is no longer drafted (400 naming its successors); the document types list says who each form is for', async () => {
    const res = await as(team.handler.session).post(`${base()}/${matterId}/documents`, { typeId: 'hearing_record', fields: {} });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(res.json().message).toContain('“听证笔录”、“听证报告”');
    const types = (await as(team.handler.session).get('/api/document-types')).json() as { id: string; audience: string; supersededBy?: string[] }[];
    expect(types.find((x) => x.id === 'penalty_decision')?.audience).toBe('party');
    expect(types.find((x) => x.id === 'court_enforcement_application')?.audience).toBe('addressee');
    expect(types.find((x) => x.id === 'hearing_record')?.supersededBy).toEqual(['hearing_minutes', 'hearing_report']);
  });
});
