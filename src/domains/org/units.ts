import { and, asc, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db } from '../../db/client.js';
import { units } from '../../db/schema/index.js';
import { notFound } from '../../shared/errors.js';
import { iso } from '../../shared/http-schemas.js';
import { recordAudit, type Actor } from '../audit/record-audit.js';
import type { unitInput, unitPatch } from './schemas.js';

type UnitRow = typeof units.$inferSelect;
const present = (u: UnitRow) => ({ ...u, createdAt: iso(u.createdAt)!, updatedAt: iso(u.updatedAt)! });

export async function listUnits(db: Db, agencyId: string) {
  return (await db.select().from(units).where(eq(units.agencyId, agencyId)).orderBy(asc(units.name))).map(present);
}

export async function getUnit(db: Db, agencyId: string, unitId: string) {
  const [row] = await db.select().from(units).where(and(eq(units.id, unitId), eq(units.agencyId, agencyId)));
  if (!row) throw notFound('科室/执法队');
  return row;
}

export async function createUnit(db: Db, actor: Actor, agencyId: string, input: z.infer<typeof unitInput>, now: Date) {
  return db.transaction(async (tx) => {
    const [row] = await tx.insert(units).values({ ...input, agencyId, createdAt: now, updatedAt: now }).returning();
    await recordAudit(tx, actor, { action: 'unit.created', agencyId, objectType: 'unit', objectId: row!.id, after: row }, now);
    return present(row!);
  });
}

export async function updateUnit(db: Db, actor: Actor, agencyId: string, unitId: string, patch: z.infer<typeof unitPatch>, now: Date) {
  const before = await getUnit(db, agencyId, unitId);
  return db.transaction(async (tx) => {
    const [row] = await tx.update(units).set({ ...patch, updatedAt: now }).where(eq(units.id, unitId)).returning();
    await recordAudit(tx, actor, { action: 'unit.updated', agencyId, objectType: 'unit', objectId: unitId, before, after: row }, now);
    return present(row!);
  });
}
