// Issue 11 figures for the Merkle log (INT-1), on PostgreSQL, in-process (the log's cost is in
// the database, not in HTTP):
//   - p50 of an audited write with the log's queue insert vs without, same run (target ≤ 1.1×);
//   - integrator throughput (target ≥ 10,000 leaves/s);
//   - verifyLog throughput (target ≥ 200,000 leaves/s);
//   - inclusion and consistency proof p95 at 10 million leaves (target ≤ 10 ms).
// Run: npx tsx bench/log.bench.ts (BENCH_LOG_EVENTS, BENCH_LOG_PROOF_LEAVES to change the sizes).
import { sql } from 'drizzle-orm';
import { openDatabase, type Db } from '../src/db/client.js';
import { leases } from '../src/db/schema/index.js';
import { makeCheckpoint } from '../src/domains/integrity/log/checkpoint.js';
import { integratePending } from '../src/domains/integrity/log/integrator.js';
import { consistencyProofFor, inclusionProofFor } from '../src/domains/integrity/log/proofs.js';
import { noteSigner, verifierKey } from '../src/domains/integrity/log/signed-note.js';
import { verifyLog } from '../src/domains/integrity/log/verify-log.js';
import { canonicalJson, sha256Hex } from '../src/shared/canonical-json.js';
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freshPgDatabase } from './support.js';

const events = Number(process.env.BENCH_LOG_EVENTS ?? 100_000);
const proofLeaves = Number(process.env.BENCH_LOG_PROOF_LEAVES ?? 10_000_000);
const writes = Number(process.env.BENCH_LOG_WRITES ?? 1000);

const quantile = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))]!;
const round = (x: number, d = 2) => Math.round(x * 10 ** d) / 10 ** d;

/**
 * One audited write: a small real change and its event, in one transaction. The log costs the
 * trigger on audit_events that queues the event; `bench_audit_nolog` is the same table (columns,
 * defaults, indexes) without it, so the two differ by the log's work alone.
 */
async function auditedWrite(db: Db, i: number, log: boolean) {
  await db.transaction(async (tx) => {
    await tx.insert(leases).values({ name: `bench-${i % 50}`, holder: `h${i}`, expiresAt: new Date() }).onConflictDoUpdate({ target: leases.name, set: { holder: `h${i}` } });
    const row = { occurredAt: new Date().toISOString(), actorName: 'bench', action: 'agency.updated', objectType: 'bench', objectId: String(i), userAgent: 'liuhen-cli', details: JSON.stringify({ i }) };
    const hash = sha256Hex(canonicalJson(row));
    const table = log ? sql`audit_events` : sql`bench_audit_nolog`;
    await tx.execute(sql`insert into ${table} (occurred_at, actor_name, action, object_type, object_id, user_agent, details, content_hash)
      values (${row.occurredAt}, ${row.actorName}, ${row.action}, ${row.objectType}, ${row.objectId}, ${row.userAgent}, ${row.details}::jsonb, ${hash})`);
  });
}

async function writeOverhead(db: Db) {
  await db.execute(sql`create table bench_audit_nolog (like audit_events including defaults including indexes)`);
  const w: number[] = [];
  const wo: number[] = [];
  for (let i = 0; i < 200; i++) await auditedWrite(db, i, i % 2 === 0); // warm-up
  // Interleaved, so both see the same database state and machine load.
  for (let i = 0; i < writes * 2; i++) {
    const withLog = i % 2 === 0;
    const t0 = performance.now();
    await auditedWrite(db, i, withLog);
    (withLog ? w : wo).push(performance.now() - t0);
  }
  return { p50With: round(quantile(w, 0.5), 3), p50Without: round(quantile(wo, 0.5), 3), ratio: round(quantile(w, 0.5) / quantile(wo, 0.5), 3) };
}

async function seedEvents(db: Db, n: number) {
  // Events as recordAudit writes them, in bulk; the trigger queues each: the integrator's input.
  await db.execute(sql`insert into audit_events (occurred_at, actor_name, action, object_type, object_id, details, content_hash)
    select now(), 'bench', 'agency.updated', 'bench', g::text, jsonb_build_object('i', g), md5(g::text) from generate_series(1, ${n}) g`);
}

