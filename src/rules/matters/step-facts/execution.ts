import { courtApplicationFacts } from './court-application.js';
import { ENFORCEMENT_ACTS, enforcementActFacts, enforcementDecisionFacts, reminderFacts } from './enforcement.js';
import { latePaymentPenaltyFacts, paymentDeferralFacts } from './payment.js';
import { rectificationCheckFacts, rectificationOrderFacts } from './rectification.js';
import type { StepFacts } from './step-facts.js';

/** The facts of payment, 催告, enforcement, court application and rectification (CASE-10, CASE-11). */
export const EXECUTION_FACTS: Readonly<Record<string, StepFacts>> = {
  payment_deferral: paymentDeferralFacts,
  late_payment_penalty: latePaymentPenaltyFacts,
  reminder: reminderFacts,
  enforcement_decision: enforcementDecisionFacts,
  ...Object.fromEntries(ENFORCEMENT_ACTS.map((step) => [step, enforcementActFacts(step)])),
  court_application: courtApplicationFacts,
  rectification_order: rectificationOrderFacts,
  rectification_check: rectificationCheckFacts,
};
