import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoFields } from '../../src/domains/demo/demo-fill.js';
import { DEFAULT_CRITERIA } from '../../src/rules/legal-review/criteria.js';
import { startBrowserApp, tabletPage } from '../support/browser.js';
import { choose, dropdown, menu, signIn, signOut } from '../support/browser-ui.js';
import { makeEnforcementTeam, userPassword } from '../support/factories.js';
import { client, signInAs } from '../support/http-client.js';
import { adminPassword, type TestApp } from '../support/test-app.js';

// Issue 12 "Tests", in headless Chromium: a general-procedure penalty from the officer's tablet
// (1024×768) and the head's desk (1440×900). The officer records the investigation with the step
// form, the decision, drafts the 行政处罚决定书; the reviewer and the head approve it and the
// head issues it; the officer records its 留置送达 on the 送达与当事人期限 card and sees the party's
// deadlines and the 法定期限 card; the 送达回证 drafted from the service record prints the party,
// the document and the method. The shorter API-only parts (告知书 and its service, 是否重大) are
// what test/integration/penalty-lifecycle.test.ts proves in full.

const shots = process.env.LIUHEN_SCREENSHOTS ?? '/tmp';
const party = { kind: 'legal', name: '方城县明亮眼镜店', idType: 'uscc', idNumber: '92411322MA49XXXX8H', legalRepresentative: '孙明亮', address: '河南省南阳市方城县建设路55号' };
let t: TestApp;
let browser: Browser;
let base: string;
let stop: () => Promise<void>;
let team: Awaited<ReturnType<typeof makeEnforcementTeam>>;
let matterId: string;
const api = () => `/api/agencies/${team.agency.id}`;
const ok = (res: { statusCode: number; body: string }) => {
  if (res.statusCode >= 300) throw new Error(res.body);
  return JSON.parse(res.body) as { id: string; status?: string };
};

beforeAll(async () => {
  ({ t, base, browser, close: stop } = await startBrowserApp({ realTime: true }));
  team = await makeEnforcementTeam(t.app, await signInAs(t.app, 'admin', adminPassword));
  const h = client(t.app, team.handler.session);
  matterId = ok(await h.post(`${api()}/matters`, { category: 'penalty_general', startRoute: 'ex_officio', title: '虚假宣传“免费验光配镜”', officerIds: [team.handler.officer.id, team.secondOfficer.id], parties: [party] })).id;
  for (const step of ['filing', 'on_site_inspection']) {
    const s = ok(await h.post(`${api()}/matters/${matterId}/steps`, { step, occurredAt: new Date().toISOString(), place: party.address }));
    if (s.status === 'pending') for (const who of [team.reviewer, team.approver]) ok(await client(t.app, who.session).post(`${api()}/matters/${matterId}/steps/${s.id}/decision`, { decision: 'approve', opinion: '同意' }));
  }
});
afterAll(async () => {
  await stop?.();
});

const desk = async () => {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', reducedMotion: 'reduce' });
  const page = await context.newPage();
  page.setDefaultTimeout(30_000);
  return page;
};
const toast = (page: Page) => page.locator('.ant-message');
const shot = (page: Page, name: string) => page.screenshot({ path: join(shots, `liuhen-penalty-${name}.png`) });

/** 记录环节 with the step form; returns once the toast says what the server did, the offer to draft its documents left open or closed. */
async function recordStep(page: Page, option: string, search: string, note: string, said: string, keepDraftOffer = false) {
  await page.getByTestId('record-step').click();
  await choose(page, 'step-choice', option, search);
  await page.getByTestId('step-note').fill(note);
  await page.getByTestId('step-save').click();
  await expect.poll(() => toast(page).textContent()).toContain(said);
  if (!keepDraftOffer) await page.keyboard.press('Escape');
}

