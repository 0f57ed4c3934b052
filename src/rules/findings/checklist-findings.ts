import type { ChecklistRow, PolicyProfile } from '../profiles/profile-schema.js';
import { INVESTIGATIVE_ACTIVITIES, type EnforcementCategory } from '../profiles/vocabulary.js';
import type { EvaluationContext } from './evaluation-context.js';
import { findingKey, ruleOf, type Finding } from './finding.js';
import type { ActivityFacts, MatterFacts } from './matter-facts.js';

// CHK-1 / AV-9: an activity the checklist makes mandatory needs AV, or a written reason for its
// absence (S1 第十二条), or a forbidden condition of the profile (S2 第八条), which justifies it.
// ORG-2: investigations under the general procedure and inspections need two officers
// (行政处罚法 第四十二条, as REQUIREMENTS ORG-2 applies it); other categories cite other laws.

const CATEGORIES_NEEDING_TWO_OFFICERS: ReadonlySet<EnforcementCategory> = new Set(['penalty_general', 'inspection']);

interface ChecklistIndex {
  /** category → activity → the row that sets its level (the first row wins, as in the table). */
  rows: Map<EnforcementCategory, Map<string, ChecklistRow>>;
  forbiddenConditionIds: Set<string>;
}

// Profiles are immutable values; indexing each once keeps per-matter evaluation cheap.
const indexCache = new WeakMap<PolicyProfile, ChecklistIndex>();

function checklistIndex(profile: PolicyProfile): ChecklistIndex {
  let index = indexCache.get(profile);
  if (!index) {
    const rows = new Map<EnforcementCategory, Map<string, ChecklistRow>>();
    for (const row of profile.checklist.rows) {
      for (const category of row.categories) {
        let byActivity = rows.get(category);
        if (!byActivity) rows.set(category, (byActivity = new Map()));
        if (!byActivity.has(row.activity)) byActivity.set(row.activity, row);
      }
    }
    index = { rows, forbiddenConditionIds: new Set(profile.checklist.forbiddenConditions.map((c) => c.id)) };
    indexCache.set(profile, index);
  }
  return index;
}

export function checklistFindings(facts: MatterFacts, context: EvaluationContext, out: Finding[]): void {
  const byActivity = checklistIndex(context.profile).rows.get(facts.category);
  if (!byActivity) return;
  const { forbiddenConditionIds } = checklistIndex(context.profile);
  let recordedActivityIds: Set<string> | null = null;
  for (const activity of facts.activities) {
    const row = byActivity.get(activity.activity);
    if (!row || (row.level !== 'mandatory' && row.level !== 'forbidden')) continue;
    if (row.level === 'mandatory' && row.condition !== null && !activity.avConditionApplies) continue;
    recordedActivityIds ??= new Set(facts.avRecords.map((record) => record.activityId ?? ''));
    const recorded = recordedActivityIds.has(activity.activityId);
    if (row.level === 'forbidden' && recorded) {
      out.push(breach('av_made_where_forbidden', facts, activity, context, row));
    }
    if (row.level !== 'mandatory' || recorded) continue;
    const omission = activity.avOmission;
    const justified = !!omission?.forbiddenConditionId && forbiddenConditionIds.has(omission.forbiddenConditionId);
    if (justified || (omission && omission.writtenReason.trim() !== '')) continue;
    out.push(breach('av_missing_for_mandatory_activity', facts, activity, context, row));
  }
}

export function officerCountFindings(facts: MatterFacts, context: EvaluationContext, out: Finding[]): void {
  const minimum = context.profile.parameters.minimumInvestigationOfficers;
  if (minimum.value === null || !CATEGORIES_NEEDING_TWO_OFFICERS.has(facts.category)) return;
  for (const activity of facts.activities) {
    if (!INVESTIGATIVE_ACTIVITIES.has(activity.activity)) continue;
    const officers = new Set(activity.officerIds).size;
    if (officers >= minimum.value) continue;
    out.push({
      key: findingKey('too_few_officers', 'activity', activity.activityId),
      kind: 'too_few_officers',
      requirement: 'ORG-2',
      state: 'breached',
      severity: 'high',
      objectType: 'activity',
      objectId: activity.activityId,
      matterId: facts.matterId,
      rule: ruleOf(context.profile, minimum.source),
      detail: { activity: activity.activity, officerCount: officers, minimum: minimum.value },
    });
  }
}

function breach(
  kind: 'av_missing_for_mandatory_activity' | 'av_made_where_forbidden',
  facts: MatterFacts,
  activity: ActivityFacts,
  context: EvaluationContext,
  row: ChecklistRow,
): Finding {
  return {
    key: findingKey(kind, 'activity', activity.activityId),
    kind,
    requirement: 'CHK-1',
    state: 'breached',
    severity: 'high',
    objectType: 'activity',
    objectId: activity.activityId,
    matterId: facts.matterId,
    rule: ruleOf(context.profile, row.source),
    detail: { category: facts.category, activity: activity.activity, level: row.level, keyPoints: row.keyPoints, condition: row.condition },
  };
}
