import { describe, expect, it } from 'vitest';
import { agencyA, agencyB, allowedRows, principal } from '../../../test/support/principals.js';
import { canChangePolicy, canReadPolicy } from './policy.js';

describe('profile policy (POL-1, ORG-3)', () => {
  it('ORG-3 every member reads the profile; its admin and the platform admin change it', () => {
    expect(allowedRows((p) => canReadPolicy(p, agencyA))).toEqual(['handler', 'reviewer', 'approver', 'legal_reviewer', 'archivist', 'supervisor', 'admin', 'platform']);
    expect(allowedRows((p) => canChangePolicy(p, agencyA))).toEqual(['admin', 'platform']);
    expect(canChangePolicy(principal(['admin']), agencyB)).toBe(false);
  });
});
