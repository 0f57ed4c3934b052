import { execSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser } from 'playwright-core';
import { startTestApp } from './test-app.js';

// Shared by every browser test: the built web app and a headless Debian Chromium.

const chromiumPath = process.env.LIUHEN_CHROMIUM ?? '/usr/bin/chromium';

function newest(dir: string): number {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(full) : statSync(full).mtimeMs);
  }
  return t;
}

/** Builds web/dist when any source is newer than it (a production React bundle). */
export function ensureWebBuilt() {
  const index = 'web/dist/index.html';
  if (existsSync(index) && statSync(index).mtimeMs >= Math.max(newest('web/src'), statSync('web/index.html').mtimeMs)) return;
  execSync('npm run build:web', { stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
}

/** Headless Chromium with the flags this closed network needs (no background connections). */
export function launchChromium(extraArgs: string[] = []): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', ...extraArgs],
  });
}

/**
 * A 1024×768 tablet page; `timezoneId` other than Beijing proves times are converted (INT-4).
 * The tablet asks for reduced motion, which the app honours: a list or menu is where it will stay
 * the moment it shows, so a click cannot land on it mid-animation.
 */
export async function tabletPage(browser: Browser, timezoneId = 'Asia/Shanghai', hasTouch = false) {
  const context = await browser.newContext({ viewport: { width: 1024, height: 768 }, locale: 'zh-CN', timezoneId, hasTouch, reducedMotion: 'reduce' });
  const page = await context.newPage();
  // Generous: a busy 2-core CI machine renders slowly; a real failure still fails.
  page.setDefaultTimeout(30_000);
  return page;
}

/**
 * The real server in-process (PGlite in a temp folder) listening on a free port, with the web
 * app built, and Chromium. The test clock starts at the real time: the browser judges the
 * session cookie by its own clock.
 */
export async function startBrowserApp(opts: { realTime?: boolean } = {}) {
  ensureWebBuilt();
  const t = await startTestApp();
  t.clock.advance(Math.floor(Date.now() / 1000) * 1000 - t.clock.now().getTime());
  // Steps carry the tablet's time and approvals the server's: with a real clock the timeline's
  // order is the order things were done in.
  if (opts.realTime) t.clock.followRealTime();
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  const base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
  const browser = await launchChromium();
  return { t, base, browser, close: async () => { await browser.close(); await t.close(); } };
}
