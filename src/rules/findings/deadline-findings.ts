import { avStorageDeadline } from './av-storage-deadline.js';
import { checkDeadline, dueAtFor, isAtRisk, type EvaluationContext } from './evaluation-context.js';
import type { Finding } from './finding.js';
import type { MatterFacts } from './matter-facts.js';

// The time-limit rule sets. Each returns nothing when the profile has no such limit (a null
// parameter), so S4 without an archive limit yields no archive finding (ARC-2).

const DISCLOSED_WITHIN_SHORT_LIMIT = new Set(['licensing', 'penalty_general', 'penalty_simple']);

/** AV-4: from the end of recording (or return) to ingest. */
export function avStorageFindings(facts: MatterFacts, context: EvaluationContext, out: Finding[]): void {
  for (const record of facts.avRecords) {
    const deadline = avStorageDeadline(context.profile, record, context.calendar, context.deadlineContext);
    if (deadline.dueAt === null || !isAtRisk(context, deadline.dueAt, record.ingestedAt)) continue;
    const finding = checkDeadline(context, {
      kind: 'av_storage_deadline',
      requirement: 'AV-4',
      objectType: 'av_record',
      objectId: record.recordId,
      matterId: facts.matterId,
      rule: deadline.rule,
      source: deadline.source,
      from: deadline.from,
      dueAt: deadline.dueAt,
      metAt: record.ingestedAt,
      detail: { variant: deadline.variant, anchor: deadline.anchor, reasonGiven: record.lateReason ?? null, recordLabel: record.label ?? null },
    });
    if (finding) out.push(finding);
  }
}

/** AV-5: from ingest to naming, classification and description. */
export function avOrganisingFindings(facts: MatterFacts, context: EvaluationContext, out: Finding[]): void {
  const limit = context.profile.parameters.avOrganising;
  if (limit.value === null) return;
  for (const record of facts.avRecords) {
    if (!record.ingestedAt) continue;
    const dueAt = dueAtFor(context, limit.value, record.ingestedAt);
    if (!isAtRisk(context, dueAt, record.organisedAt)) continue;
    const finding = checkDeadline(context, {
      kind: 'av_organising_deadline',
      requirement: 'AV-5',
      objectType: 'av_record',
      objectId: record.recordId,
      matterId: facts.matterId,
      rule: limit.value,
      source: limit.source,
      from: record.ingestedAt,
      dueAt,
      metAt: record.organisedAt,
      detail: { recordLabel: record.label ?? null },
    });
    if (finding) out.push(finding);
  }
}

/** ARC-2: from the end of the matter to archiving. */
export function archiveFindings(facts: MatterFacts, context: EvaluationContext, out: Finding[]): void {
  const limit = context.profile.parameters.archiving;
  if (limit.value === null || !facts.endedAt) return;
  const finding = checkDeadline(context, {
    kind: 'archive_deadline',
    requirement: 'ARC-2',
    objectType: 'matter',
    objectId: facts.matterId,
    matterId: facts.matterId,
    rule: limit.value,
    source: limit.source,
    from: facts.endedAt,
    metAt: facts.archivedAt,
  });
  if (finding) out.push(finding);
}

/** PUB-2: from the decision to its public disclosure; 许可 and 处罚 have the shorter limit. */
export function disclosureFindings(facts: MatterFacts, context: EvaluationContext, out: Finding[]): void {
  const decision = facts.decision;
  // Unknown is not "not disclosed": without a recorded disclosure there is nothing to check.
  if (!decision || !decision.disclosureRecorded || decision.disclosureExempt) return;
  const { licensingAndPenalty, otherDecisions } = context.profile.parameters.disclosure;
  const limit = DISCLOSED_WITHIN_SHORT_LIMIT.has(facts.category) ? licensingAndPenalty : otherDecisions;
  if (limit.value === null) return;
  const finding = checkDeadline(context, {
    kind: 'disclosure_deadline',
    requirement: 'PUB-2',
    objectType: 'decision',
    objectId: facts.matterId,
    matterId: facts.matterId,
    rule: limit.value,
    source: limit.source,
    from: decision.issuedAt,
    metAt: decision.disclosedAt,
  });
  if (finding) out.push(finding);
}

/** REV-5: from receipt of the submission; an extension approved before the limit adds its days. */
export function legalReviewFindings(facts: MatterFacts, context: EvaluationContext, out: Finding[]): void {
  const review = facts.legalReview;
  const { standard, extension } = context.profile.parameters.legalReview;
  if (!review || standard.value === null) return;
  const standardDue = dueAtFor(context, standard.value, review.receivedAt);
  // An extension counts only if approved while the review was still within its first limit.
  const extended = extension.value !== null && !!review.extensionApprovedAt && review.extensionApprovedAt <= standardDue;
  const finding = checkDeadline(context, {
    kind: 'legal_review_deadline',
    requirement: 'REV-5',
    objectType: 'legal_review',
    objectId: facts.matterId,
    matterId: facts.matterId,
    rule: extended && extension.value ? extension.value : standard.value,
    source: extended && extension.value ? extension.source : standard.source,
    from: extended ? standardDue : review.receivedAt,
    dueAt: extended && extension.value ? dueAtFor(context, extension.value, standardDue) : standardDue,
    metAt: review.completedAt,
    detail: { extended, extensionIgnoredAsLate: !!review.extensionApprovedAt && !extended && extension.value !== null },
  });
  if (finding) out.push(finding);
}

/** CASE-3: an emergency start must be reported for approval within the limit. */
export function emergencyStartFindings(facts: MatterFacts, context: EvaluationContext, out: Finding[]): void {
  const limit = context.profile.parameters.emergencyRetroApproval;
  if (!facts.emergencyStart || limit.value === null) return;
  const finding = checkDeadline(context, {
    kind: 'emergency_retro_approval_deadline',
    requirement: 'CASE-3',
    objectType: 'matter',
    objectId: facts.matterId,
    matterId: facts.matterId,
    rule: limit.value,
    source: limit.source,
    from: facts.emergencyStart.startedAt,
    metAt: facts.emergencyStart.retroReportedAt,
  });
  if (finding) out.push(finding);
}
