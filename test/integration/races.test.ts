import { and, eq, sql } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, matterSteps, stepApprovals } from '../../src/db/schema/index.js';
import { makeEnforcementTeam } from '../support/factories.js';
import { client, signInAs, type Session } from '../support/http-client.js';
import { adminPassword, startTestApp, type TestApp } from '../support/test-app.js';

// Issue 10: every state change is decided inside its transaction against locked rows. Each
// scenario sends 20 conflicting requests at once, five times over: exactly one wins, the others
// get 409 with a stable code, and the history holds one row and one audit event per success.
// PGlite serialises every transaction on its single connection, so only PostgreSQL can race.
const onPostgres = process.env.LIUHEN_TEST_DB === 'postgres';
const N = 20;
const RUNS = 5;

type Team = Awaited<ReturnType<typeof makeEnforcementTeam>>;

/** Sends `N` requests at once; returns the winners and the losers. */
export async function burst(send: (i: number) => Promise<LightMyRequestResponse>) {
  const all = await Promise.all(Array.from({ length: N }, (_, i) => send(i)));
  const won = all.filter((r) => r.statusCode < 300);
  const lost = all.filter((r) => r.statusCode >= 300);
  return { all, won, lost };
}

/** Exactly one success; every other answer a 409 with the expected code and a Chinese message. */
export function expectOneWinner(result: Awaited<ReturnType<typeof burst>>, codes: string[]) {
  const summary = result.all.map((r) => `${r.statusCode} ${r.statusCode >= 300 ? r.json().code : ''}`).sort();
  expect(result.won.length, summary.join(', ')).toBe(1);
  for (const r of result.lost) {
    expect(r.statusCode, r.body).toBe(409);
    expect(codes, r.body).toContain(r.json().code);
    expect(r.json().message).toMatch(/[\u4e00-\u9fff]/);
  }
}

describe.skipIf(!onPostgres)('issue 10 races: matter steps and approvals (CASE-2, CASE-4)', () => {
  let t: TestApp;
  let admin: Session;
  let team: Team;
  const as = (s: Session) => client(t.app, s);
  const base = () => `/api/agencies/${team.agency.id}/matters`;

  async function openMatter() {
    const res = await as(team.handler.session).post(base(), { category: 'penalty_general', startRoute: 'ex_officio', title: '并发测试', unitId: team.unit.id, officerIds: [team.handler.officer.id, team.secondOfficer.id], parties: [{ kind: 'legal', name: '某商贸有限公司', idType: 'uscc', idNumber: '91411322MA0000000X' }] });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id as string;
  }
  const recordFiling = (matterId: string) => as(team.handler.session).post(`${base()}/${matterId}/steps`, { step: 'filing', occurredAt: t.clock.now().toISOString(), note: '立案' });
  const decide = (s: Session, matterId: string, stepId: string, decision: 'approve' | 'return') => as(s).post(`${base()}/${matterId}/steps/${stepId}/decision`, { decision, opinion: decision === 'approve' ? '同意' : '退回补充' });
  const events = async (objectId: string, action: string) => (await t.ctx.db.select().from(auditEvents).where(and(eq(auditEvents.objectId, objectId), eq(auditEvents.action, action)))).length;
  const approvalsOf = (stepId: string) => t.ctx.db.select().from(stepApprovals).where(eq(stepApprovals.stepId, stepId));

  beforeAll(async () => {
    t = await startTestApp();
    admin = await signInAs(t.app, 'admin', adminPassword);
    team = await makeEnforcementTeam(t.app, admin);
  });
  afterAll(() => t.close());

  it('CASE-2 twenty concurrent "filing" requests record one filing; the rest are OUT_OF_ORDER', async () => {
    for (let run = 0; run < RUNS; run++) {
      const matterId = await openMatter();
      const result = await burst(() => recordFiling(matterId));
      expectOneWinner(result, ['OUT_OF_ORDER']);
      const rows = await t.ctx.db.select().from(matterSteps).where(eq(matterSteps.matterId, matterId));
      expect(rows.map((r) => r.step)).toEqual(['filing']);
      expect(await approvalsOf(rows[0]!.id)).toHaveLength(1);
      const recorded = await t.ctx.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'matter.step_recorded'), sql`${auditEvents.after}->>'matterId' = ${matterId}`));
      expect(recorded).toHaveLength(1);
    }
  });

  it('CASE-4 concurrent approve and return of one step: one decision, the rest CONFLICT', async () => {
    for (let run = 0; run < RUNS; run++) {
      const matterId = await openMatter();
      const stepId = (await recordFiling(matterId)).json().id as string;
      const result = await burst((i) => decide(team.reviewer.session, matterId, stepId, i % 2 ? 'approve' : 'return'));
      expectOneWinner(result, ['CONFLICT']);
      const decisions = (await approvalsOf(stepId)).filter((a) => a.stage === 'review');
      expect(decisions).toHaveLength(1);
      const [step] = await t.ctx.db.select().from(matterSteps).where(eq(matterSteps.id, stepId));
      expect(step!.status).toBe(decisions[0]!.decision === 'returned' ? 'returned' : 'pending');
      const audited = await Promise.all(['matter.step_reviewed', 'matter.step_returned'].map((a) => events(stepId, a)));
      expect(audited[0]! + audited[1]!).toBe(1);
    }
  });

  it('CASE-4 twenty concurrent approvals at the approve stage record one; resubmitting a returned step happens once', async () => {
    for (let run = 0; run < RUNS; run++) {
      const matterId = await openMatter();
      const stepId = (await recordFiling(matterId)).json().id as string;
      expect((await decide(team.reviewer.session, matterId, stepId, 'approve')).statusCode).toBe(200);
      expectOneWinner(await burst(() => decide(team.approver.session, matterId, stepId, 'approve')), ['CONFLICT']);
      expect((await approvalsOf(stepId)).filter((a) => a.stage === 'approve')).toHaveLength(1);
      expect(await events(stepId, 'matter.step_approved')).toBe(1);

      const other = await openMatter();
      const returned = (await recordFiling(other)).json().id as string;
      expect((await decide(team.reviewer.session, other, returned, 'return')).statusCode).toBe(200);
      expectOneWinner(await burst(() => as(team.handler.session).post(`${base()}/${other}/steps/${returned}/resubmit`, { opinion: '已补充' })), ['CONFLICT']);
      expect((await approvalsOf(returned)).filter((a) => a.decision === 'submitted')).toHaveLength(2);
      expect(await events(returned, 'matter.step_submitted')).toBe(1);
    }
  });
});
