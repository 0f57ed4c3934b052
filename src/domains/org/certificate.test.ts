import { describe, expect, it } from 'vitest';
import { certificateValidOn, shanghaiDate } from './certificate.js';

describe('officer certificate validity (ORG-2, INT-4)', () => {
  it('INT-4 the Shanghai calendar date of an instant turns at 16:00 UTC', () => {
    expect(shanghaiDate(new Date('2026-03-01T15:59:59Z'))).toBe('2026-03-01');
    expect(shanghaiDate(new Date('2026-03-01T16:00:00Z'))).toBe('2026-03-02');
  });
  it('ORG-2 a certificate is valid from its first to its last day inclusive', () => {
    const c = { certificateValidFrom: '2025-01-01', certificateValidTo: '2026-03-01' };
    expect(certificateValidOn(c, '2024-12-31')).toBe(false);
    expect(certificateValidOn(c, '2025-01-01')).toBe(true);
    expect(certificateValidOn(c, '2026-03-01')).toBe(true);
    expect(certificateValidOn(c, '2026-03-02')).toBe(false);
  });
});
