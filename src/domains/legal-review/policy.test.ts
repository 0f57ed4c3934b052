import { describe, expect, it } from 'vitest';
import type { Principal } from '../auth/principal.js';
import type { Role } from '../org/roles.js';
import { canApproveExtension, canDecideReview, messageRefusal, reviewerRefusal } from './policy.js';

const agencyId = 'a1';
const person = (roles: Role[]): Principal => ({ userId: 'u1', username: 'u1', displayName: 'u1', isPlatformAdmin: false, kind: 'person', via: 'session', memberships: [{ agencyId, agencyName: '局', roles }] });

describe('legal-review policy (REV-4, REV-5)', () => {
  it('REV-4 a legal reviewer decides, unless they handle the matter', () => {
    expect(reviewerRefusal(person(['legal_reviewer']), agencyId, { handlesMatter: false })).toBeNull();
    expect(reviewerRefusal(person(['legal_reviewer', 'handler']), agencyId, { handlesMatter: true })).toBe('审核人员不得审核本人承办的事项');
    expect(reviewerRefusal(person(['approver', 'admin']), agencyId, { handlesMatter: false })).toBe('只有法制审核人员可以审核');
    expect(canDecideReview(person(['legal_reviewer']), 'other-agency')).toBe(false);
  });

  it('REV-4 第十条 the reviewer asks; only people who work on matters answer — not a supervisor, archivist or the reviewer', () => {
    expect(messageRefusal(person(['legal_reviewer']), agencyId, 'request')).toBeNull();
    expect(messageRefusal(person(['handler']), agencyId, 'request')).not.toBeNull();
    for (const role of ['handler', 'reviewer', 'approver', 'admin'] as const) expect(messageRefusal(person([role]), agencyId, 'answer')).toBeNull();
    for (const role of ['supervisor', 'archivist', 'legal_reviewer'] as const) expect(messageRefusal(person([role]), agencyId, 'answer')).toBe('只有承办本事项的人员可以答复');
  });

  it('REV-5 only the head (批准人) approves an extension', () => {
    expect(canApproveExtension(person(['approver']), agencyId)).toBe(true);
    expect(canApproveExtension(person(['legal_reviewer', 'admin']), agencyId)).toBe(false);
  });
});
