import { describe, expect, it } from 'vitest';
import { consistencyProof, leafHash, nodeHash, rootHash, type HashReader } from '../log/merkle.js';
import { judgeCheckpoint, type SeenCheckpoint } from './judge-checkpoint.js';
import type { Checkpoint } from './log-checkpoint.js';

// A tree over the given leaves: the hash of the complete subtree (level, index), computed directly.
const reader = (leaves: string[]): HashReader => {
  const h = (level: number, index: number): Buffer => (level === 0 ? leafHash(leaves[index]!) : nodeHash(h(level - 1, 2 * index), h(level - 1, 2 * index + 1)));
  return h;
};
const origin = 'liuhen.test/log';
const events = Array.from({ length: 20 }, (_, i) => `event ${i}`);
const checkpointOf = (leaves: string[]): Checkpoint => {
  const root = rootHash(leaves.length, reader(leaves));
  return { origin, treeSize: leaves.length, rootHash: root, body: `${origin}\n${leaves.length}\n${root.toString('base64')}\n` };
};
const seen = (c: Checkpoint): SeenCheckpoint => ({ origin: c.origin, treeSize: c.treeSize, rootHash: c.rootHash.toString('base64') });

describe('INT-1 the witness cosigns only a consistent checkpoint', () => {
  const old = checkpointOf(events.slice(0, 7));
  const grown = checkpointOf(events.slice(0, 13));
  const proof = consistencyProof(7, 13, reader(events.slice(0, 13)));

  it('first run: trusts on first use', () => {
    expect(judgeCheckpoint(null, grown)).toEqual({ cosign: true, why: 'first-use' });
  });

  it('normal growth with a valid consistency proof is cosigned; the same tree again too', () => {
    expect(judgeCheckpoint(seen(old), grown, proof)).toEqual({ cosign: true, why: 'grown' });
    expect(judgeCheckpoint(seen(grown), grown)).toEqual({ cosign: true, why: 'same' });
  });

  it('a fork (same size, other root) is refused with an alarm', () => {
    const forked = checkpointOf([...events.slice(0, 6), 'rewritten event 6']);
    expect(judgeCheckpoint(seen(old), forked)).toMatchObject({ cosign: false, alarm: expect.stringContaining('分叉') });
  });

  it('a rewritten history (grown, but the old tree is no prefix) is refused', () => {
    const rewritten = [...events.slice(0, 3), 'changed', ...events.slice(4, 13)];
    const forgedProof = consistencyProof(7, 13, reader(rewritten));
    expect(judgeCheckpoint(seen(old), checkpointOf(rewritten), forgedProof)).toMatchObject({ cosign: false, alarm: expect.stringContaining('不一致') });
  });

  it('a flipped bit in the proof, a missing proof, a shrunk log or another origin are refused', () => {
    const flipped = proof.map((h, i) => (i === 0 ? Buffer.from(h.map((b, j) => (j === 0 ? b ^ 1 : b))) : h));
    expect(judgeCheckpoint(seen(old), grown, flipped).cosign).toBe(false);
    expect(judgeCheckpoint(seen(old), grown).cosign).toBe(false);
    expect(judgeCheckpoint(seen(grown), old)).toMatchObject({ cosign: false, alarm: expect.stringContaining('变短') });
    expect(judgeCheckpoint({ ...seen(old), origin: 'other.test/log' }, grown, proof).cosign).toBe(false);
  });
});
