// Launches Debian's Chromium through playwright-core (never a downloaded browser) and serves the
// release build under a sub-path, as a prefecture would host it.
import { chromium } from 'playwright-core';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startStaticServer } from '../../tools/static-server.mjs';

const here = dirname(fileURLToPath(import.meta.url));
export const projectRoot = join(here, '..', '..');
export const distDir = process.env.DIST_DIR ?? join(projectRoot, 'dist');

const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export async function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_FLAGS,
  });
}

/** Serves dist/ and opens a browser; `close()` ends both. */
export async function startApp() {
  if (!existsSync(join(distDir, 'index.html'))) {
    throw new Error(`${distDir}/index.html がありません。先に trunk build --release を実行してください。`);
  }
  const server = await startStaticServer({ root: distDir, base: '/survey/' });
  const browser = await launchBrowser();
  return {
    url: server.url,
    origin: server.origin,
    browser,
    async close() {
      await browser.close();
      await server.close();
    },
  };
}

/**
 * A fresh page that records every request leaving the app's origin and every console error, so a
 * test can assert there were none.
 */
export async function openPage(app, { viewport = { width: 1366, height: 768 } } = {}) {
  const context = await app.browser.newContext({ viewport, locale: 'ja-JP' });
  const page = await context.newPage();
  const foreignRequests = [];
  const consoleErrors = [];
  page.on('request', (request) => {
    const url = request.url();
    // blob: URLs of the page's own origin are files the page made itself (downloads).
    const own = [app.origin + '/', `blob:${app.origin}/`, 'data:'];
    if (!own.some((prefix) => url.startsWith(prefix))) foreignRequests.push(url);
  });
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => consoleErrors.push(String(error)));
  return { context, page, foreignRequests, consoleErrors };
}
