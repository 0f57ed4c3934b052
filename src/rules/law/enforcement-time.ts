import type { WorkingDayCalendar } from '../calendar/create-calendar.js';
import { dayIndexOfInstant, localMsOfDay, msOfHhMm } from '../calendar/shanghai-day.js';
import { NIGHT_DEFINITION, NIGHT_HOLIDAY_ENFORCEMENT } from './citations.js';

// 行政强制法 第四十三条: no enforcement at night or on a statutory holiday unless urgent. The law does
// not define 夜间; the only statutory definition is 22:00–06:00 (噪声污染防治法 第八十八条, which lets a
// city move it while keeping 8 hours), so it is a parameter with that default. 法定节假日 is read as
// every rest day of the calendar, weekends included: the Supreme People's Court answered that a
// demolition on a Saturday breaches 第四十三条 ((2016)最高法行他81号); 调休 make-up days are working days.

export interface NightWindow {
  /** 'HH:mm' local time night begins. */
  start: string;
  /** 'HH:mm' local time night ends (the next morning when before start). */
  end: string;
}

export const DEFAULT_NIGHT: NightWindow = { start: '22:00', end: '06:00' };

export interface EnforcementTimeOptions {
  night?: NightWindow;
  /** The recorded reason the matter is urgent (情况紧急); empty or absent means not urgent. */
  urgentReason?: string | null;
}

export type EnforcementTimeCheck =
  | { allowed: true; urgentOverride: boolean }
  | { allowed: false; code: 'ENFORCEMENT_AT_NIGHT' | 'ENFORCEMENT_ON_REST_DAY'; message: string };

export function isNight(instant: Date, night: NightWindow = DEFAULT_NIGHT): boolean {
  const ms = localMsOfDay(instant);
  const start = msOfHhMm(night.start);
  const end = msOfHhMm(night.end);
  return start <= end ? ms >= start && ms < end : ms >= start || ms < end;
}

export function enforcementTimeCheck(instant: Date, calendar: WorkingDayCalendar, options: EnforcementTimeOptions = {}): EnforcementTimeCheck {
  const night = isNight(instant, options.night);
  const restDay = !calendar.isWorkingDayIndex(dayIndexOfInstant(instant));
  const urgent = (options.urgentReason ?? '').trim().length > 0;
  if (!night && !restDay) return { allowed: true, urgentOverride: false };
  if (urgent) return { allowed: true, urgentOverride: true };
  return night
    ? { allowed: false, code: 'ENFORCEMENT_AT_NIGHT', message: '不得在夜间实施行政强制执行，情况紧急的须注明理由（《行政强制法》第四十三条）' }
    : { allowed: false, code: 'ENFORCEMENT_ON_REST_DAY', message: '不得在法定节假日实施行政强制执行，情况紧急的须注明理由（《行政强制法》第四十三条）' };
}

export const enforcementTimeSources = [NIGHT_HOLIDAY_ENFORCEMENT, NIGHT_DEFINITION] as const;
