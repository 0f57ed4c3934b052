import { and, asc, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db } from '../../db/client.js';
import { officers, roleAssignments, units } from '../../db/schema/index.js';
import { AppError, notFound } from '../../shared/errors.js';
import { iso } from '../../shared/http-schemas.js';
import { recordAudit, type Actor } from '../audit/record-audit.js';
import { certificateValidOn, shanghaiDate } from './certificate.js';
import type { officerInput, officerPatch } from './schemas.js';
import { getUnit } from './units.js';

type OfficerRow = typeof officers.$inferSelect;
const present = (o: OfficerRow, unitName: string | null, now: Date) => ({
  ...o,
  unitName,
  certificateValid: o.active && certificateValidOn(o, shanghaiDate(now)),
  createdAt: iso(o.createdAt)!,
  updatedAt: iso(o.updatedAt)!,
});

export async function listOfficers(db: Db, agencyId: string, now: Date, filter: { unitId?: string } = {}) {
  const rows = await db
    .select({ o: officers, unitName: units.name })
    .from(officers)
    .leftJoin(units, eq(units.id, officers.unitId))
    .where(and(eq(officers.agencyId, agencyId), filter.unitId ? eq(officers.unitId, filter.unitId) : undefined))
    .orderBy(asc(officers.name));
  return rows.map((r) => present(r.o, r.unitName, now));
}

async function getOfficer(db: Db, agencyId: string, officerId: string) {
  const [row] = await db.select().from(officers).where(and(eq(officers.id, officerId), eq(officers.agencyId, agencyId)));
  if (!row) throw notFound('执法人员');
  return row;
}

// The unit must be the agency's own and a linked user must hold a role in the agency.
async function checkReferences(db: Db, agencyId: string, ref: { unitId?: string | null; userId?: string | null }) {
  if (ref.unitId) await getUnit(db, agencyId, ref.unitId);
  if (ref.userId) {
    const [m] = await db.select().from(roleAssignments).where(and(eq(roleAssignments.userId, ref.userId), eq(roleAssignments.agencyId, agencyId))).limit(1);
    if (!m) throw new AppError('VALIDATION_FAILED', '关联的用户不属于本机关');
  }
}

export async function createOfficer(db: Db, actor: Actor, agencyId: string, input: z.infer<typeof officerInput>, now: Date) {
  await checkReferences(db, agencyId, input);
  return db.transaction(async (tx) => {
    const [row] = await tx.insert(officers).values({ ...input, agencyId, createdAt: now, updatedAt: now }).returning();
    await recordAudit(tx, actor, { action: 'officer.created', agencyId, objectType: 'officer', objectId: row!.id, after: row }, now);
    const unitName = input.unitId ? (await getUnit(tx as Db, agencyId, input.unitId)).name : null;
    return present(row!, unitName, now);
  });
}

export async function updateOfficer(db: Db, actor: Actor, agencyId: string, officerId: string, patch: z.infer<typeof officerPatch>, now: Date) {
  const before = await getOfficer(db, agencyId, officerId);
  await checkReferences(db, agencyId, patch);
  const from = patch.certificateValidFrom ?? before.certificateValidFrom;
  const to = patch.certificateValidTo ?? before.certificateValidTo;
  if (to < from) throw new AppError('VALIDATION_FAILED', '证件有效期止不能早于起始日期');
  return db.transaction(async (tx) => {
    const [row] = await tx.update(officers).set({ ...patch, updatedAt: now }).where(eq(officers.id, officerId)).returning();
    await recordAudit(tx, actor, { action: 'officer.updated', agencyId, objectType: 'officer', objectId: officerId, before, after: row }, now);
    const unitName = row!.unitId ? (await getUnit(tx as Db, agencyId, row!.unitId)).name : null;
    return present(row!, unitName, now);
  });
}
