import { execFileSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { ensureWebBuilt, launchChromium } from '../support/browser.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { auditEvents } from '../../src/db/schema/index.js';
import { deriveJob } from '../../src/domains/av/derive-job.js';
import { ffmpegPath } from '../../src/domains/av/media-tools.js';
import { startWorker } from '../../src/jobs/queue.js';
import { dayjs } from '../../web/src/util/time.js';
import { dropdown, mediaTime, pickTime, seek, signInAt, tabletPage } from '../support/av-browser.js';
import { choose } from '../support/browser-ui.js';
import { ingestBytes } from '../support/av-records.js';
import { makeEnforcementTeam, userPassword } from '../support/factories.js';
import { client, signInAs } from '../support/http-client.js';
import { adminPassword, startTestApp, type TestApp } from '../support/test-app.js';
import { SEIZURE_FACTS } from '../support/custody-facts.js';

// Issue 5 in headless Chromium on a 1024×768 tablet: the officer uploads a body-camera video and
// a photo to the seizure (扣押) of a matter, watches the video and seeks in it, marks two key
// points of the seizure's checklist, records the protocol and an interruption; the timeline and
// the findings show them. Profile S0 (左家坞) because its checklist lists the seizure's key points
// (第二十九条); a recording ended 30 h before upload is late under it (当天下班前) → AV-4.

const shots = process.env.LIUHEN_SCREENSHOTS ?? '/tmp';

let t: TestApp;
let browser: Browser;
let base: string;
let stopWorker: () => void;
let team: Awaited<ReturnType<typeof makeEnforcementTeam>>;
let matterId: string;
let matterNumber: string;
const media = mkdtempSync(join(tmpdir(), 'liuhen-av-browser-'));
const videoFile = join(media, '执法记录仪-0301.mp4');
const photoFile = join(media, '扣押物品.jpg');

beforeAll(async () => {
  ensureWebBuilt();
  const ffmpeg = ffmpegPath();
  if (!ffmpeg) throw new Error('ffmpeg (@ffmpeg-installer/ffmpeg) is needed to make the sample video');
  execFileSync(ffmpeg, ['-v', 'error', '-f', 'lavfi', '-i', 'testsrc=duration=3:size=320x240:rate=25', '-c:v', 'libx264', '-pix_fmt', 'yuv420p', '-movflags', '+faststart', '-y', videoFile]);
  execFileSync(ffmpeg, ['-v', 'error', '-f', 'lavfi', '-i', 'testsrc=size=640x480', '-frames:v', '1', '-y', photoFile]);
  t = await startTestApp();
  // Real time, except that the matter is set up as it happened yesterday (registered 33 h ago).
  let offset = -33 * 3_600_000;
  Object.defineProperty(t.clock, 't', { get: () => Date.now() + offset, set: () => undefined });
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
  // Posters, thumbnails and media facts come from the background job, as in `liuhen serve`.
  stopWorker = startWorker(t.ctx.db, [deriveJob(t.ctx.db, t.ctx.store, t.ctx.clock)], t.ctx.clock, () => undefined, 300);
  const admin = await signInAs(t.app, 'admin', adminPassword);
  team = await makeEnforcementTeam(t.app, admin);
  await client(t.app, admin).post(`/api/agencies/${team.agency.id}/policy/choose`, { profileId: 's0-zuojiawu', basis: '采用左家坞方案' });
  // A fresh session at each moment: the clock jumps by hours between them.
  const handler = { post: async (url: string, body: object) => client(t.app, await signInAs(t.app, team.handler.user.username, userPassword)).post(url, body) };
  const matters = `/api/agencies/${team.agency.id}/matters`;
  const at = (hoursAgo: number) => {
    offset = -hoursAgo * 3_600_000;
    return new Date(Date.now() + offset).toISOString();
  };
  at(33);
  const matter = (await handler.post(matters, { category: 'coercive_measure', startRoute: 'emergency', title: '扣押无证经营网吧的计算机', officerIds: [team.handler.officer.id, team.secondOfficer.id] })).json();
  matterId = matter.id;
  matterNumber = matter.number;
  const start = await handler.post(`${matters}/${matterId}/steps`, { step: 'emergency_start', occurredAt: at(32), place: '石文镇文化路 8 号' });
  expect(start.statusCode, start.body).toBe(201);
  const seizure = await handler.post(`${matters}/${matterId}/steps`, { step: 'seizure', occurredAt: at(31), place: '石文镇文化路 8 号', details: SEIZURE_FACTS });
  expect(seizure.statusCode, seizure.body).toBe(201);
  offset = 0;
  browser = await launchChromium(['--autoplay-policy=no-user-gesture-required']);
});

afterAll(async () => {
  stopWorker?.();
  await browser?.close();
  await t?.close();
});

const shot = (page: Page, name: string, fullPage = false) => page.screenshot({ path: join(shots, `liuhen-av-${name}.png`), fullPage });

describe('audio-visual records in the browser', () => {
  it('AV-1 AV-2 AV-4 AV-5 AV-6 AV-7 AV-8 AV-10 CHK-2 SUP-1: an officer uploads a video and a photo to a seizure step from the tablet, watches it, sets two bookmarks, records one interruption, and the timeline and findings show it', { timeout: 240_000 }, async () => {
    const page = await tabletPage(browser);
    const ranges: string[] = [];
    page.on('request', (r) => {
      if (/\/av-records\/[^/]+\/(content|derivatives)/.test(r.url()) && r.headers()['range']) ranges.push(r.headers()['range']!);
    });
    await signInAt(page, base, team.handler.user.username, userPassword);

    // From the matter page to its 音像记录.
    await page.goto(`${base}/matters/${matterId}`);
    await page.getByTestId('matter-av-open').click();
    await page.waitForURL(`${base}/matters/${matterId}/av`);
    await expect.poll(() => page.getByTestId('av-step').textContent()).toContain('扣押');

    // The recording ended 30 h ago: the form asks why it is stored only now (AV-4).
    const ended = dayjs().tz('Asia/Shanghai').subtract(30, 'hour');
    await pickTime(page, 'av-started', ended.subtract(10, 'minute').format('YYYY-MM-DD HH:mm'));
    await pickTime(page, 'av-ended', ended.format('YYYY-MM-DD HH:mm'));
    await page.getByTestId('av-place').fill('石文镇文化路 8 号');
    await page.getByTestId('av-late-reason').fill('异地执法，记录仪次日带回');
    await page.getByTestId('av-file-input').setInputFiles([videoFile, photoFile]);
    await expect.poll(() => page.getByTestId('av-picked').textContent()).toContain('扣押物品.jpg');
    await shot(page, '1-upload-form');
    await page.getByTestId('av-upload-start').click();
    await expect.poll(() => page.locator('[data-testid="av-upload-item"][data-state="done"]').count(), { timeout: 30_000 }).toBe(2);
    await expect.poll(() => page.getByTestId('av-upload-item').first().textContent()).toContain('已声明 SHA-256');
    await expect.poll(() => page.getByTestId('av-record').count()).toBe(2);
    expect(await page.getByTestId('av-list').textContent()).toContain('待整理');
    // The posters and thumbnails appear once the background job has made them.
    await page.waitForTimeout(1500);
    await page.reload();
    await expect.poll(() => page.getByTestId('av-still').count(), { timeout: 20_000 }).toBe(2);
    await expect.poll(() => page.getByTestId('av-list').textContent()).toContain('时长 00:03');
    await page.getByTestId('av-list').scrollIntoViewIfNeeded();
    await shot(page, '2-uploaded');
    // The matter page shows them too.
    await page.getByTestId('av-back-matter').click();
    await page.getByTestId('matter-av-panel').scrollIntoViewIfNeeded();
    await expect.poll(() => page.getByTestId('matter-av-panel').locator('[data-testid="av-record"]').count()).toBe(2);
    await shot(page, '2b-matter-panel');
    await page.getByTestId('matter-av-open').click();

    // Watch the video; seeking fetches byte ranges (AV-6).
    await page.locator('[data-testid="av-record"][data-kind="video"] a').click();
    await page.waitForURL(/\/av\/[0-9a-f-]{36}$/);
    const video = page.getByTestId('av-media');
    await expect.poll(() => video.evaluate((v: HTMLVideoElement) => v.readyState), { timeout: 20_000 }).toBeGreaterThanOrEqual(1);
    expect(await video.evaluate((v: HTMLVideoElement) => Math.round(v.duration))).toBe(3);
    await seek(page, 1.5);
    await video.evaluate((v: HTMLVideoElement) => v.play());
    await expect.poll(() => mediaTime(page), { timeout: 10_000 }).toBeGreaterThan(1.6);
    expect(ranges.length).toBeGreaterThan(0);
    // INT-1: the player opened one viewing; its many Range requests are one playback in the audit log.
    const videoId = page.url().split('/').at(-1)!;
    const played = await t.ctx.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'av.played'), eq(auditEvents.objectId, videoId)));
    expect(played.length).toBe(1);

    // Two key points of the seizure from the S0 checklist (CHK-2), at the player's current second.
    await seek(page, 1);
    await page.getByTestId('av-keypoint').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '扣押的时间和地点' }).first().click();
    await page.getByTestId('av-bookmark-add').click();
    await expect.poll(() => page.getByTestId('av-bookmark').count()).toBe(1);
    await seek(page, 2);
    await page.getByTestId('av-keypoint').click();
    await page.keyboard.type('宣读扣押决定书');
    await dropdown(page).locator('.ant-select-item-option', { hasText: '宣读扣押决定书' }).first().click();
    await page.getByTestId('av-bookmark-note').fill('出示执法证件后宣读');
    await page.getByTestId('av-bookmark-add').click();
    await expect.poll(() => page.getByTestId('av-bookmark').count()).toBe(2);
    expect(await page.getByTestId('av-checklist').textContent()).toContain('已标记 2 / 7');
    // Tapping a mark seeks the player there.
    await page.getByTestId('av-bookmark').first().click();
    await expect.poll(() => mediaTime(page)).toBeGreaterThanOrEqual(1);
    expect(await page.getByTestId('av-bookmark').first().getAttribute('data-second')).toBe('1');

    // The recording protocol (AV-7): announcement marked at the current second.
    await seek(page, 0);
    await page.getByTestId('av-protocol-mark').click();
    await page.getByTestId('av-protocol-statement').check();
    await page.getByTestId('av-protocol-landmark').fill('文化路口邮政大楼');
    await page.getByTestId('av-protocol-save').click();
    await expect.poll(() => page.locator('.ant-message').textContent()).toContain('已保存录制规范');

    // Organising (AV-5): name, classify, describe.
    await page.getByTestId('av-title').fill('扣押现场：宣读扣押决定书');
    await page.getByTestId('av-classification').locator('input').fill('查封扣押');
    await page.getByTestId('av-description').fill('石文镇文化路 8 号网吧内，扣押计算机主机 12 台');
    await page.getByTestId('av-organise-save').click();
    await expect.poll(() => page.locator('.page-head').textContent()).toContain('已整理');

    // An interruption: the battery ran out for two minutes (AV-8).
    await page.getByTestId('av-interruption-open').click();
    const stop = ended.subtract(5, 'minute');
    await pickTime(page, 'interruption-at', stop.format('YYYY-MM-DD HH:mm:ss'));
    await pickTime(page, 'interruption-resumed-at', stop.add(2, 'minute').format('YYYY-MM-DD HH:mm:ss'));
    // The cause last, once no date picker is open over it (Escape closes one that stayed; with
    // none open it would close the dialog).
    if (await page.locator('.ant-picker-dropdown:visible').count()) await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('.ant-picker-dropdown:visible').count()).toBe(0);
    await choose(page, 'interruption-cause', '电量不足');
    await page.getByTestId('interruption-statement').fill('因电量不足中断两分钟，现恢复录像');
    await shot(page, '4-interruption');
    await page.getByTestId('interruption-save').click();
    await expect.poll(() => page.getByTestId('av-interruption').count()).toBe(1);
    await page.evaluate(() => window.scrollTo(0, 0));
    await shot(page, '3-record');
    await shot(page, '3b-record-full', true);

    // The evidence copy is a ZIP download (AV-10).
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('av-evidence-copy').click()]);
    expect(download.suggestedFilename()).toMatch(/\.zip$/);

    // The timeline shows both records and the interruption (SUP-1).
    await page.goto(`${base}/matters/${matterId}/timeline`);
    await expect.poll(() => page.locator('[data-testid="timeline-entry"][data-kind="av"]').count()).toBe(2);
    await expect.poll(() => page.locator('[data-testid="timeline-entry"][data-kind="interruption"]').count()).toBe(1);
    expect(await page.getByTestId('timeline').textContent()).toContain('扣押现场：宣读扣押决定书');
    await page.locator('[data-testid="timeline-entry"][data-kind="av"]').first().scrollIntoViewIfNeeded();
    await shot(page, '5-timeline');

    // The late storage is a finding with the reason given (AV-4).
    await client(t.app, await signInAs(t.app, 'admin', adminPassword)).post(`/api/agencies/${team.agency.id}/findings/reevaluate`);
    await page.goto(`${base}/findings`);
    await expect.poll(() => page.locator('.ant-table-tbody').textContent()).toContain('异地执法，记录仪次日带回');
    await shot(page, '6-findings');
  });

  it('AV-2 AV-5 AV-11: a clip a collection station stored without a matter is listed under 未关联音像; the officer names it and links it to the seizure', async () => {
    // The station names the officer whose camera it was (ACC-1: the officer's unit sees the clip).
    await ingestBytes(t, team.agency.id, readFileSync(videoFile), { deviceSerial: 'DSJ-2026-07', officerId: team.handler.officer.id, recordedBy: 'party', endedAt: new Date(Date.now() - 3_600_000) }, 'DSJ-2026-07_0001.mp4');
    const page = await tabletPage(browser);
    await signInAt(page, base, team.handler.user.username, userPassword);
    await page.getByTestId('side-menu').getByRole('menuitem', { name: '未关联音像' }).click();
    await expect.poll(() => page.getByTestId('av-record').count()).toBe(1);
    expect(await page.getByTestId('av-list').textContent()).toContain('当事人提供');
    await shot(page, '7-unassigned');
    await page.getByTestId('av-record').locator('a').click();
    await expect.poll(() => page.locator('.page-head').textContent()).toContain('未关联执法事项');
    expect(await page.getByTestId('av-interruption-open').isDisabled()).toBe(true);
    await page.getByTestId('av-title').fill('当事人提供的现场录像');
    await page.getByTestId('av-classification').locator('input').fill('调查取证');
    await page.getByTestId('av-description').fill('当事人用手机拍摄的扣押过程');
    await page.getByTestId('av-matter').click();
    await page.keyboard.type(matterNumber.slice(0, 6));
    await dropdown(page).locator('.ant-select-item-option', { hasText: matterNumber }).first().click();
    await page.getByTestId('av-organise-step').click();
    await dropdown(page).locator('.ant-select-item-option[title^="扣押 ·"]').click();
    await page.getByTestId('av-organise-save').click();
    await expect.poll(() => page.locator('.page-head').textContent()).toContain(matterNumber);
    expect(await page.locator('.page-head').textContent()).toContain('已整理');
    await page.goto(`${base}/av/unassigned`);
    await expect.poll(() => page.getByTestId('av-list').textContent()).toContain('没有未关联执法事项的音像记录');
  });

  it('AV-2: an upload paused mid-way continues from what the server holds (继续上传), and the stored bytes hash as the source', async () => {
    // 20 MB: a JPEG followed by filler (decoders stop at the end-of-image marker); 3 chunks of 8 MiB.
    const big = join(media, '现场照片-大.jpg');
    writeFileSync(big, Buffer.concat([readFileSync(photoFile), randomBytes(20 * 1024 * 1024)]));
    const page = await tabletPage(browser);
    const methods: string[] = [];
    let patched = 0;
    await page.route('**/av/uploads/**', async (route) => {
      const req = route.request();
      methods.push(req.method());
      if (req.method() === 'PATCH') {
        patched += Number(req.headers()['content-length'] ?? req.postDataBuffer()?.length ?? 0);
        await new Promise((r) => setTimeout(r, 700));
      }
      await route.continue().catch(() => undefined);
    });
    await signInAt(page, base, team.handler.user.username, userPassword);
    await page.goto(`${base}/matters/${matterId}/av`);
    await page.getByTestId('av-file-input').setInputFiles(big);
    await page.getByTestId('av-upload-start').click();
    await expect.poll(() => methods.filter((m) => m === 'PATCH').length, { timeout: 20_000 }).toBeGreaterThanOrEqual(2);
    await page.getByTestId('av-upload-item').getByRole('button', { name: /暂\s*停/ }).click();
    await expect.poll(() => page.getByTestId('av-upload-item').getAttribute('data-state')).toBe('interrupted');
    await shot(page, '8-paused');
    const before = methods.length;
    await page.getByTestId('av-upload-resume').click();
    await expect.poll(() => page.getByTestId('av-upload-item').getAttribute('data-state'), { timeout: 30_000 }).toBe('done');
    expect(methods.slice(before)[0]).toBe('HEAD');
    expect(patched).toBeLessThanOrEqual(statSync(big).size + 8 * 1024 * 1024);
    await page.getByTestId('av-upload-open').click();
    await page.waitForURL(/\/av\/[0-9a-f-]{36}$/);
    const sha = createHash('sha256').update(readFileSync(big)).digest('hex');
    await expect.poll(() => page.locator('.av-hash').textContent()).toBe(sha);
  });
});
