import bundled from 'chinese-days/dist/chinese-days.json' with { type: 'json' };
import { dayIndexFromYmd, type DayIndex } from './shanghai-day.js';

// The State Council holiday notices bundled in chinese-days (2004–2026 in 1.5.7): rest days
// (weekends inside a holiday range included) and 调休 make-up working days. We read its JSON
// rather than call isWorkday(), which depends on the host's time zone.

export interface OfficialDay {
  working: boolean;
  /** Chinese holiday name, e.g. '春节'. */
  holidayName: string;
}

const officialDays = new Map<DayIndex, OfficialDay>();
const officialYears = new Set<number>();

function holidayNameOf(entry: string): string {
  // Entries read "Spring Festival,春节,4": English name, Chinese name, statutory length.
  return entry.split(',')[1] ?? entry;
}

for (const [ymd, entry] of Object.entries(bundled.holidays as Record<string, string>)) {
  officialDays.set(dayIndexFromYmd(ymd), { working: false, holidayName: holidayNameOf(entry) });
  officialYears.add(Number(ymd.slice(0, 4)));
}
for (const [ymd, entry] of Object.entries(bundled.workdays as Record<string, string>)) {
  officialDays.set(dayIndexFromYmd(ymd), { working: true, holidayName: holidayNameOf(entry) });
}

export function hasOfficialYear(year: number): boolean {
  return officialYears.has(year);
}

export function officialDay(day: DayIndex): OfficialDay | undefined {
  return officialDays.get(day);
}

export function officialYearRange(): { first: number; last: number } {
  const years = [...officialYears];
  return { first: Math.min(...years), last: Math.max(...years) };
}
