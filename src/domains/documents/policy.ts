import type { Principal } from '../auth/principal.js';
import { canReadMatters, canWorkOnMatters } from '../matters/policy.js';

// Who may act on 执法文书 (DOC-1 … DOC-5, ORG-3). Documents belong to a matter: whoever may
// work on matters drafts, issues, corrects, records signatures and attaches scans; every member
// of the agency reads. Which matter is visible is scope.ts's (ACC-1), asked when it is loaded.
export const canWriteDocuments = (p: Principal, agencyId: string) => canWorkOnMatters(p, agencyId);

export const canReadDocuments = (p: Principal, agencyId: string) => canReadMatters(p, agencyId);
