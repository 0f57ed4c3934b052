import type { Lifecycle } from '../lifecycle.js';
import { STARTED, investigationSteps, serviceAndClosing, startSteps } from './common.js';

const SEIZED = ['seizure', 'sealing'];

/** 行政强制措施: seizure/sealing with extension and release, each approved (S0 第二十八–三十二条). */
export const coerciveMeasure: Lifecycle = {
  category: 'coercive_measure',
  startRoutes: ['ex_officio', 'emergency'],
  firstStep: { ex_officio: 'filing', emergency: 'emergency_start' },
  steps: [
    ...startSteps,
    ...investigationSteps([STARTED]),
    { step: 'seizure', phase: 'investigation', after: [STARTED], approval: true, repeatable: true },
    { step: 'sealing', phase: 'investigation', after: [STARTED], approval: true, repeatable: true },
    { step: 'restriction_of_liberty', phase: 'investigation', after: [STARTED], approval: true, repeatable: true },
    // Repeatable: one extension per seizure, which the step's facts check (行政强制法 第二十五条).
    { step: 'seizure_extension', phase: 'investigation', after: [SEIZED], approval: true, repeatable: true },
    { step: 'statement_defence', phase: 'review_decision', after: [STARTED], repeatable: true },
    { step: 'collective_discussion', phase: 'review_decision', after: [STARTED], repeatable: true },
    { step: 'legal_review', phase: 'review_decision', after: [STARTED], repeatable: true },
    { step: 'handling_decision', phase: 'review_decision', after: [['filing'], SEIZED], approval: true },
    { step: 'seizure_release', phase: 'service_execution', after: [SEIZED], approval: true, repeatable: true },
    ...serviceAndClosing(['handling_decision', 'seizure_release', 'seizure', 'sealing']),
  ],
};

const ENFORCED = ['forced_demolition', 'forced_clearance', 'forced_towing', 'substitute_performance', 'removal_of_obstruction', 'late_payment_penalty', 'account_transfer', 'auction'];

/** 行政强制执行: 催告 and the party's statements before the enforcement decision (S0 第三十三条, S1 第二十八–三十条). */
export const coerciveExecution: Lifecycle = {
  category: 'coercive_execution',
  startRoutes: ['ex_officio'],
  firstStep: { ex_officio: 'filing' },
  steps: [
    { step: 'filing', phase: 'start', approval: true },
    { step: 'reminder', phase: 'review_decision', after: [['filing']] },
    { step: 'statement_defence', phase: 'review_decision', after: [['reminder']], repeatable: true },
    { step: 'collective_discussion', phase: 'review_decision', after: [['reminder']], repeatable: true },
    { step: 'legal_review', phase: 'review_decision', after: [['reminder']], repeatable: true },
    { step: 'enforcement_decision', phase: 'review_decision', after: [['reminder']], approval: true },
    ...ENFORCED.map((step) => ({ step, phase: 'service_execution' as const, after: [['enforcement_decision'], ['service', 'service_left_at_premises', 'service_public_notice']], repeatable: true })),
    ...serviceAndClosing(['enforcement_decision']),
  ],
};
