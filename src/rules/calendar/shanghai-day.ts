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

export function ymdFromDayIndex(day: DayIndex): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

export function yearOfDayIndex(day: DayIndex): number {
  return new Date(day * DAY_MS).getUTCFullYear();
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

/** '17:30' → milliseconds after midnight. */
export function msOfHhMm(value: string): number {
  const match = HH_MM_PATTERN.exec(value);
  if (!match) throw new RangeError(`not a time of day in HH:mm form: ${value}`);
  return (Number(match[1]) * 60 + Number(match[2])) * 60_000;
}

/** '2026-02-14 17:30' in Asia/Shanghai, for messages people read. */
export function formatShanghai(instant: Date): string {
  const local = new Date(instant.getTime() + SHANGHAI_OFFSET_MS).toISOString();
  return `${local.slice(0, 10)} ${local.slice(11, 16)}`;
}
