import { desc, eq } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client.js';
import { lockAgency } from '../../db/locks.js';
import { majorDecisionLists } from '../../db/schema/index.js';
import { DEFAULT_CRITERIA, type ListParameters } from '../../rules/legal-review/criteria.js';
import { AppError } from '../../shared/errors.js';
import { iso } from '../../shared/http-schemas.js';
import { recordAudit, type Actor } from '../audit/record-audit.js';

// REV-1: the agency's list starts as S3's criteria with no amounts (the seeds give none); the
// agency switches criteria off and sets amounts, each change a new version with its basis.
export const DEFAULT_PARAMETERS: ListParameters = { hearingFineNatural: null, hearingFineLegal: null, reviewAllGeneralPenalties: false };

export async function currentMajorList(db: DbOrTx, agencyId: string) {
  const [row] = await db.select().from(majorDecisionLists).where(eq(majorDecisionLists.agencyId, agencyId)).orderBy(desc(majorDecisionLists.version)).limit(1);
  const parameters = (row?.parameters as ListParameters | undefined) ?? DEFAULT_PARAMETERS;
  const disabled = new Set(row?.disabledCriteria ?? []);
  return {
    version: row?.version ?? 0,
    basis: row?.basis ?? '默认：方城县方案 三(一) 与《河南省重大行政执法决定法制审核办法》第六条',
    createdAt: iso(row?.createdAt),
    createdByName: row?.createdByName ?? null,
    parameters,
    criteria: DEFAULT_CRITERIA.map((c) => ({ id: c.id, group: c.group, text: c.text, source: c.source, decidedFromData: Boolean(c.fromData), enabled: !disabled.has(c.id) })),
    active: DEFAULT_CRITERIA.filter((c) => !disabled.has(c.id)),
  };
}

export async function updateMajorList(db: Db, actor: Actor, agencyId: string, input: { parameters: ListParameters; disabledCriteria: string[]; basis: string }, now: Date) {
  const unknown = input.disabledCriteria.filter((id) => !DEFAULT_CRITERIA.some((c) => c.id === id));
  if (unknown.length) throw new AppError('VALIDATION_FAILED', `没有这些标准：${unknown.join('、')}`);
  return db.transaction(async (tx) => {
    // The next version is decided against the locked agency: concurrent edits become successive versions.
    await lockAgency(tx, agencyId);
    const before = await currentMajorList(tx, agencyId);
    const version = before.version + 1;
    const [row] = await tx.insert(majorDecisionLists).values({ agencyId, version, parameters: input.parameters, disabledCriteria: input.disabledCriteria, basis: input.basis, createdAt: now, createdByName: actor.name }).returning({ id: majorDecisionLists.id });
    await recordAudit(tx, actor, { action: 'legal_review.list_updated', agencyId, objectType: 'major_decision_list', objectId: `${agencyId}:${version}`, before: { parameters: before.parameters }, after: input, commitments: [{ kind: 'major_decision_list', id: row!.id }] }, now);
    return currentMajorList(tx, agencyId);
  });
}
