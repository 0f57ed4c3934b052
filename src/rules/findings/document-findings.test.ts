import { describe, expect, it } from 'vitest';
import { createCalendar } from '../calendar/create-calendar.js';
import { loadBuiltInProfiles } from '../profiles/load-profiles.js';
import { describeFinding } from './describe-finding.js';
import { evaluateFindings } from './evaluate-findings.js';
import type { MatterFacts } from './matter-facts.js';

const profile = loadBuiltInProfiles().find((p) => p.seed === 'S1')!;
const calendar = createCalendar();
const occurredAt = new Date('2026-03-02T02:00:00Z'); // Monday 10:00 Shanghai

const seizureMatter = (documents: Array<{ documentId: string; type: string }>): MatterFacts => ({
  matterId: 'm1',
  category: 'coercive_measure',
  startRoute: 'ex_officio',
  activities: [{ activityId: 'a1', activity: 'seizure', occurredAt, officerIds: ['o1', 'o2'], documents, avOmission: { writtenReason: '测试' } }],
  avRecords: [],
});
const docFindings = (facts: MatterFacts, now: Date) => evaluateFindings(facts, profile, calendar, now).filter((f) => f.kind === 'document_missing');

describe('a step without its 执法文书 (DOC-1, CASE-2)', () => {
  it('DOC-1 a seizure needs both 扣押决定书 and 扣押清单: late after the day it happened, naming what is missing', () => {
    const late = docFindings(seizureMatter([{ documentId: 'd1', type: 'seizure_decision' }]), new Date('2026-03-03T02:00:00Z'));
    expect(late).toHaveLength(1);
    expect(late[0]).toMatchObject({ state: 'late', requirement: 'DOC-1', rule: { seed: 'national', article: '《行政处罚法》第四十七条' } });
    expect(describeFinding(late[0]!)).toContain('扣押清单');
    expect(describeFinding(late[0]!)).not.toContain('扣押决定书');
  });
  it('DOC-1 on the same day the record is not yet late; with both documents there is no finding', () => {
    expect(docFindings(seizureMatter([]), new Date('2026-03-02T03:00:00Z'))).toHaveLength(0);
    expect(docFindings(seizureMatter([]), new Date('2026-03-02T13:00:00Z'))[0]?.state).toBe('due_soon');
    const complete = seizureMatter([{ documentId: 'd1', type: 'seizure_decision' }, { documentId: 'd2', type: 'seizure_list' }]);
    expect(docFindings(complete, new Date('2026-03-05T02:00:00Z'))).toHaveLength(0);
  });
});
