import type { Principal } from '../auth/principal.js';
import { canReadMatters, canWorkOnMatters } from '../matters/policy.js';

// 当事人权利 (CASE-8, CASE-9): what the party said or asked, and the agency's answer, is work on the
// matter like a service (src/domains/service/policy.ts): whoever may record the matter's steps
// records it; every member of the agency reads it. Which matter is visible is scope.ts's (ACC-1).
export const canRecordRights = (p: Principal, agencyId: string) => canWorkOnMatters(p, agencyId);

export const canReadRights = (p: Principal, agencyId: string) => canReadMatters(p, agencyId);
