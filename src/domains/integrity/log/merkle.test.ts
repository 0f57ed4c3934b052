import { describe, expect, it } from 'vitest';
import { consistencyProof, consistencyProofNodes, emptyRoot, inclusionProof, inclusionProofNodes, leafHash, nodeHash, rootHash, splitPoint, verifyConsistency, verifyInclusion, type Hash } from './merkle.js';

// The RFC 6962 test vectors of Certificate Transparency (the same ones transparency-dev/merkle
// and Go's tlog tests use): eight leaves and the tree head at each size.
const CT_DATA = ['', '00', '10', '2021', '3031', '40414243', '5051525354555657', '606162636465666768696a6b6c6d6e6f'].map((h) => Buffer.from(h, 'hex'));
const CT_ROOTS = [
  '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
  'fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125',
  'aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77',
  'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
  '4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4',
  '76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef',
  'ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c',
  '5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328',
];
const CT_INCLUSION = [
  { index: 0, size: 8, proof: ['96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7', '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e', '6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4'] },
  { index: 5, size: 8, proof: ['bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b', 'ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0', 'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7'] },
];
const CT_CONSISTENCY = [
  { m: 2, n: 8, proof: ['5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e', '6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4'] },
  { m: 6, n: 8, proof: ['0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a', 'ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0', 'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7'] },
  { m: 2, n: 5, proof: ['5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e', 'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b'] },
];

/** An in-memory store of every complete subtree, the way the database keeps them. */
function storeOf(leaves: Hash[]) {
  const levels: Hash[][] = [leaves];
  while (levels.at(-1)!.length > 1) {
    const below = levels.at(-1)!;
    const above: Hash[] = [];
    for (let i = 0; i + 1 < below.length; i += 2) above.push(nodeHash(below[i]!, below[i + 1]!));
    levels.push(above);
  }
  const asked: string[] = [];
  const read = (level: number, index: number) => {
    asked.push(`${level}/${index}`);
    const h = levels[level]?.[index];
    if (!h) throw new Error(`no subtree ${level}/${index}`);
    return h;
  };
  return { read, asked };
}

const hex = (hs: Hash[]) => hs.map((h) => h.toString('hex'));
const ctLeaves = CT_DATA.map((d) => leafHash(d));
const leaves64 = Array.from({ length: 64 }, (_, i) => leafHash(`leaf ${i}`));
const roots64 = [emptyRoot(), ...leaves64.map((_, i) => rootHash(i + 1, storeOf(leaves64.slice(0, i + 1)).read))];

