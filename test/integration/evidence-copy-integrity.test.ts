import { chmod, readFile, writeFile } from 'node:fs/promises';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, fixityChecks } from '../../src/db/schema/index.js';
import type { LocalObjectStore } from '../../src/store/local-object-store.js';
import { client } from '../support/http-client.js';
import { buildIntegrityDeployment, type IntegrityDeployment } from '../support/integrity-deployment.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

// Outside review: one flipped byte of an original and the evidence copy's note still said
// 逐字节一致. The copy re-hashes the original before it claims anything.
describe('an evidence copy is made only of an original that still hashes to its key (AV-10, INT-3)', () => {
  let t: TestApp;
  let d: IntegrityDeployment;
  beforeAll(async () => {
    t = await startTestApp();
    d = await buildIntegrityDeployment(t);
  });
  afterAll(() => t?.close());

  const copyOf = (recordId: string) => client(t.app, d.team.handler.session).get(`/api/agencies/${d.agencyId}/av-records/${recordId}/evidence-copy`);

  it('AV-10 INT-3 a damaged original: 409 ORIGINAL_DAMAGED in Chinese, no copy, an alert; the intact one is copied', async () => {
    const [damaged, intact] = d.avRecords;
    const path = (t.ctx.store as LocalObjectStore).pathOf(damaged!.objectKey);
    const kept = await readFile(path);
    await chmod(path, 0o644);
    const flipped = Buffer.from(kept);
    flipped[100] = flipped[100]! ^ 0x01;
    await writeFile(path, flipped);

    const refused = await copyOf(damaged!.id);
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ code: 'ORIGINAL_DAMAGED', message: expect.stringContaining('原件内容与其 SHA-256 不符') });
    expect(await t.ctx.db.select().from(auditEvents).where(eq(auditEvents.action, 'av.evidence_exported'))).toEqual([]);
    expect(await t.ctx.db.select().from(auditEvents).where(eq(auditEvents.action, 'integrity.fixity_failed'))).toEqual([expect.objectContaining({ objectId: damaged!.objectKey })]);
    expect(await t.ctx.db.select().from(fixityChecks).where(eq(fixityChecks.objectKey, damaged!.objectKey))).toEqual([expect.objectContaining({ outcome: 'changed' })]);
    // The record's page learns it from the record: the web app shows the alert and no export button.
    const detail = (await client(t.app, d.team.handler.session).get(`/api/agencies/${d.agencyId}/av-records/${damaged!.id}`)).json() as { fixity: { outcome: string } | null };
    expect(detail.fixity).toMatchObject({ outcome: 'changed' });

    const copied = await copyOf(intact!.id);
    expect(copied.statusCode).toBe(200);
    expect(copied.headers['content-type']).toBe('application/zip');
    expect(copied.rawPayload.includes(Buffer.from('逐字节一致'))).toBe(true);

    // Restored from a copy, the original is exported again and the alert resolves.
    await writeFile(path, kept);
    expect((await copyOf(damaged!.id)).statusCode).toBe(200);
    expect(await t.ctx.db.select().from(fixityChecks).where(eq(fixityChecks.objectKey, damaged!.objectKey))).toEqual([expect.objectContaining({ outcome: 'ok' })]);
    const restored = (await client(t.app, d.team.handler.session).get(`/api/agencies/${d.agencyId}/av-records/${damaged!.id}`)).json() as { fixity: { outcome: string } | null };
    expect(restored.fixity).toMatchObject({ outcome: 'ok' });
  });
});
