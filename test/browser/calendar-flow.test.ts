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
});
