import { dayIndexFromYmd, dayIndexOfInstant, ymdFromDayIndex } from '../../calendar/shanghai-day.js';
import type { StepFactsContext } from './step-facts.js';

// What the execution steps read of the matter's record: the 催告书 served, the decision served,
// the day a datetime field names. Shared by the 催告, enforcement and court-application rules.

/** The 催告书 document type (行政强制法 第三十五条; S1 第二十八条). */
export const DEMAND_DOCUMENT = 'reminder_notice';

/** Decisions whose service starts the party's review and lawsuit time (行政复议法 第二十条, 行政诉讼法 第四十六条). */
const DECISIONS = ['penalty_decision', 'enforcement_decision', 'seizure_decision', 'licence_refusal_decision'];

/** The completed services of 催告书, earliest first, each with the deadline the served 催告书 set. */
export function demandsServed(ctx: Pick<StepFactsContext, 'services' | 'documents' | 'steps'>) {
  const fromStep = ctx.steps.filter((s) => s.step === 'reminder' && s.done).map((s) => s.details?.performance_deadline).find((d): d is string => typeof d === 'string');
  return ctx.services
    .filter((s) => s.documentTypeId === DEMAND_DOCUMENT && s.servedDay)
    .map((s) => {
      const doc = ctx.documents.find((d) => d.id === s.documentId);
      const deadline = typeof doc?.fields.performance_deadline === 'string' ? doc.fields.performance_deadline : fromStep ?? null;
      return { servedDay: s.servedDay!, deadline, partyId: s.partyId };
    })
    .sort((a, b) => a.servedDay.localeCompare(b.servedDay));
}

/** The first day an issued decision of the matter was served on a party, or null. */
export function decisionServedDay(ctx: Pick<StepFactsContext, 'services' | 'documents'>): string | null {
  const decisions = new Set(ctx.documents.filter((d) => DECISIONS.includes(d.typeId) && d.status === 'issued').map((d) => d.id));
  return ctx.services.filter((s) => decisions.has(s.documentId) && s.servedDay).map((s) => s.servedDay!).sort()[0] ?? null;
}

/** A datetime field's instant: a value without a zone is China Standard Time, as the forms enter it. */
export function instantOfField(value: unknown): Date | null {
  if (typeof value !== 'string') return null;
  const withZone = /(Z|[+-]\d{2}:\d{2})$/.test(value) ? value : `${value}+08:00`;
  const ms = Date.parse(withZone);
  return Number.isNaN(ms) ? null : new Date(ms);
}

/** The Asia/Shanghai day of an instant. */
export const shanghaiDayOf = (instant: Date) => ymdFromDayIndex(dayIndexOfInstant(instant));

export const dayAfter = (ymd: string) => ymdFromDayIndex(dayIndexFromYmd(ymd) + 1);

/** '2026年10月8日' for a problem message. */
export const cnDay = (ymd: string) => {
  const [y, m, d] = ymd.split('-').map(Number);
  return `${y}年${m}月${d}日`;
};
