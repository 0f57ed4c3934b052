import { asc, desc, eq } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client.js';
import { calendarNotices } from '../../db/schema/index.js';
import { createCalendar, type WorkingDayCalendar } from '../../rules/calendar/create-calendar.js';
import { officialYearRange } from '../../rules/calendar/official-holidays.js';
import { STATUTORY_HOLIDAY_RULE } from '../../rules/calendar/statutory-holidays.js';
import { yearNoticeSchema, type YearNotice } from '../../rules/calendar/year-notice.js';
import { checkYearNotice } from '../../rules/calendar/check-notice.js';
import { dayIndexFromParts, ymdFromDayIndex } from '../../rules/calendar/shanghai-day.js';
import { lockName } from '../../db/locks.js';
import { canonicalJson } from '../../shared/canonical-json.js';
import { AppError } from '../../shared/errors.js';
import { iso } from '../../shared/http-schemas.js';
import { recordAudit, type Actor } from '../audit/record-audit.js';

// CAL-1: the working-day calendar is the bundled State Council notices (chinese-days), the
// statutory holidays for years without one (provisional), and an administrator's notice for a
// year, which wins. Notices are few: every caller builds the calendar from the newest of each year.

/** The notice in force for each year: the newest row of that year. */
export async function noticesInForce(db: DbOrTx): Promise<YearNotice[]> {
  const rows = await db.select().from(calendarNotices).orderBy(asc(calendarNotices.year), desc(calendarNotices.seq));
  const byYear = new Map<number, YearNotice>();
  for (const r of rows) if (!byYear.has(r.year)) byYear.set(r.year, r.notice as YearNotice);
  return [...byYear.values()];
}

export async function loadCalendar(db: DbOrTx): Promise<WorkingDayCalendar> {
  return createCalendar({ notices: await noticesInForce(db) });
}

export async function listNotices(db: Db) {
  const rows = await db.select().from(calendarNotices).orderBy(desc(calendarNotices.year), desc(calendarNotices.seq));
  return rows.map((r) => ({ id: r.id, year: r.year, notice: r.notice as YearNotice, basis: r.basis, createdAt: iso(r.createdAt)!, createdByName: r.createdByName }));
}

/**
 * Enters a year's notice. Decided under a lock on the year: `replacesNoticeId` is the notice in
 * force the administrator saw (null: none); when another came in between, or the notice is the
 * one already in force (a double submit), the request is refused with CONFLICT.
 */
export async function enterNotice(db: Db, actor: Actor, input: { notice: unknown; basis: string; replacesNoticeId?: string | null }, now: Date) {
  const parsed = yearNoticeSchema.safeParse(input.notice);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new AppError('VALIDATION_FAILED', `通知内容有误：${issue.message}`);
  }
  const notice = parsed.data;
  // Refused whole, nothing stored, with every bad day named (the form shows the message).
  const problems = checkYearNotice(notice);
  if (problems.length > 0) throw new AppError('VALIDATION_FAILED', `通知内容有误：${problems.map((p) => p.message).join('；')}`, { issues: problems });
  return db.transaction(async (tx) => {
    await lockName(tx, `calendar_notice:${notice.year}`);
    const [inForce] = await tx.select().from(calendarNotices).where(eq(calendarNotices.year, notice.year)).orderBy(desc(calendarNotices.seq)).limit(1);
    if (input.replacesNoticeId !== undefined && input.replacesNoticeId !== (inForce?.id ?? null)) throw new AppError('CONFLICT', `${notice.year} 年的通知已被他人更新，请刷新后重试`);
    if (inForce && canonicalJson(inForce.notice) === canonicalJson(notice)) throw new AppError('CONFLICT', `${notice.year} 年现行通知的内容与此相同，无需重复录入`);
    const [row] = await tx.insert(calendarNotices).values({ year: notice.year, notice, basis: input.basis, createdAt: now, createdByUserId: actor.userId, createdByName: actor.name }).returning();
    await recordAudit(tx, actor, { action: 'calendar.notice_entered', agencyId: null, objectType: 'calendar_notice', objectId: row!.id, after: { notice, basis: input.basis }, commitments: [{ kind: 'calendar_notice', id: row!.id }] }, now);
    return { id: row!.id, year: notice.year };
  });
}

/** Every day of a year with its kind, for the calendar page. */
export function describeYear(calendar: WorkingDayCalendar, year: number) {
  const first = dayIndexFromParts(year, 1, 1);
  const last = dayIndexFromParts(year, 12, 31);
  const days = [];
  for (let d = first; d <= last; d++) days.push(calendar.describeDay(ymdFromDayIndex(d)));
  const status = calendar.yearStatus(year);
  const bundled = officialYearRange();
  return {
    year,
    status,
    source:
      status === 'notice'
        ? '管理员录入的国务院办公厅节假日安排通知'
        : status === 'official'
          ? `国务院办公厅节假日安排通知（内置 ${bundled.first}–${bundled.last} 年）`
          : `${STATUTORY_HOLIDAY_RULE}（暂按法定节假日计算，适逢周末的已在其后工作日补假，未含调休；请录入当年通知）`,
    days,
  };
}
