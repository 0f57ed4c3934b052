import { describe, expect, it } from 'vitest';
import { agencyA, agencyB, allowedRows, principal } from '../../../test/support/principals.js';
import type { MatterScope } from '../matters/scope.js';
import { canReadAv, canSeeUnassignedAv, canWorkOnAv } from './policy.js';

const unitA = '00000000-0000-4000-8000-0000000000c1';
const unitB = '00000000-0000-4000-8000-0000000000c2';
const me = principal(['handler']);
const limited = (unitId: string | null, officerId: string | null): MatterScope => ({ kind: 'limited', unitId, officerId });

describe('AV policy (ACC-1, ORG-3)', () => {
  it('ORG-3 every member reads records; those who work on matters organise them', () => {
    expect(allowedRows((p) => canReadAv(p, agencyA))).toEqual(['handler', 'reviewer', 'approver', 'legal_reviewer', 'archivist', 'supervisor', 'admin', 'platform']);
    expect(allowedRows((p) => canWorkOnAv(p, agencyA))).toEqual(['handler', 'reviewer', 'approver', 'admin']);
    expect(canReadAv(principal(['admin']), agencyB)).toBe(false);
  });

  it('ACC-1 an unassigned record is seen by agency-wide roles, its uploader, its officer and the unit of either', () => {
    const record = { createdByUserId: 'someone-else', officerId: 'officer-2', unitIds: [unitA] };
    expect(canSeeUnassignedAv(me, { kind: 'agency' }, record)).toBe(true);
    expect(canSeeUnassignedAv(me, limited(unitA, 'officer-1'), record)).toBe(true); // same unit
    expect(canSeeUnassignedAv(me, limited(unitB, 'officer-1'), record)).toBe(false); // another unit
    expect(canSeeUnassignedAv(me, limited(unitB, 'officer-2'), record)).toBe(true); // recorded by me
    expect(canSeeUnassignedAv(me, limited(null, null), { ...record, createdByUserId: me.userId })).toBe(true); // uploaded by me
  });

  it('ACC-1 a clip nobody can be named for is for the agency-wide roles only', () => {
    const anonymous = { createdByUserId: null, officerId: null, unitIds: [] };
    expect(canSeeUnassignedAv(me, limited(unitA, 'officer-1'), anonymous)).toBe(false);
    expect(canSeeUnassignedAv(me, limited(null, null), anonymous)).toBe(false);
    expect(canSeeUnassignedAv(me, { kind: 'agency' }, anonymous)).toBe(true);
  });
});
