import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agencyPolicyVersions, auditEvents, calendarNotices, documentAttachments, documents, documentSignatures } from '../../src/db/schema/index.js';
import { exampleSeizureList } from '../../src/rules/documents/examples.js';
import { makeEnforcementTeam } from '../support/factories.js';
import { client, signInAs, type Session } from '../support/http-client.js';
import { burst, expectOneWinner, N, RUNS } from '../support/races.js';
import { adminPassword, startTestApp, type TestApp } from '../support/test-app.js';
import { SEIZURE_FACTS } from '../support/custody-facts.js';

// Issue 10, continued from races.test.ts: documents, policy versions and calendar notices under
// 20 conflicting requests at once, five times over. PostgreSQL only (PGlite cannot race).
const onPostgres = process.env.LIUHEN_TEST_DB === 'postgres';

// A small valid PNG (40×16, one stroke): signatures are decoded in full before they are kept.
const PNG = 'iVBORw0KGgoAAAANSUhEUgAAACgAAAAQCAYAAABk1z2tAAAAPUlEQVR4Ac3BwRGAMAzAMMfX/VcOPLkugKXZF2ESJ3ESJ3ESJ3ESd7jMDH/aXb4Ol92lROIkTuIkTuIk7gElJgodw97dugAAAABJRU5ErkJggg==';

