import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../../src/db/schema/index.js';
import { hasBaseline, writeBaseline } from '../../src/domains/integrity/verify/baseline.js';
import { committedKinds } from '../../src/domains/integrity/verify/record-commitments.js';
import { runVerify, type VerifyState } from '../../src/domains/integrity/verify/run-verify.js';
import { latestCommitments } from '../../src/domains/integrity/verify/verify-records.js';
import { verifyJob } from '../../src/domains/integrity/verify/verify-job.js';
import { userPassword } from '../support/factories.js';
import { client, signInAs } from '../support/http-client.js';
import { runPendingJobs } from '../support/jobs.js';
import { buildIntegrityDeployment, type IntegrityDeployment } from '../support/integrity-deployment.js';
import { adminPassword, startTestApp, type TestApp } from '../support/test-app.js';

describe('liuhen verify on an untouched deployment (INT-1, INT-2)', () => {
  let t: TestApp;
  let d: IntegrityDeployment;
  beforeAll(async () => {
    t = await startTestApp();
    d = await buildIntegrityDeployment(t);
  });
  afterAll(() => t?.close());

  it('INT-1 every immutable record made through the API is committed by its audit event', async () => {
    const committed = Object.fromEntries(await Promise.all(committedKinds.map(async (k) => [k.kind, (await latestCommitments(t.ctx.db, k.kind)).size] as const)));
    expect(committed).toMatchObject({ document: 4, matter_step: 4, av_record: 3, policy_version: 1, calendar_notice: 1, document_signature: 2, document_attachment: 2 });
    // Each approval and each submission for approval is its own committed record.
    expect(committed.step_approval).toBeGreaterThanOrEqual(6);
    const [issued] = await t.ctx.db.select().from(auditEvents).where(sql`${auditEvents.action} = 'document.issued'`).limit(1);
    expect(issued!.commitments).toEqual([{ kind: 'document', id: expect.any(String), sha256: expect.stringMatching(/^[0-9a-f]{64}$/) }]);
  });

  it('INT-2 0 discrepancies: every record matches its commitment, every event its hash, every original its key', async () => {
    const result = await runVerify(t.ctx.db, t.ctx.store, { only: ['events', 'records', 'objects'] });
    expect(result.reports.flatMap((r) => r.discrepancies)).toEqual([]);
    expect(result.ok).toBe(true);
    const examined = Object.fromEntries(result.reports.map((r) => [r.check, r.examined]));
    // 3 AV originals, 2 scans and the one signature image both signatures share (same bytes, one key).
    expect(examined.object).toBe(6);
    expect(examined.record).toBeGreaterThanOrEqual(20);
  });

  it('INT-2 a run stopped after a batch resumes from its saved state and reports the same', async () => {
    const saved: VerifyState[] = [];
    await runVerify(t.ctx.db, t.ctx.store, { only: ['records', 'objects'], onProgress: (s) => void saved.push(structuredClone(s)) });
    const midway = saved.find((s) => s.records && s.records.kindIndex === 5)!;
    expect(midway).toBeDefined();
    const resumed = await runVerify(t.ctx.db, t.ctx.store, { only: ['records', 'objects'], state: structuredClone(midway) });
    const full = await runVerify(t.ctx.db, t.ctx.store, { only: ['records', 'objects'] });
    expect(resumed.reports.map((r) => [r.check, r.examined])).toEqual(full.reports.map((r) => [r.check, r.examined]));
  });

  it('INT-2 the platform admin starts a verify run in the web app; it runs as a job and its report is kept', async () => {
    const admin = await signInAs(t.app, 'admin', adminPassword);
    const started = await client(t.app, admin).post('/api/integrity/verify-runs');
    expect(started.statusCode, started.body).toBe(202);
    expect(started.json()).toMatchObject({ status: 'queued', ok: null });
    // A second request while it waits joins it.
    expect((await client(t.app, admin).post('/api/integrity/verify-runs')).json().id).toBe(started.json().id);
    expect(await runPendingJobs(t, [verifyJob(t.ctx.db, t.ctx.store, t.ctx.config, t.clock.now) as never])).toBe(1);
    const latest = (await client(t.app, admin).get('/api/integrity/verify-runs/latest')).json();
    expect(latest.run).toMatchObject({ id: started.json().id, status: 'done', ok: true, failure: null });
    expect(latest.run.reports.map((r: { check: string }) => r.check)).toEqual(['log', 'event', 'record', 'object']);
    const handler = await signInAs(t.app, d.team.handler.user.username, userPassword);
    expect((await client(t.app, handler).get('/api/integrity/verify-runs/latest')).statusCode).toBe(403);
  });

  it('INT-1 the baseline commits records written before commitments existed, once', async () => {
    // A record that no event committed to (as on a deployment from before this version) …
    await t.ctx.db.execute(sql`insert into calendar_notices (year, notice, basis, created_at) values (2040, '{"year":2040,"holidays":[],"makeUpWorkdays":[]}', '旧数据', now())`);
    const before = await runVerify(t.ctx.db, t.ctx.store, { only: ['records'] });
    expect(before.reports[0]!.discrepancies).toEqual([expect.objectContaining({ table: 'calendar_notices', what: expect.stringContaining('没有任何审计事件承诺') })]);
    expect(await hasBaseline(t.ctx.db)).toBe(false);
    expect(await writeBaseline(t.ctx.db, t.clock.now())).toBe(1);
    expect(await writeBaseline(t.ctx.db, t.clock.now())).toBe(0);
    expect(await hasBaseline(t.ctx.db)).toBe(true);
    expect((await runVerify(t.ctx.db, t.ctx.store, { only: ['events', 'records'] })).ok).toBe(true);
  });
});
