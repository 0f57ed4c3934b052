import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canonicalJson, sha256Hex } from '../../src/shared/canonical-json.js';
import { makeAgency, makeUnit, makeUser } from '../support/factories.js';
import { client, signInAs, type Session } from '../support/http-client.js';
import { adminPassword, startTestApp, type TestApp } from '../support/test-app.js';

type Event = { seq: number; action: string; objectId: string | null; agencyId: string | null; actorName: string | null; ip: string | null; occurredAt: string; before: unknown; after: unknown };

describe('audit events: one per change, in the same transaction (INT-1, INT-4)', () => {
  let t: TestApp;
  let admin: Session;
  let agencyId: string;
  // Reading the log is itself logged (audit.viewed): the test's own look is left out of what it counts.
  const latest = async () => ((await client(t.app, admin).get('/api/audit-events?pageSize=200')).json().items as Event[]).filter((e) => e.action !== 'audit.viewed');

  beforeAll(async () => {
    t = await startTestApp();
    admin = await signInAs(t.app, 'admin', adminPassword);
    agencyId = (await makeAgency(t.app, admin)).id;
  });
  afterAll(() => t.close());

  it('INT-1 every successful change writes exactly one event naming actor, agency, object, time (UTC) and before/after', async () => {
    const as = client(t.app, admin);
    let stationId = '';
    const unit = await makeUnit(t.app, agencyId, admin, '一中队');
    const user = await makeUser(t.app, agencyId, ['handler'], admin);
    const officerBody = { name: '甲', post: '队员', certificateNo: 'AUD-0001', certificateValidFrom: '2025-01-01', certificateValidTo: '2030-01-01', area: '全域' };
    const changes: Array<[string, () => Promise<{ statusCode: number; json: () => { id?: string } }>]> = [
      ['agency.updated', () => as.patch(`/api/agencies/${agencyId}`, { region: '方城县' })],
      ['unit.updated', () => as.patch(`/api/agencies/${agencyId}/units/${unit.id}`, { name: '二中队' })],
      ['officer.created', () => as.post(`/api/agencies/${agencyId}/officers`, officerBody)],
      ['user.roles_changed', () => as.put(`/api/agencies/${agencyId}/users/${user.id}/roles`, { roles: ['handler', 'reviewer'] })],
      ['user.updated', () => as.patch(`/api/agencies/${agencyId}/users/${user.id}`, { displayName: '改名' })],
      ['user.disabled', () => as.patch(`/api/agencies/${agencyId}/users/${user.id}`, { disabled: true })],
      ['user.enabled', () => as.patch(`/api/agencies/${agencyId}/users/${user.id}`, { disabled: false })],
      ['user.password_reset', () => as.post(`/api/agencies/${agencyId}/users/${user.id}/password`, { newPassword: 'Reset-pass-2026' })],
      ['service_account.created', async () => { const res = await as.post(`/api/agencies/${agencyId}/service-accounts`, { username: 'audit-station', displayName: '采集站' }); stationId = res.json().id; return res; }],
      // A token for a station (a person's token is made by that person, never for them).
      ['api_token.created', () => as.post(`/api/agencies/${agencyId}/api-tokens`, { name: '采集站', userId: stationId })],
    ];
    for (const [action, change] of changes) {
      const before = await latest();
      const res = await change();
      expect(res.statusCode, action).toBeLessThan(300);
      const added = (await latest()).filter((e) => e.seq > (before[0]?.seq ?? 0));
      expect(added.map((e) => e.action), action).toEqual([action]);
      expect(added[0]!.actorName).toBe('平台管理员');
      expect(added[0]!.agencyId).toBe(agencyId);
      expect(added[0]!.occurredAt).toMatch(/Z$/);
    }
    const unitEvent = (await latest()).find((e) => e.action === 'unit.updated')!;
    expect(unitEvent.before).toMatchObject({ name: '一中队' });
    expect(unitEvent.after).toMatchObject({ name: '二中队' });
  });

  it('INT-1 a refused change writes no event', async () => {
    await makeUnit(t.app, agencyId, admin, '重复名');
    const before = await latest();
    const dup = await client(t.app, admin).post(`/api/agencies/${agencyId}/units`, { name: '重复名', kind: 'section' });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().code).toBe('DUPLICATE');
    expect((await latest())[0]!.seq).toBe(before[0]!.seq);
  });

  it('INT-1 when the event cannot be written the change is rolled back with it', async () => {
    await t.ownerDb.execute(sql.raw(`
      create function refuse_unit_event() returns trigger language plpgsql as $$
      begin if new.action = 'unit.created' then raise exception 'audit store refused' using errcode = 'XX000'; end if; return new; end $$`));
    await t.ownerDb.execute(sql.raw('create trigger refuse_unit_event before insert on audit_events for each row execute function refuse_unit_event()'));
    try {
      const res = await client(t.app, admin).post(`/api/agencies/${agencyId}/units`, { name: '无痕科室', kind: 'section' });
      expect(res.statusCode).toBe(500);
      const units = await client(t.app, admin).get(`/api/agencies/${agencyId}/units`);
      expect(units.json().map((u: { name: string }) => u.name)).not.toContain('无痕科室');
    } finally {
      await t.ownerDb.execute(sql.raw('drop trigger refuse_unit_event on audit_events'));
      await t.ownerDb.execute(sql.raw('drop function refuse_unit_event()'));
    }
  });

  it('INT-1 each event carries the SHA-256 of its canonical content, for the later Merkle log', async () => {
    const r = await t.ctx.db.execute(sql.raw('select * from audit_events order by seq limit 5'));
    const rows = (r as unknown as { rows: Array<Record<string, unknown>> }).rows;
    for (const row of rows) {
      const content = {
        occurredAt: new Date(row.occurred_at as string),
        actorUserId: row.actor_user_id,
        actorName: row.actor_name,
        agencyId: row.agency_id,
        action: row.action,
        objectType: row.object_type,
        objectId: row.object_id,
        ip: row.ip,
        userAgent: row.user_agent,
        before: row.before,
        after: row.after,
        details: row.details,
      };
      expect(row.content_hash).toBe(sha256Hex(canonicalJson(content)));
    }
  });

  it('INT-1 no secret reaches an event: password hashes and tokens are left out', async () => {
    const all = JSON.stringify(await latest());
    expect(all).not.toMatch(/argon2|passwordHash|tokenHash|lht_[A-Za-z0-9_-]{40}/);
  });

  it('INT-4 filters by action, object and time range', async () => {
    const as = client(t.app, admin);
    let stationId = '';
    const onlyUnits = (await as.get(`/api/audit-events?agencyId=${agencyId}&action=unit.created`)).json();
    expect(onlyUnits.total).toBeGreaterThanOrEqual(2);
    expect(onlyUnits.items.every((e: Event) => e.action === 'unit.created')).toBe(true);
    const future = (await as.get(`/api/audit-events?from=${encodeURIComponent('2099-01-01T00:00:00Z')}`)).json();
    expect(future.total).toBe(0);
    const bad = await as.get('/api/audit-events?from=yesterday');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().code).toBe('VALIDATION_FAILED');
  });
});

