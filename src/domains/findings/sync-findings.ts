import { and, eq, isNull, ne, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { findings } from '../../db/schema/index.js';
import { describeFinding } from '../../rules/findings/describe-finding.js';
import type { Finding } from '../../rules/findings/finding.js';
import { recordAudit, systemActor } from '../audit/record-audit.js';

const engine = systemActor('findings-engine');
export type SyncCounts = { opened: number; changed: number; resolved: number };

/**
 * Serialises everything that stores one matter's findings, across processes, until the
 * transaction ends: without it two evaluations at once both insert a new finding (one aborts on
 * the unique key) or both record the same change. Take the locks in a fixed order.
 */
export async function lockMatterFindings(tx: DbOrTx, agencyId: string, matterIds: string[]) {
  for (const matterId of matterIds) await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`liuhen.findings:${agencyId}:${matterId}`}, 0))`);
}

/**
 * Makes the stored findings of one matter equal to what the engine found now: new ones open,
 * changed ones (due soon → late, a new due time) update, and ones no longer found resolve.
 * Rows are never deleted; each opening, change and resolution is an audit event.
 */
export async function syncMatterFindings(
  tx: DbOrTx,
  agencyId: string,
  matterId: string,
  found: Finding[],
  owners: { unitId?: string | null; officerIds?: string[] },
  now: Date,
): Promise<SyncCounts> {
  await lockMatterFindings(tx, agencyId, [matterId]);
  // Fixity findings (INT-3) are the fixity check's to resolve, not the matter engine's.
  const open = await tx.select().from(findings).where(and(eq(findings.agencyId, agencyId), eq(findings.matterId, matterId), isNull(findings.resolvedAt), ne(findings.kind, 'object_fixity')));
  const openByKey = new Map(open.map((f) => [f.key, f]));
  const counts: SyncCounts = { opened: 0, changed: 0, resolved: 0 };
  for (const f of found) {
    const values = {
      kind: f.kind,
      requirement: f.requirement,
      state: f.state,
      severity: f.severity,
      objectType: f.objectType,
      objectId: f.objectId,
      unitId: owners.unitId ?? null,
      officerIds: owners.officerIds ?? [],
      dueAt: f.dueAt ?? null,
      lateByMs: f.lateByMs ?? null,
      rule: f.rule,
      detail: f.detail,
      summary: describeFinding(f),
      lastSeenAt: now,
    };
    const existing = openByKey.get(f.key);
    openByKey.delete(f.key);
    if (!existing) {
      const [row] = await tx.insert(findings).values({ ...values, agencyId, matterId, key: f.key, firstSeenAt: now }).returning({ id: findings.id });
      await recordAudit(tx, engine, { action: 'finding.opened', agencyId, objectType: 'finding', objectId: row!.id, after: { key: f.key, state: f.state, dueAt: f.dueAt, rule: f.rule, summary: values.summary } }, now);
      counts.opened++;
      continue;
    }
    const changed = existing.state !== f.state || existing.dueAt?.getTime() !== f.dueAt?.getTime() || existing.severity !== f.severity;
    await tx.update(findings).set(changed ? values : { lastSeenAt: now, lateByMs: values.lateByMs }).where(eq(findings.id, existing.id));
    if (changed) {
      await recordAudit(tx, engine, { action: 'finding.changed', agencyId, objectType: 'finding', objectId: existing.id, before: { state: existing.state, dueAt: existing.dueAt }, after: { state: f.state, dueAt: f.dueAt } }, now);
      counts.changed++;
    }
  }
  for (const gone of openByKey.values()) {
    const resolution = '规则不再触发：已按时补正、已完成或事实已更正';
    await tx.update(findings).set({ resolvedAt: now, resolution }).where(eq(findings.id, gone.id));
    await recordAudit(tx, engine, { action: 'finding.resolved', agencyId, objectType: 'finding', objectId: gone.id, before: { state: gone.state }, details: { resolution } }, now);
    counts.resolved++;
  }
  return counts;
}
