import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, roleAssignments } from '../../src/db/schema/index.js';
import { roles, type Role } from '../../src/domains/org/roles.js';
import { makeAgency, makeServiceToken, makeUser } from '../support/factories.js';
import { client, signInAs, type Session } from '../support/http-client.js';
import type { FastifyInstance } from 'fastify';
import type { Db } from '../../src/db/client.js';
import { bootstrapAdmin } from '../../src/domains/auth/bootstrap-admin.js';
import { buildApp } from '../../src/server/app.js';
import { loadConfig } from '../../src/server/config.js';
import { openContext } from '../../src/server/start.js';
import { processDatabase } from '../support/server-process.js';
import { adminPassword, startTestApp, type TestApp } from '../support/test-app.js';

type Change = { action: string; before: { roles: string[]; disabled?: boolean }; after: { roles: string[]; disabled?: boolean } };

// Issue 10: roles and passwords decided in the transaction (the user row locked), and the
// cross-agency takeover (an agency admin reset the password of an officer of another agency).
describe('user accounts: decided under a lock, never taken over across agencies (ORG-3, INT-1)', () => {
  let t: TestApp;
  let platform: Session;
  let agencyA: string;
  let agencyB: string;
  let adminA: Session;

  beforeAll(async () => {
    t = await startTestApp();
    platform = await signInAs(t.app, 'admin', adminPassword);
    agencyA = (await makeAgency(t.app, platform)).id;
    agencyB = (await makeAgency(t.app, platform)).id;
    const a = await makeUser(t.app, agencyA, ['admin'], platform);
    adminA = await signInAs(t.app, a.username, a.password);
  });
  afterAll(() => t.close());

  it.each([1, 2, 3, 4, 5])('ORG-3 INT-1 20 concurrent role changes and disable/enable of one user: all answered, the audit history replays to the final state (run %i)', async () => {
    const user = await makeUser(t.app, agencyA, ['handler'], platform);
    const as = client(t.app, adminA);
    const url = `/api/agencies/${agencyA}/users/${user.id}`;
    const sets: Role[][] = Array.from({ length: 10 }, (_, i) => roles.filter((r, j) => r !== 'admin' && (i + j) % 3 !== 0));
    const res = await Promise.all([
      ...sets.map((set) => as.put(`${url}/roles`, { roles: set })),
      ...Array.from({ length: 10 }, (_, i) => as.patch(url, { disabled: i % 2 === 0 })),
    ]);
    expect(res.map((r) => r.statusCode).filter((s) => s !== 200)).toEqual([]);
    const history = (await t.ctx.db.select().from(auditEvents).where(eq(auditEvents.objectId, user.id)).orderBy(asc(auditEvents.seq)))
      .filter((e) => ['user.roles_changed', 'user.disabled', 'user.enabled', 'user.updated'].includes(e.action)) as unknown as Change[];
    expect(history).toHaveLength(20);
    let state = { roles: ['handler'], disabled: false };
    for (const e of history) {
      expect(e.before.roles).toEqual(state.roles);
      if (e.before.disabled !== undefined) expect(e.before.disabled).toBe(state.disabled);
      state = { roles: e.after.roles, disabled: e.after.disabled ?? state.disabled };
    }
    const held = await t.ctx.db.select({ role: roleAssignments.role }).from(roleAssignments).where(eq(roleAssignments.userId, user.id)).orderBy(asc(roleAssignments.role));
    expect(held.map((r) => r.role)).toEqual(state.roles);
    const member = (await as.get(`/api/agencies/${agencyA}/users`)).json().find((m: { id: string }) => m.id === user.id);
    expect(member.disabled).toBe(state.disabled);
  });

  it('ORG-3 an agency admin may not reset the password of, disable or rename a user who also holds roles in another agency; the platform admin may', async () => {
    const user = await makeUser(t.app, agencyA, ['handler'], platform);
    expect((await client(t.app, platform).put(`/api/agencies/${agencyB}/users/${user.id}/roles`, { roles: ['approver'] })).statusCode).toBe(404);
    // Joining B goes through the operator (CLI) path; here its use case, as the CLI calls it.
    const { setRolesAsOperator } = await import('../../src/domains/org/members.js');
    await setRolesAsOperator(t.ctx.db, { userId: null, name: 'liuhen-cli', ip: null, userAgent: 'liuhen-cli' }, agencyB, user.id, ['approver'], t.clock.now());
    const as = client(t.app, adminA);
    const attempts = [
      await as.post(`/api/agencies/${agencyA}/users/${user.id}/password`, { newPassword: 'Taken-over-2026x' }),
      await as.patch(`/api/agencies/${agencyA}/users/${user.id}`, { disabled: true }),
      await as.patch(`/api/agencies/${agencyA}/users/${user.id}`, { displayName: '冒名' }),
    ];
    for (const res of attempts) expect([res.statusCode, res.json().code]).toEqual([403, 'ACCOUNT_IN_OTHER_AGENCY']);
    await signInAs(t.app, user.username, user.password);
    // Roles in A remain A's admin's to set.
    expect((await as.put(`/api/agencies/${agencyA}/users/${user.id}/roles`, { roles: ['handler', 'reviewer'] })).statusCode).toBe(200);
    expect((await client(t.app, platform).post(`/api/agencies/${agencyA}/users/${user.id}/password`, { newPassword: 'Platform-reset-2026x' })).statusCode).toBe(200);
    await signInAs(t.app, user.username, 'Platform-reset-2026x');
  });

  it('ORG-3 a service account cannot be given roles by the operator', async () => {
    const { account } = await makeServiceToken(t.app, agencyA, adminA);
    const { setRolesAsOperator } = await import('../../src/domains/org/members.js');
    await expect(setRolesAsOperator(t.ctx.db, { userId: null, name: 'cli', ip: null, userAgent: null }, agencyA, account.id, ['approver'], t.clock.now())).rejects.toMatchObject({ code: 'CONFLICT' });
  });
});

