import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startBrowserApp, tabletPage } from '../support/browser.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { choose, decideReview, menu, penaltyReadyForDecision, recordStep, signIn, signOut, toast } from '../support/legal-review-browser.js';
import type { TestApp } from '../support/test-app.js';

// Issue 6 in headless Chromium on a 1024×768 tablet: a major penalty (吊销许可证) cannot be
// decided before a passed legal review (CASE-5); the handler assesses and submits it, the legal
// reviewer fails it for want of evidence, the handler adds evidence and resubmits, the reviewer
// passes it, the decision is approved and issued, and the timeline and the opinion show it all.

const shots = process.env.LIUHEN_SCREENSHOTS ?? '/tmp';

let t: TestApp;
let browser: Browser;
let base: string;
let stop: () => Promise<void>;
let setup: Awaited<ReturnType<typeof penaltyReadyForDecision>>;

beforeAll(async () => {
  ({ t, base, browser, close: stop } = await startBrowserApp({ realTime: true }));
  setup = await penaltyReadyForDecision(t.app);
});

afterAll(async () => {
  await stop?.();
});

const newPage = (): Promise<Page> => tabletPage(browser, 'Asia/Shanghai', true);
const shot = (page: Page, name: string) => page.screenshot({ path: join(shots, `liuhen-lr-${name}.png`) });

describe('legal review in the browser', () => {
  it('REV-2 REV-3 REV-4 REV-6 CASE-5: a handler submits a 吊销许可证 penalty; the legal reviewer fails it for 证据不足; the handler adds evidence and resubmits; the reviewer passes it; the approver issues the decision; the timeline shows every step and the opinion prints', { timeout: 300_000 }, async () => {
    const page = await newPage();
    // A failure leaves the screen it happened on for the report.
    page.on('pageerror', (e) => console.error('[page error]', e.message));
    const failed = (e: unknown) => shot(page, 'failure').then(() => Promise.reject(e));
    await flow(page).catch(failed);
  });
});