/** The 事先告知书 issued and served in person, and the decision judged not major (API: proved in full elsewhere). */
async function rightsNoticeServed() {
  const h = client(t.app, team.handler.session);
  const detail = (await h.get(`${api()}/matters/${matterId}`)).json();
  const rights = detail.steps.find((s: { step: string }) => s.step === 'rights_notice');
  const officers = detail.officers.map((o: { name: string; certificateNo: string }) => ({ name: o.name, certificateNo: o.certificateNo }));
  const day = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
  const fields = demoFields('penalty_rights_notice', { day, time: '10:00', party, officers, maker: officers[0].name, place: party.address }, { hearing_deadline: '收到本告知书之日起五个工作日内' });
  const notice = ok(await h.post(`${api()}/matters/${matterId}/documents`, { typeId: 'penalty_rights_notice', stepId: rights.id, fields }));
  ok(await h.post(`${api()}/documents/${notice.id}/issue`));
  ok(await h.post(`${api()}/matters/${matterId}/services`, { documentId: notice.id, partyId: detail.parties[0].id, method: 'direct', servedAt: new Date().toISOString(), details: { recipientName: party.legalRepresentative, relation: '法定代表人', signed: true } }));
  const allNo = Object.fromEntries(DEFAULT_CRITERIA.map((c) => [c.id, false]));
  ok(await h.post(`${api()}/matters/${matterId}/legal-review/assessment`, { proposal: { measures: ['fine'], fineAmount: 5000 }, answers: allNo }));
}

describe('a general-procedure penalty in the browser (issue 12)', () => {
  it('CASE-5 SRV-1 SRV-2 DOC-1 行政处罚法 第六十条、第六十七条: tablet and desk carry a penalty to a decision served by 留置; deadlines show; the 送达回证 prints', { timeout: 300_000 }, async () => {
    const tablet = await tabletPage(browser, 'Asia/Shanghai', true);
    tablet.on('pageerror', (e) => console.error('[page error]', e.message));
    await flow(tablet).catch((e: unknown) => shot(tablet, 'failure').then(() => Promise.reject(e)));
  });
});

