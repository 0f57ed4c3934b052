import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, matterSteps, stepApprovals } from '../../src/db/schema/index.js';
import { makeEnforcementTeam } from '../support/factories.js';
import { burst, expectOneWinner, RUNS } from '../support/races.js';
import { client, signInAs, type Session } from '../support/http-client.js';
import { adminPassword, startTestApp, type TestApp } from '../support/test-app.js';

// Issue 10: every state change is decided inside its transaction against locked rows. Each
// scenario sends 20 conflicting requests at once, five times over: exactly one wins, the others
// get 409 with a stable code, and the history holds one row and one audit event per success.
// PGlite serialises every transaction on its single connection, so only PostgreSQL can race.
const onPostgres = process.env.LIUHEN_TEST_DB === 'postgres';

type Team = Awaited<ReturnType<typeof makeEnforcementTeam>>;

describe.skipIf(!onPostgres)('issue 10 races: matter steps and approvals (CASE-2, CASE-4)', () => {
  let t: TestApp;
  let admin: Session;
  let team: Team;
  const as = (s: Session) => client(t.app, s);
  const base = () => `/api/agencies/${team.agency.id}/matters`;

  async function openMatter() {
    const res = await as(team.handler.session).post(base(), { category: 'penalty_general', startRoute: 'ex_officio', title: '并发测试', unitId: team.unit.id, officerIds: [team.handler.officer.id, team.secondOfficer.id], parties: [{ kind: 'legal', name: '某商贸有限公司', idType: 'uscc', idNumber: '91411322MA0000000X' }] });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id as string;
  }
  const recordFiling = (matterId: string) => as(team.handler.session).post(`${base()}/${matterId}/steps`, { step: 'filing', occurredAt: t.clock.now().toISOString(), note: '立案' });
  const decide = (s: Session, matterId: string, stepId: string, decision: 'approve' | 'return') => as(s).post(`${base()}/${matterId}/steps/${stepId}/decision`, { decision, opinion: decision === 'approve' ? '同意' : '退回补充' });
  const events = async (objectId: string, action: string) => (await t.ctx.db.select().from(auditEvents).where(and(eq(auditEvents.objectId, objectId), eq(auditEvents.action, action)))).length;
  const approvalsOf = (stepId: string) => t.ctx.db.select().from(stepApprovals).where(eq(stepApprovals.stepId, stepId));

  beforeAll(async () => {
    t = await startTestApp();
    admin = await signInAs(t.app, 'admin', adminPassword);
    team = await makeEnforcementTeam(t.app, admin);
  });
  afterAll(() => t.close());

  it('CASE-2 twenty concurrent "filing" requests record one filing; the rest are OUT_OF_ORDER', async () => {
    for (let run = 0; run < RUNS; run++) {
      const matterId = await openMatter();
      const result = await burst(() => recordFiling(matterId));
      expectOneWinner(result, ['OUT_OF_ORDER']);
      const rows = await t.ctx.db.select().from(matterSteps).where(eq(matterSteps.matterId, matterId));
      expect(rows.map((r) => r.step)).toEqual(['filing']);
      expect(await approvalsOf(rows[0]!.id)).toHaveLength(1);
      const recorded = await t.ctx.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'matter.step_recorded'), sql`${auditEvents.after}->>'matterId' = ${matterId}`));
      expect(recorded).toHaveLength(1);
    }
  });

  it('CASE-4 concurrent approve and return of one step: one decision, the rest CONFLICT', async () => {
    for (let run = 0; run < RUNS; run++) {
      const matterId = await openMatter();
      const stepId = (await recordFiling(matterId)).json().id as string;
      const result = await burst((i) => decide(team.reviewer.session, matterId, stepId, i % 2 ? 'approve' : 'return'));
      expectOneWinner(result, ['CONFLICT']);
      const decisions = (await approvalsOf(stepId)).filter((a) => a.stage === 'review');
      expect(decisions).toHaveLength(1);
      const [step] = await t.ctx.db.select().from(matterSteps).where(eq(matterSteps.id, stepId));
      expect(step!.status).toBe(decisions[0]!.decision === 'returned' ? 'returned' : 'pending');
      const audited = await Promise.all(['matter.step_reviewed', 'matter.step_returned'].map((a) => events(stepId, a)));
      expect(audited[0]! + audited[1]!).toBe(1);
    }
  });

  it('CASE-4 twenty concurrent approvals at the approve stage record one; resubmitting a returned step happens once', async () => {
    for (let run = 0; run < RUNS; run++) {
      const matterId = await openMatter();
      const stepId = (await recordFiling(matterId)).json().id as string;
      expect((await decide(team.reviewer.session, matterId, stepId, 'approve')).statusCode).toBe(200);
      expectOneWinner(await burst(() => decide(team.approver.session, matterId, stepId, 'approve')), ['CONFLICT']);
      expect((await approvalsOf(stepId)).filter((a) => a.stage === 'approve')).toHaveLength(1);
      expect(await events(stepId, 'matter.step_approved')).toBe(1);

      const other = await openMatter();
      const returned = (await recordFiling(other)).json().id as string;
      expect((await decide(team.reviewer.session, other, returned, 'return')).statusCode).toBe(200);
      expectOneWinner(await burst(() => as(team.handler.session).post(`${base()}/${other}/steps/${returned}/resubmit`, { opinion: '已补充' })), ['CONFLICT']);
      expect((await approvalsOf(returned)).filter((a) => a.decision === 'submitted')).toHaveLength(2);
      expect(await events(returned, 'matter.step_submitted')).toBe(1);
    }
  });
});

