import { canWorkOnMatters } from '../matters/policy.js';
import { canAdministerAgency } from '../org/policy.js';
import { rolesIn, type Principal } from './principal.js';

// Who may act as whom (issue 10 "identity is never borrowed"). Asked before data is touched.
//
// A person's API token acts as that person and only that person creates it. A collection
// station (采集站) gets a service account: an agency admin creates it and its tokens; it may
// ingest audio-visual records of its own agency and nothing else — the request hook refuses a
// service principal on every route whose access is not marked `alsoForServiceAccounts`.

export const isServiceAccount = (p: Principal) => p.kind === 'service';

/** tus uploads that become AV records: a station of the agency, or a person who works on matters. */
export const canIngestAv = (p: Principal, agencyId: string) =>
  isServiceAccount(p) ? p.serviceAgency?.agencyId === agencyId : canWorkOnMatters(p, agencyId);

/** Service accounts of an agency (and their tokens) are the agency admin's to manage. */
export const canManageServiceAccounts = (p: Principal, agencyId: string) => !isServiceAccount(p) && canAdministerAgency(p, agencyId);

/** My own tokens in an agency I hold a role in. */
export const canListOwnApiTokens = (p: Principal, agencyId: string) => !isServiceAccount(p) && rolesIn(p, agencyId).length > 0;

/**
 * Creating a token needs a signed-in session: a leaked token must not mint tokens that outlive
 * its own revocation. Whose token it may be is decided by `mayCreateTokenFor`.
 */
export const canCreateApiTokens = (p: Principal, agencyId: string) =>
  p.via === 'session' && (canListOwnApiTokens(p, agencyId) || canManageServiceAccounts(p, agencyId));

export type TokenOwner = { id: string; kind: 'person' | 'service'; serviceAgencyId: string | null };

/** A token for myself (a member of the agency), or for a service account of the agency I administer. */
export function mayCreateTokenFor(p: Principal, agencyId: string, owner: TokenOwner) {
  if (owner.kind === 'service') return owner.serviceAgencyId === agencyId && canManageServiceAccounts(p, agencyId);
  return owner.id === p.userId && canListOwnApiTokens(p, agencyId);
}

export const canRevokeApiTokens = (p: Principal, agencyId: string) => canListOwnApiTokens(p, agencyId) || canManageServiceAccounts(p, agencyId);

/** My own token, or — to stop a lost laptop or a station — any token of the agency I administer. */
export const mayRevokeToken = (p: Principal, agencyId: string, token: { userId: string }) =>
  token.userId === p.userId || canManageServiceAccounts(p, agencyId);

/** `liuhen token create` (the operator): a station of the agency, or the person who proved it is them. */
export const operatorMayCreateTokenFor = (agencyId: string, provenPersonId: string | null, owner: TokenOwner) =>
  owner.kind === 'service' ? owner.serviceAgencyId === agencyId : owner.id === provenPersonId;

/** What the web shows of tokens and stations (sent with /api/auth/me). */
export const authAbilities = (p: Principal, agencyId: string) => ({
  listOwnApiTokens: canListOwnApiTokens(p, agencyId),
  createApiTokens: canCreateApiTokens(p, agencyId),
  revokeApiTokens: canRevokeApiTokens(p, agencyId),
  manageServiceAccounts: canManageServiceAccounts(p, agencyId),
});
