import { and, asc, gt, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/client.js';
import { auditEvents, logLeaves } from '../../../db/schema/index.js';
import { canonicalJson, sha256Hex } from '../../../shared/canonical-json.js';
import type { CheckReport, Discrepancy } from './discrepancy.js';

// Each audit event row against its own contentHash (record-audit.ts computes it at insert). It
// catches a row edited by someone who did not recompute the hash; a recomputed hash, a deleted,
// reordered or re-inserted event is the Merkle log's to catch (verifyLog).

type EventRow = typeof auditEvents.$inferSelect;

/** The hashed part of an event exactly as recordAudit hashed it (no commitments → key absent). */
export function eventContentHash(e: EventRow): string {
  const { seq: _seq, contentHash: _hash, commitments, ...rest } = e;
  return sha256Hex(canonicalJson({ ...rest, commitments: commitments ?? undefined }));
}

/** `unloggedOnly`: the log check already compared every leaf's event; only events not yet leaves are left. */
export async function verifyEventHashes(db: DbOrTx, opts: { batch?: number; unloggedOnly?: boolean } = {}): Promise<CheckReport> {
  const batch = opts.batch ?? 5000;
  const discrepancies: Discrepancy[] = [];
  let examined = 0;
  let after = 0;
  for (;;) {
    const unlogged = opts.unloggedOnly ? sql`not exists (select 1 from ${logLeaves} where ${logLeaves.auditSeq} = ${auditEvents.seq})` : undefined;
    const rows = await db.select().from(auditEvents).where(and(gt(auditEvents.seq, after), unlogged)).orderBy(asc(auditEvents.seq)).limit(batch);
    for (const e of rows) {
      const actual = eventContentHash(e);
      if (actual !== e.contentHash) {
        discrepancies.push({ check: 'event', table: 'audit_events', recordId: String(e.seq), what: `审计事件 ${e.seq} 的内容与其写入时的内容哈希不一致（事件被改动）`, proof: { seq: e.seq, expected: e.contentHash, actual } });
      }
    }
    examined += rows.length;
    if (rows.length < batch) break;
    after = rows.at(-1)!.seq;
  }
  return { check: 'event', examined, discrepancies };
}
