import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../../shared/canonical-json.js';
import { leafDataOfEvent, type AuditEventRow } from './leaf-data.js';

const row = (extra: Partial<AuditEventRow> & Record<string, unknown> = {}): AuditEventRow => ({
  seq: 812, occurredAt: new Date('2026-03-02T02:00:00.123Z'), actorUserId: null, actorName: '张三 "队长"', agencyId: 'a1b2', action: 'step.recorded',
  objectType: 'matter_step', objectId: 's1', ip: '10.0.0.1', userAgent: null,
  before: null, after: { z: 1, a: [{ y: '乙', b: null }], n: 1.5 }, details: { note: 'line\nbreak\u2028' }, contentHash: 'ab'.repeat(32), ...extra,
} as AuditEventRow);

describe('INT-1 a leaf commits to the whole event row', () => {
  it('is exactly the canonical JSON of the row, for any columns (a column added later included)', () => {
    for (const r of [row(), row({ commitments: { documents: ['h1'] } } as never), row({ objectId: null, details: null })]) {
      expect(leafDataOfEvent(r).toString('utf8')).toBe(canonicalJson(r));
    }
    expect(JSON.parse(leafDataOfEvent(row()).toString('utf8')).occurredAt).toBe('2026-03-02T02:00:00.123Z');
  });

  it('changes when any column changes', () => {
    const base = leafDataOfEvent(row());
    for (const change of [{ seq: 813 }, { actorName: '李四' }, { occurredAt: new Date('2026-03-01T02:00:00.123Z') }, { after: { z: 2 } }, { contentHash: 'cd'.repeat(32) }]) {
      expect(leafDataOfEvent(row(change as Partial<AuditEventRow>)).equals(base)).toBe(false);
    }
  });
});
