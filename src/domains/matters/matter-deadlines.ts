import type { DbOrTx } from '../../db/client.js';
import { matterDeadlines, type MatterDeadline } from '../../rules/matter-deadlines/index.js';
import type { Principal } from '../auth/principal.js';
import { shanghaiDate } from '../org/certificate.js';
import { loadMatter } from './load-matter.js';
import { matterRecordContext } from './step-facts-context.js';

/** The matter's national-law time limits as of `now`, with the law's words for each. */
export async function loadMatterDeadlines(db: DbOrTx, p: Principal, agencyId: string, matterId: string, now: Date) {
  const loaded = await loadMatter(db, p, agencyId, matterId);
  const ctx = { ...(await matterRecordContext(db, loaded)), today: shanghaiDate(now) };
  return matterDeadlines(ctx).map(presentDeadline);
}

export const presentDeadline = (d: MatterDeadline) => ({
  key: d.key,
  ruleKey: d.rule.key,
  name: d.rule.name,
  act: d.act,
  actor: d.rule.actor,
  subject: d.subject,
  startsAt: d.rule.startsAt,
  startedOn: d.startedOn,
  due: d.due,
  doneOn: d.doneOn,
  state: d.state,
  blocksClosing: d.blocksClosing,
  basis: `《中华人民共和国${d.rule.citation.law}》${d.rule.citation.article}`,
  quote: d.rule.citation.quote,
});
