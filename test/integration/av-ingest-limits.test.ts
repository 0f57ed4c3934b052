import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Metadata } from '@tus/utils';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, avRecords, avUploads } from '../../src/db/schema/index.js';
import { expireUploads } from '../../src/domains/av/ingest/expire-uploads.js';
import { makeEnforcementTeam, makeUser } from '../support/factories.js';
import { client, signInAs, type Session } from '../support/http-client.js';
import { authHeaders, sampleMp4, sha256, tusUpload } from '../support/ingest.js';
import { adminPassword, startTestApp, type TestApp } from '../support/test-app.js';

const MB = 1024 * 1024;
const text = (size: number) => Buffer.alloc(size, '这不是视频，只是文字。');

// AV-2: per-agency size limit, type by content while receiving, and every refusal audited.
describe('AV ingest limits and refusals', () => {
  let t: TestApp;
  let admin: Session;
  let agencyAdmin: Session;
  let team: Awaited<ReturnType<typeof makeEnforcementTeam>>;
  let endpoint: string;
  let token: string;
  const uploadsDir = () => join(t.dataDir, 'uploads');
  const tempFiles = () => (existsSync(uploadsDir()) ? readdirSync(uploadsDir()) : []);
  const tus = { 'tus-resumable': '1.0.0' };
  const create = (size: number, metadata: Record<string, string> = { filename: 'clip.mp4' }) =>
    fetch(endpoint, { method: 'POST', headers: { ...authHeaders({ token }), ...tus, 'upload-length': String(size), 'upload-metadata': Metadata.stringify(metadata) } });
  const patch = (url: string, offset: number, bytes: Buffer) =>
    fetch(url, { method: 'PATCH', headers: { ...authHeaders({ token }), ...tus, 'upload-offset': String(offset), 'content-type': 'application/offset+octet-stream' }, body: new Uint8Array(bytes) });
  const setLimit = (bytes: number | null, who = agencyAdmin) => client(t.app, who).patch(`/api/agencies/${team.agency.id}`, { avUploadMaxBytes: bytes });
  const status = async (id: string) => (await client(t.app, team.handler.session).get(`/api/agencies/${team.agency.id}/av/uploads/${id}`)).json();
  const events = (action: string) => t.ctx.db.select().from(auditEvents).where(and(eq(auditEvents.action, action), eq(auditEvents.agencyId, team.agency.id)));
  const uploadRows = () => t.ctx.db.select().from(avUploads).where(eq(avUploads.agencyId, team.agency.id));
  const refusalsOf = async (uploadId: string | null) => (await events('av.upload_refused')).filter((e) => e.objectId === uploadId);

  beforeAll(async () => {
    t = await startTestApp({ LIUHEN_UPLOAD_MAX_BYTES: String(64 * MB) });
    const base = await t.app.listen({ port: 0, host: '127.0.0.1' });
    admin = await signInAs(t.app, 'admin', adminPassword);
    team = await makeEnforcementTeam(t.app, admin);
    const a = await makeUser(t.app, team.agency.id, ['admin'], admin);
    agencyAdmin = await signInAs(t.app, a.username, a.password);
    endpoint = `${base}/api/agencies/${team.agency.id}/av/uploads`;
    token = (await client(t.app, team.handler.session).post(`/api/agencies/${team.agency.id}/api-tokens`, { name: '一号采集站' })).json().token;
  });
  afterAll(() => t.close());

  it('AV-2 ORG-3 the agency administrator sets the limit; each change is audited with before and after; others may not', async () => {
    const set = await setLimit(2 * MB);
    expect(set.statusCode).toBe(200);
    expect(set.json()).toMatchObject({ avUploadMaxBytes: 2 * MB });
    const changes = await events('agency.av_upload_limit_changed');
    expect(changes).toHaveLength(1);
    expect(changes[0]).toMatchObject({ objectId: team.agency.id, before: { avUploadMaxBytes: null }, after: { avUploadMaxBytes: 2 * MB } });
    expect((await setLimit(2 * MB)).statusCode).toBe(200); // the same value again: no change, no limit event
    expect(await events('agency.av_upload_limit_changed')).toHaveLength(1);
    expect((await client(t.app, agencyAdmin).patch(`/api/agencies/${team.agency.id}`, { region: '方城县' })).statusCode).toBe(200);
    expect(await events('agency.av_upload_limit_changed')).toHaveLength(1);
    expect((await setLimit(3 * MB, team.handler.session)).statusCode).toBe(403);
    for (const bad of [0, 1000, 1.5 * MB + 0.5, -MB, '2MB']) {
      const res = await client(t.app, agencyAdmin).patch(`/api/agencies/${team.agency.id}`, { avUploadMaxBytes: bad });
      expect(res.statusCode, String(bad)).toBe(400);
      expect(res.json()).toMatchObject({ code: 'VALIDATION_FAILED', message: expect.stringMatching(/[\u4e00-\u9fa5]/) });
    }
    expect((await client(t.app, admin).get(`/api/agencies/${team.agency.id}`)).json()).toMatchObject({ avUploadMaxBytes: 2 * MB });
  });

  it('AV-2 an upload over the agency limit is refused at creation with 413 PAYLOAD_TOO_LARGE naming the limit; nothing is stored; the refusal is audited once', async () => {
    await setLimit(2 * MB);
    const rowsBefore = (await uploadRows()).length;
    const filesBefore = tempFiles();
    const refusalsBefore = (await refusalsOf(null)).length;
    const res = await create(2 * MB + 1, { filename: 'big.mp4' });
    expect(res.status).toBe(413);
    const body = await res.json();
    expect(body).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', details: { limit: 2 * MB, setBy: 'agency' } });
    expect(body.message).toContain('本机关设定的单个音像文件上限 2 MB');
    expect(await uploadRows()).toHaveLength(rowsBefore);
    expect(tempFiles()).toEqual(filesBefore);
    const refusals = await refusalsOf(null);
    expect(refusals).toHaveLength(refusalsBefore + 1);
    expect(refusals.at(-1)).toMatchObject({ actorUserId: team.handler.user.id, details: { reason: 'too_large', size: 2 * MB + 1, limit: 2 * MB, fileName: 'big.mp4' } });
    // The effective limit is the smaller one: an agency limit above the platform's does not raise it.
    await setLimit(100 * MB);
    const overPlatform = await create(64 * MB + 1);
    expect(overPlatform.status).toBe(413);
    expect((await overPlatform.json()).message).toContain('平台单个音像文件上限 64 MB');
    expect((await create(3 * MB)).status).toBe(201);
  });

  it('AV-2 a PATCH cannot push an upload past the limit: more bytes than declared, or a limit lowered meanwhile, is refused and nothing is stored', async () => {
    await setLimit(2 * MB);
    const bytes = sampleMp4(1.5 * MB, 'lowered');
    const created = await create(bytes.length);
    expect(created.status).toBe(201);
    const url = new URL(created.headers.get('location')!, endpoint).href;
    const id = url.split('/').pop()!;
    expect((await patch(url, 0, bytes.subarray(0, 512 * 1024))).status).toBe(204);
    const tooMany = await patch(url, 512 * 1024, Buffer.concat([bytes.subarray(512 * 1024), Buffer.alloc(MB)]));
    expect(tooMany.status).toBe(413);
    expect((await status(id)).offset).toBe(512 * 1024);
    await setLimit(MB);
    const rest = await patch(url, 512 * 1024, bytes.subarray(512 * 1024));
    expect(rest.status).toBe(413);
    expect(await rest.json()).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', message: expect.stringContaining('1 MB') });
    expect(await status(id)).toMatchObject({ status: 'refused', failure: 'too_large', offset: 0, avRecordId: null });
    expect(tempFiles()).not.toContain(id);
    expect(await t.ctx.db.select().from(avRecords).where(eq(avRecords.objectKey, sha256(bytes)))).toHaveLength(0);
    const refusals = await refusalsOf(id);
    expect(refusals).toHaveLength(1);
    expect(refusals[0]).toMatchObject({ after: { failure: 'too_large' }, details: { reason: 'too_large', size: bytes.length, limit: MB, fileName: 'clip.mp4' } });
    expect((await patch(url, 512 * 1024, bytes.subarray(512 * 1024))).status).toBe(404);
    expect(await refusalsOf(id)).toHaveLength(1);
  });

  it('AV-2 bytes that are not media are refused with 415 after the PATCH that carries the head, before the rest is sent; nothing is stored', async () => {
    await setLimit(null);
    const objectsBefore = await t.ctx.db.select().from(avRecords);
    // Declared 10 MiB; the first PATCH carries 64 KiB of text.
    const created = await create(10 * MB, { filename: 'fake.mp4' });
    const url = new URL(created.headers.get('location')!, endpoint).href;
    const id = url.split('/').pop()!;
    const first = await patch(url, 0, text(64 * 1024));
    expect(first.status).toBe(415);
    expect(await first.json()).toMatchObject({ code: 'UNSUPPORTED_MEDIA_TYPE', message: expect.stringContaining('无法按内容识别') });
    expect(await status(id)).toMatchObject({ status: 'refused', failure: 'unsupported_type', offset: 0 });
    expect(tempFiles()).not.toContain(id);
    expect((await fetch(url, { method: 'HEAD', headers: { ...authHeaders({ token }), ...tus } })).status).toBe(404);
    expect((await patch(url, 64 * 1024, text(64 * 1024))).status).toBe(404);
    expect(await refusalsOf(id)).toEqual([expect.objectContaining({ actorUserId: team.handler.user.id, details: expect.objectContaining({ reason: 'unsupported_type', fileName: 'fake.mp4', size: 10 * MB }) })]);

    // A first PATCH shorter than the head is taken; the one that completes the head is refused.
    const second = await create(10 * MB);
    const url2 = new URL(second.headers.get('location')!, endpoint).href;
    expect((await patch(url2, 0, text(100))).status).toBe(204);
    expect((await patch(url2, 100, text(1000))).status).toBe(415);
    expect(await refusalsOf(url2.split('/').pop()!)).toHaveLength(1);

    // A real video is not disturbed by the early check.
    const video = sampleMp4(300_000, 'early-ok');
    const ok = await tusUpload(endpoint, video, { headers: authHeaders({ token }), chunkSize: 100_000 });
    expect(ok.status).toBe(204);
    expect(await t.ctx.db.select().from(avRecords)).toHaveLength(objectsBefore.length + 1);
  });

  it('AV-2 each refusal leaves exactly one audit event with its reason: hash mismatch, short non-media at completion, expiry', async () => {
    await setLimit(null);
    const wrongHash = await tusUpload(endpoint, sampleMp4(200_000, 'wrong'), { headers: authHeaders({ token }), metadata: { sha256: 'b'.repeat(64) } });
    expect(wrongHash.status).toBe(400);
    const wrongId = wrongHash.url!.split('/').pop()!;
    expect(await refusalsOf(wrongId)).toEqual([expect.objectContaining({ after: { failure: 'sha256_mismatch' }, details: expect.objectContaining({ reason: 'sha256_mismatch', declaredSha256: 'b'.repeat(64) }) })]);

    const short = await tusUpload(endpoint, text(120), { headers: authHeaders({ token }) });
    expect(short.status).toBe(415);
    expect(await refusalsOf(short.url!.split('/').pop()!)).toEqual([expect.objectContaining({ details: expect.objectContaining({ reason: 'unsupported_type' }) })]);

    const created = await create(500_000);
    const url = new URL(created.headers.get('location')!, endpoint).href;
    const id = url.split('/').pop()!;
    expect((await patch(url, 0, sampleMp4(100_000, 'expiring'))).status).toBe(204);
    const later = new Date(t.clock.now().getTime() + 73 * 3_600_000);
    expect(await expireUploads(t.ctx.db, uploadsDir(), later)).toBeGreaterThanOrEqual(1);
    expect(await expireUploads(t.ctx.db, uploadsDir(), later)).toBe(0);
    expect(tempFiles()).not.toContain(id);
    expect(await refusalsOf(id)).toEqual([expect.objectContaining({ actorUserId: null, actorName: 'upload-expiry', after: { failure: 'expired' }, details: expect.objectContaining({ reason: 'expired', size: 500_000 }) })]);
    expect(await status(id)).toMatchObject({ status: 'expired' });
  });
});
