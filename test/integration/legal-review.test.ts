import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { auditEvents } from '../../src/db/schema/index.js';
import { DEFAULT_CRITERIA } from '../../src/rules/legal-review/criteria.js';
import { makeEnforcementTeam, makeOfficer, makeUnit, makeUser } from '../support/factories.js';
import { client, signInAs, type Session } from '../support/http-client.js';
import { adminPassword, startTestApp, type TestApp } from '../support/test-app.js';
import { expectEveryRecordCommitted } from '../support/integrity-deployment.js';

type Team = Awaited<ReturnType<typeof makeEnforcementTeam>>;
const allNo = Object.fromEntries(DEFAULT_CRITERIA.map((c) => [c.id, false]));
const points = (result: 'ok' | 'problem' = 'ok') =>
  ['subject_and_qualification', 'procedure', 'facts_and_evidence', 'law_and_discretion', 'authority', 'documents', 'criminal_referral', 'other'].map((id) => ({ id, result: id === 'facts_and_evidence' ? result : 'ok' }));
const submission = { proposedDecision: '吊销《食品经营许可证》', facts: '当事人销售过期食品，情节严重', lawApplied: '《食品安全法》第一百二十四条', discretionStandard: '从重处罚情形第三项', evidenceSummary: '现场检查笔录、询问笔录、抽样检验报告' };

