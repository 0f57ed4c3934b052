import { randomUUID } from 'node:crypto';
import { and, desc, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db, Tx } from '../../db/client.js';
import { agencies, documents, matterNumberCounters } from '../../db/schema/index.js';
import { documentType, formatDocumentNumber } from '../../rules/documents/catalogue/index.js';
import { validateDocumentFields } from '../../rules/documents/validate-fields.js';
import { issuedContentHash } from './issued-integrity.js';
import { AppError, notFound } from '../../shared/errors.js';
import { recordAudit, type Actor } from '../audit/record-audit.js';
import type { Principal } from '../auth/principal.js';
import { loadMatter } from '../matters/load-matter.js';
import { shanghaiDate } from '../org/certificate.js';
import { checkLegalReviewGate, DECISION_DOCUMENT_TYPES } from '../legal-review/gate.js';
import { loadDocument } from './load-document.js';
import type { documentInput } from './schemas.js';

type Fields = Record<string, unknown>;

/** Starts a draft of a document for a matter, optionally tied to one of its steps (DOC-1). */
export async function createDocument(db: Db, actor: Actor, p: Principal, agencyId: string, matterId: string, input: z.infer<typeof documentInput>, now: Date) {
  const type = documentType(input.typeId);
  if (!type) throw notFound('文书种类');
  // A superseded form stays valid for what was made of it; new drafts use the forms that replaced it.
  if (type.supersededBy) {
    const names = type.supersededBy.map((id) => `“${documentType(id)?.name ?? id}”`).join('、');
    throw new AppError('VALIDATION_FAILED', `“${type.name}”已不再起草新文书，请改用${names}`);
  }
  return db.transaction(async (tx) => {
    // The matter is locked so an archive recorded at the same moment cannot be overtaken.
    const { matter, steps } = await loadMatter(tx, p, agencyId, matterId, { lock: true });
    if (!(type.categories as readonly string[]).includes(matter.category)) throw new AppError('VALIDATION_FAILED', `“${type.name}”不适用于本类事项`);
    const step = input.stepId ? steps.find((s) => s.id === input.stepId) : undefined;
    if (input.stepId && !step) throw notFound('环节');
    if (step && !type.activities.includes(step.step)) throw new AppError('VALIDATION_FAILED', `“${type.name}”不是此环节的文书`);
    if (matter.status === 'archived') throw new AppError('IMMUTABLE', '事项已归档，案卷只读');
    const [row] = await tx
      .insert(documents)
      .values({ matterId, stepId: step?.id ?? null, typeId: type.id, lineageId: randomUUID(), version: 1, status: 'draft', fields: input.fields, createdAt: now, createdByUserId: actor.userId, createdByName: actor.name, updatedAt: now })
      .returning();
    await recordAudit(tx, actor, { action: 'document.created', agencyId, objectType: 'document', objectId: row!.id, after: { matterId, typeId: type.id, stepId: row!.stepId } , matterIds: [matterId] }, now);
    return row!;
  });
}

/** A draft changes freely (DOC-4); an issued document is refused here and by the database. */
export async function updateDraft(db: Db, actor: Actor, p: Principal, agencyId: string, documentId: string, fields: Fields, now: Date) {
  return db.transaction(async (tx) => {
    const { doc } = await loadDocument(tx, p, agencyId, documentId, { lock: true });
    if (doc.status !== 'draft') throw new AppError('IMMUTABLE', '文书已定稿，不能修改；如需更正请形成新版本');
    const [row] = await tx.update(documents).set({ fields, updatedAt: now }).where(and(eq(documents.id, documentId), eq(documents.status, 'draft'))).returning();
    if (!row) throw new AppError('IMMUTABLE', '文书已定稿，不能修改');
    await recordAudit(tx, actor, { action: 'document.updated', agencyId, objectType: 'document', objectId: documentId, before: { fields: doc.fields }, after: { fields } , matterIds: [doc.matterId] }, now);
    return row;
  });
}

/**
 * Issues a draft: the fields must satisfy the type's schema, a step needing approval must be
 * approved (CASE-4), the 文号 is assigned, and the content hash fixed. It never changes again.
 */
export async function issueDocument(db: Db, actor: Actor, p: Principal, agencyId: string, documentId: string, now: Date) {
  return db.transaction((tx) => issueDraft(tx, actor, p, agencyId, documentId, now));
}

