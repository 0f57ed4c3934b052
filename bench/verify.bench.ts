// `npm run bench -- verify`: `liuhen verify` figures (INT-2), on PostgreSQL (BENCH_PG_URL, default
// postgres://postgres@127.0.0.1:5432/test — a fresh database is made and dropped).
// (1) Log entries verified per second: N audit events (LIUHEN_BENCH_VERIFY_EVENTS, default
//     200,000) integrated and checkpointed, then the log check (tree recomputed from the leaves,
//     every leaf against its event, every checkpoint) timed; target ≥ 200,000/s.
// (2) Object re-hash speed as a ratio to `sha256sum` over the same files in the same run
//     (LIUHEN_BENCH_VERIFY_MB of originals in 64 MB files, default 512); target ≥ 0.8.
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { openDatabase } from '../src/db/client.js';
import { makeCheckpoint } from '../src/domains/integrity/log/checkpoint.js';
import { integratePending } from '../src/domains/integrity/log/integrator.js';
import { logSigner, logVerifierKey } from '../src/domains/integrity/log/signing-key.js';
import { verifyLog } from '../src/domains/integrity/log/verify-log.js';
import { rehashObject } from '../src/domains/integrity/verify/verify-objects.js';
import { LocalObjectStore } from '../src/store/local-object-store.js';
import { freshPgDatabase } from './support.js';

const MB = 1024 * 1024;
const events = Number(process.env.LIUHEN_BENCH_VERIFY_EVENTS ?? 200_000);
const objectMb = Number(process.env.LIUHEN_BENCH_VERIFY_MB ?? 512);
const dataDir = mkdtempSync(join(tmpdir(), 'liuhen-bench-verify-'));
const pgdb = await freshPgDatabase();
const database = await openDatabase({ databaseUrl: pgdb.url, dataDir });

try {
  await database.migrate();
  const db = database.db;
  // Events written in bulk (their content is irrelevant to the speed); a trigger queues them for the log.
  await db.execute(`
    insert into audit_events (occurred_at, actor_name, action, object_type, object_id, details, content_hash)
    select now(), '基准', 'matter.step_recorded', 'matter_step', g::text, jsonb_build_object('n', g), md5(g::text)
    from generate_series(1, ${events}) g` as never);
  const config = { dataDir, log: { origin: 'bench.liuhen/log', integrateMs: 1000, checkpointMs: 60_000 } };
  let t = performance.now();
  await integratePending(db, { batchSize: 10_000 });
  const integrateS = (performance.now() - t) / 1000;
  await makeCheckpoint(db, logSigner(config));

  // Several runs, best and median kept: on a shared machine one run says little. Node's own CPU
  // time is reported too (the database's share runs beside it, in its own process).
  const runs: { s: number; cpuS: number }[] = [];
  let log, event;
  for (let i = 0; i < Number(process.env.LIUHEN_BENCH_VERIFY_RUNS ?? 3); i++) {
    const cpu0 = process.cpuUsage();
    t = performance.now();
    [log, event] = await verifyLog(db, { verifierKey: logVerifierKey(config), origin: config.log.origin, batchSize: 50_000 });
    const cpu = process.cpuUsage(cpu0);
    runs.push({ s: (performance.now() - t) / 1000, cpuS: (cpu.user + cpu.system) / 1e6 });
    if (log!.discrepancies.length || event!.discrepancies.length) throw new Error(`verify found ${log!.discrepancies.length + event!.discrepancies.length} discrepancies on an untouched log`);
  }
  const bySpeed = [...runs].sort((a, b) => a.s - b.s);
  const best = bySpeed[0]!;
  const median = bySpeed[Math.floor(bySpeed.length / 2)]!;
  console.log(`log: ${events} leaves integrated in ${integrateS.toFixed(1)} s (${Math.round(events / integrateS)} leaves/s)`);
  console.log(`verify log: ${events} leaves, best of ${runs.length} ${best.s.toFixed(2)} s → ${Math.round(events / best.s)} entries/s (target ≥ 200000); median ${Math.round(events / median.s)}/s; ${Math.round(events / best.cpuS)} entries per CPU-second of Node`);

  // Originals: random bytes, so neither side profits from compression or sparse files.
  const store = new LocalObjectStore(dataDir);
  const keys: string[] = [];
  for (let left = objectMb; left > 0; left -= 64) {
    const size = Math.min(64, left) * MB;
    keys.push((await store.put(Readable.from((function* () { for (let i = 0; i < size; i += MB) yield randomBytes(Math.min(MB, size - i)); })()))).key);
  }
  const paths = keys.map((k) => store.pathOf(k));
  spawnSync('cat', paths, { stdio: ['ignore', 'ignore', 'inherit'] }); // same page cache for both
  t = performance.now();
  const sum = spawnSync('sha256sum', paths, { encoding: 'utf8' });
  const sumS = (performance.now() - t) / 1000;
  if (sum.status !== 0) throw new Error('sha256sum failed');
  t = performance.now();
  for (const k of keys) if ((await rehashObject(store, k)).outcome !== 'ok') throw new Error(`object ${k} did not verify`);
  const oursS = (performance.now() - t) / 1000;
  const sumRate = objectMb / sumS;
  const ourRate = objectMb / oursS;
  console.log(`objects: ${objectMb} MB in ${keys.length} files; sha256sum ${sumRate.toFixed(0)} MB/s, verify ${ourRate.toFixed(0)} MB/s → ratio ${(ourRate / sumRate).toFixed(2)} (target ≥ 0.8)`);
} finally {
  await database.close();
  await pgdb.drop();
  rmSync(dataDir, { recursive: true, force: true });
}
