import type { WorkingDayCalendar } from '../calendar/create-calendar.js';
import { computeDueAt } from '../deadlines/compute-due.js';
import { deadlineContextOf } from '../profiles/deadline-context.js';
import type { PolicyProfile } from '../profiles/profile-schema.js';

/**
 * REV-5 (第十三条): the review is due 5 working days after receipt, or 5 more when the head
 * approved an extension while it was still within the first limit. Null when the agency's
 * profile sets no review limit.
 */
export function legalReviewDue(profile: PolicyProfile, calendar: WorkingDayCalendar, receivedAt: Date, extensionApprovedAt: Date | null) {
  const { standard, extension } = profile.parameters.legalReview;
  if (standard.value === null) return null;
  const context = deadlineContextOf(profile, calendar);
  const standardDueAt = computeDueAt(standard.value, receivedAt, context);
  const extended = extension.value !== null && extensionApprovedAt !== null && extensionApprovedAt <= standardDueAt;
  const dueAt = extended && extension.value ? computeDueAt(extension.value, standardDueAt, context) : standardDueAt;
  return { standardDueAt, dueAt, extended };
}
