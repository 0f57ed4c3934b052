import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBrowserApp, tabletPage } from '../support/browser.js';
import { choose, dropdown, menu, signIn } from '../support/browser-ui.js';
import { makeEnforcementTeam, userPassword } from '../support/factories.js';
import { signInAs } from '../support/http-client.js';
import { adminPassword, type TestApp } from '../support/test-app.js';

// Issue 12 in headless Chromium: the officer registers a matter whose party is a 个体工商户 with
// the fields the forms ask for; a bad phone number is refused on the form in Chinese; the matter
// page then shows 字号, 经营者, 经营场所, 邮编 and 联系电话 under their Chinese labels.

let t: TestApp;
let browser: Browser;
let base: string;
let stop: () => Promise<void>;
let team: Awaited<ReturnType<typeof makeEnforcementTeam>>;

beforeAll(async () => {
  ({ t, base, browser, close: stop } = await startBrowserApp({ realTime: true }));
  team = await makeEnforcementTeam(t.app, await signInAs(t.app, 'admin', adminPassword));
});
afterAll(async () => {
  await stop?.();
});

async function addOfficer(page: Page, typed: string) {
  await page.getByTestId('matter-officers').click();
  await page.keyboard.type(typed);
  await expect.poll(() => dropdown(page).locator('.ant-select-item-option-active').textContent()).toContain(typed);
  await page.keyboard.press('Enter');
  await page.keyboard.press('Escape');
}

describe('当事人 as the forms have them, in the browser (issue 12)', () => {
  it('DOC-2: a 个体工商户 is registered with 字号 and 经营者, the phone is checked, and the matter page shows every field in Chinese', { timeout: 180_000 }, async () => {
    const page = await tabletPage(browser, 'Asia/Shanghai');
    await signIn(page, base, team.handler.user.username, userPassword);
    await menu(page, '执法事项');
    await page.getByTestId('matter-create').click();
    await expect.poll(() => page.getByTestId('matter-officers').locator('.ant-select-selection-item').count()).toBeGreaterThan(0);
    await choose(page, 'matter-category', '行政处罚（一般程序）');
    await page.getByTestId('matter-title').fill('擅自从事互联网上网服务经营活动');
    await addOfficer(page, '协办执法员');

    await page.getByTestId('party-add').click();
    await choose(page, 'party-0-kind', '个体工商户');
    await page.getByTestId('party-0-name').fill('方城县释之镇某某网吧');
    await page.getByTestId('party-0-id-number').fill('91411322MA44R8K3P2');
    await page.getByTestId('party-0-trade-name').fill('某某');
    await page.getByTestId('party-0-operator').fill('李某');
    await page.getByTestId('party-0-licence-name').fill('营业执照');
    await page.getByTestId('party-0-phone').fill('12345');
    await page.getByTestId('party-0-postcode').fill('473200');
    await page.getByTestId('party-0-address').fill('方城县释之路18号');
    await page.getByTestId('matter-save').click();
    await expect.poll(() => page.getByRole('dialog').textContent()).toContain('联系电话应为 11 位手机号码');
    await page.getByTestId('party-0-phone').fill('0377-67123456');
    await expect.poll(() => page.getByTestId('matter-officers').textContent()).toContain('协办执法员');
    await page.getByTestId('matter-save').click();
    await page.waitForURL((u) => /\/matters\/[0-9a-f-]{36}$/.test(u.pathname));

    const facts = page.getByTestId('party-facts');
    await expect.poll(() => facts.textContent()).toContain('经营者：李某');
    const text = (await page.locator('.ant-card', { hasText: '当事人' }).first().textContent()) ?? '';
    for (const shown of ['个体工商户', '字号：某某', '主体资格证照：营业执照', '经营场所：方城县释之路18号', '邮编：473200', '联系电话：0377-67123456', '统一社会信用代码：91411322MA44R8K3P2']) {
      expect(text).toContain(shown);
    }
    expect(text).not.toMatch(/individual_business|operatorName/);
  });
});
