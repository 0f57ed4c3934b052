import type { FastifyInstance } from 'fastify';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { makeEnforcementTeam, makeOfficer, makeUser, userPassword } from './factories.js';
import { client, signInAs } from './http-client.js';
import { adminPassword } from './test-app.js';
import { choose, menu, signIn as signInWith } from './browser-ui.js';

// Set-up and UI helpers of the legal-review browser test (test/browser/legal-review-flow.test.ts).

export type Team = Awaited<ReturnType<typeof makeEnforcementTeam>>;

/** A team with a legal reviewer (also an officer), S3 chosen, and a penalty ready for its decision. */
export async function penaltyReadyForDecision(app: FastifyInstance) {
  const admin = await signInAs(app, 'admin', adminPassword);
  const team = await makeEnforcementTeam(app, admin);
  const legal = await makeUser(app, team.agency.id, ['legal_reviewer'], admin);
  await makeOfficer(app, team.agency.id, admin, { userId: legal.id, name: '钱法制' });
  const base = `/api/agencies/${team.agency.id}`;
  await client(app, admin).post(`${base}/policy/choose`, { profileId: 's3-fangcheng-market', basis: '采用方城县方案' });
  const h = client(app, team.handler.session);
  const created = await h.post(`${base}/matters`, {
    category: 'penalty_general',
    startRoute: 'ex_officio',
    title: '方城县惠民食品店销售超过保质期食品',
    officerIds: [team.handler.officer.id, team.secondOfficer.id],
    parties: [{ kind: 'legal', name: '方城县惠民食品店', idType: 'uscc', idNumber: '91411322MA44R8K3P2', legalRepresentative: '李惠民', address: '河南省南阳市方城县凤瑞路16号' }],
  });
  if (created.statusCode !== 201) throw new Error(created.body);
  const matter = created.json() as { id: string; number: string };
  for (const step of ['filing', 'on_site_inspection', 'investigation_report', 'rights_notice']) {
    const res = await h.post(`${base}/matters/${matter.id}/steps`, { step, occurredAt: new Date().toISOString(), place: '方城县凤瑞路16号', officerIds: [team.handler.officer.id, team.secondOfficer.id] });
    if (res.statusCode !== 201) throw new Error(res.body);
    const s = res.json() as { id: string; status: string };
    if (step === 'investigation_report') await investigationReport(app, team, matter.id, s.id);
    if (s.status === 'pending') {
      for (const who of [team.reviewer, team.approver]) {
        const d = await client(app, who.session).post(`${base}/matters/${matter.id}/steps/${s.id}/decision`, { decision: 'approve', opinion: '同意' });
        if (d.statusCode !== 200) throw new Error(d.body);
      }
    }
  }
  return { team, legal, matter };
}

/** The 案件调查终结报告 the submission form is filled from (REV-3). */
async function investigationReport(app: FastifyInstance, team: Team, matterId: string, stepId: string) {
  const res = await client(app, team.handler.session).post(`/api/agencies/${team.agency.id}/matters/${matterId}/documents`, {
    typeId: 'investigation_final_report',
    stepId,
    fields: {
      case_cause: '销售超过保质期的食品',
      basic_facts: '当事人于2026年3月在经营场所销售超过保质期的熟食制品，货值金额较大，且曾因同类违法行为受到处罚。',
      investigation_summary: '现场检查笔录1份、询问笔录2份、现场照片12张',
      applicable_law: '《中华人民共和国食品安全法》第三十四条第（十）项、第一百二十四条第一款第（五）项',
      discretion: '一年内第二次同类违法，依裁量基准从重处罚',
      proposal: '吊销《食品经营许可证》',
    },
  });
  if (res.statusCode !== 201) throw new Error(res.body);
}

export { choose, dropdown, menu, signOut } from './browser-ui.js';

export const signIn = (page: Page, base: string, username: string) => signInWith(page, base, username, userPassword);
export const toast = (page: Page) => page.locator('.ant-message');

/** 记录环节 with the given option; returns once the server accepted it (or the refusal shows). */
export async function recordStep(page: Page, option: string, search: string, note: string) {
  await page.getByTestId('record-step').click();
  await choose(page, 'step-choice', option, search);
  await page.getByTestId('step-note').fill(note);
  await page.getByTestId('step-save').click();
}

/** The legal reviewer decides the newest submission of the queue from the review page. */
export async function decideReview(page: Page, version: number, outcome: 'pass' | 'fail', explanation: string, shot?: () => Promise<unknown>) {
  await menu(page, '法制审核');
  await page.getByTestId(`queue-review-${version}`).click();
  await expect.poll(() => page.getByTestId('review-materials').textContent()).toContain('吊销《食品经营许可证》');
  await page.getByTestId('points-all-ok').click();
  if (outcome === 'fail') {
    await page.getByTestId('point-facts_and_evidence').getByText('存在问题').click();
    await page.getByTestId('point-note-facts_and_evidence').fill('检验报告未附检验机构资质证明，货值金额无证据证明');
    await page.getByTestId('review-outcome').getByText('不予通过').click();
    await page.getByTestId('review-fail-reasons').getByText('主要事实不清，证据不足').click();
  } else {
    await page.getByTestId('review-outcome').getByText('审核通过').click();
  }
  await page.getByTestId('review-explanation').fill(explanation);
  await shot?.();
  await page.getByTestId('review-submit').click();
  await page.getByTestId('review-submit-confirm').click();
  await expect.poll(() => page.getByTestId('review-outcome-view').textContent()).toContain(outcome === 'pass' ? '审核通过' : '未通过');
}