describe.skipIf(!onPostgres)('issue 10 races: documents, policy versions, calendar notices (DOC-3 … DOC-5, POL-1, CAL-1)', () => {
  let t: TestApp;
  let admin: Session;
  let team: Awaited<ReturnType<typeof makeEnforcementTeam>>;
  const h = () => client(t.app, team.handler.session);
  const docs = () => `/api/agencies/${team.agency.id}/documents`;
  const count = async (action: string, objectId: string) => (await t.ctx.db.select().from(auditEvents).where(and(eq(auditEvents.action, action), eq(auditEvents.objectId, objectId)))).length;

  /** A seizure list of an approved seizure, as a draft; issued when asked. */
  async function seizureList(issue: boolean) {
    const base = `/api/agencies/${team.agency.id}/matters`;
    const matterId = (await h().post(base, { category: 'coercive_measure', startRoute: 'emergency', title: '扣押涉案设备', officerIds: [team.handler.officer.id, team.secondOfficer.id] })).json().id;
    await h().post(`${base}/${matterId}/steps`, { step: 'emergency_start', occurredAt: t.clock.now().toISOString() });
    const stepId = (await h().post(`${base}/${matterId}/steps`, { step: 'seizure', occurredAt: t.clock.now().toISOString(), details: SEIZURE_FACTS })).json().id;
    for (const who of [team.reviewer, team.approver]) expect((await client(t.app, who.session).post(`${base}/${matterId}/steps/${stepId}/decision`, { decision: 'approve', opinion: '同意' })).statusCode).toBe(200);
    const doc = (await h().post(`${base}/${matterId}/documents`, { typeId: 'seizure_list', stepId, fields: exampleSeizureList(2) })).json();
    if (issue) expect((await h().post(`${docs()}/${doc.id}/issue`)).statusCode).toBe(200);
    return doc.id as string;
  }

  beforeAll(async () => {
    t = await startTestApp();
    admin = await signInAs(t.app, 'admin', adminPassword);
    team = await makeEnforcementTeam(t.app, admin);
  });
  afterAll(() => t.close());

  it('DOC-4 twenty concurrent issues of one draft: one 文号 and one event, the rest IMMUTABLE', async () => {
    for (let run = 0; run < RUNS; run++) {
      const id = await seizureList(false);
      expectOneWinner(await burst(() => h().post(`${docs()}/${id}/issue`)), ['IMMUTABLE']);
      expect(await count('document.issued', id)).toBe(1);
    }
  });

  it('DOC-4 twenty concurrent corrections of one issued version: one version 2, the rest CONFLICT', async () => {
    for (let run = 0; run < RUNS; run++) {
      const id = await seizureList(true);
      expectOneWinner(await burst((i) => h().post(`${docs()}/${id}/corrections`, { fields: exampleSeizureList(2), reason: `更正 ${i}` })), ['CONFLICT']);
      const [doc] = await t.ctx.db.select().from(documents).where(eq(documents.id, id));
      const versions = await t.ctx.db.select().from(documents).where(eq(documents.lineageId, doc!.lineageId));
      expect(versions.map((v) => v.version).sort()).toEqual([1, 2]);
    }
  });

  it('DOC-3 twenty concurrent signatures or refusals of one signer: one is recorded, the rest CONFLICT', async () => {
    for (let run = 0; run < RUNS; run++) {
      const id = await seizureList(true);
      const sign = (i: number) =>
        h().post(`${docs()}/${id}/signatures`, i % 2 ? { role: 'party', signerName: '赵某', method: 'drawn', imageDataUrl: `data:image/png;base64,${PNG}` } : { role: 'party', signerName: '赵某', method: 'refused', refusalReason: '对扣押有异议', witnessName: '孙某' });
      expectOneWinner(await burst(sign), ['CONFLICT']);
      expect(await t.ctx.db.select().from(documentSignatures).where(eq(documentSignatures.documentId, id))).toHaveLength(1);
      expect(await count('document.signed', id)).toBe(1);
    }
  });

  it('DOC-5 twenty concurrent uploads of the same scan: one attachment, the rest CONFLICT', async () => {
    for (let run = 0; run < RUNS; run++) {
      const id = await seizureList(true);
      const scan = Buffer.from(`%PDF-1.4\n% signed paper ${run}\n%%EOF\n`).toString('base64');
      expectOneWinner(await burst(() => h().post(`${docs()}/${id}/attachments`, { kind: 'signed_scan', fileName: '签字版.pdf', dataBase64: scan })), ['CONFLICT']);
      expect(await t.ctx.db.select().from(documentAttachments).where(eq(documentAttachments.documentId, id))).toHaveLength(1);
      expect(await count('document.attachment_added', id)).toBe(1);
    }
  });

  it('POL-1 twenty concurrent adjustments based on one version: one new version, the rest CONFLICT', async () => {
    const as = client(t.app, admin);
    const policy = `/api/agencies/${team.agency.id}/policy`;
    expect((await as.post(`${policy}/choose`, { profileId: 's3-fangcheng-market', basis: '采用' })).statusCode).toBe(201);
    for (let run = 0; run < RUNS; run++) {
      const baseVersion = (await as.get(policy)).json().current.version as number;
      expectOneWinner(await burst((i) => as.post(`${policy}/adjust`, { parameters: { archiving: { kind: 'workingDays', days: 30 + i } }, basis: `调整 ${run}-${i}`, baseVersion })), ['CONFLICT']);
      const versions = await t.ctx.db.select().from(agencyPolicyVersions).where(eq(agencyPolicyVersions.agencyId, team.agency.id));
      expect(versions.map((v) => v.version).sort((a, b) => a - b).at(-1)).toBe(baseVersion + 1);
      expect(await count('policy.adjusted', `${team.agency.id}:${baseVersion + 1}`)).toBe(1);
    }
  });

  it('POL-1 twenty concurrent adjustments without a base version become twenty versions, each based on the one before', async () => {
    const as = client(t.app, admin);
    const policy = `/api/agencies/${team.agency.id}/policy`;
    const first = (await as.get(policy)).json().current.version as number;
    const result = await burst((i) => as.post(`${policy}/adjust`, { parameters: { archiving: { kind: 'workingDays', days: 60 + i } }, basis: `并发调整 ${i}` }));
    expect(result.all.map((r) => r.statusCode)).toEqual(Array(N).fill(201));
    const events = await t.ctx.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'policy.adjusted'), eq(auditEvents.agencyId, team.agency.id)));
    const befores = events.map((e) => (e.before as { version: number }).version).filter((v) => v >= first).sort((a, b) => a - b);
    expect(befores).toEqual(Array.from({ length: N }, (_, i) => first + i));
  });

  it('CAL-1 twenty concurrent notices for one year replacing the same one: one is in force, the rest CONFLICT; a double submit is refused', async () => {
    const as = client(t.app, admin);
    for (let run = 0; run < RUNS; run++) {
      const year = 2040 + run;
      const notice = (i: number) => ({ year, holidays: [{ name: '国庆节', start: `${year}-10-01`, end: `${year}-10-0${1 + (i % 7)}` }], makeUpWorkdays: [] });
      expectOneWinner(await burst((i) => as.post('/api/calendar/notices', { notice: notice(i), basis: `国办发明电〔${year}〕${i}号`, replacesNoticeId: null })), ['CONFLICT']);
      const corrected = { year, holidays: [{ name: '国庆节', start: `${year}-10-01`, end: `${year}-10-08` }], makeUpWorkdays: [] };
      expectOneWinner(await burst(() => as.post('/api/calendar/notices', { notice: corrected, basis: '重复提交' })), ['CONFLICT']);
      expect(await t.ctx.db.select().from(calendarNotices).where(eq(calendarNotices.year, year))).toHaveLength(2);
      expect(await t.ctx.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'calendar.notice_entered'), eq(auditEvents.objectType, 'calendar_notice')))).toHaveLength(2 * (run + 1));
    }
  });
});
