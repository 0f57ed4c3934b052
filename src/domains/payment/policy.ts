import type { Principal } from '../auth/principal.js';
import { canReadDocuments, canWriteDocuments } from '../documents/policy.js';

// 罚款缴纳 (CASE-11): recording what the party paid is work on its matter, so whoever may write
// the matter's documents records a payment from its receipt; every member of the agency reads the
// fine's state. Which matter is visible is scope.ts's (ACC-1), asked when it is loaded.
export const canRecordPayment = (p: Principal, agencyId: string) => canWriteDocuments(p, agencyId);

export const canReadPayments = (p: Principal, agencyId: string) => canReadDocuments(p, agencyId);
