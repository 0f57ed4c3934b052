import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { availableSteps, checkStep, currentPhase } from './check-step.js';
import type { StepRecord } from './lifecycle.js';
import { lifecyclesDocument } from './lifecycle-diagram.js';
import { LIFECYCLES } from './lifecycles/index.js';

const done = (...steps: string[]): StepRecord[] => steps.map((step) => ({ step, done: true }));

// For each category: the allowed path from start to closing, then archived.
const paths: Record<keyof typeof LIFECYCLES, string[]> = {
  penalty_general: ['filing', 'on_site_inspection', 'questioning', 'investigation_report', 'rights_notice', 'statement_defence', 'decision', 'service', 'closing', 'archive'],
  penalty_simple: ['simple_procedure_penalty', 'on_the_spot_report', 'service', 'closing', 'archive'],
  coercive_measure: ['filing', 'on_site_inspection', 'seizure', 'seizure_extension', 'seizure_release', 'service', 'closing', 'archive'],
  coercive_execution: ['filing', 'reminder', 'statement_defence', 'enforcement_decision', 'service', 'forced_demolition', 'closing', 'archive'],
  licensing: ['application_receipt', 'application_acceptance', 'on_site_inspection', 'licence_decision', 'service', 'closing', 'archive'],
  inspection: ['inspection_start', 'on_site_inspection', 'inspection_conclusion', 'rectification_order', 'rectification_check', 'service', 'closing', 'archive'],
  expropriation: ['filing', 'site_survey', 'rights_notice', 'decision', 'service', 'closing', 'archive'],
};

// Out-of-order steps, each refused with what is missing.
const refusals: Array<[keyof typeof LIFECYCLES, string[], string, string, RegExp]> = [
  ['penalty_general', ['filing'], 'decision', 'OUT_OF_ORDER', /案件调查终结报告/],
  ['penalty_general', [], 'questioning', 'OUT_OF_ORDER', /立案|紧急/],
  ['penalty_general', ['filing', 'questioning', 'investigation_report'], 'decision', 'OUT_OF_ORDER', /告知陈述/],
  ['penalty_general', ['filing', 'questioning', 'investigation_report', 'rights_notice', 'decision'], 'closing', 'OUT_OF_ORDER', /送达/],
  ['penalty_general', ['filing', 'questioning', 'investigation_report', 'rights_notice', 'decision', 'service'], 'archive', 'OUT_OF_ORDER', /结案/],
  ['penalty_general', ['filing', 'questioning', 'investigation_report', 'rights_notice', 'decision', 'service', 'closing'], 'questioning', 'MATTER_ENDED', /结案/],
  ['penalty_general', ['filing'], 'filing', 'ALREADY_DONE', /已记录/],
  ['penalty_general', ['complaint_registration', 'complaint_reply'], 'filing', 'MATTER_ENDED', /答复/],
  ['penalty_simple', [], 'closing', 'OUT_OF_ORDER', /送达/],
  // CASE-6 行政处罚法 第五十二条: an on-the-spot decision not yet reported to the agency keeps the matter open.
  ['penalty_simple', ['simple_procedure_penalty', 'service'], 'closing', 'OUT_OF_ORDER', /当场处罚备案/],
  ['coercive_measure', ['filing'], 'seizure_extension', 'OUT_OF_ORDER', /扣押|查封/],
  ['coercive_measure', ['filing'], 'seizure_release', 'OUT_OF_ORDER', /扣押|查封/],
  ['coercive_execution', ['filing'], 'enforcement_decision', 'OUT_OF_ORDER', /催告/],
  ['coercive_execution', ['filing', 'reminder', 'enforcement_decision'], 'forced_demolition', 'OUT_OF_ORDER', /送达/],
  ['licensing', ['application_receipt', 'application_rejection'], 'application_acceptance', 'MATTER_ENDED', /不予受理/],
  ['licensing', ['application_receipt'], 'licence_decision', 'OUT_OF_ORDER', /受理/],
  ['inspection', ['inspection_start', 'on_site_inspection'], 'rectification_check', 'OUT_OF_ORDER', /责令改正/],
  ['expropriation', ['filing'], 'decision', 'OUT_OF_ORDER', /告知/],
  ['penalty_simple', [], 'seizure', 'UNKNOWN_STEP', /没有/],
];

describe('lifecycles of enforcement matters (CASE-1, CASE-2, CASE-5)', () => {
  for (const [category, path] of Object.entries(paths)) {
    it(`CASE-1 CASE-2 ${category}: the allowed path from start to archive is accepted step by step`, () => {
      const lifecycle = LIFECYCLES[category as keyof typeof LIFECYCLES];
      const history: StepRecord[] = [];
      for (const step of path) {
        const check = checkStep(lifecycle, history, step);
        expect(check, `${category} ${step}`).toMatchObject({ ok: true });
        history.push({ step, done: true });
      }
      expect(currentPhase(lifecycle, history)).toBe('archiving');
    });
  }

  for (const [category, history, step, code, missing] of refusals) {
    it(`CASE-5 ${category}: ${step} after [${history.join(', ')}] is refused with ${code} and says what is missing`, () => {
      const check = checkStep(LIFECYCLES[category], done(...history), step);
      expect(check.ok).toBe(false);
      if (check.ok) return;
      expect(check.code).toBe(code);
      expect(check.missing.join('；')).toMatch(missing);
    });
  }

  it('CASE-4 CASE-5 a step waiting for approval does not open the way, and the message says it is pending', () => {
    const check = checkStep(LIFECYCLES.penalty_general, [{ step: 'filing', done: false }], 'questioning');
    expect(check.ok).toBe(false);
    if (!check.ok) expect(check.missing[0]).toContain('尚待审批');
  });

  it('CASE-3 an emergency start allows investigation before filing, and filing can follow it', () => {
    const history = done('emergency_start');
    expect(checkStep(LIFECYCLES.coercive_measure, history, 'seizure').ok).toBe(true);
    expect(checkStep(LIFECYCLES.coercive_measure, history, 'filing').ok).toBe(true);
  });

  it('CASE-2 every step of every lifecycle belongs to one of the five phases, and every prerequisite exists', () => {
    for (const l of Object.values(LIFECYCLES)) {
      const names = new Set(l.steps.map((s) => s.step));
      for (const s of l.steps) for (const g of s.after ?? []) expect(g.some((x) => names.has(x)), `${l.category} ${s.step}`).toBe(true);
      for (const route of l.startRoutes) expect(names.has(l.firstStep[route]!), `${l.category} ${route}`).toBe(true);
    }
  });

  it('CASE-5 the next-step menu of a fresh penalty matter offers only its starts', () => {
    expect(availableSteps(LIFECYCLES.penalty_general, []).map((s) => s.step).sort()).toEqual(['complaint_registration', 'emergency_start', 'filing']);
  });

  it('CASE-1 docs/lifecycles.md is the diagram of the definitions as they are', () => {
    const doc = readFileSync(new URL('../../../docs/lifecycles.md', import.meta.url), 'utf8');
    expect(doc).toBe(lifecyclesDocument(Object.values(LIFECYCLES)));
  });
});
