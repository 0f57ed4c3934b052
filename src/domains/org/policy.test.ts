import { describe, expect, it } from 'vitest';
import { agencyA, agencyB, allowedRows, principal } from '../../../test/support/principals.js';
import { canAdministerAgency, canCreateAgency, canReadAgency } from './policy.js';

describe('organisation policy (ORG-3)', () => {
  it('ORG-3 the platform admin creates agencies; nobody else', () => {
    expect(allowedRows(canCreateAgency)).toEqual(['platform']);
  });
  it('ORG-3 every role reads its agency; its admin and the platform admin administer it', () => {
    expect(allowedRows((p) => canReadAgency(p, agencyA))).toEqual(['handler', 'reviewer', 'approver', 'legal_reviewer', 'archivist', 'supervisor', 'admin', 'platform']);
    expect(allowedRows((p) => canAdministerAgency(p, agencyA))).toEqual(['admin', 'platform']);
  });
  it('ORG-3 a role in one agency gives nothing in another', () => {
    expect(canReadAgency(principal(['admin']), agencyB)).toBe(false);
    expect(canAdministerAgency(principal(['admin']), agencyB)).toBe(false);
  });
});
