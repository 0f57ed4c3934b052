import type { Principal } from '../../auth/principal.js';
import { canIngestAv } from '../../auth/policy.js';

// Who may upload (STYLE habits 8 and 13): the route's `access` asks canUploadAv before tus sees
// a byte; loadUpload asks canTouchUpload of the upload's row.

/** Start, continue or end a resumable upload: a person who works on matters, or a station (service account) of the agency. */
export const canUploadAv = canIngestAv;

/**
 * ACC-1 for uploads: only the person who started one may see its progress, continue it or end
 * it. An upload is not evidence yet (its record, once registered, is seen by av/policy.ts's
 * rules), and its metadata names a matter before anyone checked the uploader may see it.
 */
export const canTouchUpload = (p: Principal, upload: { userId: string }) => upload.userId === p.userId;

export const ingestAbilities = (p: Principal, agencyId: string) => ({ uploadAv: canUploadAv(p, agencyId) });

/**
 * ACC-1 when an upload names its matter: a person must be able to see that matter. A collection
 * station's service account has no unit and reads nothing; it files clips for the agency's
 * officers by its mapping, so its uploads are checked against the agency only.
 */
export const uploadNeedsMatterInScope = (p: Principal) => p.kind !== 'service';
