import { dueOf } from '../law/due-of.js';
import { lateSurcharge, type LateSurcharge } from '../law/late-surcharge.js';
import { FINE_PAYMENT } from '../law/law-deadlines.js';
import type { StepFactsContext } from '../matters/step-facts/step-facts.js';

// 罚款缴纳 (CASE-11): what the matter records about its fine, read by the payment card, the
// 缴纳罚款 deadline, the 加处罚款 check and the court application. Nothing here is stored: the
// fine is the issued 行政处罚决定书's 罚款金额 (fine_amount, in 元), its service starts the 15 days
// (行政处罚法 第六十七条第三款), an approved 延期（分期）缴纳 moves the due day (第六十六条), and the
// payments recorded in 分 say when it was paid. Money is integer 分 throughout.

type Ctx = Pick<StepFactsContext, 'steps' | 'documents' | 'services' | 'calendar'> & { payments?: StepFactsContext['payments'] };

export type FineDeferral = { stepId: string; kind: '延期缴纳' | '分期缴纳'; due: string; instalments: { due: string; amountFen: number }[] };

export type FineStatus = {
  documentId: string;
  fineFen: number;
  /** The first day the decision counts as served on a party, or null before. */
  servedDay: string | null;
  /** 15 days after service (rolled over a rest day), or the approved deferral's last day. */
  due: string | null;
  deferral: FineDeferral | null;
  paidFineFen: number;
  paidSurchargeFen: number;
  /** The day the fine payments reached the fine. */
  paidOn: string | null;
};

/** 元 (a document's money field) to 分, exactly. */
export const fenOfYuan = (yuan: unknown) => (typeof yuan === 'number' && Number.isFinite(yuan) ? Math.round(yuan * 100) : 0);

/** The issued 行政处罚决定书 that imposes a fine (the latest version), or null. */
export function fineDecision(ctx: Pick<Ctx, 'documents'>) {
  const issued = ctx.documents
    .filter((d) => d.typeId === 'penalty_decision' && d.status === 'issued' && fenOfYuan(d.fields.fine_amount) > 0)
    .sort((a, b) => (a.issuedAt?.getTime() ?? 0) - (b.issuedAt?.getTime() ?? 0));
  const doc = issued.at(-1);
  return doc ? { documentId: doc.id, fineFen: fenOfYuan(doc.fields.fine_amount) } : null;
}

/** The latest approved 延期（分期）缴纳罚款 (行政处罚法 第六十六条), or null. */
export function approvedDeferral(ctx: Pick<Ctx, 'steps'>): FineDeferral | null {
  const step = ctx.steps.filter((s) => s.step === 'payment_deferral' && s.done && s.details).at(-1);
  if (!step) return null;
  const d = step.details!;
  const instalments = Array.isArray(d.instalments)
    ? (d.instalments as { due?: unknown; amount?: unknown }[]).map((row) => ({ due: String(row.due), amountFen: fenOfYuan(row.amount) })).sort((a, b) => a.due.localeCompare(b.due))
    : [];
  const kind = d.deferral_kind === '分期缴纳' ? '分期缴纳' : '延期缴纳';
  const due = kind === '分期缴纳' ? instalments.at(-1)?.due : typeof d.new_due === 'string' ? d.new_due : undefined;
  return due ? { stepId: step.id, kind, due, instalments } : null;
}

/** The fine of the matter, what has been paid and when it falls due; null without a fine decision. */
export function fineStatus(ctx: Ctx): FineStatus | null {
  const fine = fineDecision(ctx);
  if (!fine) return null;
  const served = ctx.services.filter((s) => s.documentId === fine.documentId && s.servedDay).map((s) => s.servedDay!).sort()[0] ?? null;
  const deferral = approvedDeferral(ctx);
  const due = deferral?.due ?? (served ? dueOf(FINE_PAYMENT, served, ctx.calendar) : null);
  const payments = [...(ctx.payments ?? [])].sort((a, b) => a.paidOn.localeCompare(b.paidOn));
  let running = 0;
  let paidOn: string | null = null;
  for (const p of payments.filter((x) => x.purpose === 'fine')) {
    running += p.amountFen;
    if (!paidOn && running >= fine.fineFen) paidOn = p.paidOn;
  }
  const paidSurchargeFen = payments.filter((x) => x.purpose === 'surcharge').reduce((sum, p) => sum + p.amountFen, 0);
  return { ...fine, servedDay: served, due, deferral, paidFineFen: running, paidSurchargeFen, paidOn };
}

/**
 * 加处罚款 (行政处罚法 第七十二条第一款第（一）项, 行政强制法 第四十五条) on the fine as of `day`: from
 * the day after the due day up to the day the fine was paid (or `day` while unpaid), capped at the
 * fine. Read on the whole fine until it is paid in full; none before the due day is known.
 */
export function surchargeAsOf(status: FineStatus, day: string): LateSurcharge {
  if (!status.due) return { daysLate: 0, surchargeFen: 0, capped: false, totalFen: status.fineFen };
  const until = status.paidOn && status.paidOn < day ? status.paidOn : day;
  return lateSurcharge(status.fineFen, status.due, until);
}

/** '1,234.50 元' for people. */
export const formatFen = (fen: number) => `${(fen / 100).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 })} 元`;
