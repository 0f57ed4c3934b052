import { eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/client.js';
import { auditEvents, logLeaves } from '../../../db/schema/index.js';
import { AppError, notFound } from '../../../shared/errors.js';
import type { Principal } from '../../auth/principal.js';
import { canViewAudit } from '../../audit/policy.js';
import { leafDataOfEvent } from './leaf-data.js';
import { readSubtreesAndSize } from './log-store.js';
import { consistencyProof, consistencyProofNodes, inclusionProof, inclusionProofNodes } from './merkle.js';

// Proofs answered from the stored subtrees (INT-1): O(log n) rows per proof at any size.

const b64 = (h: Buffer) => h.toString('base64');

function checkWithinTree(current: number, size: number) {
  if (size > current) throw new AppError('VALIDATION_FAILED', `日志当前只有 ${current} 个叶子，不能对树大小 ${size} 给出证明`, { treeSize: current });
}

export async function inclusionProofFor(db: DbOrTx, leafIndex: number, size: number) {
  if (leafIndex >= size) throw new AppError('VALIDATION_FAILED', '叶子序号必须小于树大小');
  const { read, size: current } = await readSubtreesAndSize(db, [...inclusionProofNodes(leafIndex, size), { level: 0, index: leafIndex }]);
  checkWithinTree(current, size);
  return { leafIndex, treeSize: size, leafHash: b64(read(0, leafIndex)), hashes: inclusionProof(leafIndex, size, read).map(b64) };
}

export async function consistencyProofFor(db: DbOrTx, fromSize: number, toSize: number) {
  if (fromSize < 1 || fromSize > toSize) throw new AppError('VALIDATION_FAILED', '起始树大小须至少为 1 且不大于目标树大小');
  const { read, size: current } = await readSubtreesAndSize(db, consistencyProofNodes(fromSize, toSize));
  checkWithinTree(current, toSize);
  return { fromSize, toSize, hashes: consistencyProof(fromSize, toSize, read).map(b64) };
}

/**
 * A leaf by its index. Its hash is public (anyone may check a proof); the event it commits to is
 * the audit event itself, so its bytes go only to whoever may read that audit event
 * (audit/policy.ts canViewAudit: platform admin, or the event agency's admin and supervisors).
 */
export async function readLeaf(db: DbOrTx, principal: Principal | null, leafIndex: number) {
  const [row] = await db.select({ leaf: logLeaves, event: auditEvents }).from(logLeaves).leftJoin(auditEvents, eq(auditEvents.seq, logLeaves.auditSeq)).where(eq(logLeaves.leafIndex, leafIndex));
  if (!row) throw notFound('日志叶子');
  const mayRead = Boolean(principal && row.event && canViewAudit(principal, row.event.agencyId ?? undefined));
  return {
    leafIndex: row.leaf.leafIndex,
    auditSeq: row.leaf.auditSeq,
    leafHash: b64(row.leaf.leafHash),
    leafData: mayRead && row.event ? leafDataOfEvent(row.event).toString('utf8') : null,
  };
}

/** The leaf index of each named audit event that is already a leaf. */
export async function leavesOfEvents(db: DbOrTx, auditSeqs: number[]) {
  if (!auditSeqs.length) return new Map<number, number>();
  const rows = await db.select({ seq: logLeaves.auditSeq, index: logLeaves.leafIndex }).from(logLeaves).where(inArray(logLeaves.auditSeq, auditSeqs));
  return new Map(rows.map((r) => [r.seq, r.index]));
}
