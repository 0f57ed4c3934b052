import { describe, expect, it } from 'vitest';
import { createCalendar } from '../../calendar/index.js';
import { exampleOnTheSpotReport, exampleSimpleProcedurePenalty } from './examples.js';
import { checkStepFacts, type StepFactsContext } from './index.js';
import { limitKindOf } from './simple-procedure.js';

const citizen = { id: 'p1', kind: 'natural', name: '张某' };
const company = { id: 'p2', kind: 'legal', name: '抚顺县某某网吧' };
const ctx = (step: string, parties: StepFactsContext['parties'] = [citizen, company]): StepFactsContext => ({
  category: 'penalty_simple', step, occurredAt: new Date('2026-03-02T02:00:00Z'), occurredOn: '2026-03-02',
  steps: [], parties, documents: [], services: [], calendar: createCalendar({ notices: [] }), rollOverAgencyDays: false,
});
const facts = (party: { kind: string; name: string }, fine: number | null) => exampleSimpleProcedurePenalty(party as { kind: 'natural'; name: string }, fine);
const record = (party: { kind: string; name: string }, fine: number | null, parties?: StepFactsContext['parties']) =>
  checkStepFacts(facts(party, fine), ctx('simple_procedure_penalty', parties));

describe('简易程序当场处罚 (CASE-6, S1 第二十一条, 行政处罚法 第五十一条)', () => {
  const limits: Array<[string, { kind: string; name: string }, number | null, boolean]> = [
    ['a citizen fined 200.00 元 (以下 includes the limit)', citizen, 200, true],
    ['a citizen fined 200.01 元', citizen, 200.01, false],
    ['an organisation fined 3,000.00 元', company, 3000, true],
    ['an organisation fined 3,000.01 元', company, 3000.01, false],
    ['an organisation fined 1,000 元 (over the citizen limit, under its own)', company, 1000, true],
    ['a citizen given a warning (no amount)', citizen, null, true],
  ];
  for (const [name, party, fine, ok] of limits) {
    it(`行政处罚法 第五十一条: ${name} is ${ok ? 'recorded' : 'refused with the article'}`, () => {
      const r = record(party, fine);
      expect(r.ok).toBe(ok);
      if (!r.ok) {
        expect(r.issues).toEqual([]);
        expect(r.problems.join('')).toMatch(/第五十一条/);
        expect(r.problems.join('')).toContain(party.kind === 'legal' ? '3,000 元以下' : '200 元以下');
      }
    });
  }

  it('行政处罚法 第五十一条: the matter\'s party kind wins over the form\'s (a citizen entered as an organisation keeps the citizen limit)', () => {
    expect(record({ ...citizen, kind: 'legal' }, 1000).ok).toBe(false);
  });

  it('行政处罚法 第五十一条: an unknown party kind (个体工商户) takes the citizen\'s limit, the lower one', () => {
    expect(limitKindOf('individual_business')).toBe('citizen');
    const shop = { id: 'p3', kind: 'individual_business', name: '某某小吃店' };
    // The form knows only 自然人 / 法人或其他组织; the matter's kind is what the limit reads.
    expect(record({ kind: 'legal', name: shop.name }, 200, [shop]).ok).toBe(true);
    expect(record({ kind: 'legal', name: shop.name }, 200.01, [shop]).ok).toBe(false);
  });

  it('CASE-6: the decision must be against a party of the matter; a matter without parties uses the form\'s party', () => {
    const r = record({ kind: 'natural', name: '李某' }, 50);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems[0]).toContain('不是本事项登记的当事人');
    expect(record({ kind: 'legal', name: '李某公司' }, 3000, []).ok).toBe(true);
    expect(record({ kind: 'natural', name: '李某' }, 3000, []).ok).toBe(false);
  });

  it('S1 第二十一条 (1)–(7): an empty form names identity, facts, basis, rights, statements, penalty, basis, number and handover', () => {
    const r = checkStepFacts({}, ctx('simple_procedure_penalty'));
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.issues.map((i) => i.path).sort()).toEqual(['decision_number', 'facts_found', 'handover', 'identity_shown', 'party', 'penalty_basis', 'penalty_kind', 'rights_told', 'simple_procedure_basis', 'statement_made'].sort());
    }
  });

  it('S1 第二十一条 (3)(4): statements made need their content and the review; a fine needs its amount; a refusal needs a witness; 当场收缴 its record', () => {
    const r = checkStepFacts({ ...facts(citizen, 100), statements: '', statements_review: '', fine_amount: undefined, handover: '当事人拒绝签收，见证人在场', on_the_spot_collection: '当场收缴' }, ctx('simple_procedure_penalty'));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues.map((i) => i.path).sort()).toEqual(['collection_record', 'fine_amount', 'statements', 'statements_review', 'witness']);
    const waived = { ...facts(citizen, 100), statement_made: '当事人放弃陈述、申辩', statements: undefined, statements_review: undefined };
    expect(checkStepFacts(waived, ctx('simple_procedure_penalty')).ok).toBe(true);
  });

  it('行政处罚法 第五十二条: the report to the agency records its content and who received it', () => {
    expect(checkStepFacts({}, ctx('on_the_spot_report')).ok).toBe(false);
    expect(checkStepFacts(exampleOnTheSpotReport(), ctx('on_the_spot_report')).ok).toBe(true);
  });
});
