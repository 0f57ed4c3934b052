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

let cert = 0;
/** An officer with a certificate valid in 2025–2030, optionally linked to a user. */
export async function makeOfficer(app: FastifyInstance, agencyId: string, admin: Session, extra: { unitId?: string; userId?: string; name?: string } = {}) {
  const res = await client(app, admin).post(`/api/agencies/${agencyId}/officers`, {
    name: extra.name ?? `执法员${cert}`,
    post: '执法队员',
    certificateNo: `T${Date.now().toString(36)}${cert++}`,
    certificateValidFrom: '2025-01-01',
    certificateValidTo: '2030-12-31',
    area: '全域',
    unitId: extra.unitId,
    userId: extra.userId,
  });
  if (res.statusCode !== 201) throw new Error(res.body);
  return res.json() as { id: string; name: string };
}

/** An agency with a unit, a handler, a reviewer and an approver (each an officer), signed in. */
export async function makeEnforcementTeam(app: FastifyInstance, admin: Session) {
  const agency = await makeAgency(app, admin);
  const unit = await makeUnit(app, agency.id, admin);
  const people = {} as Record<'handler' | 'reviewer' | 'approver', { user: { id: string; username: string }; officer: { id: string }; session: Session }>;
  for (const role of ['handler', 'reviewer', 'approver'] as const) {
    const user = await makeUser(app, agency.id, role === 'handler' ? ['handler'] : [role, 'handler'], admin);
    const officer = await makeOfficer(app, agency.id, admin, { unitId: unit.id, userId: user.id });
    people[role] = { user, officer, session: await signInAs(app, user.username, user.password) };
  }
  const second = await makeOfficer(app, agency.id, admin, { unitId: unit.id, name: '协办执法员' });
  return { agency, unit, ...people, secondOfficer: second };
}

/** A collection station's service account of the agency and a token for it, made by an admin. */
export async function makeServiceToken(app: FastifyInstance, agencyId: string, admin: Session) {
  const as = client(app, admin);
  const account = await as.post(`/api/agencies/${agencyId}/service-accounts`, { username: `station${next()}`, displayName: '一号采集站' });
  if (account.statusCode !== 201) throw new Error(account.body);
  const token = await as.post(`/api/agencies/${agencyId}/api-tokens`, { name: '一号采集站', userId: account.json().id });
  if (token.statusCode !== 201) throw new Error(token.body);
  return { account: account.json() as { id: string; username: string }, token: token.json().token as string, tokenId: token.json().id as string };
}
