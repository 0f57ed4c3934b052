import { stringify } from 'csv-stringify/sync';
import type { Db } from '../../db/client.js';
import { ACTIVITIES, CHECKLIST_LEVELS, ENFORCEMENT_CATEGORIES, RECORDING_MEANS } from '../../rules/profiles/vocabulary.js';
import { AppError } from '../../shared/errors.js';
import { currentPolicy } from './agency-policy.js';

const label = (table: Record<string, string>, id: string) => table[id] ?? id;

/** The agency's published 音像记录事项清单 (CHK-3) as CSV with a BOM, so Excel reads the Chinese. */
export async function checklistCsv(db: Db, agencyId: string): Promise<string> {
  const policy = await currentPolicy(db, agencyId);
  if (!policy) throw new AppError('CONFLICT', '本机关尚未选择执法规范方案');
  const { profile } = policy;
  const rows = profile.checklist.rows.map((row, i) => [
    i + 1,
    row.categories.map((c) => label(ENFORCEMENT_CATEGORIES, c)).join('、'),
    label(ACTIVITIES, row.activity),
    label(CHECKLIST_LEVELS, row.level),
    row.condition ?? '',
    row.keyPoints.map((k, j) => `${j + 1}. ${k}`).join('\n'),
    row.means.map((m) => label(RECORDING_MEANS, m)).join('、'),
    `${row.source.seed === 'agency' ? '本机关' : row.source.seed} ${row.source.article}`,
  ]);
  const header = ['序号', '执法类别', '执法环节', '记录要求', '适用情形', '记录要点', '记录方式', '依据'];
  const title = [`${profile.name}（第 ${profile.version} 版）音像记录事项清单`];
  // A cell an agency wrote (e.g. 适用情形) starting with = + - @ or a tab is escaped with ', so a
  // spreadsheet shows it as text instead of running it as a formula (=HYPERLINK(…)).
  return `\uFEFF${stringify([title, header, ...rows], { escape_formulas: true })}`;
}
