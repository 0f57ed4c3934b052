import { describe, expect, it } from 'vitest';
import { createCalendar } from '../calendar/create-calendar.js';
import { loadBuiltInProfiles } from '../profiles/load-profiles.js';
import { shanghai } from '../test-support.js';
import { describeFinding } from './describe-finding.js';
import { evaluateFindings } from './evaluate-findings.js';
import type { MatterFacts } from './matter-facts.js';

const calendar = createCalendar();
const profile = loadBuiltInProfiles().find((p) => p.seed === 'S3')!;
const step = (id: string, name: string, occurredOn: string, done = true) => ({ id, step: name, done, occurredAt: shanghai(`${occurredOn} 10:00`), occurredOn, details: null });
const facts = (steps: ReturnType<typeof step>[]): MatterFacts => ({
  matterId: 'M1', category: 'penalty_general', startRoute: 'ex_officio', activities: [], avRecords: [],
  record: { category: 'penalty_general', steps, parties: [], documents: [], services: [] },
});
const lawFindings = (f: MatterFacts, now: string) => evaluateFindings(f, profile, calendar, shanghai(now)).filter((x) => x.kind === 'law_deadline');

// The 法定期限 of a matter become findings when missed (issue 12: "a finding when late").
describe('law deadline findings (SUP-2, CAL-2)', () => {
  const filed = step('F', 'filing', '2026-01-05');

  it('行政处罚法 第六十条: no finding while the 90 days run; due soon on the last day (the profile rolls 清明 over to 04-07)', () => {
    expect(lawFindings(facts([filed]), '2026-04-05 10:00')).toEqual([]);
    const [f] = lawFindings(facts([filed]), '2026-04-07 09:00');
    expect(f).toMatchObject({ state: 'due_soon', severity: 'low', objectType: 'matter', objectId: 'M1', requirement: 'CAL-2' });
    expect(describeFinding(f!)).toBe('作出处罚决定期限：行政机关应于 2026-04-07 前作出行政处罚决定，今日届满');
  });

  it('行政处罚法 第六十条: undecided after the last day → late, high, quoting the law', () => {
    const [f] = lawFindings(facts([filed]), '2026-04-09 10:00');
    expect(f).toMatchObject({ state: 'late', severity: 'high', rule: { seed: 'national', article: '《中华人民共和国行政处罚法》第六十条' } });
    expect(f!.rule.text).toContain('九十日内');
    expect(describeFinding(f!)).toContain('已逾期');
  });

  it('行政处罚法 第六十条: decided late → a medium finding that stays; decided in time → none', () => {
    const [late] = lawFindings(facts([filed, step('D', 'decision', '2026-04-08')]), '2026-06-01 10:00');
    expect(late).toMatchObject({ state: 'late', severity: 'medium' });
    expect(describeFinding(late!)).toContain('实际 2026-04-08 完成');
    expect(lawFindings(facts([filed, step('D', 'decision', '2026-04-07')]), '2026-06-01 10:00')).toEqual([]);
  });

  it('a matter whose facts carry no record (another source) yields no law deadline finding', () => {
    expect(lawFindings({ ...facts([filed]), record: null }, '2026-06-01 10:00')).toEqual([]);
  });
});
