import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createReadStream } from 'node:fs';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../db/client.js';
import { avDerivatives, avRecords } from '../../db/schema/index.js';
import type { JobDefinition } from '../../jobs/queue.js';
import type { ObjectStore } from '../../store/object-store.js';
import { needsPlayableCopy, playableCopy, probeMedia, still } from './media-tools.js';

const payload = z.object({ avRecordId: z.uuid() });
/** Name and payload, for enqueueing without the handler's dependencies. */
export const deriveJobRef = { name: 'av.derive', payload };

/**
 * After ingest: read the media facts, make a thumbnail or poster and, where the browser cannot
 * play the original, a playable copy (AV-3, AV-6). Each derived file is a new object linked to
 * its original; the original is only ever read.
 */
export function deriveJob(db: Db, store: ObjectStore, now: () => Date): JobDefinition<typeof payload> {
  return {
    name: 'av.derive',
    payload,
    maxAttempts: 4,
    handle: async ({ avRecordId }) => {
      const [record] = await db.select().from(avRecords).where(eq(avRecords.id, avRecordId));
      if (!record) return 'done';
      const dir = await mkdtemp(join(tmpdir(), 'liuhen-derive-'));
      try {
        const input = join(dir, 'original');
        await pipeline(await store.read(record.objectKey), createWriteStream(input));
        const facts = record.kind === 'photo' ? null : await probeMedia(input).catch(() => null);
        if (facts) await db.update(avRecords).set({ mediaFacts: facts, updatedAt: now() }).where(eq(avRecords.id, avRecordId));
        const existing = new Set((await db.select({ kind: avDerivatives.kind }).from(avDerivatives).where(eq(avDerivatives.avRecordId, avRecordId))).map((d) => d.kind));
        const add = async (kind: string, file: string, mediaType: string) => {
          if (existing.has(kind)) return;
          const stored = await store.put(createReadStream(file));
          // Another run may have stored this kind meanwhile: its row stays (derivatives are
          // append-only) and this copy is dropped; the store is write-once and content-addressed.
          await db.insert(avDerivatives).values({ avRecordId, kind, objectKey: stored.key, mediaType, size: stored.size, createdAt: now() }).onConflictDoNothing({ target: [avDerivatives.avRecordId, avDerivatives.kind] });
        };
        if (record.kind === 'photo' || record.kind === 'video' || record.kind === 'cctv') {
          const jpg = join(dir, 'still.jpg');
          if (await still(input, jpg, record.kind === 'photo' ? 'photo' : 'video').catch(() => false)) await add(record.kind === 'photo' ? 'thumbnail' : 'poster', jpg, 'image/jpeg');
        }
        if (facts && needsPlayableCopy(facts)) {
          const mp4 = join(dir, 'playable.mp4');
          if (await playableCopy(input, mp4)) await add('playable', mp4, 'video/mp4');
        }
        return 'done';
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    },
  };
}