async function flow(page: Page) {
  const { team, legal, matter } = setup;
  const openMatter = () => page.goto(`${base}/matters/${matter.id}`);
  const panel = page.getByTestId('legal-review-panel');

  // CASE-5: 作出决定 is refused before it is known whether the decision is major.
  await signIn(page, base, team.handler.user.username);
  await openMatter();
  await recordStep(page, '作出决定（审查决定） · 需审批', '作出决定', '拟吊销食品经营许可证');
  await expect.poll(() => page.getByTestId('legal-gate-refusal').textContent()).toContain('重大执法决定');
  await shot(page, 'gate-refusal');
  await page.getByTestId('legal-gate-open').click();
  await expect.poll(() => page.getByTestId('legal-review-state').textContent()).toContain('须先判断');

  // REV-2: 吊销许可证 is major from the data; the criteria the data cannot settle are answered.
  await page.getByTestId('assess-open').click();
  await page.getByTestId('assess-measures').click();
  await page.locator('.ant-select-dropdown:visible').getByText('吊销许可证或者执照').click();
  await page.keyboard.press('Escape');
  await page.getByTestId('assess-run').click();
  await expect.poll(() => page.getByTestId('assess-questions').textContent()).toContain('有重大社会影响的');
  await page.getByTestId('assess-rest-no').click();
  await page.getByTestId('assess-run').click();
  await expect.poll(() => toast(page).textContent()).toContain('属于重大执法决定，须经法制审核');
  expect(await page.getByRole('dialog').getByTestId('assessment-result').textContent()).toContain('S3 方案 三(一)3(2)');
  await shot(page, 'assessment');
  await page.getByTestId('assess-close').click();
  await expect.poll(() => panel.getByTestId('assessment-result').textContent()).toContain('吊销许可证或者执照的');

  // REV-3: the submission, filled from the 案件调查终结报告, is sent and frozen.
  await page.getByTestId('submission-open').click();
  await expect.poll(() => page.getByTestId('submission-proposedDecision').inputValue()).toBe('吊销《食品经营许可证》');
  expect(await page.getByTestId('submission-facts').inputValue()).toContain('超过保质期的熟食制品');
  await shot(page, 'submission');
  await page.getByTestId('submission-save').click();
  await expect.poll(() => page.getByTestId('review-v1').getByTestId('review-status').textContent()).toBe('审核中');
  await recordStep(page, '作出决定（审查决定） · 需审批', '作出决定', '拟吊销食品经营许可证');
  await expect.poll(() => page.getByTestId('legal-gate-refusal').textContent()).toContain('尚在法制审核中');
  await page.getByRole('dialog').getByRole('button', { name: /取\s*消/ }).click();
  await signOut(page, base);

  // REV-4: the legal reviewer asks for an explanation (第十条) …
  await signIn(page, base, legal.username);
  await menu(page, '法制审核');
  await expect.poll(() => page.getByTestId('review-queue').textContent()).toContain(matter.number);
  expect(await page.getByTestId('review-due').first().textContent()).toMatch(/\d{4}-\d{2}-\d{2}/);
  await shot(page, 'queue');
  await menu(page, '重大执法决定目录');
  await expect.poll(() => page.getByTestId('staffing').textContent()).toContain('第五条');
  expect(await page.getByTestId('criteria-penalty').textContent()).toContain('吊销许可证或者执照的');
  await shot(page, 'major-list');
  await menu(page, '法制审核');
  await page.getByTestId('queue-review-1').click();
  await page.getByTestId('message-text-request').fill('请说明货值金额的计算依据，并补充抽样检验报告');
  await page.getByTestId('message-send-request').click();
  await expect.poll(() => toast(page).textContent()).toContain('已向承办人提出补充要求');
  await signOut(page, base);
  // … the handler answers in the system …
  await signIn(page, base, team.handler.user.username);
  await openMatter();
  await page.getByTestId('message-text-answer').fill('货值按标价计算；抽样检验报告正在出具');
  await page.getByTestId('message-send-answer').click();
  await expect.poll(() => page.getByTestId('review-v1').textContent()).toContain('承办人答复');
  await signOut(page, base);
  // … and fails it: 主要事实不清，证据不足 (第十一条).
  await signIn(page, base, legal.username);
  await decideReview(page, 1, 'fail', '货值金额及检验结论缺少证据支持，建议补充调查后再次送审', () => shot(page, 'review-fail'));
  await shot(page, 'review-failed');
  await signOut(page, base);

  // REV-6: the handler adds evidence (抽样取证) and resubmits a new version.
  await signIn(page, base, team.handler.user.username);
  await openMatter();
  await expect.poll(() => page.getByTestId('review-v1').textContent()).toContain('主要事实不清，证据不足');
  await panel.scrollIntoViewIfNeeded();
  await shot(page, 'panel-failed');
  await recordStep(page, '抽样取证（调查取证）', '抽样', '对同批次卤牛肉抽样送检，检验结论为菌落总数超标');
  await expect.poll(() => toast(page).textContent()).toContain('已记录');
  await page.keyboard.press('Escape');
  await page.getByTestId('resubmission-open').click();
  await expect.poll(() => page.getByTestId('submission-evidenceSummary').inputValue()).toContain('现场检查笔录');
  const evidence = await page.getByTestId('submission-evidenceSummary').inputValue();
  await page.getByTestId('submission-evidenceSummary').fill(`${evidence}\n补充：抽样取证记录、检验报告及检验机构资质证明、货值计算说明`);
  await page.getByTestId('submission-save').click();
  await expect.poll(() => page.getByTestId('review-v2').getByTestId('review-status').textContent()).toBe('审核中');
  await signOut(page, base);

  // REV-4: the reviewer passes the second version.
  await signIn(page, base, legal.username);
  await decideReview(page, 2, 'pass', '事实清楚，证据充分，适用法律正确，裁量适当，同意', () => page.evaluate(() => window.scrollTo(0, 0)).then(() => shot(page, 'review-page')));
  await signOut(page, base);

  // CASE-5: now the decision can be recorded; its 行政处罚决定书 is drafted.
  await signIn(page, base, team.handler.user.username);
  await openMatter();
  await expect.poll(() => page.getByTestId('legal-review-state').textContent()).toContain('已审核通过');
  await recordStep(page, '作出决定（审查决定） · 需审批', '作出决定', '经法制审核通过，拟吊销食品经营许可证，提请审批');
  await expect.poll(() => toast(page).textContent()).toContain('已提交审核');
  await page.getByTestId('draft-penalty_decision').click();
  await page.waitForURL(/\/documents\//);
  await choose(page, 'field-procedure', '一般程序');
  await page.getByTestId('field-facts').fill('当事人销售超过保质期的熟食制品，经抽样检验菌落总数超标，一年内第二次同类违法。');
  await page.getByTestId('field-statements_review').fill('当事人在法定期限内未提出陈述、申辩，亦未要求听证。');
  await page.getByTestId('field-penalty_content').fill('吊销《食品经营许可证》（许可证编号 JY14113220000001）。');
  await page.getByTestId('field-performance').fill('自收到本决定书之日起停止食品经营活动，并于十五日内交回许可证件。');
  await page.getByTestId('field-remedy_notice').fill('如不服本决定，可以在收到本决定书之日起六十日内向方城县人民政府申请行政复议，或者在六个月内向方城县人民法院提起行政诉讼。');
  await page.getByTestId('field-legal_basis-add').click();
  await page.getByTestId('field-legal_basis-0-law').fill('《中华人民共和国食品安全法》');
  await page.getByTestId('field-legal_basis-0-article').fill('第一百二十四条第一款第（五）项');
  await page.getByTestId('field-evidence_relied_on-add').click();
  await page.getByTestId('field-evidence_relied_on-0-description').fill('现场检查笔录、抽样检验报告、询问笔录');
  await page.getByTestId('field-factors_considered').fill('一年内第二次同类违法，依裁量基准从重处罚；法制审核通过');
  await page.getByTestId('field-reviewer').fill('王审核');
  await page.getByTestId('doc-save').click();
  await expect.poll(() => toast(page).textContent()).toContain('草稿已保存');
  const decisionUrl = page.url();
  await signOut(page, base);

  // The reviewer and the approver approve the decision; the approver issues it.
  for (const who of [team.reviewer, team.approver]) {
    await signIn(page, base, who.user.username);
    await menu(page, '待审批');
    await page.getByTestId('queue-decide-decision').click();
    await page.getByTestId('decision-submit').click();
    await expect.poll(() => page.getByTestId('approval-queue').textContent()).toContain('暂无待审批');
    if (who === team.reviewer) await signOut(page, base);
  }
  await page.goto(decisionUrl);
  await page.getByTestId('doc-issue').click();
  await page.getByTestId('doc-issue-confirm').click();
  await expect.poll(() => page.getByTestId('doc-number').textContent()).toMatch(/罚决字〔\d{4}〕第1号$/);

  // The opinion of the passed review prints as 法制审核意见书.
  await page.getByTestId('doc-meta').getByRole('link').click();
  await expect.poll(() => page.getByTestId('review-v2').textContent()).toContain('审核通过');
  await page.getByTestId('review-v2').scrollIntoViewIfNeeded();
  await shot(page, 'panel-passed');
  const [print] = await Promise.all([page.context().waitForEvent('page'), page.getByTestId('opinion-print-2').click()]);
  await print.waitForLoadState();
  await expect.poll(() => print.locator('body').textContent()).toContain('法制审核意见书');
  expect(await print.locator('body').textContent()).toContain('同意');
  await print.setViewportSize({ width: 1024, height: 768 });
  await shot(print, 'opinion-print');
  await print.close();

  // The timeline: the failed opinion, the added evidence, the passed opinion, the decision, its approvals and issue.
  await page.getByTestId('open-timeline').click();
  const titles = page.getByTestId('timeline').locator('.tl-title');
  await expect.poll(async () => (await titles.allTextContents()).join('|')).toContain('罚决字');
  const all = await titles.allTextContents();
  const opinion = (x: string) => x.startsWith('文书定稿') && x.endsWith('：法制审核意见书');
  expect(all.filter(opinion).length, all.join('\n')).toBe(2);
  // Each expected entry is looked for after the previous one: found means in this order.
  const expected: [string, (x: string) => boolean][] = [
    ['案件调查终结报告', (x) => x.startsWith('案件调查终结报告')],
    ['不予通过的法制审核意见书', opinion],
    ['抽样取证', (x) => x.startsWith('抽样取证')],
    ['审核通过的法制审核意见书', opinion],
    ['作出决定', (x) => x.startsWith('作出决定')],
    ['起草文书：行政处罚决定书', (x) => x.startsWith('起草文书：行政处罚决定书')],
    ['审核人同意：作出决定', (x) => x.startsWith('审核人同意：作出决定')],
    ['批准人同意：作出决定', (x) => x.startsWith('批准人同意：作出决定')],
    ['行政处罚决定书定稿', (x) => x.startsWith('文书定稿') && x.includes('罚决字')],
  ];
  let from = 0;
  for (const [name, test] of expected) {
    const i = all.findIndex((x, j) => j >= from && test(x));
    expect(i, `“${name}” after entry ${from} in:\n${all.join('\n')}`).toBeGreaterThanOrEqual(0);
    from = i + 1;
  }
  await titles.filter({ hasText: '法制审核意见书' }).first().scrollIntoViewIfNeeded();
  await shot(page, 'timeline');
  await page.context().close();
}
