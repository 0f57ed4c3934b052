import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/client.js';
import { verifyLog } from '../../src/domains/integrity/log/verify-log.js';
import { processAdminPassword, setUpIngestAgency, twoProcesses } from '../support/server-process.js';

// INT-1: leaves are numbered in commit order with no gap and no duplicate, also when two app
// processes write and integrate at once on one PostgreSQL database. PGlite is single-process.
const onPostgres = process.env.LIUHEN_TEST_DB === 'postgres';

describe.skipIf(!onPostgres)('INT-1 the log with two app processes writing at once', () => {
  const nodes = twoProcesses('log');
  afterAll(() => nodes.stop());

  it('INT-1 leaves contiguous 0..n-1, no duplicates, every committed event a leaf, no rolled-back event a leaf', { timeout: 180_000 }, async () => {
    // Both processes share the data folder, hence the signing key (as nodes must, via LIUHEN_LOG_SIGNING_KEY_FILE).
    const { url, sql } = await nodes.start({ LIUHEN_LOG_INTEGRATE_MS: '50', LIUHEN_CHECKPOINT_SECONDS: '1' });
    const servers = nodes.servers;
    const keys = await Promise.all(servers.map(async (s) => ((await (await fetch(`${s.base}/api/log/public-key`)).json()) as { verifierKey: string }).verifierKey));
    expect(keys[0]).toBe(keys[1]);
    const agency = await setUpIngestAgency(servers[0]!.base);
    const signIn = await fetch(`${servers[0]!.base}/api/auth/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: processAdminPassword }) });
    const admin = { cookie: signIn.headers.getSetCookie()[0]!.split(';')[0]!, 'x-csrf-token': ((await signIn.json()) as { csrfToken: string }).csrfToken };

    const other = new pg.Client({ connectionString: url });
    await other.connect();
    // The database is dropped with force at the end: a connection still open then is not a failure.
    for (const c of [sql, other]) c.on('error', () => undefined);
    const q = async <T,>(text: string, values: unknown[] = []) => (await sql.query(text, values)).rows as T[];
    // Two transactions held open while both processes write and integrate: one will commit late
    // (its seq is then older than leaves already appended), one will roll back.
    const late = other;
    await late.query('begin');
    const [lateSeq] = (await late.query(`insert into audit_events (occurred_at, action, object_type, content_hash) values (now(), 'agency.updated', 'agency', 'late') returning seq`)).rows as { seq: string }[];
    await sql.query('begin');
    const [rolledSeq] = await q<{ seq: string }>(`insert into audit_events (occurred_at, action, object_type, content_hash) values (now(), 'agency.updated', 'agency', 'rolled') returning seq`);

    const writes = Array.from({ length: 60 }, (_, i) => fetch(`${servers[i % 2]!.base}/api/agencies/${agency.agencyId}/units`, {
      method: 'POST', headers: { ...admin, 'content-type': 'application/json' }, body: JSON.stringify({ name: `中队${i}`, kind: 'enforcement_team' }),
    }).then((r) => r.status));
    expect(await Promise.all(writes)).toEqual(Array(60).fill(201));
    await sql.query('rollback');
    await late.query('commit');
    await late.end();

    await expect.poll(async () => (await q<{ n: string }>('select count(*) n from log_pending'))[0]!.n, { timeout: 30_000, interval: 100 }).toBe('0');
    const leaves = await q<{ leaf_index: string; audit_seq: string }>('select leaf_index, audit_seq from log_leaves order by leaf_index');
    const events = await q<{ seq: string }>('select seq from audit_events order by seq');
    expect(leaves.map((l) => Number(l.leaf_index))).toEqual(leaves.map((_, i) => i));
    expect(new Set(leaves.map((l) => l.audit_seq)).size).toBe(leaves.length);
    expect(leaves.map((l) => l.audit_seq).sort()).toEqual(events.map((e) => e.seq).sort());
    expect(leaves.some((l) => l.audit_seq === lateSeq!.seq)).toBe(true);
    expect(leaves.some((l) => l.audit_seq === rolledSeq!.seq)).toBe(false);
    expect(events.length).toBeGreaterThan(60);

    // Both processes signed with the one key, every checkpoint consistent with the recomputed tree.
    const key = (await (await fetch(`${servers[1]!.base}/api/log/public-key`)).json()) as { verifierKey: string; origin: string };
    await expect.poll(async () => (await q<{ n: string }>('select max(tree_size) n from log_checkpoints'))[0]!.n, { timeout: 30_000, interval: 200 }).toBe(String(leaves.length));
    const database = await openDatabase({ databaseUrl: url, dataDir: nodes.dir, poolMax: 2 });
    try {
      const reports = await verifyLog(database.db, { verifierKey: key.verifierKey, origin: key.origin });
      expect(reports.flatMap((r) => r.discrepancies)).toEqual([]);
    } finally {
      await database.close();
    }
  });
});
