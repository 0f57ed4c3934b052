import { asc, eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db } from '../../db/client.js';
import { agencies } from '../../db/schema/index.js';
import { AppError, notFound } from '../../shared/errors.js';
import { iso } from '../../shared/http-schemas.js';
import { recordAudit, type Actor } from '../audit/record-audit.js';
import type { Principal } from '../auth/principal.js';
import type { agencyInput, agencyPatch } from './schemas.js';

type AgencyRow = typeof agencies.$inferSelect;
export const presentAgency = (a: AgencyRow) => ({ ...a, createdAt: iso(a.createdAt)!, updatedAt: iso(a.updatedAt)! });

export async function listAgencies(db: Db, p: Principal) {
  const query = db.select().from(agencies).orderBy(asc(agencies.name));
  if (p.isPlatformAdmin) return (await query).map(presentAgency);
  const ids = p.memberships.map((m) => m.agencyId);
  if (ids.length === 0) return [];
  return (await query.where(inArray(agencies.id, ids))).map(presentAgency);
}

export async function getAgency(db: Db, agencyId: string) {
  const [row] = await db.select().from(agencies).where(eq(agencies.id, agencyId));
  if (!row) throw notFound('执法机关');
  return presentAgency(row);
}

export async function createAgency(db: Db, actor: Actor, input: z.infer<typeof agencyInput>, now: Date) {
  if (input.kind === 'entrusted_organisation' && !input.delegatingAgencyId) {
    throw new AppError('VALIDATION_FAILED', '受委托组织必须填写委托机关');
  }
  if (input.delegatingAgencyId) await getAgency(db, input.delegatingAgencyId);
  return db.transaction(async (tx) => {
    const [row] = await tx.insert(agencies).values({ ...input, createdAt: now, updatedAt: now }).returning();
    await recordAudit(tx, actor, { action: 'agency.created', agencyId: row!.id, objectType: 'agency', objectId: row!.id, after: row }, now);
    return presentAgency(row!);
  });
}

export async function updateAgency(db: Db, actor: Actor, agencyId: string, patch: z.infer<typeof agencyPatch>, now: Date) {
  const before = await getAgency(db, agencyId);
  const kind = patch.kind ?? before.kind;
  const delegating = patch.delegatingAgencyId === undefined ? before.delegatingAgencyId : patch.delegatingAgencyId;
  if (kind === 'entrusted_organisation' && !delegating) throw new AppError('VALIDATION_FAILED', '受委托组织必须填写委托机关');
  if (delegating === agencyId) throw new AppError('VALIDATION_FAILED', '委托机关不能是其自身');
  if (delegating) await getAgency(db, delegating);
  const { avUploadMaxBytes, ...otherFields } = patch;
  // The AV upload limit (AV-2) has its own audit action, so its changes can be listed alone.
  const limitChanged = avUploadMaxBytes !== undefined && avUploadMaxBytes !== before.avUploadMaxBytes;
  const othersPatched = Object.values(otherFields).some((v) => v !== undefined);
  return db.transaction(async (tx) => {
    const [row] = await tx.update(agencies).set({ ...patch, updatedAt: now }).where(eq(agencies.id, agencyId)).returning();
    if (limitChanged) {
      await recordAudit(tx, actor, { action: 'agency.av_upload_limit_changed', agencyId, objectType: 'agency', objectId: agencyId, before: { avUploadMaxBytes: before.avUploadMaxBytes }, after: { avUploadMaxBytes: row!.avUploadMaxBytes } }, now);
    }
    if (othersPatched || !limitChanged) await recordAudit(tx, actor, { action: 'agency.updated', agencyId, objectType: 'agency', objectId: agencyId, before, after: row }, now);
    return presentAgency(row!);
  });
}
