import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerFactsSource, type MatterFactsWithOwners } from '../../src/domains/findings/facts-sources.js';
import { makeAgency, makeOfficer, makeUnit, makeUser, userPassword } from '../support/factories.js';
import { client, signInAs, type Session } from '../support/http-client.js';
import { adminPassword, startTestApp, type TestApp } from '../support/test-app.js';

// Hand-written facts, as in findings.test.ts: two matters of two units, each with an AV record
// stored too late, so each gets an AV-4 finding that names its unit and officers.
const factsByAgency = new Map<string, MatterFactsWithOwners[]>();
registerFactsSource({
  name: 'test-scope-facts',
  openMatterIds: async (_db, agencyId) => (factsByAgency.get(agencyId) ?? []).map((m) => m.facts.matterId),
  loadFacts: async (_db, agencyId, ids) => (factsByAgency.get(agencyId) ?? []).filter((m) => ids.includes(m.facts.matterId)),
});

describe('ACC-1 findings are seen as their matters are', () => {
  let t: TestApp;
  let agencyId: string;
  let handlerA: Session;
  let handlerB: Session;
  let head: Session;
  const matterIds = async (s: Session) => ((await client(t.app, s).get(`/api/agencies/${agencyId}/findings`)).json() as { items: Array<{ matterId: string }> }).items.map((f) => f.matterId).sort();

  beforeAll(async () => {
    t = await startTestApp();
    const admin = await signInAs(t.app, 'admin', adminPassword);
    agencyId = (await makeAgency(t.app, admin)).id;
    const [unitA, unitB] = [await makeUnit(t.app, agencyId, admin), await makeUnit(t.app, agencyId, admin)];
    const person = async (unitId: string) => {
      const u = await makeUser(t.app, agencyId, ['handler'], admin);
      const o = await makeOfficer(t.app, agencyId, admin, { unitId, userId: u.id });
      return { officerId: o.id, session: await signInAs(t.app, u.username, userPassword) };
    };
    const a = await person(unitA.id);
    const b = await person(unitB.id);
    handlerA = a.session;
    handlerB = b.session;
    const approver = await makeUser(t.app, agencyId, ['approver'], admin);
    head = await signInAs(t.app, approver.username, userPassword);
    const late = (matterId: string) => ({ matterId, category: 'coercive_measure' as const, startRoute: 'ex_officio' as const, activities: [], avRecords: [{ recordId: `AV-${matterId}`, recordedEnd: new Date('2026-02-20T01:00:00Z'), remoteWork: false, ingestedAt: null, lateReason: null }] });
    factsByAgency.set(agencyId, [
      { facts: late('M-A'), unitId: unitA.id, officerIds: [a.officerId] },
      { facts: late('M-B'), unitId: unitB.id, officerIds: [b.officerId] },
    ]);
    await client(t.app, admin).post(`/api/agencies/${agencyId}/policy/choose`, { profileId: 's1-fushun-culture-market', basis: '采用' });
    expect((await client(t.app, admin).post(`/api/agencies/${agencyId}/findings/reevaluate`)).json().opened).toBe(2);
  });
  afterAll(() => t.close());

  it("ACC-1 a handler lists only the findings of its unit's matters; the agency head lists all", async () => {
    expect(await matterIds(handlerA)).toEqual(['M-A']);
    expect(await matterIds(handlerB)).toEqual(['M-B']);
    expect(await matterIds(head)).toEqual(['M-A', 'M-B']);
    const counts = (await client(t.app, handlerA).get(`/api/agencies/${agencyId}/findings`)).json();
    expect(counts.total).toBe(1);
  });
});
