import { and, count, desc, eq, gte, inArray, isNull, like, lt, notInArray, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { auditEvents, roleAssignments } from '../../db/schema/index.js';
import { iso } from '../../shared/http-schemas.js';
import { readActions } from './record-read.js';

export type AuditFilter = {
  agencyId?: string;
  action?: string;
  actorUserId?: string;
  objectType?: string;
  objectId?: string;
  /** Reads (views, playback, downloads …) only, or everything but them: a trail of acts not buried under its readers. */
  reads?: 'only' | 'exclude';
  from?: Date;
  to?: Date;
  page: number;
  pageSize: number;
};

export async function listAuditEvents(db: Db, f: AuditFilter) {
  const conditions: SQL[] = [];
  if (f.agencyId) {
    // An agency's log includes its members' sign-ins, which belong to no single agency.
    const members = db.select({ id: sql<string>`${roleAssignments.userId}::text` }).from(roleAssignments).where(eq(roleAssignments.agencyId, f.agencyId));
    conditions.push(
      or(
        eq(auditEvents.agencyId, f.agencyId),
        and(isNull(auditEvents.agencyId), like(auditEvents.action, 'auth.%'), eq(auditEvents.objectType, 'user'), inArray(auditEvents.objectId, members)),
      )!,
    );
  }
  if (f.action) conditions.push(eq(auditEvents.action, f.action));
  if (f.actorUserId) conditions.push(eq(auditEvents.actorUserId, f.actorUserId));
  if (f.objectType) conditions.push(eq(auditEvents.objectType, f.objectType));
  if (f.objectId) conditions.push(eq(auditEvents.objectId, f.objectId));
  if (f.reads === 'only') conditions.push(inArray(auditEvents.action, [...readActions]));
  if (f.reads === 'exclude') conditions.push(notInArray(auditEvents.action, [...readActions]));
  if (f.from) conditions.push(gte(auditEvents.occurredAt, f.from));
  if (f.to) conditions.push(lt(auditEvents.occurredAt, f.to));
  const where = conditions.length ? and(...conditions) : undefined;
  const [rows, [total]] = await Promise.all([
    db.select().from(auditEvents).where(where).orderBy(desc(auditEvents.seq)).limit(f.pageSize).offset((f.page - 1) * f.pageSize),
    db.select({ n: count() }).from(auditEvents).where(where),
  ]);
  return { items: rows.map((r) => ({ ...r, occurredAt: iso(r.occurredAt)! })), total: total?.n ?? 0, page: f.page, pageSize: f.pageSize };
}
