import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/server/config.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

describe('health, OpenAPI and configuration (NFR-2, NFR-3)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('NFR-2 /api/health answers ok once the database is migrated', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok' });
  });

  it('NFR-3 the OpenAPI 3 document lists every API route with its schemas', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    expect(doc.openapi).toMatch(/^3\./);
    const documented = Object.entries(doc.paths as Record<string, Record<string, unknown>>).flatMap(([path, ops]) =>
      Object.keys(ops).map((m) => `${m.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`),
    );
    const routes = t.app.apiRoutes.filter((r) => r.url !== '/api/openapi.json').map((r) => `${r.method} ${r.url}`);
    expect(documented.sort()).toEqual(routes.sort());
    expect(doc.paths['/api/agencies/{agencyId}/units'].post.requestBody.content['application/json'].schema.required).toEqual(['name', 'kind']);
    const docs = await t.app.inject({ method: 'GET', url: '/api/docs/' });
    expect(docs.statusCode).toBe(200);
    expect(docs.body).toContain('swagger');
  });

  it('NFR-3 an unknown API path is a 404 with a code, not an HTML page', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/nothing-here' });
    expect(res.statusCode).toBe(404);
    expect(res.json().code).toBe('NOT_FOUND');
  });

  it('NFR-2 configuration is validated once, with a clear message for a bad value', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => loadConfig({ DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL/);
    expect(() => loadConfig({ LIUHEN_ADMIN_PASSWORD: 'short' })).toThrow(/LIUHEN_ADMIN_PASSWORD/);
    const c = loadConfig({ PORT: '8080', LIUHEN_DATA_DIR: '/tmp/x', PORT_UNUSED: '' });
    expect(c).toMatchObject({ port: 8080, dataDir: '/tmp/x', sessionIdleMs: 30 * 60_000 });
  });
});
