import type { DocumentType } from '../documents/document-type.js';
import type { EnforcementCategory } from '../profiles/vocabulary.js';

// Which 执法文书 a recorded step must have (DOC-1, CASE-2). By default one document of any type
// the catalogue lists for the step and category (e.g. 鉴定意见 or 检测检验报告); where the law asks
// for several papers at once (扣押: 扣押决定书 and 扣押清单, 行政强制法 第二十四条) each is a group.
const ALL_OF: Record<string, string[][]> = {
  seizure: [['seizure_decision'], ['seizure_list']],
  sealing: [['seizure_decision'], ['seizure_list']],
};

/** Groups of document type ids; each group needs one document. Empty: no document required. */
export function requiredDocumentGroups(catalogue: readonly DocumentType[], category: EnforcementCategory, step: string): string[][] {
  const applicable = catalogue.filter((t) => t.activities.includes(step) && t.categories.includes(category)).map((t) => t.id);
  if (!applicable.length) return [];
  const groups = ALL_OF[step]?.map((g) => g.filter((id) => applicable.includes(id))).filter((g) => g.length);
  return groups?.length ? groups : [applicable];
}
