import type { FastifyInstance } from 'fastify';
import type { Role } from '../../src/domains/org/roles.js';
import { adminPassword } from './test-app.js';
import { client, signInAs, type Session } from './http-client.js';

export const userPassword = 'User-pass-2026';
let seq = 0;
const next = () => `${Date.now().toString(36)}${(seq++).toString(36)}`;

/** Creates data through the HTTP API as the platform admin, like a person would. */
export async function makeAgency(app: FastifyInstance, admin?: Session) {
  const as = client(app, admin ?? (await signInAs(app, 'admin', adminPassword)));
  const res = await as.post('/api/agencies', { code: `a-${next()}`, name: `测试执法局${next()}`, kind: 'enforcement_agency' });
  if (res.statusCode !== 201) throw new Error(res.body);
  return res.json() as { id: string; name: string; code: string };
}

export async function makeUser(app: FastifyInstance, agencyId: string, roles: Role[], admin?: Session) {
  const as = client(app, admin ?? (await signInAs(app, 'admin', adminPassword)));
  const username = `u${next()}`;
  const res = await as.post(`/api/agencies/${agencyId}/users`, { username, displayName: `用户${username}`, password: userPassword, roles });
  if (res.statusCode !== 201) throw new Error(res.body);
  return { ...(res.json() as { id: string; username: string }), password: userPassword };
}

export async function makeUnit(app: FastifyInstance, agencyId: string, admin: Session, name = `执法队${next()}`) {
  const res = await client(app, admin).post(`/api/agencies/${agencyId}/units`, { name, kind: 'enforcement_team' });
  if (res.statusCode !== 201) throw new Error(res.body);
  return res.json() as { id: string; name: string };
}
