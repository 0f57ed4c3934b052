import type { StepDefinition } from '../lifecycle.js';

// Building blocks shared by several categories' lifecycles.

/** Investigation and evidence steps (调查取证). */
export const INVESTIGATION_STEPS = [
  'on_site_inspection',
  'site_survey',
  'questioning',
  'sampling',
  'evidence_collection',
  'evidence_preservation',
  'testing_appraisal',
] as const;

/**
 * Investigation steps, and the decision on items registered for preservation after them.
 * 先行登记保存 needs the head's approval (行政处罚法 第五十六条); a lifecycle's approval is per step,
 * not per fact, so every 证据保全 is approved (the other forms lose nothing by it) and only an
 * approved one counts. Its items are decided within 7 working days (preservation_decision).
 */
export const investigationSteps = (after: string[][]): StepDefinition[] => [
  ...INVESTIGATION_STEPS.map((step): StepDefinition => ({ step, phase: 'investigation', after, repeatable: true, investigative: true, ...(step === 'evidence_preservation' ? { approval: true } : {}) })),
  { step: 'preservation_decision', phase: 'investigation', after: [['evidence_preservation']], repeatable: true },
];

/** Filed by approval, or started in an emergency and approved afterwards (S1 第七条). */
export const STARTED = ['filing', 'emergency_start'];

export const startSteps: StepDefinition[] = [
  { step: 'filing', phase: 'start', approval: true },
  { step: 'emergency_start', phase: 'start', notAfter: ['filing'] },
];

/** Service, follow-up and the end of the matter, after the given decision steps. */
export function serviceAndClosing(decisions: string[], extraBeforeClosing: string[][] = []): StepDefinition[] {
  return [
    { step: 'service', phase: 'service_execution', after: [decisions], repeatable: true },
    { step: 'service_left_at_premises', phase: 'service_execution', after: [decisions], repeatable: true },
    { step: 'service_public_notice', phase: 'service_execution', after: [decisions], repeatable: true },
    { step: 'compliance_check', phase: 'service_execution', after: [decisions], repeatable: true, investigative: true },
    { step: 'court_application', phase: 'service_execution', after: [decisions, SERVED] },
    // CASE-5: no archiving before service and execution are closed; the matter must be served.
    { step: 'closing', phase: 'service_execution', after: [SERVED, ...extraBeforeClosing], approval: true, endsMatter: true },
    { step: 'archive', phase: 'archiving', after: [['closing']] },
  ];
}

export const SERVED = ['service', 'service_left_at_premises', 'service_public_notice'];
