import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startBrowserApp, tabletPage } from '../support/browser.js';
import { choose, menu } from '../support/browser-ui.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminPassword, type TestApp } from '../support/test-app.js';

// User flow in headless Chromium against the real server (in-process, PGlite) serving the
// built web app, on a 1024×768 tablet-sized window.

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

// The tablet's own zone is not Beijing, so the test proves times are converted (INT-4).
const newPage = (): Promise<Page> => tabletPage(browser, 'Europe/Berlin');

async function signIn(page: Page, username: string, password: string) {
  await page.goto(`${base}/login`);
  await page.getByTestId('username').fill(username);
  await page.getByTestId('password').fill(password);
  await page.getByTestId('sign-in-submit').click();
}


describe('web app', () => {
  it('ORG-1 NFR-1: sign-in with a wrong password shows the Chinese error and stays on the sign-in page', async () => {
    const page = await newPage();
    await signIn(page, 'admin', 'not-the-password-1');
    await expect.poll(() => page.getByTestId('sign-in-error').textContent()).toContain('用户名或密码错误');
    expect(new URL(page.url()).pathname).toBe('/login');
    await page.screenshot({ path: join(shots, 'liuhen-sign-in-error.png') });
    // A page behind sign-in sends an anonymous visitor to the sign-in page.
    await page.goto(`${base}/officers`);
    await page.waitForURL(`${base}/login`);
    await page.context().close();
  });

  it('ORG-1 ORG-2 ORG-3 INT-4 NFR-1: admin signs in, creates a unit and an officer, sees them listed and sees the audit events', async () => {
    const page = await newPage();
    await signIn(page, 'admin', adminPassword);
    await page.waitForURL(`${base}/`);
    await expect.poll(() => page.locator('.page-title').textContent()).toBe('工作台');

    // Two agencies: an enforcement agency and a 受委托组织 that it delegates to (ORG-1).
    await menu(page, '执法机关');
    await page.getByTestId('agency-create').click();
    await page.getByTestId('agency-code').fill('fcx-scjg');
    await page.getByTestId('agency-name-input').fill('方城县市场监督管理局');
    await page.getByTestId('agency-region').fill('河南省南阳市方城县');
    await page.getByTestId('agency-save').click();
    await expect.poll(() => page.getByTestId('agency-table').textContent()).toContain('方城县市场监督管理局');

    await page.getByTestId('agency-create').click();
    await page.getByTestId('agency-code').fill('fcx-zhzf');
    await page.getByTestId('agency-name-input').fill('方城县综合行政执法大队');
    await choose(page, 'agency-kind', '受委托组织');
    await choose(page, 'agency-delegating', '方城县市场监督管理局');
    await page.getByTestId('agency-save').click();
    const agencyTable = page.getByTestId('agency-table');
    await expect.poll(() => agencyTable.locator('tr', { hasText: '方城县综合行政执法大队' }).textContent()).toContain('受委托组织');
    expect(await agencyTable.locator('tr', { hasText: '方城县综合行政执法大队' }).textContent()).toContain('方城县市场监督管理局');
    await page.screenshot({ path: join(shots, 'liuhen-agencies.png') });

    // The first agency became the current one; switch to the new 受委托组织 in the header.
    await expect.poll(() => page.getByTestId('agency-switcher').textContent()).toContain('方城县市场监督管理局');
    await choose(page, 'agency-switcher', '方城县综合行政执法大队');
    await expect.poll(() => page.getByTestId('agency-switcher').textContent()).toContain('方城县综合行政执法大队');

    // A unit (ORG-1).
    await menu(page, '科室/执法队');
    await page.getByTestId('unit-create').click();
    await page.getByTestId('unit-name').fill('执法一队');
    await choose(page, 'unit-kind', '执法队');
    await page.getByTestId('unit-save').click();
    await expect.poll(() => page.getByTestId('unit-table').textContent()).toContain('执法一队');

    // An officer in that unit, with 执法证号 and validity (ORG-2).
    await menu(page, '执法人员');
    await page.getByTestId('officer-create').click();
    await page.getByTestId('officer-name').fill('张执法');
    await page.getByTestId('officer-post').fill('执法队员');
    await choose(page, 'officer-unit', '执法一队');
    await page.getByTestId('officer-cert-no').fill('HN-41130001');
    await page.getByPlaceholder('起始日期').fill('2025-01-01');
    await page.getByPlaceholder('起始日期').press('Enter');
    await page.getByPlaceholder('截止日期').fill('2030-12-31');
    await page.getByPlaceholder('截止日期').press('Enter');
    await page.getByTestId('officer-area').fill('方城县城区');
    await page.getByTestId('officer-save').click();
    const officerRow = page.getByTestId('officer-table').locator('tr', { hasText: '张执法' });
    await expect.poll(() => officerRow.textContent()).toContain('HN-41130001');
    const rowText = (await officerRow.textContent()) ?? '';
    expect(rowText).toContain('执法一队');
    expect(rowText).toContain('2025-01-01 至 2030-12-31');
    expect(rowText).toContain('有效');
    await page.screenshot({ path: join(shots, 'liuhen-officers.png') });

    // A server-side refusal is shown in Chinese: the same 执法证号 again.
    await page.getByTestId('officer-create').click();
    await page.getByTestId('officer-name').fill('李执法');
    await page.getByTestId('officer-post').fill('执法队员');
    await page.getByTestId('officer-cert-no').fill('HN-41130001');
    await page.getByPlaceholder('起始日期').fill('2025-01-01');
    await page.getByPlaceholder('起始日期').press('Enter');
    await page.getByPlaceholder('截止日期').fill('2030-12-31');
    await page.getByPlaceholder('截止日期').press('Enter');
    await page.getByTestId('officer-area').fill('方城县城区');
    await page.getByTestId('officer-save').click();
    await expect.poll(() => page.locator('.ant-message').textContent()).toContain('已存在相同的记录');
    await expect.poll(() => page.getByRole('dialog').textContent()).toContain('已存在相同的记录');
    await page.getByRole('dialog').getByRole('button', { name: /取\s*消/ }).click();

    // The audit viewer shows the events, each with its content hash (INT-4: Beijing time).
    await menu(page, '审计日志');
    const audit = page.getByTestId('audit-table');
    await expect.poll(() => audit.textContent()).toContain('新建执法人员');
    expect(await audit.textContent()).toContain('新建科室/执法队');
    await choose(page, 'audit-action', '新建执法人员', '新建执法人员');
    await page.getByTestId('audit-search').click();
    await expect.poll(() => audit.locator('tbody tr.ant-table-row').count()).toBe(1);
    await audit.locator('tbody tr.ant-table-row').first().locator('.ant-table-row-expand-icon').click();
    const detail = page.locator('[data-testid^="audit-detail-"]');
    await expect.poll(() => detail.textContent()).toContain('内容哈希');
    expect(await detail.textContent()).toContain('HN-41130001');
    // Stored in UTC, shown in Beijing time whatever the device's zone.
    const beijing = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai', dateStyle: 'short', timeStyle: 'medium' }).format(t.clock.now());
    expect(await audit.textContent()).toContain(beijing);
    await page.screenshot({ path: join(shots, 'liuhen-audit.png') });

    // The home page sums up what the admin can see.
    await menu(page, '工作台');
    await expect.poll(() => page.getByTestId('stat-units').textContent()).toContain('1');
    await expect.poll(() => page.getByTestId('stat-officers').textContent()).toContain('1');
    await page.screenshot({ path: join(shots, 'liuhen-home.png') });
    await page.context().close();
  });

  it('AV-2 ORG-3 NFR-1: the admin creates a collection station account (no password) and a token for it, shown once', async () => {
    const page = await newPage();
    await signIn(page, 'admin', adminPassword);
    await menu(page, 'API 令牌');
    await page.getByTestId('station-create').click();
    await page.getByTestId('station-name').fill('一队采集站');
    await page.getByTestId('station-username').fill('station-01');
    await page.getByTestId('station-save').click();
    await expect.poll(() => page.getByTestId('station-table').textContent()).toContain('一队采集站');
    await page.getByTestId('station-token-station-01').click();
    await page.getByTestId('token-name').fill('一号机');
    await page.getByTestId('token-save').click();
    await expect.poll(() => page.getByTestId('token-value').textContent()).toMatch(/^lht_/);
    await page.screenshot({ path: join(shots, 'liuhen-stations.png') });
    await page.context().close();
  });

  it('ORG-3 NFR-1: repeated failures lock the account; the sign-in page answers as for a wrong password and explains the lock-out in Chinese', async () => {
    // Runs last: it locks `admin`. Failures before the last go straight to the API.
    for (let i = 0; i < 4; i++) {
      await t.app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { username: 'admin', password: `wrong-password-${i}` } });
    }
    const page = await newPage();
    await signIn(page, 'admin', 'wrong-password-x');
    await expect.poll(() => page.getByTestId('sign-in-error').textContent()).toContain('用户名或密码错误');
    // Even the right password is refused while locked — with the same answer (no account enumeration).
    await page.getByTestId('password').fill(adminPassword);
    await page.getByTestId('sign-in-submit').click();
    await expect.poll(() => page.getByTestId('sign-in-error').textContent()).toMatch(/用户名或密码错误.*暂时锁定/);
    expect(new URL(page.url()).pathname).toBe('/login');
    await page.screenshot({ path: join(shots, 'liuhen-locked.png') });
    await page.context().close();
  });
});
