// Offline after the first visit, a new release taken only when the user agrees (with the draft
// intact), and a whole job done without a single request to another origin.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { distDir, launchBrowser } from '../support/browser.mjs';
import { startStaticServer } from '../../tools/static-server.mjs';
import { writeServiceWorker } from '../../tools/service-worker.mjs';
import { generateAnswerFiles } from '../support/answer-files.mjs';
import { item } from '../support/survey-definition.mjs';
import { openSurvey } from '../pages/survey-page.mjs';

let browser;
let scratch;
before(async () => {
  browser = await launchBrowser();
  scratch = mkdtempSync(join(tmpdir(), 'cyber-survey-releases-'));
});
after(async () => {
  await browser?.close();
  rmSync(scratch, { recursive: true, force: true });
});

async function serve(root) {
  const server = await startStaticServer({ root, base: '/survey/' });
  return { ...server, browser };
}

/**
 * Serves `root` to `body`, closing every context `open` made and the server even when the body
 * fails: a failed assertion must not leave a server or browser context holding the run open.
 */
async function withServer(root, body) {
  const server = await serve(root);
  const contexts = [];
  const open = async (options) => {
    const opened = await openSurvey(server, options);
    contexts.push(opened.context);
    return opened;
  };
  try {
    await body(server, open);
  } finally {
    for (const context of contexts) await context.close().catch(() => {});
    await server.close();
  }
}

/** Waits until the service worker has cached the release and controls the page. */
async function waitForServiceWorker(page) {
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 15000 });
  await page.evaluate(() => navigator.serviceWorker.ready);
}

test('after the first visit the app opens and saves drafts with the network off', async () => {
  await withServer(distDir, async (server, open) => {
    const { context, page, survey, consoleErrors } = await open();
    await waitForServiceWorker(page);
    await context.setOffline(true);
    await page.reload();
    await survey.open(page.url());
    await survey.fill(item('Q1-1'), 'オフラインの入力');
    await survey.waitUntilSaved();
    const stored = Object.values(await survey.storedEntries()).join('');
    assert.match(stored, /オフラインの入力/);
    await survey.choose(item('Q2-1'), 'はい');
    assert.equal(await survey.isShown(item('Q2-2')), true);
    assert.deepEqual(consoleErrors.filter((e) => !/ERR_INTERNET_DISCONNECTED|Failed to fetch|sw\.js/.test(e)), []);
  });
});

test('the overview page is cached on its first use, never for a hospital that does not open it', async () => {
  await withServer(distDir, async (server, open) => {
    const { context, page, survey } = await open();
    await waitForServiceWorker(page);
    const cachedPaths = () =>
      page.evaluate(async () => {
        const names = await caches.keys();
        const requests = (await Promise.all(names.map(async (name) => (await caches.open(name)).keys()))).flat();
        return requests.map((request) => new URL(request.url).pathname);
      });
    const before = await cachedPaths();
    assert.ok(before.some((path) => path.endsWith('.wasm')), 'the answering page is cached');
    assert.deepEqual(before.filter((path) => path.includes('/overview/')), [], 'nothing of the overview page');
    await page.goto(`${server.url}overview/`);
    await page.getByRole('heading', { level: 1, name: '回答ファイルの集計' }).waitFor();
    assert.ok((await cachedPaths()).some((path) => /\/overview\/.*\.wasm$/.test(path)), 'the overview is cached once used');
    await context.setOffline(true);
    await page.reload();
    await page.getByRole('heading', { level: 1, name: '回答ファイルの集計' }).waitFor();
    await page.getByLabel('ファイルを選ぶ').setInputFiles(generateAnswerFiles(2).files);
    await page.waitForFunction(() => /2件のファイルを読み込み/.test(document.querySelector('.load-status')?.textContent ?? ''));
    // Back to the answering page: its own page, not the overview, though both are cached.
    await page.goto(server.url);
    await survey.open(page.url());
    assert.equal(await page.getByRole('heading', { level: 1, name: '回答ファイルの集計' }).count(), 0);
  });
});

/** Two releases of the same site: B differs from A in one file, so it has its own version. */
function makeReleases() {
  const a = join(scratch, 'A');
  const b = join(scratch, 'B');
  cpSync(distDir, a, { recursive: true });
  cpSync(distDir, b, { recursive: true });
  const index = join(b, 'index.html');
  writeFileSync(index, readFileSync(index, 'utf8').replace('<head>', '<head>\n  <meta name="release" content="B">'));
  const versionA = writeServiceWorker(a);
  const versionB = writeServiceWorker(b);
  assert.notEqual(versionA, versionB);
  return { a, b };
}

