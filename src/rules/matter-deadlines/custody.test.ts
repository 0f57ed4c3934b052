import { describe, expect, it } from 'vitest';
import { createCalendar } from '../calendar/index.js';
import { matterDeadlines, type MatterDeadlineContext } from './index.js';

// 春节 2026: 02-15…02-23 rest, 02-14 (Sat) and 02-28 (Sat) make-up working days (bundled notice).
const calendar = createCalendar();
const step = (id: string, name: string, day: string, details: Record<string, unknown> | null = null, done = true) =>
  ({ id, step: name, done, occurredAt: new Date(`${day}T02:00:00Z`), occurredOn: day, details });
const ctx = (steps: MatterDeadlineContext['steps'], today: string): MatterDeadlineContext => ({
  category: 'coercive_measure', steps, parties: [], documents: [], services: [], calendar, today, rollOverAgencyDays: true,
});
const items = [{ name: '无证出版物', quantity: 120, unit: '册' }];
const preserved = step('p1', 'evidence_preservation', '2026-02-11', { preservation_form: '先行登记保存', preserved_items: items });
const seized = step('s1', 'seizure', '2026-03-02', { seized_items: items });
const only = (c: MatterDeadlineContext, ruleKey: string) => matterDeadlines(c).filter((d) => d.rule.key === ruleKey);

describe('custody deadlines (CASE-7, CASE-10)', () => {
  it('行政处罚法 第五十六条: registered 2026-02-11 → decide by 2026-02-27 (7 working days over 春节); keeps the matter open', () => {
    const [d] = only(ctx([preserved], '2026-02-12'), 'evidencePreservationDecision');
    expect(d).toMatchObject({ startedOn: '2026-02-11', due: '2026-02-27', state: 'running', blocksClosing: true, subject: '先行登记保存 2026-02-11：无证出版物 120册' });
  });

  it('行政处罚法 第五十六条: decided on 2026-02-27 is met, on 03-02 late; undecided on 02-28 (a make-up working day) is overdue', () => {
    const decision = (day: string, done = true) => step(`d${day}`, 'preservation_decision', day, { preservation_step: 'p1' }, done);
    expect(only(ctx([preserved, decision('2026-02-27')], '2026-03-05'), 'evidencePreservationDecision')[0]!.state).toBe('met');
    expect(only(ctx([preserved, decision('2026-03-02')], '2026-03-05'), 'evidencePreservationDecision')[0]!).toMatchObject({ state: 'met_late', doneOn: '2026-03-02' });
    expect(only(ctx([preserved], '2026-02-28'), 'evidencePreservationDecision')[0]!.state).toBe('overdue');
    expect(only(ctx([preserved, step('x', 'preservation_decision', '2026-02-20', { preservation_step: 'other' })], '2026-02-28'), 'evidencePreservationDecision')[0]!.state).toBe('overdue');
  });

  it('行政处罚法 第五十六条: no clock for a preservation not approved, or in another form than 先行登记保存', () => {
    expect(only(ctx([{ ...preserved, done: false }], '2026-02-12'), 'evidencePreservationDecision')).toEqual([]);
    expect(only(ctx([{ ...preserved, details: { preservation_form: '复制' } }], '2026-02-12'), 'evidencePreservationDecision')).toEqual([]);
  });

  it('行政强制法 第二十五条: seized 2026-03-02 → held until 2026-04-01 (no roll-over of a maximum), keeps the matter open', () => {
    const [d] = only(ctx([seized], '2026-03-05'), 'seizureTerm');
    expect(d).toMatchObject({ startedOn: '2026-03-02', due: '2026-04-01', state: 'running', blocksClosing: true, subject: '扣押 2026-03-02：无证出版物 120册' });
    expect(only(ctx([step('s', 'sealing', '2026-01-15', { term_days: 30 })], '2026-01-16'), 'seizureTerm')[0]!.due).toBe('2026-02-14');
    expect(only(ctx([step('s', 'sealing', '2026-01-24', {})], '2026-01-25'), 'seizureTerm')[0]!.due).toBe('2026-02-23');
  });

  it('行政强制法 第二十五条: an approved extension moves the due day; a pending one does not', () => {
    const ext = (done: boolean) => step('e', 'seizure_extension', '2026-03-30', { seizure_step: 's1', extension_days: 30 }, done);
    expect(only(ctx([seized, ext(true)], '2026-04-02'), 'seizureTerm')[0]).toMatchObject({ due: '2026-05-01', state: 'running' });
    expect(only(ctx([seized, ext(false)], '2026-04-02'), 'seizureTerm')[0]).toMatchObject({ due: '2026-04-01', state: 'overdue' });
  });

  it('行政强制法 第二十七、二十八条: met by the release returning the last of that seizure\'s goods, or by the handling decision', () => {
    const released = step('r', 'seizure_release', '2026-03-20', { seizure_step: 's1', returned_items: items });
    expect(only(ctx([seized, released], '2026-05-01'), 'seizureTerm')[0]).toMatchObject({ state: 'met', doneOn: '2026-03-20' });
    const part = (id: string, day: string, quantity: number, done = true) => step(id, 'seizure_release', day, { seizure_step: 's1', returned_items: [{ name: '无证出版物', quantity }] }, done);
    expect(only(ctx([seized, part('r1', '2026-03-10', 100)], '2026-05-01'), 'seizureTerm')[0]).toMatchObject({ state: 'overdue', doneOn: null });
    expect(only(ctx([seized, part('r1', '2026-03-10', 100), part('r2', '2026-04-03', 20)], '2026-05-01'), 'seizureTerm')[0]).toMatchObject({ state: 'met_late', doneOn: '2026-04-03' });
    expect(only(ctx([seized, part('r1', '2026-03-10', 100), part('r2', '2026-03-12', 20, false)], '2026-05-01'), 'seizureTerm')[0]!.state).toBe('overdue');
    expect(only(ctx([seized, { ...released, details: { seizure_step: 'other' } }], '2026-05-01'), 'seizureTerm')[0]!.state).toBe('overdue');
    expect(only(ctx([seized, step('h', 'handling_decision', '2026-04-03')], '2026-05-01'), 'seizureTerm')[0]).toMatchObject({ state: 'met_late', doneOn: '2026-04-03' });
    expect(only(ctx([{ ...seized, done: false }], '2026-05-01'), 'seizureTerm')).toEqual([]);
  });
});
