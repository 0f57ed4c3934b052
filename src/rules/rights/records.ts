import type { ReviewResult } from './vocabulary.js';

/**
 * 行政处罚法 第四十五条第一款: the agency must hear the party and 复核 what they said; where it
 * does not take (all of) it, the reasons are part of the record. So a result other than 采纳
 * needs reasons — 部分采纳 too, for the part not taken.
 */
export function reviewProblem(result: ReviewResult, reasons: string | null | undefined): string | null {
  if (result !== 'adopted' && !reasons?.trim()) return '不予采纳或部分采纳的，应当写明理由（行政处罚法 第四十五条）';
  return null;
}

/**
 * S1 第十一条: a refusal to cooperate with the investigation is recorded, and the record is
 * witnessed — by a named witness or by an AV record of the refusal.
 */
export function refusalProblems(input: { what: string; witnessName?: string | null; avRecordId?: string | null }): string[] {
  const problems: string[] = [];
  if (!input.what.trim()) problems.push('请写明当事人拒绝配合的事项');
  if (!input.witnessName?.trim() && !input.avRecordId) problems.push('拒绝配合应当由见证人证明或以音像记录佐证（S1 第十一条）');
  return problems;
}

/** 回避 (行政处罚法 第四十三条): a decision that refuses the request states why. */
export function recusalDecisionProblem(decision: 'granted' | 'refused', reason: string | null | undefined): string | null {
  return decision === 'refused' && !reason?.trim() ? '驳回回避申请的，应当写明理由（行政处罚法 第四十三条）' : null;
}
