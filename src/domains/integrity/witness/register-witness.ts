import { asc } from 'drizzle-orm';
import type { Db } from '../../../db/client.js';
import { witnesses } from '../../../db/schema/index.js';
import { AppError } from '../../../shared/errors.js';
import { iso } from '../../../shared/http-schemas.js';
import { recordAudit, type Actor } from '../../audit/record-audit.js';
import { parseVerifierKey } from './cosignature.js';

type WitnessRow = typeof witnesses.$inferSelect;

export const presentWitness = (w: WitnessRow) => ({ id: w.id, name: w.name, verifierKey: w.verifierKey, label: w.label, createdAt: iso(w.createdAt)!, createdByName: w.createdByName });

/** The platform admin registers a witness by the verifier key `liuhen witness keygen` printed. */
export async function registerWitness(db: Db, actor: Actor, input: { verifierKey: string; label: string }, now: Date) {
  const key = parseVerifierKey(input.verifierKey);
  if (!key) throw new AppError('VALIDATION_FAILED', '见证方公钥格式不正确：应为 `liuhen witness keygen` 输出的“名称+8位十六进制+base64”一行');
  return db.transaction(async (tx) => {
    // A name is unique (index witnesses_name): a second key under one name would make its cosignatures ambiguous → 409 DUPLICATE.
    const [row] = await tx.insert(witnesses).values({ name: key.name, verifierKey: input.verifierKey.trim(), label: input.label, createdAt: now, createdByUserId: actor.userId, createdByName: actor.name }).returning();
    await recordAudit(tx, actor, { action: 'witness.registered', agencyId: null, objectType: 'witness', objectId: row!.id, after: { name: row!.name, verifierKey: row!.verifierKey, label: row!.label } }, now);
    return presentWitness(row!);
  });
}

export async function listWitnesses(db: Db) {
  const rows = await db.select().from(witnesses).orderBy(asc(witnesses.createdAt), asc(witnesses.name));
  return rows.map(presentWitness);
}
