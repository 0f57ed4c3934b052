import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBrowserApp, tabletPage } from '../support/browser.js';
import { choose, menu, signIn } from '../support/browser-ui.js';
import { adminPassword, type TestApp } from '../support/test-app.js';

// The working-day calendar in headless Chromium: a provisional year shows its 补假, and the
// notice form names a make-up working day that is no weekend day before anything is sent.

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

const dialog = (page: Page) => page.locator('.ant-modal:visible');

describe('working-day calendar page', () => {
  it('CAL-1 放假办法 第六条: provisional 2027 shows 国庆 补假 on 10-04/05; a weekday entered as 调休上班 is named and nothing is stored', async () => {
    const page = await tabletPage(browser);
    await signIn(page, base, 'admin', adminPassword);
    await menu(page, '工作日历');
    await choose(page, 'calendar-year', '2027 年');
    await expect.poll(() => page.getByTestId('calendar-status').textContent()).toContain('第六条');
    expect(await page.locator('[data-date="2027-10-04"]').getAttribute('class')).toContain('cal-holiday');
    expect(await page.locator('[data-date="2027-10-04"]').getAttribute('title')).toContain('国庆节（补假）');
    expect(await page.locator('[data-date="2027-10-06"]').getAttribute('class')).toContain('cal-workday');

    await page.getByTestId('notice-create').click();
    await expect.poll(() => dialog(page).textContent()).toContain('录入 2027 年节假日安排通知');
    await dialog(page).getByTestId('notice-make-up').locator('.ant-picker').click();
    await page.locator('.ant-picker-dropdown:visible td[title="2027-01-06"]').click(); // a Wednesday
    await page.getByTestId('notice-basis').fill('国办发明电〔2026〕1号');
    await page.getByTestId('notice-save').click();
    await expect.poll(() => dialog(page).textContent()).toContain('调休上班日 2027-01-06 是星期三：调休上班日只能是星期六或星期日');
    await page.screenshot({ path: join(shots, 'liuhen-calendar-notice-refused.png') });
    const notices = await t.app.inject({ method: 'GET', url: '/api/calendar/notices', headers: { cookie: (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join('; ') } });
    expect(notices.json()).toEqual([]);
    await page.context().close();
  });

  it('CAL-2 民事诉讼法 第八十五条: the policy page shows the roll-over with its source, and the administrator turns it off with a basis', async () => {
    const as = await t.app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { username: 'admin', password: adminPassword } });
    const headers = { cookie: as.cookies.map((c) => `${c.name}=${c.value}`).join('; '), 'x-csrf-token': (as.json() as { csrfToken: string }).csrfToken };
    const agency = await t.app.inject({ method: 'POST', url: '/api/agencies', headers, payload: { code: 'fcx-scjgj', name: '方城县市场监督管理局', kind: 'enforcement_agency', region: '河南省南阳市方城县' } });
    expect(agency.statusCode).toBe(201);
    const chosen = await t.app.inject({ method: 'POST', url: `/api/agencies/${agency.json().id}/policy/choose`, headers, payload: { profileId: 's3-fangcheng-market', basis: '局务会决定采用' } });
    expect(chosen.statusCode).toBe(201);

    const page = await tabletPage(browser);
    await signIn(page, base, 'admin', adminPassword);
    await menu(page, '执法规范方案');
    const value = page.getByTestId('rule-value-calendarDayRollover');
    await expect.poll(() => value.textContent()).toContain('顺延：“N日内”期限的最后一日是法定节假日或休息日的');
    const row = page.getByTestId('rules-table').locator('tr', { has: value });
    await expect.poll(() => row.textContent()).toContain('按日计算的期限末日遇节假日顺延');
    await expect.poll(() => row.textContent()).toContain('民事诉讼法');
    await page.getByTestId('rule-edit-calendarDayRollover').click();
    await dialog(page).getByText('不顺延：最后一日即使是节假日也为届满日').click();
    await page.getByTestId('param-basis').fill('方市监〔2026〕9号');
    await page.getByTestId('param-save').click();
    await expect.poll(() => value.textContent()).toContain('不顺延');
    await expect.poll(() => row.textContent()).toContain('方市监〔2026〕9号');
    await page.screenshot({ path: join(shots, 'liuhen-policy-rollover.png') });
    await page.context().close();
  });
});
