import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_CRITERIA } from '../../src/rules/legal-review/criteria.js';
import { exampleStepFacts } from '../../src/rules/matters/step-facts/examples.js';
import { makeEnforcementTeam } from '../support/factories.js';
import { client, signInAs, type Session } from '../support/http-client.js';
import { adminPassword, startTestApp, type TestApp } from '../support/test-app.js';
import { expectEveryRecordCommitted } from '../support/integrity-deployment.js';
import { releaseFacts, SEIZURE_FACTS } from '../support/custody-facts.js';

type Team = Awaited<ReturnType<typeof makeEnforcementTeam>>;
type Step = { id: string; step: string; status: string; approvalStage: string | null };

// Each category's allowed path from start to archive, recorded through HTTP with its approvals.
const paths: Record<string, { startRoute: string; steps: string[] }> = {
  penalty_general: { startRoute: 'ex_officio', steps: ['filing', 'on_site_inspection', 'questioning', 'investigation_report', 'rights_notice', 'decision', 'service', 'closing', 'archive'] },
  penalty_simple: { startRoute: 'ex_officio', steps: ['simple_procedure_penalty', 'on_the_spot_report', 'service', 'closing', 'archive'] },
  coercive_measure: { startRoute: 'emergency', steps: ['emergency_start', 'on_site_inspection', 'seizure', 'filing', 'seizure_release', 'service', 'closing', 'archive'] },
  coercive_execution: { startRoute: 'ex_officio', steps: ['filing', 'reminder', 'enforcement_decision', 'service', 'forced_clearance', 'closing', 'archive'] },
  licensing: { startRoute: 'application', steps: ['application_receipt', 'application_acceptance', 'licence_decision', 'service', 'closing', 'archive'] },
  inspection: { startRoute: 'ex_officio', steps: ['inspection_start', 'on_site_inspection', 'inspection_conclusion', 'service', 'closing', 'archive'] },
  expropriation: { startRoute: 'ex_officio', steps: ['filing', 'site_survey', 'rights_notice', 'decision', 'service', 'closing', 'archive'] },
};

// The facts the execution steps record (CASE-10): a 催告 with its deadline, an act in working hours.
const dayAfter = (now: Date, days: number) => new Date(now.getTime() + 8 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10);
const STEP_DETAILS: Record<string, (now: Date) => Record<string, unknown>> = {
  reminder: (now) => ({ obligation: '清除违法设施', performance_deadline: dayAfter(now, 1), performance_method: '自行清除' }),
  forced_clearance: (now) => ({ started_at: `${dayAfter(now, 0)}T10:00`, urgent: '否' }),
};

