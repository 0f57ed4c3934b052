import { DEFAULT_CRITERIA, type Criterion, type ListParameters, type MajorFacts } from './criteria.js';

export type MajorReason = { criterionId: string; text: string; source: string; decidedBy: 'data' | 'answer' | 'option' };
export type MajorAssessment = {
  major: boolean;
  /** True when every criterion that applies is settled (from data or by an answer). */
  complete: boolean;
  reasons: MajorReason[];
  /** Criteria the data cannot settle and the handler has not answered yet. */
  questions: Array<{ criterionId: string; text: string; source: string }>;
};

/**
 * REV-2: is the proposed decision major? From the matter's data first; the handler's answers
 * settle the rest. REV-7: with the option on, every general-procedure penalty is reviewed.
 */
export function assessMajor(facts: MajorFacts, answers: Record<string, boolean>, params: ListParameters, criteria: Criterion[] = DEFAULT_CRITERIA): MajorAssessment {
  const reasons: MajorReason[] = [];
  const questions: MajorAssessment['questions'] = [];
  for (const c of criteria) {
    const byData = c.fromData ? c.fromData(facts, params) : null;
    if (byData === true) reasons.push({ criterionId: c.id, text: c.text, source: c.source, decidedBy: 'data' });
    else if (byData === null) {
      const answer = answers[c.id];
      if (answer === true) reasons.push({ criterionId: c.id, text: c.text, source: c.source, decidedBy: 'answer' });
      else if (answer === undefined) questions.push({ criterionId: c.id, text: c.text, source: c.source });
    }
  }
  if (params.reviewAllGeneralPenalties && facts.category === 'penalty_general') {
    reasons.push({ criterionId: 'all_general_penalties', text: '本机关对适用一般程序作出的行政处罚决定均进行法制审核', source: 'S3 法制审核办法 第十八条', decidedBy: 'option' });
  }
  return { major: reasons.length > 0, complete: questions.length === 0, reasons, questions };
}
