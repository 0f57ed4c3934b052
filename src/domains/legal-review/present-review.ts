import type { Db } from '../../db/client.js';
import type { legalReviews } from '../../db/schema/index.js';
import { legalReviewDue } from '../../rules/legal-review/review-due.js';
import { iso } from '../../shared/http-schemas.js';
import { loadCalendar } from '../calendar/calendar-notices.js';
import { currentPolicy } from '../policy/agency-policy.js';

type ReviewRow = typeof legalReviews.$inferSelect;

/** A function giving a review's due time (REV-5) under the agency's current profile and calendar. */
export async function dueDates(db: Db, agencyId: string) {
  const [policy, calendar] = await Promise.all([currentPolicy(db, agencyId), loadCalendar(db)]);
  return (review: ReviewRow) => {
    const due = policy ? legalReviewDue(policy.profile, calendar, review.receivedAt, review.extensionApprovedAt) : null;
    return { ...review, dueAt: iso(due?.dueAt), standardDueAt: iso(due?.standardDueAt), extended: due?.extended ?? false };
  };
}
