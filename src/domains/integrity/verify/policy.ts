import type { Principal } from '../../auth/principal.js';

// Who may run the deployment-wide integrity check and see its result (INT-2): the platform
// administrator. It names records of every agency, so no agency role is enough.
export const canVerifyIntegrity = (p: Principal) => p.isPlatformAdmin;

export const integrityAbilities = (p: Principal) => ({ verifyIntegrity: canVerifyIntegrity(p) });
