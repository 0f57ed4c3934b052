import type { Doc, DocType, EvidenceRefValue, LawBasisValue } from '../../api/index.js';
import type { Review, SubmissionInput } from '../../api/legal-review.js';

const str = (v: unknown) => (typeof v === 'string' ? v.trim() : '');
const join = (...parts: string[]) => parts.filter(Boolean).join('\n');

/**
 * REV-3: first values of a submission. A resubmission starts from the previous version; a first
 * one from the 案件调查终结报告 (facts, law applied, discretion, evidence, hearing/appraisal) and,
 * for the evidence, the matter's documents as they stand.
 */
export function submissionPrefill(previous: Review | undefined, docs: Doc[], types: DocType[]): Partial<SubmissionInput> {
  if (previous) {
    const { proposedDecision, facts, lawApplied, discretionStandard, evidenceSummary, hearingAppraisal, otherNotes } = previous.materials;
    return { proposedDecision, facts, lawApplied, discretionStandard, evidenceSummary, hearingAppraisal, otherNotes };
  }
  const report = [...docs].reverse().find((d) => d.typeId === 'investigation_final_report');
  const f = report?.fields ?? {};
  const laws = ((f.legal_basis as LawBasisValue[] | undefined) ?? []).map((l) => `${l.law}${l.article ?? ''}`).join('、');
  const evidence = ((f.evidence_relied_on as EvidenceRefValue[] | undefined) ?? []).map((e) => e.description).filter(Boolean);
  const typeName = (id: string) => types.find((t) => t.id === id)?.name ?? id;
  const records = docs.filter((d) => d.typeId !== 'legal_review_opinion' && d.typeId !== 'investigation_final_report').map((d) => `${typeName(d.typeId)}${d.number ? `（${d.number}）` : ''}`);
  return {
    proposedDecision: str(f.proposal),
    facts: str(f.basic_facts),
    lawApplied: join(str(f.applicable_law), laws ? `依据：${laws}` : ''),
    discretionStandard: join(str(f.discretion), str(f.factors_considered)),
    evidenceSummary: join(str(f.investigation_summary), evidence.length ? `证据：${evidence.join('；')}` : '', records.length ? `案卷文书：${records.join('、')}` : ''),
    hearingAppraisal: str(f.hearing_appraisal) || null,
    otherNotes: str(f.other_notes) || null,
  };
}
