import { describe, expect, it } from 'vitest';
import { parseRange } from './byte-range.js';

describe('HTTP Range for playback (AV-6)', () => {
  it('AV-6 reads start-end, open-ended and suffix ranges, clamped to the size', () => {
    expect(parseRange('bytes=0-99', 1000)).toEqual({ kind: 'partial', start: 0, end: 99 });
    expect(parseRange('bytes=900-', 1000)).toEqual({ kind: 'partial', start: 900, end: 999 });
    expect(parseRange('bytes=-100', 1000)).toEqual({ kind: 'partial', start: 900, end: 999 });
    expect(parseRange('bytes=990-2000', 1000)).toEqual({ kind: 'partial', start: 990, end: 999 });
  });
  it('AV-6 refuses ranges past the end and serves the whole file for what it does not support', () => {
    expect(parseRange('bytes=1000-', 1000)).toEqual({ kind: 'unsatisfiable' });
    expect(parseRange('bytes=5-2', 1000)).toEqual({ kind: 'unsatisfiable' });
    expect(parseRange(undefined, 1000)).toEqual({ kind: 'full' });
    expect(parseRange('bytes=0-1,5-6', 1000)).toEqual({ kind: 'full' });
    expect(parseRange('items=0-1', 1000)).toEqual({ kind: 'full' });
  });
});
