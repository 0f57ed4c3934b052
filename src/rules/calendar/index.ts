export { createCalendar } from './create-calendar.js';
export type { CalendarOptions, DayDescription, DayKind, WorkingDayCalendar, YearStatus } from './create-calendar.js';
export { officialYearRange } from './official-holidays.js';
export { DAY_IN_LIEU_ARTICLE, STATUTORY_HOLIDAY_RULE, statutoryHolidays } from './statutory-holidays.js';
export type { StatutoryHoliday } from './statutory-holidays.js';
export { yearNoticeSchema } from './year-notice.js';
export { checkYearNotice } from './check-notice.js';
export type { YearNotice } from './year-notice.js';
export * from './shanghai-day.js';
