import { documentTypes } from '../documents/catalogue/index.js';
import { requiredDocumentGroups } from '../matters/required-documents.js';
import type { RuleSource } from '../profiles/profile-schema.js';
import { checkDeadline, type EvaluationContext } from './evaluation-context.js';
import type { Finding } from './finding.js';
import type { MatterFacts } from './matter-facts.js';

// A recorded step without its 执法文书 (DOC-1, CASE-2): the written record is due by the end of
// the day the step happened; after that the finding is late until a document is added.
const FULL_PROCESS_RECORDING: RuleSource = {
  seed: 'national',
  article: '《行政处罚法》第四十七条',
  quote: '行政机关应当依法以文字、音像等形式，对行政处罚的启动、调查取证、审核、决定、送达、执行等进行全过程记录，归档保存。',
};
const SAME_DAY = { kind: 'calendarDays' as const, days: 0 };

export function documentFindings(facts: MatterFacts, context: EvaluationContext, out: Finding[]): void {
  for (const activity of facts.activities) {
    const groups = requiredDocumentGroups(documentTypes, facts.category, activity.activity);
    if (!groups.length) continue;
    const present = new Set(activity.documents.map((d) => d.type));
    const missing = groups.filter((g) => !g.some((id) => present.has(id)));
    if (!missing.length) continue;
    const finding = checkDeadline(context, {
      kind: 'document_missing',
      requirement: 'DOC-1',
      objectType: 'activity',
      objectId: activity.activityId,
      matterId: facts.matterId,
      rule: SAME_DAY,
      source: FULL_PROCESS_RECORDING,
      from: activity.occurredAt,
      metAt: null,
      detail: { activity: activity.activity, missingDocumentTypes: missing.map((g) => g.join('|')) },
    });
    if (finding) out.push(finding);
  }
}
