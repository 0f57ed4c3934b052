// Issue 4 figures: matter search with filters (50 a page) at 20 concurrent connections, and the
// timeline of a matter with 500 records, on PGlite (100,000 matters) and PostgreSQL (1,000,000).
// Run: npm run bench -- matters   (BENCH_MATTERS_PGLITE / BENCH_MATTERS_PG change the sizes;
// BENCH_SKIP_PGLITE=1 / BENCH_SKIP_PG=1 leave one out; BENCH_PG_KEEP=<name> keeps the seeded database).
import autocannon from 'autocannon';
import { sql } from 'drizzle-orm';
import { openDatabase } from '../src/db/client.js';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { adminHeaders, freshPgDatabase, keptPgDatabase, signInHeaders, startServer } from './support.js';
import { seedLongMatter, seedMatters } from './seed-matters.js';

const seconds = Number(process.env.BENCH_SECONDS ?? 10);

async function setUp(base: string) {
  const h = await adminHeaders(base);
  const post = async (url: string, body: unknown) => (await fetch(base + url, { method: 'POST', headers: h, body: JSON.stringify(body) })).json() as Promise<{ id: string }>;
  const agency = await post('/api/agencies', { code: `mb${Date.now()}`, name: '压测市场监管局', kind: 'enforcement_agency' });
  const unitIds = [(await post(`/api/agencies/${agency.id}/units`, { name: '一中队', kind: 'enforcement_team' })).id, (await post(`/api/agencies/${agency.id}/units`, { name: '二中队', kind: 'enforcement_team' })).id];
  const officerIds: string[] = [];
  for (let i = 0; i < 6; i++) {
    officerIds.push((await post(`/api/agencies/${agency.id}/officers`, { name: `执法员${i}`, post: '队员', unitId: unitIds[i % 2], certificateNo: `MB${Date.now()}${i}`, certificateValidFrom: '2020-01-01', certificateValidTo: '2030-12-31', area: '全域' })).id);
  }
  // The platform admin operates the deployment; matters are opened by the agency's own people.
  await post(`/api/agencies/${agency.id}/users`, { username: `head${Date.now()}`, displayName: '局长', password: 'Bench-head-2026', roles: ['approver', 'handler', 'admin'] });
  const head = await signInHeaders(base, (await (await fetch(`${base}/api/agencies/${agency.id}/users`, { headers: h })).json() as Array<{ username: string }>)[0]!.username, 'Bench-head-2026');
  const res = await fetch(`${base}/api/agencies/${agency.id}/matters`, { method: 'POST', headers: head, body: JSON.stringify({ category: 'penalty_general', startRoute: 'ex_officio', title: '长时间线事项', officerIds: officerIds.slice(0, 2) }) });
  const matter = (await res.json()) as { id: string };
  return { agencyId: agency.id, unitIds, officerIds, longMatterId: matter.id, cookie: head.cookie, headUser: head.username };
}

// autocannon reports p90 and p97.5, not p95: both are printed, and p95 lies between them.
async function load(urls: string[], cookie: string, connections: number) {
  let i = 0;
  const r = await autocannon({
    url: urls[0]!,
    connections,
    duration: seconds,
    // As a browser sends it (BENCH_NO_GZIP=1 measures uncompressed answers).
    headers: process.env.BENCH_NO_GZIP === '1' ? { cookie } : { cookie, 'accept-encoding': 'gzip, deflate, br' },
    requests: [{ setupRequest: (req) => { const u = new URL(urls[i++ % urls.length]!); return { ...req, path: u.pathname + u.search }; } }],
  });
  return { reqPerSec: Math.round(r.requests.average), p50: r.latency.p50, p90: r.latency.p90, p97_5: r.latency.p97_5, non2xx: r.non2xx + r.errors };
}

type BenchContext = Awaited<ReturnType<typeof setUp>>;
// BENCH_PG_KEEP=<name>: seed a PostgreSQL database of that name once and reuse it on later runs
// (seeding 1,000,000 matters takes minutes); what the runs need is kept in a file beside it.
const keepName = process.env.BENCH_PG_KEEP;
const keepFile = keepName ? join(tmpdir(), `${keepName}.bench.json`) : undefined;

