import { createHash } from 'node:crypto';

// RFC 6962 / RFC 9162 Merkle tree math, by hand and without I/O (INT-1). A tree of n leaves is
// addressed by complete subtrees: (level, index) covers leaves [index·2^level, (index+1)·2^level);
// level 0 is the leaf hashes. Storage keeps exactly those complete subtrees, so proofs first say
// which (level, index) they need (`…Nodes`), storage answers them in one read, and the proof is
// assembled from a synchronous `HashReader` — a proof never needs every leaf.

export type Hash = Buffer;
export type NodeRef = { level: number; index: number };
/** Answers the hash of a complete subtree; it is only asked for refs the matching `…Nodes` named. */
export type HashReader = (level: number, index: number) => Hash;

const LEAF_PREFIX = Buffer.from([0x00]);
const NODE_PREFIX = Buffer.from([0x01]);

export const leafHash = (data: Uint8Array | string): Hash => createHash('sha256').update(LEAF_PREFIX).update(data).digest();
export const nodeHash = (left: Uint8Array, right: Uint8Array): Hash => createHash('sha256').update(NODE_PREFIX).update(left).update(right).digest();
/** MTH of the empty tree: SHA-256 of nothing. */
export const emptyRoot = (): Hash => createHash('sha256').digest();

/** The largest power of two strictly less than n (n ≥ 2): where RFC 6962 splits a tree. */
export function splitPoint(n: number) {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

const isPowerOfTwo = (n: number) => n > 0 && 2 ** Math.round(Math.log2(n)) === n;

/** A leaf range [start, end) of a tree, as it appears in a proof. */
type Range = { start: number; end: number };

/** The complete subtrees whose hashes make up MTH(D[start:end]), left to right. */
function rangeNodes({ start, end }: Range, out: NodeRef[] = []): NodeRef[] {
  const n = end - start;
  if (isPowerOfTwo(n) && start % n === 0) {
    out.push({ level: Math.log2(n), index: start / n });
    return out;
  }
  const k = splitPoint(n);
  rangeNodes({ start, end: start + k }, out);
  rangeNodes({ start: start + k, end }, out);
  return out;
}

/** MTH(D[start:end]) from stored complete subtrees. */
function rangeHash(r: Range, read: HashReader): Hash {
  const n = r.end - r.start;
  if (isPowerOfTwo(n) && r.start % n === 0) return read(Math.log2(n), r.start / n);
  const k = splitPoint(n);
  return nodeHash(rangeHash({ start: r.start, end: r.start + k }, read), rangeHash({ start: r.start + k, end: r.end }, read));
}

/** RFC 6962 §2.1.1 PATH(m, D[start:end]) as the ranges whose hashes form the path, leaf side first. */
function inclusionRanges(m: number, start: number, end: number): Range[] {
  const n = end - start;
  if (n <= 1) return [];
  const k = splitPoint(n);
  if (m < k) return [...inclusionRanges(m, start, start + k), { start: start + k, end }];
  return [...inclusionRanges(m - k, start + k, end), { start, end: start + k }];
}

/** RFC 6962 §2.1.2 SUBPROOF(m, D[start:end], b). */
function consistencyRanges(m: number, start: number, end: number, b: boolean): Range[] {
  const n = end - start;
  if (m === n) return b ? [] : [{ start, end }];
  const k = splitPoint(n);
  if (m <= k) return [...consistencyRanges(m, start, start + k, b), { start: start + k, end }];
  return [...consistencyRanges(m - k, start + k, end, false), { start, end: start + k }];
}

function checkSize(size: number, what: string) {
  if (!Number.isSafeInteger(size) || size < 0) throw new RangeError(`${what} must be a non-negative integer`);
}

function inclusionPlan(index: number, size: number) {
  checkSize(index, 'leaf index');
  checkSize(size, 'tree size');
  if (index >= size) throw new RangeError(`leaf index ${index} is not in a tree of ${size}`);
  return inclusionRanges(index, 0, size);
}

function consistencyPlan(m: number, n: number) {
  checkSize(m, 'old size');
  checkSize(n, 'new size');
  if (m < 1 || m > n) throw new RangeError(`no consistency proof from ${m} to ${n}`);
  return m === n ? [] : consistencyRanges(m, 0, n, true);
}

const uniqueRefs = (ranges: Range[]) => {
  const seen = new Map<string, NodeRef>();
  for (const r of ranges) for (const ref of rangeNodes(r)) seen.set(`${ref.level}/${ref.index}`, ref);
  return [...seen.values()];
};

/** The stored subtrees the root of a tree of `size` leaves is made of (its right edge). */
export const rootNodes = (size: number): NodeRef[] => (size === 0 ? [] : rangeNodes({ start: 0, end: size }));
export const rootHash = (size: number, read: HashReader): Hash => (size === 0 ? emptyRoot() : rangeHash({ start: 0, end: size }, read));

export const inclusionProofNodes = (index: number, size: number) => uniqueRefs(inclusionPlan(index, size));
export const inclusionProof = (index: number, size: number, read: HashReader) => inclusionPlan(index, size).map((r) => rangeHash(r, read));

export const consistencyProofNodes = (m: number, n: number) => uniqueRefs(consistencyPlan(m, n));
export const consistencyProof = (m: number, n: number, read: HashReader) => consistencyPlan(m, n).map((r) => rangeHash(r, read));

/** The (level, index) of every complete subtree that a tree of `size` leaves gains with leaf `index`. */
export function completedBy(leafIndex: number): NodeRef[] {
  const out: NodeRef[] = [];
  for (let level = 1; (leafIndex + 1) % 2 ** level === 0; level++) out.push({ level, index: (leafIndex + 1) / 2 ** level - 1 });
  return out;
}

const bytesEqual = (a: Uint8Array, b: Uint8Array) => a.length === b.length && Buffer.compare(a, b) === 0;
// Halving with `/` keeps the math exact above 2^31 leaves, where `>>` would not.
const half = (x: number) => Math.floor(x / 2);
const odd = (x: number) => x % 2 === 1;

/** RFC 9162 §2.1.3.2: does `proof` put `leaf` at `index` of the tree of `size` with `root`? */
export function verifyInclusion(leaf: Uint8Array, index: number, size: number, proof: readonly Uint8Array[], root: Uint8Array): boolean {
  if (!Number.isSafeInteger(index) || !Number.isSafeInteger(size) || index < 0 || index >= size) return false;
  let fn = index;
  let sn = size - 1;
  let r: Uint8Array = leaf;
  for (const p of proof) {
    if (p.length !== 32 || sn === 0) return false;
    if (odd(fn) || fn === sn) {
      r = nodeHash(p, r);
      if (!odd(fn)) {
        while (!odd(fn) && fn !== 0) {
          fn = half(fn);
          sn = half(sn);
        }
      }
    } else {
      r = nodeHash(r, p);
    }
    fn = half(fn);
    sn = half(sn);
  }
  return sn === 0 && bytesEqual(r, root);
}

/** RFC 9162 §2.1.4.2: is the tree of `newSize` with `newRoot` an extension of `oldSize`/`oldRoot`? */
export function verifyConsistency(oldSize: number, newSize: number, proof: readonly Uint8Array[], oldRoot: Uint8Array, newRoot: Uint8Array): boolean {
  if (!Number.isSafeInteger(oldSize) || !Number.isSafeInteger(newSize) || oldSize < 1 || oldSize > newSize) return false;
  if (oldSize === newSize) return proof.length === 0 && bytesEqual(oldRoot, newRoot);
  if (proof.length === 0 || proof.some((p) => p.length !== 32)) return false;
  const path = isPowerOfTwo(oldSize) ? [oldRoot, ...proof] : [...proof];
  let fn = oldSize - 1;
  let sn = newSize - 1;
  while (odd(fn)) {
    fn = half(fn);
    sn = half(sn);
  }
  let fr: Uint8Array = path[0]!;
  let sr: Uint8Array = path[0]!;
  for (const c of path.slice(1)) {
    if (sn === 0) return false;
    if (odd(fn) || fn === sn) {
      fr = nodeHash(c, fr);
      sr = nodeHash(c, sr);
      while (!odd(fn) && fn !== 0) {
        fn = half(fn);
        sn = half(sn);
      }
    } else {
      sr = nodeHash(sr, c);
    }
    fn = half(fn);
    sn = half(sn);
  }
  return sn === 0 && bytesEqual(fr, oldRoot) && bytesEqual(sr, newRoot);
}
