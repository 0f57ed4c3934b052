import type { Retention } from './object-store.js';

/**
 * The date until which an original stays locked: the agency's years (or, when its rule names
 * none, the platform default) counted in calendar years from the recording, in UTC. A lock can
 * later be extended but never shortened, so a rule that is missing must not mean "short".
 */
export function retainUntil(retention: Retention, defaultYears: number): Date {
  const years = retention.years ?? defaultYears;
  const until = new Date(retention.from.getTime());
  until.setUTCFullYear(until.getUTCFullYear() + years);
  return until;
}
