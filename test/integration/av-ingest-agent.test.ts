import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { avRecords } from '../../src/db/schema/index.js';
import { ingestFolder } from '../../src/ingest-agent/ingest-folder.js';
import { makeEnforcementTeam, makeServiceToken } from '../support/factories.js';
import { client, signInAs } from '../support/http-client.js';
import { sampleJpeg, sampleMp4, sha256 } from '../support/ingest.js';
import { adminPassword, startTestApp, type TestApp } from '../support/test-app.js';

// AV-2: the collection station's agent (`liuhen ingest`) empties a folder into a matter.
describe('AV-2 ingest agent', () => {
  let t: TestApp;
  let base: string;
  let token: string;
  let matterId: string;
  let officerId: string;
  const certificateNo = `AG-${Date.now().toString(36)}`;
  const folder = mkdtempSync(join(tmpdir(), 'liuhen-station-'));
  const jpeg = sampleJpeg('photo', 160, 120);
  const files: Record<string, Buffer> = {
    [`DSJ-001/${certificateNo}/20260301_0900.mp4`]: sampleMp4(700_000, 'a'),
    [`DSJ-001/${certificateNo}/现场照片.jpg`]: jpeg,
    'DSJ-002/20260301_1000.mp4': sampleMp4(400_000, 'c'),
  };

  beforeAll(async () => {
    t = await startTestApp();
    base = await t.app.listen({ port: 0, host: '127.0.0.1' });
    const admin = await signInAs(t.app, 'admin', adminPassword);
    const team = await makeEnforcementTeam(t.app, admin);
    const officer = await client(t.app, admin).post(`/api/agencies/${team.agency.id}/officers`, { name: '采集员', post: '执法队员', certificateNo, certificateValidFrom: '2025-01-01', certificateValidTo: '2030-12-31', area: '全域' });
    officerId = officer.json().id;
    matterId = (await client(t.app, team.handler.session).post(`/api/agencies/${team.agency.id}/matters`, { category: 'coercive_measure', startRoute: 'emergency', title: '扣押', officerIds: [team.handler.officer.id] })).json().id;
    // The station acts as its own service account, not as an officer.
    token = (await makeServiceToken(t.app, team.agency.id, admin)).token;
    for (const [rel, bytes] of Object.entries(files)) {
      mkdirSync(join(folder, rel, '..'), { recursive: true });
      writeFileSync(join(folder, rel), bytes);
    }
    writeFileSync(join(folder, 'mapping.json'), JSON.stringify({ defaults: { matterId }, devices: { 'DSJ-002': { officerCertificateNo: certificateNo } } }));
  });
  afterAll(async () => {
    await t.close();
    rmSync(folder, { recursive: true, force: true });
  });

  it('AV-2 empties a folder into a matter, twice without duplicates; device and officer come from the path or the mapping', async () => {
    const lines: string[] = [];
    const run = (deleteAfter = false) => ingestFolder({ folder, server: base, token, mappingPath: join(folder, 'mapping.json'), deleteAfter, chunkSize: 256 * 1024, log: (l) => lines.push(l) });
    const first = await run();
    expect(first).toMatchObject({ uploaded: 3, skipped: 0, failed: [] });
    expect(lines.some((l) => /%/.test(l))).toBe(true); // progress is printed
    const records = await t.ctx.db.select().from(avRecords).where(eq(avRecords.matterId, matterId));
    expect(records.map((r) => r.objectKey).sort()).toEqual(Object.values(files).map(sha256).sort());
    expect(records.every((r) => r.officerId === officerId)).toBe(true);
    expect(records.map((r) => r.deviceSerial).sort()).toEqual(['DSJ-001', 'DSJ-001', 'DSJ-002']);
    expect(records.find((r) => r.originalFileName === '现场照片.jpg')?.mediaType).toBe('image/jpeg');

    const second = await run();
    expect(second).toMatchObject({ uploaded: 0, skipped: 3, failed: [] });
    expect(await t.ctx.db.select().from(avRecords).where(eq(avRecords.matterId, matterId))).toHaveLength(3);
    // Never deleted unless asked; the state file remembers what was done.
    for (const rel of Object.keys(files)) expect(existsSync(join(folder, rel))).toBe(true);
    expect(Object.keys(JSON.parse(readFileSync(join(folder, '.liuhen-ingest.json'), 'utf8')).done)).toHaveLength(3);

    const third = await run(true);
    expect(third).toMatchObject({ uploaded: 0, deleted: 3 });
    for (const rel of Object.keys(files)) expect(existsSync(join(folder, rel))).toBe(false);
    expect(await t.ctx.db.select().from(avRecords).where(eq(avRecords.matterId, matterId))).toHaveLength(3);
  }, 90_000);

  it('AV-2 a file the server refuses is reported and not marked done', async () => {
    const bad = mkdtempSync(join(tmpdir(), 'liuhen-station-bad-'));
    writeFileSync(join(bad, 'notes.mp4'), '不是视频');
    const summary = await ingestFolder({ folder: bad, server: base, token, log: () => undefined });
    expect(summary.failed).toEqual([{ file: 'notes.mp4', error: expect.stringMatching(/UNSUPPORTED_MEDIA_TYPE/) }]);
    const state = JSON.parse(readFileSync(join(bad, '.liuhen-ingest.json'), 'utf8'));
    expect(state.done).toEqual({});
    rmSync(bad, { recursive: true, force: true });
  });
});
