import { describe, expect, it } from 'vitest';
import { retainUntil } from './retention.js';

describe('retention of originals (AV-3)', () => {
  const recorded = new Date('2026-03-15T08:30:00Z');

  it('AV-3 the agency rule counts calendar years from the recording', () => {
    expect(retainUntil({ years: 2, from: recorded }, 30).toISOString()).toBe('2028-03-15T08:30:00.000Z');
  });

  it('AV-3 no rule in the profile: the platform default applies', () => {
    expect(retainUntil({ years: null, from: recorded }, 30).toISOString()).toBe('2056-03-15T08:30:00.000Z');
  });

  it('AV-3 29 February rolls to 1 March in a common year, never earlier', () => {
    expect(retainUntil({ years: 1, from: new Date('2028-02-29T00:00:00Z') }, 30).toISOString()).toBe('2029-03-01T00:00:00.000Z');
  });
});
