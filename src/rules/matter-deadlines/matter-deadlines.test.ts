import { describe, expect, it } from 'vitest';
import { createCalendar } from '../calendar/index.js';
import { deadlineState, matterDeadlines, type MatterDeadlineContext } from './index.js';

const calendar = createCalendar({ notices: [] });
const step = (id: string, name: string, occurredOn: string, done = true) => ({ id, step: name, done, occurredAt: new Date(`${occurredOn}T02:00:00Z`), occurredOn, details: null });
const ctx = (steps: MatterDeadlineContext['steps'], today: string, over: Partial<MatterDeadlineContext> = {}): MatterDeadlineContext => ({
  category: 'penalty_general', steps, parties: [], documents: [], services: [], calendar, today, rollOverAgencyDays: false, ...over,
});

describe('matter deadlines (CAL-2, CASE-5)', () => {
  it('the state of a limit: running, met, met late, overdue (an act on the due day is in time)', () => {
    expect(deadlineState('2026-04-05', null, '2026-04-05')).toBe('running');
    expect(deadlineState('2026-04-05', null, '2026-04-06')).toBe('overdue');
    expect(deadlineState('2026-04-05', '2026-04-05', '2026-05-01')).toBe('met');
    expect(deadlineState('2026-04-05', '2026-04-06', '2026-05-01')).toBe('met_late');
  });

  it('行政处罚法 第六十条: filed 2026-01-05 → decide by 2026-04-05 (清明, no roll-over for the agency unless the profile says so)', () => {
    const [d] = matterDeadlines(ctx([step('f', 'filing', '2026-01-05')], '2026-03-01'));
    expect(d).toMatchObject({ due: '2026-04-05', state: 'running', doneOn: null, startedOn: '2026-01-05' });
    expect(d!.rule.citation.article).toBe('第六十条');
    expect(matterDeadlines(ctx([step('f', 'filing', '2026-01-05')], '2026-03-01', { rollOverAgencyDays: true }))[0]!.due).toBe('2026-04-07');
  });

  it('行政处罚法 第六十条: decided on day 90 is met; on day 91 is late; undecided after the due day is overdue', () => {
    const filed = step('f', 'filing', '2026-01-05');
    expect(matterDeadlines(ctx([filed, step('d', 'decision', '2026-04-05')], '2026-05-01'))[0]!.state).toBe('met');
    expect(matterDeadlines(ctx([filed, step('d', 'decision', '2026-04-06')], '2026-05-01'))[0]!.state).toBe('met_late');
    expect(matterDeadlines(ctx([filed, step('d', 'decision', '2026-04-01', false)], '2026-04-06'))[0]!.state).toBe('overdue');
  });

  it('行政处罚法 第六十条: no clock before the filing is approved, and none outside the general procedure', () => {
    expect(matterDeadlines(ctx([step('f', 'filing', '2026-01-05', false)], '2026-03-01'))).toEqual([]);
    expect(matterDeadlines(ctx([step('f', 'filing', '2026-01-05')], '2026-03-01', { category: 'coercive_measure' }))).toEqual([]);
  });
});
