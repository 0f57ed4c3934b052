import { desc, eq } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client.js';
import { majorAssessments } from '../../db/schema/index.js';
import type { MajorFacts } from '../../rules/legal-review/criteria.js';
import { assessMajor, type MajorAssessment } from '../../rules/legal-review/is-major.js';
import type { EnforcementCategory } from '../../rules/profiles/vocabulary.js';
import { legalPersonOf, type PartyKindId } from '../../rules/matters/party.js';
import { iso } from '../../shared/http-schemas.js';
import { recordAudit, type Actor } from '../audit/record-audit.js';
import type { Principal } from '../auth/principal.js';
import { loadMatter } from '../matters/load-matter.js';
import { currentMajorList } from './major-list.js';

/**
 * REV-2: decides "major" from the matter's data (its category, party, hearing) plus what the
 * handler states of the proposed decision, and the handler's answers to what data cannot settle.
 * The answer and its reasons are recorded; the newest assessment of a matter counts.
 */
export async function assessMatter(db: Db, actor: Actor, p: Principal, agencyId: string, matterId: string, input: { proposal: Omit<MajorFacts, 'category' | 'partyKind' | 'hearingHeld'> & { hearingHeld?: boolean }; answers: Record<string, boolean> }, now: Date) {
  return db.transaction(async (tx) => {
    // Against the locked matter, so a submission or decision of the same moment sees it or not at all.
    const { matter, parties, steps } = await loadMatter(tx, p, agencyId, matterId, { lock: true });
    const list = await currentMajorList(tx, agencyId);
    const facts: MajorFacts = {
      ...input.proposal,
      category: matter.category as EnforcementCategory,
      partyKind: parties[0] ? legalPersonOf(parties[0].kind as PartyKindId) : 'legal',
      hearingHeld: input.proposal.hearingHeld ?? steps.some((s) => s.step === 'hearing' && s.status !== 'returned'),
    };
    const result = assessMajor(facts, input.answers, list.parameters, list.active);
    const [row] = await tx
      .insert(majorAssessments)
      .values({ matterId, facts, answers: input.answers, result, major: result.major ? (result.complete ? 'yes' : 'yes_incomplete') : result.complete ? 'no' : 'undecided', listVersion: list.version, createdAt: now, createdByName: actor.name })
      .returning();
    await recordAudit(tx, actor, { action: 'legal_review.assessed', agencyId, objectType: 'matter', objectId: matterId, after: { major: result.major, complete: result.complete, reasons: result.reasons, questions: result.questions.map((q) => q.criterionId) }, matterIds: [matterId], commitments: [{ kind: 'major_assessment', id: row!.id }] }, now);
    return present(row!);
  });
}

export async function latestAssessment(db: DbOrTx, matterId: string) {
  const [row] = await db.select().from(majorAssessments).where(eq(majorAssessments.matterId, matterId)).orderBy(desc(majorAssessments.createdAt), desc(majorAssessments.id)).limit(1);
  return row ? present(row) : null;
}

const present = (r: typeof majorAssessments.$inferSelect) => ({
  id: r.id,
  facts: r.facts as MajorFacts,
  answers: r.answers as Record<string, boolean>,
  result: r.result as MajorAssessment,
  listVersion: r.listVersion,
  createdAt: iso(r.createdAt)!,
  createdByName: r.createdByName,
});
