import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createReadStream } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import * as tus from 'tus-js-client';
import { afterAll, describe, expect, it } from 'vitest';
import { avRecords, avUploads } from '../../src/db/schema/index.js';
import { loadConfig } from '../../src/server/config.js';
import { openContext } from '../../src/server/start.js';
import { sha256OfFile, writeSampleMp4File } from '../support/ingest.js';
import { freePort, processDatabase, setUpIngestAgency, startServerProcess, type ServerProcess } from '../support/server-process.js';

// AV-2, AV-3: a large upload survives SIGKILLs of the server at random points and is finished by
// a second server process sharing the database and the data folder. Real processes, real sockets.
const sizeMb = Number(process.env.LIUHEN_TEST_BIG_MB ?? 300);

/** Small seeded PRNG: the kill points differ per seed but a failure can be replayed. */
const mulberry32 = (seed: number) => () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

describe('AV-2 resumable ingest across SIGKILL and a second server process', () => {
  const dir = mkdtempSync(join(tmpdir(), 'liuhen-resume-'));
  const dataDir = join(dir, 'data');
  let servers: ServerProcess[] = [];
  let db: Awaited<ReturnType<typeof processDatabase>> | undefined;
  afterAll(async () => {
    for (const s of servers) await s.kill();
    await db?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it(`AV-2 AV-3 INT-2 a ${sizeMb} MB upload, killed 3 times and finished on another process, is stored once with its hash`, async () => {
    const seed = Number(process.env.LIUHEN_TEST_SEED ?? Date.now() % 100_000);
    const random = mulberry32(seed);
    const file = join(dir, 'bodycam.mp4');
    const size = sizeMb * 1024 * 1024;
    const sourceHash = await writeSampleMp4File(file, size, `seed-${seed}`);
    db = await processDatabase();
    const portA = await freePort();
    const start = async (port: number) => {
      const s = await startServerProcess({ dataDir, databaseUrl: db!.url, port });
      servers.push(s);
      return s;
    };
    let server = await start(portA);
    const agency = await setUpIngestAgency(server.base);
    const headers = { authorization: `Bearer ${agency.token}` };
    const killAt = [0.15, 0.45, 0.7].map((f) => Math.floor((f + random() * 0.1) * size));
    const switchAt = Math.floor(0.85 * size);
    const metadata = { filename: 'bodycam.mp4', sha256: sourceHash, matterId: agency.matterId, officerCertificateNo: agency.certificateNo, deviceSerial: 'DSJ-A1' };

    // Phase 1: upload to process A; at each kill point SIGKILL it and start it again (same port).
    let kills = 0;
    let restarting: Promise<void> | null = null;
    const uploadUrl = await new Promise<string>((resolve, reject) => {
      const upload: tus.Upload = new tus.Upload(createReadStream(file) as never, {
        endpoint: `${server.base}/api/agencies/${agency.agencyId}/av/uploads`,
        chunkSize: 16 * 1024 * 1024,
        retryDelays: Array(200).fill(250),
        headers,
        metadata,
        storeFingerprintForResuming: false,
        onProgress: (sent) => {
          if (kills < killAt.length && sent >= killAt[kills]! && !restarting) {
            kills++;
            restarting = server.kill('SIGKILL').then(async () => {
              server = await start(portA);
              restarting = null;
            }, reject);
          } else if (kills === killAt.length && !restarting && sent >= switchAt) {
            void upload.abort().then(() => resolve(upload.url!));
          }
        },
        onSuccess: () => reject(new Error('finished before switching to process B')),
        onError: reject,
      });
      upload.start();
    });
    expect(kills).toBe(3);

    // Phase 2: process A dies; process B (another port, same database and data folder) finishes it.
    await server.kill('SIGKILL');
    const b = await start(await freePort());
    const urlOnB = uploadUrl.replace(server.base, b.base);
    const result = await new Promise<{ recordId?: string; sha256?: string }>((resolve, reject) => {
      const upload = new tus.Upload(createReadStream(file) as never, {
        uploadUrl: urlOnB,
        chunkSize: 16 * 1024 * 1024,
        retryDelays: [250, 500, 1000],
        headers,
        metadata,
        storeFingerprintForResuming: false,
        onSuccess: ({ lastResponse }) => resolve({ recordId: lastResponse.getHeader('Liuhen-Av-Record-Id'), sha256: lastResponse.getHeader('Liuhen-Object-Sha256') }),
        onError: reject,
      });
      upload.start();
    });
    expect(result.sha256).toBe(sourceHash);
    const uploadId = uploadUrl.split('/').pop()!;
    const status = await fetch(`${b.base}/api/agencies/${agency.agencyId}/av/uploads/${uploadId}`, { headers }).then((r) => r.json());
    expect(status).toMatchObject({ status: 'completed', offset: size, sha256: sourceHash, avRecordId: result.recordId });
    for (const s of servers) await s.kill();

    // What is durably there: one object with the source's hash, one record, no temp file left.
    const { ctx, close } = await openContext(loadConfig({ LIUHEN_DATA_DIR: dataDir, DATABASE_URL: db.url, LOG_LEVEL: 'silent' }));
    try {
      const records = await ctx.db.select().from(avRecords).where(eq(avRecords.uploadId, uploadId));
      expect(records).toHaveLength(1);
      expect(records[0]).toMatchObject({ objectKey: sourceHash, size, matterId: agency.matterId, officerId: agency.officerId, deviceSerial: 'DSJ-A1' });
      expect(await ctx.db.select().from(avRecords).where(eq(avRecords.objectKey, sourceHash))).toHaveLength(1);
      const [row] = await ctx.db.select().from(avUploads).where(eq(avUploads.id, uploadId));
      expect(row!.completedAt).not.toBeNull();
      const objects = readdirSync(join(dataDir, 'objects'), { recursive: true, withFileTypes: true }).filter((e) => e.isFile());
      expect(objects.map((e) => e.name)).toEqual([sourceHash]);
      expect(await sha256OfFile(join(objects[0]!.parentPath, objects[0]!.name))).toBe(sourceHash);
      expect(readdirSync(join(dataDir, 'uploads'))).not.toContain(uploadId);
    } finally {
      await close();
    }
  }, 240_000);
});
