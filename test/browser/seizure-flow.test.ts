import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startBrowserApp, tabletPage } from '../support/browser.js';
import { choose, dropdown, menu, signIn as signInAt, signOut as signOutAt } from '../support/browser-ui.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeEnforcementTeam, userPassword } from '../support/factories.js';
import { signInAs } from '../support/http-client.js';
import { adminPassword, type TestApp } from '../support/test-app.js';

// Issue 4 in headless Chromium on a 1024×768 tablet window: an inspection leads to a seizure
// (扣押) opened in an emergency; the handler records it with two officers, drafts the decision
// and the list, the party signs on screen; the reviewer and approver approve from their queue;
// the decision is issued and the timeline replays every step in order.

const shots = process.env.LIUHEN_SCREENSHOTS ?? '/tmp';

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

const newPage = (): Promise<Page> => tabletPage(browser, 'Asia/Shanghai');

/** Adds an option to a multiple Select by typing part of its label; returns once the Select shows it. */
async function add(page: Page, testId: string, typed: string) {
  await page.getByTestId(testId).click();
  await page.keyboard.type(typed);
  // Chosen with the keyboard once the filtered list shows it: a click could land on the list
  // while it is still moving into place, and be lost.
  await expect.poll(() => dropdown(page).locator('.ant-select-item-option-active').textContent()).toContain(typed);
  await page.keyboard.press('Enter');
  await page.keyboard.press('Escape');
  await expect.poll(() => page.getByTestId(testId).locator('.ant-select-selection-item').allTextContents()).toContainEqual(expect.stringContaining(typed));
}
/**
 * The 登记事项 form fills itself in (the user's own officer; a follow-up's parties) once the
 * page's data has loaded, and starts over when that data arrives: fill it only after that.
 */
async function createFormReady(page: Page) {
  await expect.poll(() => page.getByTestId('matter-officers').locator('.ant-select-selection-item').count()).toBeGreaterThan(0);
}
/** Saves the 登记事项 form once it still holds both officers, and waits for the new matter's page to list them. */
async function saveMatter(page: Page) {
  await expect.poll(() => page.getByTestId('matter-officers').textContent()).toContain('协办执法员');
  const from = page.url(); // a follow-up is created from another matter's page
  await page.getByTestId('matter-save').click();
  await page.waitForURL((u) => /\/matters\/[0-9a-f-]{36}$/.test(u.pathname) && u.href !== from);
  await expect.poll(() => page.locator('.ant-card', { hasText: '承办执法人员' }).textContent()).toContain('协办执法员');
}

const signIn = (page: Page, username: string) => signInAt(page, base, username, userPassword);
const signOut = (page: Page) => signOutAt(page, base);
const shot = (page: Page, name: string) => page.screenshot({ path: join(shots, `liuhen-${name}.png`) });

/** Records a step through the 记录环节 form; returns once the server accepted it. */
async function recordStep(page: Page, label: string, place: string, note: string) {
  await page.getByTestId('record-step').click();
  await choose(page, 'step-choice', label, label.slice(0, 4));
  await page.getByTestId('step-place').fill(place);
  await page.getByTestId('step-note').fill(note);
  await page.getByTestId('step-save').click();
  await expect.poll(() => page.locator('.ant-message').textContent()).toContain('已记录');
}

async function draw(page: Page, testId: string) {
  await page.getByTestId(testId).scrollIntoViewIfNeeded();
  const box = (await page.getByTestId(testId).boundingBox())!;
  await page.mouse.move(box.x + 40, box.y + box.height * 0.6);
  await page.mouse.down();
  for (let i = 1; i <= 24; i++) await page.mouse.move(box.x + 40 + i * 12, box.y + box.height * (0.6 - 0.25 * Math.sin(i / 3)), { steps: 2 });
  await page.mouse.up();
}

