import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client.js';
import { documents, legalReviews, matterOfficers, officers } from '../../db/schema/index.js';
import { canonicalJson, sha256Hex } from '../../shared/canonical-json.js';
import { AppError } from '../../shared/errors.js';
import { recordAudit, type Actor } from '../audit/record-audit.js';
import type { Principal } from '../auth/principal.js';
import { loadMatter } from '../matters/load-matter.js';
import { latestAssessment } from './assessment.js';

export type SubmissionInput = {
  proposedDecision: string;
  facts: string;
  lawApplied: string;
  discretionStandard: string;
  evidenceSummary: string;
  hearingAppraisal?: string | null;
  otherNotes?: string | null;
};

/**
 * REV-3: the handler sends the proposed decision, the investigation-end report's parts, and the
 * evidence — the matter's documents as they stand, each with its content hash — to the legal
 * reviewers. The submission is frozen when sent; a revision is a new submission version (REV-6).
 */
export async function submitForReview(db: Db, actor: Actor, p: Principal, agencyId: string, matterId: string, input: SubmissionInput, now: Date) {
  // Against the locked matter: of concurrent submissions one is received, the others find it open.
  return db.transaction(async (tx) => {
    const { matter } = await loadMatter(tx, p, agencyId, matterId, { lock: true });
    const assessment = await latestAssessment(tx, matterId);
    if (!assessment) throw new AppError('OUT_OF_ORDER', '请先判断拟作出的决定是否属于重大执法决定', { reason: 'MAJOR_ASSESSMENT_REQUIRED' });
    const open = await latestReview(tx, matterId);
    if (open && open.status === 'submitted') throw new AppError('CONFLICT', `第 ${open.submissionVersion} 次送审尚在审核中`);
    const docs = await tx
      .select({ id: documents.id, typeId: documents.typeId, version: documents.version, status: documents.status, number: documents.number, contentHash: documents.contentHash, fields: documents.fields })
      .from(documents)
      .where(eq(documents.matterId, matterId))
      .orderBy(asc(documents.createdAt));
    const materials = {
      ...input,
      matter: { id: matter.id, number: matter.number, category: matter.category, title: matter.title },
      assessment: { id: assessment.id, major: assessment.result.major, reasons: assessment.result.reasons },
      documents: docs.map((d) => ({ id: d.id, typeId: d.typeId, version: d.version, status: d.status, number: d.number, contentHash: d.contentHash ?? sha256Hex(canonicalJson(d.fields)) })),
    };
    const version = (open?.submissionVersion ?? 0) + 1;
    const [row] = await tx
      .insert(legalReviews)
      .values({ agencyId, matterId, submissionVersion: version, status: 'submitted', materials, materialsHash: sha256Hex(canonicalJson(materials)), receivedAt: now, submittedByUserId: actor.userId, submittedByName: actor.name })
      .returning();
    await recordAudit(tx, actor, { action: 'legal_review.submitted', agencyId, objectType: 'legal_review', objectId: row!.id, after: { matterId, submissionVersion: version, materialsHash: row!.materialsHash }, matterIds: [matterId], commitments: [{ kind: 'legal_review', id: row!.id }] }, now);
    return row!;
  });
}

export async function latestReview(db: DbOrTx, matterId: string) {
  const [row] = await db.select().from(legalReviews).where(eq(legalReviews.matterId, matterId)).orderBy(desc(legalReviews.submissionVersion)).limit(1);
  return row ?? null;
}

export async function reviewsOf(db: DbOrTx, matterId: string) {
  return db.select().from(legalReviews).where(eq(legalReviews.matterId, matterId)).orderBy(asc(legalReviews.submissionVersion));
}

/** Matters among `matterIds` on which this user is one of the officers. */
export async function handledMatterIds(db: DbOrTx, userId: string, matterIds: string[]) {
  if (!matterIds.length) return [];
  const rows = await db
    .select({ matterId: matterOfficers.matterId })
    .from(matterOfficers)
    .innerJoin(officers, eq(officers.id, matterOfficers.officerId))
    .where(and(eq(officers.userId, userId), inArray(matterOfficers.matterId, matterIds)));
  return rows.map((r) => r.matterId);
}
