import { eq, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../../db/client.js';
import { fixityChecks } from '../../../db/schema/index.js';
import type { ObjectStore } from '../../../store/object-store.js';
import { countReferencedObjects, objectsDueForFixity, rehashObject, type ObjectOutcome, type ReferencedObject } from '../verify/verify-objects.js';
import { clearFixityAlert, raiseFixityAlert } from './fixity-alert.js';

// INT-3: every stored object re-hashed within the cycle (LIUHEN_FIXITY_CYCLE_DAYS), spread
// evenly: each tick takes its share — objects × tick / cycle — of the objects checked longest
// ago (never-checked first), so the whole store is covered once per cycle without a burst.

const DAY_MS = 86_400_000;

export type FixityTiming = { cycleDays: number; tickMs: number };
export type FixityTickResult = { checked: number; failed: number; bytes: number };

/** How many objects one tick re-hashes so that all `total` are covered once per cycle. */
export const fixityShare = (total: number, t: FixityTiming) => (total === 0 ? 0 : Math.max(1, Math.ceil((total * t.tickMs) / (t.cycleDays * DAY_MS))));

export async function fixityTick(db: Db, store: ObjectStore, now: Date, t: FixityTiming): Promise<FixityTickResult> {
  const share = fixityShare(await countReferencedObjects(db), t);
  const result: FixityTickResult = { checked: 0, failed: 0, bytes: 0 };
  if (!share) return result;
  for (const obj of await objectsDueForFixity(db, share)) {
    const r = await rehashObject(store, obj.key);
    result.checked++;
    result.bytes += r.bytes;
    if (r.outcome !== 'ok') result.failed++;
    await db.transaction((tx) => recordFixityOutcome(tx, obj, r, now));
  }
  return result;
}

/**
 * Stores one re-hash of an object and acts on it: an alert when it does not hold, the alert
 * resolved when it holds again. Used by the scheduled tick and by every read that re-hashes an
 * original anyway (the evidence copy).
 */
export async function recordFixityOutcome(tx: Tx, obj: ReferencedObject, r: { outcome: ObjectOutcome; bytes: number; detail?: string }, now: Date) {
  const [previous] = await tx.select({ outcome: fixityChecks.outcome }).from(fixityChecks).where(eq(fixityChecks.objectKey, obj.key));
  const row = { objectKey: obj.key, checkedAt: now, outcome: r.outcome, size: r.bytes, detail: r.detail ?? null };
  await tx.insert(fixityChecks).values(row).onConflictDoUpdate({ target: fixityChecks.objectKey, set: { checkedAt: now, outcome: r.outcome, size: r.bytes, detail: sql`excluded.detail` } });
  if (r.outcome !== 'ok') await raiseFixityAlert(tx, obj, r.outcome, r.detail, now);
  else if (previous && previous.outcome !== 'ok') await clearFixityAlert(tx, obj, now);
}
