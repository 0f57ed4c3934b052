import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, logLeaves, logPending } from '../../src/db/schema/index.js';
import { recordAudit, systemActor } from '../../src/domains/audit/record-audit.js';
import { makeCheckpoint } from '../../src/domains/integrity/log/checkpoint.js';
import { parseCheckpointBody } from '../../src/domains/integrity/log/checkpoint-text.js';
import { integratePending } from '../../src/domains/integrity/log/integrator.js';
import { leafHash, verifyConsistency, verifyInclusion } from '../../src/domains/integrity/log/merkle.js';
import { openNote } from '../../src/domains/integrity/log/signed-note.js';
import { logSigner } from '../../src/domains/integrity/log/signing-key.js';
import { verifyLog } from '../../src/domains/integrity/log/verify-log.js';
import { makeAgency, makeUnit, makeUser, userPassword } from '../support/factories.js';
import { client, signInAs, type Session } from '../support/http-client.js';
import { adminPassword, startTestApp, type TestApp } from '../support/test-app.js';

const b = (s: string) => Buffer.from(s, 'base64');

describe('INT-1 the Merkle log: leaves, checkpoints, proofs through the public API', () => {
  let t: TestApp;
  let admin: Session;
  let agencyId: string;
  const anon = () => client(t.app, null);
  const checkpoint = async () => (await anon().get('/api/log/checkpoint')).json() as { treeSize: number; rootHash: string; note: string };
  const verifierKey = async () => (await anon().get('/api/log/public-key')).json().verifierKey as string;

  beforeAll(async () => {
    t = await startTestApp({ LIUHEN_PUBLIC_URL: 'https://liuhen.example.gov.cn' });
    admin = await signInAs(t.app, 'admin', adminPassword);
    agencyId = (await makeAgency(t.app, admin)).id;
    for (let i = 0; i < 5; i++) await makeUnit(t.app, agencyId, admin);
  });
  afterAll(() => t.close());

  it('INT-1 no checkpoint yet: 404 with a Chinese message; the key is served without sign-in', async () => {
    const res = await anon().get('/api/log/checkpoint');
    expect(res.statusCode).toBe(404);
    expect(res.json().code).toBe('NOT_FOUND');
    expect(res.json().message).toMatch(/检查点/);
    const key = (await anon().get('/api/log/public-key')).json();
    expect(key).toMatchObject({ origin: 'liuhen.example.gov.cn/log', algorithm: 'Ed25519' });
    expect(key.verifierKey).toMatch(/^liuhen\.example\.gov\.cn\/log\+[0-9a-f]{8}\+/);
  });

  it('INT-1 every committed event becomes one leaf, numbered 0..n-1 in order; a rolled-back one leaves nothing', async () => {
    const before = await t.ctx.db.select({ seq: auditEvents.seq }).from(auditEvents);
    await expect(t.ctx.db.transaction(async (tx) => {
      await recordAudit(tx, systemActor(), { action: 'agency.updated', agencyId, objectType: 'agency', objectId: agencyId, details: { note: 'rolled back' } });
      throw new Error('roll back');
    })).rejects.toThrow('roll back');
    expect(await integratePending(t.ctx.db)).toBe(before.length);
    const leaves = await t.ctx.db.select().from(logLeaves).orderBy(logLeaves.leafIndex);
    expect(leaves.map((l) => l.leafIndex)).toEqual(before.map((_, i) => i));
    expect(leaves.map((l) => l.auditSeq).sort((x, y) => x - y)).toEqual(before.map((e) => e.seq).sort((x, y) => x - y));
    expect(await t.ctx.db.select().from(logPending)).toEqual([]);
    expect(await integratePending(t.ctx.db)).toBe(0);
  });

  it('INT-1 a signed C2SP checkpoint is served as JSON and as text, and verifies with the public key', async () => {
    await makeCheckpoint(t.ctx.db, logSigner(t.ctx.config));
    const cp = await checkpoint();
    const text = openNote(cp.note, await verifierKey());
    expect(text).not.toBeNull();
    expect(parseCheckpointBody(text!)).toEqual({ origin: 'liuhen.example.gov.cn/log', size: cp.treeSize, root: b(cp.rootHash) });
    const plain = await anon().get('/api/log/checkpoint.txt');
    expect(plain.headers['content-type']).toMatch(/^text\/plain/);
    expect(plain.body).toBe(cp.note);
  });

  it('INT-1 inclusion proofs of every leaf and consistency proofs between checkpoints verify against the signed roots', async () => {
    const first = await checkpoint();
    for (let i = 0; i < 3; i++) await makeUser(t.app, agencyId, ['handler'], admin);
    await integratePending(t.ctx.db);
    await makeCheckpoint(t.ctx.db, logSigner(t.ctx.config));
    const second = await checkpoint();
    expect(second.treeSize).toBeGreaterThan(first.treeSize);
    const list = (await anon().get('/api/log/checkpoints?fromSize=0&limit=1')).json();
    expect(list.items).toHaveLength(1);
    expect(list.nextFromSize).toBe(second.treeSize);
    for (let i = 0; i < second.treeSize; i++) {
      const res = await anon().get(`/api/log/proofs/inclusion?leafIndex=${i}&treeSize=${second.treeSize}`);
      expect(res.statusCode).toBe(200);
      const p = res.json();
      expect(verifyInclusion(b(p.leafHash), i, second.treeSize, p.hashes.map(b), b(second.rootHash))).toBe(true);
    }
    const c = (await anon().get(`/api/log/proofs/consistency?fromSize=${first.treeSize}&toSize=${second.treeSize}`)).json();
    expect(verifyConsistency(first.treeSize, second.treeSize, c.hashes.map(b), b(first.rootHash), b(second.rootHash))).toBe(true);
  });

  it('INT-1 a leaf hash is public; the event it commits to only for who may read that audit event', async () => {
    const pub = (await anon().get('/api/log/leaves/1')).json();
    expect(pub.leafData).toBeNull();
    const mine = (await client(t.app, admin).get('/api/log/leaves/1')).json();
    expect(leafHash(Buffer.from(mine.leafData, 'utf8')).toString('base64')).toBe(mine.leafHash);
    expect(JSON.parse(mine.leafData).seq).toBe(mine.auditSeq);
    const handler = await makeUser(t.app, agencyId, ['handler'], admin);
    const asHandler = await signInAs(t.app, handler.username, userPassword);
    expect((await client(t.app, asHandler).get('/api/log/leaves/1')).json().leafData).toBeNull();
  });

  it('INT-1 bad indexes and sizes are 400 with a stable code, never 500', async () => {
    await integratePending(t.ctx.db);
    for (const url of [
      '/api/log/proofs/inclusion?leafIndex=5&treeSize=5',
      '/api/log/proofs/inclusion?leafIndex=0&treeSize=99999999',
      '/api/log/proofs/inclusion?leafIndex=-1&treeSize=3',
      '/api/log/proofs/inclusion?leafIndex=abc&treeSize=3',
      '/api/log/proofs/inclusion?leafIndex=1e40&treeSize=3',
      '/api/log/proofs/consistency?fromSize=0&toSize=3',
      '/api/log/proofs/consistency?fromSize=4&toSize=3',
      '/api/log/proofs/consistency?fromSize=1&toSize=99999999',
      '/api/log/checkpoints?fromSize=-3',
    ]) {
      const res = await anon().get(url);
      expect(res.statusCode, url).toBe(400);
      expect(res.json().code, url).toBe('VALIDATION_FAILED');
    }
    expect((await anon().get('/api/log/leaves/99999999')).statusCode).toBe(404);
    expect((await anon().get('/api/log/leaves/x')).statusCode).toBe(400);
  });

  it('INT-1 leaves, subtree hashes and checkpoints refuse UPDATE, DELETE and TRUNCATE', async () => {
    for (const stmt of [
      sql`update log_leaves set leaf_hash = leaf_hash where leaf_index = 0`,
      sql`delete from log_leaves where leaf_index = 0`,
      sql`truncate log_leaves`,
      sql`update log_nodes set hash = hash where level = 1`,
      sql`delete from log_nodes`,
      sql`truncate log_nodes`,
      sql`update log_checkpoints set note = note`,
      sql`delete from log_checkpoints`,
      sql`truncate log_checkpoints`,
    ]) {
      await expect(t.ctx.db.execute(stmt)).rejects.toThrow();
    }
  });
});

