import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBrowserApp, tabletPage } from '../support/browser.js';
import { choose, signIn } from '../support/browser-ui.js';
import { makeEnforcementTeam, userPassword } from '../support/factories.js';
import { client, signInAs } from '../support/http-client.js';
import { adminPassword, type TestApp } from '../support/test-app.js';

// CASE-10 in the web app: the officer records a seizure (扣押) with its list of items through the
// step form the step's facts generate; once the head approves it, the matter page's 法定期限
// card shows the day the seizure ends (行政强制法 第二十五条).

const shots = process.env.LIUHEN_SCREENSHOTS ?? '/tmp';
let t: TestApp;
let browser: Browser;
let base: string;
let stop: () => Promise<void>;
let team: Awaited<ReturnType<typeof makeEnforcementTeam>>;
let matterId: string;
const matters = () => `/api/agencies/${team.agency.id}/matters`;

beforeAll(async () => {
  ({ t, base, browser, close: stop } = await startBrowserApp({ realTime: true }));
  team = await makeEnforcementTeam(t.app, await signInAs(t.app, 'admin', adminPassword));
  const as = client(t.app, team.handler.session);
  const created = await as.post(matters(), { category: 'coercive_measure', startRoute: 'emergency', title: '扣押无证出版物', officerIds: [team.handler.officer.id, team.secondOfficer.id] });
  matterId = created.json().id;
  expect((await as.post(`${matters()}/${matterId}/steps`, { step: 'emergency_start', occurredAt: new Date().toISOString(), note: '现场发现违法行为' })).statusCode).toBe(201);
});
afterAll(async () => {
  await stop?.();
});

/** The Asia/Shanghai day `days` after today. */
const shanghaiDayAfter = (days: number) => new Date(Date.now() + 8 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10);

describe('custody on the matter page', () => {
  it('CASE-10 行政强制法 第二十四、二十五条: a seizure with its items recorded through the step form; once approved, its last day shows on the 法定期限 card', { timeout: 180_000 }, async () => {
    const page = await tabletPage(browser);
    await signIn(page, base, team.handler.user.username, userPassword);
    await page.goto(`${base}/matters/${matterId}`);
    await page.getByTestId('record-step').click();
    await choose(page, 'step-choice', '扣押（调查取证） · 需审批', '扣押');
    await expect.poll(() => page.getByTestId('step-facts').textContent()).toContain('行政强制法 第二十四、二十五条');
    await page.getByTestId('step-place').fill('石文镇文化路 8 号');
    await page.getByTestId('field-measure_reason').fill('涉嫌销售无证出版物，证据可能被转移');
    await page.getByTestId('field-seized_items-add').click();
    await page.getByTestId('field-seized_items-0-name').fill('无证出版物');
    await page.getByTestId('field-seized_items-0-quantity').fill('120');
    await page.getByTestId('field-seized_items-0-unit').fill('册');
    await page.getByTestId('field-custody_place').fill('局物证室');
    await page.getByTestId('field-measure_place').fill('石文镇文化路 8 号');
    // 31 days is refused with the article; 20 is accepted.
    await page.getByTestId('field-term_days').fill('31');
    await page.getByTestId('step-save').click();
    await expect.poll(() => page.getByRole('dialog').textContent()).toContain('第二十五条');
    await page.getByTestId('field-term_days').fill('20');
    await page.getByTestId('step-save').click();
    await expect.poll(() => page.locator('.ant-message').textContent()).toContain('已提交审核');

    const seizure = (await client(t.app, team.handler.session).get(`${matters()}/${matterId}`)).json().steps.find((s: { step: string }) => s.step === 'seizure');
    expect(seizure.details).toMatchObject({ term_days: 20, seized_items: [{ name: '无证出版物', quantity: 120, unit: '册' }] });
    for (const who of [team.reviewer, team.approver]) {
      expect((await client(t.app, who.session).post(`${matters()}/${matterId}/steps/${seizure.id}/decision`, { decision: 'approve', opinion: '同意' })).statusCode).toBe(200);
    }

    await page.reload();
    await expect.poll(() => page.getByTestId('matter-deadlines').textContent()).toContain('查封、扣押期限（扣押');
    const row = page.getByTestId('matter-deadlines').locator('tr', { has: page.getByTestId('deadline-seizureTerm') });
    await expect.poll(() => row.getByTestId('deadline-due').textContent()).toBe(shanghaiDayAfter(20));
    await expect.poll(() => row.textContent()).toContain('无证出版物 120册');
    await expect.poll(() => row.textContent()).toContain('期限内');
    await page.getByTestId('matter-deadlines').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(shots, 'liuhen-custody-deadline.png') });
  });
});
