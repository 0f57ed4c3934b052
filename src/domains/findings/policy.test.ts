import { describe, expect, it } from 'vitest';
import { agencyA, agencyB, allowedRows, principal } from '../../../test/support/principals.js';
import { canReadFindings, canReevaluateFindings, canSeeFinding } from './policy.js';

describe('findings policy (ORG-3)', () => {
  it('ORG-3 every member reads findings; its admin and the platform admin re-evaluate them all', () => {
    expect(allowedRows((p) => canReadFindings(p, agencyA))).toEqual(['handler', 'reviewer', 'approver', 'legal_reviewer', 'archivist', 'supervisor', 'admin', 'platform']);
    expect(allowedRows((p) => canReevaluateFindings(p, agencyA))).toEqual(['admin', 'platform']);
    expect(canReadFindings(principal(['supervisor']), agencyB)).toBe(false);
  });
});

describe('findings scope (ACC-1)', () => {
  it("ACC-1 a finding is seen as its matter is: agency-wide roles, the matter's unit, its officers", () => {
    const finding = { unitId: 'unit-1', officerIds: ['officer-1'] };
    expect(canSeeFinding({ kind: 'agency' }, finding)).toBe(true);
    expect(canSeeFinding({ kind: 'limited', unitId: 'unit-1', officerId: null }, finding)).toBe(true);
    expect(canSeeFinding({ kind: 'limited', unitId: 'unit-2', officerId: 'officer-1' }, finding)).toBe(true);
    expect(canSeeFinding({ kind: 'limited', unitId: 'unit-2', officerId: 'officer-2' }, finding)).toBe(false);
    expect(canSeeFinding({ kind: 'limited', unitId: null, officerId: null }, { unitId: null, officerIds: [] })).toBe(false);
  });
});
