import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, findings } from '../../src/db/schema/index.js';
import { registerFactsSource } from '../../src/domains/findings/facts-sources.js';
import { reevaluateMatter } from '../../src/domains/findings/reevaluate.js';
import { sweepFindingsOnce } from '../../src/domains/findings/scheduler.js';
import { exampleSimpleProcedurePenalty } from '../../src/rules/matters/step-facts/examples.js';
import { makeAgency, makeEnforcementTeam } from '../support/factories.js';
import { client, signInAs, type Session } from '../support/http-client.js';
import { authHeaders, sampleMp4, tusUpload } from '../support/ingest.js';
import { queuedReevaluations, runPendingJobs } from '../support/jobs.js';
import { adminPassword, startTestApp, type TestApp } from '../support/test-app.js';

// Issue 10, "background work on several nodes": re-evaluation after a change is a job enqueued
// in the change's own transaction; stored findings are written once per real change however
// many evaluations run at once; the periodic sweep runs once per period and survives one
// agency's failure.

// An agency whose facts cannot be read: the sweep must log it and go on with the others.
const brokenAgencies = new Set<string>();
registerFactsSource({
  name: 'test-broken-agency',
  openMatterIds: async (_db, agencyId) => (brokenAgencies.has(agencyId) ? ['broken'] : []),
  loadFacts: async (_db, agencyId) => {
    if (brokenAgencies.has(agencyId)) throw new Error('facts unavailable');
    return [];
  },
});

const silentLog = { error: () => undefined } as never;

