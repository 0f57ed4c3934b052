import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { PgUploadLocker } from '../../src/domains/av/ingest/pg-upload-locker.js';
import { sampleMp4 } from '../support/ingest.js';
import { freePort, processDatabase, setUpIngestAgency, startServerProcess, type ServerProcess } from '../support/server-process.js';

// AV-2, AV-3: two app processes sharing PostgreSQL and the store never write one upload at once.
// PGlite is single-process by nature (tus's in-memory lock), so this runs on the PostgreSQL leg.
const onPostgres = process.env.LIUHEN_TEST_DB === 'postgres';
const url = process.env.TEST_DATABASE_URL ?? '';

describe.skipIf(!onPostgres)('AV-2 upload lock across processes (PostgreSQL advisory lock)', () => {
  const lockers: PgUploadLocker[] = [];
  const newLocker = (timeoutMs?: number) => {
    const l = new PgUploadLocker(url, timeoutMs);
    lockers.push(l);
    return l;
  };
  afterAll(async () => {
    for (const l of lockers) await l.close();
  });

  it('AV-2 a second process asks the holder to release, and gets the lock once it does', async () => {
    const id = randomBytes(16).toString('hex');
    const a = newLocker().newLock(id);
    const b = newLocker().newLock(id);
    let asked = 0;
    let letGo = false;
    await a.lock(new AbortController().signal, () => {
      if (asked++ === 0)
        setTimeout(() => {
          letGo = true;
          void a.unlock();
        }, 100); // the stale request ends a moment later
    });
    await b.lock(new AbortController().signal, () => undefined);
    expect(asked).toBeGreaterThanOrEqual(1);
    expect(letGo).toBe(true); // B got the lock only after A let go
    await b.unlock();
  });

  it('AV-2 a holder that does not let go keeps the lock; the waiter gets 423 UPLOAD_BUSY', async () => {
    const id = randomBytes(16).toString('hex');
    const a = newLocker().newLock(id);
    await a.lock(new AbortController().signal, () => undefined);
    const b = newLocker(300).newLock(id);
    const err = await b.lock(new AbortController().signal, () => undefined).then(
      () => null,
      (e: { status_code: number; body: string }) => e,
    );
    expect(err?.status_code).toBe(423);
    expect(JSON.parse(err!.body)).toMatchObject({ code: 'UPLOAD_BUSY' });
    await a.unlock();
    const c = newLocker().newLock(id);
    await c.lock(new AbortController().signal, () => undefined); // free again after A unlocked
    await c.unlock();
  });

  it('AV-2 the lock of a connection that dies is gone (a killed process never leaves an upload locked)', async () => {
    const id = randomBytes(16).toString('hex');
    let told = 0;
    const holder = newLocker().newLock(id);
    await holder.lock(new AbortController().signal, () => void told++);
    // The holder's session dies (as when its process is killed, or the connection breaks).
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    const killed = await admin.query(`select pg_terminate_backend(pid) from pg_locks where locktype = 'advisory' and classid = ${0x7475} and granted`);
    await admin.end();
    expect(killed.rowCount).toBe(1);
    const b = newLocker(2_000).newLock(id);
    await b.lock(new AbortController().signal, () => undefined);
    await b.unlock();
    expect(told).toBeGreaterThanOrEqual(1); // the holder was told to stop writing
    await holder.unlock(); // its request ends: the broken connection is dropped, nothing throws
  });

  describe('two server processes', () => {
    const dir = mkdtempSync(join(tmpdir(), 'liuhen-lock-'));
    const servers: ServerProcess[] = [];
    let db: Awaited<ReturnType<typeof processDatabase>> | undefined;
    afterAll(async () => {
      for (const s of servers) await s.kill();
      await db?.drop();
      rmSync(dir, { recursive: true, force: true });
    });

    it('AV-2 AV-3 a stale PATCH still streaming on process A stops when process B takes the upload: its later bytes never reach the original', async () => {
      db = await processDatabase();
      const dataDir = join(dir, 'data');
      const a = await startServerProcess({ dataDir, databaseUrl: db.url, port: await freePort() });
      servers.push(a);
      const b = await startServerProcess({ dataDir, databaseUrl: db.url, port: await freePort() });
      servers.push(b);
      const agency = await setUpIngestAgency(a.base);
      const auth = { authorization: `Bearer ${agency.token}`, 'tus-resumable': '1.0.0' };
      const bytes = sampleMp4(4 * 1024 * 1024, 'lock');
      const sha256 = createHash('sha256').update(bytes).digest('hex');
      const meta = (k: string, v: string) => `${k} ${Buffer.from(v).toString('base64')}`;
      const created = await fetch(`${a.base}/api/agencies/${agency.agencyId}/av/uploads`, {
        method: 'POST',
        headers: { ...auth, 'upload-length': String(bytes.length), 'upload-metadata': [meta('filename', 'cam.mp4'), meta('sha256', sha256), meta('matterId', agency.matterId)].join(',') },
      });
      expect(created.status).toBe(201);
      const path = new URL(created.headers.get('location')!, a.base).pathname;

      // A stale client on A: 1 MiB of the right bytes, a long stall (a dead link), then wrong bytes
      // for as long as it is let — as a confused or hostile client might.
      let pulls = 0;
      const stale = new ReadableStream<Uint8Array>({
        async pull(controller) {
          pulls++;
          if (pulls === 1) return controller.enqueue(bytes.subarray(0, 1024 * 1024));
          await new Promise((r) => setTimeout(r, pulls === 2 ? 5_000 : 100));
          if (pulls > 40) return controller.close();
          controller.enqueue(Buffer.alloc(64 * 1024, 0xee));
        },
      });
      const patchStarted = Date.now();
      const stalePatch = fetch(`${a.base}${path}`, { method: 'PATCH', headers: { ...auth, 'upload-offset': '0', 'content-type': 'application/offset+octet-stream' }, body: stale, duplex: 'half' } as RequestInit).then(
        (r) => r.status,
        () => 'aborted',
      );
      await new Promise((r) => setTimeout(r, 400));

      // The client reconnects to B: HEAD (which makes A let go), then the rest from the offset B reports.
      const head = await fetch(`${b.base}${path}`, { method: 'HEAD', headers: auth });
      expect(head.status, JSON.stringify([...head.headers])).toBe(200);
      const offset = Number(head.headers.get('upload-offset'));
      expect(offset).toBeLessThanOrEqual(1024 * 1024);
      const rest = await fetch(`${b.base}${path}`, { method: 'PATCH', headers: { ...auth, 'upload-offset': String(offset), 'content-type': 'application/offset+octet-stream' }, body: new Uint8Array(bytes.subarray(offset)) });
      expect(rest.status).toBe(204);
      expect(rest.headers.get('liuhen-object-sha256')).toBe(sha256);

      // After A's stream has sent its wrong bytes, the stored object still has the source's hash:
      // A lost the upload when B asked for it, so nothing it sent later reached the original.
      await stalePatch; // tus ends a cancelled PATCH gracefully (its body is cut off where it was)
      await new Promise((r) => setTimeout(r, 5_000 - (Date.now() - patchStarted) + 1_500)); // past A's wrong bytes
      const recordId = rest.headers.get('liuhen-av-record-id')!;
      const content = await fetch(`${b.base}/api/agencies/${agency.agencyId}/av-records/${recordId}/content`, { headers: auth });
      expect(content.status).toBe(200);
      expect(createHash('sha256').update(Buffer.from(await content.arrayBuffer())).digest('hex')).toBe(sha256);
    }, 120_000);
  });
});
