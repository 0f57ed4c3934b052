import { describe, expect, it } from 'vitest';
import type { Principal } from '../../auth/principal.js';
import { canManageWitnesses } from './policy.js';

const person = (isPlatformAdmin: boolean, roles: string[] = []): Principal =>
  ({ userId: 'u', username: 'u', displayName: 'u', isPlatformAdmin, kind: 'person', memberships: roles.length ? [{ agencyId: 'a', roles }] : [], via: 'session' }) as unknown as Principal;

describe('INT-1 witness policy', () => {
  it.each([
    ['platform admin', person(true), true],
    ['agency admin', person(false, ['admin']), false],
    ['supervisor', person(false, ['supervisor']), false],
  ])('%s may register witnesses: %s', (_who, p, allowed) => {
    expect(canManageWitnesses(p)).toBe(allowed);
  });
});
