import { existsSync } from 'node:fs';
import { defineConfig } from 'vitest/config';

// Test tiers (see ARCHITECTURE.md): pure rules; use cases through HTTP on PGlite and, when
// TEST_DATABASE_URL is set, the same suite again on PostgreSQL; user flows in headless Chromium.
const chromium = process.env.LIUHEN_CHROMIUM ?? '/usr/bin/chromium';
const hasChromium = existsSync(chromium);
const pgUrl = process.env.TEST_DATABASE_URL;

if (!pgUrl) console.log('[liuhen tests] TEST_DATABASE_URL not set: PostgreSQL leg SKIPPED (CI always runs it).');
if (!hasChromium) console.log(`[liuhen tests] ${chromium} not found: browser tests SKIPPED (CI always runs them).`);

const integration = ['test/integration/**/*.test.ts'];
// S3 tests start one Ceph cluster for the run when first needed; this stops it (test/support/ceph-s3.ts).
const globalSetup = ['test/support/ceph-global-setup.ts'];

export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    projects: [
      { extends: true as const, test: { name: 'rules', include: ['src/**/*.test.ts'] } },
      { extends: true as const, test: { name: 'http-pglite', include: integration, globalSetup, env: { LIUHEN_TEST_DB: 'pglite' } } },
      ...(pgUrl
        ? [{ extends: true as const, test: { name: 'http-postgres', include: integration, globalSetup, env: { LIUHEN_TEST_DB: 'postgres' } } }]
        : []),
      ...(hasChromium
        ? // expect.poll waits for the page's state; its default 1 s ran out on a loaded 2-core machine.
          [{ extends: true as const, test: { name: 'browser', include: ['test/browser/**/*.test.ts'], fileParallelism: false, testTimeout: 90_000, expect: { poll: { timeout: 15_000 } } } }]
        : []),
    ],
  },
});
