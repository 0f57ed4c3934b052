import type { Lifecycle } from '../lifecycle.js';
import { INVESTIGATION_STEPS, SERVED, STARTED, investigationSteps, serviceAndClosing, startSteps } from './common.js';

const INVESTIGATED = [...INVESTIGATION_STEPS];

/** 行政处罚（一般程序）: S1 第七–二十条, 行政处罚法 第五十四–六十五条. */
export const penaltyGeneral: Lifecycle = {
  category: 'penalty_general',
  startRoutes: ['ex_officio', 'emergency', 'complaint'],
  firstStep: { ex_officio: 'filing', emergency: 'emergency_start', complaint: 'complaint_registration' },
  steps: [
    { step: 'complaint_registration', phase: 'start', notAfter: ['filing', 'emergency_start'] },
    // A named complainant whose report leads to no case gets the reason and a reply (S1 第八条).
    { step: 'complaint_reply', phase: 'start', after: [['complaint_registration']], notAfter: ['filing', 'emergency_start'], endsMatter: true },
    ...startSteps,
    ...investigationSteps([STARTED]),
    { step: 'investigation_report', phase: 'review_decision', after: [STARTED, INVESTIGATED] },
    { step: 'rights_notice', phase: 'review_decision', after: [['investigation_report']] },
    { step: 'statement_defence', phase: 'review_decision', after: [['rights_notice']], repeatable: true },
    { step: 'hearing', phase: 'review_decision', after: [['rights_notice']] },
    { step: 'expert_review', phase: 'review_decision', after: [['investigation_report']], repeatable: true },
    { step: 'collective_discussion', phase: 'review_decision', after: [['investigation_report']], repeatable: true },
    { step: 'legal_review', phase: 'review_decision', after: [['investigation_report']], repeatable: true },
    // CASE-5: no decision before investigation is recorded and the party has been told its rights.
    { step: 'decision', phase: 'review_decision', after: [['filing'], ['investigation_report'], ['rights_notice']], approval: true },
    // 责令改正 accompanies the penalty (行政处罚法 第二十八条) and is checked by its due day (S1 第二十七条).
    { step: 'rectification_order', phase: 'review_decision', after: [STARTED], repeatable: true },
    { step: 'rectification_check', phase: 'service_execution', after: [['rectification_order']], repeatable: true, investigative: true },
    // 延期（分期）缴纳 with the agency's approval (行政处罚法 第六十六条).
    { step: 'payment_deferral', phase: 'service_execution', after: [['decision']], approval: true, repeatable: true },
    { step: 'late_payment_penalty', phase: 'service_execution', after: [['decision']], repeatable: true },
    // The 催告 a court application needs (行政强制法 第五十四条; S1 第二十八条).
    { step: 'reminder', phase: 'service_execution', after: [['decision'], SERVED], repeatable: true },
    ...serviceAndClosing(['decision']),
  ],
};

/** 行政处罚（简易程序）: the short path of S1 第二十一条 (1)–(7), on-the-spot decision. */
export const penaltySimple: Lifecycle = {
  category: 'penalty_simple',
  startRoutes: ['ex_officio'],
  firstStep: { ex_officio: 'simple_procedure_penalty' },
  steps: [
    { step: 'simple_procedure_penalty', phase: 'review_decision' },
    // 行政处罚法 第五十二条: the on-the-spot decision is reported to the agency (S1 第二十一条（5）).
    { step: 'on_the_spot_report', phase: 'review_decision', after: [['simple_procedure_penalty']] },
    { step: 'service', phase: 'service_execution', after: [['simple_procedure_penalty']], repeatable: true },
    { step: 'compliance_check', phase: 'service_execution', after: [['simple_procedure_penalty']], repeatable: true },
    { step: 'closing', phase: 'service_execution', after: [['service'], ['on_the_spot_report']], endsMatter: true },
    { step: 'archive', phase: 'archiving', after: [['closing']] },
  ],
};