/** Issues inside the caller's transaction (a legal review's opinion is issued with its decision). */
export async function issueDraft(tx: Tx, actor: Actor, p: Principal, agencyId: string, documentId: string, now: Date) {
  // Against the locked matter and document: the step's approval, the CASE-5 gate and "still a
  // draft" are what they are now; of two concurrent issues the second is refused (IMMUTABLE).
  const { doc, type, steps, matter } = await loadDocument(tx, p, agencyId, documentId, { lock: true });
  if (doc.status !== 'draft') throw new AppError('IMMUTABLE', '文书已定稿');
  const valid = validateDocumentFields(type, doc.fields);
  if (!valid.ok) throw new AppError('VALIDATION_FAILED', `文书内容不完整：${valid.issues.slice(0, 3).map((i) => i.message).join('；')}`, { issues: valid.issues.map((i) => ({ field: i.path, message: i.message })) });
  const step = steps.find((s) => s.id === doc.stepId);
  if (step && (step.status === 'pending' || step.status === 'returned')) {
    throw new AppError('OUT_OF_ORDER', `“${type.name}”须在环节经审核人、批准人批准后才能定稿`, { reason: 'NOT_APPROVED' });
  }
  if (DECISION_DOCUMENT_TYPES.has(type.id)) await checkLegalReviewGate(tx, matter.id);
  const [agency] = await tx.select().from(agencies).where(eq(agencies.id, agencyId));
  // A correction keeps the number of the version it replaces.
  const earlier = doc.replacesId ? (await tx.select().from(documents).where(eq(documents.id, doc.replacesId)))[0] : undefined;
  const year = Number(shanghaiDate(now).slice(0, 4));
  const number = earlier?.number ?? (type.numberPrefix ? formatDocumentNumber(type, { agencyPrefix: agency!.code.toUpperCase(), year, sequence: await nextSequence(tx, agencyId, `doc:${type.numberPrefix}`, year) }) : null);
  const contentHash = issuedContentHash({ matterId: matter.id, typeId: type.id, version: doc.version, number, fields: valid.values });
  const [row] = await tx
    .update(documents)
    .set({ status: 'issued', number, fields: valid.values, contentHash, issuedAt: now, issuedByName: actor.name, updatedAt: now })
    .where(and(eq(documents.id, documentId), eq(documents.status, 'draft')))
    .returning();
  if (!row) throw new AppError('IMMUTABLE', '文书已定稿');
  await recordAudit(tx, actor, { action: 'document.issued', agencyId, objectType: 'document', objectId: documentId, after: { number, contentHash, version: doc.version }, matterIds: [doc.matterId], commitments: [{ kind: 'document', id: documentId }] }, now);
  return row;
}

/** DOC-4: a correction of an issued document is a new draft version naming the one it replaces and why. */
export async function correctDocument(db: Db, actor: Actor, p: Principal, agencyId: string, documentId: string, input: { fields: Fields; reason: string }, now: Date) {
  return db.transaction(async (tx) => {
    const { doc } = await loadDocument(tx, p, agencyId, documentId, { lock: true });
    if (doc.status !== 'issued') throw new AppError('CONFLICT', '只有已定稿的文书需要以新版本更正；草稿可直接修改');
    const [latest] = await tx.select().from(documents).where(eq(documents.lineageId, doc.lineageId)).orderBy(desc(documents.version)).limit(1);
    if (latest!.id !== doc.id) throw new AppError('CONFLICT', `已有更新的第 ${latest!.version} 版，请在最新版本上更正`);
    const [row] = await tx
      .insert(documents)
      .values({ matterId: doc.matterId, stepId: doc.stepId, typeId: doc.typeId, lineageId: doc.lineageId, version: doc.version + 1, replacesId: doc.id, correctionReason: input.reason, status: 'draft', fields: input.fields, createdAt: now, createdByUserId: actor.userId, createdByName: actor.name, updatedAt: now })
      .returning();
    await recordAudit(tx, actor, { action: 'document.corrected', agencyId, objectType: 'document', objectId: row!.id, details: { replaces: doc.id, version: row!.version, reason: input.reason } , matterIds: [doc.matterId] }, now);
    return row!;
  });
}

async function nextSequence(tx: Tx, agencyId: string, key: string, year: number) {
  const r = await tx.execute(sql`
    insert into ${matterNumberCounters} (agency_id, category, year, last) values (${agencyId}, ${key}, ${year}, 1)
    on conflict (agency_id, category, year) do update set last = ${matterNumberCounters.last} + 1
    returning last`);
  return (r as unknown as { rows: Array<{ last: number }> }).rows[0]!.last;
}
