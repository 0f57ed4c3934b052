// Every rule computes in Asia/Shanghai (UTC+8, no daylight saving since 1991), so a local day is
// plain arithmetic on the UTC instant: no Intl, no process time zone, nothing that varies by host.

/** Days since 1970-01-01 as counted on the wall calendar of Asia/Shanghai. */
export type DayIndex = number;

const DAY_MS = 86_400_000;
const SHANGHAI_OFFSET_MS = 8 * 3_600_000;
const YMD_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const HH_MM_PATTERN = /^([01]\d|2[0-3]):([0-5]\d)$/;

export function dayIndexOfInstant(instant: Date | number): DayIndex {
  const ms = typeof instant === 'number' ? instant : instant.getTime();
  return Math.floor((ms + SHANGHAI_OFFSET_MS) / DAY_MS);
}

/** Milliseconds elapsed since local midnight in Asia/Shanghai. */
export function localMsOfDay(instant: Date | number): number {
  const ms = typeof instant === 'number' ? instant : instant.getTime();
  return ms + SHANGHAI_OFFSET_MS - dayIndexOfInstant(ms) * DAY_MS;
}

export function isValidYmd(value: string): boolean {
  const match = YMD_PATTERN.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const probe = new Date(Date.UTC(year, month - 1, day));
  return probe.getUTCFullYear() === year && probe.getUTCMonth() === month - 1 && probe.getUTCDate() === day;
}

export function dayIndexFromYmd(ymd: string): DayIndex {
  if (!isValidYmd(ymd)) throw new RangeError(`not a calendar date in YYYY-MM-DD form: ${ymd}`);
  return Date.UTC(Number(ymd.slice(0, 4)), Number(ymd.slice(5, 7)) - 1, Number(ymd.slice(8, 10))) / DAY_MS;
}

export function dayIndexFromParts(year: number, month: number, day: number): DayIndex {
  return Date.UTC(year, month - 1, day) / DAY_MS;
}

/** Year, month (1–12) and day of a day index, by Hinnant's days-to-civil algorithm (no Date). */
export function civilFromDayIndex(day: DayIndex): { year: number; month: number; day: number } {
  const shifted = day + 719_468;
  const era = Math.floor(shifted / 146_097);
  const dayOfEra = shifted - era * 146_097;
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365);
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const monthIndex = Math.floor((5 * dayOfYear + 2) / 153);
  const month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9;
  return { year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day: dayOfYear - Math.floor((153 * monthIndex + 2) / 5) + 1 };
}

const pad2 = (value: number) => (value < 10 ? `0${value}` : `${value}`);

export function ymdFromDayIndex(day: DayIndex): string {
  const civil = civilFromDayIndex(day);
  return `${civil.year}-${pad2(civil.month)}-${pad2(civil.day)}`;
}

export function yearOfDayIndex(day: DayIndex): number {
  return civilFromDayIndex(day).year;
}

/** 0 = Sunday … 6 = Saturday; 1970-01-01 was a Thursday. */
export function weekdayOfDayIndex(day: DayIndex): number {
  return (((day + 4) % 7) + 7) % 7;
}

/** The UTC instant of a local wall-clock time (ms after local midnight) on a Shanghai day. */
export function instantOfLocalTime(day: DayIndex, msOfDay: number): Date {
  return new Date(day * DAY_MS - SHANGHAI_OFFSET_MS + msOfDay);
}

/** The close of a local day, 23:59:59.999 Asia/Shanghai. */
export function endOfLocalDay(day: DayIndex): Date {
  return instantOfLocalTime(day, DAY_MS - 1);
}

export function isValidHhMm(value: string): boolean {
  return HH_MM_PATTERN.test(value);
}

// A profile has one or two such times; parsing each once keeps the regex off the hot path.
const parsedTimesOfDay = new Map<string, number>();

/** '17:30' → milliseconds after midnight. */
export function msOfHhMm(value: string): number {
  let ms = parsedTimesOfDay.get(value);
  if (ms === undefined) {
    const match = HH_MM_PATTERN.exec(value);
    if (!match) throw new RangeError(`not a time of day in HH:mm form: ${value}`);
    ms = (Number(match[1]) * 60 + Number(match[2])) * 60_000;
    parsedTimesOfDay.set(value, ms);
  }
  return ms;
}

/** '2026-02-14 17:30' in Asia/Shanghai, for messages people read. */
export function formatShanghai(instant: Date): string {
  const minutes = Math.floor(localMsOfDay(instant) / 60_000);
  return `${ymdFromDayIndex(dayIndexOfInstant(instant))} ${pad2(Math.floor(minutes / 60))}:${pad2(minutes % 60)}`;
}
