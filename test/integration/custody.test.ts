import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeEnforcementTeam } from '../support/factories.js';
import { releaseFacts, SEIZURE_FACTS } from '../support/custody-facts.js';
import { client, signInAs } from '../support/http-client.js';
import { adminPassword, startTestApp, type TestApp } from '../support/test-app.js';

type Team = Awaited<ReturnType<typeof makeEnforcementTeam>>;
type Deadline = { ruleKey: string; due: string; state: string; doneOn: string | null; subject: string | null; blocksClosing: boolean; basis: string };

// CASE-7, CASE-10 through HTTP: a seizure with its list, extended once (a second extension
// refused, 行政强制法 第二十五条), released with the goods signed for (第二十八条); a 先行登记保存
// decided late shows as overdue, then met late (行政处罚法 第五十六条). The clock starts 2026-03-02.
describe('custody: seizure, extension, release and preservation (CASE-7, CASE-10)', () => {
  let t: TestApp;
  let team: Team;
  const as = () => client(t.app, team.handler.session);
  const matters = () => `/api/agencies/${team.agency.id}/matters`;
  const now = () => t.clock.now().toISOString();
  const toDay = async (iso: string) => {
    t.clock.advance(Date.parse(iso) - t.clock.now().getTime());
    for (const role of ['handler', 'reviewer', 'approver'] as const) team[role].session = await signInAs(t.app, team[role].user.username, 'User-pass-2026');
  };
  const approve = async (matterId: string, stepId: string) => {
    for (const s of [team.reviewer, team.approver]) {
      const res = await client(t.app, s.session).post(`${matters()}/${matterId}/steps/${stepId}/decision`, { decision: 'approve', opinion: '同意' });
      expect(res.statusCode, res.body).toBe(200);
    }
  };
  const open = async (category: string) => {
    const matter = (await as().post(matters(), { category, startRoute: 'emergency', title: '销售无证出版物', officerIds: [team.handler.officer.id, team.secondOfficer.id] })).json();
    expect((await as().post(`${matters()}/${matter.id}/steps`, { step: 'emergency_start', occurredAt: now() })).statusCode).toBe(201);
    return matter.id as string;
  };
  const deadlines = async (matterId: string, ruleKey: string) => ((await as().get(`${matters()}/${matterId}/deadlines`)).json() as Deadline[]).filter((d) => d.ruleKey === ruleKey);

  beforeAll(async () => {
    t = await startTestApp();
    const admin = await signInAs(t.app, 'admin', adminPassword);
    team = await makeEnforcementTeam(t.app, admin);
  });
  afterAll(() => t?.close());

  describe('a seizure', () => {
    let matterId: string;
    let seizureId: string;
    const step = (body: Record<string, unknown>) => as().post(`${matters()}/${matterId}/steps`, { occurredAt: now(), ...body });

    beforeAll(async () => {
      await toDay('2026-03-02T02:00:00Z');
      matterId = await open('coercive_measure');
    });

    it('CASE-10 行政强制法 第二十五条: a term over 30 days is refused, nothing stored', async () => {
      const res = await step({ step: 'seizure', details: { ...SEIZURE_FACTS, term_days: 31 } });
      expect(res.statusCode).toBe(409);
      expect(res.json()).toMatchObject({ code: 'OUT_OF_ORDER' });
      expect(res.json().message).toContain('第二十五条');
      expect((await as().get(`${matters()}/${matterId}`)).json().steps.map((s: { step: string }) => s.step)).toEqual(['emergency_start']);
    });

    it('CASE-10 行政强制法 第二十四、二十五条: the approved seizure with its list runs until 2026-04-01 and keeps the matter open', async () => {
      const res = await step({ step: 'seizure', details: SEIZURE_FACTS });
      expect(res.statusCode, res.body).toBe(201);
      seizureId = res.json().id;
      expect(await deadlines(matterId, 'seizureTerm')).toEqual([]);
      await approve(matterId, seizureId);
      expect(await deadlines(matterId, 'seizureTerm')).toEqual([expect.objectContaining({ due: '2026-04-01', state: 'running', blocksClosing: true, subject: '扣押 2026-03-02：无证出版物 120册 等 2 项', basis: '《中华人民共和国行政强制法》第二十五条' })]);
    });

    it('CASE-10 the extension form lists the matter\'s seizures by name, not by id', async () => {
      const next = (await as().get(`${matters()}/${matterId}`)).json().nextSteps.find((s: { step: string }) => s.step === 'seizure_extension');
      const which = next.fields.find((f: { key: string }) => f.key === 'seizure_step');
      expect(which.options).toEqual([{ value: seizureId, label: '扣押 2026-03-02：无证出版物 120册 等 2 项' }]);
    });

    it('CASE-10 行政强制法 第二十五条: extended once by 30 days before the term ends, the party told in writing → due 2026-05-01', async () => {
      await toDay('2026-03-30T02:00:00Z');
      const res = await step({ step: 'seizure_extension', details: { seizure_step: seizureId, extension_days: 30, extension_reason: '需送检验，情况复杂', party_notified_on: '2026-03-30' } });
      expect(res.statusCode, res.body).toBe(201);
      await approve(matterId, res.json().id);
      expect((await deadlines(matterId, 'seizureTerm'))[0]).toMatchObject({ due: '2026-05-01', state: 'running' });
    });

    it('CASE-10 行政强制法 第二十五条: a second extension of the same seizure is refused, citing the article', async () => {
      const res = await step({ step: 'seizure_extension', details: { seizure_step: seizureId, extension_days: 5, extension_reason: '再次延长', party_notified_on: '2026-03-30' } });
      expect(res.statusCode).toBe(409);
      expect(res.json()).toMatchObject({ code: 'OUT_OF_ORDER', message: '查封、扣押期限只能延长一次（《行政强制法》第二十五条）' });
    });

    it('CASE-10 行政强制法 第二十八条: a release of goods that were not seized is refused', async () => {
      const res = await step({ step: 'seizure_release', details: { ...releaseFacts(seizureId, now()), returned_items: [{ name: '电脑', quantity: 1, unit: '台' }] } });
      expect(res.statusCode).toBe(409);
      expect(res.json().message).toContain('“电脑”不在该查封、扣押的清单中');
    });

    it('CASE-10 行政强制法 第二十八条: released with the goods signed for; the seizure\'s limit is met', async () => {
      await toDay('2026-04-10T02:00:00Z');
      const res = await step({ step: 'seizure_release', details: releaseFacts(seizureId, now()) });
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json().details).toMatchObject({ signed_by: '张三', returned_items: [{ name: '无证出版物', quantity: 120 }, { name: '打印机', quantity: 1 }] });
      await approve(matterId, res.json().id);
      expect((await deadlines(matterId, 'seizureTerm'))[0]).toMatchObject({ state: 'met', doneOn: '2026-04-10' });
    });

    it('CASE-10 行政强制法 第二十五条: a sealing for 5 days cannot be extended after its term ended, and shows overdue', async () => {
      const sealed = await step({ step: 'sealing', details: { ...SEIZURE_FACTS, term_days: 5 } });
      expect(sealed.statusCode, sealed.body).toBe(201);
      await approve(matterId, sealed.json().id);
      await toDay('2026-04-16T02:00:00Z');
      const res = await step({ step: 'seizure_extension', details: { seizure_step: sealed.json().id, extension_days: 10, extension_reason: '情况复杂', party_notified_on: '2026-04-15' } });
      expect(res.statusCode).toBe(409);
      expect(res.json().message).toContain('延长决定须在原期限届满（2026-04-15）前作出（《行政强制法》第二十五条）');
      const sealing = (await deadlines(matterId, 'seizureTerm')).find((d) => d.subject?.startsWith('查封'));
      expect(sealing).toMatchObject({ due: '2026-04-15', state: 'overdue', doneOn: null });
    });
  });

  describe('a 先行登记保存', () => {
    it('CASE-7 行政处罚法 第五十六条: needs the head\'s approval; undecided after 7 working days it is overdue; decided late it is met late', async () => {
      await toDay('2026-03-02T02:00:00Z');
      const matterId = await open('penalty_general');
      const preserved = await as().post(`${matters()}/${matterId}/steps`, { step: 'evidence_preservation', occurredAt: now(), details: { preservation_reason: '涉案物品可能被转移', preservation_form: '先行登记保存', preserved_items: [{ name: '无证出版物', quantity: 120, unit: '册' }], storage_place: '局物证室' } });
      expect(preserved.statusCode, preserved.body).toBe(201);
      expect(preserved.json().status).toBe('pending');
      expect(await deadlines(matterId, 'evidencePreservationDecision')).toEqual([]);
      await approve(matterId, preserved.json().id);
      expect(await deadlines(matterId, 'evidencePreservationDecision')).toEqual([expect.objectContaining({ due: '2026-03-11', state: 'running', blocksClosing: true, basis: '《中华人民共和国行政处罚法》第五十六条' })]);

      await toDay('2026-03-12T02:00:00Z');
      expect((await deadlines(matterId, 'evidencePreservationDecision'))[0]).toMatchObject({ state: 'overdue', doneOn: null });
      const decided = await as().post(`${matters()}/${matterId}/steps`, { step: 'preservation_decision', occurredAt: now(), details: { preservation_step: preserved.json().id, handling: '依法没收', handled_items: [{ name: '无证出版物', quantity: 120, unit: '册', handling: '依法没收' }] } });
      expect(decided.statusCode, decided.body).toBe(201);
      expect((await deadlines(matterId, 'evidencePreservationDecision'))[0]).toMatchObject({ state: 'met_late', doneOn: '2026-03-12' });
    });
  });
});
