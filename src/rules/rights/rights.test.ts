import { describe, expect, it } from 'vitest';
import { createCalendar } from '../calendar/create-calendar.js';
import { hearingDayProblem, hearingRequestDecision, hearingWindowState, hostProblem } from './hearing.js';
import { recusalDecisionProblem, refusalProblems, reviewProblem } from './records.js';

// 国庆 2026: 10-01…10-07 rest, 10-10 (Sat) a make-up working day (bundled State Council notice).
// 春节 2026: 02-15…02-23 rest, 02-14 (Sat) and 02-28 (Sat) make-up working days.
const calendar = createCalendar();

describe('CASE-9 hearing requests (行政处罚法 第六十四条第（一）项, 第八十五条)', () => {
  const rows: [name: string, served: string, request: string, accepted: boolean, due: string][] = [
    ['行政处罚法 第六十四条: notice served 2026-09-29, request on day 5 (2026-10-12, over 国庆) accepted', '2026-09-29', '2026-10-12', true, '2026-10-12'],
    ['行政处罚法 第六十四条: notice served 2026-09-29, request on day 6 (2026-10-13) refused', '2026-09-29', '2026-10-13', false, '2026-10-12'],
    ['行政处罚法 第八十五条: the make-up Saturday 2026-10-10 is a working day (day 4): accepted', '2026-09-29', '2026-10-10', true, '2026-10-12'],
    ['行政处罚法 第六十四条: a request during the holiday (2026-10-04) is within the window', '2026-09-29', '2026-10-04', true, '2026-10-12'],
    ['行政处罚法 第六十四条: notice served 2026-02-12, request on day 5 (2026-02-26, over 春节) accepted', '2026-02-12', '2026-02-26', true, '2026-02-26'],
    ['行政处罚法 第六十四条: notice served 2026-02-12, request on day 6 (2026-02-27) refused', '2026-02-12', '2026-02-27', false, '2026-02-26'],
    ['行政处罚法 第六十四条: a request dated before the notice was served is refused', '2026-09-29', '2026-09-28', false, '2026-10-12'],
  ];
  it.each(rows)('%s', (_name, served, request, accepted, due) => {
    const d = hearingRequestDecision(served, request, calendar);
    expect(d).toMatchObject({ due, accepted });
    expect(d.reason === null).toBe(accepted);
  });

  it('行政处罚法 第六十四条: a late refusal states the due day and the article', () => {
    expect(hearingRequestDecision('2026-09-29', '2026-10-13', calendar).reason).toContain('2026-10-12');
    expect(hearingRequestDecision('2026-09-29', '2026-10-13', calendar).reason).toContain('第六十四条');
  });

  it.each([
    ['行政处罚法 第六十四条: open on the due day', '2026-10-12', '2026-10-12', false, 'open'],
    ['行政处罚法 第六十四条: expired the day after', '2026-10-12', '2026-10-13', false, 'expired'],
    ['行政处罚法 第六十四条: requested wins over the date', '2026-10-12', '2026-10-20', true, 'requested'],
  ] as const)('%s', (_name, due, today, requested, state) => {
    expect(hearingWindowState(due, today, requested)).toBe(state);
  });
});

describe('CASE-9 the hearing notice and host (行政处罚法 第六十四条第（二）项、第（四）项)', () => {
  it('行政处罚法 第六十四条第（二）项: notice served 2026-09-29 → hearing on 2026-10-15 allowed, 2026-10-14 refused', () => {
    expect(hearingDayProblem('2026-10-15', '2026-09-29', '2026-09-29', calendar)).toBeNull();
    expect(hearingDayProblem('2026-10-14', '2026-09-29', '2026-09-29', calendar)).toContain('2026-10-15');
  });
  it('行政处罚法 第六十四条第（二）项: scheduled before the notice is served, today stands in for the service day', () => {
    expect(hearingDayProblem('2026-10-14', null, '2026-09-29', calendar)).toContain('最早今日');
    expect(hearingDayProblem('2026-10-15', null, '2026-09-29', calendar)).toBeNull();
  });
  const officers = [{ id: 'o1', name: '王建国' }, { id: 'o2', name: '李晓红' }];
  it.each([
    ['行政处罚法 第六十四条第（四）项: a matter officer picked by id is refused', { officerId: 'o1', name: '王建国' }, true],
    ['行政处罚法 第六十四条第（四）项: a matter officer typed by name is refused', { name: ' 李晓红 ' }, true],
    ['行政处罚法 第六十四条第（四）项: someone else may host', { officerId: 'o9', name: '法制科 张某' }, false],
  ] as const)('%s', (_name, host, refused) => {
    expect(hostProblem(host, officers) !== null).toBe(refused);
  });
});

describe('CASE-8 statements, 复核, 回避 and refusals', () => {
  it.each([
    ['行政处罚法 第四十五条: 采纳 needs no reasons', 'adopted', null, false],
    ['行政处罚法 第四十五条: 不予采纳 without reasons is refused', 'not_adopted', '  ', true],
    ['行政处罚法 第四十五条: 部分采纳 without reasons is refused', 'partly', undefined, true],
    ['行政处罚法 第四十五条: 不予采纳 with reasons', 'not_adopted', '当事人所述与现场检查笔录不符', false],
  ] as const)('%s', (_name, result, reasons, problem) => {
    expect(reviewProblem(result, reasons) !== null).toBe(problem);
  });
  it('S1 第十一条: a refusal needs a witness or an AV record', () => {
    expect(refusalProblems({ what: '拒绝打开仓库接受检查' })).toHaveLength(1);
    expect(refusalProblems({ what: '拒绝打开仓库接受检查', witnessName: '村委会 王某' })).toEqual([]);
    expect(refusalProblems({ what: '拒绝打开仓库接受检查', avRecordId: 'av-1' })).toEqual([]);
    expect(refusalProblems({ what: ' ', avRecordId: 'av-1' })).toHaveLength(1);
  });
  it('行政处罚法 第四十三条: a refused 回避 request states why', () => {
    expect(recusalDecisionProblem('refused', '')).not.toBeNull();
    expect(recusalDecisionProblem('refused', '申请理由不成立')).toBeNull();
    expect(recusalDecisionProblem('granted', null)).toBeNull();
  });
});
