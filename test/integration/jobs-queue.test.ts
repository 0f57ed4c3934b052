import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { avDerivatives, jobs } from '../../src/db/schema/index.js';
import { claimNext, enqueue, runOne, type JobDefinition } from '../../src/jobs/queue.js';
import { loadConfig } from '../../src/server/config.js';
import { fakeMp4, ingestBytes } from '../support/av-records.js';
import { makeAgency } from '../support/factories.js';
import { signInAs } from '../support/http-client.js';
import { adminPassword, startTestApp, type TestApp } from '../support/test-app.js';

// Issue 10, "background work on several nodes": a job's claim is a short lease its process
// renews while the handler runs, so a long transcode is never taken twice and a dead process's
// job is taken again; derivatives are unique per (record, kind).
describe('the job queue holds a claim while its handler runs (AV-1, AV-6, issue 10)', () => {
  let t: TestApp;
  const LEASE_MS = 1000;
  const slowJob = (name: string) => {
    let release!: () => void;
    const released = new Promise<void>((r) => (release = r));
    const state = { runs: 0, release };
    const def: JobDefinition<z.ZodObject> = {
      name,
      payload: z.object({}),
      maxAttempts: 3,
      handle: async () => {
        state.runs++;
        await released;
        return 'done';
      },
    };
    return { def, state };
  };
  const row = async (name: string) => (await t.ctx.db.select().from(jobs).where(eq(jobs.name, name)))[0]!;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('AV-6 a job whose handler outlives its first lease is not taken twice: the heartbeat renews the claim', async () => {
    const { def, state } = slowJob('test.slow-transcode');
    await enqueue(t.ctx.db, def, {}, t.clock.now());
    const first = runOne(t.ctx.db, [def as never], t.clock.now, { leaseMs: LEASE_MS });
    await expect.poll(() => state.runs).toBe(1);
    // Far past the first lease (and past the old fixed 10-minute claim): only a renewal keeps it.
    t.clock.advance(11 * 60_000);
    await expect.poll(async () => (await row(def.name)).lockedUntil!.getTime() > t.clock.now().getTime(), { timeout: 10_000 }).toBe(true);
    expect(await runOne(t.ctx.db, [def as never], t.clock.now, { leaseMs: LEASE_MS })).toBe(false);
    state.release();
    await first;
    expect(state.runs).toBe(1);
    expect(await row(def.name)).toMatchObject({ status: 'done', attempts: 1 });
  });

  it('AV-6 the job of a process that died (no heartbeat) is taken again once its lease ends, and the dead claim cannot finish it', async () => {
    const { def, state } = slowJob('test.orphaned');
    await enqueue(t.ctx.db, def, {}, t.clock.now());
    const dead = await claimNext(t.ctx.db, [def.name], t.clock.now(), LEASE_MS);
    expect(dead).not.toBeNull();
    expect(await claimNext(t.ctx.db, [def.name], t.clock.now(), LEASE_MS)).toBeNull();
    t.clock.advance(LEASE_MS + 1);
    state.release();
    expect(await runOne(t.ctx.db, [def as never], t.clock.now, { leaseMs: LEASE_MS })).toBe(true);
    expect(state.runs).toBe(1);
    expect(await row(def.name)).toMatchObject({ status: 'done', attempts: 2 });
  });

  it('AV-6 a job with a dedupe key waits once however often it is enqueued; once running, a new one may wait beside it', async () => {
    const def = { name: 'test.deduped', payload: z.object({ n: z.number() }) };
    for (let n = 0; n < 3; n++) await enqueue(t.ctx.db, def, { n }, t.clock.now(), { dedupeKey: 'k' });
    expect((await t.ctx.db.select().from(jobs).where(eq(jobs.name, def.name))).length).toBe(1);
    await claimNext(t.ctx.db, [def.name], t.clock.now(), LEASE_MS);
    await enqueue(t.ctx.db, def, { n: 9 }, t.clock.now(), { dedupeKey: 'k' });
    expect((await t.ctx.db.select().from(jobs).where(eq(jobs.name, def.name))).map((j) => j.status).sort()).toEqual(['queued', 'running']);
  });

  it('AV-3 AV-6 a second derivative of one (record, kind) is refused by the database; the first row stays', async () => {
    const admin = await signInAs(t.app, 'admin', adminPassword);
    const agency = await makeAgency(t.app, admin);
    const record = await ingestBytes(t, agency.id, fakeMp4(5000, 7));
    const derivative = (objectKey: string) => ({ avRecordId: record.id, kind: 'poster', objectKey, mediaType: 'image/jpeg', size: 10, createdAt: t.clock.now() });
    await t.ctx.db.insert(avDerivatives).values(derivative('a'.repeat(64)));
    await expect(t.ctx.db.insert(avDerivatives).values(derivative('b'.repeat(64)))).rejects.toMatchObject({ cause: { code: '23505' } });
    // The derive job's insert: a second writer keeps the first row and drops its own.
    await t.ctx.db.insert(avDerivatives).values(derivative('c'.repeat(64))).onConflictDoNothing({ target: [avDerivatives.avRecordId, avDerivatives.kind] });
    expect((await t.ctx.db.select().from(avDerivatives).where(eq(avDerivatives.avRecordId, record.id))).map((d) => d.objectKey)).toEqual(['a'.repeat(64)]);
  });

  it('NFR-2 pool size, intervals, lease and media tool paths are validated configuration with a clear message', () => {
    expect(loadConfig({})).toMatchObject({ dbPoolMax: 10, findingsSweepMs: 300_000, jobPollMs: 2000, jobLeaseMs: 60_000, mediaTools: {} });
    expect(loadConfig({ LIUHEN_DB_POOL_MAX: '40', LIUHEN_FINDINGS_SWEEP_SECONDS: '60', LIUHEN_JOB_LEASE_SECONDS: '30', LIUHEN_FFMPEG: process.execPath })).toMatchObject({ dbPoolMax: 40, findingsSweepMs: 60_000, jobLeaseMs: 30_000, mediaTools: { ffmpeg: process.execPath } });
    expect(() => loadConfig({ LIUHEN_FFPROBE: '/nonexistent/ffprobe' })).toThrow(/LIUHEN_FFPROBE: 不是可执行文件/);
    expect(() => loadConfig({ LIUHEN_DB_POOL_MAX: '0' })).toThrow(/LIUHEN_DB_POOL_MAX/);
  });
});
