import { openDatabase } from '../db/client.js';
import { checkAppRole } from '../db/roles.js';
import { startPgliteMaintenance } from '../db/pglite-maintenance.js';
import { bootstrapAdmin } from '../domains/auth/bootstrap-admin.js';
import { deriveJob } from '../domains/av/derive-job.js';
import { useMediaTools } from '../domains/av/media-tools.js';
import { reevaluateMatterJob } from '../domains/findings/reevaluate.js';
import { startFindingsScheduler } from '../domains/findings/scheduler.js';
import { startIntegrityScheduler } from '../domains/integrity/fixity/scheduler.js';
import { verifyJob } from '../domains/integrity/verify/verify-job.js';
import { hasBaseline, writeBaseline } from '../domains/integrity/verify/baseline.js';
import { startLogIntegrator } from '../domains/integrity/log/scheduler.js';
import { startWorker } from '../jobs/queue.js';
import { LocalObjectStore } from '../store/local-object-store.js';
import { S3ObjectStore } from '../store/s3-object-store.js';
import type { Config } from './config.js';
import type { AppContext } from './context.js';

/** Opens the database (migrating it), the object store, and the admin account: everything but HTTP. */
export async function openContext(config: Config) {
  const database = await openDatabase({ databaseUrl: config.databaseUrl, migrationDatabaseUrl: config.migrationDatabaseUrl, appRole: config.appRole, dataDir: config.dataDir, poolMax: config.dbPoolMax });
  useMediaTools(config.mediaTools);
  await database.migrate();
  const ctx: AppContext = {
    db: database.db,
    dbKind: database.kind,
    config,
    store: config.store.kind === 's3' ? new S3ObjectStore(config.store, config.dataDir) : new LocalObjectStore(config.dataDir),
    clock: () => new Date(),
  };
  return { ctx, close: () => database.close() };
}

export async function startServer(config: Config) {
  const t0 = performance.now();
  // PGlite compiles its WebAssembly while the HTTP layer's modules load: start both at once.
  const opening = openContext(config);
  const { buildApp } = await import('./app.js');
  const { ctx, close } = await opening;
  const admin = await bootstrapAdmin(ctx.db, config.adminPassword, ctx.clock());
  // Records from before content commitments existed are committed once (INT-1).
  if (!(await hasBaseline(ctx.db))) await writeBaseline(ctx.db, ctx.clock());
  const app = await buildApp(ctx);
  if (ctx.store instanceof S3ObjectStore) {
    // Loud on purpose: without Object Lock, originals are not write-once (AV-3).
    for (const warning of await ctx.store.prepare()) {
      app.log.warn(warning);
      console.error(warning);
    }
  }
  await app.listen({ port: config.port, host: config.host });
  // Loud, not fatal: a dev database runs as its owner; production must not (README, two roles).
  if (ctx.dbKind === 'postgres') for (const warning of (await checkAppRole(ctx.db)).warnings) app.log.warn(`[数据库权限 database rights] ${warning}`);
  startFindingsScheduler(ctx, app.log, { everyMs: config.findingsSweepMs, leaseMs: config.jobLeaseMs });
  startLogIntegrator(ctx, app.log);
  startIntegrityScheduler(ctx, app.log);
  if (ctx.dbKind === 'pglite') startPgliteMaintenance(ctx.db, (err) => app.log.error({ err }, 'analyze failed'));
  // Two workers, so a long transcode never holds back the findings of a change.
  const onJobError = (err: unknown) => app.log.error({ err }, 'job failed');
  startWorker(ctx.db, [deriveJob(ctx.db, ctx.store, ctx.clock), verifyJob(ctx.db, ctx.store, config, ctx.clock)], ctx.clock, onJobError, config.jobPollMs, config.jobLeaseMs);
  startWorker(ctx.db, [reevaluateMatterJob(ctx.db, ctx.clock)], ctx.clock, onJobError, config.jobPollMs, config.jobLeaseMs);
  if (admin.generatedPassword) {
    // Printed once, on stdout, never logged to the log stream.
    console.log(`\n首次启动：已创建平台管理员 admin，初始密码：${admin.generatedPassword}\n请登录后立即修改密码。\n`);
  }
  app.log.info({ readyMs: Math.round(performance.now() - t0), database: ctx.dbKind, dataDir: config.dataDir }, 'Liuhen ready');
  const shutdown = async () => {
    await app.close();
    await close();
    process.exit(0);
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
  return { app, ctx, close };
}
