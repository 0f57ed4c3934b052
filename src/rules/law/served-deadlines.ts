import type { WorkingDayCalendar } from '../calendar/create-calendar.js';
import { dueOf } from './due-of.js';
import { ADMINISTRATIVE_LAWSUIT, ADMINISTRATIVE_REVIEW, FINE_PAYMENT, HEARING_REQUEST } from './law-deadlines.js';
import type { LawDeadlineRule } from './law-rule.js';

// The service date starts the party's deadlines (SRV-2): which ones depends on what was served.

export type ServedDocument = 'prior_notice_with_hearing' | 'penalty_decision_with_fine' | 'penalty_decision';

export interface StartedDeadline {
  rule: LawDeadlineRule;
  due: string;
}

const STARTED_BY: Readonly<Record<ServedDocument, readonly LawDeadlineRule[]>> = {
  prior_notice_with_hearing: [HEARING_REQUEST],
  penalty_decision_with_fine: [FINE_PAYMENT, ADMINISTRATIVE_REVIEW, ADMINISTRATIVE_LAWSUIT],
  penalty_decision: [ADMINISTRATIVE_REVIEW, ADMINISTRATIVE_LAWSUIT],
};

/** The party's deadlines that the service of `document` on `servedYmd` starts, each with its due day. */
export function deadlinesStartedByService(document: ServedDocument, servedYmd: string, calendar: WorkingDayCalendar): StartedDeadline[] {
  return STARTED_BY[document].map((rule) => ({ rule, due: dueOf(rule, servedYmd, calendar) }));
}
