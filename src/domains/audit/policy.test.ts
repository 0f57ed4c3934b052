import { describe, expect, it } from 'vitest';
import { agencyA, agencyB, allowedRows, principal } from '../../../test/support/principals.js';
import { canViewAudit } from './policy.js';

describe('audit policy (ORG-3, SUP-1)', () => {
  it("ORG-3 an agency's audit log: its admin and supervisors, and the platform admin", () => {
    expect(allowedRows((p) => canViewAudit(p, agencyA))).toEqual(['supervisor', 'admin', 'platform']);
    expect(canViewAudit(principal(['supervisor']), agencyB)).toBe(false);
  });
  it('ORG-3 the log across all agencies: the platform admin only', () => {
    expect(allowedRows((p) => canViewAudit(p, undefined))).toEqual(['platform']);
  });
});
