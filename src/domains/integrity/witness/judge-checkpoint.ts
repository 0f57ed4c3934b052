import { verifyConsistency } from '../log/merkle.js';
import type { Checkpoint } from './log-checkpoint.js';

// The witness's one decision, pure: given the last checkpoint it vouched for and a new verified
// one (with, when the tree grew, a consistency proof from the server), may it cosign? It never
// may when the log shrank, when one size has two roots (a fork), or when the old tree is not a
// prefix of the new one (history rewritten). The first run has nothing to compare with and
// trusts what it sees (trust on first use) — the caller says so to the operator.

export type SeenCheckpoint = { origin: string; treeSize: number; rootHash: string };
export type Judgement = { cosign: true; why: 'first-use' | 'same' | 'grown' } | { cosign: false; alarm: string };

export function judgeCheckpoint(last: SeenCheckpoint | null, next: Checkpoint, consistencyProof?: readonly Buffer[]): Judgement {
  if (!last) return { cosign: true, why: 'first-use' };
  const lastRoot = Buffer.from(last.rootHash, 'base64');
  if (next.origin !== last.origin) return { cosign: false, alarm: `日志来源由「${last.origin}」变为「${next.origin}」` };
  if (next.treeSize < last.treeSize) return { cosign: false, alarm: `日志变短了：此前已见 ${last.treeSize} 条，现在只有 ${next.treeSize} 条（历史被删改）` };
  if (next.treeSize === last.treeSize) {
    return next.rootHash.equals(lastRoot) ? { cosign: true, why: 'same' } : { cosign: false, alarm: `日志分叉：同为 ${next.treeSize} 条，根哈希却与此前所见不同（历史被改写）` };
  }
  if (last.treeSize === 0) return { cosign: true, why: 'grown' };
  if (!consistencyProof) return { cosign: false, alarm: `服务器未给出从 ${last.treeSize} 条到 ${next.treeSize} 条的一致性证明` };
  return verifyConsistency(last.treeSize, next.treeSize, consistencyProof, lastRoot, next.rootHash)
    ? { cosign: true, why: 'grown' }
    : { cosign: false, alarm: `日志不一致：${next.treeSize} 条的新树不包含此前所见的 ${last.treeSize} 条（一致性证明不成立，历史被改写）` };
}
