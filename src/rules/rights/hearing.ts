import type { WorkingDayCalendar } from '../calendar/create-calendar.js';
import { dueOf, isWithin } from '../law/due-of.js';
import { HEARING_NOTICE_AHEAD, HEARING_REQUEST } from '../law/law-deadlines.js';
import { earliestActDay, noticeFarEnoughAhead } from '../law/notice-ahead.js';
import type { HearingWindowState } from './vocabulary.js';

// 听证 (CASE-9). The time limits are national law's rules in src/rules/law; this file only says
// what they mean for a request, a schedule and a hearing held.

export interface HearingRequestDecision {
  /** The last day of the window (5 working days after the notice was served). */
  due: string;
  accepted: boolean;
  /** Why it was refused, in Chinese; null when accepted. */
  reason: string | null;
}

/**
 * 行政处罚法 第六十四条第（一）项 and 第八十五条: a request made (or posted) on or before the 5th
 * working day after the 行政处罚事先告知书 was served on the party is accepted; a later one is
 * refused with the reason stated — and still recorded by the caller, since nothing a party asked
 * is lost.
 */
export function hearingRequestDecision(noticeServedDay: string, requestDay: string, calendar: WorkingDayCalendar): HearingRequestDecision {
  const due = dueOf(HEARING_REQUEST, noticeServedDay, calendar);
  if (requestDay < noticeServedDay) return { due, accepted: false, reason: `申请日期 ${requestDay} 早于行政处罚事先告知书送达之日 ${noticeServedDay}` };
  if (isWithin(HEARING_REQUEST, noticeServedDay, requestDay, calendar)) return { due, accepted: true, reason: null };
  return { due, accepted: false, reason: `超过申请听证期限：行政处罚事先告知书于 ${noticeServedDay} 送达，应在五个工作日内即 ${due} 前提出（行政处罚法 第六十四条第（一）项）` };
}

/** 行政处罚法 第六十四条第（一）项: the window's state by today's date and whether an accepted request exists. */
export function hearingWindowState(due: string, today: string, requested: boolean): HearingWindowState {
  if (requested) return 'requested';
  return today > due ? 'expired' : 'open';
}

export interface HearingHost {
  officerId?: string | null;
  name: string;
}

/**
 * 行政处罚法 第六十四条第（四）项: 听证由行政机关指定的非本案调查人员主持. The host may be named
 * from the agency's officers or typed; either way an officer of the matter is refused.
 */
export function hostProblem(host: HearingHost, matterOfficers: { id: string; name: string }[]): string | null {
  const name = host.name.trim();
  const clash = matterOfficers.find((o) => (host.officerId && o.id === host.officerId) || o.name === name);
  return clash ? `听证主持人不得由本案调查人员担任：${clash.name} 是本事项的执法人员（行政处罚法 第六十四条第（四）项）` : null;
}

/**
 * 行政处罚法 第六十四条第（二）项: the 听证通知书 is served at least 7 working days before the
 * hearing (all seven lie between service and hearing, see notice-ahead.ts). When scheduling before
 * the notice is served, it cannot be served earlier than today, so today stands in for the service.
 */
export function hearingDayProblem(hearingDay: string, noticeServedDay: string | null, today: string, calendar: WorkingDayCalendar): string | null {
  const from = noticeServedDay ?? today;
  if (noticeFarEnoughAhead(HEARING_NOTICE_AHEAD, from, hearingDay, calendar)) return null;
  const earliest = earliestActDay(HEARING_NOTICE_AHEAD, from, calendar);
  const why = noticeServedDay ? `听证通知书于 ${noticeServedDay} 送达` : `听证通知书最早今日（${today}）送达`;
  return `听证日期过早：${why}，应在举行听证的七个工作日前通知，最早可于 ${earliest} 举行（行政处罚法 第六十四条第（二）项）`;
}