describe('an agency\'s audit log (INT-1, ORG-3)', () => {
  it('INT-1 shows its members\' sign-ins (which belong to no single agency) and not other people\'s', async () => {
    const t = await startTestApp();
    try {
      const admin = await signInAs(t.app, 'admin', adminPassword);
      const a = await makeAgency(t.app, admin);
      const b = await makeAgency(t.app, admin);
      const memberA = await makeUser(t.app, a.id, ['handler'], admin);
      const memberB = await makeUser(t.app, b.id, ['handler'], admin);
      await signInAs(t.app, memberA.username, memberA.password);
      await signInAs(t.app, memberB.username, memberB.password);
      await t.app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { username: memberA.username, password: 'wrong-pass-1' } });
      const supervisor = await makeUser(t.app, a.id, ['supervisor'], admin);
      const log = (await client(t.app, await signInAs(t.app, supervisor.username, supervisor.password)).get(`/api/audit-events?agencyId=${a.id}&pageSize=200`)).json();
      const signIns = log.items.filter((e: Event) => e.action.startsWith('auth.sign_in'));
      const objectIds = new Set(signIns.map((e: Event & { objectId: string }) => e.objectId));
      expect(objectIds.has(memberA.id)).toBe(true);
      expect(objectIds.has(memberB.id)).toBe(false);
      expect(signIns.map((e: Event) => e.action)).toContain('auth.sign_in_failed');
    } finally {
      await t.close();
    }
  });
});
