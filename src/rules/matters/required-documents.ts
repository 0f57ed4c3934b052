import type { DocumentType } from '../documents/document-type.js';
import type { EnforcementCategory } from '../profiles/vocabulary.js';

// Which 执法文书 a recorded step must have (DOC-1, CASE-2). By default one document of any type
// the catalogue lists for the step and category (e.g. 鉴定意见 or 检测检验报告); where the law asks
// for several papers at once (扣押: 扣押决定书 and 扣押清单, 行政强制法 第二十四条) each is a group.
const ALL_OF: Record<string, string[][]> = {
  seizure: [['seizure_decision'], ['seizure_list']],
  sealing: [['seizure_decision'], ['seizure_list']],
  // 行政处罚法 第六十四条（八）、第六十五条: minutes and a report; the old single form stands for both.
  hearing: [['hearing_minutes', 'hearing_record'], ['hearing_report', 'hearing_record']],
};

/**
 * Papers a step may have but does not need, so they never stand in for the one it does need
 * (询问通知书 is not a 询问笔录) and their absence raises no finding. Some of them wait for a
 * step of their own (延期缴纳, 先行登记保存的处理决定, 案件移送): docs/documents.md.
 */
const OPTIONAL: Record<string, string[]> = {
  filing: ['case_source_register'],
  inspection_start: ['case_source_register'],
  questioning: ['questioning_notice'],
  evidence_preservation: ['preservation_disposal_notice'],
  hearing: ['hearing_notice'],
  compliance_check: ['payment_deferral_approval', 'payment_deferral_decision'],
  service: ['service_address_confirmation'],
  closing: ['case_transfer_letter'],
  archive: ['file_cover', 'file_remarks'],
};

/** Groups of document type ids; each group needs one document. Empty: no document required. */
export function requiredDocumentGroups(catalogue: readonly DocumentType[], category: EnforcementCategory, step: string): string[][] {
  const optional = OPTIONAL[step] ?? [];
  const applicable = catalogue
    .filter((t) => t.activities.includes(step) && t.categories.includes(category) && !optional.includes(t.id))
    .map((t) => t.id);
  if (!applicable.length) return [];
  const groups = ALL_OF[step]?.map((g) => g.filter((id) => applicable.includes(id))).filter((g) => g.length);
  return groups?.length ? groups : [applicable];
}
