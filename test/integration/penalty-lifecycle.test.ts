import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../../src/db/schema/index.js';
import { demoFields } from '../../src/domains/demo/demo-fill.js';
import { DEFAULT_CRITERIA } from '../../src/rules/legal-review/criteria.js';
import { makeEnforcementTeam, makeOfficer, makeUser } from '../support/factories.js';
import { client, signInAs, type Session } from '../support/http-client.js';
import { adminPassword, startTestApp, type TestApp } from '../support/test-app.js';

type Team = Awaited<ReturnType<typeof makeEnforcementTeam>>;
const allNo = Object.fromEntries(DEFAULT_CRITERIA.map((c) => [c.id, false]));
const reviewPoints = ['subject_and_qualification', 'procedure', 'facts_and_evidence', 'law_and_discretion', 'authority', 'documents', 'criminal_referral', 'other'].map((id) => ({ id, result: 'ok' }));
const party = { kind: 'legal', name: '方城县某某眼镜店', idType: 'uscc', idNumber: '92411322MA49XXXX8H', address: '方城县建设路55号', legalRepresentative: '孙某' };

// CASE-5 … CASE-12, SRV-1, SRV-2, REV-2 … REV-4: one general-procedure penalty from a complaint to a
// decision served by 留置, left unpaid, surcharged, 催告ed, applied to a court and closed, each act done by the person who does it at an agency, in the order the
// law requires, with the clock moved across 国庆 2026 (10-01 … 10-07 off, 10-10 a make-up working
// day) so that every working-day count is tested against a real holiday block. Each `it` is one
// act of the story; the tests run in order and later ones rely on the earlier ones.
describe('行政处罚（一般程序） from complaint to 结案 (CASE-5 … CASE-12, SRV-1, SRV-2, REV-2 … REV-4)', () => {
  let t: TestApp;
  let admin: Session;
  let team: Team;
  let legal: Session;
  let legalUser: { username: string; password: string; id: string };
  let matterId: string;
  let partyId: string;
  const officers: { name: string; certificateNo: string }[] = [];
  const h = () => client(t.app, team.handler.session);
  const agency = () => `/api/agencies/${team.agency.id}`;
  const base = () => `${agency()}/matters/${matterId}`;
  /** Moves the app clock to `instant` (UTC) and signs everyone in again (the idle limit). */
  const moveTo = async (instant: string) => {
    t.clock.advance(Date.parse(instant) - t.clock.now().getTime());
    for (const role of ['handler', 'reviewer', 'approver'] as const) team[role].session = await signInAs(t.app, team[role].user.username, 'User-pass-2026');
    legal = await signInAs(t.app, legalUser.username, legalUser.password);
  };
  /** The handler records `step`; a step needing approval is approved by the reviewer, then the approver. */
  const step = async (name: string, occurredAt: string, extra: Record<string, unknown> = {}) => {
    const s = await h().post(`${base()}/steps`, { step: name, occurredAt, ...extra });
    expect(s.statusCode, s.body).toBe(201);
    if (s.json().status === 'pending') {
      for (const who of [team.reviewer, team.approver]) {
        const d = await client(t.app, who.session).post(`${base()}/steps/${s.json().id}/decision`, { decision: 'approve', opinion: '同意' });
        expect(d.statusCode, d.body).toBeLessThan(300);
      }
    }
    return s.json() as { id: string; status: string };
  };
  /** Drafts the document from the step with complete values, then issues it. */
  const issue = async (typeId: string, stepId: string | null, own: Record<string, unknown> = {}) => {
    const day = new Date(t.clock.now().getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
    const fields = demoFields(typeId, { day, time: '10:00', party, officers, maker: officers[0]!.name, place: '方城县建设路55号' }, own);
    const draft = await h().post(`${base()}/documents`, { typeId, ...(stepId ? { stepId } : {}), fields });
    expect(draft.statusCode, draft.body).toBe(201);
    const issued = await h().post(`${agency()}/documents/${draft.json().id}/issue`);
    expect(issued.statusCode, issued.body).toBe(200);
    return issued.json() as { id: string; number: string | null; status: string };
  };
  const phase = async () => (await h().get(base())).json().matter.phase as string;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await signInAs(t.app, 'admin', adminPassword);
    team = await makeEnforcementTeam(t.app, admin);
    legalUser = await makeUser(t.app, team.agency.id, ['legal_reviewer'], admin);
    await makeOfficer(t.app, team.agency.id, admin, { userId: legalUser.id, name: '钱法制' });
    expect((await client(t.app, admin).post(`${agency()}/policy/choose`, { profileId: 's3-fangcheng-market', basis: '采用' })).statusCode).toBe(201);
    await moveTo('2026-09-07T03:00:00Z');
  });
  afterAll(() => t?.close());

  it('CASE-1 S1 第八条: the complaint is registered on 2026-09-07; the matter starts in 立案 with the party', async () => {
    const m = await h().post(`${agency()}/matters`, { category: 'penalty_general', startRoute: 'complaint', title: '虚假宣传“免费验光配镜”', source: '12315 投诉举报', parties: [party], officerIds: [team.handler.officer.id, team.secondOfficer.id] });
    expect(m.statusCode, m.body).toBe(201);
    matterId = m.json().id;
    await step('complaint_registration', '2026-09-07T03:00:00Z', { note: '投诉人称该店宣传“免费验光配镜”实际收费' });
    const detail = (await h().get(base())).json();
    partyId = detail.parties[0].id;
    officers.push(...detail.officers.map((o: { name: string; certificateNo: string }) => ({ name: o.name, certificateNo: o.certificateNo })));
    expect(detail.matter.phase).toBe('start');
  });

  it('CASE-5 S1 第十条: a decision before filing is refused 409 OUT_OF_ORDER; filing on 2026-09-08 is approved by the head', async () => {
    const early = await h().post(`${base()}/steps`, { step: 'decision', occurredAt: '2026-09-07T03:00:00Z' });
    expect(early.statusCode, early.body).toBe(409);
    expect(early.json().code).toBe('OUT_OF_ORDER');
    await moveTo('2026-09-08T01:30:00Z');
    const filing = await step('filing', '2026-09-08T01:30:00Z', { note: '经核查投诉事项属实，拟立案调查' });
    await issue('case_filing_approval', filing.id);
    const detail = (await h().get(base())).json();
    expect(detail.steps.find((s: { step: string }) => s.step === 'filing')).toMatchObject({ status: 'approved' });
  });

  it('CASE-5 S1 第十三、十四条: 现场检查 on 09-09 and 询问 on 09-10, each with its issued 笔录', async () => {
    await moveTo('2026-09-09T02:00:00Z');
    const inspection = await step('on_site_inspection', '2026-09-09T02:00:00Z', { place: '方城县建设路55号店内' });
    expect((await issue('on_site_inspection_record', inspection.id)).status).toBe('issued');
    await moveTo('2026-09-10T06:30:00Z');
    const questioning = await step('questioning', '2026-09-10T06:30:00Z', { place: '方城县市场监督管理局询问室' });
    expect((await issue('questioning_record', questioning.id)).status).toBe('issued');
  });

  it('CASE-5 S1 第十八条: the 案件调查终结报告 on 09-21; the matter moves to 审查决定', async () => {
    await moveTo('2026-09-21T02:00:00Z');
    const report = await step('investigation_report', '2026-09-21T02:00:00Z');
    await issue('investigation_final_report', report.id);
    expect(await phase()).toBe('review_decision');
  });

  let noticeId = '';
  it('CASE-8 CASE-9 SRV-1 行政处罚法 第四十四条、第六十三条: the 事先告知书 issued 09-25, served by post, receipt back 09-29 → hearing window due 10-12 (5 working days over 国庆)', async () => {
    await moveTo('2026-09-25T01:30:00Z');
    const rights = await step('rights_notice', '2026-09-25T01:30:00Z');
    noticeId = (await issue('penalty_rights_notice', rights.id, { proposed_penalty: '罚款人民币一万元', proposed_fine: 10000, statement_deadline: '收到本告知书之日起五个工作日内', hearing_deadline: '收到本告知书之日起五个工作日内' })).id;
    await moveTo('2026-09-29T08:00:00Z');
    const served = await h().post(`${base()}/services`, { documentId: noticeId, partyId, method: 'post', servedAt: '2026-09-25T03:00:00Z', details: { postKind: 'registered', trackingNumber: 'XA123456789CN', receiptReturnedOn: '2026-09-29' } });
    expect(served.statusCode, served.body).toBe(201);
    expect(served.json()).toMatchObject({ method: 'post', servedDay: '2026-09-29', documentName: '行政处罚事先告知书' });
    const view = (await h().get(`${base()}/rights`)).json();
    // 09-30 (1), 10-08 (2), 10-09 (3), 10-10 make-up Saturday (4), 10-12 (5).
    expect(view.windows).toEqual([expect.objectContaining({ partyName: party.name, servedDay: '2026-09-29', due: '2026-10-12', state: 'open' })]);
    expect(await phase()).toBe('review_decision');
  });

  it('CASE-8 行政处罚法 第四十五条: statements recorded on 09-29; 复核 不予采纳 is refused without reasons, stored with them', async () => {
    const st = await h().post(`${base()}/statements`, { partyId, form: 'written', at: '2026-09-29T07:00:00Z', content: '当事人称验光免费、配镜收费，宣传无误导。' });
    expect(st.statusCode, st.body).toBe(201);
    const bare = await h().post(`${base()}/statements/${st.json().id}/review`, { result: 'not_adopted' });
    expect(bare.statusCode).toBe(400);
    const review = await h().post(`${base()}/statements/${st.json().id}/review`, { result: 'not_adopted', reasons: '店内宣传单仅写“免费验光配镜”，未注明配镜收费，与现场检查笔录一致。' });
    expect(review.statusCode, review.body).toBe(201);
    expect(review.json()).toMatchObject({ kind: 'statement_review', relatedId: st.json().id, outcome: 'not_adopted', outcomeLabel: '不予采纳' });
    expect(review.json().details.reasons ?? JSON.stringify(review.json())).toContain('宣传单');
  });

  it('CASE-9 行政处罚法 第六十四条第（一）项: a request on working day 5 (10-12) is accepted; a second on day 6 (10-13) is refused and still stored', async () => {
    await moveTo('2026-10-12T02:00:00Z');
    const onTime = await h().post(`${base()}/hearing-requests`, { partyId, channel: 'in_person', requestDay: '2026-10-12', content: '要求举行听证' });
    expect(onTime.statusCode, onTime.body).toBe(201);
    expect(onTime.json()).toMatchObject({ outcome: 'accepted', outcomeLabel: '受理' });
    await moveTo('2026-10-13T02:00:00Z');
    const late = await h().post(`${base()}/hearing-requests`, { partyId, channel: 'in_person', requestDay: '2026-10-13', content: '再次要求举行听证' });
    expect(late.statusCode, late.body).toBe(201);
    expect(late.json()).toMatchObject({ outcome: 'refused', outcomeLabel: '不予受理', details: { due: '2026-10-12', noticeServedDay: '2026-09-29' } });
    expect((await h().get(`${base()}/hearing-requests`)).json().map((r: { outcome: string }) => r.outcome)).toEqual(['accepted', 'refused']);
  });

  it('CASE-9 行政处罚法 第六十四条第（二）项: the 听证通知书 served 10-13; a hearing on 10-22 (6 working days) is refused, on 10-23 (7) scheduled, then held with its 听证笔录 and 听证报告', async () => {
    const accepted = (await h().get(`${base()}/hearing-requests`)).json().find((r: { outcome: string }) => r.outcome === 'accepted');
    const notice = await issue('hearing_notice', null, { hearing_at: '2026-10-23T09:30', place: '方城县市场监督管理局听证室', public_hearing: '公开', host: '法制科 钱某' });
    const served = await h().post(`${base()}/services`, { documentId: notice.id, partyId, method: 'direct', servedAt: t.clock.now().toISOString(), details: { recipientName: '孙某', relation: '法定代表人', signed: true } });
    expect(served.statusCode, served.body).toBe(201);
    const plan = { hearingRequestId: accepted.id, scheduledAt: '2026-10-23T01:30:00Z', place: '方城县市场监督管理局听证室', hostName: '法制科 钱某', public: true, noticeDocumentId: notice.id };
    const early = await h().post(`${base()}/hearings`, { ...plan, scheduledAt: '2026-10-22T01:30:00Z' });
    expect(early.statusCode).toBe(400);
    expect(early.json().message).toContain('2026-10-23');
    const scheduled = await h().post(`${base()}/hearings`, plan);
    expect(scheduled.statusCode, scheduled.body).toBe(201);
    await moveTo('2026-10-23T05:00:00Z');
    const hearing = await step('hearing', '2026-10-23T01:30:00Z', { place: '方城县市场监督管理局听证室' });
    const minutes = await issue('hearing_minutes', hearing.id);
    await issue('hearing_report', hearing.id);
    const held = await h().post(`${base()}/hearings/${scheduled.json().id}/held`, { heldAt: '2026-10-23T01:30:00Z', attendees: '当事人法定代表人 孙某；调查人员', documentId: minutes.id, summary: '当事人对事实无异议，请求从轻处罚。' });
    expect(held.statusCode, held.body).toBe(201);
    expect(held.json()).toMatchObject({ kind: 'hearing_held', occurredDay: '2026-10-23', details: { noticeServedOn: '2026-10-13' } });
  });

  it('REV-2 REV-3 REV-4 CASE-5 法制审核办法 第六条（四）: after a hearing the decision is major; a legal reviewer passes it before the decision', async () => {
    await moveTo('2026-10-26T01:00:00Z');
    const a = await h().post(`${base()}/legal-review/assessment`, { proposal: { measures: ['fine'], fineAmount: 10000 }, answers: allNo });
    expect(a.statusCode, a.body).toBe(201);
    expect(a.json().result).toMatchObject({ major: true, reasons: expect.arrayContaining([expect.objectContaining({ criterionId: 'general_after_hearing', decidedBy: 'data' })]) });
    const refused = await h().post(`${base()}/steps`, { step: 'decision', occurredAt: t.clock.now().toISOString() });
    expect(refused.json().details.reason).toBe('LEGAL_REVIEW_REQUIRED');
    const sub = await h().post(`${base()}/legal-review/submissions`, { proposedDecision: '罚款人民币一万元', facts: '当事人发布“免费验光配镜”虚假宣传', lawApplied: '《反不正当竞争法》第二十条', discretionStandard: '一般情形', evidenceSummary: '现场检查笔录、询问笔录、听证笔录' });
    expect(sub.statusCode, sub.body).toBe(201);
    const passed = await client(t.app, legal).post(`${agency()}/legal-reviews/${sub.json().id}/decision`, { points: reviewPoints, outcome: 'pass', explanation: '事实清楚，证据充分，程序合法，同意' });
    expect(passed.statusCode, passed.body).toBe(200);
    expect(passed.json().status).toBe('passed');
  });

  let decisionId = '';
  it('CASE-5 行政处罚法 第五十七条、第六十条: the decision approved by the head on 10-26 (within 90 days of filing) and the 行政处罚决定书 issued with the fine', async () => {
    await moveTo('2026-10-26T02:00:00Z');
    const decision = await step('decision', '2026-10-26T02:00:00Z');
    const detail = (await h().get(base())).json();
    expect(detail.steps.find((s: { id: string }) => s.id === decision.id)).toMatchObject({ status: 'approved' });
    const doc = await issue('penalty_decision', decision.id, { fine_amount: 10000, penalty_content: '罚款人民币一万元。', performance: '自收到本决定书之日起十五日内缴纳罚款。', statements_review: '当事人陈述申辩理由不成立，不予采纳。' });
    expect(doc.number).toBeTruthy();
    decisionId = doc.id;
  });

  it('SRV-1 S1 第二十四条 留置送达: without a witness 400; with one on 10-27 the decision is served and the matter is in 送达执行', async () => {
    await moveTo('2026-10-27T03:00:00Z');
    const serve = (details: Record<string, unknown>) => h().post(`${base()}/services`, { documentId: decisionId, partyId, method: 'left_at_premises', servedAt: '2026-10-27T02:30:00Z', place: party.address, details });
    const bare = await serve({ refusalReason: '法定代表人孙某拒绝签收' });
    expect(bare.statusCode).toBe(400);
    expect(bare.json().message).toContain('见证人');
    const ok = await serve({ refusalReason: '法定代表人孙某拒绝签收', witnessName: '建设路社区居委会主任 王某' });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json()).toMatchObject({ methodLabel: '留置送达', servedDay: '2026-10-27', documentName: '行政处罚决定书', partyName: party.name });
    expect(await phase()).toBe('service_execution');
  });

  it('SRV-2 行政处罚法 第六十七条, 行政复议法 第二十条, 行政诉讼法 第四十六条: the party must pay by 11-11, may seek review by 12-28 (12-26 is a Saturday) and sue by 2027-04-27', async () => {
    const deadlines = (await h().get(`${base()}/party-deadlines`)).json() as { key: string; due: string; servedDay: string; state: string }[];
    const fromDecision = deadlines.filter((d) => d.servedDay === '2026-10-27');
    expect(Object.fromEntries(fromDecision.map((d) => [d.key, [d.due, d.state]]))).toEqual({
      finePayment: ['2026-11-11', 'running'],
      administrativeReview: ['2026-12-28', 'running'],
      administrativeLawsuit: ['2027-04-27', 'running'],
    });
  });

  it('CASE-5 行政处罚法 第六十条: the 法定期限 card shows the decision due 12-07 (90 days from filing 09-08), met on 10-26', async () => {
    const deadlines = (await h().get(`${base()}/deadlines`)).json();
    expect(deadlines).toEqual([
      expect.objectContaining({ ruleKey: 'finePayment', startedOn: '2026-10-27', due: '2026-11-11', doneOn: null, state: 'running', blocksClosing: true }),
      expect.objectContaining({ startedOn: '2026-09-08', due: '2026-12-07', doneOn: '2026-10-26', state: 'met', act: '作出行政处罚决定' }),
    ]);
  });

  const fine = async () => (await h().get(`${base()}/payments`)).json().fine;
  it('CASE-11 行政处罚法 第七十二条, 行政强制法 第四十五条: unpaid past 11-11, the 加处罚款 runs at 3 % a day — 5 days 1,500 元 on 11-16, 33 days 9,900 元 on 12-14, capped at the fine on day 34 (12-15)', async () => {
    await moveTo('2026-11-16T02:00:00Z');
    // 11-12 is day 1 (the day after the due day, a Thursday; calendar days, holidays included).
    expect(await fine()).toMatchObject({ fineFen: 1_000_000, servedDay: '2026-10-27', due: '2026-11-11', paidFineFen: 0, outstandingFineFen: 1_000_000, surcharge: { asOf: '2026-11-16', daysLate: 5, surchargeFen: 150_000, capped: false } });
    // 19 days of November (12 … 30) + 14 of December = 33.
    await moveTo('2026-12-14T02:00:00Z');
    expect((await fine()).surcharge).toMatchObject({ daysLate: 33, surchargeFen: 990_000, capped: false });
    await moveTo('2026-12-15T02:00:00Z');
    expect((await fine()).surcharge).toMatchObject({ daysLate: 34, surchargeFen: 1_000_000, capped: true });
  });

  it('CASE-11 行政处罚法 第七十二条, 行政强制法 第四十五条: a 加处罚款 of 34 days and 10,200 元 is refused naming 10,000.00 元 (the cap); the right figure is recorded on 12-15', async () => {
    const wrong = await h().post(`${base()}/steps`, { step: 'late_payment_penalty', occurredAt: '2026-12-15T02:00:00Z', details: { surcharge_days: 34, surcharge_amount: 10_200 } });
    expect(wrong.statusCode, wrong.body).toBe(409);
    expect(wrong.json()).toMatchObject({ code: 'OUT_OF_ORDER' });
    expect(wrong.json().message).toContain('应为 34 日、10,000.00 元（已达罚款数额上限），计至2026年12月15日');
    const right = await step('late_payment_penalty', '2026-12-15T02:00:00Z', { details: { surcharge_days: 34, surcharge_amount: 10_000 } });
    expect(right.status).toBe('done');
  });

  const unpaid = '缴清罚款尚未完成（缴纳罚款期限，届满日 2026-11-11，已逾期）';
  it('CASE-12 行政处罚法 第六十七条: while the fine is unpaid, 结案 is refused — the 结案条件 and the closing step both name the fine', async () => {
    const readiness = (await h().get(`${base()}/closing-readiness`)).json();
    expect(readiness).toEqual({ ready: false, gaps: [{ kind: 'deadline', text: unpaid, waivedByTermination: true }] });
    const closing = await h().post(`${base()}/steps`, { step: 'closing', occurredAt: '2026-12-15T02:00:00Z', details: { closing_reason: '执行完毕', execution_summary: '当事人未缴纳罚款' } });
    expect(closing.statusCode, closing.body).toBe(409);
    expect(closing.json().code).toBe('OUT_OF_ORDER');
    expect(closing.body).toContain(unpaid);
  });

  it('CASE-10 行政强制法 第三十五条, 第五十四条: the 催告 on 2027-04-14 names the sum, the time and where to pay; its 催告书 is issued and served the same day', async () => {
    await moveTo('2027-04-14T04:00:00Z');
    const reminder = await step('reminder', '2027-04-14T02:00:00Z', { details: { obligation: '缴纳罚款 10,000 元及加处罚款 10,000 元', performance_deadline: '2027-04-24', performance_method: '至方城县农业银行城关支行缴纳', amount: 20_000 } });
    const demand = await issue('reminder_notice', reminder.id, { performance_deadline: '2027-04-24', amount: 20_000 });
    const served = await h().post(`${base()}/services`, { documentId: demand.id, partyId, method: 'direct', servedAt: t.clock.now().toISOString(), details: { recipientName: '孙某', relation: '法定代表人', signed: true } });
    expect(served.statusCode, served.body).toBe(201);
    expect(served.json()).toMatchObject({ servedDay: '2027-04-14', documentName: '催告书' });
  });

  it('CASE-10 行政强制法 第五十三、五十四条: a court application on 04-27 (the party may still sue) and on 04-28 (9 working days after the 催告) is refused naming 04-29; on 04-29 it is made', async () => {
    const apply = (day: string) => h().post(`${base()}/steps`, { step: 'court_application', occurredAt: `${day}T02:00:00Z`, details: { court: '方城县人民法院', applied_on: day, materials: '强制执行申请书、行政处罚决定书及送达回证、催告书及送达回证、加处罚款计算' } });
    // 6 months from service 10-27 → 04-27 (a Tuesday). Working days after the 催告 of 04-14 (Wed):
    // 04-15 (1), 16 (2), 19 (3), 20 (4), 21 (5), 22 (6), 23 (7), 26 (8), 27 (9), 28 (10) → first day 04-29.
    // (2027's holiday notice is not yet bundled: the calendar knows the statutory days only, so no
    // make-up working Sunday 04-25 is assumed; when the notice arrives, recount here.)
    const why = '催告书于2027年4月14日送达，当事人的期限于2027年4月27日届满；最早可于2027年4月29日申请';
    await moveTo('2027-04-27T02:00:00Z');
    const whileSuing = await apply('2027-04-27');
    expect(whileSuing.statusCode, whileSuing.body).toBe(409);
    expect(whileSuing.json().message).toContain(why);
    await moveTo('2027-04-28T02:00:00Z');
    const tooSoon = await apply('2027-04-28');
    expect(tooSoon.statusCode, tooSoon.body).toBe(409);
    expect(tooSoon.json().message).toContain(why);
    await moveTo('2027-04-29T02:00:00Z');
    const made = await apply('2027-04-29');
    expect(made.statusCode, made.body).toBe(201);
    await issue('court_enforcement_application', made.json().id, { court: '方城县人民法院', applied_on: '2027-04-29', decision_served_on: '2026-10-27', reminder_served_on: '2027-04-14', amount: 20_000 });
    expect((await h().get(`${base()}/closing-readiness`)).json()).toEqual({ ready: true, gaps: [] });
  });

  it('CASE-12 S1 第二十七条、第三十一条: 结案 (其他: 已申请人民法院强制执行) approved on 04-30; the matter is closed and the 法定期限 card keeps the fine overdue but no longer blocking', async () => {
    await moveTo('2027-04-30T02:00:00Z');
    // Not 执行完毕 (nothing was paid) and not 终结执行 (no ground of 行政强制法 第四十条 applies): the
    // court now carries the enforcement, which is what lifts the unpaid fine's block.
    const closing = await step('closing', '2027-04-30T02:00:00Z', { details: { closing_reason: '其他', execution_summary: '当事人逾期未缴纳罚款，经催告仍未履行，已于2027年4月29日申请方城县人民法院强制执行' } });
    await issue('closing_approval', closing.id, { closing_reason: '其他' });
    const detail = (await h().get(base())).json();
    expect(detail.matter.status).toBe('closed');
    expect(detail.steps.find((s: { id: string }) => s.id === closing.id)).toMatchObject({ status: 'approved' });
    const deadlines = (await h().get(`${base()}/deadlines`)).json();
    expect(deadlines).toEqual([
      expect.objectContaining({ ruleKey: 'finePayment', due: '2026-11-11', doneOn: null, state: 'overdue', blocksClosing: false, act: '缴清罚款' }),
      expect.objectContaining({ due: '2026-12-07', doneOn: '2026-10-26', state: 'met', act: '作出行政处罚决定' }),
    ]);
  });

  it('INT-1 every act above left its audit event, in order, by the person who did it (handler H, reviewer R, head A, legal reviewer L)', async () => {
    const events = await t.ctx.db.select().from(auditEvents).where(eq(auditEvents.agencyId, team.agency.id)).orderBy(auditEvents.seq);
    const who = (id: string | null) => ({ [team.handler.user.id]: 'H', [team.reviewer.user.id]: 'R', [team.approver.user.id]: 'A', [legalUser.id]: 'L' })[id ?? ''] ?? '?';
    const acts = events.filter((e) => !e.action.endsWith('.viewed')).map((e) => `${who(e.actorUserId)} ${e.action}`);
    const story = acts.slice(acts.indexOf('H matter.created'));
    const rec = ['H matter.step_recorded'];
    const approved = [...rec, 'R matter.step_reviewed', 'A matter.step_approved'];
    const doc = ['H document.created', 'H document.issued'];
    expect(story).toEqual([
      'H matter.created', ...rec, // complaint registered
      ...approved, ...doc, // filing + 立案审批表
      ...rec, ...doc, ...rec, ...doc, // inspection, questioning
      ...rec, ...doc, // investigation report
      ...rec, ...doc, 'H service.recorded', // 事先告知书 served by post
      'H rights.statement_recorded', 'H rights.statement_reviewed',
      'H rights.hearing_requested', 'H rights.hearing_requested',
      ...doc, 'H service.recorded', 'H rights.hearing_scheduled', // 听证通知书 served, then the hearing scheduled
      ...rec, ...doc, ...doc, 'H rights.hearing_held', // hearing + 听证笔录, 听证报告
      'H legal_review.assessed', 'H legal_review.submitted', 'L legal_review.decided', 'L document.issued', // opinion
      ...approved, ...doc, // decision + 决定书
      'H service.recorded', ...rec, // 留置送达 and its lifecycle step
      ...rec, // 加处罚款 (the wrong figure and the refused 结案 leave nothing)
      ...rec, ...doc, 'H service.recorded', ...rec, // 催告 + 催告书 served directly, and its lifecycle step
      ...rec, ...doc, // court application + 强制执行申请书 (the two refused ones leave nothing)
      ...approved, ...doc, // 结案 + 结案审批表
    ]);
  });
});
