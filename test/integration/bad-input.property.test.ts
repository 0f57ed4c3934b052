import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ZodType } from 'zod';
import { snapshot } from '../support/db-snapshot.js';
import { makeAgency, makeServiceToken, makeUnit, makeUser } from '../support/factories.js';
import { client, signInAs, type Session } from '../support/http-client.js';
import { adminPassword, startTestApp, type TestApp } from '../support/test-app.js';

// Bad input gets a 4xx with a stable code and changes nothing: random and malformed bodies are
// posted to every write route, as the platform administrator (allowed everywhere), with real ids
// in the path so the input reaches as deep as it can.
describe('bad input never makes a 5xx or a change (NFR-1, INT-2)', () => {
  let t: TestApp;
  let admin: Session;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    t = await startTestApp();
    admin = await signInAs(t.app, 'admin', adminPassword);
    ids.agencyId = (await makeAgency(t.app, admin)).id;
    ids.unitId = (await makeUnit(t.app, ids.agencyId, admin)).id;
    const user = await makeUser(t.app, ids.agencyId, ['handler'], admin);
    ids.userId = user.id;
    const officer = await client(t.app, admin).post(`/api/agencies/${ids.agencyId}/officers`, {
      name: '测试员', post: '队员', certificateNo: 'BAD-0001', certificateValidFrom: '2025-01-01', certificateValidTo: '2030-12-31', area: '全域',
    });
    ids.officerId = officer.json().id;
    ids.tokenId = (await makeServiceToken(t.app, ids.agencyId, admin)).tokenId;
  });
  afterAll(() => t.close());

  const shapeKeys = (schema: unknown): string[] => {
    const s = schema as { shape?: Record<string, unknown>; def?: { in?: unknown; schema?: unknown } };
    if (s?.shape) return Object.keys(s.shape);
    return s?.def?.schema ? shapeKeys(s.def.schema) : s?.def?.in ? shapeKeys(s.def.in) : [];
  };

  it('NFR-1 every write route answers random and malformed bodies with a 4xx code and leaves the database as it was', async () => {
    const routes = t.app.apiRoutes.filter((r) => r.method !== 'GET' && r.bodySchema);
    expect(routes.length).toBeGreaterThanOrEqual(13);
    for (const route of routes) {
      const schema = route.bodySchema as ZodType;
      const keys = shapeKeys(schema);
      const url = route.url.replace(/:([A-Za-z]+)/g, (_, name: string) => ids[name] ?? name);
      const wrongTypes = keys.length ? fc.dictionary(fc.constantFrom(...keys), fc.anything(), { maxKeys: keys.length }) : fc.object();
      const body = fc.oneof(
        fc.anything().map((v) => ({ json: v })),
        wrongTypes.map((v) => ({ json: v })),
        fc.string().map((raw) => ({ raw })),
        fc.constantFrom('{"name":', '[1,2', 'null', '{"__proto__":{"x":1}}', '\u0000', '{}}').map((raw) => ({ raw })),
      );
      await fc.assert(
        fc.asyncProperty(body, async (b) => {
          if ('json' in b && schema.safeParse(b.json).success) return; // valid input is not what this test is about
          const before = await snapshot(t.ctx.db);
          const res = await t.app.inject({
            method: route.method as 'POST',
            url,
            headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrfToken, 'content-type': 'application/json' },
            payload: 'json' in b ? JSON.stringify(b.json) : b.raw,
          });
          expect(res.statusCode, `${route.method} ${route.url} ${res.body}`).toBeGreaterThanOrEqual(400);
          expect(res.statusCode, `${route.method} ${route.url} ${res.body}`).toBeLessThan(500);
          expect(res.json().code).toMatch(/^[A-Z_]+$/);
          expect(await snapshot(t.ctx.db)).toEqual(before);
        }),
        { numRuns: 30 },
      );
    }
  }, 300_000);
});
