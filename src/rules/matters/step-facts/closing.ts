import { documentType } from '../../documents/catalogue/index.js';
import { options, select, textarea } from '../../documents/field-builders.js';
import { matterDeadlines, type MatterDeadline, type MatterDeadlineContext } from '../../matter-deadlines/index.js';
import type { StepFacts } from './step-facts.js';

// 结案 (CASE-12): the end of a matter records how it ended and what became of the decision, and it
// may happen only once service and execution are closed — or, for 终结执行, with the reason they
// cannot be. The same pure function answers "may it close?" for the step and for the matter page.

/** 结案情形, as the 结案审批表 lists them (src/rules/documents/catalogue/closing.ts, closing_reason). */
export const CLOSING_REASONS = ['执行完毕', '终结执行', '不予行政处罚', '移送司法机关', '撤销立案', '准予或不予许可已送达', '其他'] as const;
export const TERMINATION = '终结执行';

/** 行政强制法 第四十条 (一)–(五): when execution is ended without being completed. */
export const TERMINATION_GROUNDS = [
  '公民死亡，无遗产可供执行，又无义务承受人',
  '法人或者其他组织终止，无财产可供执行，又无义务承受人',
  '执行标的灭失',
  '据以执行的行政决定被撤销',
  '行政机关认为需要终结执行的其他情形',
] as const;

export type ClosingGap = {
  kind: 'service' | 'deadline';
  /** What is missing, in Chinese, naming the document and party or the act and its due day. */
  text: string;
  /** 终结执行 with its reason closes the matter despite it (行政强制法 第四十条). */
  waivedByTermination: boolean;
};

/** An issued correction (DOC-4) replaces the version before it: only the latest issued version must be served. */
const superseded = (doc: MatterDeadlineContext['documents'][number], all: MatterDeadlineContext['documents']) =>
  doc.lineageId !== undefined && all.some((d) => d.lineageId === doc.lineageId && d.status === 'issued' && (d.version ?? 0) > (doc.version ?? 0));

/** The parties a document is addressed to: those named in its party fields, else every party of the matter. */
function addressees(doc: MatterDeadlineContext['documents'][number], parties: MatterDeadlineContext['parties']) {
  const type = documentType(doc.typeId);
  const named = (type?.fields ?? [])
    .filter((f) => f.type === 'party')
    .map((f) => (doc.fields[f.key] as { name?: string } | undefined)?.name?.trim())
    .filter(Boolean);
  const matched = parties.filter((p) => named.includes(p.name));
  return matched.length ? matched : parties;
}

/**
 * What still keeps the matter open (CASE-12): every issued document that goes to the party
 * (issuedToParty, audience 'party') served on each party it names (S1 第二十二–二十六条), and every national-law
 * limit that keeps service or execution open met (blocksClosing: a fine unpaid, a seizure not
 * decided …). Deadlines are evaluated as of `ctx.today`; pass them to test a source in isolation.
 */
export function closingGaps(ctx: MatterDeadlineContext, deadlines: MatterDeadline[] = matterDeadlines(ctx)): ClosingGap[] {
  const gaps: ClosingGap[] = [];
  for (const doc of ctx.documents) {
    const type = documentType(doc.typeId);
    // Only papers the party reads are served on it; a 强制执行申请书 goes to the court, a 移送函 to
    // another authority (audience 'addressee', DOC-5), so no 送达回证 from the party is awaited.
    if (doc.status !== 'issued' || !type?.issuedToParty || type.audience !== 'party' || superseded(doc, ctx.documents)) continue;
    for (const party of addressees(doc, ctx.parties)) {
      if (ctx.services.some((s) => s.documentId === doc.id && s.partyId === party.id)) continue;
      gaps.push({ kind: 'service', text: `“${type.name}”尚未向当事人“${party.name}”送达`, waivedByTermination: false });
    }
  }
  for (const d of deadlines) {
    if (!d.blocksClosing || d.doneOn) continue;
    const late = d.state === 'overdue' ? '，已逾期' : '';
    gaps.push({ kind: 'deadline', text: `${d.act}${d.subject ? `（${d.subject}）` : ''}尚未完成（${d.rule.name}，届满日 ${d.due}${late}）`, waivedByTermination: true });
  }
  return gaps;
}

/** The gaps that refuse a closing for the given 结案情形. */
export const closingProblems = (gaps: ClosingGap[], closingReason: unknown) =>
  gaps.filter((g) => !(closingReason === TERMINATION && g.waivedByTermination)).map((g) => g.text);

/** 结案 — S1 第二十七条（履行情况）、第三十一条（执法行为终结）；行政强制法 第四十条（终结执行）. */
export const closingFacts: StepFacts = {
  source: 'S1 第二十七条、第三十一条；行政强制法 第四十条',
  fields: [
    select('closing_reason', '结案情形', true, options(...CLOSING_REASONS)),
    textarea('execution_summary', '执行情况', true, { help: '当事人履行、整改核查或强制执行的结果（S1 第二十七条）' }),
    select('termination_ground', '终结执行的情形', false, options(...TERMINATION_GROUNDS), { help: '行政强制法 第四十条', requiredWhen: { field: 'closing_reason', equals: [TERMINATION] } }),
    textarea('termination_reason', '未能执行完毕的原因', false, { requiredWhen: { field: 'closing_reason', equals: [TERMINATION] } }),
  ],
  check: (values, ctx) => closingProblems(closingGaps({ ...ctx, today: ctx.occurredOn }), values.closing_reason),
};
