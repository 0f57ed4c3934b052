import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CRITERIA } from '../../src/rules/legal-review/criteria.js';
import { exampleOfficers } from '../../src/rules/documents/examples.js';
import { exampleClosing, exampleOnTheSpotReport, exampleSimpleProcedurePenalty } from '../../src/rules/matters/step-facts/examples.js';
import { makeEnforcementTeam } from '../support/factories.js';
import { client, signInAs, type Session } from '../support/http-client.js';
import { adminPassword, startTestApp, type TestApp } from '../support/test-app.js';

type Team = Awaited<ReturnType<typeof makeEnforcementTeam>>;

const citizen = { kind: 'natural', name: '张某', idType: 'resident_id', idNumber: '210421199001011234', address: '抚顺县石文镇文化路8号' };
const company = { kind: 'legal', name: '抚顺县某某网吧', idType: 'uscc', idNumber: '91210421MA0XXXXX1K' };

/** The 当场处罚决定书 as the officer fills it on the tablet. */
const onTheSpotDecision = (fine: number) => ({
  party: { kind: 'natural', name: citizen.name, idNumber: citizen.idNumber, address: citizen.address },
  procedure: '简易程序',
  facts: '当事人在经营场所内擅自张贴未经审批的演出广告',
  statements_review: '当事人称广告系他人张贴，经复核不予采纳',
  penalty_content: `罚款 ${fine} 元`,
  fine_amount: fine,
  performance: '自收到本决定书之日起十五日内缴至指定银行',
  remedy_notice: '如不服本决定，可以在收到本决定书之日起六十日内申请行政复议，或者在六个月内依法提起行政诉讼。',
  simple_procedure_basis: '违法事实确凿并有法定依据（行政处罚法 第五十一条）',
  decided_on: '2026-03-02',
  officers_present: exampleOfficers,
  legal_basis: [{ law: '营业性演出管理条例', article: '第四十六条' }],
  evidence_relied_on: [{ description: '现场照片' }],
  factors_considered: '初次违法，情节轻微',
  maker: '王建国',
  reviewer: '张队长',
});

