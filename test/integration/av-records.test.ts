import { createHash } from 'node:crypto';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fakeMp4, ingestBytes } from '../support/av-records.js';
import { makeEnforcementTeam } from '../support/factories.js';
import { client, signInAs, type Session } from '../support/http-client.js';
import { adminPassword, startTestApp, type TestApp } from '../support/test-app.js';
import { expectEveryRecordCommitted } from '../support/integrity-deployment.js';
import { SEIZURE_FACTS } from '../support/custody-facts.js';

type Team = Awaited<ReturnType<typeof makeEnforcementTeam>>;
const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

describe('AV records after ingest: organising, playback, bookmarks, interruptions, evidence copy (AV-1 … AV-10)', () => {
  let t: TestApp;
  let admin: Session;
  let team: Team;
  let matterId: string;
  let seizureStepId: string;
  const as = () => client(t.app, team.handler.session);
  const av = () => `/api/agencies/${team.agency.id}/av-records`;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await signInAs(t.app, 'admin', adminPassword);
    team = await makeEnforcementTeam(t.app, admin);
    await client(t.app, admin).post(`/api/agencies/${team.agency.id}/policy/choose`, { profileId: 's1-fushun-culture-market', basis: '采用' });
    const base = `/api/agencies/${team.agency.id}/matters`;
    matterId = (await as().post(base, { category: 'coercive_measure', startRoute: 'emergency', title: '扣押', officerIds: [team.handler.officer.id, team.secondOfficer.id] })).json().id;
    await as().post(`${base}/${matterId}/steps`, { step: 'emergency_start', occurredAt: t.clock.now().toISOString() });
    seizureStepId = (await as().post(`${base}/${matterId}/steps`, { step: 'seizure', occurredAt: t.clock.now().toISOString(), details: SEIZURE_FACTS })).json().id;
  });
  beforeEach(async () => {
    team.handler.session = await signInAs(t.app, team.handler.user.username, 'User-pass-2026');
  });
  afterAll(() => t.close());

  it('AV-6 playback answers range requests with exactly the requested bytes', async () => {
    const bytes = fakeMp4(100_000);
    const record = await ingestBytes(t, team.agency.id, bytes, { matterId });
    const full = await as().get(`${av()}/${record.id}/content`);
    expect(full.statusCode).toBe(200);
    expect(full.headers['accept-ranges']).toBe('bytes');
    expect(sha(full.rawPayload)).toBe(sha(bytes));
    const part = await t.app.inject({ method: 'GET', url: `${av()}/${record.id}/content`, headers: { cookie: team.handler.session.cookie, range: 'bytes=50000-50099' } });
    expect(part.statusCode).toBe(206);
    expect(part.headers['content-range']).toBe('bytes 50000-50099/100000');
    expect(Buffer.compare(part.rawPayload, bytes.subarray(50000, 50100))).toBe(0);
    const tail = await t.app.inject({ method: 'GET', url: `${av()}/${record.id}/content`, headers: { cookie: team.handler.session.cookie, range: 'bytes=-10' } });
    expect(Buffer.compare(tail.rawPayload, bytes.subarray(99_990))).toBe(0);
    const beyond = await t.app.inject({ method: 'GET', url: `${av()}/${record.id}/content`, headers: { cookie: team.handler.session.cookie, range: 'bytes=200000-' } });
    expect(beyond.statusCode).toBe(416);
  });

  it('AV-5 AV-1 organising names, classifies and describes a record, links it to its step, and never touches the original', async () => {
    const bytes = fakeMp4(5000, 2);
    const record = await ingestBytes(t, team.agency.id, bytes, { officerId: team.handler.officer.id }); // unassigned: seen by its officer (ACC-1)
    const partial = await as().patch(`${av()}/${record.id}`, { title: '扣押现场' });
    expect(partial.json().organisedAt).toBeNull();
    const res = await as().patch(`${av()}/${record.id}`, { classification: '现场执法', description: '石文镇文化路 8 号，扣押计算机主机', matterId, stepId: seizureStepId, keyPoints: ['执法人员出示证件'] });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ matterId, stepId: seizureStepId, objectKey: sha(bytes), organisedAt: expect.any(String) });
    const wrongStep = await as().patch(`${av()}/${record.id}`, { stepId: '00000000-0000-4000-8000-000000000000' });
    expect(wrongStep.json().code).toBe('VALIDATION_FAILED');
    const listed = (await as().get(`${av()}?matterId=${matterId}`)).json();
    expect(listed.map((r: { id: string }) => r.id)).toContain(record.id);
  });

  it('AV-6 CHK-2 bookmarks mark key points at seconds of a recording, in order', async () => {
    const record = await ingestBytes(t, team.agency.id, fakeMp4(3000, 3), { matterId });
    await as().post(`${av()}/${record.id}/bookmarks`, { atSecond: 192, keyPoint: '宣读扣押决定书', note: '03:12' });
    await as().post(`${av()}/${record.id}/bookmarks`, { atSecond: 15, keyPoint: '执法人员出示证件' });
    const bad = await as().post(`${av()}/${record.id}/bookmarks`, { atSecond: -1 });
    expect(bad.statusCode).toBe(400);
    const detail = (await as().get(`${av()}/${record.id}`)).json();
    expect(detail.bookmarks.map((b: { atSecond: number; keyPoint: string }) => [b.atSecond, b.keyPoint])).toEqual([[15, '执法人员出示证件'], [192, '宣读扣押决定书']]);
  });

  it('AV-8 an interruption needs its resumption statement or a written explanation; a device fault names whom it was reported to', async () => {
    const at = t.clock.now().toISOString();
    const nothing = await as().post(`/api/agencies/${team.agency.id}/av-interruptions`, { matterId, cause: 'battery', interruptedAt: at });
    expect(nothing.json().message).toContain('书面说明');
    const fault = await as().post(`/api/agencies/${team.agency.id}/av-interruptions`, { matterId, cause: 'device_fault', interruptedAt: at, writtenExplanation: '记录仪死机' });
    expect(fault.json().message).toContain('报告');
    const ok = await as().post(`/api/agencies/${team.agency.id}/av-interruptions`, { matterId, stepId: seizureStepId, cause: 'battery', interruptedAt: at, resumedAt: new Date(t.clock.now().getTime() + 120_000).toISOString(), resumeStatement: '因电量不足中断两分钟，现恢复录像' });
    expect(ok.statusCode, ok.body).toBe(201);
    const list = (await as().get(`/api/agencies/${team.agency.id}/matters/${matterId}/av-interruptions`)).json();
    expect(list.map((i: { cause: string }) => i.cause)).toEqual(['battery']);
  });

  it('AV-10 the evidence copy holds the original byte for byte, an explanatory note and a SHA-256 manifest that verifies', async () => {
    const bytes = fakeMp4(20_000, 4);
    const record = await ingestBytes(t, team.agency.id, bytes, { matterId, officerId: team.handler.officer.id, place: '石文镇文化路 8 号', startedAt: new Date('2026-03-02T01:00:00Z'), endedAt: new Date('2026-03-02T01:20:00Z') });
    const res = await as().get(`${av()}/${record.id}/evidence-copy`);
    expect(res.statusCode).toBe(200);
    const files = unzipSync(new Uint8Array(res.rawPayload));
    const original = Object.entries(files).find(([name]) => name.startsWith('original-'))!;
    expect(sha(original[1])).toBe(sha(bytes));
    const note = new TextDecoder().decode(files['说明.txt']);
    expect(note).toContain('石文镇文化路 8 号');
    expect(note).toContain('2026-03-02 09:00');
    for (const line of new TextDecoder().decode(files['manifest-sha256.txt']).trim().split('\n')) {
      const [hash, name] = line.split(/\s+/);
      expect(sha(files[name!]!)).toBe(hash);
    }
  });

  it('AV-4 SUP-2 a recording stored later than S1\'s 24 h is a late finding on the matter, showing the reason given', async () => {
    const endedAt = new Date(t.clock.now().getTime() - 30 * 3_600_000);
    await ingestBytes(t, team.agency.id, fakeMp4(4000, 5), { matterId, endedAt, lateReason: '异地执法，设备未带回' });
    const platform = client(t.app, await signInAs(t.app, 'admin', adminPassword));
    await platform.post(`/api/agencies/${team.agency.id}/findings/reevaluate`);
    const findings = (await platform.get(`/api/agencies/${team.agency.id}/findings?matterId=${matterId}&requirement=AV-4`)).json();
    expect(findings.items).toHaveLength(1);
    expect(findings.items[0].state).toBe('late');
    expect(JSON.stringify(findings.items[0])).toContain('异地执法，设备未带回');
  });

  it('AV-1 AV-3 AV-6 after ingest a job reads the media facts, makes a poster and a browser-playable copy as new objects; the original is untouched', async () => {
    const { execFileSync } = await import('node:child_process');
    const { readFileSync, mkdtempSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const { ffmpegPath } = await import('../../src/domains/av/media-tools.js');
    const { deriveJob } = await import('../../src/domains/av/derive-job.js');
    const { runOne } = await import('../../src/jobs/queue.js');
    const dir = mkdtempSync(join(tmpdir(), 'liuhen-media-'));
    // An MPEG-4 Part 2 video in AVI, as older body cameras write: browsers cannot play it.
    execFileSync(ffmpegPath()!, ['-loglevel', 'error', '-f', 'lavfi', '-i', 'testsrc=duration=3:size=320x240:rate=25', '-c:v', 'mpeg4', '-y', join(dir, 'cam.avi')]);
    const bytes = readFileSync(join(dir, 'cam.avi'));
    const record = await ingestBytes(t, team.agency.id, bytes, { matterId }, 'cam.avi');
    expect(record.mediaType).toBe('video/x-msvideo');
    const job = deriveJob(t.ctx.db, t.ctx.store, t.clock.now);
    while (await runOne(t.ctx.db, [job], t.clock.now));
    const detail = (await as().get(`${av()}/${record.id}`)).json();
    expect(detail.mediaFacts).toMatchObject({ videoCodec: 'mpeg4', width: 320, height: 240 });
    expect(detail.mediaFacts.durationSeconds).toBeCloseTo(3, 0);
    expect(detail.derivatives.map((d: { kind: string }) => d.kind).sort()).toEqual(['playable', 'poster']);
    expect(detail.objectKey).toBe(sha(bytes));
    const playable = detail.derivatives.find((d: { kind: string }) => d.kind === 'playable');
    const res = await as().get(`${av()}/${record.id}/derivatives/${playable.id}`);
    expect(res.headers['content-type']).toBe('video/mp4');
    expect(res.rawPayload.subarray(4, 8).toString('latin1')).toBe('ftyp');
    expect(sha((await as().get(`${av()}/${record.id}/content`)).rawPayload)).toBe(sha(bytes));
  }, 90_000);

  it('CASE-2 SUP-1 the matter timeline shows its AV records and interruptions among its steps', async () => {
    const timeline = (await as().get(`/api/agencies/${team.agency.id}/matters/${matterId}/timeline`)).json();
    const kinds = new Set(timeline.entries.map((e: { kind: string }) => e.kind));
    expect(kinds.has('av')).toBe(true);
    expect(kinds.has('interruption')).toBe(true);
    const ats = timeline.entries.map((e: { at: string }) => e.at);
    expect([...ats].sort()).toEqual(ats);
  });

  it('AV-3 INT-2 the original of a record cannot be changed, even by a query behind the API\'s back', async () => {
    const record = await ingestBytes(t, team.agency.id, fakeMp4(1000, 6), { matterId });
    const { sql } = await import('drizzle-orm');
    await expect(t.ctx.db.execute(sql`update av_records set object_key = ${'0'.repeat(64)} where id = ${record.id}`)).rejects.toThrow();
    await expect(t.ctx.db.execute(sql`delete from av_records where id = ${record.id}`)).rejects.toThrow();
  });

  it('INT-1 INT-2 every AV records record made or changed above matches its latest commitment (liuhen verify finds nothing)', async () => {
    await expectEveryRecordCommitted(t);
  });
});
