import type { RuleSource } from '../profiles/profile-schema.js';
import type { EvaluationContext } from './evaluation-context.js';
import { findingKey, ruleOf, type Finding } from './finding.js';
import type { MatterFacts } from './matter-facts.js';

// CASE-8: the party spoke, and the decision fines more than the notice proposed. Only where both
// documents record the amount as a field (事先告知书 `proposed_fine`, 决定书 `fine_amount`): a rule
// never fires on a fact nobody records. A finding, not a refusal: a heavier fine may rest on new
// facts found after the notice (then a new notice is due), which a person must judge.
const NO_HEAVIER_PENALTY: RuleSource = {
  seed: 'national',
  article: '《行政处罚法》第四十五条第二款',
  quote: '行政机关不得因当事人陈述、申辩而给予更重的处罚。',
};

export function heavierPenaltyFindings(facts: MatterFacts, context: EvaluationContext, out: Finding[]): void {
  const p = facts.penaltyAfterStatements;
  if (!p || !p.statementsRecorded || p.proposedFine === null || p.decidedFine === null) return;
  if (p.decidedFine <= p.proposedFine) return;
  out.push({
    key: findingKey('heavier_penalty_after_statements', 'decision', p.decisionDocumentId),
    kind: 'heavier_penalty_after_statements',
    requirement: 'CASE-8',
    state: 'breached',
    severity: 'high',
    objectType: 'decision',
    objectId: p.decisionDocumentId,
    matterId: facts.matterId,
    rule: ruleOf(context.profile, NO_HEAVIER_PENALTY),
    detail: { proposedFine: p.proposedFine, decidedFine: p.decidedFine },
  });
}
