import type { z } from 'zod';
import type { Db } from '../../db/client.js';
import type { legalReviewMessages, legalReviews } from '../../db/schema/index.js';
import { legalReviewDue } from '../../rules/legal-review/review-due.js';
import { iso } from '../../shared/http-schemas.js';
import { loadCalendar } from '../calendar/calendar-notices.js';
import { currentPolicy } from '../policy/agency-policy.js';
import type { reviewMessageView, reviewView } from './views.js';

type ReviewRow = typeof legalReviews.$inferSelect;
type ReviewView = z.infer<typeof reviewView>;

/**
 * A review row as the API answers it: times as ISO strings, and the JSON columns with the shapes
 * their writers store (submitForReview, decideReview); the response schema checks them.
 */
export function presentReview(r: ReviewRow): ReviewView {
  return {
    ...r,
    status: r.status as ReviewView['status'],
    materials: r.materials as ReviewView['materials'],
    receivedAt: iso(r.receivedAt)!,
    extensionApprovedAt: iso(r.extensionApprovedAt),
    completedAt: iso(r.completedAt),
    points: r.points as ReviewView['points'],
    failReasons: r.failReasons as ReviewView['failReasons'],
    discussionConclusion: r.discussionConclusion as ReviewView['discussionConclusion'],
  };
}

export function presentMessage(m: typeof legalReviewMessages.$inferSelect): z.infer<typeof reviewMessageView> {
  return { ...m, kind: m.kind as 'request' | 'answer', at: iso(m.at)! };
}

/** A function giving a review's due time (REV-5) under the agency's current profile and calendar. */
export async function dueDates(db: Db, agencyId: string) {
  const [policy, calendar] = await Promise.all([currentPolicy(db, agencyId), loadCalendar(db)]);
  return (review: ReviewRow) => {
    const due = policy ? legalReviewDue(policy.profile, calendar, review.receivedAt, review.extensionApprovedAt) : null;
    return { ...presentReview(review), dueAt: iso(due?.dueAt), standardDueAt: iso(due?.standardDueAt), extended: due?.extended ?? false };
  };
}
