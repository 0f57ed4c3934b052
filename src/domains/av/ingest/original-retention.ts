import type { DbOrTx } from '../../../db/client.js';
import type { Retention } from '../../../store/object-store.js';
import { currentPolicy } from '../../policy/agency-policy.js';

/**
 * How long an AV original must stay undeletable in the store (AV-3): the agency's
 * `avRetention.minimumYears` (null when its profile names none: the store's platform default),
 * counted from the recording as declared — never from a time after the upload.
 */
export async function originalRetention(db: DbOrTx, agencyId: string, recordedAt: Date | null | undefined, now: Date): Promise<Retention> {
  const policy = await currentPolicy(db, agencyId);
  const years = policy?.profile.parameters.avRetention.minimumYears.value ?? null;
  return { years, from: recordedAt && recordedAt < now ? recordedAt : now };
}
