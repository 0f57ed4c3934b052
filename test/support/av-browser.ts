import { execSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';

// Helpers of the AV browser test (test/browser/av-flow.test.ts).
export { ensureWebBuilt } from './browser.js';



/** A 1024×768 touch tablet in Beijing time. */
export async function tabletPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1024, height: 768 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', hasTouch: true });
  const page = await context.newPage();
  // Generous: a busy 2-core CI machine renders slowly; a real failure still fails.
  page.setDefaultTimeout(30_000);
  return page;
}

export async function signInAt(page: Page, base: string, username: string, password: string) {
  await page.goto(`${base}/login`);
  await page.getByTestId('username').fill(username);
  await page.getByTestId('password').fill(password);
  await page.getByTestId('sign-in-submit').click();
  await page.waitForURL(`${base}/`);
}

export const dropdown = (page: Page) => page.locator('.ant-select-dropdown:visible');

/** Types a Beijing time into an antd DatePicker and confirms it. */
export async function pickTime(page: Page, testId: string, value: string) {
  const input = page.getByTestId(testId).locator('input').or(page.locator(`input[data-testid="${testId}"]`)).first();
  await input.click();
  await input.fill(value);
  await input.press('Enter');
}

export const mediaTime = (page: Page) => page.getByTestId('av-media').evaluate((v: HTMLVideoElement) => v.currentTime);

/** Moves the player to a second and waits until the browser has seeked there. */
export async function seek(page: Page, second: number) {
  await page.getByTestId('av-media').evaluate(
    (v: HTMLVideoElement, s: number) =>
      new Promise<void>((done) => {
        v.pause();
        v.addEventListener('seeked', () => done(), { once: true });
        v.currentTime = s;
      }),
    second,
  );
}
