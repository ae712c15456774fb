// A first visit crosses the network once per file: the service worker, installing while the page
// runs, takes the page's files from the HTTP cache instead of downloading them again (the page
// revalidated, answered 304), and the wasm preload is the download the page's program uses. Counted
// on the server (tools/static-server.mjs logs every request). Firefox and WebKit count the same in
// the smoke tests (e2e/smoke/).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { distDir, launchBrowser, openPage } from '../support/browser.mjs';
import { startStaticServer } from '../../tools/static-server.mjs';
import { answeringPageFiles, answeringPageGzipBytes, assertEachFileOnce } from '../support/transfers.mjs';
import { openSurvey } from '../pages/survey-page.mjs';

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

test('a first visit downloads each file once: the form\'s, the service worker, then the other screens\' module while idle', async (t) => {
  const base = '/survey/';
  const server = { ...(await startStaticServer({ root: distDir, base, logRequests: true })), browser };
  const { context, page, survey, consoleErrors } = await openSurvey(server);
  try {
    await survey.formReady();
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 15000 });
    const files = answeringPageFiles(distDir).map((name) => base + name);
    const bytes = assertEachFileOnce(server.requests, files, 'Chromium');
    // Exactly what tools/size-check.mjs counts against the first visit's budget (issue 7).
    assert.equal(bytes, answeringPageGzipBytes(distDir));
    assert.ok(bytes <= 100_000, `${bytes} bytes on the first visit`);
    t.diagnostic(`first visit: ${server.requests.length} requests, ${bytes} bytes of bodies`);
    // The other screens' module comes while the browser is idle after the form became usable:
    // after the form's own program, each of its files once, never the page it is built from.
    await page.locator('#tools-loading').waitFor({ state: 'detached', timeout: 15000 });
    const toolsFiles = readdirSync(join(distDir, 'tools'))
      .filter((name) => name !== 'index.html')
      .map((name) => `${base}tools/${name}`);
    assertEachFileOnce(server.requests, toolsFiles, 'Chromium, the tools module');
    const formProgram = server.requests.findIndex((r) => /_bg\.wasm$/.test(r.path) && !r.path.includes('/tools/'));
    const firstTools = server.requests.findIndex((r) => r.path.includes('/tools/'));
    assert.ok(formProgram >= 0 && firstTools > formProgram, 'the tools module after the form\'s program');
    // Nothing else was sent whole: no file of another page, nothing twice.
    assert.deepEqual(
      server.requests.filter((r) => r.status === 200 && !files.includes(r.path) && !toolsFiles.includes(r.path)).map((r) => r.path),
      [],
    );

    // The review, opened by its tab, is on the same page: nothing more crosses the network.
    const before = server.requests.length;
    await survey.openTools('回答を確認・印刷する');
    await page.locator('article.review').waitFor();
    assert.deepEqual(server.requests.slice(before).filter((r) => r.status === 200).map((r) => r.path), []);
    assert.deepEqual(consoleErrors, []);
  } finally {
    await context.close();
    await server.close();
  }
});

test('the program checks the integrity of the wasm it runs: an altered file is refused', async () => {
  const server = { ...(await startStaticServer({ root: distDir, base: '/survey/', logRequests: true })), browser };
  const { context, page, consoleErrors } = await openPage(server);
  try {
    // As a proxy that rewrites files would: same address, other bytes.
    await page.route('**/*_bg.wasm', async (route) => {
      const response = await route.fetch();
      const body = await response.body();
      body[body.length - 1] ^= 0xff;
      await route.fulfill({ status: 200, headers: { 'Content-Type': 'application/wasm', 'Cache-Control': 'no-store' }, body });
    });
    await page.goto(server.url);
    await page.getByRole('alert').filter({ hasText: 'このページを開けませんでした。' }).waitFor();
    assert.equal(await page.locator('#survey-form[inert]').count(), 1, 'the form never takes input');
    assert.ok(consoleErrors.some((error) => /integrity/i.test(error)), consoleErrors.join('\n'));
  } finally {
    await context.close();
    await server.close();
  }
});

test('the static server answers a revalidation as a real host does: 304 Not Modified, no body', async () => {
  const server = await startStaticServer({ root: distDir, base: '/survey/', logRequests: true });
  try {
    const first = await fetch(server.url, { headers: { 'Accept-Encoding': 'gzip' } });
    const etag = first.headers.get('etag');
    assert.match(etag ?? '', /^"[^"]+"$/);
    await first.arrayBuffer();
    const again = await fetch(server.url, { headers: { 'Accept-Encoding': 'gzip', 'If-None-Match': etag } });
    assert.equal(again.status, 304);
    assert.equal(again.headers.get('etag'), etag);
    assert.equal(again.headers.get('cache-control'), 'no-cache');
    assert.equal((await again.arrayBuffer()).byteLength, 0);
    const other = await fetch(server.url, { headers: { 'Accept-Encoding': 'gzip', 'If-None-Match': '"another"' } });
    assert.equal(other.status, 200);
    await other.arrayBuffer();
    assert.deepEqual(server.requests.map((r) => r.status), [200, 304, 200]);
  } finally {
    await server.close();
  }
});