test('a new release waits for the user, says so, and keeps the draft', async () => {
  const { a, b } = makeReleases();
  const server = await serve(a);
  const { context, page, survey } = await openSurvey(server);
  await waitForServiceWorker(page);
  await survey.fill(item('Q1-1'), '更新前の入力');
  await survey.waitUntilSaved();
  // The prefecture deploys release B in place.
  server.setRoot(b);
  await page.reload();
  await survey.open(page.url());
  const notice = page.getByRole('status').filter({ hasText: '新しい版があります。' });
  await notice.waitFor({ timeout: 15000 });
  // Until the user agrees, the page stays on release A, whole.
  assert.equal(await page.locator('meta[name=release]').count(), 0);
  assert.equal(await survey.value(item('Q1-1')), '更新前の入力');
  await notice.getByRole('button', { name: '新しい版に更新する' }).click();
  await page.waitForFunction(() => document.querySelector('meta[name=release]')?.content === 'B', null, { timeout: 15000 });
  await survey.open(page.url());
  assert.equal(await survey.value(item('Q1-1')), '更新前の入力', 'the draft survives the update');
  const caches = await page.evaluate(() => caches.keys());
  assert.equal(caches.filter((name) => name.startsWith('cyber-survey-')).length, 1, 'the old release is gone');
  await context.close();
  await server.close();
});

test('the other screens\' module is cached as it is first used, opens offline, and stays cached across an update', async () => {
  const { a, b } = makeReleases();
  await withServer(a, async (server, open) => {
    const { context, page, survey } = await open();
    await waitForServiceWorker(page);
    const cachedPaths = () =>
      page.evaluate(async () => {
        const names = (await caches.keys()).filter((name) => name.startsWith('cyber-survey-'));
        const requests = (await Promise.all(names.map(async (name) => (await caches.open(name)).keys()))).flat();
        return requests.map((request) => new URL(request.url).pathname);
      });
    await survey.fill(item('Q1-2'), 'オフライン病院');
    await survey.openTools('ファイルの保存・出力');
    await page.waitForFunction(async () => {
      const names = (await caches.keys()).filter((name) => name.startsWith('cyber-survey-'));
      const requests = (await Promise.all(names.map(async (name) => (await caches.open(name)).keys()))).flat();
      return requests.some((request) => /\/tools\/.*\.wasm$/.test(request.url));
    }, null, { timeout: 15000 });
    // Release B arrives and the user takes it.
    server.setRoot(b);
    await page.goto(server.url);
    await survey.open(page.url());
    const notice = page.getByRole('status').filter({ hasText: '新しい版があります。' });
    await notice.waitFor({ timeout: 15000 });
    await notice.getByRole('button', { name: '新しい版に更新する' }).click();
    await page.waitForFunction(() => document.querySelector('meta[name=release]')?.content === 'B', null, { timeout: 15000 });
    const paths = await cachedPaths();
    assert.ok(paths.some((path) => /\/tools\/.*\.wasm$/.test(path)), 'the new release caches the tools module again');
    assert.deepEqual(paths.filter((path) => path.includes('/overview/')), [], 'but not the overview, never opened');
    await context.setOffline(true);
    await survey.open(page.url());
    const saved = await survey.saveJson();
    assert.match(saved.name, /オフライン病院/);
    assert.match(saved.text, /"Q1-2":\s*"オフライン病院"/);
  });
});

test('filling, saving and exporting the whole survey makes no request to another origin', async () => {
  await withServer(distDir, async (server, open) => {
    const { context, page, survey, foreignRequests, consoleErrors } = await open();
    await survey.fillCompleteSurvey();
    await survey.waitUntilSaved();
    await survey.requestCheck();
    await page.getByRole('status').filter({ hasText: '入力内容に問題はありません' }).waitFor();
    const json = await survey.saveJson();
    await survey.saveCsv({ layout: /^1問1行/, encoding: /^UTF-8/ });
    await survey.saveCsv({ layout: /^1病院1行/, encoding: /^Shift_JIS/ });
    await survey.loadFiles([{ name: json.name, mimeType: 'application/json', buffer: Buffer.from(json.text) }]);
    await page.locator('.notice-success', { hasText: '新しい下書き' }).waitFor();
    await survey.newDraft();
    assert.deepEqual(foreignRequests, []);
    assert.deepEqual(consoleErrors, []);
  });
});
