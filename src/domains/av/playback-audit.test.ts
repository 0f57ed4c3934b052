import { describe, expect, it } from 'vitest';
import { mediaReadAction } from './playback-audit.js';

const full = { kind: 'full' } as const;
const from = (start: number) => ({ kind: 'partial', start, end: start + 99 }) as const;

describe('INT-1 a media request records one read per viewing, not per Range request', () => {
  it('records nothing under a valid viewing, whatever the range', () => {
    for (const served of [full, from(0), from(5000)]) expect(mediaReadAction({ served, underViewing: true, original: true })).toBeNull();
  });
  it('without a viewing, a range from byte 0 is a playback and a later range continues it', () => {
    expect(mediaReadAction({ served: from(0), underViewing: false, original: true })).toBe('av.played');
    expect(mediaReadAction({ served: from(0), underViewing: false, original: false })).toBe('av.played');
    expect(mediaReadAction({ served: from(1), underViewing: false, original: true })).toBeNull();
  });
  it('without a viewing, the whole original is a download and the whole playable copy a playback', () => {
    expect(mediaReadAction({ served: full, underViewing: false, original: true })).toBe('av.downloaded');
    expect(mediaReadAction({ served: full, underViewing: false, original: false })).toBe('av.played');
  });
  it('a refused range serves nothing and records nothing', () => {
    expect(mediaReadAction({ served: { kind: 'unsatisfiable' }, underViewing: false, original: true })).toBeNull();
  });
});
