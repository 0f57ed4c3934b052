import { useMemo } from 'react';
import { calendarApi, type CalendarDay } from '../../api/index.js';
import { dayjs, zone } from '../../util/time.js';
import { useLoad } from '../../util/useLoad.js';

// REV-5 (第十三条): 5 working days from receipt, 5 more with the head's approval. The server
// counts the same way (src/rules/deadlines/compute-due.ts: the Nth working day after the day of
// receipt, to its end); the working days come from the calendar of the rules issue.
export const STANDARD_DAYS = 5;
export const EXTENSION_DAYS = 5;

export type Due = { due: string; standardDue: string; extended: boolean; overdue: boolean };

function addWorkingDays(working: Map<string, boolean>, from: string, n: number): string {
  let d = dayjs(from);
  for (let counted = 0; counted < n; ) {
    d = d.add(1, 'day');
    const key = d.format('YYYY-MM-DD');
    if (working.get(key) ?? ![0, 6].includes(d.day())) counted++;
  }
  return d.format('YYYY-MM-DD');
}

/** A due-date function for reviews received in the years around now. */
export function useReviewDue() {
  const year = dayjs().tz(zone).year();
  const years = useLoad(() => Promise.all([year - 1, year, year + 1].map((y) => calendarApi.year(y).catch(() => null))), [year]);
  return useMemo(() => {
    const working = new Map<string, boolean>();
    for (const y of years.data ?? []) for (const d of (y?.days ?? []) as CalendarDay[]) working.set(d.date, d.working);
    return (review: { receivedAt: string; extensionApprovedAt: string | null; completedAt: string | null }): Due => {
      const received = dayjs(review.receivedAt).tz(zone).format('YYYY-MM-DD');
      const standardDue = addWorkingDays(working, received, STANDARD_DAYS);
      const extended = !!review.extensionApprovedAt;
      const due = extended ? addWorkingDays(working, standardDue, EXTENSION_DAYS) : standardDue;
      const end = review.completedAt ? dayjs(review.completedAt).tz(zone).format('YYYY-MM-DD') : dayjs().tz(zone).format('YYYY-MM-DD');
      return { due, standardDue, extended, overdue: end > due };
    };
  }, [years.data]);
}
