import { describe, expect, it } from 'vitest';
import { createCalendar } from '../calendar/create-calendar.js';
import { loadBuiltInProfiles } from '../profiles/load-profiles.js';
import type { PolicyProfile } from '../profiles/profile-schema.js';
import { closeOf, shanghai } from '../test-support.js';
import { avStorageDeadline } from './av-storage-deadline.js';
import type { AvRecordFacts } from './matter-facts.js';

// AV-4, table-driven: the same recording facts, and the instant by which each seed demands
// storage. S0 same workday (17:30 default); S1 24 h; S2 24 h after return, at most 3 working
// days in special circumstances; S3 the same day, 24 h after return for remote work; S4 2
// working days, 2 working days after return for remote work. null = the seed sets no number.

type Seed = 'S0' | 'S1' | 'S2' | 'S3' | 'S4';
type Facts = Pick<AvRecordFacts, 'recordedEnd' | 'remoteWork' | 'returnedAt' | 'exceptionApproved'>;
interface Scenario {
  name: string;
  facts: Facts;
  expected: Record<Seed, Date | null>;
}

const scenarios: Scenario[] = [
  {
    name: 'ordinary Wednesday afternoon',
    facts: { recordedEnd: shanghai('2026-03-11 15:00'), returnedAt: shanghai('2026-03-11 16:00'), remoteWork: false },
    expected: { S0: shanghai('2026-03-11 17:30'), S1: shanghai('2026-03-12 15:00'), S2: shanghai('2026-03-12 16:00'), S3: closeOf('2026-03-11'), S4: closeOf('2026-03-13') },
  },
  {
    name: 'Friday after the workday end, across a weekend',
    facts: { recordedEnd: shanghai('2026-03-13 18:30'), returnedAt: shanghai('2026-03-13 19:00'), remoteWork: false },
    expected: { S0: shanghai('2026-03-16 17:30'), S1: shanghai('2026-03-14 18:30'), S2: shanghai('2026-03-14 19:00'), S3: closeOf('2026-03-13'), S4: closeOf('2026-03-17') },
  },
  {
    name: 'on a Saturday',
    facts: { recordedEnd: shanghai('2026-03-14 10:00'), returnedAt: shanghai('2026-03-14 11:00'), remoteWork: false },
    expected: { S0: shanghai('2026-03-16 17:30'), S1: shanghai('2026-03-15 10:00'), S2: shanghai('2026-03-15 11:00'), S3: closeOf('2026-03-14'), S4: closeOf('2026-03-17') },
  },
  {
    name: 'Friday before 春节 2026, make-up Saturday 02-14 counts',
    facts: { recordedEnd: shanghai('2026-02-13 16:00'), returnedAt: shanghai('2026-02-13 17:00'), remoteWork: false },
    expected: { S0: shanghai('2026-02-13 17:30'), S1: shanghai('2026-02-14 16:00'), S2: shanghai('2026-02-14 17:00'), S3: closeOf('2026-02-13'), S4: closeOf('2026-02-24') },
  },
  {
    name: 'Friday before 春节 2026 after the workday end: S0 falls on the make-up Saturday',
    facts: { recordedEnd: shanghai('2026-02-13 18:00'), returnedAt: shanghai('2026-02-13 18:30'), remoteWork: false },
    expected: { S0: shanghai('2026-02-14 17:30'), S1: shanghai('2026-02-14 18:00'), S2: shanghai('2026-02-14 18:30'), S3: closeOf('2026-02-13'), S4: closeOf('2026-02-24') },
  },
  {
    name: 'on 除夕 2026, a holiday',
    facts: { recordedEnd: shanghai('2026-02-16 10:00'), returnedAt: shanghai('2026-02-16 12:00'), remoteWork: false },
    expected: { S0: shanghai('2026-02-24 17:30'), S1: shanghai('2026-02-17 10:00'), S2: shanghai('2026-02-17 12:00'), S3: closeOf('2026-02-16'), S4: closeOf('2026-02-25') },
  },
  {
    name: 'the eve of 国庆 2025',
    facts: { recordedEnd: shanghai('2025-09-30 16:00'), returnedAt: shanghai('2025-09-30 17:00'), remoteWork: false },
    expected: { S0: shanghai('2025-09-30 17:30'), S1: shanghai('2025-10-01 16:00'), S2: shanghai('2025-10-01 17:00'), S3: closeOf('2025-09-30'), S4: closeOf('2025-10-10') },
  },
  {
    name: 'the eve of 国庆 2025 after the workday end',
    facts: { recordedEnd: shanghai('2025-09-30 18:00'), returnedAt: shanghai('2025-09-30 18:30'), remoteWork: false },
    expected: { S0: shanghai('2025-10-09 17:30'), S1: shanghai('2025-10-01 18:00'), S2: shanghai('2025-10-01 18:30'), S3: closeOf('2025-09-30'), S4: closeOf('2025-10-10') },
  },
  {
    // 2027 春节 runs 02-05..08 with 补假 02-09 and 02-10 for its weekend days (放假办法 第六条).
    name: 'provisional 2027 (not in chinese-days), the day before 除夕, after the workday end',
    facts: { recordedEnd: shanghai('2027-02-04 18:00'), returnedAt: shanghai('2027-02-04 19:00'), remoteWork: false },
    expected: { S0: shanghai('2027-02-11 17:30'), S1: shanghai('2027-02-05 18:00'), S2: shanghai('2027-02-05 19:00'), S3: closeOf('2027-02-04'), S4: closeOf('2027-02-12') },
  },
  {
    name: 'remote work, back two days later in the evening',
    facts: { recordedEnd: shanghai('2026-03-09 15:00'), returnedAt: shanghai('2026-03-11 20:00'), remoteWork: true },
    expected: { S0: shanghai('2026-03-09 17:30'), S1: shanghai('2026-03-12 20:00'), S2: shanghai('2026-03-12 20:00'), S3: shanghai('2026-03-12 20:00'), S4: closeOf('2026-03-13') },
  },
  {
    name: 'approved special circumstance, back two days later',
    facts: { recordedEnd: shanghai('2026-03-09 15:00'), returnedAt: shanghai('2026-03-11 20:00'), remoteWork: false, exceptionApproved: true },
    expected: { S0: null, S1: shanghai('2026-03-10 15:00'), S2: closeOf('2026-03-16'), S3: closeOf('2026-03-09'), S4: closeOf('2026-03-11') },
  },
  {
    name: 'approved special circumstance over 春节 2026',
    facts: { recordedEnd: shanghai('2026-02-13 09:00'), returnedAt: shanghai('2026-02-13 10:00'), remoteWork: false, exceptionApproved: true },
    expected: { S0: null, S1: shanghai('2026-02-14 09:00'), S2: closeOf('2026-02-25'), S3: closeOf('2026-02-13'), S4: closeOf('2026-02-24') },
  },
];

