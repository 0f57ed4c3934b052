import { and, eq, isNull } from 'drizzle-orm';
import type { Tx } from '../../../db/client.js';
import { findings } from '../../../db/schema/index.js';
import { describeFinding } from '../../../rules/findings/describe-finding.js';
import type { Finding, FindingRule } from '../../../rules/findings/finding.js';
import { recordAudit, systemActor } from '../../audit/record-audit.js';
import type { ObjectOutcome, ReferencedObject } from '../verify/verify-objects.js';

// INT-3: a stored original found missing, changed or unreadable becomes an alert the agency's
// administrators (and the platform admin) see where findings show: an open finding of kind
// 'object_fixity' (no unit, no officer: agency-wide roles see it), and an audit event
// `integrity.fixity_failed`. Once the object hashes right again (restored from a copy), the
// finding resolves.

const fixityActor = systemActor('fixity-check');

const rule: FindingRule = {
  profileId: 'integrity',
  profileVersion: 1,
  seed: 'national',
  article: '留痕完整性要求 INT-3',
  text: '每个原件按周期重新计算 SHA-256，与其存储键比对；缺失、被改动或无法读取即告警。',
};

const findingKey = (objectKey: string) => `object_fixity:${objectKey}`;

export async function raiseFixityAlert(tx: Tx, obj: ReferencedObject, outcome: Exclude<ObjectOutcome, 'ok'>, detail: string | undefined, now: Date) {
  if (!obj.agencyId) return;
  const finding: Finding = {
    key: findingKey(obj.key),
    kind: 'object_fixity',
    requirement: 'INT-3',
    state: 'breached',
    severity: 'high',
    objectType: 'stored_object',
    objectId: obj.key,
    matterId: obj.matterId ?? '',
    rule,
    detail: { outcome, table: obj.table, refId: obj.refId, ...(detail ? { detail } : {}) },
  };
  const [open] = await tx.select().from(findings).where(and(eq(findings.agencyId, obj.agencyId), eq(findings.key, finding.key), isNull(findings.resolvedAt)));
  if (open && (open.detail as { outcome?: string }).outcome === outcome) {
    await tx.update(findings).set({ lastSeenAt: now }).where(eq(findings.id, open.id));
    return;
  }
  const summary = describeFinding(finding);
  const values = { kind: finding.kind, requirement: finding.requirement, state: finding.state, severity: finding.severity, objectType: finding.objectType, objectId: finding.objectId, rule, detail: finding.detail, summary, lastSeenAt: now };
  if (open) await tx.update(findings).set(values).where(eq(findings.id, open.id));
  else await tx.insert(findings).values({ ...values, agencyId: obj.agencyId, matterId: finding.matterId, key: finding.key, unitId: null, officerIds: [], firstSeenAt: now });
  await recordAudit(tx, fixityActor, { action: 'integrity.fixity_failed', agencyId: obj.agencyId, objectType: 'stored_object', objectId: obj.key, details: { outcome, table: obj.table, refId: obj.refId, summary } }, now);
}

/** The object hashes right again: its open alert resolves (audited like any finding). */
export async function clearFixityAlert(tx: Tx, obj: ReferencedObject, now: Date) {
  if (!obj.agencyId) return;
  const resolution = '定期校验确认原件已恢复（SHA-256 一致）';
  const resolved = await tx
    .update(findings)
    .set({ resolvedAt: now, resolution })
    .where(and(eq(findings.agencyId, obj.agencyId), eq(findings.key, findingKey(obj.key)), isNull(findings.resolvedAt)))
    .returning({ id: findings.id });
  for (const r of resolved) await recordAudit(tx, fixityActor, { action: 'finding.resolved', agencyId: obj.agencyId, objectType: 'finding', objectId: r.id, details: { resolution } }, now);
}
