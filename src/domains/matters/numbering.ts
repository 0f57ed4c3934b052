import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { matterNumberCounters } from '../../db/schema/index.js';
import type { EnforcementCategory } from '../../rules/profiles/vocabulary.js';

// The agency's numbering rule: <机关代号><类别字>〔年〕<序号>号, counted per agency, category and
// year in one atomic upsert, so two officers opening matters at once never share a number.
const categoryChar: Record<EnforcementCategory, string> = {
  licensing: '许',
  penalty_general: '罚',
  penalty_simple: '简罚',
  coercive_measure: '强',
  coercive_execution: '强执',
  inspection: '检',
  expropriation: '征',
};

export async function nextMatterNumber(tx: DbOrTx, agency: { id: string; code: string }, category: EnforcementCategory, year: number) {
  const r = await tx.execute(sql`
    insert into ${matterNumberCounters} (agency_id, category, year, last) values (${agency.id}, ${category}, ${year}, 1)
    on conflict (agency_id, category, year) do update set last = ${matterNumberCounters.last} + 1
    returning last`);
  const last = (r as unknown as { rows: Array<{ last: number }> }).rows[0]!.last;
  return `${agency.code.toUpperCase()}${categoryChar[category]}〔${year}〕${last}号`;
}
