import type { Principal } from '../auth/principal.js';
import { canReadMatters, canWorkOnMatters } from '../matters/policy.js';
import type { MatterScope } from '../matters/scope.js';

// Who may do what with audio-visual records (STYLE habits 8 and 13; uploads: ingest/policy.ts).
// Asked before data is touched: the route's `access` asks the agency-wide rules; the use case
// asks the record-level rule below once it has the record's facts.

/** List, open, play a record, see a matter's interruptions: whoever may read the agency's matters. */
export const canReadAv = canReadMatters;

/** Organise, bookmark, record an interruption, export an evidence copy: those who work on matters. */
export const canWorkOnAv = canWorkOnMatters;

/** What decides who sees a record not yet linked to a matter. */
export type UnassignedAvFacts = {
  createdByUserId: string | null;
  officerId: string | null;
  /** The units of the record's officer and of the officer record of the user who uploaded it. */
  unitIds: string[];
};

/**
 * ACC-1 for a record linked to no matter. A record of a matter is seen exactly as its matter is
 * (matters/scope.ts). An unassigned record is evidence of some unit's work not yet filed, so it
 * is seen by those who would see that work: the person who uploaded it, the officer it was
 * recorded by, the unit of either (the unit head triages), and the agency-wide roles. A clip
 * nobody can be named for (a collection station stored it with a device serial only) waits for
 * the agency-wide roles to assign it rather than showing to every unit.
 */
export function canSeeUnassignedAv(p: Principal, scope: MatterScope, r: UnassignedAvFacts): boolean {
  if (scope.kind === 'agency') return true;
  if (r.createdByUserId !== null && r.createdByUserId === p.userId) return true;
  if (scope.officerId !== null && r.officerId === scope.officerId) return true;
  return scope.unitId !== null && r.unitIds.includes(scope.unitId);
}

/** The record-level abilities the web app is sent (per agency) — see auth/abilities.ts. */
export const avAbilities = (p: Principal, agencyId: string) => ({
  readAv: canReadAv(p, agencyId),
  workOnAv: canWorkOnAv(p, agencyId),
});
