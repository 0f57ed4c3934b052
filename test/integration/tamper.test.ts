import { randomBytes } from 'node:crypto';
import { chmod, readFile, rename, writeFile } from 'node:fs/promises';
import { drizzle } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/client.js';
import * as schema from '../../src/db/schema/index.js';
import { makeCheckpoint } from '../../src/domains/integrity/log/checkpoint.js';
import { checkpointBody } from '../../src/domains/integrity/log/checkpoint-text.js';
import { integratePending } from '../../src/domains/integrity/log/integrator.js';
import { logSigner } from '../../src/domains/integrity/log/signing-key.js';
import { signNote } from '../../src/domains/integrity/log/signed-note.js';
import type { Discrepancy } from '../../src/domains/integrity/verify/discrepancy.js';
import { logCheckFor } from '../../src/domains/integrity/verify/log-check.js';
import { runVerify } from '../../src/domains/integrity/verify/run-verify.js';
import { eventContentHash } from '../../src/domains/integrity/verify/verify-events.js';
import type { LocalObjectStore } from '../../src/store/local-object-store.js';
import { buildIntegrityDeployment, insiderUrl, type IntegrityDeployment } from '../support/integrity-deployment.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

// INT-2: an insider with the PostgreSQL superuser and the data folder tampers with a deployment
// behind the system's back; `liuhen verify` must name each attack (table, record, what), and
// nothing on the untouched deployment. Each attack runs in a transaction that the verify run
// reads and that is then rolled back (files are put back), so every attack meets a clean
// deployment with matters, issued documents, AV originals, events integrated and checkpointed.
const onPostgres = process.env.LIUHEN_TEST_DB === 'postgres';

type Sql = (text: string, values?: unknown[]) => Promise<Array<Record<string, unknown>>>;

