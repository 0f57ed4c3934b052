import { describe, expect, it } from 'vitest';
import { canonicalJson } from './canonical-json.js';

describe('canonical JSON for audit hashes (INT-1)', () => {
  it('INT-1 key order does not change the text; dates become UTC ISO strings; undefined is dropped', () => {
    const a = canonicalJson({ b: 1, a: { d: [2, { z: 1, y: 2 }], c: new Date('2026-01-01T00:00:00+08:00') }, u: undefined });
    const b = canonicalJson({ a: { c: new Date('2025-12-31T16:00:00Z'), d: [2, { y: 2, z: 1 }] }, b: 1 });
    expect(a).toBe(b);
    expect(a).toBe('{"a":{"c":"2025-12-31T16:00:00.000Z","d":[2,{"y":2,"z":1}]},"b":1}');
  });

  it('INT-1 a key named __proto__ (stored JSON may hold one) is hashed like any key, not dropped', () => {
    const parsed = JSON.parse('{"b":1,"__proto__":{"x":1}}') as unknown;
    expect(canonicalJson(parsed)).toBe('{"__proto__":{"x":1},"b":1}');
    expect(canonicalJson(parsed)).not.toBe(canonicalJson({ b: 1 }));
  });
});
