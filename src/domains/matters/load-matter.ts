import { and, asc, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { matterOfficers, matterParties, matterSteps, matters, officers } from '../../db/schema/index.js';
import { lifecycleOf } from '../../rules/matters/lifecycles/index.js';
import type { EnforcementCategory } from '../../rules/profiles/vocabulary.js';
import { notFound } from '../../shared/errors.js';
import type { Principal } from '../auth/principal.js';
import { canSeeMatter, matterScope } from './scope.js';

export type MatterRow = typeof matters.$inferSelect;
export type StepRow = typeof matterSteps.$inferSelect;

/**
 * Inside a transaction, `lock` takes the matter row FOR UPDATE: every change of a matter (its
 * steps, approvals, documents, legal reviews) is decided against the locked row, so two
 * concurrent requests are serialised and the second sees what the first wrote (STYLE 14).
 */
export type LoadOptions = { lock?: boolean };

/** A matter the principal may see, with its officers; 404 otherwise (ACC-1). */
export async function loadVisibleMatter(db: DbOrTx, p: Principal, agencyId: string, matterId: string, opts: LoadOptions = {}) {
  const query = db.select().from(matters).where(and(eq(matters.id, matterId), eq(matters.agencyId, agencyId)));
  const [matter] = opts.lock ? await query.for('update') : await query;
  if (!matter) throw notFound('执法事项');
  const officerRows = await db
    .select({ id: officers.id, name: officers.name, certificateNo: officers.certificateNo, lead: matterOfficers.lead })
    .from(matterOfficers)
    .innerJoin(officers, eq(officers.id, matterOfficers.officerId))
    .where(eq(matterOfficers.matterId, matterId));
  const scope = await matterScope(db, p, agencyId);
  if (!canSeeMatter(scope, matter, officerRows.map((o) => o.id))) throw notFound('执法事项');
  return { matter, officers: officerRows };
}

/** A matter the principal may see, with its officers, steps and parties; 404 otherwise (ACC-1). */
export async function loadMatter(db: DbOrTx, p: Principal, agencyId: string, matterId: string, opts: LoadOptions = {}) {
  const { matter, officers: officerRows } = await loadVisibleMatter(db, p, agencyId, matterId, opts);
  const steps = await db.select().from(matterSteps).where(eq(matterSteps.matterId, matterId)).orderBy(asc(matterSteps.occurredAt), asc(matterSteps.recordedAt));
  const parties = await db.select().from(matterParties).where(eq(matterParties.matterId, matterId));
  return { matter, officers: officerRows, steps, parties, lifecycle: lifecycleOf(matter.category as EnforcementCategory) };
}

/** What the lifecycle rules see: each step, done once approved (or when it needs no approval). */
export const historyOf = (steps: StepRow[]) => steps.filter((s) => s.status !== 'returned').map((s) => ({ step: s.step, done: s.status === 'done' || s.status === 'approved' }));

export async function officersByIds(db: DbOrTx, agencyId: string, ids: string[]) {
  if (!ids.length) return [];
  return db.select().from(officers).where(and(eq(officers.agencyId, agencyId), inArray(officers.id, ids)));
}
