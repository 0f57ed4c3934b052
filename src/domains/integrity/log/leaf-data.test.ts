import fc from 'fast-check';
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

  it('INT-2 stays byte for byte canonicalJson(row) for any jsonb value: integer-like keys, __proto__, unicode, numbers', () => {
    const special = fc.constantFrom('10', '9', '0', '01', '4294967294', '4294967295', '-1', '__proto__', 'constructor', '', 'B', 'a', 'é', '😀', '键');
    const key = fc.oneof(fc.string({ unit: 'binary', maxLength: 6 }), special);
    const { value } = fc.letrec<{ value: unknown }>((tie) => ({
      value: fc.oneof({ depthSize: 'small' }, fc.double(), fc.integer(), fc.string({ unit: 'binary', maxLength: 8 }), fc.boolean(), fc.constant(null),
        fc.array(tie('value'), { maxLength: 4 }), fc.array(fc.tuple(key, tie('value')), { maxLength: 6 })
          // Built as JSON text and parsed, as a jsonb column is read: '__proto__' becomes an own key.
          .map((entries) => JSON.parse(`{${entries.map(([k, v]) => `${JSON.stringify(k)}:${JSON.stringify(v) ?? 'null'}`).join(',')}}`) as unknown)),
    }));
    fc.assert(fc.property(value, value, (details, after) => {
      const r = row({ details, after } as never);
      expect(leafDataOfEvent(r).toString('utf8')).toBe(canonicalJson(r));
    }), { numRuns: 2000 });
    const r = row({ details: JSON.parse('{"b":1,"10":2,"9":3,"__proto__":{"x":1},"a":[{"2":0,"1":0}]}') } as never);
    expect(leafDataOfEvent(r).toString('utf8')).toBe(canonicalJson(r));
  });
});
