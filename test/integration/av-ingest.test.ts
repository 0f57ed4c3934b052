import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, avRecords } from '../../src/db/schema/index.js';
import { expireUploads } from '../../src/domains/av/ingest/expire-uploads.js';
import { makeEnforcementTeam, makeAgency, makeUser } from '../support/factories.js';
import { client, signInAs, type Session } from '../support/http-client.js';
import { authHeaders, sampleMp4, sha256, sha256OfFile, tusUpload } from '../support/ingest.js';
import { adminPassword, startTestApp, type TestApp } from '../support/test-app.js';

// AV-2, AV-3, INT-2: resumable uploads over tus through the real listening app.
describe('AV ingest over tus', () => {
  let t: TestApp;
  let base: string;
  let team: Awaited<ReturnType<typeof makeEnforcementTeam>>;
  let endpoint: string;
  let token: string;
  let handler: Session;
  const objectsDir = () => join(t.dataDir, 'objects');
  const objectFiles = (): string[] => {
    const walk = (d: string): string[] => readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(d, e.name)) : [join(d, e.name)]));
    try {
      return walk(objectsDir());
    } catch {
      return [];
    }
  };
  const upload = (bytes: Buffer, metadata: Record<string, string> = {}, who: Session | { token: string } = { token }, chunkSize?: number) =>
    tusUpload(endpoint, bytes, { headers: authHeaders(who), metadata: { filename: 'clip.mp4', ...metadata }, chunkSize });

  beforeAll(async () => {
    t = await startTestApp({ LIUHEN_UPLOAD_MAX_BYTES: String(64 * 1024 * 1024) });
    base = await t.app.listen({ port: 0, host: '127.0.0.1' });
    const admin = await signInAs(t.app, 'admin', adminPassword);
    team = await makeEnforcementTeam(t.app, admin);
    handler = team.handler.session;
    endpoint = `${base}/api/agencies/${team.agency.id}/av/uploads`;
    const res = await client(t.app, handler).post(`/api/agencies/${team.agency.id}/api-tokens`, { name: '一号采集站' });
    token = res.json().token;
  });
  afterAll(() => t.close());

  it('AV-2 an upload in chunks with a declared hash becomes one record; the server reports the hash it computed', async () => {
    const bytes = sampleMp4(3 * 1024 * 1024 + 17, 'first');
    const res = await upload(bytes, { sha256: sha256(bytes), deviceSerial: 'DSJ-001', startedAt: '2026-03-01T01:00:00Z', endedAt: '2026-03-01T01:20:00Z' }, { token }, 1024 * 1024);
    expect(res.status).toBe(204);
    expect(res.headers.sha256).toBe(sha256(bytes));
    const [record] = await t.ctx.db.select().from(avRecords).where(eq(avRecords.id, res.headers.recordId!));
    expect(record).toMatchObject({ objectKey: sha256(bytes), size: bytes.length, mediaType: 'video/mp4', kind: 'video', deviceSerial: 'DSJ-001', originalFileName: 'clip.mp4' });
    const uploadId = res.url!.split('/').pop()!;
    const status = await client(t.app, handler).get(`/api/agencies/${team.agency.id}/av/uploads/${uploadId}`);
    expect(status.json()).toMatchObject({ status: 'completed', offset: bytes.length, sha256: sha256(bytes), avRecordId: record!.id });
    const actions = (await t.ctx.db.select().from(auditEvents)).filter((e) => e.objectId === uploadId || e.objectId === record!.id).map((e) => e.action);
    expect(actions.sort()).toEqual(['av.ingested', 'av.upload_started']);
    expect(readdirSync(join(t.dataDir, 'uploads'))).not.toContain(uploadId); // temp file removed
  });

  it('AV-2 a wrong declared hash is refused with a code and Chinese message; nothing is stored as an original', async () => {
    const before = objectFiles().length;
    const bytes = sampleMp4(200_000, 'wrong-hash');
    const res = await upload(bytes, { sha256: 'a'.repeat(64) });
    expect(res.status).toBe(400);
    expect(JSON.parse(res.body)).toMatchObject({ code: 'VALIDATION_FAILED', message: expect.stringMatching(/SHA-256/) });
    expect(objectFiles().length).toBe(before);
    expect(await t.ctx.db.select().from(avRecords).where(eq(avRecords.objectKey, sha256(bytes)))).toHaveLength(0);
    const status = await client(t.app, handler).get(`/api/agencies/${team.agency.id}/av/uploads/${res.url!.split('/').pop()}`);
    expect(status.json()).toMatchObject({ status: 'refused', failure: 'sha256_mismatch', avRecordId: null });
  });

  it('AV-2 the same bytes uploaded twice are two records of one stored object', async () => {
    const bytes = sampleMp4(300_000, 'twice');
    const a = await upload(bytes, { sha256: sha256(bytes) });
    const before = objectFiles().length;
    const b = await upload(bytes, {}, handler);
    expect([a.status, b.status]).toEqual([204, 204]);
    expect(a.headers.recordId).not.toBe(b.headers.recordId);
    expect(objectFiles().length).toBe(before);
    const records = await t.ctx.db.select().from(avRecords).where(eq(avRecords.objectKey, sha256(bytes)));
    expect(records).toHaveLength(2);
    expect(await t.ctx.store.put(bytes)).toMatchObject({ key: sha256(bytes), created: false });
  });

  it('AV-3 INT-2 no route deletes or overwrites a finished original (tus DELETE, PATCH, new POST of other bytes)', async () => {
    const bytes = sampleMp4(150_000, 'finished');
    const res = await upload(bytes, { sha256: sha256(bytes) });
    const url = res.url!;
    const file = objectFiles().find((f) => f.endsWith(sha256(bytes)))!;
    const inode = statSync(file).ino;
    const headers = { ...authHeaders({ token }), 'tus-resumable': '1.0.0' };
    const del = await fetch(url, { method: 'DELETE', headers });
    expect(del.status).toBe(409);
    expect(await del.json()).toMatchObject({ code: 'IMMUTABLE', message: expect.stringMatching(/不得删除/) });
    const patch = await fetch(url, { method: 'PATCH', headers: { ...headers, 'upload-offset': '0', 'content-type': 'application/offset+octet-stream' }, body: new Uint8Array(sampleMp4(150_000, 'other')) });
    expect(patch.status).toBe(409);
    expect(await patch.json()).toMatchObject({ code: 'IMMUTABLE' });
    const patchAtEnd = await fetch(url, { method: 'PATCH', headers: { ...headers, 'upload-offset': String(bytes.length), 'content-type': 'application/offset+octet-stream' }, body: new Uint8Array(Buffer.from('more')) });
    expect(patchAtEnd.status).toBe(409);
    const head = await fetch(url, { method: 'HEAD', headers });
    expect(head.status).toBe(200);
    expect(head.headers.get('upload-offset')).toBe(String(bytes.length));
    expect(head.headers.get('liuhen-av-record-id')).toBe(res.headers.recordId);
    // A session without CSRF is refused before tus sees anything.
    const noCsrf = await fetch(url, { method: 'DELETE', headers: { cookie: handler.cookie, 'tus-resumable': '1.0.0' } });
    expect(noCsrf.status).toBe(403);
    expect(statSync(file).ino).toBe(inode);
    expect(await sha256OfFile(file)).toBe(sha256(bytes));
    const records = await t.ctx.db.select().from(avRecords).where(eq(avRecords.objectKey, sha256(bytes)));
    expect(records).toHaveLength(1);
  });

  it('AV-2 type by content: a text file named .mp4 is refused with 415', async () => {
    const before = objectFiles().length;
    const res = await upload(Buffer.from('这不是视频，只是文字。'.repeat(100)), { filename: 'fake.mp4' });
    expect(res.status).toBe(415);
    expect(JSON.parse(res.body)).toMatchObject({ code: 'UNSUPPORTED_MEDIA_TYPE' });
    expect(objectFiles().length).toBe(before);
  });

  it('AV-2 size limit, bad metadata and objects of another agency are refused with 4xx and Chinese messages', async () => {
    const big = await fetch(endpoint, { method: 'POST', headers: { ...authHeaders({ token }), 'tus-resumable': '1.0.0', 'upload-length': String(65 * 1024 * 1024) } });
    expect(big.status).toBe(413);
    expect(await big.json()).toMatchObject({ code: 'PAYLOAD_TOO_LARGE' });
    const admin = await signInAs(t.app, 'admin', adminPassword);
    const other = await makeEnforcementTeam(t.app, admin);
    const matter = await client(t.app, other.handler.session).post(`/api/agencies/${other.agency.id}/matters`, { category: 'coercive_measure', startRoute: 'emergency', title: '扣押', officerIds: [other.handler.officer.id] });
    expect(matter.statusCode).toBe(201);
    const cases: Array<[Record<string, string>, number, string]> = [
      [{ matterId: 'not-a-uuid' }, 400, 'VALIDATION_FAILED'],
      [{ startedAt: 'yesterday' }, 400, 'VALIDATION_FAILED'],
      [{ sha256: 'xyz' }, 400, 'VALIDATION_FAILED'],
      [{ officerId: other.handler.officer.id }, 404, 'NOT_FOUND'],
      [{ officerCertificateNo: 'NO-SUCH-CERT' }, 404, 'NOT_FOUND'],
      [{ matterId: matter.json().id }, 404, 'NOT_FOUND'],
    ];
    for (const [metadata, status, code] of cases) {
      const res = await upload(sampleMp4(1000), metadata);
      expect(res.status, JSON.stringify(metadata)).toBe(status);
      expect(JSON.parse(res.body), JSON.stringify(metadata)).toMatchObject({ code, message: expect.stringMatching(/[\u4e00-\u9fa5]/) });
    }
    const stranger = await makeUser(t.app, (await makeAgency(t.app, admin)).id, ['handler'], admin);
    const res = await upload(sampleMp4(1000), {}, await signInAs(t.app, stranger.username, stranger.password));
    expect(res.status).toBe(403);
  });

  it('AV-2 an unfinished upload expires and loses its temp file; finished originals are untouched', async () => {
    const bytes = sampleMp4(500_000, 'expiring');
    const created = await fetch(endpoint, { method: 'POST', headers: { ...authHeaders({ token }), 'tus-resumable': '1.0.0', 'upload-length': String(bytes.length) } });
    expect(created.status).toBe(201);
    const url = new URL(created.headers.get('location')!, endpoint).href;
    const headers = { ...authHeaders({ token }), 'tus-resumable': '1.0.0', 'content-type': 'application/offset+octet-stream' };
    const part = await fetch(url, { method: 'PATCH', headers: { ...headers, 'upload-offset': '0' }, body: new Uint8Array(bytes.subarray(0, 100_000)) });
    expect(part.headers.get('upload-offset')).toBe('100000');
    const id = url.split('/').pop()!;
    const objectsBefore = objectFiles().map((f) => [f, statSync(f).ino]);
    expect(await expireUploads(t.ctx.db, join(t.dataDir, 'uploads'), new Date(t.clock.now().getTime() + 71 * 3_600_000))).toBe(0);
    expect(await expireUploads(t.ctx.db, join(t.dataDir, 'uploads'), new Date(t.clock.now().getTime() + 73 * 3_600_000))).toBe(1);
    expect(readdirSync(join(t.dataDir, 'uploads'))).not.toContain(id);
    expect(objectFiles().map((f) => [f, statSync(f).ino])).toEqual(objectsBefore);
    const resumed = await fetch(url, { method: 'PATCH', headers: { ...headers, 'upload-offset': '100000' }, body: new Uint8Array(bytes.subarray(100_000)) });
    expect(resumed.status).toBe(404);
    expect((await client(t.app, handler).get(`/api/agencies/${team.agency.id}/av/uploads/${id}`)).json()).toMatchObject({ status: 'expired' });
  });
});