describe('enforcement matters through their phases (CASE-1 … CASE-5, CASE-12)', () => {
  let t: TestApp;
  let admin: Session;
  let team: Team;
  const base = () => `/api/agencies/${team.agency.id}/matters`;
  const as = (s: Session) => client(t.app, s);
  const party = { kind: 'legal', name: '方城县某某商贸有限公司', idType: 'uscc', idNumber: '91411322MA0000000X' };

  async function openMatter(category: string, startRoute: string) {
    const res = await as(team.handler.session).post(base(), { category, startRoute, title: `测试${category}`, unitId: team.unit.id, parties: [party], officerIds: [team.handler.officer.id, team.secondOfficer.id] });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: string; number: string };
  }
  async function record(matterId: string, step: string, given?: Record<string, unknown>) {
    const details = given ?? STEP_DETAILS[step]?.(t.clock.now()) ?? exampleStepFacts(step, { kind: 'legal', name: party.name });
    const res = await as(team.handler.session).post(`${base()}/${matterId}/steps`, { step, occurredAt: t.clock.now().toISOString(), place: '方城县释之路 18 号', note: `${step} 记录`, ...(details ? { details } : {}) });
    expect(res.statusCode, `${step}: ${res.body}`).toBe(201);
    return res.json() as Step;
  }
  async function approve(matterId: string, stepId: string) {
    const reviewed = await as(team.reviewer.session).post(`${base()}/${matterId}/steps/${stepId}/decision`, { decision: 'approve', opinion: '同意' });
    expect(reviewed.statusCode, reviewed.body).toBe(200);
    expect(reviewed.json().approvalStage).toBe('approve');
    const approved = await as(team.approver.session).post(`${base()}/${matterId}/steps/${stepId}/decision`, { decision: 'approve', opinion: '同意' });
    expect(approved.json().status).toBe('approved');
  }

  async function serveDemandAndWait(matterId: string) {
    const detail = (await as(team.handler.session).get(`${base()}/${matterId}`)).json();
    const reminder = detail.steps.find((x: Step) => x.step === 'reminder');
    const fields = { party: { kind: 'legal', name: party.name, idNumber: party.idNumber }, original_decision: '责令限期拆除决定书', obligation: '清除违法设施', performance_deadline: dayAfter(t.clock.now(), 1), performance_method: '自行清除', consequences: '依法强制清除', statement_rights: '有权陈述和申辩', legal_basis: [{ law: '中华人民共和国行政强制法', article: '第三十五条' }], maker: '王建国' };
    const doc = (await as(team.handler.session).post(`${base()}/${matterId}/documents`, { typeId: 'reminder_notice', stepId: reminder.id, fields })).json();
    expect((await as(team.handler.session).post(`/api/agencies/${team.agency.id}/documents/${doc.id}/issue`)).statusCode).toBe(200);
    const served = await as(team.handler.session).post(`${base()}/${matterId}/services`, { documentId: doc.id, partyId: detail.parties[0].id, method: 'direct', servedAt: t.clock.now().toISOString(), details: { recipientName: '赵某', relation: '法定代表人', signed: true } });
    expect(served.statusCode, served.body).toBe(201);
    t.clock.advance(3 * 86_400_000);
    for (const role of ['handler', 'reviewer', 'approver'] as const) team[role].session = await signInAs(t.app, team[role].user.username, 'User-pass-2026');
  }

  // REV-2: a decision needs the "is it major?" answer first; these samples are not major.
  async function assessNotMajor(matterId: string) {
    const answers = Object.fromEntries(DEFAULT_CRITERIA.map((c) => [c.id, false]));
    const res = await as(team.handler.session).post(`${base()}/${matterId}/legal-review/assessment`, { proposal: { measures: ['warning'] }, answers });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().result.major).toBe(false);
  }

  beforeAll(async () => {
    t = await startTestApp();
    admin = await signInAs(t.app, 'admin', adminPassword);
    team = await makeEnforcementTeam(t.app, admin);
  });
  afterAll(() => t.close());
  // The test clock moves by hours; sign in afresh so no session has idled out.
  beforeEach(async () => {
    admin = await signInAs(t.app, 'admin', adminPassword);
    for (const role of ['handler', 'reviewer', 'approver'] as const) {
      team[role].session = await signInAs(t.app, team[role].user.username, 'User-pass-2026');
    }
  });

  for (const [category, path] of Object.entries(paths)) {
    it(`CASE-1 CASE-2 CASE-4 ${category}: from start to archive, approvals included`, async () => {
      const matter = await openMatter(category, path.startRoute);
      expect(matter.number).toMatch(/〔2026〕\d+号$/);
      let seized = '';
      for (const step of path.steps) {
        t.clock.advance(60_000);
        if (['decision', 'licence_decision', 'enforcement_decision'].includes(step)) await assessNotMajor(matter.id);
        // A seizure records its items and a release returns them (CASE-10).
        const details = step === 'seizure' ? SEIZURE_FACTS : step === 'seizure_release' ? releaseFacts(seized, t.clock.now().toISOString()) : undefined;
        // 行政强制法 第三十五、三十七条: the 催告书 is served and its deadline runs out before the decision.
        if (step === 'enforcement_decision') await serveDemandAndWait(matter.id);
        const s = await record(matter.id, step, details);
        if (step === 'seizure') seized = s.id;
        if (s.status === 'pending') await approve(matter.id, s.id);
      }
      const detail = (await as(team.handler.session).get(`${base()}/${matter.id}`)).json();
      expect(detail.matter).toMatchObject({ phase: 'archiving', status: 'archived' });
      expect(detail.matter.endedAt).not.toBeNull();
      expect(detail.nextSteps).toEqual([]);
    });
  }

  it('CASE-5 an out-of-order step is refused with OUT_OF_ORDER naming what is missing, and nothing is recorded', async () => {
    const matter = await openMatter('penalty_general', 'ex_officio');
    const early = await as(team.handler.session).post(`${base()}/${matter.id}/steps`, { step: 'decision', occurredAt: t.clock.now().toISOString() });
    expect(early.statusCode).toBe(409);
    expect(early.json().code).toBe('OUT_OF_ORDER');
    expect(early.json().message).toContain('案件调查终结报告');
    const filing = await record(matter.id, 'filing');
    const beforeApproval = await as(team.handler.session).post(`${base()}/${matter.id}/steps`, { step: 'questioning', occurredAt: t.clock.now().toISOString() });
    expect(beforeApproval.json().message).toContain('尚待审批');
    expect((await as(team.handler.session).get(`${base()}/${matter.id}`)).json().steps.map((s: Step) => s.id)).toEqual([filing.id]);
    const unknown = await as(team.handler.session).post(`${base()}/${matter.id}/steps`, { step: 'auction', occurredAt: t.clock.now().toISOString() });
    expect(unknown.json().details.reason).toBe('UNKNOWN_STEP');
  });

  it('CASE-4 a return keeps the history; the handler resubmits; the same person may not review and approve', async () => {
    const matter = await openMatter('penalty_general', 'ex_officio');
    const filing = await record(matter.id, 'filing');
    const handlerTries = await as(team.handler.session).post(`${base()}/${matter.id}/steps/${filing.id}/decision`, { decision: 'approve', opinion: '自批' });
    expect(handlerTries.statusCode).toBe(403);
    const returned = await as(team.reviewer.session).post(`${base()}/${matter.id}/steps/${filing.id}/decision`, { decision: 'return', opinion: '案源不清，请补充' });
    expect(returned.json().status).toBe('returned');
    const returnedToHandler = (await as(team.handler.session).get(`/api/agencies/${team.agency.id}/approvals/returned`)).json();
    expect(returnedToHandler.map((q: { step: Step }) => q.step.id)).toEqual([filing.id]);
    const resubmittedOnce = (await as(team.handler.session).get(`${base()}/${matter.id}`)).json();
    expect(resubmittedOnce.steps[0].approvals.map((a: { decision: string }) => a.decision)).toEqual(['submitted', 'returned']);
    expect(resubmittedOnce.matter.unitName).toBe(team.unit.name);
    const me = (await as(team.handler.session).get('/api/auth/me')).json();
    expect(me.memberships[0].officerId).toBe(team.handler.officer.id);
    const resubmitted = await as(team.handler.session).post(`${base()}/${matter.id}/steps/${filing.id}/resubmit`, { opinion: '已补充案源' });
    expect((await as(team.handler.session).get(`/api/agencies/${team.agency.id}/approvals/returned`)).json()).toEqual([]);
    expect(resubmitted.json()).toMatchObject({ status: 'pending', approvalStage: 'review' });
    const queue = (await as(team.reviewer.session).get(`/api/agencies/${team.agency.id}/approvals/queue`)).json();
    expect(queue.map((q: { step: Step }) => q.step.id)).toContain(filing.id);
    await approve(matter.id, filing.id);
    const timeline = (await as(team.handler.session).get(`${base()}/${matter.id}/timeline`)).json();
    const approvals = timeline.entries.filter((e: { kind: string }) => e.kind === 'approval').map((e: { title: string; detail: { opinion: string } }) => e.detail.opinion);
    expect(approvals).toEqual(['filing 记录', '案源不清，请补充', '已补充案源', '同意', '同意']);
  });

  it('ORG-2 an officer whose certificate has expired cannot be recorded as acting', async () => {
    const res = await as(admin).post(`/api/agencies/${team.agency.id}/officers`, { name: '过期员', post: '队员', certificateNo: 'EXP-0001', certificateValidFrom: '2020-01-01', certificateValidTo: '2025-12-31', area: '全域' });
    const expired = res.json().id;
    const refused = await as(team.handler.session).post(base(), { category: 'inspection', startRoute: 'ex_officio', title: '检查', officerIds: [team.handler.officer.id, expired] });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().message).toContain('过期员');
  });

  it('ACC-1 an officer of another unit does not see the matter; the agency head does', async () => {
    const matter = await openMatter('inspection', 'ex_officio');
    const outsider = await (await import('../support/factories.js')).makeUser(t.app, team.agency.id, ['handler'], admin);
    const outsiderSession = await signInAs(t.app, outsider.username, outsider.password);
    expect((await as(outsiderSession).get(`${base()}/${matter.id}`)).statusCode).toBe(404);
    expect((await as(outsiderSession).get(base())).json().total).toBe(0);
    expect((await as(team.approver.session).get(`${base()}/${matter.id}`)).statusCode).toBe(200);
  });

  it('CASE-3 SUP-2 an emergency start without retro-approval within 24 h becomes a late finding on that matter', async () => {
    await as(admin).post(`/api/agencies/${team.agency.id}/policy/choose`, { profileId: 's1-fushun-culture-market', basis: '采用' });
    const matter = await openMatter('coercive_measure', 'emergency');
    await record(matter.id, 'emergency_start');
    t.clock.advance(25 * 3_600_000);
    const platform = await signInAs(t.app, 'admin', adminPassword);
    expect((await as(platform).post(`/api/agencies/${team.agency.id}/findings/reevaluate`)).statusCode).toBe(200);
    const list = (await as(platform).get(`/api/agencies/${team.agency.id}/findings?matterId=${matter.id}`)).json();
    expect(list.items.map((f: { requirement: string; state: string }) => `${f.requirement}:${f.state}`)).toContain('CASE-3:late');
  });

  it('CASE-2 search finds matters by number, party and category, 50 to a page', async () => {
    const matter = await openMatter('penalty_general', 'ex_officio');
    const byNumber = (await as(team.handler.session).get(`${base()}?number=${encodeURIComponent(matter.number)}`)).json();
    expect(byNumber.items.map((m: { id: string }) => m.id)).toEqual([matter.id]);
    const byParty = (await as(team.handler.session).get(`${base()}?party=${encodeURIComponent('某某商贸')}&category=penalty_general`)).json();
    expect(byParty.total).toBeGreaterThanOrEqual(1);
    expect(byParty.pageSize).toBe(50);
  });

  it('CASE-2 a page says whether more follow; the count is its own request, with the same filters and scope', async () => {
    await openMatter('inspection', 'ex_officio');
    await openMatter('inspection', 'ex_officio');
    const all = (await as(team.approver.session).get(`${base()}?category=inspection`)).json();
    const n = all.items.length;
    expect(n).toBeGreaterThanOrEqual(2);
    expect(all).toMatchObject({ hasMore: false, total: n });
    const first = (await as(team.approver.session).get(`${base()}?category=inspection&pageSize=1`)).json();
    expect(first).toMatchObject({ hasMore: true, total: null, page: 1, pageSize: 1 });
    expect(first.items[0].id).toBe(all.items[0].id); // newest first
    const last = (await as(team.approver.session).get(`${base()}?category=inspection&pageSize=1&page=${n}`)).json();
    expect(last).toMatchObject({ hasMore: false, total: n });
    expect(last.items[0].id).toBe(all.items[n - 1].id);
    expect((await as(team.approver.session).get(`${base()}/count?category=inspection`)).json()).toEqual({ total: n, capped: false });
    expect((await as(team.approver.session).get(`${base()}/count?category=licensing&number=${encodeURIComponent('不存在的编号')}`)).json()).toEqual({ total: 0, capped: false });
    const tooDeep = await as(team.approver.session).get(`${base()}?page=201`);
    expect(tooDeep.statusCode).toBe(400);
    expect(tooDeep.json().code).toBe('VALIDATION_FAILED');
  });

  it('INT-1 INT-2 every matters record made or changed above matches its latest commitment (liuhen verify finds nothing)', async () => {
    await expectEveryRecordCommitted(t);
  });
});
