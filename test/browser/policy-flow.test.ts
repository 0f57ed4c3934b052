import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startBrowserApp, tabletPage } from '../support/browser.js';
import { choose, menu, signIn as signInAt } from '../support/browser-ui.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminPassword, type TestApp } from '../support/test-app.js';

// The rules pages in headless Chromium on a 1024×768 tablet window: an administrator chooses
// and adjusts the agency's policy profile and checklist, and reads the working-day calendar.

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

const newPage = (): Promise<Page> => tabletPage(browser);

const signIn = (page: Page, username: string, password: string) => signInAt(page, base, username, password);

/** An agency created through the API as the platform admin. */
async function createAgency(name: string) {
  const signIn = await t.app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { username: 'admin', password: adminPassword } });
  const cookie = signIn.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
  const { csrfToken } = signIn.json() as { csrfToken: string };
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/agencies',
    headers: { cookie, 'x-csrf-token': csrfToken },
    payload: { code: 'gyq-yjj', name, kind: 'enforcement_agency', region: '河北省廊坊市广阳区' },
  });
  expect(res.statusCode).toBe(201);
}

const dialog = (page: Page) => page.locator('.ant-modal:visible');

describe('rules pages', () => {
  it("POL-1 CHK-1 CHK-3 CAL-1 SUP-2: an administrator switches the agency's profile, edits one deadline and one checklist row, and sees the change in the list of rules", async () => {
    await createAgency('廊坊市广阳区应急管理局');
    const page = await newPage();
    await signIn(page, 'admin', adminPassword);

    // No profile yet: the page asks for one of the five built-in profiles.
    await menu(page, '执法规范方案');
    await expect.poll(() => page.getByTestId('profile-card-S4').textContent()).toContain('青羊镇');
    await page.screenshot({ path: join(shots, 'liuhen-policy-choose.png') });
    await page.getByTestId('profile-card-S1').click();
    await page.getByTestId('choose-basis').fill('局务会议决定（2026年第1次）');
    await page.getByTestId('choose-save').click();
    await expect.poll(() => page.getByTestId('policy-header').textContent()).toContain('抚顺县文化市场综合执法全过程记录');
    await expect.poll(() => page.getByTestId('rule-value-avStorage.standard').textContent()).toContain('24小时内（自记录结束起）');

    // Switch to S2 with a basis: version 2.
    await page.getByTestId('policy-switch').click();
    await dialog(page).getByTestId('profile-card-S2').click();
    await page.getByTestId('choose-basis').fill('改用本局《行政执法全过程记录制度》（2024）');
    await page.getByTestId('choose-save').click();
    await expect.poll(() => page.getByTestId('policy-header').textContent()).toContain('第 2 版');
    await expect.poll(() => page.getByTestId('policy-header').textContent()).toContain('广阳区应急管理局行政执法全过程记录');
    await expect.poll(() => page.getByTestId('rule-value-archiving').textContent()).toContain('30个工作日内');
    await expect.poll(() => page.getByTestId('rule-value-disclosure.licensingAndPenalty').textContent()).toContain('未规定：');

    // Archiving: 30 → 45 working days, with the basis; the rules list shows it as the agency's own.
    await page.getByTestId('rule-edit-archiving').click();
    await page.getByTestId('param-amount').fill('45');
    await page.getByTestId('param-basis').fill('局务会议纪要〔2026〕3号');
    await page.waitForTimeout(500); // let the dialog's opening animation finish
    await page.screenshot({ path: join(shots, 'liuhen-policy-adjust.png') });
    await page.getByTestId('param-save').click();
    await expect.poll(() => page.getByTestId('rule-value-archiving').textContent()).toContain('45个工作日内');
    const archivingRow = page.getByTestId('rules-table').locator('tr', { has: page.getByTestId('rule-value-archiving') });
    await expect.poll(() => archivingRow.textContent()).toContain('本机关调整');
    await expect.poll(() => archivingRow.textContent()).toContain('局务会议纪要〔2026〕3号');
    await expect.poll(() => page.getByTestId('policy-header').textContent()).toContain('第 3 版');
    await page.screenshot({ path: join(shots, 'liuhen-policy.png') });

    // 版本记录: three versions; the first opens read-only with S1's values.
    await page.getByTestId('policy-history').click();
    const versions = page.getByTestId('version-table');
    await expect.poll(() => versions.textContent()).toContain('第 3 版');
    await expect.poll(() => versions.textContent()).toContain('局务会议纪要〔2026〕3号');
    await page.waitForTimeout(500); // let the dialog's opening animation finish
    await page.screenshot({ path: join(shots, 'liuhen-policy-versions.png') });
    await page.getByTestId('version-view-1').click();
    await expect.poll(() => page.locator('.ant-drawer').getByTestId('rule-value-archiving').textContent()).toContain('60日内');
    await page.locator('.ant-drawer').getByRole('button', { name: 'Close' }).or(page.locator('.ant-drawer-close')).first().click();

    // The checklist: add a key point to the first row (S2 第七条 现场检查).
    await menu(page, '音像记录事项清单');
    const table = page.getByTestId('checklist-table');
    await expect.poll(() => table.textContent()).toContain('现场检查');
    await page.screenshot({ path: join(shots, 'liuhen-checklist.png') });
    await page.getByTestId('row-edit-0').click();
    await page.getByTestId('row-keypoint-add').click();
    const added = dialog(page).locator('textarea[data-testid^="row-keypoint-"]').last();
    await added.fill('执法人员出示执法证件并告知正在音像记录');
    await page.getByTestId('row-basis').fill('局务会议纪要〔2026〕4号');
    await page.waitForTimeout(500); // let the dialog's opening animation finish
    await page.screenshot({ path: join(shots, 'liuhen-checklist-edit.png') });
    await page.getByTestId('row-save').click();
    await expect.poll(() => table.locator('tr.ant-table-row').first().textContent()).toContain('执法人员出示执法证件并告知正在音像记录');
    await expect.poll(() => table.locator('tr.ant-table-row').first().textContent()).toContain('本机关调整');
    await expect.poll(() => page.locator('.page-head').textContent()).toContain('第 4 版');
    // The print view: a plain table with the agency's name and version, no menu.
    await page.emulateMedia({ media: 'print' });
    await page.screenshot({ path: join(shots, 'liuhen-checklist-print.png'), fullPage: true });
    expect(await page.locator('.print-sheet h1').textContent()).toBe('廊坊市广阳区应急管理局音像记录事项清单');
    expect(await page.locator('.app-sider').isVisible()).toBe(false);
    await page.emulateMedia({ media: 'screen' });
    // The CSV export is the same list.
    const csv = await page.evaluate(async (url) => (await fetch(url)).text(), (await page.getByTestId('checklist-export').getAttribute('href'))!);
    expect(csv).toContain('执法人员出示执法证件并告知正在音像记录');

    // The rules list shows the policy at version 4 with the adjusted archiving still in force.
    await menu(page, '执法规范方案');
    await expect.poll(() => page.getByTestId('policy-header').textContent()).toContain('第 4 版');
    await expect.poll(() => page.getByTestId('rule-value-archiving').textContent()).toContain('45个工作日内');

    // The calendar: 2027 is not bundled, so it is provisional until a notice is entered (CAL-1).
    await menu(page, '工作日历');
    await expect.poll(() => page.getByTestId('calendar-status').textContent()).toMatch(/国务院通知|管理员录入|暂按/);
    await page.screenshot({ path: join(shots, 'liuhen-calendar-current.png') });
    await choose(page, 'calendar-year', '2027 年');
    await expect.poll(() => page.getByTestId('calendar-status').textContent()).toContain('2027 年：暂按放假办法推算');
    await expect.poll(() => page.getByTestId('calendar-status').textContent()).toContain('未含调休');
    expect(await page.locator('[data-date="2027-10-01"]').getAttribute('class')).toContain('cal-holiday');
    await expect.poll(() => page.locator('.ant-select-dropdown:visible').count()).toBe(0);
    await page.screenshot({ path: join(shots, 'liuhen-calendar.png') });
    await page.getByTestId('notice-create').click();
    await expect.poll(() => dialog(page).textContent()).toContain('录入 2027 年节假日安排通知');
    await page.waitForTimeout(500); // let the dialog's opening animation finish
    await page.screenshot({ path: join(shots, 'liuhen-calendar-notice.png') });
    await dialog(page).getByRole('button', { name: /取\s*消/ }).click();

    // Findings: none yet (no matters); the page explains what they are (SUP-2).
    await menu(page, '问题发现');
    await expect.poll(() => page.getByTestId('findings-empty').textContent()).toContain('暂未发现问题');
    await page.getByTestId('findings-reevaluate').click();
    await expect.poll(() => page.locator('.ant-message').textContent()).toMatch(/重新评估|未评估/);
    await page.screenshot({ path: join(shots, 'liuhen-findings.png') });
    await page.context().close();
  });
});