// CASE-6 the simple procedure on the spot within 行政处罚法 第五十一条's limits, reported to the
// agency (第五十二条); CASE-12 the end refused while a decision is unserved, then allowed.
describe('简易程序 and 结案 through HTTP (CASE-6, CASE-12)', () => {
  let t: TestApp;
  let admin: Session;
  let team: Team;
  const as = () => client(t.app, team.handler.session);
  const matters = () => `/api/agencies/${team.agency.id}/matters`;
  const step = (matterId: string, name: string, details?: unknown) => as().post(`${matters()}/${matterId}/steps`, { step: name, occurredAt: t.clock.now().toISOString(), place: '抚顺县石文镇文化路8号', details });
  const open = async (party: typeof citizen | typeof company) => {
    const res = await as().post(matters(), { category: 'penalty_simple', startRoute: 'ex_officio', title: '擅自张贴演出广告', parties: [party], officerIds: [team.handler.officer.id, team.secondOfficer.id] });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id as string;
  };

  beforeAll(async () => {
    t = await startTestApp();
    admin = await signInAs(t.app, 'admin', adminPassword);
    team = await makeEnforcementTeam(t.app, admin);
  });
  afterAll(() => t?.close());

  it('CASE-6 行政处罚法 第五十一条: an organisation fined 3,000.01 元 on the spot is refused (409) with the article; nothing recorded', async () => {
    const id = await open(company);
    const res = await step(id, 'simple_procedure_penalty', exampleSimpleProcedurePenalty({ kind: 'legal', name: company.name }, 3000.01));
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'OUT_OF_ORDER' });
    expect(res.json().message).toContain('第五十一条');
    expect(res.json().message).toContain('3,000 元以下');
    expect((await as().get(`${matters()}/${id}`)).json().steps).toEqual([]);
    expect((await step(id, 'simple_procedure_penalty', exampleSimpleProcedurePenalty({ kind: 'legal', name: company.name }, 3000))).statusCode).toBe(201);
  });

  it('CASE-6 CASE-12 a citizen: 200.01 元 refused, 200 元 recorded; reported (第五十二条); closing refused naming the unserved decision, then allowed', async () => {
    const id = await open(citizen);
    const over = await step(id, 'simple_procedure_penalty', exampleSimpleProcedurePenalty({ kind: 'natural', name: citizen.name }, 200.01));
    expect(over.statusCode).toBe(409);
    expect(over.json().message).toMatch(/200\.01 元超过当场处罚的限额.*200 元以下.*第五十一条/);

    const gaps = await step(id, 'simple_procedure_penalty', { party: { kind: 'natural', name: citizen.name } });
    expect(gaps.statusCode).toBe(400);
    expect(gaps.json().details.issues.map((i: { field: string }) => i.field)).toEqual(expect.arrayContaining(['identity_shown', 'rights_told', 'decision_number', 'handover']));

    const penalty = await step(id, 'simple_procedure_penalty', exampleSimpleProcedurePenalty({ kind: 'natural', name: citizen.name }, 200));
    expect(penalty.statusCode, penalty.body).toBe(201);
    expect(penalty.json().details).toMatchObject({ penalty_kind: '罚款', fine_amount: 200, decision_number: '抚文当罚〔2026〕1号' });

    // The 当场处罚决定书 issued from the step (REV-2 asks whether it is major first).
    const answers = Object.fromEntries(DEFAULT_CRITERIA.map((c) => [c.id, false]));
    expect((await as().post(`${matters()}/${id}/legal-review/assessment`, { proposal: { measures: ['fine'] }, answers })).statusCode).toBe(201);
    const doc = await as().post(`${matters()}/${id}/documents`, { typeId: 'penalty_decision', stepId: penalty.json().id, fields: onTheSpotDecision(200) });
    expect(doc.statusCode, doc.body).toBe(201);
    const issued = await as().post(`/api/agencies/${team.agency.id}/documents/${doc.json().id}/issue`);
    expect(issued.statusCode, issued.body).toBe(200);

    t.clock.advance(60_000);
    expect((await step(id, 'service')).statusCode).toBe(201);
    const early = await step(id, 'closing', exampleClosing());
    expect(early.statusCode).toBe(409);
    expect(early.json().message).toContain('当场处罚备案');
    expect((await step(id, 'on_the_spot_report', exampleOnTheSpotReport())).statusCode).toBe(201);

    const readiness = (await as().get(`${matters()}/${id}/closing-readiness`)).json();
    expect(readiness).toEqual({ ready: false, gaps: [{ kind: 'service', text: '“行政处罚决定书”尚未向当事人“张某”送达', waivedByTermination: false }] });
    const refused = await step(id, 'closing', exampleClosing());
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ code: 'OUT_OF_ORDER', details: { reason: 'STEP_FACTS', missing: ['“行政处罚决定书”尚未向当事人“张某”送达'] } });
    // 终结执行 does not excuse an unserved decision.
    const terminated = await step(id, 'closing', { closing_reason: '终结执行', execution_summary: '无法执行', termination_ground: '执行标的灭失', termination_reason: '—' });
    expect(terminated.statusCode).toBe(409);

    const partyId = (await as().get(`${matters()}/${id}`)).json().parties[0].id;
    const service = await as().post(`${matters()}/${id}/services`, { documentId: doc.json().id, partyId, method: 'direct', servedAt: t.clock.now().toISOString(), place: '抚顺县石文镇文化路8号', details: { recipientName: '张某', relation: '本人', signed: true } });
    expect(service.statusCode, service.body).toBe(201);
    // CASE-11: the fine is still unpaid, which keeps execution open; the party pays on the spot.
    expect((await as().get(`${matters()}/${id}/closing-readiness`)).json().gaps.map((g: { text: string }) => g.text)).toEqual([expect.stringContaining('缴清罚款尚未完成')]);
    const paidOn = new Date(t.clock.now().getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
    const paid = await as().post(`${matters()}/${id}/payments`, { partyId, amountFen: 20_000, paidOn, receiptNumber: '辽非税 2104210001', method: 'on_the_spot', purpose: 'fine' });
    expect(paid.statusCode, paid.body).toBe(201);
    expect((await as().get(`${matters()}/${id}/closing-readiness`)).json()).toEqual({ ready: true, gaps: [] });
    const closed = await step(id, 'closing', exampleClosing());
    expect(closed.statusCode, closed.body).toBe(201);
    expect(closed.json().details).toEqual(exampleClosing());
    expect((await as().get(`${matters()}/${id}`)).json().matter.status).toBe('closed');
  });
});
