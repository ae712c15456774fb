// The smoke test every engine runs (Chromium has the full suite in tests/): the release build
// served under a sub-path as a prefecture would, a fresh profile, and a hospital's short visit: the
// form loads with no error, typing survives a reload, a branch opens, the check lists what is
// missing, the review (on the tools page, by the answering page's link) shows the answers, the
// JSON file saves, and the overview page counts it. On the way, the server counts what crossed the
// network: on the first visit, with the service worker installing, every file once.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { distDir } from '../support/browser.mjs';
import { startStaticServer } from '../../tools/static-server.mjs';
import { answeringPageFiles, answeringPageGzipBytes, assertEachFileOnce } from '../support/transfers.mjs';
import { startEngine } from './engines.mjs';

const BASE = '/pref/kanagawa/iryo/survey/';
const HOSPITAL = 'スモーク記念病院';

/** Runs the smoke scenario in `engineName`; `step(name, fn)` runs and reports one step. */
export async function runSmoke(engineName, step, log = () => {}) {
  const server = await startStaticServer({ root: distDir, base: BASE, logRequests: true });
  let engine;
  try {
    engine = await startEngine(engineName);
    await smoke(engine, server, step, log);
  } finally {
    await engine?.close();
    await server.close();
  }
}

/** Each step a subtest of `t`; after a failed one the rest are skipped, as they build on it. */
export function steps(t) {
  let failed = false;
  return async (name, fn) => {
    if (failed) return t.test(name, { skip: 'an earlier step failed' }, () => {});
    return t.test(name, async () => {
      try {
        await fn();
      } catch (error) {
        failed = true;
        throw error;
      }
    });
  };
}

const formReady = () =>
  document.querySelector('#survey-form:not([inert])') !== null && !/このページを開けませんでした/.test(document.body.innerText);

