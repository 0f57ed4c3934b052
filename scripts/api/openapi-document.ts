import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Db } from '../../src/db/client.js';
import { buildApp } from '../../src/server/app.js';
import { loadConfig } from '../../src/server/config.js';
import type { AppContext } from '../../src/server/context.js';
import type { ObjectStore } from '../../src/store/object-store.js';

/** Every route with a schema is an operation: an unused database and store are enough to list them. */
const unreachable = <T extends object>(what: string) =>
  new Proxy({}, { get: (_t, key) => (key === 'kind' ? 'local' : () => { throw new Error(`${what} is not available while building the API document`); }) }) as T;

/**
 * The OpenAPI document the server answers at /api/openapi.json, built in-process: routes are
 * registered and Fastify is made ready, but nothing listens and no database is opened.
 */
export async function buildOpenApiDocument(): Promise<Record<string, unknown>> {
  const dataDir = mkdtempSync(join(tmpdir(), 'liuhen-openapi-'));
  try {
    const config = loadConfig({ LIUHEN_DATA_DIR: dataDir, LOG_LEVEL: 'silent' });
    const ctx: AppContext = { db: unreachable<Db>('the database'), dbKind: 'pglite', config, store: unreachable<ObjectStore>('the object store'), clock: () => new Date(0) };
    const app = await buildApp(ctx, { logger: false });
    await app.ready();
    const doc = app.swagger() as unknown as Record<string, unknown>;
    await app.close();
    return doc;
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}
