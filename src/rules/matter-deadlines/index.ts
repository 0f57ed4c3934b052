import { preservationDecisionDeadlines, seizureTermDeadlines } from './custody.js';
import { decisionAfterFiling } from './decision-after-filing.js';
import { finePayment } from './fine-payment.js';
import { rectificationCheck } from './rectification.js';
import type { MatterDeadline, MatterDeadlineContext, MatterDeadlineSource } from './matter-deadline.js';

export { deadlineState, firstDone } from './matter-deadline.js';
export type { MatterDeadline, MatterDeadlineContext, MatterDeadlineSource, MatterDeadlineState } from './matter-deadline.js';

/** Every source of a matter's national-law time limits; each area adds its own. */
export const MATTER_DEADLINE_SOURCES: readonly MatterDeadlineSource[] = [
  decisionAfterFiling,
  preservationDecisionDeadlines,
  seizureTermDeadlines,
  finePayment,
  rectificationCheck,
];

/** The matter's time limits, soonest due first. */
export function matterDeadlines(ctx: MatterDeadlineContext): MatterDeadline[] {
  return MATTER_DEADLINE_SOURCES.flatMap((source) => source(ctx)).sort((a, b) => a.due.localeCompare(b.due) || a.key.localeCompare(b.key));
}
