import { z } from 'zod';
import { isValidYmd } from './shanghai-day.js';

// An administrator's copy of the State Council's 节假日安排通知 for one year (CAL-1): the rest
// ranges (weekends inside them included) and the make-up working days (调休上班). It wins over
// the bundled data and over the statutory fallback for every date it names.

const ymd = z.string().refine(isValidYmd, { error: (issue) => `${String(issue.input)} 不是有效的日期（须为 YYYY-MM-DD）` });

export const yearNoticeSchema = z
  .object({
    year: z.number().int().min(1950).max(2099),
    holidays: z.array(
      z
        .object({ name: z.string().min(1), start: ymd, end: ymd })
        .refine((range) => range.start <= range.end, {
          error: (issue) => {
            const range = issue.input as { name: string; start: string; end: string };
            return `${range.name}放假起始日期 ${range.start} 晚于结束日期 ${range.end}`;
          },
        }),
    ),
    makeUpWorkdays: z.array(ymd),
  })
  .superRefine((notice, ctx) => {
    const both = notice.makeUpWorkdays.find((day) => notice.holidays.some((range) => range.start <= day && day <= range.end));
    if (both) ctx.addIssue({ code: 'custom', path: ['makeUpWorkdays'], message: `调休上班日 ${both} 不得落在放假区间内` });
  });

export type YearNotice = z.infer<typeof yearNoticeSchema>;