async function flow(tablet: Page) {
  const openMatter = () => tablet.goto(`${base}/matters/${matterId}`);
  // The officer records the investigation with the step form.
  await signIn(tablet, base, team.handler.user.username, userPassword);
  await openMatter();
  await recordStep(tablet, '询问（调查取证）', '询问', '询问当事人法定代表人孙明亮，制作询问笔录', '已记录');
  await recordStep(tablet, '案件调查终结报告（审查决定）', '调查终结', '事实清楚，证据确实充分，拟罚款五千元', '已记录');
  await recordStep(tablet, '告知陈述、申辩、听证等权利（审查决定）', '告知陈述', '制作并送达行政处罚事先告知书', '已记录');
  await rightsNoticeServed();

  // The decision, then its 行政处罚决定书 drafted with the fine.
  await openMatter();
  await recordStep(tablet, '作出决定（审查决定） · 需审批', '作出决定', '拟罚款人民币五千元，提请审批', '已提交审核', true);
  await tablet.getByTestId('draft-penalty_decision').click();
  await tablet.waitForURL(/\/documents\//);
  await choose(tablet, 'field-procedure', '一般程序');
  await tablet.getByTestId('field-facts').fill('当事人在店内张贴“免费验光配镜”宣传单，实际配镜收费，构成虚假宣传。');
  await tablet.getByTestId('field-statements_review').fill('当事人在法定期限内未提出陈述、申辩，亦未要求听证。');
  await tablet.getByTestId('field-penalty_content').fill('罚款人民币五千元。');
  await tablet.locator('input[data-testid="field-fine_amount"], [data-testid="field-fine_amount"] input').first().fill('5000');
  await tablet.getByTestId('field-performance').fill('自收到本决定书之日起十五日内缴至指定银行。');
  await tablet.getByTestId('field-remedy_notice').fill('如不服本决定，可以在收到本决定书之日起六十日内申请行政复议，或者在六个月内提起行政诉讼。');
  await tablet.getByTestId('field-legal_basis-add').click();
  await tablet.getByTestId('field-legal_basis-0-law').fill('《中华人民共和国反不正当竞争法》');
  await tablet.getByTestId('field-legal_basis-0-article').fill('第二十条');
  await tablet.getByTestId('field-evidence_relied_on-add').click();
  await tablet.getByTestId('field-evidence_relied_on-0-description').fill('现场检查笔录、询问笔录、宣传单');
  await tablet.getByTestId('field-factors_considered').fill('首次违法，依裁量基准从轻处罚');
  await tablet.getByTestId('field-reviewer').fill('王审核');
  await tablet.getByTestId('doc-save').click();
  await expect.poll(() => toast(tablet).textContent()).toContain('草稿已保存');
  const decisionUrl = tablet.url();
  await signOut(tablet, base);

  // The head's desk: the reviewer, then the head approve the decision; the head issues the 决定书.
  const head = await desk();
  for (const who of [team.reviewer, team.approver]) {
    await signIn(head, base, who.user.username, userPassword);
    await menu(head, '待审批');
    await head.getByTestId('queue-decide-decision').click();
    await head.getByTestId('decision-submit').click();
    await expect.poll(() => head.getByTestId('approval-queue').textContent()).toContain('暂无待审批');
    if (who === team.reviewer) await signOut(head, base);
  }
  await head.goto(decisionUrl);
  await head.getByTestId('doc-issue').click();
  await head.getByTestId('doc-issue-confirm').click();
  await expect.poll(() => head.getByTestId('doc-number').textContent()).toMatch(/\d{4}〕第1号$/);
  await shot(head, 'desk-issued');

  // The officer records the 留置送达 on the 送达与当事人期限 card: a witness is required.
  await signIn(tablet, base, team.handler.user.username, userPassword);
  await openMatter();
  await tablet.getByTestId('service-record').click();
  await tablet.getByTestId('service-document').click();
  await dropdown(tablet).locator('.ant-select-item-option').filter({ hasText: '行政处罚决定书' }).click();
  await expect.poll(() => tablet.getByTestId('service-document').textContent()).toContain('行政处罚决定书');
  await choose(tablet, 'service-method', '留置送达');
  await tablet.getByTestId('service-refusalReason').fill('法定代表人孙明亮拒绝签收');
  await tablet.getByTestId('service-save').click();
  await expect.poll(() => tablet.getByTestId('service-problems').textContent()).toContain('见证人');
  await tablet.getByTestId('service-witnessName').fill('建设路社区居委会主任 王某');
  await tablet.getByTestId('service-save').click();
  const decisionService = tablet.getByTestId('service-list').locator('.ant-list-item').filter({ hasText: '行政处罚决定书' });
  await expect.poll(() => decisionService.textContent()).toContain('留置送达');

  // The party's deadlines and the matter's 法定期限, as the API computes them, are on the page.
  const h = client(t.app, team.handler.session);
  const partyDeadlines = (await h.get(`${api()}/matters/${matterId}/party-deadlines`)).json() as { key: string; name: string; due: string; documentName: string }[];
  const fine = partyDeadlines.find((d) => d.key === 'finePayment');
  expect(fine, JSON.stringify(partyDeadlines)).toBeTruthy();
  const card = tablet.getByTestId('party-deadlines');
  await expect.poll(() => card.textContent()).toContain(fine!.name);
  for (const d of partyDeadlines.filter((x) => x.documentName === '行政处罚决定书')) {
    expect(await card.locator('tr').filter({ hasText: d.name }).filter({ hasText: '行政处罚决定书' }).first().textContent()).toContain(d.due);
  }
  // The decision's 90 days (行政处罚法 第六十条) are met; the fine's 15 days now run beside them.
  const limit = ((await h.get(`${api()}/matters/${matterId}/deadlines`)).json() as { ruleKey: string; due: string; state: string }[]).find((d) => d.ruleKey === 'decisionAfterFiling');
  expect(limit).toMatchObject({ state: 'met' });
  const lawCard = tablet.getByTestId('matter-deadlines');
  await expect.poll(() => lawCard.textContent()).toContain('已按期完成');
  expect(await lawCard.getByTestId('deadline-decisionAfterFiling').count()).toBe(1);
  expect(await lawCard.textContent()).toContain(limit!.due);
  await tablet.getByTestId('service-panel').scrollIntoViewIfNeeded();
  await shot(tablet, 'service-card');

  // The 送达回证 drafted from the service record; its print view shows party, document and method.
  await decisionService.getByTestId('service-receipt-draft').click();
  await tablet.waitForURL(/\/documents\/[0-9a-f-]{36}/);
  const receiptId = /\/documents\/([0-9a-f-]{36})/.exec(tablet.url())![1]!;
  await tablet.goto(`${base}${api()}/documents/${receiptId}/print`);
  const body = () => tablet.locator('body').textContent();
  await expect.poll(body).toContain('送达回证');
  for (const text of [party.name, '行政处罚决定书', '留置送达', '王某']) expect(await body(), text).toContain(text);
  await shot(tablet, 'receipt-print');
  await head.context().close();
  await tablet.context().close();
}
