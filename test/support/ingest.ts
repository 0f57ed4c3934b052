import { createCipheriv, createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { once } from 'node:events';
import jpeg from 'jpeg-js';
import * as tus from 'tus-js-client';

/** Deterministic pseudo-random bytes (AES-CTR over zeros) as the `mdat` box of an MP4 (`ftyp` first). */
export function sampleMp4(size: number, seed = 'liuhen'): Buffer {
  const out = createCipheriv('aes-256-ctr', createHash('sha256').update(seed).digest(), Buffer.alloc(16)).update(Buffer.alloc(size));
  mp4Header().copy(out, 0, 0, Math.min(size, 32));
  return out;
}

// A 24-byte ftyp box, then an mdat box of size 0 ("to the end of the file"): valid ISO BMFF boxes.
const mp4Header = () => Buffer.from([0, 0, 0, 0x18, ...Buffer.from('ftypisom'), 0, 0, 2, 0, ...Buffer.from('isommp41'), 0, 0, 0, 0, ...Buffer.from('mdat')]);

/** A real (decodable) JPEG photo of noise, deterministic per seed. */
export function sampleJpeg(seed = 'photo', width = 64, height = 48): Buffer {
  const data = createCipheriv('aes-256-ctr', createHash('sha256').update(seed).digest(), Buffer.alloc(16)).update(Buffer.alloc(width * height * 4));
  return Buffer.from(jpeg.encode({ data, width, height }, 90).data);
}

/** Writes `size` bytes of a sample MP4 to `path` in 8 MiB slices; returns its SHA-256. */
export async function writeSampleMp4File(path: string, size: number, seed = 'liuhen') {
  const key = createHash('sha256').update(seed).digest();
  const cipher = createCipheriv('aes-256-ctr', key, Buffer.alloc(16));
  const hash = createHash('sha256');
  const out = createWriteStream(path);
  const slice = 8 * 1024 * 1024;
  for (let at = 0; at < size; at += slice) {
    const part = cipher.update(Buffer.alloc(Math.min(slice, size - at)));
    if (at === 0) mp4Header().copy(part, 0, 0, Math.min(part.length, 32));
    hash.update(part);
    if (!out.write(part)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  return hash.digest('hex');
}

export const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

export async function sha256OfFile(path: string) {
  const h = createHash('sha256');
  for await (const chunk of createReadStream(path)) h.update(chunk as Buffer);
  return h.digest('hex');
}

export type TusResult = { status: number; headers: Record<string, string | undefined>; body: string; url: string | null };

/** One tus upload with tus-js-client (Node); resolves with the last response, success or not. */
export function tusUpload(endpoint: string, source: Buffer, opts: { headers: Record<string, string>; metadata?: Record<string, string>; chunkSize?: number; uploadUrl?: string }): Promise<TusResult> {
  return new Promise((resolve) => {
    const upload = new tus.Upload(source, {
      endpoint,
      uploadUrl: opts.uploadUrl,
      headers: opts.headers,
      metadata: opts.metadata ?? {},
      chunkSize: opts.chunkSize ?? Number.POSITIVE_INFINITY,
      retryDelays: [],
      storeFingerprintForResuming: false,
      onSuccess: ({ lastResponse }) =>
        resolve({ status: lastResponse.getStatus(), headers: { recordId: lastResponse.getHeader('Liuhen-Av-Record-Id'), sha256: lastResponse.getHeader('Liuhen-Object-Sha256') }, body: lastResponse.getBody(), url: upload.url }),
      onError: (err) => {
        const res = (err as tus.DetailedError).originalResponse;
        resolve({ status: res?.getStatus() ?? 0, headers: {}, body: res?.getBody() ?? String(err), url: upload.url });
      },
    });
    upload.start();
  });
}

export const authHeaders = (who: { cookie: string; csrfToken: string } | { token: string }): Record<string, string> =>
  'token' in who ? { authorization: `Bearer ${who.token}` } : { cookie: who.cookie, 'x-csrf-token': who.csrfToken };
