import { describe, expect, it } from 'vitest';
import { createCalendar } from '../calendar/index.js';
import { fineStatus, surchargeAsOf } from '../payment/fine-payment.js';
import { matterDeadlines, type MatterDeadlineContext } from './index.js';

const calendar = createCalendar();
const at = (day: string) => new Date(`${day}T10:00:00+08:00`);
const step = (id: string, name: string, day: string, details: Record<string, unknown> | null = null, done = true) => ({ id, step: name, done, occurredAt: at(day), occurredOn: day, details });
const decision = { id: 'dec', typeId: 'penalty_decision', status: 'issued', stepId: null, issuedAt: at('2026-09-20'), fields: { fine_amount: 10_000 } };
const served = { documentId: 'dec', documentTypeId: 'penalty_decision', partyId: 'p', servedDay: '2026-09-22', method: 'direct' };
const pay = (amountFen: number, paidOn: string, purpose: 'fine' | 'surcharge' = 'fine') => ({ id: paidOn, partyId: 'p', amountFen, paidOn, purpose });
const ctx = (today: string, over: Partial<MatterDeadlineContext> = {}): MatterDeadlineContext => ({
  category: 'penalty_general', steps: [], parties: [], documents: [decision], services: [served], payments: [], calendar, today, rollOverAgencyDays: false, ...over,
});
const fine = (c: MatterDeadlineContext) => matterDeadlines(c).find((d) => d.rule.key === 'finePayment');

describe('CASE-11 缴纳罚款 deadline (行政处罚法 第六十七条第三款)', () => {
  it('行政处罚法 第六十七条: served 2026-09-22 → due 2026-10-08 (国庆 roll-over); running, then overdue and blocking the end', () => {
    expect(fine(ctx('2026-10-08'))).toMatchObject({ startedOn: '2026-09-22', due: '2026-10-08', state: 'running', blocksClosing: true });
    expect(fine(ctx('2026-10-09'))).toMatchObject({ state: 'overdue', blocksClosing: true });
  });

  it('行政处罚法 第六十七条: met when payments cover the fine (two parts), late if after the due day', () => {
    expect(fine(ctx('2026-10-20', { payments: [pay(500_000, '2026-10-01'), pay(500_000, '2026-10-08')] }))).toMatchObject({ state: 'met', doneOn: '2026-10-08', blocksClosing: false });
    expect(fine(ctx('2026-10-20', { payments: [pay(500_000, '2026-10-01'), pay(300_000, '2026-10-08', 'surcharge')] }))).toMatchObject({ state: 'overdue' });
    expect(fine(ctx('2026-10-20', { payments: [pay(1_000_000, '2026-10-12')] }))).toMatchObject({ state: 'met_late', doneOn: '2026-10-12' });
  });

  it('行政强制法 第五十三条: after a court application the unpaid fine no longer keeps execution open', () => {
    expect(fine(ctx('2027-01-01', { steps: [step('c', 'court_application', '2026-10-19')] }))).toMatchObject({ state: 'overdue', blocksClosing: false });
  });

  it('行政处罚法 第六十六条: an approved deferral moves the due day; one pending approval does not', () => {
    const deferral = (done: boolean) => step('d', 'payment_deferral', '2026-10-05', { deferral_kind: '延期缴纳', new_due: '2026-12-31', reason: '困难' }, done);
    expect(fine(ctx('2026-11-01', { steps: [deferral(true)] }))).toMatchObject({ due: '2026-12-31', state: 'running', subject: '经批准延期缴纳' });
    expect(fine(ctx('2026-11-01', { steps: [deferral(false)] }))).toMatchObject({ due: '2026-10-08', state: 'overdue' });
  });

  it('行政处罚法 第六十六条: approved instalments → due on the last instalment, surcharge only after it', () => {
    const plan = step('d', 'payment_deferral', '2026-10-05', { deferral_kind: '分期缴纳', instalments: [{ due: '2026-12-01', amount: 5000 }, { due: '2026-11-01', amount: 5000 }], reason: '困难' });
    const c = ctx('2026-12-03', { steps: [plan] });
    expect(fine(c)).toMatchObject({ due: '2026-12-01', state: 'overdue', subject: '经批准分期缴纳' });
    expect(surchargeAsOf(fineStatus(c)!, '2026-12-03')).toMatchObject({ daysLate: 2, surchargeFen: 60_000 });
  });

  it('no clock before the decision is served, and none for a decision without a fine', () => {
    expect(fine(ctx('2026-11-01', { services: [] }))).toBeUndefined();
    expect(fine(ctx('2026-11-01', { documents: [{ ...decision, fields: {} }] }))).toBeUndefined();
  });

  it('行政处罚法 第七十二条; 行政强制法 第四十五条: surcharge to today, to the day paid, capped at the fine', () => {
    const status = fineStatus(ctx('2026-10-18'))!;
    expect(surchargeAsOf(status, '2026-10-18')).toMatchObject({ daysLate: 10, surchargeFen: 300_000, capped: false });
    expect(surchargeAsOf(status, '2026-11-12')).toMatchObject({ daysLate: 35, surchargeFen: 1_000_000, capped: true });
    expect(surchargeAsOf(fineStatus(ctx('2026-11-12', { payments: [pay(1_000_000, '2026-10-10')] }))!, '2026-11-12')).toMatchObject({ daysLate: 2, surchargeFen: 60_000 });
  });
});

describe('CASE-11 整改核查 deadline (S1 第二十七条)', () => {
  const order = step('o', 'rectification_order', '2026-09-28', { correction_content: '拆除违规招牌', due_on: '2026-10-08', basis: 'x' });
  const check = (day: string, checkedOn: string) => step(`c${day}`, 'rectification_check', day, { checked_on: checkedOn, result: '已整改', findings: 'x' });
  const rect = (c: MatterDeadlineContext) => matterDeadlines(c).find((d) => d.rule.key === 'rectificationCheck');

  it('S1 第二十七条: due on the order\'s day; no check after it → overdue and blocking the end', () => {
    expect(rect(ctx('2026-10-08', { steps: [order] }))).toMatchObject({ due: '2026-10-08', state: 'running', blocksClosing: true, subject: '拆除违规招牌' });
    expect(rect(ctx('2026-10-09', { steps: [order] }))).toMatchObject({ state: 'overdue', blocksClosing: true });
  });

  it('S1 第二十七条: a check on the due day is met; a later one is late; either closes it', () => {
    expect(rect(ctx('2026-10-20', { steps: [order, check('2026-10-08', '2026-10-08')] }))).toMatchObject({ state: 'met', doneOn: '2026-10-08', blocksClosing: false });
    expect(rect(ctx('2026-10-20', { steps: [order, check('2026-10-12', '2026-10-12')] }))).toMatchObject({ state: 'met_late', blocksClosing: false });
  });
});