// README: `liuhen create-user` on an existing user sets their roles in that agency — which is
// how an officer joins a second agency. It answered 用户不存在或无权查看.
describe('liuhen create-user and token create (NFR-3)', () => {
  const root = join(import.meta.dirname, '../..');
  const dataDir = mkdtempSync(join(tmpdir(), 'liuhen-cli-'));
  let database: Awaited<ReturnType<typeof processDatabase>>;
  const env = () => ({ LIUHEN_DATA_DIR: dataDir, DATABASE_URL: database.url ?? '', ...database.env, LOG_LEVEL: 'silent' });
  const liuhen = (...args: string[]) =>
    spawnSync(process.execPath, ['--import', 'tsx', join(root, 'src/server/cli.ts'), ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, ...env() } });
  // The app in this process, on the same data folder/database, closed while the CLI runs (PGlite has one owner).
  const withApp = async <T>(fn: (app: FastifyInstance, db: Db) => Promise<T>) => {
    const { ctx, close } = await openContext(loadConfig(env()));
    await bootstrapAdmin(ctx.db, adminPassword, new Date());
    const app = await buildApp(ctx, { logger: false });
    try {
      await app.ready();
      return await fn(app, ctx.db);
    } finally {
      await app.close();
      await close();
    }
  };
  beforeAll(async () => {
    database = await processDatabase();
  });
  afterAll(async () => {
    await database.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('NFR-3 ORG-3 create-user adds an existing user to a second agency; token create makes a token for a station, or for a person only with their password', async () => {
    const setup = await withApp(async (app) => {
      const admin = await signInAs(app, 'admin', adminPassword);
      const a = await makeAgency(app, admin);
      const b = await makeAgency(app, admin);
      const user = await makeUser(app, a.id, ['handler'], admin);
      const station = await client(app, admin).post(`/api/agencies/${a.id}/service-accounts`, { username: 'cli-station', displayName: '采集站' });
      return { a, b, user, stationId: station.json().id as string };
    });
    const joined = liuhen('create-user', '--agency', setup.b.code, '--username', setup.user.username, '--roles', 'reviewer,approver');
    expect(joined.status, joined.stderr).toBe(0);
    expect(joined.stdout).toContain('reviewer,approver');
    const stationToken = liuhen('token', 'create', '--agency', setup.a.code, '--username', 'cli-station', '--name', '一号采集站');
    expect(stationToken.status, stationToken.stderr).toBe(0);
    const borrowed = liuhen('token', 'create', '--agency', setup.a.code, '--username', setup.user.username, '--name', '借用');
    expect(borrowed.status).toBe(1);
    expect(borrowed.stderr).toContain('只能为本机关的采集站账号创建令牌');
    const own = liuhen('token', 'create', '--agency', setup.a.code, '--username', setup.user.username, '--name', '本人', '--password', setup.user.password);
    expect(own.status, own.stderr).toBe(0);

    await withApp(async (app, db) => {
      const me = (await client(app, await signInAs(app, setup.user.username, setup.user.password)).get('/api/auth/me')).json();
      expect(me.memberships.map((m: { agencyId: string; roles: string[] }) => [m.agencyId, m.roles]).sort()).toEqual(
        [[setup.a.id, ['handler']], [setup.b.id, ['approver', 'reviewer']]].sort(),
      );
      const station = await client(app, { token: stationToken.stdout.trim() }).get('/api/auth/me');
      expect(station.json().user.id).toBe(setup.stationId);
      const person = await client(app, { token: own.stdout.trim() }).get('/api/auth/me');
      expect(person.json().user.id).toBe(setup.user.id);
      const created = await db.select().from(auditEvents).where(eq(auditEvents.action, 'api_token.created'));
      expect(created.map((e) => e.actorUserId).sort()).toEqual([null, setup.user.id].sort());
    });
  }, 120_000);
});