describe('INT-1 Merkle math (RFC 6962 / RFC 9162)', () => {
  it('hashes leaves with 0x00 and nodes with 0x01, and splits at the largest power of two below n', () => {
    expect(leafHash(Buffer.alloc(0)).toString('hex')).toBe(CT_ROOTS[0]);
    expect(emptyRoot().toString('hex')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect([2, 3, 4, 5, 8, 9, 1000].map(splitPoint)).toEqual([1, 2, 2, 4, 4, 8, 512]);
  });

  it('gives the reference tree head at every size 1..8', () => {
    for (let n = 1; n <= 8; n++) expect(rootHash(n, storeOf(ctLeaves.slice(0, n)).read).toString('hex')).toBe(CT_ROOTS[n - 1]);
  });

  it('gives the reference inclusion and consistency proofs, and accepts them', () => {
    const { read } = storeOf(ctLeaves);
    for (const v of CT_INCLUSION) {
      expect(hex(inclusionProof(v.index, v.size, read))).toEqual(v.proof);
      expect(verifyInclusion(ctLeaves[v.index]!, v.index, v.size, v.proof.map((h) => Buffer.from(h, 'hex')), Buffer.from(CT_ROOTS[v.size - 1]!, 'hex'))).toBe(true);
    }
    for (const v of CT_CONSISTENCY) {
      const s = storeOf(ctLeaves.slice(0, v.n));
      expect(hex(consistencyProof(v.m, v.n, s.read))).toEqual(v.proof);
      const proof = v.proof.map((h) => Buffer.from(h, 'hex'));
      expect(verifyConsistency(v.m, v.n, proof, Buffer.from(CT_ROOTS[v.m - 1]!, 'hex'), Buffer.from(CT_ROOTS[v.n - 1]!, 'hex'))).toBe(true);
    }
  });

  it('round-trips every inclusion proof for sizes 1..64 and every index, reading only the subtrees it named', () => {
    for (let n = 1; n <= 64; n++) {
      const s = storeOf(leaves64.slice(0, n));
      for (let i = 0; i < n; i++) {
        s.asked.length = 0;
        const proof = inclusionProof(i, n, s.read);
        const named = new Set(inclusionProofNodes(i, n).map((r) => `${r.level}/${r.index}`));
        expect(s.asked.every((a) => named.has(a))).toBe(true);
        expect(verifyInclusion(leaves64[i]!, i, n, proof, roots64[n]!)).toBe(true);
      }
    }
  });

  it('round-trips every consistency proof for 1 ≤ m ≤ n ≤ 64, reading only the subtrees it named', () => {
    for (let n = 1; n <= 64; n++) {
      const s = storeOf(leaves64.slice(0, n));
      for (let m = 1; m <= n; m++) {
        s.asked.length = 0;
        const proof = consistencyProof(m, n, s.read);
        const named = new Set(consistencyProofNodes(m, n).map((r) => `${r.level}/${r.index}`));
        expect(s.asked.every((a) => named.has(a))).toBe(true);
        expect(verifyConsistency(m, n, proof, roots64[m]!, roots64[n]!)).toBe(true);
      }
    }
  });

  it('refuses forged inclusion proofs: any flipped bit, extra hash before or after, truncation, wrong index, size or leaf', () => {
    const extra = leafHash('forged');
    for (let n = 1; n <= 64; n++) {
      const s = storeOf(leaves64.slice(0, n));
      for (let i = 0; i < n; i++) {
        const proof = inclusionProof(i, n, s.read);
        const ok = (p: Hash[], index = i, size = n, leaf = leaves64[i]!, root = roots64[n]!) => verifyInclusion(leaf, index, size, p, root);
        for (let k = 0; k < proof.length; k++) {
          for (const bit of [0, 131, 255]) {
            const forged = proof.map((h) => Buffer.from(h));
            forged[k]![bit >> 3]! ^= 1 << (bit & 7);
            expect(ok(forged)).toBe(false);
          }
        }
        expect(ok([extra, ...proof])).toBe(false);
        expect(ok([...proof, extra])).toBe(false);
        if (proof.length) expect(ok(proof.slice(0, -1))).toBe(false);
        if (proof.length) expect(ok(proof.slice(1))).toBe(false);
        expect(ok(proof, i + 1)).toBe(false);
        if (i > 0) expect(ok(proof, i - 1)).toBe(false);
        // A size is only ever claimed together with the root signed for it.
        if (n < 64) expect(ok(proof, i, n + 1, leaves64[i]!, roots64[n + 1]!)).toBe(false);
        if (n > 1) expect(ok(proof, i, n - 1, leaves64[i]!, roots64[n - 1]!)).toBe(false);
        expect(ok(proof, i, n, extra)).toBe(false);
        expect(ok(proof, i, n, leaves64[i]!, roots64[n - 1]!)).toBe(false);
      }
    }
  });

  it('refuses forged consistency proofs: any flipped bit, extra hash, truncation, wrong sizes, swapped roots', () => {
    const extra = leafHash('forged');
    for (let n = 2; n <= 64; n++) {
      const s = storeOf(leaves64.slice(0, n));
      for (let m = 1; m < n; m++) {
        const proof = consistencyProof(m, n, s.read);
        const ok = (p: Hash[], a = m, b = n, ra = roots64[m]!, rb = roots64[n]!) => verifyConsistency(a, b, p, ra, rb);
        for (let k = 0; k < proof.length; k++) {
          for (const bit of [0, 77, 255]) {
            const forged = proof.map((h) => Buffer.from(h));
            forged[k]![bit >> 3]! ^= 1 << (bit & 7);
            expect(ok(forged)).toBe(false);
          }
        }
        expect(ok([extra, ...proof])).toBe(false);
        expect(ok([...proof, extra])).toBe(false);
        expect(ok(proof.slice(0, -1))).toBe(false);
        expect(ok(proof.slice(1))).toBe(false);
        expect(ok([])).toBe(false);
        expect(ok(proof, m, n, roots64[n]!, roots64[m]!)).toBe(false);
        expect(ok(proof, n, m, roots64[n]!, roots64[m]!)).toBe(false);
        if (m + 1 < n) expect(ok(proof, m + 1, n, roots64[m + 1]!, roots64[n]!)).toBe(false);
        if (n < 64) expect(ok(proof, m, n + 1, roots64[m]!, roots64[n + 1]!)).toBe(false);
      }
    }
  });

  it('refuses impossible positions instead of answering', () => {
    const { read } = storeOf(ctLeaves);
    expect(() => inclusionProof(8, 8, read)).toThrow(RangeError);
    expect(() => inclusionProof(-1, 8, read)).toThrow(RangeError);
    expect(() => consistencyProof(0, 8, read)).toThrow(RangeError);
    expect(() => consistencyProof(5, 3, read)).toThrow(RangeError);
    expect(verifyConsistency(4, 4, [], roots64[4]!, roots64[4]!)).toBe(true);
    expect(verifyConsistency(4, 4, [], roots64[4]!, roots64[5]!)).toBe(false);
    expect(verifyInclusion(leaves64[0]!, 0, 1, [], roots64[1]!)).toBe(true);
  });
});