async function smoke(engine, server, step, log) {
  const url = server.url;

  await step('the form loads with no console error, and the first visit fetches every file once', async () => {
    await engine.goto(url);
    await engine.waitFor(formReady, [], { what: 'the form to take input' });
    // The service worker has installed (the release is in its cache) and controls the page.
    await engine.waitFor(() => navigator.serviceWorker.controller !== null, [], { what: 'the service worker to take control' });
    const cached = await engine.evaluate(async () => {
      const names = (await caches.keys()).filter((name) => name.startsWith('cyber-survey-'));
      const requests = (await Promise.all(names.map(async (name) => (await caches.open(name)).keys()))).flat();
      return requests.map((request) => new URL(request.url).pathname);
    });
    const files = answeringPageFiles(distDir).map((name) => BASE + name);
    for (const path of files.filter((name) => !name.endsWith('/sw.js'))) assert.ok(cached.includes(path), `${path} is cached`);
    // WebKit's WebDriver runs MiniBrowser in an ephemeral session (as private browsing is), which
    // has no HTTP cache, so the worker's install downloads the page and its files again, all but
    // the wasm, which the page hands over (web/program-fetch.js). The wasm itself, the largest
    // file, crosses once in every engine: the page has no preload for WebKit to miss (before
    // this, WebKit downloaded it twice, and before that three times). Held there.
    const ephemeral = engine.name === 'webkit';
    const wasm = files.filter((name) => name.endsWith('.wasm'));
    const bytes = ephemeral
      ? assertEachFileOnce(server.requests, wasm, engine.name) +
        assertEachFileOnce(server.requests, files.filter((name) => !name.endsWith('.wasm')), engine.name, { times: 2 })
      : assertEachFileOnce(server.requests, files, engine.name);
    // What tools/size-check.mjs counts against the first visit's budget (issue 7): each file once.
    if (!ephemeral) assert.equal(bytes, answeringPageGzipBytes(distDir));
    log(`first visit: ${server.requests.length} requests, ${bytes} bytes of bodies`);
    assert.deepEqual(await engine.pageErrors(), []);
  });

  await step('typing survives a reload', async () => {
    await engine.type('#field-Q1-2', HOSPITAL);
    await engine.waitFor(() => /自動保存しました/.test(document.querySelector('.save-status')?.textContent ?? ''), [], { what: 'the autosave' });
    await engine.reload();
    await engine.waitFor(formReady, [], { what: 'the form after the reload' });
    assert.equal(await engine.evaluate(() => document.getElementById('field-Q1-2').value), HOSPITAL);
  });

  await step('a branch opens', async () => {
    assert.equal(await engine.evaluate(() => document.getElementById('item-Q2-2').hidden), true);
    await engine.click('input[name="answer-Q2-1"][value="はい"]');
    await engine.waitFor(() => !document.getElementById('item-Q2-2').hidden && document.getElementById('item-Q2-2').offsetHeight > 0, [], {
      what: 'Q2-2 to be shown',
    });
  });

  await step('the check lists what is missing', async () => {
    await engine.click('#check-button');
    const listed = await engine.waitFor(
      () => [...document.querySelectorAll('.error-summary a .summary-number')].map((e) => e.textContent),
      [],
      { what: 'the error summary' },
    ).then((numbers) => (numbers.length ? numbers : false));
    // Q1-1 (the respondent) and Q2-2 (just opened) are not answered; Q1-2 and Q2-1 are.
    assert.ok(listed.includes('Q1-1'), listed.join(' '));
    assert.ok(listed.includes('Q2-2'), listed.join(' '));
    assert.ok(!listed.includes('Q1-2') && !listed.includes('Q2-1'), listed.join(' '));
    // The check moves focus to its summary (and scrolls there) a frame later; a click aimed before
    // that scroll would land elsewhere.
    await engine.waitFor(() => document.activeElement?.id === 'check-result', [], { what: 'focus on the summary' });
  });

  await step('the review, a screen of the same page, shows the answers', async () => {
    await engine.click('nav.screen-tabs a', '回答を確認・印刷する');
    await engine
      .waitFor(() => location.hash === '#review' && document.querySelector('article.review .review-row') !== null, [], {
        what: 'the review',
      })
      .catch(async (error) => {
        // What the page shows instead: which screen, and how far the other screens' module got.
        const state = await engine.evaluate(() =>
          JSON.stringify({
            hash: location.hash,
            formHidden: document.getElementById('screen-form')?.hidden,
            toolsHidden: document.getElementById('screen-tools')?.hidden,
            script: Boolean(document.getElementById('tools-boot')),
            loading: Boolean(document.getElementById('tools-loading')),
            failed: document.getElementById('tools-failed')?.hidden === false,
            active: document.activeElement?.outerHTML.slice(0, 120),
            tools: document.getElementById('screen-tools')?.innerHTML.slice(0, 200),
          }),
        );
        throw new Error(`${error.message}: ${state}`);
      });
    const text = await engine.evaluate(() => document.querySelector('article.review').innerText);
    assert.match(text, new RegExp(HOSPITAL));
    assert.match(text, /はい/);
    assert.match(text, /未回答/);
  });

  let saved;
  await step('the JSON file saves', async () => {
    await engine.click('nav.screen-tabs a', 'ファイルの保存・出力');
    await engine.waitFor(() => document.getElementById('json-file-title') !== null, [], { what: 'the files screen' });
    await engine.click('button', 'JSONファイルに保存');
    const name = await waitForDownload(engine);
    saved = join(engine.downloadDir, name);
    const file = JSON.parse(readFileSync(saved, 'utf8'));
    assert.equal(file.answers['Q1-2'], HOSPITAL);
    assert.equal(file.answers['Q2-1'], 'はい');
  });

  await step('the overview counts it', async () => {
    await engine.goto(`${url}overview/`);
    await engine.waitFor(() => document.querySelector('h1')?.textContent === '回答ファイルの集計', [], { what: 'the overview page' });
    // The file picker (a visually hidden input inside its label) takes the saved file.
    await engine.waitFor(() => [...document.querySelectorAll('label.file-button')].some((l) => /ファイルを選ぶ/.test(l.textContent) && l.querySelector('input:not([webkitdirectory])')));
    await engine.evaluate(() => {
      const label = [...document.querySelectorAll('label.file-button')].find((l) => /ファイルを選ぶ/.test(l.textContent));
      label.querySelector('input').setAttribute('data-smoke-file', '');
    });
    await engine.chooseFile('[data-smoke-file]', saved);
    await engine.waitFor(() => /集計しました/.test(document.querySelector('.load-status')?.textContent ?? ''), [], { what: 'the count' });
    const counts = await engine.evaluate(() => [...document.querySelectorAll('.file-counts dd')].map((dd) => Number(dd.textContent.replace(/[^0-9]/g, ''))));
    assert.deepEqual(counts.slice(0, 2), [1, 1], 'one file read, one hospital counted');
    assert.match(await engine.evaluate(() => document.body.innerText), new RegExp(HOSPITAL));
  });

  await step('no page reported an error', async () => {
    assert.deepEqual(await engine.pageErrors(), []);
  });
}

async function waitForDownload(engine) {
  const end = Date.now() + 20_000;
  for (;;) {
    const files = engine.downloads().filter((name) => name.endsWith('.json'));
    if (files.length === 1) {
      // Written whole: its text parses.
      try {
        JSON.parse(readFileSync(join(engine.downloadDir, files[0]), 'utf8'));
        return files[0];
      } catch {
        // Still being written.
      }
    }
    assert.ok(files.length <= 1, `one JSON file: ${files.join(', ')}`);
    if (Date.now() > end) throw new Error(`${engine.name}: no JSON file was saved in ${engine.downloadDir}`);
    await new Promise((done) => setTimeout(done, 100));
  }
}