describe('enforcement matter in the browser', () => {
  it('CASE-2 CASE-3 CASE-4 CASE-10 DOC-1 DOC-2 DOC-3 DOC-5 DOC-6 SUP-1: an officer opens a seizure matter from an inspection, records it with two officers, the party signs, the reviewer and approver approve, and the timeline shows every step in order', { timeout: 300_000 }, async () => {
    const page = await newPage();
    await signIn(page, team.handler.user.username);

    // 登记 an inspection (行政检查) with a company as party; the 统一社会信用代码 is checked here.
    await menu(page, '执法事项');
    await page.getByTestId('matter-create').click();
    await createFormReady(page);
    await choose(page, 'matter-category', '行政检查');
    await expect.poll(() => page.getByTestId('matter-start-route').textContent()).toContain('依职权立案');
    await page.getByTestId('matter-title').fill('方城县好又多超市有限公司食品经营日常检查');
    await page.getByTestId('matter-source').fill('2026年度食品经营“双随机”抽查');
    await add(page, 'matter-officers', '协办执法员');
    await page.getByTestId('party-add').click();
    await page.getByTestId('party-0-name').fill('方城县好又多超市有限公司');
    await page.getByTestId('party-0-id-number').fill('91411322MA44R8K3P0');
    await page.getByTestId('party-0-representative').fill('王建国');
    await page.getByTestId('party-0-address').fill('河南省南阳市方城县释之路88号');
    await page.getByTestId('matter-save').click();
    await expect.poll(() => page.getByRole('dialog').textContent()).toContain('统一社会信用代码校验位不正确');
    await shot(page, 'matter-create');
    await page.getByTestId('party-0-id-number').fill('91411322MA44R8K3P2');
    await saveMatter(page);
    await expect.poll(() => page.getByTestId('matter-number').textContent()).toMatch(/检〔\d{4}〕1号/);

    // 启动行政检查, then 现场检查 with both officers; its record is drafted with standard wording.
    await recordStep(page, '启动行政检查（程序启动）', '方城县释之路88号', '按年度抽查计划对该超市进行检查');
    await recordStep(page, '现场检查（调查取证）', '方城县释之路88号店内', '发现冷柜内有超过保质期的熟食制品');
    await page.getByTestId('draft-on_site_inspection_record').click();
    await page.waitForURL(/\/documents\//);
    await page.getByTestId('snippets-identity_shown').locator('button').first().click();
    await expect.poll(() => page.getByTestId('field-identity_shown').inputValue()).toContain('执法证号');
    await page.getByTestId('field-inspection_findings').fill('冷柜内存放标注保质期至2026年2月20日的卤牛肉12袋、酱鸭8袋，已超过保质期，仍标价待售。');
    await page.getByTestId('doc-save').click();
    await expect.poll(() => page.locator('.ant-message').textContent()).toContain('草稿已保存');
    await page.getByTestId('doc-meta').getByRole('link').click();
    await expect.poll(() => page.getByTestId('step-on_site_inspection').textContent()).toContain('现场检查（勘验）笔录');
    await shot(page, 'matter-inspection');

    // A 行政强制措施 matter from it, started in an emergency (CASE-3); the party comes along.
    await page.getByTestId('matter-follow-up').click();
    await createFormReady(page);
    await expect.poll(() => page.getByTestId('party-0-name').inputValue()).toBe('方城县好又多超市有限公司');
    await choose(page, 'matter-category', '行政强制措施');
    await choose(page, 'matter-start-route', '紧急情况先行启动（事后补报审批）');
    await page.getByTestId('matter-title').fill('扣押方城县好又多超市有限公司超过保质期的食品');
    await add(page, 'matter-officers', '协办执法员');
    await expect.poll(() => page.getByTestId('party-0-name').inputValue()).toBe('方城县好又多超市有限公司');
    await saveMatter(page);
    await expect.poll(() => page.getByTestId('matter-number').textContent()).toContain('行政强制措施');
    await recordStep(page, '紧急情况先行启动（程序启动）', '方城县释之路88号店内', '过期食品可能被转移销售，情况紧急，当场先行采取措施，事后补报');
    await page.getByRole('dialog').getByRole('button', { name: '稍后再说' }).click();

    // 扣押 needs approval (CASE-10): recorded with two officers and submitted to the reviewer.
    await page.getByTestId('record-step').click();
    await choose(page, 'step-choice', '扣押（调查取证） · 需审批', '扣押');
    await expect.poll(() => page.getByTestId('step-officers').textContent()).toContain('协办执法员');
    await page.getByTestId('step-place').fill('方城县释之路88号店内');
    await page.getByTestId('step-note').fill('超过保质期的卤牛肉12袋、酱鸭8袋，拟予扣押，提请审批');
    // What the seizure records (行政强制法 第二十四条): its reason, list, custody and place.
    await page.getByTestId('field-measure_reason').fill('经营超过保质期的食品，可能危害人体健康');
    await page.getByTestId('field-seized_items-add').click();
    await page.getByTestId('field-seized_items-0-name').fill('卤牛肉');
    await page.getByTestId('field-seized_items-0-quantity').fill('12');
    await page.getByTestId('field-seized_items-0-unit').fill('袋');
    await page.getByTestId('field-custody_place').fill('方城县市场监督管理局涉案物品保管室');
    await page.getByTestId('field-measure_place').fill('方城县释之路88号店内');
    await shot(page, 'step-record');
    await page.getByTestId('step-save').click();
    await expect.poll(() => page.locator('.ant-message').textContent()).toContain('已提交审核');

    // 扣押决定书, pre-filled with party, officers with 执法证号, time and place (DOC-2).
    await page.getByTestId('draft-seizure_decision').click();
    await page.waitForURL(/\/documents\//);
    await expect.poll(() => page.getByTestId('field-officers_present').locator('input').nth(3).inputValue()).toMatch(/^T/);
    await choose(page, 'field-measure', '扣押');
    await page.getByTestId('field-reason').fill('当事人经营超过保质期的食品，有证据表明可能危害人体健康，为防止危害扩大，依法实施扣押。');
    await page.getByTestId('field-objects').fill('超过保质期的卤牛肉12袋、酱鸭8袋，详见扣押清单。');
    await page.getByTestId('field-period').fill('三十日');
    await page.getByTestId('field-custody').fill('封存后存放于方城县市场监督管理局涉案物品保管室');
    await page.getByTestId('field-statements').fill('当事人对扣押无异议，未提出陈述和申辩。');
    await page.getByTestId('field-remedy_notice').fill('如不服本决定，可以在收到本决定书之日起六十日内向方城县人民政府申请行政复议，或者在六个月内向方城县人民法院提起行政诉讼。');
    await page.getByTestId('field-legal_basis-add').click();
    await page.getByTestId('field-legal_basis-0-law').fill('《中华人民共和国食品安全法》');
    await page.getByTestId('field-legal_basis-0-article').fill('第一百一十条第（四）项');
    await page.getByTestId('field-evidence_relied_on-add').click();
    await page.getByTestId('field-evidence_relied_on-0-description').fill('现场检查笔录、现场照片6张');
    await page.getByTestId('field-reviewer').fill('王审核');
    await page.getByTestId('doc-save').click();
    await expect.poll(() => page.locator('.ant-message').textContent()).toContain('草稿已保存');
    await page.evaluate(() => window.scrollTo(0, 0));
    await shot(page, 'document-decision');

    // 扣押清单 with two rows; the party signs it on the tablet (DOC-3).
    await page.getByTestId('doc-meta').getByRole('link').click();
    await page.getByTestId('docs-seizure').click();
    await page.getByTestId('draft-seizure_list').click();
    await page.waitForURL(/\/documents\//);
    await page.getByTestId('field-seized_items-add').click();
    await page.getByTestId('field-seized_items-add').click();
    await page.getByTestId('field-seized_items-0-name').fill('卤牛肉');
    await page.getByTestId('field-seized_items-0-specification').fill('500克/袋');
    await page.getByTestId('field-seized_items-0-quantity').fill('12');
    await page.getByTestId('field-seized_items-0-unit').fill('袋');
    await page.getByTestId('field-seized_items-1-name').fill('酱鸭');
    await page.getByTestId('field-seized_items-1-quantity').fill('8');
    await page.getByTestId('field-seized_items-1-unit').fill('袋');
    await page.getByTestId('field-custodian').fill('方城县市场监督管理局涉案物品保管室');
    await page.getByTestId('doc-save').click();
    await expect.poll(() => page.locator('.ant-message').textContent()).toContain('草稿已保存');
    await choose(page, 'signature-role', '当事人');
    await expect.poll(() => page.getByTestId('signature-name').inputValue()).toBe('王建国');
    await draw(page, 'document-signature');
    await page.getByTestId('signature-save').click();
    await expect.poll(() => page.getByTestId('signatures-panel').textContent()).toContain('手写签名');
    await page.getByTestId('signatures-panel').scrollIntoViewIfNeeded();
    await shot(page, 'document-list-signed');
    await signOut(page);

    // The reviewer, then the approver, decide from their queue (CASE-4).
    for (const who of [team.reviewer, team.approver]) {
      await signIn(page, who.user.username);
      await expect.poll(() => page.getByTestId('my-waiting').textContent()).toContain('扣押');
      await menu(page, '待审批');
      await page.getByTestId('queue-decide-seizure').click();
      if (who === team.reviewer) await shot(page, 'approval-decision');
      await page.getByTestId('decision-submit').click();
      await expect.poll(() => page.getByTestId('approval-queue').textContent()).toContain('暂无待审批');
      await signOut(page);
    }

    // The handler issues the decision; it gets its 文号 (DOC-1) and can no longer change.
    await signIn(page, team.handler.user.username);
    const mine = page.getByTestId('my-matters').getByRole('link', { name: /扣押方城县好又多/ });
    await expect.poll(() => mine.count()).toBe(1);
    await shot(page, 'home-officer');
    await mine.click();
    await expect.poll(() => page.getByTestId('step-seizure').getByTestId('step-status').textContent()).toBe('已批准');
    await page.getByTestId('doc-link-seizure_decision').click();
    await page.getByTestId('doc-issue').click();
    await page.getByTestId('doc-issue-confirm').click();
    await expect.poll(() => page.getByTestId('doc-number').textContent()).toMatch(/扣字〔\d{4}〕第1号$/);
    const number = (await page.getByTestId('doc-number').textContent())!;

    // The print view opens in a new tab with the title and the 文号 (DOC-5).
    const [print] = await Promise.all([page.context().waitForEvent('page'), page.getByTestId('doc-print').click()]);
    await print.waitForLoadState();
    await expect.poll(() => print.locator('body').textContent()).toContain('扣押决定书');
    await expect.poll(() => print.locator('body').textContent()).toContain(number);
    await print.setViewportSize({ width: 1024, height: 768 });
    await shot(print, 'print-decision');
    await print.close();

    // The timeline replays everything in order, the inspection it arose from included (CASE-2, SUP-1).
    await page.getByTestId('doc-meta').getByRole('link').click();
    await page.getByTestId('open-timeline').click();
    const titles = page.getByTestId('timeline').locator('.tl-title');
    await expect.poll(async () => (await titles.allTextContents()).join('|')).toContain('文书定稿');
    // The origin's entries come by a second request, after the matter's own: wait for them too.
    await expect.poll(() => page.getByTestId('timeline').getByText(/^来源事项/).count()).toBeGreaterThan(0);
    const all = await titles.allTextContents();
    // Each expected entry is looked for after the previous one: found means in this order.
    const expected = ['现场检查', '紧急情况先行启动', '扣押', '承办人提交审批：扣押', '起草文书：扣押决定书', '起草文书：扣押清单', '王建国 签名（扣押清单）', '审核人同意：扣押', '批准人同意：扣押', '文书定稿'];
    let from = 0;
    for (const title of expected) {
      const i = all.findIndex((x, j) => j >= from && x.startsWith(title));
      expect(i, `“${title}” after entry ${from} in:\n${all.join('\n')}`).toBeGreaterThanOrEqual(0);
      from = i + 1;
    }
    expect(all.filter((x) => x.startsWith('起草文书')).length).toBe(3);
    await shot(page, 'timeline');
    // Filtered to approvals only.
    for (const k of ['事项', '环节', '文书', '签名', '问题']) await page.getByTestId('timeline-kinds').getByText(k, { exact: true }).click();
    await expect.poll(() => titles.count()).toBe(3);

    // The list of matters finds it by party and category.
    await menu(page, '执法事项');
    await page.getByTestId('filter-party').fill('好又多');
    await choose(page, 'filter-category', '行政强制措施');
    await page.getByTestId('matter-search').click();
    await expect.poll(() => page.getByTestId('matter-table').locator('tbody tr.ant-table-row').count()).toBe(1);
    await expect.poll(() => page.locator('.ant-pagination-total-text').textContent()).toBe('共 1 件');
    await shot(page, 'matters');
    await page.context().close();
  });
});
