import { describe, expect, it } from 'vitest';
import { agencyA, allowedRows, principal } from '../../../../test/support/principals.js';
import { canTouchUpload, canUploadAv, uploadNeedsMatterInScope } from './policy.js';

describe('AV ingest policy (AV-2, ACC-1)', () => {
  it('ORG-3 those who work on matters upload; read-only roles and the platform admin do not', () => {
    expect(allowedRows((p) => canUploadAv(p, agencyA))).toEqual(['handler', 'reviewer', 'approver', 'admin']);
  });
  it("ACC-1 only the person who started an upload sees, continues or ends it — not their unit head, not an admin", () => {
    const uploader = principal(['handler'], { userId: 'u-1' });
    expect(canTouchUpload(uploader, { userId: 'u-1' })).toBe(true);
    expect(canTouchUpload(principal(['reviewer', 'admin'], { userId: 'u-2' }), { userId: 'u-1' })).toBe(false);
    expect(canTouchUpload(principal([], { userId: 'u-3', isPlatformAdmin: true }), { userId: 'u-1' })).toBe(false);
  });
  it('ACC-1 a person names only a matter they can see; a station (no unit, reads nothing) files for the agency by its mapping', () => {
    expect(uploadNeedsMatterInScope(principal(['handler']))).toBe(true);
    expect(uploadNeedsMatterInScope(principal([], { kind: 'service', serviceAgency: { agencyId: agencyA, agencyName: '甲局' } }))).toBe(false);
  });
});