/** A 10-million-leaf tree shape straight in SQL: leaves and every complete subtree (synthetic hashes; proofs read the same rows). */
async function seedBigTree(db: Db, n: number) {
  await db.execute(sql`insert into log_leaves (leaf_index, audit_seq, leaf_hash, integrated_at) select g, g + 1, sha256(int8send(g)), now() from generate_series(0, ${n - 1}) g`);
  for (let level = 1; 2 ** level <= n; level++) {
    await db.execute(sql`insert into log_nodes (level, idx, hash) select ${level}, g, sha256(int8send(g) || int4send(${level})) from generate_series(0, ${Math.floor(n / 2 ** level) - 1}) g`);
  }
  await db.execute(sql`analyze log_leaves`);
  await db.execute(sql`analyze log_nodes`);
}

async function proofLatency(db: Db, n: number) {
  const inc: number[] = [];
  const con: number[] = [];
  const rnd = (max: number) => 1 + Math.floor(Math.random() * max);
  for (let i = 0; i < 50; i++) await inclusionProofFor(db, rnd(n) - 1, n); // warm-up
  for (let i = 0; i < 500; i++) {
    let t0 = performance.now();
    const size = n - Math.floor(Math.random() * 1000);
    await inclusionProofFor(db, rnd(size) - 1, size);
    inc.push(performance.now() - t0);
    t0 = performance.now();
    await consistencyProofFor(db, rnd(size - 1), size);
    con.push(performance.now() - t0);
  }
  return { inclusionP95: round(quantile(inc, 0.95)), consistencyP95: round(quantile(con, 0.95)), inclusionP50: round(quantile(inc, 0.5)), consistencyP50: round(quantile(con, 0.5)) };
}

const pem = generateKeyPairSync('ed25519').privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
const signer = noteSigner('bench.liuhen/log', pem);
const dataDir = mkdtempSync(join(tmpdir(), 'liuhen-bench-log-'));

const a = await freshPgDatabase();
const dbA = await openDatabase({ databaseUrl: a.url, dataDir });
await dbA.migrate();
const overhead = await writeOverhead(dbA.db);
await integratePending(dbA.db);
await seedEvents(dbA.db, events);
let t0 = performance.now();
const integrated = await integratePending(dbA.db);
const integrateS = (performance.now() - t0) / 1000;
await makeCheckpoint(dbA.db, signer);
t0 = performance.now();
// CPU time of this process too: on a shared machine wall time says as much about the neighbours.
const cpu0 = process.cpuUsage();
const reports = await verifyLog(dbA.db, { verifierKey: verifierKey(signer.name, signer.publicKey) });
const verifyS = (performance.now() - t0) / 1000;
const cpu = process.cpuUsage(cpu0);
const verifyCpuS = (cpu.user + cpu.system) / 1e6;
const verified = reports.find((r) => r.check === 'event')!.examined;
const problems = reports.flatMap((r) => r.discrepancies).length;
await dbA.close();
await a.drop();

const b = await freshPgDatabase();
const dbB = await openDatabase({ databaseUrl: b.url, dataDir });
await dbB.migrate();
t0 = performance.now();
await seedBigTree(dbB.db, proofLeaves);
const seedS = (performance.now() - t0) / 1000;
const proofs = await proofLatency(dbB.db, proofLeaves);
await dbB.close();
await b.drop();

const result = {
  writeP50WithMs: overhead.p50With, writeP50WithoutMs: overhead.p50Without, writeRatio: overhead.ratio,
  integratorLeavesPerS: Math.round(integrated / integrateS), integrated,
  verifyLeavesPerS: Math.round(verified / verifyS), verifyLeavesPerCpuS: Math.round(verified / verifyCpuS), verified, verifyDiscrepancies: problems,
  proofLeaves, seedSeconds: round(seedS, 1), ...proofs,
};
console.log(JSON.stringify({ ...result, loadAverage: (await import('node:os')).loadavg().map((l) => round(l, 1)) }));
console.table([
  { figure: 'audited write p50 with / without log (ms)', value: `${overhead.p50With} / ${overhead.p50Without} = ${overhead.ratio}×`, target: '≤ 1.1×' },
  { figure: 'integrator (leaves/s)', value: result.integratorLeavesPerS, target: '≥ 10000' },
  { figure: 'verifyLog (leaves/s)', value: result.verifyLeavesPerS, target: '≥ 200000' },
  { figure: 'verifyLog (leaves per CPU-second of Node)', value: result.verifyLeavesPerCpuS, target: '' },
  { figure: `inclusion proof p95 at ${proofLeaves} leaves (ms)`, value: proofs.inclusionP95, target: '≤ 10' },
  { figure: `consistency proof p95 at ${proofLeaves} leaves (ms)`, value: proofs.consistencyP95, target: '≤ 10' },
]);
