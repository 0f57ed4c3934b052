import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exampleSeizureDecision } from '../../src/rules/documents/examples.js';
import { startBrowserApp, tabletPage } from '../support/browser.js';
import { choose, dropdown, signIn } from '../support/browser-ui.js';
import { makeEnforcementTeam, userPassword } from '../support/factories.js';
import { client, signInAs } from '../support/http-client.js';
import { adminPassword, type TestApp } from '../support/test-app.js';
import { SEIZURE_FACTS } from '../support/custody-facts.js';

// SRV-1 SRV-2 in the web app: the officer records how an issued 扣押决定书 was served (留置, with a
// witness), the form first naming what 留置 must record, and the matter page then lists the
// service and the party's deadlines it started.

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
    return JSON.parse(res.body) as { id: string };
  };
  matterId = ok(await as.post(matters, {
    category: 'coercive_measure', startRoute: 'emergency', title: '扣押无证经营设备', officerIds: [team.handler.officer.id, team.secondOfficer.id],
    parties: [{ kind: 'legal', name: '方城县惠民食品店', idType: 'uscc', idNumber: '91411322MA44R8K3P2', legalRepresentative: '李惠民', address: '河南省南阳市方城县凤瑞路16号' }],
  })).id;
  const now = () => new Date().toISOString();
  ok(await as.post(`${matters}/${matterId}/steps`, { step: 'emergency_start', occurredAt: now(), note: '现场发现违法行为' }));
  const seizure = ok(await as.post(`${matters}/${matterId}/steps`, { step: 'seizure', occurredAt: now(), note: '现场扣押，提请审批', details: SEIZURE_FACTS })).id;
  for (const who of [team.reviewer, team.approver]) ok(await client(t.app, who.session).post(`${matters}/${matterId}/steps/${seizure}/decision`, { decision: 'approve', opinion: '同意' }));
  const doc = ok(await as.post(`${matters}/${matterId}/documents`, { typeId: 'seizure_decision', stepId: seizure, fields: exampleSeizureDecision() }));
  ok(await as.post(`/api/agencies/${team.agency.id}/documents/${doc.id}/issue`));
});
afterAll(async () => {
  await stop?.();
});

describe('service on the matter page', () => {
  it('SRV-1 SRV-2: 留置送达 without a witness is refused with what is missing; with one it is listed and the party\'s 行政复议 and 行政诉讼 deadlines show', async () => {
    const page = await tabletPage(browser);
    await signIn(page, base, team.handler.user.username, userPassword);
    await page.goto(`${base}/matters/${matterId}`);
    await page.getByTestId('service-record').click();
    // The only issued document: its label carries the 文号 the issue gave it.
    await page.getByTestId('service-document').click();
    await expect.poll(() => dropdown(page).locator('.ant-select-item-option').count()).toBe(1);
    await dropdown(page).locator('.ant-select-item-option').click();
    await expect.poll(() => page.getByTestId('service-document').textContent()).toContain('扣押决定书');
    await choose(page, 'service-method', '留置送达');
    await page.getByTestId('service-refusalReason').fill('当事人拒绝签收');
    await page.getByTestId('service-save').click();
    await expect.poll(() => page.getByTestId('service-problems').textContent()).toContain('见证人');
    await page.getByTestId('service-witnessName').fill('王见证');
    await page.getByTestId('service-save').click();
    await expect.poll(() => page.getByTestId('service-list').textContent()).toContain('留置送达');
    await expect.poll(() => page.getByTestId('party-deadlines').textContent()).toContain('行政复议');
    expect(await page.getByTestId('party-deadlines').textContent()).toContain('行政诉讼');
    await page.getByTestId('service-panel').screenshot({ path: join(shots, 'liuhen-service.png') });
  });
});
