import { afterAll, describe, expect, it } from 'vitest';
import { processAdminPassword, setUpIngestAgency, twoProcesses } from '../support/server-process.js';

// Issue 10: "two concurrent re-evaluations abort on a unique key and write 8–10 finding.changed
// events where 5 were due". Two real app processes on one PostgreSQL database sweep every second;
// each finding's events must be written once. PGlite is single-process, so PostgreSQL only.
const onPostgres = process.env.LIUHEN_TEST_DB === 'postgres';

describe.skipIf(!onPostgres)('SUP-2 the findings sweep on two processes (issue 10)', () => {
  const nodes = twoProcesses('sweep');
  afterAll(() => nodes.stop());

  it('SUP-2 two processes sweeping at once write each finding\'s opening and each real change once', { timeout: 180_000 }, async () => {
    const { a, b, sql } = await nodes.start({ LIUHEN_FINDINGS_SWEEP_SECONDS: '1', LIUHEN_JOB_POLL_MS: '200' });
    const agency = await setUpIngestAgency(a.base);
    const signIn = await fetch(`${a.base}/api/auth/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: processAdminPassword }) });
    const admin = { cookie: signIn.headers.getSetCookie()[0]!.split(';')[0]!, 'x-csrf-token': ((await signIn.json()) as { csrfToken: string }).csrfToken };
    const post = async (base: string, path: string, headers: Record<string, string>, body: unknown) => {
      const res = await fetch(`${base}${path}`, { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify(body) });
      expect(res.status, await res.clone().text()).toBe(201);
      return res.json();
    };
    await post(a.base, `/api/agencies/${agency.agencyId}/policy/choose`, admin, { profileId: 's1-fushun-culture-market', basis: '采用' });
    // Five matters started in an emergency 30 h ago without the retro-report: five late CASE-3 findings.
    const handler = { authorization: `Bearer ${agency.token}` };
    const matterIds = [agency.matterId];
    for (let i = 0; i < 4; i++) matterIds.push((await post(b.base, `/api/agencies/${agency.agencyId}/matters`, handler, { category: 'coercive_measure', startRoute: 'emergency', title: `紧急扣押${i}`, officerIds: [agency.officerId] })).id);
    const startedAt = new Date(Date.now() - 30 * 3_600_000).toISOString();
    for (const [i, id] of matterIds.entries()) await post(i % 2 ? a.base : b.base, `/api/agencies/${agency.agencyId}/matters/${id}/steps`, handler, { step: 'emergency_start', occurredAt: startedAt, note: '紧急先行' });

    const q = async <T,>(text: string, values: unknown[] = []) => (await sql.query(text, values)).rows as T[];
    const late = async () => (await q<{ n: string }>(`select count(*) n from findings where agency_id = $1 and requirement = 'CASE-3' and state = 'late' and resolved_at is null`, [agency.agencyId]))[0]!.n;
    await expect.poll(late, { timeout: 60_000, interval: 200 }).toBe('5');

    // Three times, five changes come due; both processes' sweeps and an administrator's
    // "re-evaluate now" on each process, twice, all at once, see them.
    const reevaluate = (base: string) => fetch(`${base}/api/agencies/${agency.agencyId}/findings/reevaluate`, { method: 'POST', headers: admin }).then((r) => r.status);
    for (let round = 0; round < 3; round++) {
      await q(`update findings set state = 'due_soon' where agency_id = $1 and requirement = 'CASE-3'`, [agency.agencyId]);
      expect(await Promise.all([a, b, a, b].map((s) => reevaluate(s.base)))).toEqual([200, 200, 200, 200]);
      await expect.poll(late, { timeout: 60_000, interval: 200 }).toBe('5');
    }
    // Two more sweeps after that (each marks every open finding seen), so any second writer would have written by now.
    const seen = async () => (await q<{ first: Date; last: Date }>(`select min(last_seen_at) first, max(last_seen_at) last from findings where agency_id = $1 and requirement = 'CASE-3'`, [agency.agencyId]))[0]!;
    for (let i = 0; i < 2; i++) {
      const { last } = await seen();
      await expect.poll(async () => (await seen()).first.getTime(), { timeout: 30_000, interval: 200 }).toBeGreaterThan(last.getTime());
    }

    const events = await q<{ action: string; object_id: string; n: string }>(
      `select e.action, e.object_id, count(*) n from audit_events e join findings f on f.id::text = e.object_id where f.agency_id = $1 and f.requirement = 'CASE-3' group by 1, 2 order by 1, 2`,
      [agency.agencyId],
    );
    const findingIds = (await q<{ id: string }>(`select id from findings where agency_id = $1 and requirement = 'CASE-3'`, [agency.agencyId])).map((r) => r.id);
    expect(findingIds).toHaveLength(5);
    expect(events.filter((e) => e.action === 'finding.opened').map((e) => e.n)).toEqual(['1', '1', '1', '1', '1']);
    expect(events.filter((e) => e.action === 'finding.changed').map((e) => e.n)).toEqual(['3', '3', '3', '3', '3']);
    // Both processes are alive and serving: neither sweep ended in an error that stopped it.
    for (const s of nodes.servers) expect((await fetch(`${s.base}/api/health`)).status).toBe(200);
  });
});
