import type { PolicyProfile, RuleSource } from '../profiles/profile-schema.js';

// A finding (SUP-2): a rule broken, or at risk, in one object of one matter. `key` is stable
// across evaluations so the server can keep one row per finding and mark it resolved when the
// key stops appearing; `firstSeenAt`/`resolvedAt` are the server's, not the engine's.

export type FindingKind =
  | 'av_storage_deadline'
  | 'av_organising_deadline'
  | 'archive_deadline'
  | 'disclosure_deadline'
  | 'legal_review_deadline'
  | 'emergency_retro_approval_deadline'
  | 'av_missing_for_mandatory_activity'
  | 'av_made_where_forbidden'
  | 'too_few_officers'
  | 'document_missing'
  // A national-law time limit of the matter missed (src/rules/matter-deadlines).
  | 'law_deadline'
  // INT-3: a stored original found missing, changed or unreadable by the scheduled fixity check.
  | 'object_fixity'
  // CASE-8: a fine above the one the 事先告知书 proposed, after the party's statements (行政处罚法 第四十五条).
  | 'heavier_penalty_after_statements';

export type FindingRequirement = 'AV-4' | 'AV-5' | 'ARC-2' | 'PUB-2' | 'REV-5' | 'CASE-3' | 'CHK-1' | 'ORG-2' | 'DOC-1' | 'INT-3' | 'CAL-2' | 'CASE-7' | 'CASE-9' | 'CASE-10' | 'CASE-8' | 'CASE-11' | 'SRV-2';

/** 'due_soon' and 'late' for time limits; 'breached' for rules that are not about time. */
export type FindingState = 'due_soon' | 'late' | 'breached';

export type FindingSeverity = 'low' | 'medium' | 'high';

export type FindingObjectType = 'matter' | 'av_record' | 'activity' | 'decision' | 'legal_review' | 'stored_object';

export interface FindingRule {
  profileId: string;
  profileVersion: number;
  seed: RuleSource['seed'];
  article: string;
  /** The article's words, verbatim. */
  text: string;
}

export interface Finding {
  key: string;
  kind: FindingKind;
  requirement: FindingRequirement;
  state: FindingState;
  severity: FindingSeverity;
  objectType: FindingObjectType;
  objectId: string;
  matterId: string;
  dueAt?: Date;
  lateByMs?: number;
  rule: FindingRule;
  /** Facts behind the finding; describeFinding() turns a finding into a sentence for people. */
  detail: Record<string, unknown>;
}

// Profiles and their sources are immutable values, so one frozen rule per source is shared by
// all the findings it produces (the engine makes many per second).
const rulesBySource = new WeakMap<RuleSource, Map<PolicyProfile, FindingRule>>();

export function ruleOf(profile: PolicyProfile, source: RuleSource): FindingRule {
  let byProfile = rulesBySource.get(source);
  if (!byProfile) rulesBySource.set(source, (byProfile = new Map()));
  let rule = byProfile.get(profile);
  if (!rule) {
    rule = Object.freeze({ profileId: profile.id, profileVersion: profile.version, seed: source.seed, article: source.article, text: source.quote });
    byProfile.set(profile, rule);
  }
  return rule;
}

export function findingKey(kind: FindingKind, objectType: FindingObjectType, objectId: string): string {
  return `${kind}:${objectType}:${objectId}`;
}
