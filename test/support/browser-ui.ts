import type { Page } from 'playwright-core';
import { expect } from 'vitest';

// What every browser flow does with the app's controls. Each waits on what the page shows, never
// on time: a click is followed by a poll of the state it should have produced.

/** The open list of an antd Select. */
export const dropdown = (page: Page) => page.locator('.ant-select-dropdown:visible');

/**
 * Picks an option of the Select `testId` by its visible label, typing `search` first in a
 * searchable one; returns once the Select shows the choice.
 */
export async function choose(page: Page, testId: string, label: string, search?: string) {
  await page.getByTestId(testId).click();
  if (search) {
    await page.keyboard.type(search);
    // Chosen with the keyboard once the filtered list has the option active: a click can be
    // lost while the list re-renders under the pointer.
    await expect.poll(() => dropdown(page).locator('.ant-select-item-option-active').getAttribute('title')).toBe(label);
    await page.keyboard.press('Enter');
  } else {
    await dropdown(page).getByTitle(label, { exact: true }).click();
  }
  await expect.poll(() => page.getByTestId(testId).textContent()).toContain(label.split(' · ')[0]);
}

export async function signIn(page: Page, base: string, username: string, password: string) {
  await page.goto(`${base}/login`);
  await page.getByTestId('username').fill(username);
  await page.getByTestId('password').fill(password);
  await page.getByTestId('sign-in-submit').click();
  await page.waitForURL(`${base}/`);
}

export async function signOut(page: Page, base: string) {
  await page.getByTestId('user-menu').click();
  await page.getByRole('menuitem', { name: '退出登录' }).click();
  await page.waitForURL(`${base}/login`);
}

/** Opens a page of the side menu. */
export const menu = (page: Page, label: string) => page.getByTestId('side-menu').getByRole('menuitem', { name: label }).click();
