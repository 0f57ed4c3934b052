import { chmod, readFile, writeFile } from 'node:fs/promises';
import { eq, sql } from 'drizzle-orm';
import type { FastifyBaseLogger } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, fixityChecks } from '../../src/db/schema/index.js';
import { fixityShare, fixityTick } from '../../src/domains/integrity/fixity/fixity-tick.js';
import { integrityWork, onceAcrossProcesses } from '../../src/domains/integrity/fixity/scheduler.js';
import { makeCheckpoint } from '../../src/domains/integrity/log/checkpoint.js';
import { integratePending } from '../../src/domains/integrity/log/integrator.js';
import { logSigner } from '../../src/domains/integrity/log/signing-key.js';
import type { LocalObjectStore } from '../../src/store/local-object-store.js';
import { userPassword } from '../support/factories.js';
import { client, signInAs } from '../support/http-client.js';
import { adminPassword } from '../support/test-app.js';
import { buildIntegrityDeployment, insiderDb, type IntegrityDeployment } from '../support/integrity-deployment.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const DAY = 86_400_000;
const silentLog = { error: () => undefined, warn: () => undefined, info: () => undefined } as unknown as FastifyBaseLogger;

describe('scheduled fixity: every original re-hashed within the cycle, failures alert (INT-3)', () => {
  let t: TestApp;
  let d: IntegrityDeployment;
  // 6 objects, a 3-day cycle, one tick a day: 2 objects a tick.
  const timing = { cycleDays: 3, tickMs: DAY };
  beforeAll(async () => {
    t = await startTestApp();
    d = await buildIntegrityDeployment(t);
  });
  afterAll(() => t?.close());

  const tick = async () => {
    const r = await fixityTick(t.ctx.db, t.ctx.store, t.clock.now(), timing);
    t.clock.advance(DAY);
    return r;
  };

  it('INT-3 the share per tick spreads the store evenly over the cycle', () => {
    expect(fixityShare(0, timing)).toBe(0);
    expect(fixityShare(6, timing)).toBe(2);
    expect(fixityShare(1_000_000, { cycleDays: 30, tickMs: 600_000 })).toBe(232);
    expect(fixityShare(3, { cycleDays: 30, tickMs: 600_000 })).toBe(1);
  });

  it('INT-3 one cycle of ticks re-hashes every object exactly once, longest-unchecked first', async () => {
    const results = [await tick(), await tick(), await tick()];
    expect(results.map((r) => [r.checked, r.failed])).toEqual([[2, 0], [2, 0], [2, 0]]);
    const rows = await t.ctx.db.select().from(fixityChecks);
    expect(rows).toHaveLength(6);
    expect(rows.every((r) => r.outcome === 'ok')).toBe(true);
    expect(new Set(rows.map((r) => r.checkedAt.getTime())).size).toBe(3);
    // The next tick takes the two checked longest ago.
    const oldest = rows.sort((a, b) => a.checkedAt.getTime() - b.checkedAt.getTime()).slice(0, 2).map((r) => r.objectKey).sort();
    const before = t.clock.now();
    await tick();
    const again = (await t.ctx.db.select().from(fixityChecks).where(eq(fixityChecks.checkedAt, before))).map((r) => r.objectKey).sort();
    expect(again).toEqual(oldest);
  });

  it('INT-3 a changed original becomes a finding for the agency and an audit event; restored, the finding resolves', async () => {
    const key = d.avRecords[0]!.objectKey;
    const path = (t.ctx.store as LocalObjectStore).pathOf(key);
    const kept = await readFile(path);
    await chmod(path, 0o644);
    const flipped = Buffer.from(kept);
    flipped[200] = flipped[200]! ^ 0x80;
    await writeFile(path, flipped);
    let failed = 0;
    for (let i = 0; i < 3; i++) failed += (await tick()).failed;
    expect(failed).toBe(1);
    // Sessions expired while the clock moved days: sign in again.
    const admin = await signInAs(t.app, 'admin', adminPassword);
    const handler = await signInAs(t.app, d.team.handler.user.username, userPassword);
    const findings = (await client(t.app, admin).get(`/api/agencies/${d.agencyId}/findings?kind=object_fixity`)).json() as { items: Array<{ summary: string; requirement: string; objectId: string }> };
    expect(findings.items).toEqual([expect.objectContaining({ requirement: 'INT-3', objectId: key, summary: expect.stringContaining('音像记录的原件内容与其 SHA-256 不符') })]);
    const events = await t.ctx.db.select().from(auditEvents).where(eq(auditEvents.action, 'integrity.fixity_failed'));
    expect(events).toEqual([expect.objectContaining({ agencyId: d.agencyId, objectId: key })]);
    // A handler (no agency-wide role) does not see it; the agency's administrator does.
    const handlerView = (await client(t.app, handler).get(`/api/agencies/${d.agencyId}/findings?kind=object_fixity`)).json() as { items: unknown[] };
    expect(handlerView.items).toEqual([]);
    // Still changed at the next cycle: the same finding, no second event.
    for (let i = 0; i < 3; i++) await tick();
    expect(await t.ctx.db.select().from(auditEvents).where(eq(auditEvents.action, 'integrity.fixity_failed'))).toHaveLength(1);
    await writeFile(path, kept);
    for (let i = 0; i < 3; i++) await tick();
    const open = (await client(t.app, await signInAs(t.app, 'admin', adminPassword)).get(`/api/agencies/${d.agencyId}/findings?kind=object_fixity&status=open`)).json() as { items: unknown[] };
    expect(open.items).toEqual([]);
  });

  it('INT-3 of two processes ticking at once, one does the work', async () => {
    let runs = 0;
    const work = { name: 'integrity.fixity', everyMs: 60_000, run: async () => void runs++ };
    const took = await Promise.all([onceAcrossProcesses(t.ctx, 'node-a', 30_000, work), onceAcrossProcesses(t.ctx, 'node-b', 30_000, work)]);
    expect(took.filter(Boolean)).toHaveLength(1);
    expect(runs).toBe(1);
  });

  it('INT-3 the periodic log check names a Merkle log that no longer holds in an audit event', async () => {
    const logCheck = integrityWork(t.ctx, silentLog).find((w) => w.name === 'integrity.log_check')!;
    await integratePending(t.ctx.db, { now: t.clock.now });
    await makeCheckpoint(t.ctx.db, logSigner(t.ctx.config), { now: t.clock.now() });
    await logCheck.run();
    expect(await t.ctx.db.select().from(auditEvents).where(eq(auditEvents.action, 'integrity.log_check_failed'))).toEqual([]);
    // An insider removes a leaf behind the system's back (triggers off).
    await insiderDb(t).transaction(async (tx) => {
      await tx.execute(sql`set local session_replication_role = replica`);
      await tx.execute(sql`delete from log_leaves where leaf_index = 3`);
    });
    await logCheck.run();
    const [failed] = await t.ctx.db.select().from(auditEvents).where(eq(auditEvents.action, 'integrity.log_check_failed'));
    expect(failed?.details).toMatchObject({ discrepancies: expect.any(Number), first: expect.arrayContaining([expect.objectContaining({ check: 'log', table: 'log_leaves' })]) });
  });
});
