export { avStorageDeadline } from './av-storage-deadline.js';
export type { AvStorageDeadline, AvStorageVariant } from './av-storage-deadline.js';
export { describeDuration, describeFinding } from './describe-finding.js';
export { evaluateFindings } from './evaluate-findings.js';
export type { FindingOptions } from './evaluate-findings.js';
export type {
  Finding,
  FindingKind,
  FindingObjectType,
  FindingRequirement,
  FindingRule,
  FindingSeverity,
  FindingState,
} from './finding.js';
export type { ActivityFacts, AvRecordFacts, DecisionFacts, LegalReviewFacts, MatterFacts, PenaltyAfterStatementsFacts } from './matter-facts.js';
