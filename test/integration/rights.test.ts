import { like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../../src/db/schema/index.js';
import { DEFAULT_CRITERIA } from '../../src/rules/legal-review/criteria.js';
import { makeEnforcementTeam } from '../support/factories.js';
import { client, signInAs, type Session } from '../support/http-client.js';
import { rightsNoticeFields, STEPS_TO_RIGHTS_NOTICE } from '../support/rights.js';
import { runPendingJobs } from '../support/jobs.js';
import { adminPassword, startTestApp, type TestApp } from '../support/test-app.js';

type Team = Awaited<ReturnType<typeof makeEnforcementTeam>>;

// CASE-8, CASE-9: the party's answer to a 行政处罚事先告知书 served by post on 2026-09-29 — statements
// and their 复核, hearing requests on day 5 (accepted) and day 6 (refused) across 国庆 2026,
// the hearing notified 7 working days ahead and held, 回避 and a refusal to cooperate.
describe('当事人权利: statements, hearings, 回避, refusals (CASE-8, CASE-9)', () => {
  let t: TestApp;
  let admin: Session;
  let team: Team;
  let matterId: string;
  let partyId: string;
  let noticeId: string;
  const as = () => client(t.app, team.handler.session);
  const base = () => `/api/agencies/${team.agency.id}/matters/${matterId}`;
  const moveTo = async (instant: string) => {
    t.clock.advance(Date.parse(instant) - t.clock.now().getTime());
    for (const role of ['handler', 'reviewer', 'approver'] as const) team[role].session = await signInAs(t.app, team[role].user.username, 'User-pass-2026');
  };

  beforeAll(async () => {
    t = await startTestApp();
    admin = await signInAs(t.app, 'admin', adminPassword);
    team = await makeEnforcementTeam(t.app, admin);
    const party = { kind: 'legal', name: '抚顺县某某网吧', idType: 'uscc', idNumber: '91210421MA0XXXXX1K', address: '抚顺县石文镇文化路8号' };
    const m = (await as().post(`/api/agencies/${team.agency.id}/matters`, { category: 'penalty_general', startRoute: 'ex_officio', title: '擅自从事上网服务经营', parties: [party], officerIds: [team.handler.officer.id, team.secondOfficer.id] })).json();
    matterId = m.id;
    let stepId = '';
    for (const step of STEPS_TO_RIGHTS_NOTICE) {
      t.clock.advance(60_000);
      const s = (await as().post(`${base()}/steps`, { step, occurredAt: t.clock.now().toISOString() })).json();
      stepId = s.id;
      if (s.status === 'pending') for (const who of [team.reviewer, team.approver]) await client(t.app, who.session).post(`${base()}/steps/${s.id}/decision`, { decision: 'approve', opinion: '同意' });
    }
    partyId = (await as().get(base())).json().parties[0].id;
    await moveTo('2026-09-25T02:00:00Z');
    const draft = await as().post(`${base()}/documents`, { typeId: 'penalty_rights_notice', stepId, fields: rightsNoticeFields() });
    expect(draft.statusCode, draft.body).toBe(201);
    noticeId = draft.json().id;
    const issued = await as().post(`/api/agencies/${team.agency.id}/documents/${noticeId}/issue`);
    expect(issued.statusCode, issued.body).toBe(200);
  });
  afterAll(() => t?.close());

  it('CASE-9 no 事先告知书 served: a hearing request and statements are refused 409 OUT_OF_ORDER naming the notice, nothing stored', async () => {
    const req = await as().post(`${base()}/hearing-requests`, { partyId, channel: 'in_person', requestDay: '2026-09-25' });
    expect(req.statusCode).toBe(409);
    expect(req.json()).toMatchObject({ code: 'OUT_OF_ORDER' });
    expect(req.json().message).toContain('行政处罚事先告知书尚未送达');
    const st = await as().post(`${base()}/statements`, { partyId, form: 'oral', at: t.clock.now().toISOString(), content: '我们不知道需要许可' });
    expect(st.json().code).toBe('OUT_OF_ORDER');
    expect((await as().get(`${base()}/rights`)).json()).toMatchObject({ records: [], windows: [], partiesNotServed: [{ partyName: '抚顺县某某网吧' }] });
  });

  it('CASE-9 SRV-2 served by post (receipt back 2026-09-29): the window shows due 2026-10-12 (5 working days over 国庆), open', async () => {
    await moveTo('2026-09-29T08:00:00Z');
    const served = await as().post(`${base()}/services`, { documentId: noticeId, partyId, method: 'post', servedAt: '2026-09-25T03:00:00Z', details: { postKind: 'registered', trackingNumber: 'XA123456789CN', receiptReturnedOn: '2026-09-29' } });
    expect(served.statusCode, served.body).toBe(201);
    const view = (await as().get(`${base()}/rights`)).json();
    expect(view.windows).toEqual([expect.objectContaining({ partyName: '抚顺县某某网吧', servedDay: '2026-09-29', due: '2026-10-12', state: 'open', stateLabel: '申请期内' })]);
    expect(view.partiesNotServed).toEqual([]);
  });

  it('CASE-8 行政处罚法 第四十五条: statements recorded; 不予采纳 without reasons 400, with reasons 201', async () => {
    const st = await as().post(`${base()}/statements`, { partyId, form: 'written', at: '2026-09-29T07:00:00Z', content: '当事人称系亲属代为经营，不知情。' });
    expect(st.statusCode, st.body).toBe(201);
    expect(st.json()).toMatchObject({ kind: 'statement', kindLabel: '陈述、申辩', partyName: '抚顺县某某网吧', occurredDay: '2026-09-29' });
    const bare = await as().post(`${base()}/statements/${st.json().id}/review`, { result: 'not_adopted' });
    expect(bare.statusCode).toBe(400);
    expect(bare.json().message).toContain('理由');
    const review = await as().post(`${base()}/statements/${st.json().id}/review`, { result: 'not_adopted', reasons: '营业执照登记的经营者为当事人本人，所述与询问笔录不符。' });
    expect(review.statusCode, review.body).toBe(201);
    expect(review.json()).toMatchObject({ kind: 'statement_review', relatedId: st.json().id, outcome: 'not_adopted', outcomeLabel: '不予采纳' });
    const waiver = await as().post(`${base()}/statements`, { partyId, waived: true, form: 'written', at: '2026-09-29T07:30:00Z', content: '当事人书面声明放弃听证以外的陈述、申辩' });
    expect(waiver.json()).toMatchObject({ kind: 'waiver', details: { waived: true } });
    expect((await as().post(`${base()}/statements/${waiver.json().id}/review`, { result: 'adopted' })).statusCode).toBe(404);
    expect((await as().get(`${base()}/statements`)).json().map((r: { kind: string }) => r.kind)).toEqual(['statement', 'waiver', 'statement_review']);
  });

  it('CASE-9 行政处罚法 第六十四条: a request on day 6 (2026-10-13) is refused with the reason and kept; on day 5 (2026-10-12, posted) accepted', async () => {
    await moveTo('2026-10-13T02:00:00Z');
    const late = await as().post(`${base()}/hearing-requests`, { partyId, channel: 'in_person', requestDay: '2026-10-13', content: '要求举行听证' });
    expect(late.statusCode, late.body).toBe(201);
    expect(late.json()).toMatchObject({ outcome: 'refused', outcomeLabel: '不予受理', details: { due: '2026-10-12', noticeServedDay: '2026-09-29' } });
    expect(late.json().details.reason).toContain('2026-10-12');
    expect((await as().get(`${base()}/rights`)).json().windows[0]).toMatchObject({ state: 'expired' });
    const posted = await as().post(`${base()}/hearing-requests`, { partyId, channel: 'post', requestDay: '2026-10-12' });
    expect(posted.json()).toMatchObject({ outcome: 'accepted', outcomeLabel: '受理', details: { reason: null } });
    expect((await as().get(`${base()}/hearing-requests`)).json()).toHaveLength(2);
    expect((await as().get(`${base()}/rights`)).json().windows[0]).toMatchObject({ state: 'requested', stateLabel: '已申请' });
  });

  let scheduleId = '';
  it('CASE-9 行政处罚法 第六十四条第（二）、（四）项: host who is a matter officer 400; refused request 409; 7 working days after the notice', async () => {
    const requests = (await as().get(`${base()}/hearing-requests`)).json() as { id: string; outcome: string }[];
    const accepted = requests.find((r) => r.outcome === 'accepted');
    const refused = requests.find((r) => r.outcome === 'refused');
    const plan = { hearingRequestId: accepted!.id, scheduledAt: '2026-10-23T01:30:00Z', place: '执法队三楼听证室', hostName: '法制科 张某', public: true, noticeServedOn: '2026-10-13' };
    const byId = await as().post(`${base()}/hearings`, { ...plan, hostOfficerId: team.handler.officer.id, hostName: '承办人' });
    expect(byId.statusCode).toBe(400);
    expect(byId.json().message).toContain('第六十四条第（四）项');
    expect((await as().post(`${base()}/hearings`, { ...plan, hostName: '协办执法员' })).statusCode).toBe(400);
    expect((await as().post(`${base()}/hearings`, { ...plan, hearingRequestId: refused!.id })).json().code).toBe('OUT_OF_ORDER');
    const early = await as().post(`${base()}/hearings`, { ...plan, scheduledAt: '2026-10-22T01:30:00Z' });
    expect(early.statusCode).toBe(400);
    expect(early.json().message).toContain('2026-10-23');
    const ok = await as().post(`${base()}/hearings`, plan);
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json()).toMatchObject({ kind: 'hearing_scheduled', occurredDay: '2026-10-23', details: { hostName: '法制科 张某', public: true, noticeServedOn: '2026-10-13' } });
    scheduleId = ok.json().id;
  });

  it('CASE-9 行政处罚法 第六十四条: held earlier than allowed 400; without a recorded notice 409; held on 2026-10-23 201, once', async () => {
    await moveTo('2026-10-23T06:00:00Z');
    const held = { heldAt: '2026-10-23T01:30:00Z', attendees: '当事人委托代理人 赵某；调查人员 王建国、李晓红', summary: '当事人对事实无异议，对罚款数额提出异议。' };
    const early = await as().post(`${base()}/hearings/${scheduleId}/held`, { ...held, heldAt: '2026-10-22T01:30:00Z' });
    expect(early.statusCode).toBe(400);
    expect(early.json().message).toContain('第六十四条第（二）项');
    const ok = await as().post(`${base()}/hearings/${scheduleId}/held`, held);
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json()).toMatchObject({ kind: 'hearing_held', relatedId: scheduleId, occurredDay: '2026-10-23' });
    expect((await as().post(`${base()}/hearings/${scheduleId}/held`, held)).statusCode).toBe(409);
    const accepted = (await as().get(`${base()}/hearing-requests`)).json().find((r: { outcome: string }) => r.outcome === 'accepted');
    const unnoticed = await as().post(`${base()}/hearings`, { hearingRequestId: accepted.id, scheduledAt: '2026-11-20T01:30:00Z', place: '听证室', hostName: '法制科 张某', public: false });
    expect(unnoticed.statusCode, unnoticed.body).toBe(201);
    const missing = await as().post(`${base()}/hearings/${unnoticed.json().id}/held`, held);
    expect(missing.statusCode).toBe(409);
    expect(missing.json()).toMatchObject({ code: 'OUT_OF_ORDER' });
    expect(missing.json().message).toContain('听证通知书');
  });

  it('CASE-8 行政处罚法 第四十三条: 回避 request and its decision (a refusal states why; one decision only)', async () => {
    const req = await as().post(`${base()}/recusal-requests`, { partyId, at: '2026-10-20T02:00:00Z', officerId: team.secondOfficer.id, against: '协办执法员', reason: '与当事人有经营竞争关系' });
    expect(req.statusCode, req.body).toBe(201);
    const url = `${base()}/recusal-requests/${req.json().id}/decision`;
    expect((await as().post(url, { decision: 'refused', decidedBy: '局长 刘某', at: '2026-10-21T02:00:00Z' })).statusCode).toBe(400);
    const d = await as().post(url, { decision: 'refused', decidedBy: '局长 刘某', at: '2026-10-21T02:00:00Z', reason: '经核查无利害关系' });
    expect(d.json()).toMatchObject({ kind: 'recusal_decision', outcome: 'refused', outcomeLabel: '驳回申请' });
    expect((await as().post(url, { decision: 'granted', decidedBy: '局长 刘某', at: '2026-10-21T03:00:00Z' })).statusCode).toBe(409);
    expect((await as().get(`${base()}/recusal-requests`)).json()).toHaveLength(2);
  });

  it('CASE-8 S1 第十一条: a refusal to cooperate without a witness or AV 400; with a witness 201', async () => {
    const bare = await as().post(`${base()}/refusals`, { partyId, at: '2026-10-22T02:00:00Z', what: '拒绝打开仓库接受检查' });
    expect(bare.statusCode).toBe(400);
    expect(bare.json().message).toContain('见证人');
    const ok = await as().post(`${base()}/refusals`, { partyId, at: '2026-10-22T02:00:00Z', what: '拒绝打开仓库接受检查', witnessName: '社区网格员 孙某' });
    expect(ok.json()).toMatchObject({ kind: 'refusal', recordedByName: expect.any(String), details: { witnessName: '社区网格员 孙某' } });
    expect((await as().get(`${base()}/refusals`)).json()).toHaveLength(1);
  });

  it('CASE-8 CASE-9 each record is audited with a commitment; the table refuses UPDATE; the refused requests stored nothing', async () => {
    const events = await t.ctx.db.select().from(auditEvents).where(like(auditEvents.action, 'rights.%'));
    const actions = events.map((e) => e.action).sort();
    expect(actions).toEqual(
      ['rights.hearing_held', 'rights.hearing_requested', 'rights.hearing_requested', 'rights.hearing_scheduled', 'rights.hearing_scheduled', 'rights.recusal_decided', 'rights.recusal_requested', 'rights.refusal_recorded', 'rights.statement_recorded', 'rights.statement_reviewed', 'rights.waiver_recorded'].sort(),
    );
    for (const e of events) expect(e.commitments).toEqual([{ kind: 'rights_record', id: e.objectId, sha256: expect.stringMatching(/^[0-9a-f]{64}$/) }]);
    const id = events[0]!.objectId;
    await expect(t.ctx.db.execute(`update rights_records set outcome = 'accepted' where id = '${id}'`)).rejects.toThrow();
    await expect(t.ctx.db.execute(`delete from rights_records where id = '${id}'`)).rejects.toThrow();
  });

  it('CASE-8 行政处罚法 第四十五条: after statements, a decision fining 15000 where the notice proposed 10000 raises a finding', async () => {
    await moveTo('2026-10-26T02:00:00Z');
    admin = await signInAs(t.app, 'admin', adminPassword);
    expect((await client(t.app, admin).post(`/api/agencies/${team.agency.id}/policy/choose`, { profileId: 's1-fushun-culture-market', basis: '采用' })).statusCode).toBe(201);
    const answers = Object.fromEntries(DEFAULT_CRITERIA.map((c) => [c.id, false]));
    expect((await as().post(`${base()}/legal-review/assessment`, { proposal: { measures: ['warning'] }, answers })).statusCode).toBe(201);
    const step = (await as().post(`${base()}/steps`, { step: 'decision', occurredAt: t.clock.now().toISOString() })).json();
    expect(step.id, JSON.stringify(step)).toBeTruthy();
    for (const who of [team.reviewer, team.approver]) await client(t.app, who.session).post(`${base()}/steps/${step.id}/decision`, { decision: 'approve', opinion: '同意' });
    const { proposed_penalty: _p, proposed_fine: _f, rights: _r, statement_deadline: _s, hearing_deadline: _h, ...common } = rightsNoticeFields();
    const fields = { ...common, procedure: '一般程序', statements_review: '不予采纳', penalty_content: '罚款', fine_amount: 15000, performance: '十五日内缴纳', remedy_notice: '六十日内申请行政复议或六个月内提起行政诉讼', decided_on: '2026-10-26', factors_considered: '无', reviewer: '张队长' };
    const draft = await as().post(`${base()}/documents`, { typeId: 'penalty_decision', stepId: step.id, fields });
    expect(draft.statusCode, draft.body).toBe(201);
    expect((await as().post(`/api/agencies/${team.agency.id}/documents/${draft.json().id}/issue`)).statusCode).toBe(200);
    await runPendingJobs(t);
    const found = (await client(t.app, admin).get(`/api/agencies/${team.agency.id}/findings?kind=heavier_penalty_after_statements`)).json();
    expect(found.items).toEqual([expect.objectContaining({ requirement: 'CASE-8', objectId: draft.json().id })]);
    expect(found.items[0].summary).toContain('15000 元');
  });
});