describe.skipIf(!onPostgres)('tamper suite: 12 attacks by an insider, each named by verify (INT-2, INT-1)', () => {
  let t: TestApp;
  let d: IntegrityDeployment;
  const detected: string[] = [];

  beforeAll(async () => {
    t = await startTestApp();
    d = await buildIntegrityDeployment(t);
    await integratePending(t.ctx.db, { now: t.clock.now });
    await makeCheckpoint(t.ctx.db, logSigner(t.ctx.config), { now: t.clock.now() });
  }, 120_000);
  afterAll(async () => {
    console.log(`[tamper] detected ${detected.length} of 12: ${detected.join(', ')}`);
    await t?.close();
  });

  /** Runs the attack as the superuser in a transaction, verifies what that transaction sees, rolls back. */
  async function underAttack(attack: (q: Sql) => Promise<void>): Promise<Discrepancy[]> {
    const client = new pg.Client({ connectionString: insiderUrl(t) });
    await client.connect();
    try {
      await client.query('begin');
      await client.query('set local session_replication_role = replica'); // triggers off, as an insider would
      await attack(async (text, values) => (await client.query(text, values)).rows as Array<Record<string, unknown>>);
      await client.query('set local session_replication_role = origin');
      const db = drizzle({ client, schema }) as unknown as Db;
      const result = await runVerify(db, t.ctx.store, { logCheck: logCheckFor(t.ctx.config, { now: t.clock.now }) });
      expect(result.ok).toBe(false);
      return result.reports.flatMap((r) => r.discrepancies);
    } finally {
      await client.query('rollback').catch(() => undefined);
      await client.end();
    }
  }

  /** Tampers with a stored original's file, verifies, then puts the file back. */
  async function withOriginal(key: string, tamper: (path: string) => Promise<void>) {
    const path = (t.ctx.store as LocalObjectStore).pathOf(key);
    const kept = await readFile(path);
    await chmod(path, 0o644).catch(() => undefined);
    try {
      await tamper(path);
      const result = await runVerify(t.ctx.db, t.ctx.store, { logCheck: logCheckFor(t.ctx.config, { now: t.clock.now }) });
      return result.reports.flatMap((r) => r.discrepancies);
    } finally {
      await writeFile(path, kept).catch(async () => undefined);
      await chmod(path, 0o444).catch(() => undefined);
    }
  }

  const seqOf = async (q: Sql, action: string, nth = 0) => Number((await q('select seq from audit_events where action = $1 order by seq offset $2 limit 1', [action, nth]))[0]!.seq);
  const names = (found: Discrepancy[], attack: string, match: Partial<Discrepancy> & { what?: unknown }) => {
    expect(found).toEqual(expect.arrayContaining([expect.objectContaining(match)]));
    detected.push(attack);
  };

  it('INT-2 the untouched deployment: every check holds, 0 discrepancies', async () => {
    const result = await runVerify(t.ctx.db, t.ctx.store, { logCheck: logCheckFor(t.ctx.config, { now: t.clock.now }) });
    expect(result.reports.flatMap((r) => r.discrepancies)).toEqual([]);
    expect(result.reports.map((r) => r.check)).toEqual(['log', 'event', 'record', 'object']);
    expect(result.reports.every((r) => r.examined > 0)).toBe(true);
  });

  it('(1) an issued document\'s text edited with session_replication_role = replica', async () => {
    const id = d.documentIds[0]!;
    const found = await underAttack((q) => q(`update documents set fields = fields || '{"reason":"改写后的理由"}' where id = $1`, [id]).then(() => undefined));
    names(found, '1', { check: 'record', table: 'documents', recordId: id, what: expect.stringContaining('承诺的哈希不一致') });
  });

  it('(2) a step backdated and its note rewritten', async () => {
    const id = d.stepIds[1]!;
    const found = await underAttack((q) => q(`update matter_steps set occurred_at = occurred_at - interval '3 days', note = '补记' where id = $1`, [id]).then(() => undefined));
    names(found, '2', { check: 'record', table: 'matter_steps', recordId: id });
  });

  it('(3) an audit event edited, its content hash recomputed', async () => {
    let seq = 0;
    const found = await underAttack(async (q) => {
      seq = await seqOf(q, 'document.issued');
      await q(`update audit_events set actor_name = '他人' where seq = $1`, [seq]);
      const [row] = await q('select * from audit_events where seq = $1', [seq]);
      const e = camel(row!);
      await q('update audit_events set content_hash = $2 where seq = $1', [seq, eventContentHash(e as never)]);
    });
    names(found, '3', { check: 'event', table: 'audit_events', recordId: String(seq), what: expect.stringContaining('不一致') });
  });

  it('(4) an audit event deleted', async () => {
    let seq = 0;
    const found = await underAttack(async (q) => {
      seq = await seqOf(q, 'matter.step_approved');
      await q('delete from audit_events where seq = $1', [seq]);
    });
    names(found, '4', { check: 'event', recordId: String(seq), what: expect.stringContaining('已被删除') });
  });

  it('(5) two audit events reordered (their contents swapped)', async () => {
    let a = 0;
    let b = 0;
    const found = await underAttack(async (q) => {
      a = await seqOf(q, 'matter.step_recorded', 0);
      b = await seqOf(q, 'matter.step_recorded', 1);
      const cols = 'occurred_at, actor_user_id, actor_name, agency_id, action, object_type, object_id, ip, user_agent, before, after, details, content_hash, commitments';
      const set = cols.split(', ').map((c) => `${c} = o.${c}`).join(', ');
      await q(`update audit_events e set ${set} from audit_events o where (e.seq = $1 and o.seq = $2) or (e.seq = $2 and o.seq = $1)`, [a, b]);
    });
    names(found, '5', { check: 'event', recordId: String(a) });
    expect(found).toEqual(expect.arrayContaining([expect.objectContaining({ check: 'event', recordId: String(b) })]));
  });

  it('(6) audit_events truncated and re-inserted without one event', async () => {
    let seq = 0;
    const found = await underAttack(async (q) => {
      seq = await seqOf(q, 'document.signed');
      await q('create temp table kept on commit drop as select * from audit_events');
      await q('truncate audit_events');
      await q('insert into audit_events select * from kept where seq <> $1', [seq]);
    });
    names(found, '6', { check: 'event', recordId: String(seq), what: expect.stringContaining('已被删除') });
  });

  it('(7) one byte of an original flipped', async () => {
    const key = d.avRecords[0]!.objectKey;
    const found = await withOriginal(key, async (path) => {
      const bytes = await readFile(path);
      bytes[100] = bytes[100]! ^ 0x01;
      await writeFile(path, bytes);
    });
    names(found, '7', { check: 'object', recordId: key, what: expect.stringContaining('原件内容与其 SHA-256 不符') });
  });

  it('(8) an original deleted', async () => {
    const key = d.avRecords[1]!.objectKey;
    const found = await withOriginal(key, async (path) => rename(path, `${path}.gone`).then(() => undefined));
    await rename(`${(t.ctx.store as LocalObjectStore).pathOf(key)}.gone`, (t.ctx.store as LocalObjectStore).pathOf(key)).catch(() => undefined);
    names(found, '8', { check: 'object', recordId: key, what: expect.stringContaining('原件缺失') });
  });

  it('(9) an original replaced by other bytes of the same size', async () => {
    const key = d.avRecords[2]!.objectKey;
    const found = await withOriginal(key, async (path) => writeFile(path, randomBytes((await readFile(path)).length)));
    names(found, '9', { check: 'object', recordId: key, what: expect.stringContaining('原件内容与其 SHA-256 不符') });
  });

  it('(10) the log forked: a different tree of the same size signed with the log key', async () => {
    let size = 0;
    const found = await underAttack(async (q) => {
      const [cp] = await q('select tree_size from log_checkpoints order by tree_size desc limit 1');
      size = Number(cp!.tree_size);
      const forkedRoot = randomBytes(32);
      const signer = logSigner(t.ctx.config);
      await q('update log_checkpoints set root_hash = $2, note = $3 where tree_size = $1', [size, forkedRoot, signNote(checkpointBody(signer.name, size, forkedRoot), signer)]);
    });
    names(found, '10', { check: 'log', table: 'log_checkpoints', recordId: String(size), what: expect.stringContaining('分叉') });
  });

  it('(11) a policy version and an approval edited', async () => {
    let policyId = '';
    let approvalId = '';
    const found = await underAttack(async (q) => {
      policyId = String((await q('select id from agency_policy_versions where agency_id = $1 limit 1', [d.agencyId]))[0]!.id);
      approvalId = String((await q(`select id from step_approvals where decision = 'approved' limit 1`))[0]!.id);
      await q(`update agency_policy_versions set basis = '改写的依据' where id = $1`, [policyId]);
      await q(`update step_approvals set opinion = '不同意' where id = $1`, [approvalId]);
    });
    names(found, '11', { check: 'record', table: 'agency_policy_versions', recordId: policyId });
    expect(found).toEqual(expect.arrayContaining([expect.objectContaining({ check: 'record', table: 'step_approvals', recordId: approvalId })]));
  });

  it('(12) a log leaf deleted', async () => {
    const found = await underAttack((q) => q('delete from log_leaves where leaf_index = 5').then(() => undefined));
    names(found, '12', { check: 'log', table: 'log_leaves', what: expect.stringContaining('不连续') });
  });

  it('INT-2 12 of 12 attacks named; after all of them the deployment verifies clean again', async () => {
    expect(detected.sort((a, b) => Number(a) - Number(b))).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '12']);
    expect((await runVerify(t.ctx.db, t.ctx.store, { logCheck: logCheckFor(t.ctx.config, { now: t.clock.now }) })).ok).toBe(true);
  });
});

/** A raw pg row as Drizzle would read it (camelCase keys), so the hash is computed the same way. */
function camel(row: Record<string, unknown>) {
  return Object.fromEntries(Object.entries(row).map(([k, v]) => [k.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase()), k === 'seq' ? Number(v) : v]));
}
