import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../../src/db/schema/index.js';
import { exampleSeizureDecision } from '../../src/rules/documents/examples.js';
import { makeEnforcementTeam } from '../support/factories.js';
import { client, signInAs, type Session } from '../support/http-client.js';
import { adminPassword, startTestApp, type TestApp } from '../support/test-app.js';
import { SEIZURE_FACTS } from '../support/custody-facts.js';

type Team = Awaited<ReturnType<typeof makeEnforcementTeam>>;

// SRV-1, SRV-2: a decision is served; the record holds what its method needs (S1 第二十二–二十六条)
// and the service day starts the party's deadlines on the working-day calendar.
describe('送达 and the party deadlines (SRV-1, SRV-2)', () => {
  let t: TestApp;
  let admin: Session;
  let team: Team;
  let matterId: string;
  let partyId: string;
  let decisionId: string;
  const as = () => client(t.app, team.handler.session);
  const base = () => `/api/agencies/${team.agency.id}/matters/${matterId}`;
  const signInAgain = async () => {
    for (const role of ['handler', 'reviewer', 'approver'] as const) team[role].session = await signInAs(t.app, team[role].user.username, 'User-pass-2026');
  };

  beforeAll(async () => {
    t = await startTestApp();
    admin = await signInAs(t.app, 'admin', adminPassword);
    team = await makeEnforcementTeam(t.app, admin);
    const party = { kind: 'legal', name: '抚顺县某某网吧', idType: 'uscc', idNumber: '91210421MA0XXXXX1K', address: '抚顺县石文镇文化路8号' };
    const matter = (await as().post(`/api/agencies/${team.agency.id}/matters`, { category: 'coercive_measure', startRoute: 'emergency', title: '扣押涉案设备', parties: [party], officerIds: [team.handler.officer.id, team.secondOfficer.id] })).json();
    matterId = matter.id;
    const now = () => t.clock.now().toISOString();
    await as().post(`${base()}/steps`, { step: 'emergency_start', occurredAt: now() });
    const stepId = (await as().post(`${base()}/steps`, { step: 'seizure', occurredAt: now(), note: '现场扣押，提请审批', details: SEIZURE_FACTS })).json().id;
    for (const s of [team.reviewer, team.approver]) await client(t.app, s.session).post(`${base()}/steps/${stepId}/decision`, { decision: 'approve', opinion: '同意' });
    decisionId = (await as().post(`${base()}/documents`, { typeId: 'seizure_decision', stepId, fields: exampleSeizureDecision() })).json().id;
    const issued = await as().post(`/api/agencies/${team.agency.id}/documents/${decisionId}/issue`);
    expect(issued.statusCode, issued.body).toBe(200);
    partyId = (await as().get(`${base()}`)).json().parties[0].id;
    // To 2026-08-03 (Shanghai): the services below happen in the summer before 国庆.
    t.clock.advance(Date.parse('2026-08-03T02:00:00Z') - t.clock.now().getTime());
    await signInAgain();
  });
  afterAll(() => t?.close());

  const leftAtPremises = (details: Record<string, unknown>) => ({ documentId: decisionId, partyId, method: 'left_at_premises', servedAt: '2026-08-02T02:00:00Z', place: '抚顺县石文镇文化路8号', details });

  it('SRV-1 S1 第二十四条 留置送达 without a witness and without an AV record: 400 naming it, nothing stored', async () => {
    const res = await as().post(`${base()}/services`, leftAtPremises({ refusalReason: '当事人拒绝签收' }));
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(res.json().message).toContain('见证人');
    expect((await as().get(`${base()}/services`)).json()).toEqual([]);
  });

  it('SRV-1 SRV-2 a decision served by 留置 with a witness: recorded, audited, deadlines from that day (review over 国庆 rolls to 10-08)', async () => {
    const res = await as().post(`${base()}/services`, leftAtPremises({ refusalReason: '当事人拒绝签收', witnessName: '村委会主任 王某' }));
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ method: 'left_at_premises', methodLabel: '留置送达', servedDay: '2026-08-02', partyName: '抚顺县某某网吧', documentName: '扣押决定书' });
    const list = (await as().get(`${base()}/services`)).json();
    expect(list).toHaveLength(1);
    const deadlines = (await as().get(`${base()}/party-deadlines`)).json();
    // 行政复议法 第二十条: day 60 is 2026-10-01 (国庆), the last day moves to 10-08 (民法典 第二百零三条).
    expect(deadlines.map((d: { key: string; due: string; state: string; article: string }) => [d.key, d.due, d.state])).toEqual([
      ['administrativeReview', '2026-10-08', 'running'],
      ['administrativeLawsuit', '2027-02-02', 'running'],
    ]);
    // CASE-5: the service is also the lifecycle's 留置送达 step; the matter moves to 送达执行.
    const detail = (await as().get(base())).json();
    expect(detail.steps.filter((s: { step: string }) => s.step === 'service_left_at_premises')).toEqual([expect.objectContaining({ status: 'done', details: { serviceRecordId: res.json().id }, note: '留置送达《扣押决定书》' })]);
    expect(detail.matter.phase).toBe('service_execution');
    const [event] = await t.ctx.db.select().from(auditEvents).where(eq(auditEvents.action, 'service.recorded'));
    expect(event!.commitments).toEqual([{ kind: 'service_record', id: res.json().id, sha256: expect.stringMatching(/^[0-9a-f]{64}$/) }]);
  });

  it('SRV-1 the record cannot be changed: no route, and the table refuses an UPDATE', async () => {
    const id = (await as().get(`${base()}/services`)).json()[0].id;
    expect((await as().patch(`${base()}/services/${id}`, { method: 'direct' })).statusCode).toBe(404);
    await expect(t.ctx.db.execute(`update service_records set method = 'direct' where id = '${id}'`)).rejects.toThrow();
  });

  it('SRV-1 public notice: served day = publication day + waiting period; a second service starts nothing new', async () => {
    const res = await as().post(`${base()}/services`, {
      documentId: decisionId,
      partyId,
      method: 'public_notice',
      servedAt: '2026-08-01T02:00:00Z',
      details: { otherMethodsFailed: '直接送达、邮寄送达均无法送达', medium: '本机关门户网站、公告栏', noticeKept: true, publishedOn: '2026-08-01', waitingDays: 30 },
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().servedDay).toBe('2026-08-31');
    expect((await as().get(`${base()}/party-deadlines`)).json().map((d: { due: string }) => d.due)).toEqual(['2026-10-08', '2027-02-02']);
  });

  it('SRV-2 the state is by date only: after the due day the review limit has ended', async () => {
    t.clock.advance(Date.parse('2026-10-09T02:00:00Z') - t.clock.now().getTime());
    await signInAgain();
    const deadlines = (await as().get(`${base()}/party-deadlines`)).json();
    expect(deadlines.map((d: { state: string }) => d.state)).toEqual(['ended', 'running']);
    expect(JSON.stringify(deadlines)).not.toMatch(/paid|late/);
  });

  it('SRV-1 a draft, another matter\'s party, a time before issue are refused', async () => {
    const early = await as().post(`${base()}/services`, { ...leftAtPremises({ refusalReason: '拒收', witnessName: '王某' }), servedAt: '2026-01-01T02:00:00Z' });
    expect(early.json()).toMatchObject({ code: 'VALIDATION_FAILED', message: '送达时间不能早于文书定稿时间' });
    const stranger = await as().post(`${base()}/services`, { ...leftAtPremises({ refusalReason: '拒收', witnessName: '王某' }), partyId: decisionId });
    expect(stranger.json().code).toBe('VALIDATION_FAILED');
  });
});
