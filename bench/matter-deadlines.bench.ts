// Figure for issue 12: the national-law time limits of every open matter are recomputed by the
// findings sweep from each matter's record (steps with facts, documents, services, payments).
// Measures matterDeadlines() per matter and the findings engine with and without the records
// (the baseline, measured in the same run), from records already in memory, on one core.
// Run: npx tsx bench/matter-deadlines.bench.ts [matters]
import { createCalendar } from '../src/rules/calendar/create-calendar.js';
import { dayIndexFromYmd, ymdFromDayIndex } from '../src/rules/calendar/shanghai-day.js';
import { evaluateFindings } from '../src/rules/findings/evaluate-findings.js';
import type { MatterFacts } from '../src/rules/findings/matter-facts.js';
import { matterDeadlines, type MatterDeadlineContext } from '../src/rules/matter-deadlines/index.js';
import { loadBuiltInProfiles } from '../src/rules/profiles/load-profiles.js';

const MATTERS = Number(process.argv.slice(2).find((a) => /^\d+$/.test(a)) ?? 50_000);
const calendar = createCalendar();
const profile = loadBuiltInProfiles().find((p) => p.seed === 'S3')!;
let seed = 7;
const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648);
const START = dayIndexFromYmd('2025-01-02');
const day = (offset: number) => ymdFromDayIndex(START + offset);
const step = (id: string, name: string, on: string, details: Record<string, unknown> | null = null) => ({ id, step: name, done: true, occurredAt: new Date(`${on}T02:00:00Z`), occurredOn: on, details });

/** A penalty filed, decided and served, a fine paid or not, a seizure extended or released — as an agency's matters are. */
function record(i: number): NonNullable<MatterFacts['record']> {
  const t = Math.floor(random() * 600);
  const id = `M${i}`;
  const seizure = step(`${id}-S`, 'seizure', day(t + 3), { measure_reason: '证据可能灭失', seized_items: [{ name: '设备', quantity: 2, unit: '台' }], custody_place: '仓库', measure_place: '现场', term_days: 30 });
  const steps = [step(`${id}-F`, 'filing', day(t)), seizure, step(`${id}-D`, 'decision', day(t + 40 + Math.floor(random() * 70)))];
  if (random() < 0.3) steps.push(step(`${id}-E`, 'seizure_extension', day(t + 20), { seizure_step: seizure.id, extension_days: 20, extension_reason: '案情复杂', party_notified_on: day(t + 20) }));
  if (random() < 0.8) steps.push(step(`${id}-R`, 'handling_decision', day(t + 30)));
  const decidedOn = steps.find((s) => s.step === 'decision')!.occurredOn;
  const documents = [{ id: `${id}-doc`, typeId: 'penalty_decision', status: 'issued', stepId: `${id}-D`, issuedAt: new Date(`${decidedOn}T03:00:00Z`), fields: { fine_amount: 1000 + Math.floor(random() * 20_000) } }];
  const servedDay = ymdFromDayIndex(dayIndexFromYmd(decidedOn) + 1);
  const paid = random() < 0.8;
  return {
    category: 'penalty_general',
    steps,
    parties: [{ id: `${id}-p`, kind: 'legal', name: '某公司' }],
    documents,
    services: [{ documentId: `${id}-doc`, documentTypeId: 'penalty_decision', partyId: `${id}-p`, servedDay, method: 'direct' }],
    payments: paid ? [{ id: `${id}-pay`, partyId: `${id}-p`, amountFen: (documents[0]!.fields.fine_amount as number) * 100, paidOn: ymdFromDayIndex(dayIndexFromYmd(servedDay) + Math.floor(random() * 25)), purpose: 'fine' }] : [],
  } as NonNullable<MatterFacts['record']>;
}

const records = Array.from({ length: MATTERS }, (_, i) => record(i));
const facts: MatterFacts[] = records.map((r, i) => ({ matterId: `M${i}`, category: 'penalty_general', startRoute: 'ex_officio', activities: [], avRecords: [], record: r }));
const bare: MatterFacts[] = facts.map(({ record: _r, ...f }) => f);
const now = new Date('2026-12-01T02:00:00Z');
const ctxOf = (r: (typeof records)[number]): MatterDeadlineContext => ({ ...r, calendar, today: '2026-12-01', rollOverAgencyDays: true });

function time(label: string, fn: () => number) {
  fn(); // warm up
  const t0 = performance.now();
  const n = fn();
  const ms = performance.now() - t0;
  console.log(`${label.padEnd(52)} ${(MATTERS / (ms / 1000)).toFixed(0).padStart(9)} matters/s  (${ms.toFixed(0)} ms, ${n} results)`);
  return ms;
}

console.log(`${MATTERS} penalty matters with a seizure (30 % extended), a decision served, 80 % paid; S3 profile`);
const deadlinesMs = time('matterDeadlines (法定期限 card, per matter)', () => records.reduce((n, r) => n + matterDeadlines(ctxOf(r)).length, 0));
const baseMs = time('findings without the records (baseline)', () => bare.reduce((n, f) => n + evaluateFindings(f, profile, calendar, now).length, 0));
const withMs = time('findings with the records (law deadline findings)', () => facts.reduce((n, f) => n + evaluateFindings(f, profile, calendar, now).length, 0));
console.log(`law deadlines add ${(withMs / baseMs).toFixed(2)}× to the findings engine; one matter's deadlines take ${((deadlinesMs * 1000) / MATTERS).toFixed(1)} µs`);
