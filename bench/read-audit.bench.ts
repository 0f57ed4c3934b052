// INT-1 figures: what recording a read costs. p50 of GET matter (which writes `matter.viewed`)
// against the same detail through the same HTTP pipeline without the event, in one process and
// one run, interleaved in blocks so both meet the same caches and the same growing audit table.
// On PGlite, and on PostgreSQL when it answers (BENCH_PG_URL, BENCH_SKIP_PG=1 to leave it out).
// Run: npm run bench -- read-audit   (BENCH_READ_ROUNDS, default 20 rounds × 50 requests each).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { bootstrapAdmin } from '../src/domains/auth/bootstrap-admin.js';
import { matterDetail } from '../src/domains/matters/matter-detail.js';
import { canReadMatters } from '../src/domains/matters/policy.js';
import { matterDetailView } from '../src/domains/matters/views.js';
import { buildApp } from '../src/server/app.js';
import { loadConfig } from '../src/server/config.js';
import { forAgency } from '../src/server/http/access.js';
import { principalOf } from '../src/server/http/auth-hooks.js';
import { openContext } from '../src/server/start.js';
import { agencyParams, uuidParam } from '../src/shared/http-schemas.js';
import { makeEnforcementTeam } from '../test/support/factories.js';
import { client, signInAs } from '../test/support/http-client.js';
import { freshPgDatabase } from './support.js';

const ROUNDS = Number(process.env.BENCH_READ_ROUNDS ?? 20);
const PER_BLOCK = 50;
const password = 'Bench-pass-2026';

/** The same detail as GET matter, without its read event: only for this comparison. */
function withoutEvent(app: FastifyInstance, ctx: Parameters<typeof buildApp>[0]) {
  app.withTypeProvider<ZodTypeProvider>().get('/api/bench/agencies/:agencyId/matters/:matterId/without-read-event', {
    config: { access: forAgency(canReadMatters) },
    schema: { hide: true, params: agencyParams.extend({ matterId: uuidParam }), response: { 200: matterDetailView } },
    handler: (req) => matterDetail(ctx.db, principalOf(req), req.params.agencyId, req.params.matterId),
  });
}

const p50 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function measure(label: string, databaseUrl?: string) {
  const dataDir = mkdtempSync(join(tmpdir(), 'liuhen-bench-reads-'));
  const { ctx, close } = await openContext(loadConfig({ LIUHEN_DATA_DIR: dataDir, DATABASE_URL: databaseUrl, LOG_LEVEL: 'silent' }));
  await bootstrapAdmin(ctx.db, password, new Date());
  const app = await buildApp(ctx, { logger: false });
  withoutEvent(app, ctx);
  await app.ready();
  try {
    const team = await makeEnforcementTeam(app, await signInAs(app, 'admin', password));
    const as = client(app, team.handler.session);
    const base = `/api/agencies/${team.agency.id}/matters`;
    const matter = (await as.post(base, { category: 'coercive_measure', startRoute: 'emergency', title: '扣押涉案设备', officerIds: [team.handler.officer.id, team.secondOfficer.id] })).json() as { id: string };
    await as.post(`${base}/${matter.id}/steps`, { step: 'emergency_start', occurredAt: new Date().toISOString() });
    await as.post(`${base}/${matter.id}/steps`, { step: 'seizure', occurredAt: new Date().toISOString() });
    const urls = { with: `${base}/${matter.id}`, without: `/api/bench/agencies/${team.agency.id}/matters/${matter.id}/without-read-event` };
    const times: Record<keyof typeof urls, number[]> = { with: [], without: [] };
    const block = async (kind: keyof typeof urls, keep: boolean) => {
      for (let i = 0; i < PER_BLOCK; i++) {
        const t0 = performance.now();
        const res = await as.get(urls[kind]);
        if (res.statusCode !== 200) throw new Error(`${kind}: ${res.statusCode} ${res.body}`);
        if (keep) times[kind].push(performance.now() - t0);
      }
    };
    await block('with', false);
    await block('without', false);
    for (let r = 0; r < ROUNDS; r++) {
      const order: Array<keyof typeof urls> = r % 2 ? ['with', 'without'] : ['without', 'with'];
      for (const kind of order) await block(kind, true);
    }
    const withMs = p50(times.with);
    const withoutMs = p50(times.without);
    console.log(`${label.padEnd(10)} GET matter p50 with read event ${withMs.toFixed(2)} ms · without ${withoutMs.toFixed(2)} ms · ×${(withMs / withoutMs).toFixed(2)} (+${(withMs - withoutMs).toFixed(2)} ms; ${times.with.length} requests each)`);
  } finally {
    await app.close();
    await close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await measure('PGlite');
if (process.env.BENCH_SKIP_PG !== '1') {
  const pgDb = await freshPgDatabase().catch((e: Error) => (console.log(`PostgreSQL skipped: ${e.message}`), null));
  if (pgDb) {
    try {
      await measure('PostgreSQL', pgDb.url);
    } finally {
      await pgDb.drop();
    }
  }
}
