import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { checkpointBody } from '../../src/domains/integrity/log/checkpoint-text.js';
import { makeCheckpoint } from '../../src/domains/integrity/log/checkpoint.js';
import { integratePending } from '../../src/domains/integrity/log/integrator.js';
import { consistencyProof, leafHash, nodeHash, rootHash, type HashReader } from '../../src/domains/integrity/log/merkle.js';
import { signNote } from '../../src/domains/integrity/log/signed-note.js';
import { logSigner } from '../../src/domains/integrity/log/signing-key.js';
import type { TestApp } from '../support/test-app.js';

// Helpers for the witness tests: drive the log as its scheduler would, and stand a hostile server
// in front of the app — one that holds the log's signing key and serves another history.

/** Integrates pending events and signs a checkpoint, as the log's scheduler does each minute. */
export async function checkpointNow(t: TestApp) {
  await integratePending(t.ctx.db, { now: t.clock.now });
  const c = await makeCheckpoint(t.ctx.db, logSigner(t.ctx.config), { now: t.clock.now() });
  if (!c) throw new Error('the log is empty');
  return c;
}

/** A tree over made-up leaves: another history than the log's. */
export function forgedTree(size: number, tag: string) {
  const read: HashReader = (level, index) => (level === 0 ? leafHash(`${tag} ${index}`) : nodeHash(read(level - 1, 2 * index), read(level - 1, 2 * index + 1)));
  return { root: rootHash(size, read), consistency: (from: number) => consistencyProof(from, size, read).map((h) => h.toString('base64')) };
}

/** A checkpoint note of `size` leaves with `root`, signed with the real log key (the insider's fork). */
export const forgedNote = (t: TestApp, size: number, root: Buffer) => signNote(checkpointBody(t.ctx.config.log.origin, size, root), logSigner(t.ctx.config));

/**
 * An HTTP front for the app that answers the paths in `override` itself (path without query →
 * body) and forwards everything else. `url` is what a witness is pointed at.
 */
export async function hostileFront(appUrl: string, override: Map<string, () => { type: string; body: string }>) {
  const server: Server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0]!;
    const fake = override.get(path);
    if (fake) {
      const { type, body } = fake();
      res.writeHead(200, { 'content-type': type }).end(body);
      return;
    }
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      void fetch(new URL(req.url ?? '/', appUrl), { method: req.method, headers: { 'content-type': req.headers['content-type'] ?? 'application/json' }, body: chunks.length ? Buffer.concat(chunks) : undefined })
        .then(async (answer) => res.writeHead(answer.status, { 'content-type': answer.headers.get('content-type') ?? 'text/plain' }).end(Buffer.from(await answer.arrayBuffer())))
        .catch(() => res.writeHead(502).end());
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
