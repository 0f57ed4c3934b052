import { and, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { documents, rightsRecords, serviceRecords } from '../../db/schema/index.js';
import type { PenaltyAfterStatementsFacts } from '../../rules/findings/matter-facts.js';
import { RIGHTS_NOTICE_TYPE } from './rights-store.js';

const amount = (fields: unknown, key: string) => {
  const v = (fields as Record<string, unknown> | null)?.[key];
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
};
const latest = <T extends { issuedAt: Date | null }>(rows: T[]) => rows.sort((a, b) => (b.issuedAt?.getTime() ?? 0) - (a.issuedAt?.getTime() ?? 0))[0];

/**
 * 行政处罚法 第四十五条 (CASE-8) facts for the findings engine, per matter with an issued
 * 行政处罚决定书: the newest issued decision's 罚款金额, the newest served 事先告知书's 拟罚款金额,
 * and whether the party's statements were recorded. Read by the matters facts source.
 */
export async function penaltyAfterStatementsFacts(db: DbOrTx, matterIds: string[]): Promise<Map<string, PenaltyAfterStatementsFacts>> {
  const out = new Map<string, PenaltyAfterStatementsFacts>();
  if (!matterIds.length) return out;
  const docs = await db
    .select({ id: documents.id, matterId: documents.matterId, typeId: documents.typeId, fields: documents.fields, issuedAt: documents.issuedAt })
    .from(documents)
    .where(and(inArray(documents.matterId, matterIds), inArray(documents.typeId, [RIGHTS_NOTICE_TYPE, 'penalty_decision']), eq(documents.status, 'issued')));
  const decisions = docs.filter((d) => d.typeId === 'penalty_decision');
  if (!decisions.length) return out;
  const withDecision = [...new Set(decisions.map((d) => d.matterId))];
  const served = await db.select({ documentId: serviceRecords.documentId }).from(serviceRecords).where(inArray(serviceRecords.matterId, withDecision));
  const servedIds = new Set(served.map((s) => s.documentId));
  const statements = await db.select({ matterId: rightsRecords.matterId }).from(rightsRecords).where(and(inArray(rightsRecords.matterId, withDecision), eq(rightsRecords.kind, 'statement')));
  for (const matterId of withDecision) {
    const decision = latest(decisions.filter((d) => d.matterId === matterId))!;
    const notice = latest(docs.filter((d) => d.matterId === matterId && d.typeId === RIGHTS_NOTICE_TYPE && servedIds.has(d.id)));
    out.set(matterId, {
      statementsRecorded: statements.some((s) => s.matterId === matterId),
      proposedFine: notice ? amount(notice.fields, 'proposed_fine') : null,
      decidedFine: amount(decision.fields, 'fine_amount'),
      decisionDocumentId: decision.id,
    });
  }
  return out;
}
