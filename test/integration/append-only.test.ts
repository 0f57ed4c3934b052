import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendOnlyTables } from '../../src/db/roles.js';
import { makeEnforcementTeam } from '../support/factories.js';
import { client, signInAs } from '../support/http-client.js';
import { asConn, rows, sqlState } from '../support/sql-state.js';
import { adminPassword, startTestApp, type TestApp } from '../support/test-app.js';

// INT-2: what records what happened cannot be changed even by someone with the owner's (here the
// superuser's) access who leaves the triggers on: row triggers on every evidence table, and
// statement triggers, because TRUNCATE fires no row trigger. Runs on PGlite and PostgreSQL.
describe('append-only tables refuse changes at the database (INT-2)', () => {
  let t: TestApp;
  let matterId: string;
  let stepId: string;
  let agencyId: string;
  const q = (text: string) => sqlState(t.ownerDb, text);

  beforeAll(async () => {
    t = await startTestApp();
    const admin = await signInAs(t.app, 'admin', adminPassword);
    const team = await makeEnforcementTeam(t.app, admin);
    agencyId = team.agency.id;
    const as = client(t.app, team.handler.session);
    const matter = await as.post(`/api/agencies/${agencyId}/matters`, {
      category: 'penalty_general', startRoute: 'ex_officio', title: '防篡改测试', unitId: team.unit.id,
      parties: [{ kind: 'legal', name: '某某商贸有限公司', idType: 'uscc', idNumber: '91411322MA0000000X' }],
      officerIds: [team.handler.officer.id, team.secondOfficer.id],
    });
    expect(matter.statusCode, matter.body).toBe(201);
    matterId = matter.json().id;
    const step = await as.post(`/api/agencies/${agencyId}/matters/${matterId}/steps`, { step: 'filing', occurredAt: t.clock.now().toISOString(), place: '方城县释之路 18 号', note: '立案审批' });
    expect(step.statusCode, step.body).toBe(201);
    stepId = step.json().id;
    const interruption = await as.post(`/api/agencies/${agencyId}/av-interruptions`, { matterId, cause: 'battery', interruptedAt: t.clock.now().toISOString(), resumedAt: t.clock.now().toISOString(), resumeStatement: '更换电池后继续' });
    expect(interruption.statusCode, interruption.body).toBe(201);
  });
  afterAll(() => t.close());

  it('INT-2 every append-only table is found from the catalog, the matter records among them, and each has a TRUNCATE trigger', async () => {
    const tables = (await appendOnlyTables(asConn(t.ownerDb))).map((x) => x.table);
    for (const expected of ['audit_events', 'step_approvals', 'document_signatures', 'documents', 'av_records', 'av_interruptions', 'matter_steps', 'matters', 'matter_parties', 'matter_officers', 'legal_reviews', 'legal_review_messages', 'payments']) expect(tables).toContain(expected);
    const guarded = await rows<{ table: string }>(t.ownerDb, `select distinct tgrelid::regclass::text as table from pg_trigger where not tgisinternal and (tgtype & 32) = 32 and (tgtype & 1) = 0`);
    expect(tables.filter((x) => !guarded.some((g) => g.table === x))).toEqual([]);
  });

  it('INT-2 TRUNCATE of each append-only table is refused by its trigger, even for the superuser', async () => {
    const tables = await appendOnlyTables(asConn(t.ownerDb));
    for (const { table } of tables) expect(`${table}: ${await q(`truncate ${table} cascade`)}`).toBe(`${table}: P0001`);
    expect((await rows<{ n: number }>(t.ownerDb, 'select count(*)::int as n from audit_events'))[0]!.n).toBeGreaterThan(0);
  });

  it('INT-2 CASE-4 a recorded step cannot be backdated, moved or have its note rewritten; its approval status can move', async () => {
    expect(await q(`update matter_steps set occurred_at = occurred_at - interval '3 days' where id = '${stepId}'`)).toBe('P0001');
    expect(await q(`update matter_steps set note = '改写的记录' where id = '${stepId}'`)).toBe('P0001');
    expect(await q(`update matter_steps set place = null where id = '${stepId}'`)).toBe('P0001');
    expect(await q(`update matter_steps set officer_ids = '[]'::jsonb where id = '${stepId}'`)).toBe('P0001');
    expect(await q(`update matter_steps set step = 'decision' where id = '${stepId}'`)).toBe('P0001');
    expect(await q(`delete from matter_steps where id = '${stepId}'`)).toBe('P0001');
    const [step] = await rows<{ note: string; status: string }>(t.ownerDb, `select note, status from matter_steps where id = '${stepId}'`);
    expect(step).toEqual({ note: '立案审批', status: 'pending' });
    expect(await q(`update matter_steps set status = 'returned', approval_stage = null where id = '${stepId}'`)).toBe('ok');
  });

  it('INT-2 a matter keeps its number, category and creation; it is never deleted; its derived phase moves', async () => {
    expect(await q(`update matters set number = 'X-0001' where id = '${matterId}'`)).toBe('P0001');
    expect(await q(`update matters set category = 'licensing' where id = '${matterId}'`)).toBe('P0001');
    expect(await q(`update matters set created_at = created_at - interval '1 year' where id = '${matterId}'`)).toBe('P0001');
    expect(await q(`delete from matters where id = '${matterId}'`)).toBe('P0001');
    expect(await q(`update matters set phase = phase, updated_at = now() where id = '${matterId}'`)).toBe('ok');
  });

  it('INT-2 AV-8 an interruption, the parties and the officers of a matter are append-only', async () => {
    expect(await q(`update av_interruptions set resume_statement = '改写' where matter_id = '${matterId}'`)).toBe('P0001');
    expect(await q(`delete from av_interruptions where matter_id = '${matterId}'`)).toBe('P0001');
    expect(await q(`update matter_parties set name = '他人' where matter_id = '${matterId}'`)).toBe('P0001');
    expect(await q(`delete from matter_officers where matter_id = '${matterId}'`)).toBe('P0001');
  });
});
