import type { Lifecycle } from '../lifecycle.js';
import { STARTED, investigationSteps, serviceAndClosing, startSteps } from './common.js';

/** 行政许可: receipt, acceptance or refusal or correction (S0 第十一条, S3 全过程记录办法 第九条). */
export const licensing: Lifecycle = {
  category: 'licensing',
  startRoutes: ['application'],
  firstStep: { application: 'application_receipt' },
  steps: [
    { step: 'application_receipt', phase: 'start' },
    { step: 'correction_request', phase: 'start', after: [['application_receipt']], notAfter: ['application_acceptance', 'application_rejection'], repeatable: true },
    { step: 'application_rejection', phase: 'start', after: [['application_receipt']], notAfter: ['application_acceptance'], endsMatter: true },
    { step: 'application_acceptance', phase: 'start', after: [['application_receipt']], notAfter: ['application_rejection'] },
    ...['on_site_inspection', 'site_survey', 'examination', 'testing_appraisal'].map((step) => ({ step, phase: 'investigation' as const, after: [['application_acceptance']], repeatable: true })),
    { step: 'hearing', phase: 'review_decision', after: [['application_acceptance']] },
    { step: 'expert_review', phase: 'review_decision', after: [['application_acceptance']], repeatable: true },
    { step: 'collective_discussion', phase: 'review_decision', after: [['application_acceptance']], repeatable: true },
    { step: 'legal_review', phase: 'review_decision', after: [['application_acceptance']], repeatable: true },
    { step: 'licence_decision', phase: 'review_decision', after: [['application_acceptance']], approval: true },
    ...serviceAndClosing(['licence_decision']),
  ],
};

/** 行政检查: an inspection, its conclusion, and any rectification checked by its due date (CASE-11). */
export const inspection: Lifecycle = {
  category: 'inspection',
  startRoutes: ['ex_officio', 'complaint'],
  firstStep: { ex_officio: 'inspection_start', complaint: 'complaint_registration' },
  steps: [
    { step: 'complaint_registration', phase: 'start', notAfter: ['inspection_start'] },
    { step: 'complaint_reply', phase: 'start', after: [['complaint_registration']], notAfter: ['inspection_start'], endsMatter: true },
    { step: 'inspection_start', phase: 'start' },
    ...investigationSteps([['inspection_start']]),
    { step: 'inspection_conclusion', phase: 'review_decision', after: [['on_site_inspection', 'site_survey', 'questioning', 'sampling']] },
    { step: 'rectification_order', phase: 'review_decision', after: [['inspection_conclusion']], repeatable: true },
    { step: 'rectification_check', phase: 'service_execution', after: [['rectification_order']], repeatable: true, investigative: true },
    ...serviceAndClosing(['inspection_conclusion']).filter((s) => s.step !== 'court_application'),
  ],
};

/** 行政征收征用. */
export const expropriation: Lifecycle = {
  category: 'expropriation',
  startRoutes: ['ex_officio'],
  firstStep: { ex_officio: 'filing' },
  steps: [
    ...startSteps.filter((s) => s.step === 'filing'),
    ...investigationSteps([['filing']]).filter((s) => ['site_survey', 'questioning', 'evidence_collection', 'testing_appraisal'].includes(s.step)),
    { step: 'rights_notice', phase: 'review_decision', after: [['filing']] },
    { step: 'hearing', phase: 'review_decision', after: [['rights_notice']] },
    { step: 'collective_discussion', phase: 'review_decision', after: [['filing']], repeatable: true },
    { step: 'legal_review', phase: 'review_decision', after: [['filing']], repeatable: true },
    { step: 'decision', phase: 'review_decision', after: [['filing'], ['rights_notice']], approval: true },
    ...serviceAndClosing(['decision']),
  ],
};

