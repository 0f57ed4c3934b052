import { auditEvents } from '../../db/schema/index.js';
import type { DbOrTx } from '../../db/client.js';
import { canonicalJson, sha256Hex } from '../../shared/canonical-json.js';
import { enqueueMatterReevaluation } from '../findings/reevaluation-job-ref.js';
import type { AuditAction } from './audit-actions.js';

/** Who did it, from where: taken from the request, or from the CLI for operator commands. */
export type Actor = {
  userId: string | null;
  name: string | null;
  ip: string | null;
  userAgent: string | null;
};

export const systemActor = (name = 'system'): Actor => ({ userId: null, name, ip: null, userAgent: 'liuhen-cli' });

export type AuditEventInput = {
  action: AuditAction;
  agencyId: string | null;
  objectType: string;
  objectId: string | null;
  // Each a JSON object (or absent): the audit API describes them as records (src/domains/audit/routes.ts).
  before?: AuditRecord | null;
  after?: AuditRecord | null;
  details?: AuditRecord | null;
  /**
   * The matters whose facts this change touches (e.g. a step's matter; both matters when a
   * record moves). Their findings are re-evaluated by a job enqueued in this same transaction,
   * so no use case can forget it. Not stored in the event.
   */
  matterIds?: ReadonlyArray<string | null | undefined>;
};
/** A free-form record of what changed: its keys depend on the action. */
export type AuditRecord = Record<string, unknown>;

/**
 * Writes one audit event. Call it with the transaction that makes the change, so the event
 * exists exactly when the change does.
 */
export async function recordAudit(tx: DbOrTx, actor: Actor, event: AuditEventInput, now = new Date()) {
  const row = {
    occurredAt: now,
    actorUserId: actor.userId,
    actorName: actor.name,
    agencyId: event.agencyId,
    action: event.action,
    objectType: event.objectType,
    objectId: event.objectId,
    ip: actor.ip,
    userAgent: actor.userAgent,
    before: redactRecord(event.before),
    after: redactRecord(event.after),
    details: redactRecord(event.details),
  };
  // A trigger queues the event for the Merkle log (INT-1) in this same transaction (migration
  // merkle_log_append_only): committed events, and only they, become leaves; no extra round trip.
  await tx.insert(auditEvents).values({ ...row, contentHash: sha256Hex(canonicalJson(row)) });
  const matterIds = new Set((event.matterIds ?? []).filter((id): id is string => Boolean(id)));
  if (matterIds.size && !event.agencyId) throw new Error(`audit event ${event.action} names matters but no agency`);
  for (const matterId of matterIds) await enqueueMatterReevaluation(tx, event.agencyId!, matterId, now);
}

const secretKeys = new Set(['passwordHash', 'password', 'newPassword', 'currentPassword', 'tokenHash', 'token']);

// Audit rows are shown to administrators and supervisors: never a secret in them.
const redactRecord = (value: AuditRecord | null | undefined): AuditRecord | null => (value ? (redactSecrets(value) as AuditRecord) : null);
function redactSecrets(value: unknown): unknown {
  if (value === undefined || value === null) return value;
  if (Array.isArray(value)) return value.map(redactSecrets);
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>)
        .filter(([k]) => !secretKeys.has(k))
        .map(([k, v]) => [k, redactSecrets(v)]),
    );
  }
  return value;
}
