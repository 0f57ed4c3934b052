import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBrowserApp, tabletPage } from '../support/browser.js';
import { signIn } from '../support/browser-ui.js';
import { executionHelpers } from '../support/execution.js';
import { makeEnforcementTeam, userPassword } from '../support/factories.js';
import { signInAs } from '../support/http-client.js';
import { adminPassword, type TestApp } from '../support/test-app.js';

// CASE-11 in the web app: a fine of 1,000 元 served and left unpaid; on the matter page the
// 罚款缴纳 card shows the 加处罚款 the server computed (capped at the fine after 34 days), and the
// officer records the payment from its receipt.

const shots = process.env.LIUHEN_SCREENSHOTS ?? '/tmp';
let t: TestApp;
let browser: Browser;
let base: string;
let stop: () => Promise<void>;
let team: Awaited<ReturnType<typeof makeEnforcementTeam>>;
let matterId: string;

beforeAll(async () => {
  ({ t, base, browser, close: stop } = await startBrowserApp());
  team = await makeEnforcementTeam(t.app, await signInAs(t.app, 'admin', adminPassword));
  const h = executionHelpers(t.app, team, () => t.clock.now());
  // Decided and served 60 days ago on the server's clock: unpaid, the surcharge has reached the fine.
  t.clock.advance(-60 * 86_400_000);
  const m = await h.penaltyWithFine(1_000);
  await h.serve(m.matterId, m.documentId, m.partyId);
  t.clock.advance(60 * 86_400_000);
  matterId = m.matterId;
}, 120_000);
afterAll(async () => {
  await stop?.();
});

describe('罚款缴纳 on the matter page', () => {
  it('CASE-11 行政处罚法 第七十二条: the card shows the surcharge capped at the fine; a payment recorded on the card is listed', async () => {
    const page = await tabletPage(browser);
    await signIn(page, base, team.handler.user.username, userPassword);
    await page.goto(`${base}/matters/${matterId}`);
    await expect.poll(() => page.getByTestId('fine-card').textContent()).toContain('1,000.00 元');
    expect(await page.getByTestId('fine-surcharge').textContent()).toBe('1,000.00 元');
    expect(await page.getByTestId('fine-card').textContent()).toContain('已达罚款数额上限');
    await page.getByTestId('payment-record').click();
    await page.getByTestId('payment-amount').fill('1000');
    await page.getByTestId('payment-receipt').fill('豫财罚 0012345');
    await page.getByTestId('payment-save').click();
    await expect.poll(() => page.getByTestId('payment-list').textContent()).toContain('豫财罚 0012345');
    await expect.poll(() => page.getByTestId('fine-paid').textContent()).toBe('1,000.00 元');
    expect(await page.getByTestId('fine-card').textContent()).toContain('缴清');
    await page.getByTestId('fine-card').screenshot({ path: join(shots, 'liuhen-fine-payment.png') });
  });
});