const calendar = createCalendar();
const profiles = new Map(loadBuiltInProfiles().map((profile) => [profile.seed, profile]));
const seedRule: Record<Seed, string> = {
  S0: 'same workday',
  S1: '24 h',
  S2: '24 h after return, ≤3 working days',
  S3: 'same day / 24 h after return',
  S4: '2 working days',
};

function dueFor(profile: PolicyProfile, facts: Facts): Date | null {
  return avStorageDeadline(profile, facts, calendar).dueAt;
}

for (const seed of ['S0', 'S1', 'S2', 'S3', 'S4'] as const) {
  describe(`AV-4 ${seed} storage deadline`, () => {
    it.each(scenarios.map((scenario) => [scenario.name, scenario] as const))(`AV-4 ${seed}: ${seedRule[seed]} — %s`, (_name, scenario) => {
      const due = dueFor(profiles.get(seed)!, scenario.facts);
      expect(due?.toISOString() ?? null).toBe(scenario.expected[seed]?.toISOString() ?? null);
    });
  });
}

describe('AV-4 calendar sources', () => {
  it('AV-4 CAL-1: 2027 is provisional in these scenarios', () => {
    expect(calendar.yearStatus(2027)).toBe('provisional');
  });

  it('AV-4 CAL-1 S4: an administrator notice for 2027 moves the deadline', () => {
    const withNotice = createCalendar({
      notices: [{ year: 2027, holidays: [{ name: '春节', start: '2027-02-05', end: '2027-02-11' }], makeUpWorkdays: ['2027-02-13'] }],
    });
    const facts = { recordedEnd: shanghai('2027-02-04 18:00'), remoteWork: false };
    const s4 = profiles.get('S4')!;
    expect(avStorageDeadline(s4, facts, withNotice).dueAt).toEqual(closeOf('2027-02-13'));
    expect(avStorageDeadline(s4, facts, calendar).dueAt).toEqual(closeOf('2027-02-12'));
  });

  it('AV-4 S0: the agency workday end from the profile is used', () => {
    const s0 = structuredClone(profiles.get('S0')!);
    if (s0.parameters.workdayEnd.value === null) throw new Error('S0 has a workday end');
    s0.parameters.workdayEnd.value = '18:00';
    expect(avStorageDeadline(s0, { recordedEnd: shanghai('2026-03-11 17:45'), remoteWork: false }, calendar).dueAt).toEqual(shanghai('2026-03-11 18:00'));
  });

  it('AV-4 S0: an approved delay has no number in 第三十五条, so it says why', () => {
    const deadline = avStorageDeadline(profiles.get('S0')!, { recordedEnd: shanghai('2026-03-11 15:00'), remoteWork: false, exceptionApproved: true }, calendar);
    expect(deadline).toMatchObject({ variant: 'approvedException', dueAt: null, source: { seed: 'S0', article: '第三十五条' } });
  });
});