describe.skipIf(!onPostgres)('issue 10 races: legal review (REV-3 … REV-5)', () => {
  let t: TestApp;
  let admin: Session;
  let team: Team;
  let legal: Session;
  const as = (s: Session) => client(t.app, s);
  const base = () => `/api/agencies/${team.agency.id}`;
  const submission = { proposedDecision: '吊销《食品经营许可证》', facts: '销售过期食品', lawApplied: '《食品安全法》第一百二十四条', discretionStandard: '从重', evidenceSummary: '现场检查笔录' };
  const points = ['subject_and_qualification', 'procedure', 'facts_and_evidence', 'law_and_discretion', 'authority', 'documents', 'criminal_referral', 'other'].map((id) => ({ id, result: 'ok' }));
  const events = async (reviewId: string, action: string) => t.ctx.db.select().from(auditEvents).where(and(eq(auditEvents.objectId, reviewId), eq(auditEvents.action, action)));

  /** A major matter with its assessment, ready to be sent for review. */
  async function majorMatter() {
    const h = as(team.handler.session);
    const m = (await h.post(`${base()}/matters`, { category: 'penalty_general', startRoute: 'ex_officio', title: '销售过期食品', officerIds: [team.handler.officer.id], parties: [{ kind: 'legal', name: '某食品店', idType: 'uscc', idNumber: '91411322MA0000001X' }] })).json();
    for (const step of ['filing', 'on_site_inspection', 'investigation_report', 'rights_notice']) {
      const s = (await h.post(`${base()}/matters/${m.id}/steps`, { step, occurredAt: t.clock.now().toISOString() })).json();
      if (s.status === 'pending') for (const who of [team.reviewer, team.approver]) await as(who.session).post(`${base()}/matters/${m.id}/steps/${s.id}/decision`, { decision: 'approve', opinion: '同意' });
    }
    const a = await h.post(`${base()}/matters/${m.id}/legal-review/assessment`, { proposal: { measures: ['revoke_licence'] }, answers: {} });
    expect(a.statusCode, a.body).toBe(201);
    return m.id as string;
  }
  const submit = (matterId: string) => as(team.handler.session).post(`${base()}/matters/${matterId}/legal-review/submissions`, submission);

  beforeAll(async () => {
    t = await startTestApp();
    admin = await signInAs(t.app, 'admin', adminPassword);
    team = await makeEnforcementTeam(t.app, admin);
    await as(admin).post(`${base()}/policy/choose`, { profileId: 's3-fangcheng-market', basis: '采用' });
    const reviewer = await client(t.app, admin).post(`${base()}/users`, { username: 'racelegal', displayName: '钱法制', password: 'User-pass-2026', roles: ['legal_reviewer'] });
    expect(reviewer.statusCode, reviewer.body).toBe(201);
    legal = await signInAs(t.app, 'racelegal', 'User-pass-2026');
  });
  afterAll(() => t.close());

  it('REV-3 twenty concurrent submissions of one matter: one is received, the rest CONFLICT', async () => {
    for (let run = 0; run < RUNS; run++) {
      const matterId = await majorMatter();
      expectOneWinner(await burst(() => submit(matterId)), ['CONFLICT']);
      const reviews = (await as(team.handler.session).get(`${base()}/matters/${matterId}/legal-review`)).json().reviews;
      expect(reviews).toHaveLength(1);
      expect(await events(reviews[0].id, 'legal_review.submitted')).toHaveLength(1);
    }
  });

  it('REV-4 twenty concurrent conclusions of one review: one conclusion and one issued opinion, the rest CONFLICT', async () => {
    for (let run = 0; run < RUNS; run++) {
      const matterId = await majorMatter();
      const review = (await submit(matterId)).json();
      expectOneWinner(await burst(() => as(legal).post(`${base()}/legal-reviews/${review.id}/decision`, { points, outcome: 'pass', explanation: '同意' })), ['CONFLICT']);
      expect(await events(review.id, 'legal_review.decided')).toHaveLength(1);
      const docs = (await as(team.handler.session).get(`${base()}/matters/${matterId}/documents`)).json().filter((d: { typeId: string }) => d.typeId === 'legal_review_opinion');
      expect(docs.map((d: { status: string }) => d.status)).toEqual(['issued']);
    }
  });

  it('REV-5 twenty concurrent extensions of one review: one is approved, the rest CONFLICT', async () => {
    for (let run = 0; run < RUNS; run++) {
      const review = (await submit(await majorMatter())).json();
      expectOneWinner(await burst(() => as(team.approver.session).post(`${base()}/legal-reviews/${review.id}/extension`)), ['CONFLICT']);
      expect(await events(review.id, 'legal_review.extended')).toHaveLength(1);
    }
  });

  it('REV-6 twenty concurrent collective-discussion records of one failed review: one is recorded, the rest CONFLICT', async () => {
    for (let run = 0; run < RUNS; run++) {
      const matterId = await majorMatter();
      const review = (await submit(matterId)).json();
      const failed = await as(legal).post(`${base()}/legal-reviews/${review.id}/decision`, { points: points.map((p) => (p.id === 'facts_and_evidence' ? { ...p, result: 'problem' } : p)), outcome: 'fail', failReasons: ['insufficient_evidence'], explanation: '证据不足' });
      expect(failed.statusCode, failed.body).toBe(200);
      const step = await as(team.handler.session).post(`${base()}/matters/${matterId}/steps`, { step: 'collective_discussion', occurredAt: t.clock.now().toISOString() });
      expect(step.statusCode, step.body).toBe(201);
      expectOneWinner(await burst((i) => as(team.handler.session).post(`${base()}/legal-reviews/${review.id}/discussion`, { stepId: step.json().id, conclusion: i % 2 ? 'proceed' : 'revise', summary: '集体讨论' })), ['CONFLICT']);
      expect(await events(review.id, 'legal_review.discussed')).toHaveLength(1);
    }
  });

  it('REV-4 answers sent while the review is concluded: none is recorded after the conclusion', async () => {
    for (let run = 0; run < RUNS; run++) {
      const review = (await submit(await majorMatter())).json();
      const result = await burst((i) =>
        i === 0 ? as(legal).post(`${base()}/legal-reviews/${review.id}/decision`, { points, outcome: 'pass', explanation: '同意' }) : as(team.handler.session).post(`${base()}/legal-reviews/${review.id}/messages`, { kind: 'answer', text: `答复 ${i}` }),
      );
      expect(result.all[0]!.statusCode, result.all[0]!.body).toBe(200);
      const answers = result.all.slice(1);
      for (const r of answers) expect([201, 409], r.body).toContain(r.statusCode);
      const [decided] = await events(review.id, 'legal_review.decided');
      const answered = await events(review.id, 'legal_review.answered');
      expect(answered).toHaveLength(answers.filter((r) => r.statusCode === 201).length);
      for (const e of answered) expect(e.seq).toBeLessThan(decided!.seq);
      const messages = (await as(team.handler.session).get(`${base()}/legal-reviews/${review.id}`)).json().messages;
      expect(messages).toHaveLength(answered.length);
    }
  });
});
