import { z } from 'zod';
import { isValidHhMm } from '../calendar/shanghai-day.js';

// The four kinds of time limit the seeds use (CAL-2). Day-based limits close at the end of their
// last day (23:59:59.999 Asia/Shanghai) unless `closesAt` names an earlier time of day.

const timeOfDay = z.string().refine(isValidHhMm, { message: '时间须为 HH:mm' });

export const deadlineRuleSchema = z.discriminatedUnion('kind', [
  /** N hours after the event, by the clock (S1 第三十一条 "24小时内"). */
  z.object({ kind: z.literal('hours'), hours: z.number().positive().max(24 * 366) }),
  /** The close of the Nth calendar day after the event's day; 0 = the same day (S3 "当天"). */
  z.object({ kind: z.literal('calendarDays'), days: z.number().int().min(0).max(3660), closesAt: timeOfDay.optional() }),
  /** The close of the Nth working day counted from the next working day (S4 "2个工作日内"). */
  z.object({ kind: z.literal('workingDays'), days: z.number().int().min(1).max(366), closesAt: timeOfDay.optional() }),
  /** Before the agency's workday ends (S0 "当天下班前"); after the end or on a rest day, the next working day's end. */
  z.object({ kind: z.literal('sameWorkday') }),
]);

export type DeadlineRule = z.infer<typeof deadlineRuleSchema>;

/** Chinese wording of a rule for people: '24小时内', '2个工作日内', '当天下班前'. */
export function describeDeadlineRule(rule: DeadlineRule): string {
  switch (rule.kind) {
    case 'hours':
      return `${rule.hours}小时内`;
    case 'calendarDays':
      return rule.days === 0 ? '当天' : `${rule.days}日内`;
    case 'workingDays':
      return `${rule.days}个工作日内`;
    case 'sameWorkday':
      return '当天下班前';
  }
}