describe('INT-1 INT-2 verifyLog names what was changed behind the system’s back', () => {
  let t: TestApp;
  let vkey: string;
  const verify = async () => {
    const reports = await verifyLog(t.ctx.db, { verifierKey: vkey, origin: t.ctx.config.log.origin, now: new Date(t.clock.now().getTime() + 3_600_000) });
    return reports.flatMap((r) => r.discrepancies);
  };
  /** As an insider with superuser rights: triggers off for one transaction. */
  const behindTheBack = (stmt: ReturnType<typeof sql>) => t.ownerDb.transaction(async (tx) => {
    await tx.execute(sql`set local session_replication_role = replica`);
    await tx.execute(stmt);
  });

  beforeAll(async () => {
    t = await startTestApp();
    const admin = await signInAs(t.app, 'admin', adminPassword);
    const agencyId = (await makeAgency(t.app, admin)).id;
    for (let i = 0; i < 20; i++) await makeUnit(t.app, agencyId, admin);
    await integratePending(t.ctx.db);
    await makeCheckpoint(t.ctx.db, logSigner(t.ctx.config));
    vkey = (await client(t.app, null).get('/api/log/public-key')).json().verifierKey;
  });
  afterAll(() => t.close());

  it('INT-2 an untouched log: no discrepancy (no false alarm), every leaf examined', async () => {
    const reports = await verifyLog(t.ctx.db, { verifierKey: vkey, origin: t.ctx.config.log.origin, now: new Date(t.clock.now().getTime() + 3_600_000), batchSize: 7 });
    expect(reports.flatMap((r) => r.discrepancies)).toEqual([]);
    const size = (await t.ctx.db.select().from(logLeaves)).length;
    expect(reports.find((r) => r.check === 'event')!.examined).toBe(size);
  });

  it('INT-2 an edited, a deleted and a never-logged event, and a forked checkpoint are each named', async () => {
    const leaves = await t.ctx.db.select().from(logLeaves).orderBy(logLeaves.leafIndex);
    const edited = leaves[3]!;
    const deleted = leaves[5]!;
    await behindTheBack(sql`update audit_events set actor_name = '他人' where seq = ${edited.auditSeq}`);
    await behindTheBack(sql`delete from audit_events where seq = ${deleted.auditSeq}`);
    await behindTheBack(sql`insert into audit_events (occurred_at, action, object_type, content_hash) values (${t.clock.now().toISOString()}, 'agency.updated', 'agency', 'x') `);
    // Fork: the same key signs a different tree of the same size.
    const cp = (await client(t.app, null).get('/api/log/checkpoint')).json();
    const { signNote } = await import('../../src/domains/integrity/log/signed-note.js');
    const { checkpointBody } = await import('../../src/domains/integrity/log/checkpoint-text.js');
    const forgedRoot = Buffer.alloc(32, 9);
    const forged = signNote(checkpointBody(t.ctx.config.log.origin, cp.treeSize, forgedRoot), logSigner(t.ctx.config));
    await behindTheBack(sql`delete from log_checkpoints where tree_size = ${cp.treeSize}`);
    await behindTheBack(sql`insert into log_checkpoints values (${cp.treeSize}, ${forgedRoot}, ${forged}, now())`);

    const found = await verify();
    const named = (check: string, recordId: string) => found.filter((d) => d.check === check && d.recordId === recordId);
    expect(named('event', String(edited.auditSeq))[0]).toMatchObject({ table: 'audit_events', proof: { leafIndex: edited.leafIndex } });
    expect(named('event', String(deleted.auditSeq))[0]!.what).toMatch(/删除/);
    expect(found.some((d) => d.check === 'event' && /未入日志/.test(d.what))).toBe(true);
    expect(named('log', String(cp.treeSize))[0]).toMatchObject({ table: 'log_checkpoints', proof: { checkpointSize: cp.treeSize } });
    expect(found).toHaveLength(4);
  });

  it('INT-2 a changed subtree hash and leaves removed after they were signed are named', async () => {
    const leaves = await t.ctx.db.select().from(logLeaves).orderBy(logLeaves.leafIndex);
    await behindTheBack(sql`update log_nodes set hash = sha256(hash) where level = 2 and idx = 1`);
    await behindTheBack(sql`delete from log_leaves where leaf_index = ${leaves.at(-1)!.leafIndex}`);
    const found = await verify();
    expect(found.some((d) => d.table === 'log_nodes' && d.recordId === '2/1')).toBe(true);
    expect(found.some((d) => d.table === 'log_checkpoints' && /叶子被删除/.test(d.what))).toBe(true);
  });
});
