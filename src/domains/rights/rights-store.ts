import { and, asc, eq, inArray, isNotNull } from 'drizzle-orm';
import type { DbOrTx, Tx } from '../../db/client.js';
import { avRecords, documents, matterParties, rightsRecords, serviceRecords } from '../../db/schema/index.js';
import { documentType } from '../../rules/documents/catalogue/index.js';
import { HEARING_REQUEST_OUTCOME_LABELS, RECUSAL_DECISION_LABELS, REVIEW_RESULT_LABELS, RIGHTS_RECORD_KIND_LABELS, type RightsRecordKind } from '../../rules/rights/vocabulary.js';
import { iso } from '../../shared/http-schemas.js';
import { AppError } from '../../shared/errors.js';
import { recordAudit, type Actor } from '../audit/record-audit.js';
import type { AuditAction } from '../audit/audit-actions.js';

/** The catalogue's 行政处罚事先告知书 (src/rules/documents/catalogue/review.ts). */
export const RIGHTS_NOTICE_TYPE = 'penalty_rights_notice';

export type RightsRow = typeof rightsRecords.$inferSelect;
type NewRights = Omit<typeof rightsRecords.$inferInsert, 'id' | 'matterId' | 'recordedAt' | 'recordedByUserId' | 'recordedByName'>;

/**
 * The first completed service of the matter's 行政处罚事先告知书 on the party: its served day starts
 * the party's 5 working days for a hearing request (行政处罚法 第六十四条第（一）项). A later service
 * of the same notice starts nothing new.
 */
export async function firstNoticeService(db: DbOrTx, matterId: string, partyId?: string) {
  const rows = await db
    .select({ partyId: serviceRecords.partyId, servedDay: serviceRecords.servedDay, documentId: documents.id, number: documents.number })
    .from(serviceRecords)
    .innerJoin(documents, eq(documents.id, serviceRecords.documentId))
    .where(and(eq(serviceRecords.matterId, matterId), eq(documents.typeId, RIGHTS_NOTICE_TYPE), isNotNull(serviceRecords.servedDay), ...(partyId ? [eq(serviceRecords.partyId, partyId)] : [])))
    .orderBy(asc(serviceRecords.servedDay), asc(serviceRecords.servedAt));
  const first = new Map<string, { partyId: string; servedDay: string; documentId: string; number: string | null }>();
  for (const r of rows) if (!first.has(r.partyId)) first.set(r.partyId, { ...r, servedDay: r.servedDay! });
  return first;
}

/** The notice's service on the party, or OUT_OF_ORDER naming what is missing. */
export async function requireNoticeServed(tx: Tx, matterId: string, party: { id: string; name: string }, what: string) {
  const served = (await firstNoticeService(tx, matterId, party.id)).get(party.id);
  if (!served) throw new AppError('OUT_OF_ORDER', `行政处罚事先告知书尚未送达当事人“${party.name}”（或邮寄回执未返回），不能${what}。请先记录事先告知书的送达（行政处罚法 第四十四条）`);
  return served;
}

/** An issued document of this matter (of one of `types` when given), or 400. */
export async function requireIssuedDocument(tx: Tx, matterId: string, documentId: string, types: string[], label: string) {
  const [doc] = await tx.select().from(documents).where(and(eq(documents.id, documentId), eq(documents.matterId, matterId)));
  if (!doc || doc.status !== 'issued' || (types.length && !types.includes(doc.typeId))) throw new AppError('VALIDATION_FAILED', `所选文书不是本事项已定稿的${label}`);
  return doc;
}

export async function requireAvRecord(tx: Tx, agencyId: string, avRecordId: string) {
  const [av] = await tx.select({ id: avRecords.id }).from(avRecords).where(and(eq(avRecords.id, avRecordId), eq(avRecords.agencyId, agencyId)));
  if (!av) throw new AppError('VALIDATION_FAILED', '所选音像记录不存在');
}

/** A record of this matter of one of `kinds`, or 404. */
export async function requireRecord(tx: Tx, matterId: string, recordId: string, kinds: RightsRecordKind[], label: string) {
  const [row] = await tx.select().from(rightsRecords).where(and(eq(rightsRecords.id, recordId), eq(rightsRecords.matterId, matterId)));
  if (!row || !kinds.includes(row.kind as RightsRecordKind)) throw new AppError('NOT_FOUND', `${label}不存在或无权查看`);
  return row;
}

export async function recordsRelatedTo(tx: Tx, recordId: string) {
  return tx.select().from(rightsRecords).where(eq(rightsRecords.relatedId, recordId));
}

/** Inserts one record and its audit event (with a commitment to the row) in the caller's transaction. */
export async function insertRightsRecord(tx: Tx, actor: Actor, agencyId: string, matterId: string, action: AuditAction, values: NewRights, now: Date) {
  const [row] = await tx
    .insert(rightsRecords)
    .values({ ...values, matterId, recordedAt: now, recordedByUserId: actor.userId, recordedByName: actor.name })
    .returning();
  await recordAudit(tx, actor, { action, agencyId, objectType: 'rights_record', objectId: row!.id, after: row!, matterIds: [matterId], commitments: [{ kind: 'rights_record', id: row!.id }] }, now);
  return row!;
}

// The same outcome word means different things by kind ('refused': 不予受理 a request, 驳回 a 回避).
const OUTCOME_LABELS: Partial<Record<RightsRecordKind, Record<string, string>>> = {
  hearing_request: HEARING_REQUEST_OUTCOME_LABELS,
  statement_review: REVIEW_RESULT_LABELS,
  recusal_decision: RECUSAL_DECISION_LABELS,
};

/** The matter's rights records, oldest first, with the names people read. */
export async function listRights(db: DbOrTx, matterId: string, kinds?: RightsRecordKind[]) {
  const rows = await db
    .select()
    .from(rightsRecords)
    .where(and(eq(rightsRecords.matterId, matterId), ...(kinds ? [inArray(rightsRecords.kind, kinds)] : [])))
    .orderBy(asc(rightsRecords.occurredAt), asc(rightsRecords.recordedAt));
  const parties = await db.select().from(matterParties).where(eq(matterParties.matterId, matterId));
  const docIds = [...new Set(rows.map((r) => r.documentId).filter((x): x is string => !!x))];
  const docs = docIds.length ? await db.select().from(documents).where(inArray(documents.id, docIds)) : [];
  return rows.map((r) => {
    const doc = docs.find((d) => d.id === r.documentId);
    return {
      id: r.id,
      matterId: r.matterId,
      kind: r.kind,
      kindLabel: RIGHTS_RECORD_KIND_LABELS[r.kind as RightsRecordKind] ?? r.kind,
      partyId: r.partyId,
      partyName: parties.find((p) => p.id === r.partyId)?.name ?? null,
      relatedId: r.relatedId,
      occurredAt: iso(r.occurredAt)!,
      occurredDay: r.occurredDay,
      documentId: r.documentId,
      documentLabel: doc ? `${documentType(doc.typeId)?.name ?? '文书'}${doc.number ? ` ${doc.number}` : ''}` : null,
      avRecordId: r.avRecordId,
      outcome: r.outcome,
      outcomeLabel: r.outcome ? (OUTCOME_LABELS[r.kind as RightsRecordKind]?.[r.outcome] ?? null) : null,
      details: r.details as Record<string, unknown>,
      recordedAt: iso(r.recordedAt)!,
      recordedByName: r.recordedByName,
    };
  });
}
