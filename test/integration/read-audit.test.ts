import { randomUUID } from 'node:crypto';
import { and, eq, gt } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../../src/db/schema/index.js';
import { fakeMp4, ingestBytes } from '../support/av-records.js';
import { makeAgency, makeEnforcementTeam, makeUser } from '../support/factories.js';
import { client, signInAs, type Session } from '../support/http-client.js';
import { adminPassword, startTestApp, type TestApp } from '../support/test-app.js';
import { SEIZURE_FACTS } from '../support/custody-facts.js';

// INT-1: every view, playback, print, download and export is an audit event (and so a leaf of
// the log); a refused or missing read is none; a playback is one event per viewing.
describe('INT-1 ACC-4 reads are audit events', () => {
  let t: TestApp;
  let setup: { team: Awaited<ReturnType<typeof makeEnforcementTeam>>; matter: { id: string } };
  let base: string;
  let handler: Session;
  let handlerId: string;
  let documentId: string;
  let lastSeq = 0;

  /** The events written since the previous call. */
  async function newEvents() {
    const rows = await t.ctx.db.select().from(auditEvents).where(gt(auditEvents.seq, lastSeq)).orderBy(auditEvents.seq);
    if (rows.length) lastSeq = Number(rows.at(-1)!.seq);
    return rows;
  }
  const summary = (rows: Awaited<ReturnType<typeof newEvents>>) => rows.map((e) => ({ action: e.action, objectType: e.objectType, objectId: e.objectId, actorUserId: e.actorUserId, agencyId: e.agencyId }));

  beforeAll(async () => {
    t = await startTestApp();
    const team = await makeEnforcementTeam(t.app, await signInAs(t.app, 'admin', adminPassword));
    base = `/api/agencies/${team.agency.id}`;
    handler = team.handler.session;
    handlerId = team.handler.user.id;
    const as = client(t.app, handler);
    const now = () => t.clock.now().toISOString();
    const matter = (await as.post(`${base}/matters`, { category: 'coercive_measure', startRoute: 'emergency', title: '扣押涉案设备', officerIds: [team.handler.officer.id, team.secondOfficer.id] })).json() as { id: string };
    await as.post(`${base}/matters/${matter.id}/steps`, { step: 'emergency_start', occurredAt: now() });
    const seizure = (await as.post(`${base}/matters/${matter.id}/steps`, { step: 'seizure', occurredAt: now(), details: SEIZURE_FACTS })).json() as { id: string };
    documentId = (await as.post(`${base}/matters/${matter.id}/documents`, { typeId: 'seizure_decision', stepId: seizure.id, fields: { reason: '初稿' } })).json().id;
    setup = { team, matter };
    await newEvents();
  });
  afterAll(() => t.close());

  const oneRead = (action: string, objectType: string, objectId: string) => [{ action, objectType, objectId, actorUserId: handlerId, agencyId: setup.team.agency.id }];

  it('INT-1 opening a matter and its timeline: one event each, naming the matter, the user, the ip and user agent', async () => {
    const res = await t.app.inject({ method: 'GET', url: `${base}/matters/${setup.matter.id}`, headers: { cookie: handler.cookie, 'user-agent': 'read-audit-test' } });
    expect(res.statusCode).toBe(200);
    const [viewed, ...more] = await newEvents();
    expect(more).toEqual([]);
    expect(summary([viewed!])).toEqual(oneRead('matter.viewed', 'matter', setup.matter.id));
    expect(viewed).toMatchObject({ ip: '127.0.0.1', userAgent: 'read-audit-test', contentHash: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect((await client(t.app, handler).get(`${base}/matters/${setup.matter.id}/timeline`)).statusCode).toBe(200);
    expect(summary(await newEvents())).toEqual(oneRead('matter.timeline_viewed', 'matter', setup.matter.id));
  });

  it('INT-1 a document: view, print, PDF and DOCX download are one event each', async () => {
    const as = client(t.app, handler);
    expect((await as.get(`${base}/documents/${documentId}`)).statusCode).toBe(200);
    expect(summary(await newEvents())).toEqual(oneRead('document.viewed', 'document', documentId));
    expect((await as.get(`${base}/documents/${documentId}/print`)).statusCode).toBe(200);
    expect(summary(await newEvents())).toEqual(oneRead('document.printed', 'document', documentId));
    for (const format of ['pdf', 'docx']) {
      expect((await as.get(`${base}/documents/${documentId}/${format}`)).statusCode).toBe(200);
      const events = await newEvents();
      expect(summary(events)).toEqual(oneRead('document.downloaded', 'document', documentId));
      expect(events[0]!.details).toEqual({ format });
    }
  });

  it('INT-1 legal-review materials and the checklist export are one event each', async () => {
    const as = client(t.app, handler);
    expect((await as.get(`${base}/matters/${setup.matter.id}/legal-review`)).statusCode).toBe(200);
    expect(summary(await newEvents())).toEqual(oneRead('legal_review.viewed', 'matter', setup.matter.id));
    // No profile chosen yet: nothing is exported, nothing recorded.
    expect((await as.get(`${base}/policy/checklist.csv`)).statusCode).toBe(409);
    expect(await newEvents()).toEqual([]);
    await client(t.app, await signInAs(t.app, 'admin', adminPassword)).post(`${base}/policy/choose`, { profileId: 's1-fushun-culture-market', basis: '采用' });
    await newEvents();
    expect((await as.get(`${base}/policy/checklist.csv`)).statusCode).toBe(200);
    const events = await newEvents();
    expect(summary(events)).toEqual(oneRead('export.downloaded', 'agency_policy', setup.team.agency.id));
    expect(events[0]!.details).toEqual({ export: 'policy_checklist.csv' });
  });

  it('INT-1 a playback of 20 Range requests under one viewing is one av.played; the record view is av.viewed', async () => {
    const bytes = fakeMp4(200_000, 7);
    const record = await ingestBytes(t, setup.team.agency.id, bytes, { matterId: setup.matter.id });
    await newEvents();
    const as = client(t.app, handler);
    expect((await as.get(`${base}/av-records/${record.id}`)).statusCode).toBe(200);
    expect(summary(await newEvents())).toEqual(oneRead('av.viewed', 'av_record', record.id));

    const viewing = await as.post(`${base}/av-records/${record.id}/viewings`, {});
    expect(viewing.statusCode, viewing.body).toBe(201);
    const events = await newEvents();
    expect(summary(events)).toEqual(oneRead('av.played', 'av_record', record.id));
    expect(events[0]!.details).toEqual({ viewingId: viewing.json().id });
    for (let i = 0; i < 20; i++) {
      const start = i * 10_000;
      const res = await t.app.inject({ method: 'GET', url: `${base}/av-records/${record.id}/content?viewing=${viewing.json().id}`, headers: { cookie: handler.cookie, range: `bytes=${start}-${start + 9999}` } });
      expect(res.statusCode).toBe(206);
      expect(Buffer.compare(res.rawPayload, bytes.subarray(start, start + 10_000))).toBe(0);
    }
    expect(await newEvents()).toEqual([]);
  });

  it('INT-1 without a viewing (an API client): a Range from 0 is a playback, a later Range continues it, the whole original is a download', async () => {
    const record = await ingestBytes(t, setup.team.agency.id, fakeMp4(50_000, 8), { matterId: setup.matter.id });
    await newEvents();
    const get = (range?: string, query = '') => t.app.inject({ method: 'GET', url: `${base}/av-records/${record.id}/content${query}`, headers: { cookie: handler.cookie, ...(range ? { range } : {}) } });
    expect((await get('bytes=0-999')).statusCode).toBe(206);
    expect(summary(await newEvents())).toEqual(oneRead('av.played', 'av_record', record.id));
    for (const range of ['bytes=1000-1999', 'bytes=40000-', 'bytes=900000-']) await get(range);
    expect(await newEvents()).toEqual([]);
    expect((await get()).statusCode).toBe(200);
    expect(summary(await newEvents())).toEqual(oneRead('av.downloaded', 'av_record', record.id));
    // A viewing of another user does not cover this one's request.
    const approver = client(t.app, setup.team.approver.session);
    const theirs = (await approver.post(`${base}/av-records/${record.id}/viewings`, {})).json().id as string;
    await newEvents();
    await get('bytes=0-99', `?viewing=${theirs}`);
    expect(summary(await newEvents())).toEqual(oneRead('av.played', 'av_record', record.id));
  });

  it('INT-1 a viewing opened on one request holds for the later ones (stored in the database) and expires', async () => {
    const record = await ingestBytes(t, setup.team.agency.id, fakeMp4(20_000, 9), { matterId: setup.matter.id });
    const as = client(t.app, handler);
    const id = (await as.post(`${base}/av-records/${record.id}/viewings`, {})).json().id as string;
    await newEvents();
    const get = () => t.app.inject({ method: 'GET', url: `${base}/av-records/${record.id}/content?viewing=${id}`, headers: { cookie: handler.cookie, range: 'bytes=0-99' } });
    await get();
    expect(await newEvents()).toEqual([]);
    t.clock.advance(9 * 3600_000);
    handler = await signInAs(t.app, setup.team.handler.user.username, 'User-pass-2026');
    await newEvents();
    await get();
    expect(summary(await newEvents())).toEqual(oneRead('av.played', 'av_record', record.id));
  });

  it('INT-1 a refused read (no scope, other agency) and a 404 write nothing', async () => {
    const admin = await signInAs(t.app, 'admin', adminPassword);
    const outsider = await makeUser(t.app, setup.team.agency.id, ['handler'], admin); // no officer record: sees no matter (ACC-1)
    const other = await makeAgency(t.app, admin);
    const otherAdmin = await makeUser(t.app, other.id, ['admin'], admin);
    const callers = [await signInAs(t.app, outsider.username, outsider.password), await signInAs(t.app, otherAdmin.username, otherAdmin.password)];
    await newEvents();
    for (const who of callers) {
      for (const url of [`/matters/${setup.matter.id}`, `/matters/${setup.matter.id}/timeline`, `/documents/${documentId}`, `/documents/${documentId}/pdf`, `/documents/${documentId}/print`, `/matters/${setup.matter.id}/legal-review`]) {
        const res = await client(t.app, who).get(`${base}${url}`);
        expect([403, 404], url).toContain(res.statusCode);
      }
    }
    for (const url of [`/matters/${randomUUID()}`, `/documents/${randomUUID()}`, `/av-records/${randomUUID()}`, `/av-records/${randomUUID()}/content`, `/legal-reviews/${randomUUID()}`]) {
      expect((await client(t.app, handler).get(`${base}${url}`)).statusCode, url).toBe(404);
    }
    expect((await client(t.app, handler).post(`${base}/av-records/${randomUUID()}/viewings`, {})).statusCode).toBe(404);
    expect(summary((await newEvents()).filter((e) => e.action !== 'auth.sign_in'))).toEqual([]);
  });

  it('INT-1 read events are listed in GET /api/audit-events for the agency admin, with Chinese labels; a search is logged once, not per page', async () => {
    const admin = await signInAs(t.app, 'admin', adminPassword);
    const agencyAdmin = await makeUser(t.app, setup.team.agency.id, ['admin'], admin);
    const as = client(t.app, await signInAs(t.app, agencyAdmin.username, agencyAdmin.password));
    await client(t.app, handler).get(`${base}/matters/${setup.matter.id}`);
    await newEvents();
    const res = await as.get(`/api/audit-events?agencyId=${setup.team.agency.id}&action=matter.viewed&objectId=${setup.matter.id}`);
    expect(res.statusCode).toBe(200);
    expect(res.json().items[0]).toMatchObject({ action: 'matter.viewed', actorUserId: handlerId, objectId: setup.matter.id });
    const logged = await newEvents();
    expect(summary(logged)).toEqual([{ action: 'audit.viewed', objectType: 'audit_log', objectId: setup.team.agency.id, actorUserId: agencyAdmin.id, agencyId: setup.team.agency.id }]);
    expect(logged[0]!.details).toEqual({ action: 'matter.viewed', objectId: setup.matter.id });
    await as.get(`/api/audit-events?agencyId=${setup.team.agency.id}&action=matter.viewed&page=2`);
    expect(await newEvents()).toEqual([]);
    // The screen's 类别 filter: reads only, or the acts without their readers.
    const reads = (await as.get(`/api/audit-events?agencyId=${setup.team.agency.id}&reads=only&pageSize=200`)).json().items as Array<{ action: string }>;
    const acts = (await as.get(`/api/audit-events?agencyId=${setup.team.agency.id}&reads=exclude&pageSize=200`)).json().items as Array<{ action: string }>;
    expect(new Set(reads.map((e) => e.action))).toEqual(new Set(['matter.viewed', 'matter.timeline_viewed', 'document.viewed', 'document.printed', 'document.downloaded', 'legal_review.viewed', 'export.downloaded', 'av.viewed', 'av.played', 'av.downloaded', 'audit.viewed']));
    expect(acts.map((e) => e.action)).toEqual(expect.arrayContaining(['matter.created', 'document.created', 'av.ingested']));
    expect(acts.filter((e) => reads.some((r) => r.action === e.action))).toEqual([]);
    await newEvents();
    const labels = (await as.get('/api/audit-actions')).json();
    expect(labels).toMatchObject({ 'matter.viewed': '查看执法事项', 'av.played': '播放音像记录', 'document.printed': expect.stringContaining('打印'), 'export.downloaded': expect.stringContaining('导出') });
    // The handler is no auditor: the trail of reads is not theirs to see.
    expect((await client(t.app, handler).get(`/api/audit-events?agencyId=${setup.team.agency.id}`)).statusCode).toBe(403);
    expect(await t.ctx.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'audit.viewed'), eq(auditEvents.actorUserId, handlerId)))).toEqual([]);
  });
});
