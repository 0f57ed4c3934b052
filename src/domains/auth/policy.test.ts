import { describe, expect, it } from 'vitest';
import { agencyA, agencyB, allowedRows, principal } from '../../../test/support/principals.js';
import { canManageApiTokens } from './policy.js';

describe('credentials policy (ORG-3)', () => {
  it("ORG-3 an agency's API tokens: its admin and the platform admin", () => {
    expect(allowedRows((p) => canManageApiTokens(p, agencyA))).toEqual(['admin', 'platform']);
    expect(canManageApiTokens(principal(['admin']), agencyB)).toBe(false);
  });
});
