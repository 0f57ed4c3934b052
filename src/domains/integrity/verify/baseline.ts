import { eq } from 'drizzle-orm';
import type { Db } from '../../../db/client.js';
import { auditEvents } from '../../../db/schema/index.js';
import { lockName } from '../../../db/locks.js';
import { recordAudit, systemActor, type Actor } from '../../audit/record-audit.js';
import { committedKinds, frozenRows, type RecordRef } from './record-commitments.js';
import { latestCommitments } from './verify-records.js';

// Records written before commitments existed are committed once by `integrity.baseline` events,
// so nothing is left unprotected: at the first start after the migration, or by
// `liuhen verify --baseline`. Only records with no commitment yet are named, so running it again
// commits nothing twice; a record changed before the baseline is taken as it stood then.

const PER_EVENT = 500;

export async function hasBaseline(db: Db) {
  const [row] = await db.select({ seq: auditEvents.seq }).from(auditEvents).where(eq(auditEvents.action, 'integrity.baseline')).limit(1);
  return Boolean(row);
}

/** Commits every frozen record that has no commitment; returns how many it committed. */
export async function writeBaseline(db: Db, now: Date, actor: Actor = systemActor('liuhen')): Promise<number> {
  return db.transaction(async (tx) => {
    // One baseline at a time across processes starting together.
    await lockName(tx, 'integrity.baseline');
    let committed = 0;
    const refs: RecordRef[] = [];
    const flush = async (force: boolean) => {
      while (refs.length >= PER_EVENT || (force && refs.length)) {
        const part = refs.splice(0, PER_EVENT);
        await recordAudit(tx, actor, { action: 'integrity.baseline', agencyId: null, objectType: 'integrity', objectId: null, details: { records: part.length }, commitments: part }, now);
        committed += part.length;
      }
    };
    for (const k of committedKinds) {
      const latest = await latestCommitments(tx, k.kind);
      for await (const rows of frozenRows(tx, k)) {
        for (const row of rows) if (!latest.has(String(row.id))) refs.push({ kind: k.kind, id: String(row.id) });
        await flush(false);
      }
    }
    await flush(true);
    // A marker even when there was nothing to commit, so the first start does this once.
    if (!committed && !(await tx.select({ seq: auditEvents.seq }).from(auditEvents).where(eq(auditEvents.action, 'integrity.baseline')).limit(1)).length) {
      await recordAudit(tx, actor, { action: 'integrity.baseline', agencyId: null, objectType: 'integrity', objectId: null, details: { records: 0 } }, now);
    }
    return committed;
  });
}
