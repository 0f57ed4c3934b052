import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerFactsSource, type MatterFactsWithOwners } from '../../src/domains/findings/facts-sources.js';
import type { MatterFacts } from '../../src/rules/findings/matter-facts.js';
import { makeAgency, makeUser } from '../support/factories.js';
import { client, signInAs, type Session } from '../support/http-client.js';
import { adminPassword, startTestApp, type TestApp } from '../support/test-app.js';

// Until the matters issue registers its own source, findings are tested on hand-written facts
// served by a facts source registered here; storage, sync, audit and HTTP are the real ones.
const factsByAgency = new Map<string, MatterFactsWithOwners[]>();
registerFactsSource({
  name: 'test-hand-written-facts',
  openMatterIds: async (_db, agencyId) => (factsByAgency.get(agencyId) ?? []).map((m) => m.facts.matterId),
  loadFacts: async (_db, agencyId, ids) => (factsByAgency.get(agencyId) ?? []).filter((m) => ids.includes(m.facts.matterId)),
});

type Item = { kind: string; requirement: string; state: string; summary: string; rule: { seed: string; article: string; text: string; profileVersion: number }; resolvedAt: string | null; dueAt: string | null };

describe('findings are stored, kept current and listed with their rule (SUP-2, AV-4, CASE-3)', () => {
  let t: TestApp;
  let admin: Session;
  let agencyId: string;
  // The clock moves by days here, past any session's idle timeout: the agency admin acts through an API token.
  let token: string;
  const as = () => client(t.app, { token });
  const findings = async (q = '') => (await as().get(`/api/agencies/${agencyId}/findings?${q}`)).json() as { items: Item[]; total: number; counts: unknown[] };
  const reevaluate = async () => {
    const res = await as().post(`/api/agencies/${agencyId}/findings/reevaluate`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };

  // Test clock: 2026-03-02 10:00 Shanghai (Monday).
  const recordedEnd = new Date('2026-03-02T01:00:00Z'); // 09:00 Shanghai
  const matter = (over: Partial<MatterFacts> = {}): MatterFacts => ({
    matterId: 'M-2026-001',
    category: 'coercive_measure',
    startRoute: 'ex_officio',
    activities: [],
    avRecords: [{ recordId: 'AV-1', recordedEnd, remoteWork: false, ingestedAt: null, lateReason: null }],
    ...over,
  });

  beforeAll(async () => {
    t = await startTestApp();
    admin = await signInAs(t.app, 'admin', adminPassword);
    agencyId = (await makeAgency(t.app, admin)).id;
    const agencyAdmin = await makeUser(t.app, agencyId, ['admin'], admin);
    // The admin's own token, made by them.
    token = (await client(t.app, await signInAs(t.app, agencyAdmin.username, agencyAdmin.password)).post(`/api/agencies/${agencyId}/api-tokens`, { name: 'findings-test' })).json().token;
    factsByAgency.set(agencyId, [{ facts: matter(), unitId: null, officerIds: [] }]);
  });
  afterAll(() => t.close());

  it('SUP-2 without a chosen profile nothing is evaluated, and the answer says why', async () => {
    const res = await reevaluate();
    expect(res.skipped).toContain('尚未选择');
    expect((await findings()).total).toBe(0);
  });

  it('AV-4 SUP-2 an AV record not stored within S1\'s 24 h becomes due soon, then late; the finding quotes S1 第三十一条', async () => {
    await as().post(`/api/agencies/${agencyId}/policy/choose`, { profileId: 's1-fushun-culture-market', basis: '采用' });
    expect((await reevaluate()).opened).toBe(0); // due 2026-03-03 09:00, more than 4 h away
    t.clock.advance(20 * 3_600_000 + 30 * 60_000); // 2026-03-03 06:30 Shanghai
    expect((await reevaluate()).opened).toBe(1);
    let list = await findings();
    expect(list.items[0]).toMatchObject({ kind: 'av_storage_deadline', requirement: 'AV-4', state: 'due_soon', rule: { seed: 'S1', article: '第三十一条', profileVersion: 1 } });
    expect(list.items[0]!.rule.text).toContain('24小时内');
    expect(list.items[0]!.dueAt).toBe('2026-03-03T01:00:00.000Z');
    t.clock.advance(3 * 3_600_000);
    expect((await reevaluate()).changed).toBe(1);
    list = await findings();
    expect(list.items).toHaveLength(1);
    expect(list.items[0]!.state).toBe('late');
    expect(list.items[0]!.summary).toMatch(/超期|逾期/);
  });

  it('SUP-2 when the fact is corrected the finding resolves and stays in the history; every step is audited', async () => {
    const ingestedAt = new Date(t.clock.now().getTime() - 60_000);
    factsByAgency.set(agencyId, [{ facts: matter({ avRecords: [{ recordId: 'AV-1', recordedEnd, remoteWork: false, ingestedAt, lateReason: '设备故障' }] }) }]);
    const res = await reevaluate();
    // Stored late is still late: the finding stays open but now shows the reason given.
    expect(res.resolved).toBe(0);
    const late = (await findings()).items[0]!;
    expect(JSON.stringify(late)).toContain('设备故障');
    factsByAgency.set(agencyId, []);
    await as().post(`/api/agencies/${agencyId}/findings/reevaluate`);
    expect((await findings()).total).toBe(0);
    const all = await findings('status=all');
    expect(all.total).toBe(1);
    expect(all.items[0]!.resolvedAt).not.toBeNull();
    const audit = (await as().get(`/api/audit-events?agencyId=${agencyId}&objectType=finding`)).json();
    expect(audit.items.map((e: { action: string }) => e.action).sort()).toEqual(['finding.changed', 'finding.changed', 'finding.opened', 'finding.resolved']);
  });

  it('CASE-3 SUP-2 a missing retro-approval 24 h after an emergency start is a late finding, filterable by requirement', async () => {
    const startedAt = new Date(t.clock.now().getTime() - 30 * 3_600_000);
    factsByAgency.set(agencyId, [{ facts: matter({ matterId: 'M-2026-002', avRecords: [], emergencyStart: { startedAt, retroReportedAt: null } }) }]);
    await reevaluate();
    const list = await findings('requirement=CASE-3');
    expect(list.items).toHaveLength(1);
    expect(list.items[0]).toMatchObject({ state: 'late', rule: { seed: 'S1', article: '第七条' } });
    expect((await findings('requirement=AV-4')).total).toBe(0);
  });
});
