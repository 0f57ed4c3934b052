import type { Readable } from 'node:stream';
import { systemActor } from '../../src/domains/audit/record-audit.js';
import { sniffMedia } from '../../src/domains/av/media-kind.js';
import { registerAvRecord, type AvUploadMetadata } from '../../src/domains/av/register-record.js';
import type { TestApp } from './test-app.js';

/**
 * Puts bytes in the store and registers them as an AV record through the same use case that a
 * finished upload calls — for tests of what happens after ingest (metadata, playback, export).
 */
export async function ingestBytes(t: TestApp, agencyId: string, bytes: Buffer | Readable, metadata: AvUploadMetadata = {}, fileName = 'clip.mp4') {
  const stored = await t.ctx.store.put(bytes);
  const head = Buffer.isBuffer(bytes) ? bytes.subarray(0, 512) : Buffer.alloc(0);
  const sniffed = sniffMedia(head) ?? { mediaType: 'video/mp4', kind: 'video' as const };
  return t.ctx.db.transaction((tx) =>
    registerAvRecord(tx, systemActor('test-ingest'), { agencyId, objectKey: stored.key, size: stored.size, mediaType: sniffed.mediaType, kind: sniffed.kind, fileName, uploadId: null, metadata }, t.clock.now()),
  );
}

/** An MP4-looking byte string ("ftyp" box first) of the given size, deterministic. */
export function fakeMp4(size: number, seed = 1) {
  const b = Buffer.alloc(size);
  for (let i = 0; i < size; i++) b[i] = (i * 31 + seed * 17) & 0xff;
  b.write('\u0000\u0000\u0000\u0018ftypisom\u0000\u0000\u0002\u0000isommp41\u0000\u0000\u0000\u0000mdat', 0, 'latin1');
  return b;
}
