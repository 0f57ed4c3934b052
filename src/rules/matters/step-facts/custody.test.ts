import { describe, expect, it } from 'vitest';
import { createCalendar } from '../../calendar/index.js';
import { validateDocumentType } from '../../documents/document-type.js';
import { checkStepFacts, STEP_FACTS, type StepFactsContext } from './index.js';
import { seizureDueOf } from './custody-record.js';

type Steps = StepFactsContext['steps'];
const at = (day: string) => new Date(`${day}T02:00:00Z`);
const step = (id: string, name: string, day: string, details: Record<string, unknown> | null = null, done = true): Steps[number] =>
  ({ id, step: name, done, occurredAt: at(day), occurredOn: day, details });
const ctx = (name: string, day: string, steps: Steps): StepFactsContext => ({
  category: 'coercive_measure', step: name, occurredAt: at(day), occurredOn: day,
  steps, parties: [], documents: [], services: [], calendar: createCalendar(), rollOverAgencyDays: false,
});

const seizedItems = [{ name: '无证出版物', quantity: 120, unit: '册' }, { name: '打印机', quantity: 1, unit: '台' }];
const seizure = (details: Record<string, unknown> = {}) => ({ measure_reason: '涉嫌非法出版', seized_items: seizedItems, custody_place: '局物证室', measure_place: '文化路 8 号', ...details });
const seized = step('s1', 'seizure', '2026-03-02', seizure());
const extension = (details: Record<string, unknown> = {}) => ({ seizure_step: 's1', extension_days: 30, extension_reason: '案情复杂需检验', party_notified_on: '2026-03-30', ...details });
const release = (details: Record<string, unknown> = {}) => ({
  seizure_step: 's1', release_reason: '查封、扣押期限已经届满', returned_items: [{ name: '无证出版物', quantity: 120, unit: '册' }],
  returned_to: '张三', receipt: '当事人或其委托的人签收', signed_by: '张三', returned_at: '2026-03-20T10:00:00+08:00', ...details,
});

const problems = (r: ReturnType<typeof checkStepFacts>) => (r.ok ? [] : r.problems).join('；');

