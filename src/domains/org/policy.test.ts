import { describe, expect, it } from 'vitest';
import type { Principal } from '../auth/principal.js';
import { mayChangeAccount } from './policy.js';
import { agencyA, agencyB, allowedRows, principal } from '../../../test/support/principals.js';
import { canAdministerAgency, canCreateAgency, canReadAgency } from './policy.js';

const admin = (agencyId: string): Principal => ({
  userId: 'admin', username: 'admin', displayName: 'admin', isPlatformAdmin: false, kind: 'person', via: 'session',
  memberships: [{ agencyId, agencyName: agencyId, roles: ['admin'] }],
});
const platform: Principal = { ...admin('x'), userId: 'root', isPlatformAdmin: true, memberships: [] };

describe('org policy: cross-agency takeover (ORG-3)', () => {
  it('ORG-3 an agency admin changes the account of a user of their agency alone; a user also in another agency only the platform admin', () => {
    const onlyA = { userId: 'u', isPlatformAdmin: false, agencyIds: ['A'] };
    const alsoB = { userId: 'u', isPlatformAdmin: false, agencyIds: ['A', 'B'] };
    expect(mayChangeAccount(admin('A'), 'A', onlyA)).toBe(true);
    expect(mayChangeAccount(admin('A'), 'A', alsoB)).toBe(false);
    expect(mayChangeAccount(admin('B'), 'A', onlyA)).toBe(false);
    expect(mayChangeAccount(platform, 'A', alsoB)).toBe(true);
  });
  it('ORG-3 the platform administrator\'s own account is theirs alone', () => {
    const root = { userId: 'root', isPlatformAdmin: true, agencyIds: ['A'] };
    expect(mayChangeAccount(admin('A'), 'A', root)).toBe(false);
    expect(mayChangeAccount(platform, 'A', root)).toBe(true);
  });
});

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