describe('findings are kept current in the background, once across processes (SUP-2, issue 10)', () => {
  let t: TestApp;
  let admin: Session;
  let team: Awaited<ReturnType<typeof makeEnforcementTeam>>;
  let base: string;
  let token: string;
  let broken: { id: string };
  const api = () => `/api/agencies/${team.agency.id}`;
  const as = (s: Session | { token: string }) => client(t.app, s);
  const openFindings = (matterId: string) => t.ctx.db.select().from(findings).where(and(eq(findings.matterId, matterId)));
  const eventsOf = async (action: string, findingIds: string[]) => (await t.ctx.db.select().from(auditEvents).where(eq(auditEvents.action, action))).filter((e) => findingIds.includes(e.objectId ?? ''));

  async function openMatter(category = 'coercive_measure', startRoute = 'emergency') {
    const res = await as({ token }).post(`${api()}/matters`, { category, startRoute, title: '后台评估测试', unitId: team.unit.id, officerIds: [team.handler.officer.id, team.secondOfficer.id] });
    expect(res.statusCode, res.body).toBe(201);
    const id = res.json().id as string;
    if (startRoute === 'emergency') {
      // CASE-3: the emergency start's retro-report is due 24 h after it.
      const step = await as({ token }).post(`${api()}/matters/${id}/steps`, { step: 'emergency_start', occurredAt: t.clock.now().toISOString(), note: '紧急先行' });
      expect(step.statusCode, step.body).toBe(201);
    }
    return id;
  }
  const interruption = (matterId: string) =>
    as({ token }).post(`${api()}/av-interruptions`, { matterId, cause: 'battery', interruptedAt: t.clock.now().toISOString(), writtenExplanation: '记录仪电量耗尽，未能继续记录' });

  beforeAll(async () => {
    t = await startTestApp({ LIUHEN_UPLOAD_MAX_BYTES: String(16 * 1024 * 1024) });
    base = await t.app.listen({ port: 0, host: '127.0.0.1' });
    admin = await signInAs(t.app, 'admin', adminPassword);
    // Created first, so the sweep meets it before the team's agency.
    broken = await makeAgency(t.app, admin);
    team = await makeEnforcementTeam(t.app, admin);
    const res = await as(admin).post(`${api()}/policy/choose`, { profileId: 's1-fushun-culture-market', basis: '采用抚顺文化市场规范' });
    expect(res.statusCode).toBe(201);
    // The broken agency has a profile too, so its facts are read (and fail).
    expect((await as(admin).post(`/api/agencies/${broken.id}/policy/choose`, { profileId: 's1-fushun-culture-market', basis: '采用' })).statusCode).toBe(201);
    // The clock moves by days here, past any session's idle timeout: the handler acts through its own API token.
    token = (await as(team.handler.session).post(`${api()}/api-tokens`, { name: '执法记录仪同步', userId: team.handler.user.id })).json().token;
  });
  afterAll(() => t.close());

  it('AV-4 SUP-2 a tus upload to a matter re-evaluates its findings with no call in any route: a job is enqueued with the record', async () => {
    const matterId = await openMatter();
    await runPendingJobs(t);
    const bytes = sampleMp4(100_000, 'late-upload');
    const endedAt = new Date(t.clock.now().getTime() - 30 * 3_600_000).toISOString();
    const res = await tusUpload(`${base}${api()}/av/uploads`, bytes, { headers: authHeaders({ token }), metadata: { filename: 'late.mp4', matterId, endedAt } });
    expect(res.status, res.body).toBe(204);
    expect(await queuedReevaluations(t)).toContain(`${team.agency.id}:${matterId}`);
    expect(await runPendingJobs(t)).toBeGreaterThanOrEqual(1);
    const av4 = (await openFindings(matterId)).filter((f) => f.requirement === 'AV-4');
    expect(av4).toMatchObject([{ state: 'late', resolvedAt: null }]);
  });

  it('AV-8 SUP-2 recording an interruption re-evaluates the matter (it was forgotten before)', async () => {
    const matterId = await openMatter();
    await runPendingJobs(t);
    // 23 h later the emergency start's retro-report (CASE-3, 24 h) is due soon; nothing has re-evaluated yet.
    t.clock.advance(23 * 3_600_000);
    expect((await openFindings(matterId)).filter((f) => f.requirement === 'CASE-3')).toEqual([]);
    const res = await interruption(matterId);
    expect(res.statusCode, res.body).toBe(201);
    await runPendingJobs(t);
    expect((await openFindings(matterId)).filter((f) => f.requirement === 'CASE-3')).toMatchObject([{ state: 'due_soon' }]);
  });

  it('SUP-2 many changes to one matter before the job runs make one queued job', async () => {
    const matterId = await openMatter();
    for (let i = 0; i < 3; i++) expect((await interruption(matterId)).statusCode).toBe(201);
    expect((await queuedReevaluations(t)).filter((k) => k === `${team.agency.id}:${matterId}`)).toHaveLength(1);
    await runPendingJobs(t);
  });

  it('SUP-2 concurrent re-evaluations of one matter never abort on the unique key and write one event per real change', async () => {
    const matterIds = [await openMatter(), await openMatter(), await openMatter()];
    const runAll = () => Promise.all(matterIds.flatMap((id) => Array.from({ length: 4 }, () => reevaluateMatter(t.ctx.db, team.agency.id, id, t.clock.now()))));
    t.clock.advance(21 * 3_600_000); // CASE-3 due soon for each matter
    await runAll();
    const rows = (await Promise.all(matterIds.map(openFindings))).flat().filter((f) => f.requirement === 'CASE-3');
    expect(rows.map((f) => f.state)).toEqual(['due_soon', 'due_soon', 'due_soon']);
    const ids = rows.map((f) => f.id);
    expect(await eventsOf('finding.opened', ids)).toHaveLength(3);
    t.clock.advance(4 * 3_600_000); // now late: one real change each
    await runAll();
    expect(await eventsOf('finding.changed', ids)).toHaveLength(3);
    await runAll();
    expect(await eventsOf('finding.changed', ids)).toHaveLength(3);
    await runPendingJobs(t);
  });

  it('PUB-2 SUP-2 S3: a decided matter gets no disclosure finding, because disclosure is not recorded yet', async () => {
    // Earlier tests moved the clock by days: the administrator signs in again.
    admin = await signInAs(t.app, 'admin', adminPassword);
    const s3 = await makeEnforcementTeam(t.app, admin);
    expect((await as(admin).post(`/api/agencies/${s3.agency.id}/policy/choose`, { profileId: 's3-fangcheng-market', basis: '采用方城县规范' })).statusCode).toBe(201);
    const handler = as(s3.handler.session);
    const matter = await handler.post(`/api/agencies/${s3.agency.id}/matters`, { category: 'penalty_simple', startRoute: 'ex_officio', title: '简易程序处罚', unitId: s3.unit.id, officerIds: [s3.handler.officer.id, s3.secondOfficer.id] });
    expect(matter.statusCode, matter.body).toBe(201);
    const decision = await handler.post(`/api/agencies/${s3.agency.id}/matters/${matter.json().id}/steps`, { step: 'simple_procedure_penalty', occurredAt: t.clock.now().toISOString(), note: '当场处罚', details: exampleSimpleProcedurePenalty({ kind: 'natural', name: '张某' }, 50) });
    expect(decision.statusCode, decision.body).toBe(201);
    expect(decision.json().status).toBe('done');
    t.clock.advance(30 * 86_400_000); // far past S3's 7 working days (公示办法 第二十一条)
    await runPendingJobs(t);
    const total = await reevaluateMatter(t.ctx.db, s3.agency.id, matter.json().id, t.clock.now());
    expect(total.matters).toBe(1);
    expect((await openFindings(matter.json().id)).filter((f) => f.requirement === 'PUB-2')).toEqual([]);
  });

  it('SUP-2 the sweep runs once per period across processes, and one agency\'s failure does not end it for the others', async () => {
    brokenAgencies.add(broken.id);
    const matterId = await openMatter();
    await runPendingJobs(t);
    t.clock.advance(30 * 3_600_000); // the emergency start's retro-report is now late
    const timing = { everyMs: 300_000, leaseMs: 60_000 };
    const swept = await Promise.all(['node-a', 'node-b', 'node-c'].map((holder) => sweepFindingsOnce(t.ctx, silentLog, holder, timing)));
    expect(swept.filter(Boolean)).toHaveLength(1);
    expect((await openFindings(matterId)).filter((f) => f.requirement === 'CASE-3')).toMatchObject([{ state: 'late' }]);
    // Within the period nobody sweeps again; after it, one process does.
    t.clock.advance(60_000);
    expect(await sweepFindingsOnce(t.ctx, silentLog, 'node-b', timing)).toBe(false);
    t.clock.advance(timing.everyMs);
    expect(await sweepFindingsOnce(t.ctx, silentLog, 'node-b', timing)).toBe(true);
    brokenAgencies.delete(broken.id);
  });
});
