import type { Db } from '../../../db/client.js';
import type { Config } from '../../../server/config.js';
import { and, eq, inArray } from 'drizzle-orm';
import { auditEvents } from '../../../db/schema/index.js';
import { makeCheckpoint } from './checkpoint.js';
import { integratePending } from './integrator.js';
import { leafDataOfEvent } from './leaf-data.js';
import { readSubtrees } from './log-store.js';
import { inclusionProof, inclusionProofNodes } from './merkle.js';
import { leavesOfEvents } from './proofs.js';
import { logSigner, logVerifierKey } from './signing-key.js';

export type InclusionBundle = {
  format: 'liuhen-log-proofs/1';
  /** The signed C2SP checkpoint every proof is made against. */
  checkpoint: string;
  /** Go sumdb/note verifier key of the log. */
  verifierKey: string;
  treeSize: number;
  proofs: { auditSeq: number; leafIndex: number; leafData: string; hashes: string[] }[];
  /** Events not yet in the log when the bundle was made (normally none). */
  notYetLogged: number[];
};

/**
 * Offline-checkable proof that each named audit event is in the log (INT-1, AV-10): the signed
 * checkpoint, and per event its exact leaf bytes and inclusion path. A third party checks the
 * note's signature with the verifier key, hashes 0x00‖leafData, and walks the path to the root
 * (RFC 9162 §2.1.3.2) — no access to Liuhen needed. Integrates and signs first, so fresh events
 * are covered.
 */
export async function inclusionBundle(db: Db, config: Pick<Config, 'dataDir' | 'log'>, auditSeqs: number[], now = new Date()): Promise<InclusionBundle> {
  await integratePending(db, { now: () => now });
  const checkpoint = await makeCheckpoint(db, logSigner(config), { now });
  const size = checkpoint?.treeSize ?? 0;
  const seqs = [...new Set(auditSeqs)].sort((a, b) => a - b);
  const leaves = await leavesOfEvents(db, seqs);
  const events = new Map(seqs.length ? (await db.select().from(auditEvents).where(inArray(auditEvents.seq, seqs))).map((e) => [e.seq, e]) : []);
  const proofs: InclusionBundle['proofs'] = [];
  const notYetLogged: number[] = [];
  for (const seq of seqs) {
    const leafIndex = leaves.get(seq);
    const event = events.get(seq);
    if (leafIndex === undefined || leafIndex >= size || !event) {
      notYetLogged.push(seq);
      continue;
    }
    const read = await readSubtrees(db, inclusionProofNodes(leafIndex, size));
    proofs.push({ auditSeq: seq, leafIndex, leafData: leafDataOfEvent(event).toString('utf8'), hashes: inclusionProof(leafIndex, size, read).map((h) => h.toString('base64')) });
  }
  return { format: 'liuhen-log-proofs/1', checkpoint: checkpoint?.note ?? '', verifierKey: logVerifierKey(config), treeSize: size, proofs, notYetLogged };
}

/** The audit events recorded about one object (e.g. an AV record's ingest and changes). */
export async function eventSeqsOfObject(db: Db, objectType: string, objectId: string) {
  const rows = await db.select({ seq: auditEvents.seq }).from(auditEvents).where(and(eq(auditEvents.objectType, objectType), eq(auditEvents.objectId, objectId)));
  return rows.map((r) => r.seq);
}
