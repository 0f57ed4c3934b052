import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../../src/db/schema/index.js';
import { demandFields, executionHelpers } from '../support/execution.js';
import { makeEnforcementTeam } from '../support/factories.js';
import { signInAs } from '../support/http-client.js';
import { adminPassword, startTestApp, type TestApp } from '../support/test-app.js';

type Team = Awaited<ReturnType<typeof makeEnforcementTeam>>;
type Deadline = { ruleKey: string; due: string; state: string; blocksClosing: boolean; doneOn: string | null };

// CASE-10, CASE-11 through HTTP: a fine served, unpaid, surcharged to its cap, 催告ed, applied to a
// court only in the window the law allows, then paid; enforcement at night; a rectification unchecked.
describe('payment, surcharge, 催告, court application, enforcement, rectification (CASE-10, CASE-11)', () => {
  let t: TestApp;
  let team: Team;
  let h: ReturnType<typeof executionHelpers>;
  let m: { matterId: string; documentId: string; partyId: string };
  const to = async (iso: string) => {
    t.clock.advance(Date.parse(iso) - t.clock.now().getTime());
    for (const role of ['handler', 'reviewer', 'approver'] as const) team[role].session = await signInAs(t.app, team[role].user.username, 'User-pass-2026');
  };
  const base = () => `${h.agency()}/matters/${m.matterId}`;
  const account = async () => (await h.as().get(`${base()}/payments`)).json();
  const fineDeadline = async (): Promise<Deadline> => (await h.as().get(`${base()}/deadlines`)).json().find((d: Deadline) => d.ruleKey === 'finePayment');
  const pay = (over: Record<string, unknown> = {}) => h.as().post(`${base()}/payments`, { partyId: m.partyId, amountFen: 1_000_000, paidOn: '2026-10-20', receiptNumber: 'FS-2026-000123', method: 'bank', purpose: 'fine', ...over });

  beforeAll(async () => {
    t = await startTestApp();
    const admin = await signInAs(t.app, 'admin', adminPassword);
    team = await makeEnforcementTeam(t.app, admin);
    h = executionHelpers(t.app, team, () => t.clock.now());
    m = await h.penaltyWithFine(10_000);
  });
  afterAll(() => t?.close());

  it('CASE-11 行政处罚法 第六十七条: served 2026-03-10 → pay by 2026-03-25; the card shows the fine from the decision', async () => {
    expect((await account()).fine).toMatchObject({ fineFen: 1_000_000, servedDay: null, due: null });
    await to('2026-03-10T02:00:00Z');
    await h.serve(m.matterId, m.documentId, m.partyId);
    await h.step(m.matterId, 'service');
    expect((await account()).fine).toMatchObject({ fineFen: 1_000_000, servedDay: '2026-03-10', due: '2026-03-25', paidFineFen: 0, surcharge: { daysLate: 0, surchargeFen: 0 } });
    expect(await fineDeadline()).toMatchObject({ due: '2026-03-25', state: 'running', blocksClosing: true });
  });

  it('CASE-11 行政处罚法 第七十二条: overdue → surcharge to today; a wrong 加处罚款 figure refused with the right one', async () => {
    await to('2026-03-30T02:00:00Z');
    expect((await account()).fine.surcharge).toMatchObject({ asOf: '2026-03-30', daysLate: 5, surchargeFen: 150_000, capped: false });
    expect(await fineDeadline()).toMatchObject({ state: 'overdue', blocksClosing: true });
    const wrong = await h.step(m.matterId, 'late_payment_penalty', { surcharge_days: 5, surcharge_amount: 1000 }, 409);
    expect(wrong.code).toBe('OUT_OF_ORDER');
    expect(wrong.message).toContain('应为 5 日、1,500.00 元');
    await h.step(m.matterId, 'late_payment_penalty', { surcharge_days: 5, surcharge_amount: 1500 });
  });

  it('CASE-11 行政强制法 第四十五条: after 34 days the surcharge stops at the fine', async () => {
    await to('2026-05-01T02:00:00Z');
    expect((await account()).fine.surcharge).toMatchObject({ daysLate: 37, surchargeFen: 1_000_000, capped: true });
  });

  it('CASE-10 行政强制法 第五十四条: no court application without a served 催告书', async () => {
    await to('2026-09-28T02:00:00Z');
    const res = await h.step(m.matterId, 'court_application', { court: '方城县人民法院', applied_on: '2026-09-28', materials: '强制执行申请书等' }, 409);
    expect(res.message).toContain('尚无已送达的催告书');
  });

  it('CASE-10 行政强制法 第五十三、五十四条: 催告 served 2026-09-28 → refused on 2026-10-16 naming 2026-10-17, allowed on 2026-10-19', async () => {
    const reminder = await h.step(m.matterId, 'reminder', { obligation: '缴纳罚款 10,000 元及加处罚款', performance_deadline: '2026-10-09', performance_method: '至指定银行缴纳' });
    const demandId = await h.issue(m.matterId, 'reminder_notice', reminder.id, demandFields('2026-10-09'));
    await h.serve(m.matterId, demandId, m.partyId);
    await to('2026-10-16T02:00:00Z');
    const early = await h.step(m.matterId, 'court_application', { court: '方城县人民法院', applied_on: '2026-10-16', materials: '强制执行申请书等' }, 409);
    expect(early.message).toContain('最早可于2026年10月17日申请');
    await to('2026-10-19T02:00:00Z');
    await h.step(m.matterId, 'court_application', { court: '方城县人民法院', applied_on: '2026-10-19', materials: '强制执行申请书、行政处罚决定书、催告书及送达回证' });
    expect(await fineDeadline()).toMatchObject({ state: 'overdue', blocksClosing: false });
  });

  it('CASE-11 a payment from its receipt: recorded in 分, audited with a commitment; the fine is met late; the row never changes', async () => {
    await to('2026-10-20T02:00:00Z');
    const res = await pay();
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ amountFen: 1_000_000, purposeLabel: '罚款', methodLabel: '指定银行缴纳', partyName: '方城县某某商贸有限公司' });
    expect(await fineDeadline()).toMatchObject({ state: 'met_late', doneOn: '2026-10-20' });
    expect((await account()).fine).toMatchObject({ paidFineFen: 1_000_000, outstandingFineFen: 0, paidOn: '2026-10-20', surcharge: { asOf: '2026-10-20', surchargeFen: 1_000_000 } });
    const [event] = await t.ctx.db.select().from(auditEvents).where(eq(auditEvents.action, 'payment.recorded'));
    expect(event!.commitments).toEqual([{ kind: 'payment', id: res.json().id, sha256: expect.stringMatching(/^[0-9a-f]{64}$/) }]);
    await expect(t.ctx.db.execute(`update payments set amount_fen = 1 where id = '${res.json().id}'`)).rejects.toThrow();
  });

  it('CASE-11 over-payment, a future day, a stranger and bad input are refused; nothing stored', async () => {
    expect((await pay()).json()).toMatchObject({ code: 'VALIDATION_FAILED', message: '罚款已缴清' });
    expect((await pay({ purpose: 'surcharge', amountFen: 1_000_001 })).json().message).toContain('10,000.00 元');
    expect((await pay({ paidOn: '2026-10-21' })).json().message).toBe('缴纳日期不能晚于今天');
    expect((await pay({ partyId: m.documentId, purpose: 'surcharge', amountFen: 100 })).json().message).toBe('缴款人必须是本事项的当事人');
    expect((await pay({ amountFen: 12.5 })).statusCode).toBe(400);
    expect((await account()).payments).toHaveLength(1);
    expect((await pay({ purpose: 'surcharge', amountFen: 1_000_000 })).statusCode).toBe(201);
  });

  it('CASE-11 a matter whose decision states no fine records no payment', async () => {
    const other = await h.penaltyWithFine(0);
    const res = await h.as().post(`${h.agency()}/matters/${other.matterId}/payments`, { partyId: other.partyId, amountFen: 100, paidOn: '2026-10-20', receiptNumber: 'X1', method: 'bank', purpose: 'fine' });
    expect(res.json()).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect((await h.as().get(`${h.agency()}/matters/${other.matterId}/payments`)).json()).toEqual({ fine: null, payments: [] });
  });

  it('CASE-10 行政强制法 第三十七、四十三条: enforcement decision only after the 催告 ran out; at 22:00 refused, urgent with a reason allowed', async () => {
    const matter = (await h.as().post(`${h.agency()}/matters`, { category: 'coercive_execution', startRoute: 'ex_officio', title: '强制清除占道堆放物', unitId: team.unit.id, parties: [{ kind: 'legal', name: '方城县某某物流有限公司', idType: 'uscc', idNumber: '91411322MA0000001X' }], officerIds: [team.handler.officer.id, team.secondOfficer.id] })).json();
    await h.step(matter.id, 'filing');
    const early = await h.step(matter.id, 'reminder', { obligation: '清除占道堆放物', performance_deadline: '2026-10-20', performance_method: '自行清除' }, 409);
    expect(early.message).toContain('履行期限应晚于');
    const reminder = await h.step(matter.id, 'reminder', { obligation: '清除占道堆放物', performance_deadline: '2026-10-22', performance_method: '自行清除' });
    const partyId = (await h.as().get(`${h.agency()}/matters/${matter.id}`)).json().parties[0].id;
    await h.notMajor(matter.id);
    expect((await h.step(matter.id, 'enforcement_decision', {}, 409)).message).toContain('尚无已送达的催告书');
    const demandId = await h.issue(matter.id, 'reminder_notice', reminder.id, demandFields('2026-10-22'));
    await h.serve(matter.id, demandId, partyId);
    expect((await h.step(matter.id, 'enforcement_decision', {}, 409)).message).toContain('第三十七条');
    await to('2026-10-23T02:00:00Z');
    await h.step(matter.id, 'enforcement_decision', {});
    await h.step(matter.id, 'service');
    const night = await h.step(matter.id, 'forced_clearance', { started_at: '2026-10-23T22:00', urgent: '否' }, 409);
    expect(night.message).toContain('不得在夜间实施');
    const noReason = await h.step(matter.id, 'forced_clearance', { started_at: '2026-10-23T22:00', urgent: '是' }, 400);
    expect(noReason.details.issues.map((i: { field: string }) => i.field)).toEqual(['urgent_reason']);
    await h.step(matter.id, 'forced_clearance', { started_at: '2026-10-23T22:00', urgent: '是', urgent_reason: '堆放物阻断消防通道，危及公共安全' });
  });

  it('CASE-11 S1 第二十七条: a rectification whose due day passes without a check is overdue; the check closes it late', async () => {
    const matter = (await h.as().post(`${h.agency()}/matters`, { category: 'inspection', startRoute: 'ex_officio', title: '消防通道检查', unitId: team.unit.id, officerIds: [team.handler.officer.id, team.secondOfficer.id] })).json();
    for (const s of ['inspection_start', 'on_site_inspection', 'inspection_conclusion']) await h.step(matter.id, s);
    await h.step(matter.id, 'rectification_order', { correction_content: '清理消防通道堆放物', due_on: '2026-10-30', basis: '《消防法》第六十条' });
    const rect = async () => (await h.as().get(`${h.agency()}/matters/${matter.id}/deadlines`)).json().find((d: Deadline) => d.ruleKey === 'rectificationCheck');
    expect(await rect()).toMatchObject({ due: '2026-10-30', state: 'running', blocksClosing: true });
    await to('2026-11-02T02:00:00Z');
    expect(await rect()).toMatchObject({ state: 'overdue', blocksClosing: true });
    await h.step(matter.id, 'rectification_check', { checked_on: '2026-11-02', result: '已整改', findings: '堆放物已清理' });
    expect(await rect()).toMatchObject({ state: 'met_late', doneOn: '2026-11-02', blocksClosing: false });
  });

  it('CASE-11 行政处罚法 第六十六条: an approved deferral moves the due day; instalments that do not make up the fine are refused', async () => {
    const other = await h.penaltyWithFine(2_000);
    await h.serve(other.matterId, other.documentId, other.partyId);
    const bad = await h.step(other.matterId, 'payment_deferral', { deferral_kind: '分期缴纳', instalments: [{ due: '2026-12-01', amount: 1000 }, { due: '2027-01-04', amount: 500 }], reason: '经营困难，申请分期' }, 409);
    expect(bad.message).toContain('应等于罚款金额 2,000.00 元');
    const deferral = await h.step(other.matterId, 'payment_deferral', { deferral_kind: '延期缴纳', new_due: '2027-01-04', reason: '经营困难，申请延期' });
    expect(deferral.status).toBe('pending');
    const fine = (await h.as().get(`${h.agency()}/matters/${other.matterId}/payments`)).json().fine;
    expect(fine).toMatchObject({ due: '2027-01-04', deferral: { kind: '延期缴纳', due: '2027-01-04' } });
  });
});
