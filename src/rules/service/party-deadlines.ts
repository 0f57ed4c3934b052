import type { WorkingDayCalendar } from '../calendar/create-calendar.js';
import { deadlinesStartedByService, type ServedDocument } from '../law/served-deadlines.js';

// SRV-2: the party's deadlines that the service of an issued document starts. The state is by
// date only; what the party did about them (paid, asked for a hearing) is read where it is recorded
// (src/rules/payment, src/rules/rights, the 法定期限 of src/rules/matter-deadlines).

/** Which set of deadlines a document of this type (with these fields) starts when served. */
export function servedDocumentKind(typeId: string, fields: Record<string, unknown>): ServedDocument | null {
  const filled = (key: string) => fields[key] !== undefined && fields[key] !== null && String(fields[key]).trim() !== '' && Number(fields[key]) !== 0;
  switch (typeId) {
    case 'penalty_rights_notice':
      // 听证 applies only where the notice offers it (行政处罚法 第六十三条): the notice names the time.
      return filled('hearing_deadline') ? 'prior_notice_with_hearing' : null;
    case 'penalty_decision':
      return filled('fine_amount') ? 'penalty_decision_with_fine' : 'penalty_decision';
    // Other decisions that bind the party are open to review and lawsuit in the same limits.
    case 'licence_refusal_decision':
    case 'seizure_decision':
    case 'enforcement_decision':
      return 'penalty_decision';
    default:
      return null;
  }
}

export interface PartyDeadline {
  key: string;
  name: string;
  law: string;
  article: string;
  startsAt: string;
  servedDay: string;
  due: string;
  /** By date only: `ended` once today is past the due day (an act on the due day is in time). */
  state: 'running' | 'ended';
}

export function partyDeadlines(kind: ServedDocument, servedDay: string, today: string, calendar: WorkingDayCalendar): PartyDeadline[] {
  return deadlinesStartedByService(kind, servedDay, calendar).map(({ rule, due }) => ({
    key: rule.key,
    name: rule.name,
    law: rule.citation.law,
    article: rule.citation.article,
    startsAt: rule.startsAt,
    servedDay,
    due,
    state: today > due ? 'ended' : 'running',
  }));
}
