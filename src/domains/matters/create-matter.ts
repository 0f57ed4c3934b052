import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db } from '../../db/client.js';
import { agencies, matterOfficers, matterParties, matters } from '../../db/schema/index.js';
import { lifecycleOf } from '../../rules/matters/lifecycles/index.js';
import { AppError, notFound } from '../../shared/errors.js';
import { recordAudit, type Actor } from '../audit/record-audit.js';
import { getUnit } from '../org/units.js';
import { checkOfficersMayAct } from './officer-rules.js';
import { nextMatterNumber } from './numbering.js';
import type { matterInput } from './schemas.js';
import { shanghaiDate } from '../org/certificate.js';

/** Opens a matter (CASE-1, CASE-3): numbered by the agency's rule, with parties and officers. */
export async function createMatter(db: Db, actor: Actor, agencyId: string, input: z.infer<typeof matterInput>, now: Date) {
  const lifecycle = lifecycleOf(input.category);
  if (!lifecycle.startRoutes.includes(input.startRoute)) {
    throw new AppError('VALIDATION_FAILED', `该类事项不能以此方式启动，可选：${lifecycle.startRoutes.join('、')}`);
  }
  const [agency] = await db.select().from(agencies).where(eq(agencies.id, agencyId));
  if (!agency) throw notFound('执法机关');
  if (input.unitId) await getUnit(db, agencyId, input.unitId);
  if (input.originMatterId) {
    const [origin] = await db.select({ id: matters.id }).from(matters).where(and(eq(matters.id, input.originMatterId), eq(matters.agencyId, agencyId)));
    if (!origin) throw notFound('来源事项');
  }
  const acting = await checkOfficersMayAct(db, agencyId, input.officerIds, shanghaiDate(now));
  // Without a named unit the matter belongs to its lead officer's unit (ACC-1 visibility).
  const unitId = input.unitId ?? acting.find((o) => o.id === input.officerIds[0])?.unitId ?? null;
  return db.transaction(async (tx) => {
    const number = await nextMatterNumber(tx, agency, input.category, Number(shanghaiDate(now).slice(0, 4)));
    const [row] = await tx
      .insert(matters)
      .values({
        agencyId,
        unitId,
        number,
        category: input.category,
        startRoute: input.startRoute,
        title: input.title,
        source: input.source ?? null,
        summary: input.summary ?? null,
        originMatterId: input.originMatterId ?? null,
        phase: 'start',
        status: 'open',
        createdAt: now,
        createdByUserId: actor.userId,
        updatedAt: now,
      })
      .returning();
    if (input.parties.length) await tx.insert(matterParties).values(input.parties.map((p) => ({ ...p, matterId: row!.id })));
    await tx.insert(matterOfficers).values(input.officerIds.map((officerId, i) => ({ matterId: row!.id, officerId, lead: i === 0 })));
    await recordAudit(tx, actor, { action: 'matter.created', agencyId, objectType: 'matter', objectId: row!.id, after: { ...row, parties: input.parties, officerIds: input.officerIds }, matterIds: [row!.id] }, now);
    return row!;
  });
}
