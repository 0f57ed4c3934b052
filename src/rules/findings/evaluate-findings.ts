import type { WorkingDayCalendar } from '../calendar/create-calendar.js';
import { deadlineContextOf } from '../profiles/deadline-context.js';
import type { PolicyProfile } from '../profiles/profile-schema.js';
import { checklistFindings, officerCountFindings } from './checklist-findings.js';
import { documentFindings } from './document-findings.js';
import { lawDeadlineFindings } from './law-deadline-findings.js';
import { heavierPenaltyFindings } from './heavier-penalty-findings.js';
import {
  archiveFindings,
  avOrganisingFindings,
  avStorageFindings,
  disclosureFindings,
  emergencyStartFindings,
  legalReviewFindings,
} from './deadline-findings.js';
import type { EvaluationContext } from './evaluation-context.js';
import type { Finding } from './finding.js';
import type { MatterFacts } from './matter-facts.js';

export interface FindingOptions {
  /** A time limit becomes a 'due_soon' finding this long before it falls due; default 4 hours. */
  dueSoonMs?: number;
}

const DEFAULT_DUE_SOON_MS = 4 * 3_600_000;

const RULE_SETS = [
  avStorageFindings,
  avOrganisingFindings,
  archiveFindings,
  disclosureFindings,
  legalReviewFindings,
  emergencyStartFindings,
  checklistFindings,
  officerCountFindings,
  documentFindings,
  lawDeadlineFindings,
  heavierPenaltyFindings,
];

/**
 * Every rule broken or at risk in one matter, as of `now`. Pure: the same facts, profile,
 * calendar and instant always give the same findings, so a matter can be re-evaluated alone
 * whenever its facts change.
 */
export function evaluateFindings(
  facts: MatterFacts,
  profile: PolicyProfile,
  calendar: WorkingDayCalendar,
  now: Date,
  options: FindingOptions = {},
): Finding[] {
  const context: EvaluationContext = {
    profile,
    calendar,
    now,
    dueSoonMs: options.dueSoonMs ?? DEFAULT_DUE_SOON_MS,
    deadlineContext: deadlineContextOf(profile, calendar),
  };
  const findings: Finding[] = [];
  for (const ruleSet of RULE_SETS) ruleSet(facts, context, findings);
  return findings;
}
