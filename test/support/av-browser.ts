import { execSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';

// Helpers of the AV browser test (test/browser/av-flow.test.ts).
export { ensureWebBuilt } from './browser.js';
import { tabletPage as sharedTabletPage } from './browser.js';
import { dropdown, signIn } from './browser-ui.js';

/** A 1024×768 touch tablet in Beijing time. */
export const tabletPage = (browser: Browser): Promise<Page> => sharedTabletPage(browser, 'Asia/Shanghai', true);

export const signInAt = signIn;

export { dropdown };

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
