import type { Principal } from '../../auth/principal.js';

// Who may do what with the log's witnesses (STYLE habit 8). Registering a witness decides whose
// cosignatures the deployment accepts and shows, so it is the platform administrator's. The list
// of witnesses and their cosignatures is public, like the log's key and checkpoints: anyone who
// checks a proof needs them. A cosignature is authenticated by its own signature, not a sign-in.

export const canManageWitnesses = (p: Principal) => p.isPlatformAdmin;

export const witnessAbilities = (p: Principal) => ({ manageWitnesses: canManageWitnesses(p) });
