import { describe, expect, it } from 'vitest';
import { createCalendar } from '../calendar/create-calendar.js';
import { loadBuiltInProfiles } from '../profiles/load-profiles.js';
import { describeFinding } from './describe-finding.js';
import { evaluateFindings } from './evaluate-findings.js';
import type { MatterFacts, PenaltyAfterStatementsFacts } from './matter-facts.js';

const profile = loadBuiltInProfiles().find((p) => p.seed === 'S1')!;
const calendar = createCalendar();
const now = new Date('2026-10-30T02:00:00Z');

const matter = (p: PenaltyAfterStatementsFacts | null): MatterFacts => ({ matterId: 'm1', category: 'penalty_general', startRoute: 'ex_officio', activities: [], avRecords: [], penaltyAfterStatements: p });
const heavier = (p: PenaltyAfterStatementsFacts | null) => evaluateFindings(matter(p), profile, calendar, now).filter((f) => f.kind === 'heavier_penalty_after_statements');

describe('CASE-8 no heavier penalty because the party spoke (行政处罚法 第四十五条第二款)', () => {
  const base = { statementsRecorded: true, proposedFine: 10000, decidedFine: 10000, decisionDocumentId: 'd1' };
  it.each([
    ['行政处罚法 第四十五条: statements recorded, decision fines more than proposed → breached', base, 15000, true],
    ['行政处罚法 第四十五条: the same amount → nothing', base, 10000, false],
    ['行政处罚法 第四十五条: a lighter fine → nothing', base, 5000, false],
    ['行政处罚法 第四十五条: no statements recorded (waived or silent) → nothing', { ...base, statementsRecorded: false }, 15000, false],
    ['行政处罚法 第四十五条: the notice records no amount → nothing (a rule never fires on an unrecorded fact)', { ...base, proposedFine: null }, 15000, false],
  ] as const)('%s', (_name, facts, decided, fires) => {
    expect(heavier({ ...facts, decidedFine: decided })).toHaveLength(fires ? 1 : 0);
  });
  it('行政处罚法 第四十五条: the finding names both amounts and the article, on the decision', () => {
    const [f] = heavier({ ...base, decidedFine: 15000 });
    expect(f).toMatchObject({ requirement: 'CASE-8', state: 'breached', objectType: 'decision', objectId: 'd1', rule: { article: '《行政处罚法》第四十五条第二款' } });
    expect(describeFinding(f!)).toContain('15000 元');
    expect(describeFinding(f!)).toContain('10000 元');
  });
  it('行政处罚法 第四十五条: no decision issued yet → nothing', () => {
    expect(heavier(null)).toHaveLength(0);
  });
});
