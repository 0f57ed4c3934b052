import { describe, expect, it } from 'vitest';
import { checkYearNotice } from './check-notice.js';

// The 2026 arrangement as bundled in chinese-days, entered by an administrator: a valid notice.
const notice2026 = {
  year: 2026,
  holidays: [
    { name: '元旦', start: '2026-01-01', end: '2026-01-03' },
    { name: '春节', start: '2026-02-15', end: '2026-02-23' },
    { name: '国庆节', start: '2026-10-01', end: '2026-10-07' },
  ],
  makeUpWorkdays: ['2026-01-04', '2026-02-14', '2026-02-28', '2026-09-20', '2026-10-10'],
};

describe('CAL-1 an entered notice is checked before it is stored', () => {
  it('CAL-1: the 2026 notice as published passes', () => {
    expect(checkYearNotice(notice2026)).toEqual([]);
  });

  it.each([
    ['a holiday outside the notice year', { holidays: [{ name: '元旦', start: '2025-12-31', end: '2026-01-01' }] }, 'holidays', '放假日期 2025-12-31（元旦）不在 2026 年内：每年的通知只安排本年的放假'],
    ['a make-up day outside the notice year', { makeUpWorkdays: ['2027-01-09'] }, 'makeUpWorkdays', '调休上班日 2027-01-09 不在 2026 年内'],
    ['a make-up day on a Wednesday', { makeUpWorkdays: ['2026-02-25'] }, 'makeUpWorkdays', '调休上班日 2026-02-25 是星期三：调休上班日只能是星期六或星期日'],
    ['a day both rest and work', { makeUpWorkdays: ['2026-02-21'] }, 'makeUpWorkdays', '2026-02-21 既在春节放假安排内又是调休上班日'],
  ])('CAL-1: %s is refused, naming the day', (_name, change, field, message) => {
    expect(checkYearNotice({ ...notice2026, ...change })).toContainEqual({ field, message });
  });
});
