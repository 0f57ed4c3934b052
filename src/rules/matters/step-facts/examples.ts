import type { DocumentValues } from '../../documents/field-values.js';

// Complete facts for the steps that require them, for tests and sample data: one place to
// change when a step's form grows, so callers recording a whole lifecycle stay in step.

export const exampleSimpleProcedurePenalty = (party: { kind: 'natural' | 'legal'; name: string }, fineYuan: number | null = 200): DocumentValues => ({
  identity_shown: '执法人员 2 名表明身份，出示执法证件（证号 21040001、21040002）',
  party,
  facts_found: '当事人在经营场所内擅自张贴未经审批的演出广告',
  simple_procedure_basis: '违法事实确凿，有现场照片为证；依据行政处罚法 第五十一条可以当场处罚',
  rights_told: '已告知拟作出的处罚及其事实、理由、依据，告知当事人有陈述、申辩的权利',
  statement_made: '当事人进行了陈述、申辩',
  statements: '当事人称广告系他人张贴',
  statements_review: '经复核，广告张贴于当事人经营场所内，由当事人负责管理，不予采纳',
  ...(fineYuan === null ? { penalty_kind: '警告' } : { penalty_kind: '罚款', fine_amount: fineYuan }),
  penalty_basis: [{ law: '营业性演出管理条例', article: '第四十六条' }],
  decision_number: '抚文当罚〔2026〕1号',
  handover: '当场交付，当事人签收',
  on_the_spot_collection: '未当场收缴',
});

export const exampleOnTheSpotReport = (): DocumentValues => ({
  report_content: '当场处罚决定书 抚文当罚〔2026〕1号，处罚种类和金额已报备',
  received_by: '法制审核科',
});

export const exampleClosing = (): DocumentValues => ({ closing_reason: '执行完毕', execution_summary: '当事人已按期履行处罚决定' });

/** The facts a step needs to be recorded in a sample lifecycle, or none. */
export function exampleStepFacts(step: string, party: { kind: 'natural' | 'legal'; name: string }): DocumentValues | undefined {
  if (step === 'simple_procedure_penalty') return exampleSimpleProcedurePenalty(party);
  if (step === 'on_the_spot_report') return exampleOnTheSpotReport();
  if (step === 'closing') return exampleClosing();
  return undefined;
}