describe('legal review of major decisions (REV-1 … REV-8, CASE-5)', () => {
  let t: TestApp;
  let admin: Session;
  let team: Team;
  let legal: { username: string; password: string; id: string };
  let matterId: string;
  const as = (s: Session) => client(t.app, s);
  const base = () => `/api/agencies/${team.agency.id}`;

  async function openPenaltyReadyForDecision() {
    const h = as(team.handler.session);
    const m = (await h.post(`${base()}/matters`, { category: 'penalty_general', startRoute: 'ex_officio', title: '销售过期食品', officerIds: [team.handler.officer.id, team.secondOfficer.id], parties: [{ kind: 'legal', name: '某食品店', idType: 'uscc', idNumber: '91411322MA0000001X' }] })).json();
    for (const step of ['filing', 'on_site_inspection', 'investigation_report', 'rights_notice']) {
      t.clock.advance(60_000);
      const s = (await h.post(`${base()}/matters/${m.id}/steps`, { step, occurredAt: t.clock.now().toISOString() })).json();
      if (s.status === 'pending') {
        await as(team.reviewer.session).post(`${base()}/matters/${m.id}/steps/${s.id}/decision`, { decision: 'approve', opinion: '同意' });
        await as(team.approver.session).post(`${base()}/matters/${m.id}/steps/${s.id}/decision`, { decision: 'approve', opinion: '同意' });
      }
    }
    return m.id as string;
  }
  const decide = () => as(team.handler.session).post(`${base()}/matters/${matterId}/steps`, { step: 'decision', occurredAt: t.clock.now().toISOString() });
  const legalSession = () => signInAs(t.app, legal.username, legal.password);

  beforeAll(async () => {
    t = await startTestApp();
    admin = await signInAs(t.app, 'admin', adminPassword);
    team = await makeEnforcementTeam(t.app, admin);
    legal = await makeUser(t.app, team.agency.id, ['legal_reviewer'], admin);
    await makeOfficer(t.app, team.agency.id, admin, { userId: legal.id, name: '钱法制' });
    await client(t.app, admin).post(`${base()}/policy/choose`, { profileId: 's3-fangcheng-market', basis: '采用' });
    matterId = await openPenaltyReadyForDecision();
  });
  beforeEach(async () => {
    for (const role of ['handler', 'reviewer', 'approver'] as const) team[role].session = await signInAs(t.app, team[role].user.username, 'User-pass-2026');
  });
  afterAll(() => t.close());

  it('REV-2 CASE-5 a decision is refused until it is known whether it is major; a revocation is major from the data', async () => {
    expect((await decide()).json().details.reason).toBe('MAJOR_ASSESSMENT_REQUIRED');
    const a = await as(team.handler.session).post(`${base()}/matters/${matterId}/legal-review/assessment`, { proposal: { measures: ['revoke_licence'] }, answers: allNo });
    expect(a.statusCode, a.body).toBe(201);
    expect(a.json().result).toMatchObject({ major: true, reasons: [expect.objectContaining({ criterionId: 'penalty_revoke_licence', decidedBy: 'data', source: 'S3 方案 三(一)3(2)' })] });
  });

  it('REV-3 CASE-5 without a review the major decision is refused; submitted materials are frozen', async () => {
    expect((await decide()).json().details.reason).toBe('LEGAL_REVIEW_REQUIRED');
    const sub = await as(team.handler.session).post(`${base()}/matters/${matterId}/legal-review/submissions`, submission);
    expect(sub.statusCode, sub.body).toBe(201);
    expect(sub.json()).toMatchObject({ submissionVersion: 1, status: 'submitted' });
    expect(sub.json().materialsHash).toMatch(/^[0-9a-f]{64}$/);
    expect((await decide()).json().details.reason).toBe('LEGAL_REVIEW_PENDING');
    const { sql } = await import('drizzle-orm');
    await expect(t.ctx.db.execute(sql`update legal_reviews set materials = '{}'::jsonb where matter_id = ${matterId}`)).rejects.toThrow();
  });

  it('REV-4 only a legal reviewer who does not handle the matter may decide; every point needs a result; a fail needs a reason of 第十一条', async () => {
    const review = (await as(team.handler.session).get(`${base()}/matters/${matterId}/legal-review`)).json().reviews[0];
    expect((await as(team.handler.session).post(`${base()}/legal-reviews/${review.id}/decision`, { points: points(), outcome: 'pass', explanation: '自审' })).statusCode).toBe(403);
    const reviewer = as(await legalSession());
    const partial = await reviewer.post(`${base()}/legal-reviews/${review.id}/decision`, { points: points().slice(0, 5), outcome: 'pass', explanation: '缺' });
    expect(partial.json().message).toContain('每一审核事项');
    const noReason = await reviewer.post(`${base()}/legal-reviews/${review.id}/decision`, { points: points('problem'), outcome: 'fail', explanation: '证据' });
    expect(noReason.json().message).toContain('第十一条');
    const ask = await reviewer.post(`${base()}/legal-reviews/${review.id}/messages`, { kind: 'request', text: '请补充抽样检验报告原件' });
    expect(ask.statusCode).toBe(201);
    await as(team.handler.session).post(`${base()}/legal-reviews/${review.id}/messages`, { kind: 'answer', text: '已补充' });
    const failed = await reviewer.post(`${base()}/legal-reviews/${review.id}/decision`, { points: points('problem'), outcome: 'fail', failReasons: ['insufficient_evidence'], explanation: '检验报告缺少资质证明' });
    expect(failed.statusCode, failed.body).toBe(200);
    expect(failed.json()).toMatchObject({ status: 'failed', failReasons: ['insufficient_evidence'] });
    const opinion = (await as(team.handler.session).get(`${base()}/documents/${failed.json().opinionDocumentId}`)).json();
    expect(opinion).toMatchObject({ typeId: 'legal_review_opinion', status: 'issued' });
    expect(opinion.fields.suggestions).toContain('主要事实不清，证据不足');
    expect((await decide()).json().details.reason).toBe('LEGAL_REVIEW_FAILED');
    const queue = await reviewer.get(`${base()}/legal-reviews?status=failed`);
    expect(queue.statusCode, queue.body).toBe(200);
    expect(queue.json()).toEqual([expect.objectContaining({ matter: expect.objectContaining({ id: matterId }), review: expect.objectContaining({ id: review.id, status: 'failed' }), handledByMe: false })]);
  });

  it('REV-6 a failed review goes to the collective discussion, whose conclusion is recorded on the review', async () => {
    const h = as(team.handler.session);
    const review = (await h.get(`${base()}/matters/${matterId}/legal-review`)).json().reviews[0];
    const step = (await h.post(`${base()}/matters/${matterId}/steps`, { step: 'collective_discussion', occurredAt: t.clock.now().toISOString() })).json();
    const discussed = await h.post(`${base()}/legal-reviews/${review.id}/discussion`, { stepId: step.id, conclusion: 'revise', summary: '补充检验机构资质证明后重新送审' });
    expect(discussed.statusCode, discussed.body).toBe(200);
    expect(discussed.json()).toMatchObject({ status: 'discussed', discussionStepId: step.id, discussionConclusion: 'revise' });
  });

  it('REV-6 CASE-5 the handler resubmits a new version; it passes; a newer submission makes the old pass not enough', async () => {
    const h = as(team.handler.session);
    const v2 = (await h.post(`${base()}/matters/${matterId}/legal-review/submissions`, { ...submission, evidenceSummary: `${submission.evidenceSummary}、检验机构资质证明` })).json();
    expect(v2.submissionVersion).toBe(2);
    const reviewer = as(await legalSession());
    const passed = await reviewer.post(`${base()}/legal-reviews/${v2.id}/decision`, { points: points(), outcome: 'pass', explanation: '事实清楚，证据充分，同意' });
    expect(passed.json().status).toBe('passed');
    const v3 = (await h.post(`${base()}/matters/${matterId}/legal-review/submissions`, { ...submission, proposedDecision: '吊销许可证并处罚款' })).json();
    expect(v3.submissionVersion).toBe(3);
    expect((await decide()).json().details.reason).toBe('LEGAL_REVIEW_OUTDATED');
    await reviewer.post(`${base()}/legal-reviews/${v3.id}/decision`, { points: points(), outcome: 'pass', explanation: '同意' });
    const ok = await decide();
    expect(ok.statusCode, ok.body).toBe(201);
    const timeline = (await h.get(`${base()}/matters/${matterId}/timeline`)).json();
    expect(timeline.entries.filter((e: { kind: string; detail: { typeId?: string } }) => e.kind === 'document' && e.detail.typeId === 'legal_review_opinion').length).toBeGreaterThanOrEqual(3);
  });

  it('REV-5 SUP-2 a review not finished in 5 working days is late; the head\'s extension adds 5 more', async () => {
    const other = await openPenaltyReadyForDecision();
    const h = as(team.handler.session);
    await h.post(`${base()}/matters/${other}/legal-review/assessment`, { proposal: { measures: ['suspend_business'] }, answers: allNo });
    const sub = (await h.post(`${base()}/matters/${other}/legal-review/submissions`, submission)).json();
    t.clock.advance(10 * 86_400_000);
    const platform = as(await signInAs(t.app, 'admin', adminPassword));
    await platform.post(`${base()}/findings/reevaluate`);
    const late = (await platform.get(`${base()}/findings?matterId=${other}&requirement=REV-5`)).json();
    const view = (await platform.get(`${base()}/legal-reviews/${sub.id}`)).json();
    expect(view).toMatchObject({ extended: false, dueAt: expect.any(String) });
    const timeline = (await platform.get(`${base()}/matters/${other}/timeline`)).json();
    expect(timeline.entries.map((e: { title: string }) => e.title)).toContain('送交法制审核（第 1 次）');
    expect(late.items[0]).toMatchObject({ state: 'late', rule: { seed: 'S3' } });
    const approver = as(await signInAs(t.app, team.approver.user.username, 'User-pass-2026'));
    expect((await approver.post(`${base()}/legal-reviews/${sub.id}/extension`)).statusCode).toBe(200);
  });

  it('REV-8 staffing: legal reviewers against 5 % of officers and at least one', async () => {
    const s = (await as(team.handler.session).get(`${base()}/legal-review/staffing`)).json();
    expect(s).toMatchObject({ legalReviewers: 1, required: 1, met: true });
    expect(s.rule).toContain('第五条');
  });

  it('REV-1 the agency sets the hearing amounts and turns on REV-7; the list is versioned', async () => {
    admin = await signInAs(t.app, 'admin', adminPassword);
    const res = await as(admin).put(`${base()}/legal-review/list`, { parameters: { hearingFineNatural: 2000, hearingFineLegal: 50000, reviewAllGeneralPenalties: true }, disabledCriteria: [], basis: '局务会纪要〔2026〕5号' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ version: 1, parameters: { hearingFineLegal: 50000 } });
    const list = (await as(team.handler.session).get(`${base()}/legal-review/list`)).json();
    expect(list.reviewPoints).toHaveLength(8);
    expect(list.failReasons).toHaveLength(8);
  });

  it('REV-4 ACC-1 only someone who works on the matter answers a review request: a supervisor or archivist gets 403, a handler of another unit 404', async () => {
    admin = await signInAs(t.app, 'admin', adminPassword);
    const other = await openPenaltyReadyForDecision();
    const h = as(team.handler.session);
    await h.post(`${base()}/matters/${other}/legal-review/assessment`, { proposal: { measures: ['revoke_licence'] }, answers: allNo });
    const sub = (await h.post(`${base()}/matters/${other}/legal-review/submissions`, submission)).json();
    const answer = (s: Session) => as(s).post(`${base()}/legal-reviews/${sub.id}/messages`, { kind: 'answer', text: '已补充材料' });
    for (const role of ['supervisor', 'archivist'] as const) {
      const u = await makeUser(t.app, team.agency.id, [role], admin);
      const refused = await answer(await signInAs(t.app, u.username, u.password));
      expect(refused.statusCode, refused.body).toBe(403);
      expect(refused.json().code).toBe('FORBIDDEN');
    }
    const elsewhere = await makeUser(t.app, team.agency.id, ['handler'], admin);
    await makeOfficer(t.app, team.agency.id, admin, { userId: elsewhere.id, unitId: (await makeUnit(t.app, team.agency.id, admin)).id });
    expect((await answer(await signInAs(t.app, elsewhere.username, elsewhere.password))).statusCode).toBe(404);
    const asked = await as(await legalSession()).post(`${base()}/legal-reviews/${sub.id}/messages`, { kind: 'answer', text: '审核人员不答复' });
    expect(asked.statusCode).toBe(403);
    expect((await answer(team.handler.session)).statusCode).toBe(201);
    const readsOf = () => t.ctx.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'legal_review.viewed'), eq(auditEvents.objectId, sub.id), eq(auditEvents.actorUserId, team.handler.user.id)));
    const before = (await readsOf()).length;
    const messages = (await as(team.handler.session).get(`${base()}/legal-reviews/${sub.id}`)).json().messages;
    expect(messages.map((m: { text: string }) => m.text)).toEqual(['已补充材料']);
    // INT-1: reading the submission's materials is one audit event naming the review.
    expect((await readsOf()).length).toBe(before + 1);
  });

  it('INT-1 INT-2 every legal review record made or changed above matches its latest commitment (liuhen verify finds nothing)', async () => {
    await expectEveryRecordCommitted(t);
  });
});