async function measure(label: string, count: number, databaseUrl?: string) {
  const kept: BenchContext | undefined = databaseUrl && keepFile && existsSync(keepFile) ? JSON.parse(readFileSync(keepFile, 'utf8')) : undefined;
  const server = await startServer({ databaseUrl, port: 3951 });
  const ctx = kept ?? (await setUp(server.base));
  // Seed through a second connection while the server runs: PostgreSQL only (PGlite is single-process).
  let seedMs = 0;
  if (kept) {
    ctx.cookie = (await signInHeaders(server.base, ctx.headUser, 'Bench-head-2026')).cookie;
  } else if (databaseUrl) {
    const db = await openDatabase({ databaseUrl, dataDir: '/tmp' });
    const t0 = performance.now();
    await seedMatters(db.db, { id: ctx.agencyId, unitIds: ctx.unitIds, officerIds: ctx.officerIds }, count);
    await seedLongMatter(db.db, ctx.longMatterId, 500);
    await db.db.execute(sql.raw('analyze'));
    seedMs = performance.now() - t0;
    await db.close();
    if (keepFile) writeFileSync(keepFile, JSON.stringify(ctx));
  } else {
    await server.stop();
    const db = await openDatabase({ dataDir: server.dataDir });
    const t0 = performance.now();
    await seedMatters(db.db, { id: ctx.agencyId, unitIds: ctx.unitIds, officerIds: ctx.officerIds }, count, 20_000);
    await seedLongMatter(db.db, ctx.longMatterId, 500);
    // What the server's own maintenance (src/db/pglite-maintenance.ts) does within 5 s of starting.
    await db.db.execute(sql.raw('analyze'));
    seedMs = performance.now() - t0;
    await db.close();
  }
  const live = databaseUrl ? server : await startServer({ dataDir: server.dataDir, port: 3951 });
  const cookie = databaseUrl ? ctx.cookie : (await signInHeaders(live.base, ctx.headUser, 'Bench-head-2026')).cookie;
  const m = `${live.base}/api/agencies/${ctx.agencyId}/matters`;
  const searches = [
    `${m}?category=penalty_general&phase=investigation`,
    `${m}?party=${encodeURIComponent('恒通商贸')}`,
    `${m}?party=${encodeURIComponent('有限公司')}&status=open`,
    `${m}?unitId=${ctx.unitIds[0]}&status=open&from=2025-01-01T00:00:00%2B08:00&to=2025-07-01T00:00:00%2B08:00`,
    `${m}?officerId=${ctx.officerIds[2]}&page=3`,
    `${m}?number=${encodeURIComponent('〔2025〕12')}`,
  ];
  const search = await load(searches, cookie, 20);
  const timeline = await load([`${m}/${ctx.longMatterId}/timeline`], cookie, 20);
  // What one user waits when the server is not queueing: the same requests, one at a time.
  const searchAlone = await load(searches, cookie, 1);
  const timelineAlone = await load([`${m}/${ctx.longMatterId}/timeline`], cookie, 1);
  await live.stop();
  return { database: label, matters: count, seedSeconds: Math.round(seedMs / 1000), search, timeline500: timeline, searchAlone, timeline500Alone: timelineAlone };
}

const results = process.env.BENCH_SKIP_PGLITE === '1' ? [] : [await measure('pglite', Number(process.env.BENCH_MATTERS_PGLITE ?? 100_000))];
if (process.env.BENCH_SKIP_PG !== '1') {
  const db = keepName ? { ...(await keptPgDatabase(keepName)), drop: async () => undefined } : await freshPgDatabase();
  results.push(await measure('postgres', Number(process.env.BENCH_MATTERS_PG ?? 1_000_000), db.url));
  await db.drop();
}
for (const r of results) console.log(JSON.stringify(r));
console.table(results.flatMap((r) => [
  { database: r.database, figure: `search (${r.matters} matters, 20 conc.) req/s | p50 | p90 | p97.5 ms`, value: `${r.search.reqPerSec} | ${r.search.p50} | ${r.search.p90} | ${r.search.p97_5}`, target: 'p95 ≤ 50 ms (PostgreSQL)' },
  { database: r.database, figure: 'timeline of 500 records req/s | p50 | p90 | p97.5 ms', value: `${r.timeline500.reqPerSec} | ${r.timeline500.p50} | ${r.timeline500.p90} | ${r.timeline500.p97_5}`, target: 'p95 ≤ 50 ms' },
  { database: r.database, figure: 'search, 1 connection req/s | p50 | p90 | p97.5 ms', value: `${r.searchAlone.reqPerSec} | ${r.searchAlone.p50} | ${r.searchAlone.p90} | ${r.searchAlone.p97_5}`, target: '—' },
  { database: r.database, figure: 'timeline, 1 connection req/s | p50 | p90 | p97.5 ms', value: `${r.timeline500Alone.reqPerSec} | ${r.timeline500Alone.p50} | ${r.timeline500Alone.p90} | ${r.timeline500Alone.p97_5}`, target: '—' },
]));
