import { describe, expect, it } from 'vitest';
import { agencyA, agencyB, allowedRows, principal } from '../../../test/support/principals.js';
import { canReadFindings, canReevaluateFindings } from './policy.js';

describe('findings policy (ORG-3)', () => {
  it('ORG-3 every member reads findings; its admin and the platform admin re-evaluate them all', () => {
    expect(allowedRows((p) => canReadFindings(p, agencyA))).toEqual(['handler', 'reviewer', 'approver', 'legal_reviewer', 'archivist', 'supervisor', 'admin', 'platform']);
    expect(allowedRows((p) => canReevaluateFindings(p, agencyA))).toEqual(['admin', 'platform']);
    expect(canReadFindings(principal(['supervisor']), agencyB)).toBe(false);
  });
});
