// Figure for issue 3: evaluate the findings of 100,000 matters with 20 AV records each, from
// facts already in memory, on one core. Target ≥ 50,000 matters/s.
// Run: npx tsx bench/findings.bench.ts [matters] [--stress]
// By default most work is done on time, as in an agency that follows its rules (about one or
// two findings per matter); --stress makes delays uniform, so about half of all limits are missed.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { createCalendar } from '../src/rules/calendar/create-calendar.js';
import { evaluateFindings } from '../src/rules/findings/evaluate-findings.js';
import type { ActivityFacts, AvRecordFacts, MatterFacts } from '../src/rules/findings/matter-facts.js';
import { loadBuiltInProfiles } from '../src/rules/profiles/load-profiles.js';
import type { EnforcementCategory } from '../src/rules/profiles/vocabulary.js';

const args = process.argv.slice(2);
const STRESS = args.includes('--stress');
const MATTERS = Number(args.find((arg) => /^\d+$/.test(arg)) ?? 100_000);
const RECORDS_PER_MATTER = 20;
const HOUR = 3_600_000;
const CATEGORIES: EnforcementCategory[] = ['penalty_general', 'inspection', 'coercive_measure', 'licensing', 'penalty_simple', 'coercive_execution'];
const ACTIVITIES = ['on_site_inspection', 'questioning', 'seizure', 'sampling', 'hearing', 'service_left_at_premises'];

// A deterministic generator, so runs compare; instants spread over 2025–2027 so the calendar
// meets official, make-up and provisional days.
let seed = 42;
const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648);
const START = Date.parse('2025-01-02T01:00:00Z');
const SPAN = 2.5 * 365 * 24 * HOUR;
const instantPool = Array.from({ length: 50_000 }, () => new Date(START + Math.floor(random() * SPAN)));
const instant = () => instantPool[Math.floor(random() * instantPool.length)]!;
const later = (from: Date, maxHours: number) => new Date(from.getTime() + Math.floor(random() * maxHours * HOUR));
/** Usually within `usualHours`, sometimes (or always under --stress) anywhere up to `worstHours`. */
const delayed = (from: Date, usualHours: number, worstHours: number) =>
  later(from, STRESS || random() < 0.1 ? worstHours : usualHours);
const chance = (usual: number, stress: number) => random() < (STRESS ? stress : usual);

function makeMatter(index: number): MatterFacts {
  const start = instant();
  const activities: ActivityFacts[] = ACTIVITIES.slice(0, 3 + (index % 3)).map((activity, i) => ({
    activityId: `M${index}-A${i}`,
    activity,
    occurredAt: later(start, 48),
    officerIds: chance(0.02, 0.1) ? ['o1'] : ['o1', 'o2'],
    documents: [],
  }));
  const avRecords: AvRecordFacts[] = Array.from({ length: RECORDS_PER_MATTER }, (_, i) => {
    const recordedEnd = later(start, 72);
    const remoteWork = random() < 0.1;
    const returnedAt = remoteWork ? later(recordedEnd, 72) : null;
    const ingestedAt = chance(0.98, 0.9) ? delayed(returnedAt ?? recordedEnd, 2, 60) : null;
    return {
      recordId: `M${index}-R${i}`,
      activityId: activities[i % activities.length]!.activityId,
      recordedEnd,
      returnedAt,
      remoteWork,
      exceptionApproved: random() < 0.05,
      ingestedAt,
      organisedAt: ingestedAt && chance(0.97, 0.8) ? delayed(ingestedAt, 20, 120) : null,
      lateReason: null,
    };
  });
  const endedAt = random() < 0.7 ? later(start, 30 * 24) : null;
  return {
    matterId: `M${index}`,
    category: CATEGORIES[index % CATEGORIES.length]!,
    startRoute: 'ex_officio',
    emergencyStart: random() < 0.1 ? { startedAt: start, retroReportedAt: later(start, 36) } : null,
    activities,
    avRecords,
    endedAt,
    archivedAt: endedAt && chance(0.95, 0.8) ? delayed(endedAt, 15 * 24, 60 * 24) : null,
    decision: random() < 0.6 ? decisionFacts(later(start, 20 * 24)) : null,
    legalReview: random() < 0.2 ? legalReviewFacts(later(start, 10 * 24)) : null,
  };
}

function decisionFacts(issuedAt: Date) {
  return { issuedAt, disclosedAt: chance(0.95, 0.7) ? delayed(issuedAt, 5 * 24, 40 * 24) : null };
}

function legalReviewFacts(receivedAt: Date) {
  return { receivedAt, completedAt: delayed(receivedAt, 4 * 24, 25 * 24) };
}

const profiles = loadBuiltInProfiles();
const calendar = createCalendar();
const now = new Date('2026-06-01T02:00:00Z');

console.log(`generating ${MATTERS.toLocaleString('en')} matters × ${RECORDS_PER_MATTER} AV records${STRESS ? ' (stress: delays uniform)' : ''} …`);
const matters = Array.from({ length: MATTERS }, (_, i) => makeMatter(i));

// Warm the JIT and the calendar's lazily filled years, as a long-running job would be.
for (let i = 0; i < Math.min(5_000, MATTERS); i++) evaluateFindings(matters[i]!, profiles[i % profiles.length]!, calendar, now);

// Settle the heap left by generating the facts, so the figure measures evaluation alone.
setFlagsFromString('--expose-gc');
(runInNewContext('gc') as () => void)();

const started = process.hrtime.bigint();
const cpuBefore = process.cpuUsage();
let findings = 0;
for (let i = 0; i < MATTERS; i++) findings += evaluateFindings(matters[i]!, profiles[i % profiles.length]!, calendar, now).length;
const seconds = Number(process.hrtime.bigint() - started) / 1e9;
const cpu = process.cpuUsage(cpuBefore);
// CPU time of the whole process (GC helper threads included): steadier than wall time on a
// shared machine, and never kinder to us than one core would be.
const cpuSeconds = (cpu.user + cpu.system) / 1e6;

console.log(`evaluated ${MATTERS.toLocaleString('en')} matters (${(MATTERS * RECORDS_PER_MATTER).toLocaleString('en')} records) in ${seconds.toFixed(2)} s`);
console.log(`findings: ${findings.toLocaleString('en')} (${(findings / MATTERS).toFixed(1)} per matter)`);
console.log(`throughput: ${Math.round(MATTERS / seconds).toLocaleString('en')} matters/s wall, ${Math.round(MATTERS / cpuSeconds).toLocaleString('en')} matters/s per CPU second (target ≥ 50,000)`);
