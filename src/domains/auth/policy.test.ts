import { describe, expect, it } from 'vitest';
import type { Role } from '../org/roles.js';
import { canCreateApiTokens, canIngestAv, canListOwnApiTokens, canManageServiceAccounts, mayCreateTokenFor, mayRevokeToken, operatorMayCreateTokenFor } from './policy.js';
import type { Principal } from './principal.js';

const A = 'agency-a';
const B = 'agency-b';
const person = (roles: Role[], via: 'session' | 'token' = 'session', id = 'me'): Principal => ({
  userId: id, username: id, displayName: id, isPlatformAdmin: false, kind: 'person', via,
  memberships: roles.length ? [{ agencyId: A, agencyName: 'A', roles }] : [],
});
const platform: Principal = { ...person([]), userId: 'root', isPlatformAdmin: true };
const station: Principal = { ...person([], 'token', 'station'), kind: 'service', serviceAgency: { agencyId: A, agencyName: 'A' } };
const stationOf = (agencyId: string) => ({ id: 'station', kind: 'service' as const, serviceAgencyId: agencyId });
const personRow = (id: string) => ({ id, kind: 'person' as const, serviceAgencyId: null });

describe('auth policy: identity is never borrowed (ORG-3, AV-2)', () => {
  it('ORG-3 a person may create a token only for themselves; an admin also for a station of their agency, never for another person', () => {
    const admin = person(['admin']);
    expect(mayCreateTokenFor(person(['handler']), A, personRow('me'))).toBe(true);
    expect(mayCreateTokenFor(admin, A, personRow('approver'))).toBe(false);
    expect(mayCreateTokenFor(platform, A, personRow('approver'))).toBe(false);
    expect(mayCreateTokenFor(admin, A, stationOf(A))).toBe(true);
    expect(mayCreateTokenFor(platform, A, stationOf(A))).toBe(true);
    expect(mayCreateTokenFor(admin, A, stationOf(B))).toBe(false);
    expect(mayCreateTokenFor(person(['handler']), A, stationOf(A))).toBe(false);
  });
  it('ORG-3 tokens are made from a session, not from another token; a station makes none', () => {
    expect(canCreateApiTokens(person(['handler']), A)).toBe(true);
    expect(canCreateApiTokens(person(['admin'], 'token'), A)).toBe(false);
    expect(canCreateApiTokens(station, A)).toBe(false);
    expect(canListOwnApiTokens(platform, A)).toBe(false);
  });
  it('ORG-3 revoking: my own token, or any of the agency as its admin', () => {
    expect(mayRevokeToken(person(['handler']), A, { userId: 'me' })).toBe(true);
    expect(mayRevokeToken(person(['handler']), A, { userId: 'other' })).toBe(false);
    expect(mayRevokeToken(person(['admin']), A, { userId: 'other' })).toBe(true);
  });
  it('AV-2 a station ingests in its own agency only, and manages nothing', () => {
    expect(canIngestAv(station, A)).toBe(true);
    expect(canIngestAv(station, B)).toBe(false);
    expect(canIngestAv(person(['handler']), A)).toBe(true);
    expect(canIngestAv(person(['supervisor']), A)).toBe(false);
    expect(canManageServiceAccounts(station, A)).toBe(false);
    expect(canManageServiceAccounts(person(['admin']), A)).toBe(true);
  });
  it('NFR-3 the CLI makes tokens for a station of the agency, or for the person who proved it is them', () => {
    expect(operatorMayCreateTokenFor(A, null, stationOf(A))).toBe(true);
    expect(operatorMayCreateTokenFor(A, null, stationOf(B))).toBe(false);
    expect(operatorMayCreateTokenFor(A, null, personRow('u1'))).toBe(false);
    expect(operatorMayCreateTokenFor(A, 'u1', personRow('u1'))).toBe(true);
  });
});
