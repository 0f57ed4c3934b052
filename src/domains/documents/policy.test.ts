import { describe, expect, it } from 'vitest';
import type { Principal } from '../auth/principal.js';
import type { Role } from '../org/roles.js';
import { canReadDocuments, canWriteDocuments } from './policy.js';

const agencyId = 'a1';
const person = (roles: Role[], isPlatformAdmin = false): Principal => ({ userId: 'u1', username: 'u1', displayName: 'u1', isPlatformAdmin, kind: 'person', via: 'session', memberships: roles.length ? [{ agencyId, agencyName: '局', roles }] : [] });

describe('documents policy (DOC-1 … DOC-5, ORG-3)', () => {
  it('ORG-3 people who work on matters write documents; supervisors, archivists and legal reviewers only read', () => {
    for (const role of ['handler', 'reviewer', 'approver', 'admin'] as const) expect(canWriteDocuments(person([role]), agencyId)).toBe(true);
    for (const role of ['supervisor', 'archivist', 'legal_reviewer'] as const) {
      expect(canWriteDocuments(person([role]), agencyId)).toBe(false);
      expect(canReadDocuments(person([role]), agencyId)).toBe(true);
    }
    expect(canReadDocuments(person([]), agencyId)).toBe(false);
    expect(canWriteDocuments(person([]), 'a1')).toBe(false);
  });
});