describe('custody step facts (CASE-7, CASE-10)', () => {
  it('every custody form, built for a matter with and without seizures, is a valid field schema', () => {
    for (const [name, facts] of Object.entries(STEP_FACTS)) {
      for (const steps of [[], [seized]]) {
        const fields = facts.fieldsFor?.(ctx(name, '2026-03-02', steps)) ?? facts.fields;
        const asType = { id: 'x', name, categories: ['coercive_measure'], activities: [name], phase: 'investigation', issuedToParty: false, audience: 'internal', signers: [], approval: false, numberPrefix: null, fields, commonRequired: [], minimumOfficers: 0, source: facts.source };
        expect(validateDocumentType(asType), name).toMatchObject({ ok: true });
      }
    }
  });

  it('行政强制法 第二十四条: a seizure records its items, where they are kept and the place; gaps named', () => {
    const r = checkStepFacts({}, ctx('seizure', '2026-03-02', []));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues.map((i) => i.path).sort()).toEqual(['custody_place', 'measure_place', 'measure_reason', 'seized_items']);
    expect(checkStepFacts(seizure(), ctx('seizure', '2026-03-02', [])).ok).toBe(true);
    expect(checkStepFacts(seizure({ term_days: 15 }), ctx('sealing', '2026-03-02', [])).ok).toBe(true);
  });

  it.each([[31], [0], [2.5]])('行政强制法 第二十五条: a term of %s days is refused', (days) => {
    const r = checkStepFacts(seizure({ term_days: days }), ctx('seizure', '2026-03-02', []));
    expect(r.ok).toBe(false);
    if (days === 31) expect(problems(r)).toContain('第二十五条');
  });

  it('行政强制法 第二十五条: the due day is the decided term (30 by default) plus the approved extension', () => {
    expect(seizureDueOf({ steps: [seized] }, seized)).toBe('2026-04-01');
    const short = step('s2', 'sealing', '2026-03-02', seizure({ term_days: 10 }));
    expect(seizureDueOf({ steps: [short] }, short)).toBe('2026-03-12');
    expect(seizureDueOf({ steps: [seized, step('e', 'seizure_extension', '2026-03-30', extension({ extension_days: 20 }))] }, seized)).toBe('2026-04-21');
    expect(seizureDueOf({ steps: [seized, step('e', 'seizure_extension', '2026-03-30', extension(), false)] }, seized)).toBe('2026-04-01');
  });

  it('行政强制法 第二十五条: an extension within the term, ≤ 30 days, the party told in writing, is accepted', () => {
    expect(checkStepFacts(extension(), ctx('seizure_extension', '2026-03-30', [seized]))).toMatchObject({ ok: true });
    expect(checkStepFacts(extension(), ctx('seizure_extension', '2026-04-01', [seized])).ok).toBe(true);
  });

  it('行政强制法 第二十五条: an extension after the term ended, over 30 days, or with the notice after the term is refused', () => {
    expect(problems(checkStepFacts(extension(), ctx('seizure_extension', '2026-04-02', [seized])))).toContain('原期限届满（2026-04-01）前作出');
    expect(problems(checkStepFacts(extension({ extension_days: 31 }), ctx('seizure_extension', '2026-03-30', [seized])))).toContain('第二十五条');
    expect(problems(checkStepFacts(extension({ party_notified_on: '2026-04-05' }), ctx('seizure_extension', '2026-03-30', [seized])))).toContain('书面告知当事人');
  });

  it('行政强制法 第二十五条: a second extension of the same seizure is refused, even while the first awaits approval', () => {
    for (const done of [true, false]) {
      const first = step('e1', 'seizure_extension', '2026-03-20', extension({ extension_days: 10 }), done);
      expect(problems(checkStepFacts(extension({ extension_days: 5 }), ctx('seizure_extension', '2026-03-25', [seized, first])))).toBe('查封、扣押期限只能延长一次（《行政强制法》第二十五条）');
    }
    const other = step('s2', 'sealing', '2026-03-10', seizure());
    const first = step('e1', 'seizure_extension', '2026-03-20', extension({ extension_days: 10 }));
    expect(checkStepFacts(extension({ seizure_step: 's2' }), ctx('seizure_extension', '2026-03-25', [seized, other, first])).ok).toBe(true);
  });

  it('行政强制法 第二十五条: only an approved seizure of the matter can be extended, and not once released', () => {
    expect(checkStepFacts(extension(), ctx('seizure_extension', '2026-03-30', [step('s1', 'seizure', '2026-03-02', seizure(), false)])).ok).toBe(false);
    expect(checkStepFacts(extension({ seizure_step: 'none' }), ctx('seizure_extension', '2026-03-30', [seized])).ok).toBe(false);
    expect(checkStepFacts(extension(), ctx('seizure_extension', '2026-03-30', [{ ...seized, details: null }])).ok).toBe(true);
    const all = step('r', 'seizure_release', '2026-03-20', release({ returned_items: seizedItems }));
    expect(problems(checkStepFacts(extension(), ctx('seizure_extension', '2026-03-30', [seized, all])))).toContain('已全部解除');
    expect(checkStepFacts(extension(), ctx('seizure_extension', '2026-03-30', [seized, step('r', 'seizure_release', '2026-03-20', release())])).ok).toBe(true);
    expect(problems(checkStepFacts(extension(), ctx('seizure_extension', '2026-03-30', [seized, step('h', 'handling_decision', '2026-03-20')])))).toContain('已作出处理决定');
  });

  it('行政强制法 第二十八条: a release returns items of that seizure, signed for or refused before a witness', () => {
    expect(checkStepFacts(release(), ctx('seizure_release', '2026-03-20', [seized]))).toMatchObject({ ok: true });
    const refused = checkStepFacts(release({ receipt: '拒绝签收', signed_by: undefined }), ctx('seizure_release', '2026-03-20', [seized]));
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.issues.map((i) => i.path)).toEqual(['refusal_witness']);
    expect(checkStepFacts(release({ receipt: '拒绝签收', signed_by: undefined, refusal_witness: '李四（社区工作人员）' }), ctx('seizure_release', '2026-03-20', [seized])).ok).toBe(true);
  });

  it('行政强制法 第二十八条: items not in that seizure, or more than still held, are refused', () => {
    expect(problems(checkStepFacts(release({ returned_items: [{ name: '电脑', quantity: 1 }] }), ctx('seizure_release', '2026-03-20', [seized])))).toContain('“电脑”不在该查封、扣押的清单中');
    const partly = step('r1', 'seizure_release', '2026-03-10', release({ returned_items: [{ name: '无证出版物', quantity: 100 }] }));
    expect(problems(checkStepFacts(release(), ctx('seizure_release', '2026-03-20', [seized, partly])))).toContain('超过尚未退还的 20');
    expect(checkStepFacts(release({ returned_items: [{ name: '无证出版物', quantity: 20 }, { name: '打印机', quantity: 1 }] }), ctx('seizure_release', '2026-03-20', [seized, partly])).ok).toBe(true);
    expect(checkStepFacts(release(), ctx('seizure_release', '2026-03-20', [{ ...seized, details: null }])).ok).toBe(true);
    expect(problems(checkStepFacts(release({ returned_at: '2026-03-01T10:00:00+08:00' }), ctx('seizure_release', '2026-03-20', [seized])))).toContain('不能早于');
  });

  it('行政处罚法 第五十六条: the decision names an approved 先行登记保存 and handles its items', () => {
    const preserved = step('p1', 'evidence_preservation', '2026-02-11', { preservation_form: '先行登记保存', preserved_items: [{ name: '无证出版物', quantity: 120, unit: '册' }] });
    const decision = { preservation_step: 'p1', handling: '依法没收', handled_items: [{ name: '无证出版物', quantity: 120, unit: '册', handling: '依法没收' }] };
    expect(checkStepFacts(decision, ctx('preservation_decision', '2026-02-20', [preserved])).ok).toBe(true);
    expect(problems(checkStepFacts({ ...decision, handled_items: [{ name: '光盘', quantity: 1, handling: '依法没收' }] }, ctx('preservation_decision', '2026-02-20', [preserved])))).toContain('“光盘”不在');
    expect(problems(checkStepFacts(decision, ctx('preservation_decision', '2026-02-20', [{ ...preserved, done: false }])))).toContain('本案尚无经批准的先行登记保存');
    const other = { ...preserved, id: 'p2' };
    expect(problems(checkStepFacts(decision, ctx('preservation_decision', '2026-02-20', [{ ...preserved, done: false }, other])))).toContain('只能是：先行登记保存 2026-02-11：无证出版物 120册');
    expect(checkStepFacts(decision, ctx('preservation_decision', '2026-02-20', [{ ...preserved, details: { ...preserved.details, preservation_form: '复制' } }])).ok).toBe(false);
    expect(problems(checkStepFacts(decision, ctx('preservation_decision', '2026-02-20', [preserved, step('d', 'preservation_decision', '2026-02-12', decision)])))).toContain('已作出处理决定');
  });
});
