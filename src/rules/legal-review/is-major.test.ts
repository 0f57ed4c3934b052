import { describe, expect, it } from 'vitest';
import { DEFAULT_CRITERIA, type MajorFacts } from './criteria.js';
import { assessMajor } from './is-major.js';

const params = { hearingFineNatural: 10_000, hearingFineLegal: 100_000, reviewAllGeneralPenalties: false };
const base: MajorFacts = { category: 'penalty_general', measures: ['warning'], partyKind: 'legal', hearingHeld: false };
const noOthers = (...except: string[]) => Object.fromEntries(DEFAULT_CRITERIA.filter((c) => !except.includes(c.id)).map((c) => [c.id, false]));

// REV-1: each criterion of S3 that data can settle makes a sample matter major.
const majorByData: Array<[string, MajorFacts]> = [
  ['penalty_suspend_business', { ...base, measures: ['suspend_business'] }],
  ['penalty_revoke_licence', { ...base, measures: ['revoke_licence'] }],
  ['penalty_hearing_amount', { ...base, measures: ['fine'], fineAmount: 100_000 }],
  ['penalty_hearing_amount', { ...base, partyKind: 'natural', measures: ['confiscation'], confiscationValue: 12_000 }],
  ['coercion_seal_premises', { ...base, category: 'coercive_measure', measures: ['seal_premises'], stopsBusiness: true }],
  ['coercion_seize_licence', { ...base, category: 'coercive_measure', measures: ['seize_licence'], stopsBusiness: true }],
  ['coercion_ban_close', { ...base, category: 'coercive_execution', measures: ['ban_or_close'] }],
  ['coercion_auction', { ...base, category: 'coercive_execution', measures: ['auction_or_dispose'] }],
  ['general_after_hearing', { ...base, hearingHeld: true }],
];

describe('is the decision major? (REV-1, REV-2, REV-7)', () => {
  for (const [criterion, facts] of majorByData) {
    it(`REV-1 REV-2 ${criterion} makes the decision major from the data`, () => {
      const a = assessMajor(facts, noOthers(criterion), params);
      expect(a.major).toBe(true);
      expect(a.reasons.map((r) => r.criterionId)).toEqual([criterion]);
      expect(a.reasons[0]!.decidedBy).toBe('data');
    });
  }

  // Criteria only the handler can settle make it major by their answer.
  for (const c of DEFAULT_CRITERIA.filter((x) => !x.fromData || x.fromData(base, params) === null)) {
    it(`REV-1 REV-2 ${c.id} (${c.source}) makes a penalty major when the handler answers yes`, () => {
      const a = assessMajor(base, { ...noOthers(c.id), [c.id]: true }, params);
      expect(a.major).toBe(true);
      expect(a.reasons).toEqual([expect.objectContaining({ criterionId: c.id, decidedBy: 'answer' })]);
    });
  }

  it('REV-2 non-major samples stay non-major: a warning, a fine below the threshold, a seizure of goods that does not stop business', () => {
    expect(assessMajor(base, noOthers(), params).major).toBe(false);
    expect(assessMajor({ ...base, measures: ['fine'], fineAmount: 99_999 }, noOthers(), params).major).toBe(false);
    expect(assessMajor({ ...base, category: 'coercive_measure', measures: ['seal_premises'], stopsBusiness: false }, noOthers(), params).major).toBe(false);
  });

  it('REV-2 what the data cannot settle is asked; an unset hearing threshold is asked rather than invented', () => {
    const a = assessMajor({ ...base, measures: ['fine'], fineAmount: 5000 }, {}, { ...params, hearingFineLegal: null });
    expect(a.complete).toBe(false);
    expect(a.questions.map((q) => q.criterionId)).toContain('penalty_hearing_amount');
    expect(a.questions.map((q) => q.criterionId)).toContain('general_complex');
  });

  it('REV-7 with the option on, every general-procedure penalty is reviewed; a simple-procedure one is not by that option', () => {
    const on = { ...params, reviewAllGeneralPenalties: true };
    expect(assessMajor(base, noOthers(), on).reasons.map((r) => r.criterionId)).toEqual(['all_general_penalties']);
    expect(assessMajor({ ...base, category: 'penalty_simple' }, noOthers(), on).major).toBe(false);
  });
});
