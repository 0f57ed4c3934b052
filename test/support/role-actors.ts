import type { FastifyInstance } from 'fastify';
import { roles, type Role } from '../../src/domains/org/roles.js';
import { makeAgency, makeUser } from './factories.js';
import { client, signInAs, type Session } from './http-client.js';
import { adminPassword } from './test-app.js';

// The callers of the role matrix (test/integration/role-matrix.test.ts): anonymous, the platform
// admin, one user per role in agency A, the admin of agency B, and an API token of an admin of A.
export type RoleActor = 'anonymous' | 'platform' | `${Role}A` | 'adminB' | 'tokenAdminA';
export type Caller = Session | { token: string } | null;

export async function makeRoleActors(app: FastifyInstance) {
  const admin = await signInAs(app, 'admin', adminPassword);
  const agencyA = (await makeAgency(app, admin)).id;
  const agencyB = (await makeAgency(app, admin)).id;
  const callers = new Map<RoleActor, Caller>();
  callers.set('anonymous', null);
  callers.set('platform', admin);
  for (const role of roles) {
    const u = await makeUser(app, agencyA, [role], admin);
    callers.set(`${role}A`, await signInAs(app, u.username, u.password));
  }
  const b = await makeUser(app, agencyB, ['admin'], admin);
  callers.set('adminB', await signInAs(app, b.username, b.password));
  const adminA = await makeUser(app, agencyA, ['admin'], admin);
  const token = await client(app, admin).post(`/api/agencies/${agencyA}/api-tokens`, { name: 'matrix', userId: adminA.id });
  callers.set('tokenAdminA', { token: token.json().token });
  return { agencyA, agencyB, callers };
}
