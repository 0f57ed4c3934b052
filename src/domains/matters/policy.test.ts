import { describe, expect, it } from 'vitest';
import type { Principal } from '../auth/principal.js';
import type { Role } from '../org/roles.js';
import { approvalRefusal, canWorkOnMatters } from './policy.js';

const agencyId = 'a1';
const person = (roles: Role[], userId = 'u1'): Principal => ({ userId, username: userId, displayName: userId, isPlatformAdmin: false, kind: 'person', via: 'session', memberships: [{ agencyId, agencyName: '局', roles }] });

describe('matters policy (ORG-3, CASE-4)', () => {
  it('CASE-4 a reviewer reviews, an approver approves; anyone else is forbidden', () => {
    expect(approvalRefusal(person(['reviewer']), agencyId, 'review', [])).toBeNull();
    expect(approvalRefusal(person(['approver']), agencyId, 'approve', [])).toBeNull();
    expect(approvalRefusal(person(['handler']), agencyId, 'review', [])).toMatchObject({ code: 'FORBIDDEN', message: '只有审核人可以审核' });
    expect(approvalRefusal(person(['archivist']), agencyId, 'approve', [])).toMatchObject({ code: 'FORBIDDEN', message: '只有批准人可以批准' });
    expect(approvalRefusal(person(['reviewer']), 'other-agency', 'review', [])).toMatchObject({ code: 'FORBIDDEN' });
  });

  it('CASE-4 a reviewer who finds the step already at the approve stage lost a race: CONFLICT, not FORBIDDEN', () => {
    expect(approvalRefusal(person(['reviewer']), agencyId, 'approve', [])).toMatchObject({ code: 'CONFLICT' });
    expect(approvalRefusal(person(['approver']), agencyId, 'review', [])).toMatchObject({ code: 'CONFLICT' });
  });

  it('CASE-4 the same person may not review and approve one submission', () => {
    const both = person(['reviewer', 'approver'], 'u7');
    expect(approvalRefusal(both, agencyId, 'approve', ['u7'])).toMatchObject({ code: 'FORBIDDEN', message: '同一人不能既审核又批准同一事项' });
    expect(approvalRefusal(both, agencyId, 'approve', ['u8'])).toBeNull();
  });

  it('ORG-3 supervisors and archivists read matters but do not work on them', () => {
    expect(canWorkOnMatters(person(['handler']), agencyId)).toBe(true);
    expect(canWorkOnMatters(person(['supervisor', 'archivist']), agencyId)).toBe(false);
  });
});
