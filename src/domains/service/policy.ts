import type { Principal } from '../auth/principal.js';
import { canReadDocuments, canWriteDocuments } from '../documents/policy.js';

// 送达 (SRV-1, SRV-2): serving a document is work on its matter, so whoever may write the
// matter's documents records a service; every member of the agency reads services and the
// party's deadlines. Which matter is visible is scope.ts's (ACC-1), asked when it is loaded.
export const canRecordService = (p: Principal, agencyId: string) => canWriteDocuments(p, agencyId);

export const canReadServices = (p: Principal, agencyId: string) => canReadDocuments(p, agencyId);
