import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCalendar } from '../../src/rules/calendar/create-calendar.js';
import { earliestActDay, HEARING_NOTICE_AHEAD } from '../../src/rules/law/index.js';
import { pickTime } from '../support/av-browser.js';
import { startBrowserApp, tabletPage } from '../support/browser.js';
import { choose, signIn } from '../support/browser-ui.js';
import { makeEnforcementTeam, userPassword } from '../support/factories.js';
import { client, signInAs } from '../support/http-client.js';
import { rightsNoticeFields, STEPS_TO_RIGHTS_NOTICE } from '../support/rights.js';
import { adminPassword, type TestApp } from '../support/test-app.js';

// CASE-8 CASE-9 in the web app: a 行政处罚事先告知书 served today on the party opens its
// hearing-request window on the matter page (due day, 申请期内); the officer records the party's
// request in the 当事人权利 card and the window turns to 已申请 with the request 受理.

const shots = process.env.LIUHEN_SCREENSHOTS ?? '/tmp';
let t: TestApp;
let browser: Browser;
let base: string;
let stop: () => Promise<void>;
let team: Awaited<ReturnType<typeof makeEnforcementTeam>>;
let matterId: string;

beforeAll(async () => {
  ({ t, base, browser, close: stop } = await startBrowserApp({ realTime: true }));
  team = await makeEnforcementTeam(t.app, await signInAs(t.app, 'admin', adminPassword));
  const as = client(t.app, team.handler.session);
  const matters = `/api/agencies/${team.agency.id}/matters`;
  const ok = (res: { statusCode: number; body: string }) => {
    if (res.statusCode >= 300) throw new Error(res.body);
    return JSON.parse(res.body) as { id: string; status?: string; parties?: { id: string }[] };
  };
  const matter = ok(await as.post(matters, {
    category: 'penalty_general', startRoute: 'ex_officio', title: '擅自从事上网服务经营', officerIds: [team.handler.officer.id, team.secondOfficer.id],
    parties: [{ kind: 'legal', name: '方城县惠民网吧', idType: 'uscc', idNumber: '91411322MA44R8K3P2', legalRepresentative: '李惠民', address: '河南省南阳市方城县凤瑞路16号' }],
  }));
  matterId = matter.id;
  let stepId = '';
  for (const step of STEPS_TO_RIGHTS_NOTICE) {
    const s = ok(await as.post(`${matters}/${matterId}/steps`, { step, occurredAt: new Date().toISOString() }));
    stepId = s.id;
    if (s.status === 'pending') for (const who of [team.reviewer, team.approver]) ok(await client(t.app, who.session).post(`${matters}/${matterId}/steps/${s.id}/decision`, { decision: 'approve', opinion: '同意' }));
  }
  const notice = ok(await as.post(`${matters}/${matterId}/documents`, { typeId: 'penalty_rights_notice', stepId, fields: rightsNoticeFields() }));
  ok(await as.post(`/api/agencies/${team.agency.id}/documents/${notice.id}/issue`));
  const partyId = ok(await as.get(`${matters}/${matterId}`)).parties![0]!.id;
  ok(await as.post(`${matters}/${matterId}/services`, { documentId: notice.id, partyId, method: 'direct', servedAt: new Date().toISOString(), details: { recipientName: '李惠民', relation: '法定代表人', signed: true } }));
});
afterAll(async () => {
  await stop?.();
});

describe('当事人权利 on the matter page', () => {
  it('CASE-9 行政处罚法 第六十四条: the window shows its due day and 申请期内; a request recorded today is 受理 and the window turns to 已申请', async () => {
    const page = await tabletPage(browser);
    await signIn(page, base, team.handler.user.username, userPassword);
    await page.goto(`${base}/matters/${matterId}`);
    const windows = page.getByTestId('hearing-windows');
    await expect.poll(() => windows.textContent()).toContain('申请期内');
    expect(await windows.textContent()).toMatch(/\d{4}-\d{2}-\d{2}/);
    await page.getByTestId('rights-add-hearing-request').click();
    await choose(page, 'rights-channel', '当面提出');
    await page.getByTestId('rights-content').fill('当事人要求举行听证');
    await page.getByTestId('rights-save').click();
    await expect.poll(() => page.getByTestId('rights-list').textContent()).toContain('听证申请');
    expect(await page.getByTestId('rights-list').textContent()).toContain('受理');
    await expect.poll(() => windows.textContent()).toContain('已申请');
    // No screen shows an id or an enum key.
    const text = (await page.getByTestId('rights-panel').textContent()) ?? '';
    expect(text).not.toMatch(/in_person|accepted|hearing_request|[0-9a-f]{8}-[0-9a-f]{4}-/);
    await page.getByTestId('rights-panel').screenshot({ path: join(shots, 'liuhen-rights.png') });
  });

  it('CASE-8 行政处罚法 第四十五条: statements recorded, then 不予采纳 without reasons is refused with the rule shown; with reasons it is listed', async () => {
    const page = await tabletPage(browser);
    await signIn(page, base, team.handler.user.username, userPassword);
    await page.goto(`${base}/matters/${matterId}`);
    await page.getByTestId('rights-add-statement').click();
    await choose(page, 'rights-form', '书面');
    await page.getByTestId('rights-content').fill('当事人称系亲属代为经营，不知情');
    await page.getByTestId('rights-save').click();
    await expect.poll(() => page.getByTestId('rights-list').textContent()).toContain('亲属代为经营');
    await page.getByTestId('rights-review').click();
    await choose(page, 'rights-result', '不予采纳');
    await page.getByTestId('rights-save').click();
    await expect.poll(() => page.getByTestId('rights-refusal').textContent()).toContain('第四十五条');
    await page.getByTestId('rights-reasons').fill('营业执照登记的经营者为当事人本人');
    await page.getByTestId('rights-save').click();
    await expect.poll(() => page.getByTestId('rights-list').textContent()).toContain('理由：营业执照登记的经营者为当事人本人');
    expect(await page.getByTestId('rights-list').textContent()).toContain('不予采纳');
  });

  it('CASE-9 行政处罚法 第六十四条第（四）项: a host who is an officer of the matter is refused on screen; another host is scheduled', async () => {
    const page = await tabletPage(browser);
    await signIn(page, base, team.handler.user.username, userPassword);
    await page.goto(`${base}/matters/${matterId}`);
    // The notice is not served yet: today stands in, so the hearing is 7 working days later at the earliest.
    const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
    const day = earliestActDay(HEARING_NOTICE_AHEAD, today, createCalendar());
    await page.getByTestId('rights-add-hearing').click();
    await page.getByTestId('rights-hearingRequestId').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').first().click();
    await pickTime(page, 'rights-scheduledAt', `${day} 09:30:00`);
    if (await page.locator('.ant-picker-dropdown:visible').count()) await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('.ant-picker-dropdown:visible').count()).toBe(0);
    await page.getByTestId('rights-place').fill('执法队三楼听证室');
    await page.getByTestId('rights-hostName').fill('协办执法员');
    await page.getByTestId('rights-save').click();
    await expect.poll(() => page.getByTestId('rights-refusal').textContent()).toContain('第六十四条第（四）项');
    await page.getByTestId('rights-hostName').fill('法制科 张某');
    await page.getByTestId('rights-save').click();
    await expect.poll(() => page.getByTestId('rights-list').textContent()).toContain('主持人 法制科 张某');
    expect(await page.getByTestId('rights-list').textContent()).toContain('通知书尚未送达');
  });
});
