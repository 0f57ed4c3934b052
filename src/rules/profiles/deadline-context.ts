import type { WorkingDayCalendar } from '../calendar/create-calendar.js';
import type { DeadlineContext } from '../deadlines/compute-due.js';
import type { PolicyProfile } from './profile-schema.js';

/** How an agency's profile counts time limits (CAL-2): its workday end and the calendar-day roll-over. */
export function deadlineContextOf(profile: PolicyProfile, calendar: WorkingDayCalendar): DeadlineContext {
  const { workdayEnd, calendarDayRollover } = profile.parameters;
  return {
    calendar,
    ...(workdayEnd.value === null ? {} : { workdayEnd: workdayEnd.value }),
    calendarDayRollover: calendarDayRollover.value === true,
  };
}
