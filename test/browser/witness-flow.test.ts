import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatVerifierKey, generateWitnessSigner } from '../../src/domains/integrity/witness/cosignature.js';
import { runWitnessRound } from '../../src/domains/integrity/witness/run-witness.js';
import { checkpointNow } from '../integration/witness-support.js';
import { startBrowserApp, tabletPage } from '../support/browser.js';
import { menu, signIn } from '../support/browser-ui.js';
import { adminPassword, type TestApp } from '../support/test-app.js';

// INT-1: the platform administrator registers a supervising body as a witness of the log and
// sees, on the page 日志见证, whether it cosigned the latest checkpoint.
const shots = process.env.LIUHEN_SCREENSHOTS ?? '/tmp';
let t: TestApp;
let browser: Browser;
let base: string;
let stop: () => Promise<void>;
let dir: string;

beforeAll(async () => {
  ({ t, base, browser, close: stop } = await startBrowserApp());
  dir = mkdtempSync(join(tmpdir(), 'liuhen-witness-flow-'));
});
afterAll(async () => {
  await stop?.();
  rmSync(dir, { recursive: true, force: true });
});

describe('web app: log witnesses', () => {
  it('INT-1: the platform admin registers 南阳市司法局 as a witness; once it cosigned, the page says so', async () => {
    const page: Page = await tabletPage(browser);
    await signIn(page, base, 'admin', adminPassword);
    await page.waitForURL(`${base}/`);
    const checkpoint = await checkpointNow(t);

    await menu(page, '日志见证');
    await expect.poll(() => page.getByTestId('log-summary').textContent()).toContain(`${checkpoint.treeSize} 条记录`);
    const bureau = generateWitnessSigner('witness.nanyang.gov.cn/sfj');
    await page.getByTestId('witness-register').click();
    await page.getByTestId('witness-label').fill('南阳市司法局');
    await page.getByTestId('witness-key').fill('not a key');
    await page.getByTestId('witness-save').click();
    await expect.poll(() => page.locator('.ant-message').textContent()).toContain('见证方公钥格式不正确');
    await page.getByTestId('witness-key').fill(formatVerifierKey(bureau.name, bureau.publicKey));
    await page.getByTestId('witness-save').click();
    const row = page.getByTestId('witness-table').locator('tr', { hasText: '南阳市司法局' });
    await expect.poll(() => row.textContent()).toContain('尚未联署');
    expect(await row.textContent()).toContain(bureau.name);

    // The bureau's `liuhen witness` cosigns; the page shows it against the latest checkpoint.
    const round = await runWitnessRound({ url: base, signer: bureau, statePath: join(dir, 'state.json'), now: t.clock.now });
    expect(round).toMatchObject({ outcome: 'cosigned' });
    await page.reload();
    await expect.poll(() => page.getByTestId('witness-table').locator('tr', { hasText: '南阳市司法局' }).textContent()).toContain('已联署');
    await expect.poll(() => page.getByTestId('log-summary').textContent()).toContain('1 / 1 个见证方已联署最新检查点');
    await page.screenshot({ path: join(shots, 'liuhen-log-witnesses.png') });
    await page.context().close();
  });
});
