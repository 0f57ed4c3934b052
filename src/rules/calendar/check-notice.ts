import { dayIndexFromYmd, weekdayOfDayIndex, ymdFromDayIndex } from './shanghai-day.js';
import type { YearNotice } from './year-notice.js';

// What the State Council's 节假日安排通知 always is, checked before an administrator's copy is
// stored (CAL-1): it arranges its own year, so every rest day lies in that year; 调休上班 moves a
// weekend day to work, so a make-up working day is a Saturday or Sunday; and no day is both.
// yearNoticeSchema checks only the form: notices stored before these checks must still load.

const WEEKDAY_NAMES = ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六'];

export interface NoticeProblem {
  field: 'holidays' | 'makeUpWorkdays';
  message: string;
}

/** The notice's faults in Chinese, each naming the day; empty when the notice may be stored. */
export function checkYearNotice(notice: YearNotice): NoticeProblem[] {
  const problems: NoticeProblem[] = [];
  const holidayProblem = (message: string) => problems.push({ field: 'holidays', message });
  const makeUpProblem = (message: string) => problems.push({ field: 'makeUpWorkdays', message });
  const inYear = (ymd: string) => ymd.startsWith(`${notice.year}-`);
  const restDays = new Map<string, string>();
  for (const range of notice.holidays) {
    for (let day = dayIndexFromYmd(range.start); day <= dayIndexFromYmd(range.end); day++) {
      const ymd = ymdFromDayIndex(day);
      if (!inYear(ymd)) holidayProblem(`放假日期 ${ymd}（${range.name}）不在 ${notice.year} 年内：每年的通知只安排本年的放假`);
      restDays.set(ymd, range.name);
    }
  }
  for (const ymd of notice.makeUpWorkdays) {
    const weekday = weekdayOfDayIndex(dayIndexFromYmd(ymd));
    if (!inYear(ymd)) makeUpProblem(`调休上班日 ${ymd} 不在 ${notice.year} 年内`);
    if (weekday !== 0 && weekday !== 6) makeUpProblem(`调休上班日 ${ymd} 是${WEEKDAY_NAMES[weekday]}：调休上班日只能是星期六或星期日`);
    const holiday = restDays.get(ymd);
    if (holiday) makeUpProblem(`${ymd} 既在${holiday}放假安排内又是调休上班日`);
  }
  return problems;
}
