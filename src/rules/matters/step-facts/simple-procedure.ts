import type { FieldDefinition } from '../../documents/document-type.js';
import { identityShown, money, options, party, select, text, textarea } from '../../documents/field-builders.js';
import type { PartyValue } from '../../documents/field-values.js';
import { ON_THE_SPOT_LIMIT_FEN, onTheSpotLimitOk, type PartyKind } from '../../law/on-the-spot.js';
import type { StepFacts, StepFactsContext } from './step-facts.js';

// 简易程序 (CASE-6): what S1 第二十一条 (1)–(7) asks an on-the-spot penalty to record, and the
// amount limit of 行政处罚法 第五十一条. Whether AV was needed ("容易引起行政争议") is the step's
// avConditionApplies, read by the AV checklist (S2 第十二项), not a fact of its own here.

export const STATEMENT_CHOICES = ['当事人进行了陈述、申辩', '当事人放弃陈述、申辩'] as const;
export const HANDOVER_CHOICES = ['当场交付，当事人签收', '当事人拒绝签收，见证人在场'] as const;

const penaltyBasis: FieldDefinition = { key: 'penalty_basis', label: '处罚依据', type: 'law_basis', required: true, min: 1 };

/**
 * The party kind the 第五十一条 limit reads. 'legal' is 法人或者其他组织; 'natural' and every
 * other kind (a 个体工商户 is a natural person, 民法典 第五十四条) take the citizen's limit, the lower
 * one, so an unknown kind never opens the on-the-spot procedure wider than the law surely does.
 */
export const limitKindOf = (kind: string): PartyKind => (kind === 'legal' ? 'organisation' : 'citizen');

/**
 * The matter's party the decision is against, by name (the form picks it from the matter's
 * parties); the kind recorded on the matter wins over the form's. A matter without parties
 * (started on the spot) uses the facts' own party.
 */
export function penalisedParty(value: PartyValue, ctx: Pick<StepFactsContext, 'parties'>): { kind: string; name: string } | null {
  if (!ctx.parties.length) return { kind: value.kind, name: value.name };
  return ctx.parties.find((p) => p.name === value.name.trim()) ?? null;
}

const yuan = (fen: number) => (fen / 100).toLocaleString('zh-CN', { minimumFractionDigits: 0, maximumFractionDigits: 2 });

/**
 * 行政处罚法 第五十一条: on the spot, a fine of at most 200 元 for a citizen and 3,000 元 for a legal
 * person or other organisation, or a warning; "以下" includes the limit itself.
 */
export function onTheSpotProblems(values: Record<string, unknown>, ctx: Pick<StepFactsContext, 'parties'>): string[] {
  const partyValue = values.party as PartyValue | undefined;
  if (!partyValue) return [];
  const target = penalisedParty(partyValue, ctx);
  if (!target) return [`被处罚当事人“${partyValue.name}”不是本事项登记的当事人`];
  if (values.penalty_kind !== '罚款' || typeof values.fine_amount !== 'number') return [];
  const fen = Math.round(values.fine_amount * 100);
  const kind = limitKindOf(target.kind);
  if (onTheSpotLimitOk(kind, fen)) return [];
  const who = kind === 'citizen' ? '公民' : '法人或者其他组织';
  return [`罚款 ${yuan(fen)} 元超过当场处罚的限额：对${who}只能当场处以 ${yuan(ON_THE_SPOT_LIMIT_FEN[kind])} 元以下罚款（行政处罚法 第五十一条），应适用一般程序`];
}

/** 简易程序当场处罚 — S1 第二十一条 (1)–(7), 行政处罚法 第五十一、五十二条. */
export const simpleProcedurePenaltyFacts: StepFacts = {
  source: 'S1 第二十一条；行政处罚法 第五十一条',
  fields: [
    identityShown(),
    party('party', '被处罚当事人', true),
    textarea('facts_found', '违法事实', true),
    textarea('simple_procedure_basis', '适用简易程序的事实依据和法律依据', true, { help: '违法事实确凿并有法定依据（S1 第二十一条（1））' }),
    textarea('rights_told', '告知陈述、申辩权利情况', true, { help: '告知拟作出的处罚内容及事实、理由、依据和陈述、申辩的权利' }),
    select('statement_made', '当事人陈述、申辩', true, options(...STATEMENT_CHOICES)),
    textarea('statements', '陈述、申辩的内容', false, { requiredWhen: { field: 'statement_made', equals: [STATEMENT_CHOICES[0]] } }),
    textarea('statements_review', '复核及是否采纳的理由', false, { help: 'S1 第二十一条（4）', requiredWhen: { field: 'statement_made', equals: [STATEMENT_CHOICES[0]] } }),
    select('penalty_kind', '处罚种类', true, options('警告', '罚款')),
    money('fine_amount', '罚款金额（元）', false, { help: '公民 200 元以下，法人或者其他组织 3000 元以下（行政处罚法 第五十一条）', requiredWhen: { field: 'penalty_kind', equals: ['罚款'] } }),
    penaltyBasis,
    text('decision_number', '当场处罚决定书编号', true),
    select('handover', '决定书交付', true, options(...HANDOVER_CHOICES)),
    text('witness', '见证人', false, { help: '当事人拒绝签收时写明见证人姓名、身份', requiredWhen: { field: 'handover', equals: [HANDOVER_CHOICES[1]] } }),
    select('on_the_spot_collection', '当场收缴罚款', false, options('未当场收缴', '当场收缴')),
    textarea('collection_record', '当场收缴的过程及罚款收据编号', false, { help: 'S1 第二十一条（6），行政处罚法 第六十八、六十九条', requiredWhen: { field: 'on_the_spot_collection', equals: ['当场收缴'] } }),
  ],
  check: (values, ctx) => onTheSpotProblems(values, ctx),
};

/**
 * 当场处罚备案 — 行政处罚法 第五十二条: the on-the-spot decision is reported to the officers' agency;
 * S1 第二十一条（5） records what was reported. Neither law nor seeds give a time, so no deadline.
 */
export const onTheSpotReportFacts: StepFacts = {
  source: 'S1 第二十一条（5）；行政处罚法 第五十二条',
  fields: [
    textarea('report_content', '备案的内容', true, { help: '当场处罚决定书编号、当事人、处罚种类和金额等' }),
    text('received_by', '接收备案的机构或人员', true),
  ],
};
