import { execFile } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { count, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { logCosignatures } from '../../src/db/schema/index.js';
import { rawPublicKey, verifierKey } from '../../src/domains/integrity/log/signed-note.js';
import { noteBody } from '../../src/domains/integrity/witness/receive-cosignature.js';
import { cosign, formatSignerKey, formatVerifierKey, generateWitnessSigner, parseVerifierKey, verifyCosignature } from '../../src/domains/integrity/witness/cosignature.js';
import { readState, runWitnessRound } from '../../src/domains/integrity/witness/run-witness.js';
import { makeAgency, makeUser } from '../support/factories.js';
import { client, signInAs, type Session } from '../support/http-client.js';
import { adminPassword, startTestApp, type TestApp } from '../support/test-app.js';
import { checkpointNow, forgedNote, forgedTree, hostileFront } from './witness-support.js';

// INT-1 witnessing: a supervising body's `liuhen witness` cosigns each checkpoint it found
// consistent with the last one it saw, and refuses — with an alarm — a forked or rewritten log,
// even one signed with the log's real key.
const root = resolve(import.meta.dirname, '../..');
const run = promisify(execFile);

let t: TestApp;
let admin: Session;
let appUrl: string;
let dir: string;
const bureau = generateWitnessSigner('witness.nanyang.gov.cn/sfj');
const bureauKey = formatVerifierKey(bureau.name, bureau.publicKey);

beforeAll(async () => {
  t = await startTestApp();
  admin = await signInAs(t.app, 'admin', adminPassword);
  appUrl = await t.app.listen({ port: 0, host: '127.0.0.1' });
  dir = mkdtempSync(join(tmpdir(), 'liuhen-witness-'));
});
afterAll(async () => {
  await t?.close();
  rmSync(dir, { recursive: true, force: true });
});

const witnessRound = (statePath: string, url = appUrl) => runWitnessRound({ url, signer: bureau, statePath, now: t.clock.now });

describe('INT-1 witnesses', () => {
  it('the platform admin registers a witness by its verifier key; nobody else may; a bad key is 400, a second key under one name 409', async () => {
    const agency = await makeAgency(t.app, admin);
    const agencyAdmin = await makeUser(t.app, agency.id, ['admin'], admin);
    const asAgencyAdmin = await signInAs(t.app, agencyAdmin.username, agencyAdmin.password);
    expect((await client(t.app, asAgencyAdmin).post('/api/log/witnesses', { verifierKey: bureauKey, label: '南阳市司法局' })).statusCode).toBe(403);
    expect((await client(t.app, null).post('/api/log/witnesses', { verifierKey: bureauKey, label: '南阳市司法局' })).statusCode).toBe(401);

    const bad = await client(t.app, admin).post('/api/log/witnesses', { verifierKey: bureauKey.replace(/\+[0-9a-f]{8}\+/u, '+00000000+'), label: '南阳市司法局' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toContain('见证方公钥格式不正确');

    const res = await client(t.app, admin).post('/api/log/witnesses', { verifierKey: bureauKey, label: '南阳市司法局' });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ name: bureau.name, label: '南阳市司法局', verifierKey: bureauKey });

    const impostor = generateWitnessSigner(bureau.name);
    expect((await client(t.app, admin).post('/api/log/witnesses', { verifierKey: formatVerifierKey(impostor.name, impostor.publicKey), label: '冒名者' })).statusCode).toBe(409);
    const listed = await client(t.app, null).get('/api/log/witnesses');
    expect(listed.json().map((w: { name: string }) => w.name)).toEqual([bureau.name]);
  });

  it('normal growth is cosigned: the first run trusts on first use, each later one after checking consistency; the cosignatures verify', async () => {
    const statePath = join(dir, 'growth.json');
    const first = await checkpointNow(t);
    expect(await witnessRound(statePath)).toMatchObject({ outcome: 'cosigned', treeSize: first.treeSize, firstUse: true, posted: 'created' });
    expect(readState(statePath)!.last.treeSize).toBe(first.treeSize);

    await signInAs(t.app, 'admin', adminPassword); // more audit events
    t.clock.advance(60_000);
    const second = await checkpointNow(t);
    expect(second.treeSize).toBeGreaterThan(first.treeSize);
    expect(await witnessRound(statePath)).toMatchObject({ outcome: 'cosigned', treeSize: second.treeSize, firstUse: false, grownFrom: first.treeSize });

    const listed = (await client(t.app, null).get(`/api/log/cosignatures?treeSize=${second.treeSize}`)).json();
    expect(listed).toHaveLength(1);
    expect(listed[0]).toMatchObject({ witnessName: bureau.name, witnessLabel: '南阳市司法局', treeSize: second.treeSize, rootHash: second.rootHash.toString('base64') });
    expect(verifyCosignature(noteBody(second.note), listed[0].signatureLine, parseVerifierKey(bureauKey)!)).toMatchObject({ ok: true });
  });

  it('a cosignature is kept only from a registered witness, when it verifies, over a checkpoint this log signed; a repeat is stored once', async () => {
    await signInAs(t.app, 'admin', adminPassword);
    t.clock.advance(60_000);
    const c = await checkpointNow(t);
    const body = noteBody(c.note);
    const post = (checkpoint: string, signature: string) => client(t.app, null).post('/api/log/cosignatures', { checkpoint, signature });
    const at = Math.floor(t.clock.now().getTime() / 1000);

    const stranger = generateWitnessSigner('witness.unknown.gov.cn');
    expect((await post(body, cosign(body, stranger, at))).statusCode).toBe(403);

    const line = cosign(body, bureau, at);
    const sigBytes = Buffer.from(line.split(' ')[2]!, 'base64');
    sigBytes[30]! ^= 0x01;
    const tampered = await post(body, `\u2014 ${bureau.name} ${sigBytes.toString('base64')}`);
    expect(tampered.statusCode).toBe(400);
    expect(tampered.json().message).toContain('联署签名无效');

    const notOurs = forgedTree(c.treeSize, 'other history');
    const forgedBody = noteBody(forgedNote(t, c.treeSize, notOurs.root));
    const refused = await post(forgedBody, cosign(forgedBody, bureau, at));
    expect(refused.statusCode).toBe(400);
    expect(refused.json().message).toContain('本日志未签发过此检查点');

    const future = await post(body, cosign(body, bureau, at + 3600));
    expect(future.statusCode).toBe(400);

    expect((await post(c.note, line)).statusCode).toBe(201);
    expect((await post(c.note, line)).statusCode).toBe(200);
    const [stored] = await t.ctx.db.select({ n: count() }).from(logCosignatures).where(eq(logCosignatures.signatureLine, line));
    expect(stored!.n).toBe(1);
  });

  it('a forked log (another tree of the same size, signed with the log key) is refused: nothing cosigned, a Chinese alarm, exit code 3', async () => {
    const statePath = join(dir, 'fork.json');
    const real = await checkpointNow(t);
    expect(await witnessRound(statePath)).toMatchObject({ outcome: 'cosigned', treeSize: real.treeSize });

    const fork = forgedTree(real.treeSize, 'rewritten');
    const front = await hostileFront(appUrl, new Map([['/api/log/checkpoint.txt', () => ({ type: 'text/plain', body: forgedNote(t, real.treeSize, fork.root) })]]));
    try {
      const before = await countCosignatures();
      expect(await witnessRound(statePath, front.url)).toMatchObject({ outcome: 'alarm', alarm: expect.stringContaining('日志分叉') });
      expect(readState(statePath)!.last.rootHash).toBe(real.rootHash.toString('base64'));

      // The same as the operator runs it: a process, its exit code and what it prints.
      const keyFile = join(dir, 'bureau.key');
      writeFileSync(keyFile, formatSignerKey(bureau), { mode: 0o600 });
      const failure = await run(process.execPath, ['--import', 'tsx', join(root, 'src/server/cli.ts'), 'witness', '--url', front.url, '--key', keyFile, '--state', statePath, '--once'], { cwd: root }).then(
        () => null,
        (e: { code: number; stderr: string }) => e,
      );
      expect(failure?.code).toBe(3);
      expect(failure?.stderr).toContain('【报警】');
      expect(failure?.stderr).toContain('日志分叉');
      expect(await countCosignatures()).toBe(before);
    } finally {
      await front.close();
    }
  });

  it('a rewritten history served as a grown tree (its consistency proof from the other history) is refused', async () => {
    const statePath = join(dir, 'rewrite.json');
    const real = await checkpointNow(t);
    expect(await witnessRound(statePath)).toMatchObject({ outcome: 'cosigned' });
    const bigger = forgedTree(real.treeSize + 5, 'rewritten');
    const front = await hostileFront(
      appUrl,
      new Map([
        ['/api/log/checkpoint.txt', () => ({ type: 'text/plain', body: forgedNote(t, real.treeSize + 5, bigger.root) })],
        ['/api/log/proofs/consistency', () => ({ type: 'application/json', body: JSON.stringify({ fromSize: real.treeSize, toSize: real.treeSize + 5, hashes: bigger.consistency(real.treeSize) }) })],
      ]),
    );
    try {
      expect(await witnessRound(statePath, front.url)).toMatchObject({ outcome: 'alarm', alarm: expect.stringContaining('日志不一致') });
    } finally {
      await front.close();
    }
  });

  it('a log key replaced behind the witness\'s back is refused: the first key it saw stays pinned', async () => {
    const statePath = join(dir, 'rekey.json');
    await checkpointNow(t);
    expect(await witnessRound(statePath)).toMatchObject({ outcome: 'cosigned' });
    const { publicKey } = generateKeyPairSync('ed25519');
    const otherKey = verifierKey(t.ctx.config.log.origin, rawPublicKey(publicKey));
    const front = await hostileFront(appUrl, new Map([['/api/log/public-key', () => ({ type: 'application/json', body: JSON.stringify({ origin: t.ctx.config.log.origin, verifierKey: otherKey, algorithm: 'Ed25519' }) })]]));
    try {
      expect(await witnessRound(statePath, front.url)).toMatchObject({ outcome: 'alarm', alarm: expect.stringContaining('日志公钥被更换') });
    } finally {
      await front.close();
    }
  });

  it('witnesses and cosignatures are append-only at the database (INT-2)', async () => {
    for (const stmt of [sql`update witnesses set label = '改'`, sql`delete from log_cosignatures`, sql`truncate log_cosignatures`, sql`truncate witnesses cascade`]) {
      // As the owner (the app role may not even try): the trigger refuses, and Drizzle wraps its message as the cause.
      await expect(t.ownerDb.execute(stmt)).rejects.toSatisfy((e: Error) => /append-only/u.test(`${e.message} ${(e.cause as Error | undefined)?.message}`));
    }
  });
});

async function countCosignatures() {
  const [r] = await t.ctx.db.select({ n: count() }).from(logCosignatures);
  return r!.n;
}
