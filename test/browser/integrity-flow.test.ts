import { chmod, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyJob } from '../../src/domains/integrity/verify/verify-job.js';
import type { LocalObjectStore } from '../../src/store/local-object-store.js';
import { fakeMp4, ingestBytes } from '../support/av-records.js';
import { startBrowserApp, tabletPage } from '../support/browser.js';
import { menu, signIn } from '../support/browser-ui.js';
import { makeAgency } from '../support/factories.js';
import { runPendingJobs } from '../support/jobs.js';
import { adminPassword, type TestApp } from '../support/test-app.js';

// INT-2 in the web app: the platform admin's 「完整性校验」 page starts a run (a background job),
// then shows 全部一致 — or, after an original was changed on disk, the discrepancy in Chinese.

const shots = process.env.LIUHEN_SCREENSHOTS ?? '/tmp';
let t: TestApp;
let browser: Browser;
let base: string;
let stop: () => Promise<void>;

beforeAll(async () => {
  ({ t, base, browser, close: stop } = await startBrowserApp());
});
afterAll(async () => {
  await stop?.();
});

describe('integrity page', () => {
  it('INT-2 the platform admin verifies the deployment in the web app and sees a changed original named', async () => {
    const agency = await makeAgency(t.app);
    const record = await ingestBytes(t, agency.id, fakeMp4(5000, 3));
    const runJobs = () => runPendingJobs(t, [verifyJob(t.ctx.db, t.ctx.store, t.ctx.config, t.clock.now) as never]);
    const page = await tabletPage(browser);
    await signIn(page, base, 'admin', adminPassword);
    await menu(page, '完整性校验');
    await expect.poll(() => page.getByText('尚未做过完整性校验').count()).toBe(1);

    await page.getByTestId('integrity-start').click();
    await expect.poll(() => page.getByText('校验在后台进行').count()).toBe(1);
    expect(await runJobs()).toBe(1);
    await expect.poll(() => page.getByTestId('integrity-ok').count()).toBe(1);

    // Someone with access to the data folder flips a byte of the original.
    const path = (t.ctx.store as LocalObjectStore).pathOf(record.objectKey);
    const bytes = await readFile(path);
    bytes[300] = bytes[300]! ^ 0x10;
    await chmod(path, 0o644);
    await writeFile(path, bytes);
    await page.getByTestId('integrity-start').click();
    expect(await runJobs()).toBe(1);
    await expect.poll(() => page.getByTestId('integrity-failed').textContent()).toContain('发现 1 处不一致');
    const row = page.getByTestId('integrity-discrepancies').locator('tbody tr');
    await expect.poll(() => row.first().textContent()).toContain('原件内容与其 SHA-256 不符');
    expect(await row.first().textContent()).toContain('原件存储');
    await page.screenshot({ path: join(shots, 'liuhen-integrity.png') });
  });
});
