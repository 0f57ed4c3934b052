// Issue 2 figures: start-to-ready (empty and existing data folder), RSS after start, and
// req/s + p99 for /api/health and an authenticated list route at 50 connections, on PGlite and
// PostgreSQL. Run: npm run bench (or npx tsx bench/foundation.bench.ts).
import autocannon from 'autocannon';
import { adminHeaders, freshPgDatabase, rssMb, startServer } from './support.js';

const seconds = Number(process.env.BENCH_SECONDS ?? 10);

async function load(url: string, headers: Record<string, string> = {}) {
  const r = await autocannon({ url, connections: 50, duration: seconds, headers });
  return { reqPerSec: Math.round(r.requests.average), p50: r.latency.p50, p99: r.latency.p99, errors: r.errors + r.non2xx };
}

async function seedOfficers(base: string, headers: Record<string, string>, n: number) {
  const a = await fetch(`${base}/api/agencies`, { method: 'POST', headers, body: JSON.stringify({ code: `bench${Date.now()}`, name: '压测执法局', kind: 'enforcement_agency' }) });
  const agency = (await a.json()) as { id: string };
  for (let i = 0; i < n; i++) {
    await fetch(`${base}/api/agencies/${agency.id}/officers`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ name: `执法员${i}`, post: '队员', certificateNo: `B${Date.now()}${i}`, certificateValidFrom: '2025-01-01', certificateValidTo: '2030-12-31', area: '全域' }),
    });
  }
  return agency.id;
}

async function measure(label: string, databaseUrl?: string) {
  const first = await startServer({ databaseUrl, port: 3901 });
  const rss = rssMb(first.proc.pid!);
  await first.stop();
  const again = await startServer({ databaseUrl, dataDir: first.dataDir, port: 3901 });
  const rssExisting = rssMb(again.proc.pid!);
  const headers = await adminHeaders(again.base);
  const agencyId = await seedOfficers(again.base, headers, 50);
  const health = await load(`${again.base}/api/health`);
  const { cookie } = headers;
  const list = await load(`${again.base}/api/agencies/${agencyId}/officers`, { cookie });
  const rssAfter = rssMb(again.proc.pid!);
  await again.stop();
  return { database: label, startEmptyMs: Math.round(first.readyMs), startExistingMs: Math.round(again.readyMs), rssAfterStartMb: Math.round(rss), rssAfterRestartMb: Math.round(rssExisting), rssAfterLoadMb: Math.round(rssAfter), health, officersList50: list };
}

const results = [await measure('pglite')];
if (process.env.BENCH_SKIP_PG !== '1') {
  const db = await freshPgDatabase().catch(() => null);
  if (db) {
    results.push(await measure('postgres', db.url));
    await db.drop();
  } else console.log('PostgreSQL not reachable: PostgreSQL leg skipped');
}
for (const r of results) console.log(JSON.stringify(r));
console.table(
  results.flatMap((r) => [
    { database: r.database, figure: 'start, empty data (ms)', value: r.startEmptyMs, target: '≤ 10000' },
    { database: r.database, figure: 'start, existing data (ms)', value: r.startExistingMs, target: '≤ 3000' },
    { database: r.database, figure: 'RSS after first start (MB)', value: r.rssAfterStartMb, target: '≤ 200' },
    { database: r.database, figure: 'RSS after restart (MB)', value: r.rssAfterRestartMb, target: '≤ 200' },
    { database: r.database, figure: 'GET /api/health req/s | p99 ms', value: `${r.health.reqPerSec} | ${r.health.p99}`, target: '' },
    { database: r.database, figure: 'GET officers (50) req/s | p99 ms', value: `${r.officersList50.reqPerSec} | ${r.officersList50.p99}`, target: r.database === 'postgres' ? 'p99 ≤ 20' : '' },
  ]),
);
