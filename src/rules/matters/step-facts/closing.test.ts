import { describe, expect, it } from 'vitest';
import { createCalendar } from '../../calendar/index.js';
import { closingDocuments } from '../../documents/catalogue/closing.js';
import { SEIZURE_TERM } from '../../law/law-deadlines.js';
import { seizureDue } from '../../law/seizure.js';
import { deadlineState, type MatterDeadline } from '../../matter-deadlines/index.js';
import { CLOSING_REASONS, closingGaps, closingProblems } from './closing.js';
import { exampleClosing } from './examples.js';
import { checkStepFacts, type StepFactsContext } from './index.js';

const party = { id: 'p1', kind: 'legal', name: '抚顺县某某网吧' };
const other = { id: 'p2', kind: 'natural', name: '王某' };
const decision = { id: 'd1', typeId: 'penalty_decision', status: 'issued', stepId: 's1', issuedAt: new Date('2026-03-02T02:00:00Z'), fields: { party: { kind: 'legal', name: party.name } } };
const served = { documentId: 'd1', documentTypeId: 'penalty_decision', partyId: 'p1', servedDay: '2026-03-02', method: 'direct' };
const ctx = (over: Partial<StepFactsContext> = {}): StepFactsContext => ({
  category: 'penalty_general', step: 'closing', occurredAt: new Date('2026-03-20T02:00:00Z'), occurredOn: '2026-03-20',
  steps: [], parties: [party, other], documents: [decision], services: [served], calendar: createCalendar({ notices: [] }), rollOverAgencyDays: false, ...over,
});
const close = (values: Record<string, unknown>, over: Partial<StepFactsContext> = {}) => checkStepFacts(values, ctx(over));

/** A seizure decided on 03-10: 行政强制法 第二十五条 gives it to 04-09; released on `releasedOn` or not. */
const seizure = (releasedOn: string | null, today = '2026-03-20'): MatterDeadline => {
  const due = seizureDue('2026-03-10', []);
  if (!due.ok) throw new Error(due.message);
  return { key: 'seizureTerm:x', rule: SEIZURE_TERM, subject: '扣押决定（2026-03-10）', startedOn: '2026-03-10', due: due.due, doneOn: releasedOn, state: deadlineState(due.due, releasedOn, today), act: '作出解除或处理扣押的决定', blocksClosing: true };
};
const termination = { closing_reason: '终结执行', execution_summary: '扣押物品灭失，无法处理', termination_ground: '执行标的灭失', termination_reason: '扣押的鲜活物品已腐烂灭失' };

describe('结案 (CASE-12, S1 第二十七条、第三十一条, 行政强制法 第四十条)', () => {
  it('CASE-12: the 结案情形 are the 结案审批表\'s, so the form and the approval table agree', () => {
    const field = closingDocuments.find((d) => d.id === 'closing_approval')!.fields.find((f) => f.key === 'closing_reason')!;
    expect(field.options!.map((o) => o.value)).toEqual([...CLOSING_REASONS]);
  });

  it('CASE-12: a served matter with nothing running closes', () => {
    expect(close(exampleClosing())).toEqual({ ok: true, values: exampleClosing() });
  });

  it('CASE-12 S1 第二十二条: an issued decision not served on its party refuses the closing, naming document and party', () => {
    const r = close(exampleClosing(), { services: [] });
    expect(r).toEqual({ ok: false, issues: [], problems: ['“行政处罚决定书”尚未向当事人“抚顺县某某网吧”送达'] });
  });

  it('CASE-12: a service on another party does not count; a document naming no matter party needs every party', () => {
    expect(closingGaps({ ...ctx({ services: [{ ...served, partyId: 'p2' }] }), today: '2026-03-20' }).map((g) => g.text)).toEqual(['“行政处罚决定书”尚未向当事人“抚顺县某某网吧”送达']);
    const unnamed = { ...decision, fields: {} };
    expect(closingGaps({ ...ctx({ documents: [unnamed] }), today: '2026-03-20' }).map((g) => g.text)).toEqual(['“行政处罚决定书”尚未向当事人“王某”送达']);
  });

  it('CASE-12: drafts and documents not issued to the party (结案审批表) need no service', () => {
    const docs = [{ ...decision, status: 'draft' }, { ...decision, id: 'd2', typeId: 'closing_approval' }];
    expect(close(exampleClosing(), { documents: docs, services: [] }).ok).toBe(true);
  });

  it('CASE-12 行政强制法 第五十五条: papers for another authority (强制执行申请书 to the court, 案件移送函) are not served on the party', () => {
    const docs = [decision, { ...decision, id: 'd3', typeId: 'court_enforcement_application' }, { ...decision, id: 'd4', typeId: 'case_transfer_letter' }];
    expect(close(exampleClosing(), { documents: docs }).ok).toBe(true);
  });

  it('CASE-12 DOC-4: an issued correction replaces the earlier version — only the latest must be served', () => {
    const v1 = { ...decision, lineageId: 'L', version: 1 };
    const v2 = { ...decision, id: 'd2', lineageId: 'L', version: 2 };
    expect(closingGaps({ ...ctx({ documents: [v1, v2] }), today: '2026-03-20' }).map((g) => g.text)).toEqual(['“行政处罚决定书”尚未向当事人“抚顺县某某网吧”送达']);
    expect(close(exampleClosing(), { documents: [v1, v2], services: [{ ...served, documentId: 'd2' }] }).ok).toBe(true);
    expect(close(exampleClosing(), { documents: [v1, { ...v2, status: 'draft' }] }).ok).toBe(true);
  });

  it('行政强制法 第二十五条: a seizure still running (not released or decided) refuses the closing with its due day', () => {
    const gaps = closingGaps({ ...ctx(), today: '2026-03-20' }, [seizure(null)]);
    expect(closingProblems(gaps, '执行完毕')).toEqual(['作出解除或处理扣押的决定（扣押决定（2026-03-10））尚未完成（查封、扣押期限，届满日 2026-04-09）']);
    expect(closingProblems(closingGaps({ ...ctx(), today: '2026-04-20' }, [seizure(null, '2026-04-20')]), '执行完毕')[0]).toContain('已逾期');
    expect(closingGaps({ ...ctx(), today: '2026-03-20' }, [seizure('2026-03-15')])).toEqual([]);
  });

  it('行政强制法 第四十条: 终结执行 with its ground and reason closes despite the running limit; service is still needed', () => {
    const gaps = closingGaps({ ...ctx(), today: '2026-03-20' }, [seizure(null)]);
    expect(closingProblems(gaps, '终结执行')).toEqual([]);
    const unserved = closingGaps({ ...ctx({ services: [] }), today: '2026-03-20' }, [seizure(null)]);
    expect(closingProblems(unserved, '终结执行')).toEqual(['“行政处罚决定书”尚未向当事人“抚顺县某某网吧”送达']);
    expect(close(termination).ok).toBe(true);
  });

  it('行政强制法 第四十条: 终结执行 without its ground and reason is refused with both fields named', () => {
    const r = close({ closing_reason: '终结执行', execution_summary: '无法执行' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues.map((i) => i.path).sort()).toEqual(['termination_ground', 'termination_reason']);
  });

  it('S1 第三十一条: a closing without 结案情形 and 执行情况 is refused with both named', () => {
    const r = close({});
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues.map((i) => i.path).sort()).toEqual(['closing_reason', 'execution_summary']);
  });
});
