// Benchmark: serves dist/ with gzip as a static host would, drives Debian's Chromium, and prints one
// JSON object. Medians with min and max; nothing here is a pass/fail test.
//   node bench/run.mjs [--loads 15] [--keystrokes 200] [--exports 15] [--overview-runs 15] [--overview-files 10000]
import { cpus, totalmem } from 'node:os';
import { execSync } from 'node:child_process';
import { distDir, launchBrowser } from '../e2e/support/browser.mjs';
import { startStaticServer } from '../tools/static-server.mjs';
import { SurveyPage } from '../e2e/pages/survey-page.mjs';
import { generateAnswerFiles } from '../e2e/support/answer-files.mjs';
import { items } from '../e2e/support/survey-definition.mjs';

const option = (name, fallback) => {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? Number(process.argv[at + 1]) : fallback;
};
const LOADS = option('loads', 15);
const KEYSTROKES = option('keystrokes', 200);
const EXPORTS = option('exports', 15);
const OVERVIEW_RUNS = option('overview-runs', 15);
const OVERVIEW_FILES = option('overview-files', 10000);

function summary(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
  const round = (x) => Math.round(x * 1000) / 1000;
  return { median: round(median), min: round(sorted[0]), max: round(sorted.at(-1)), runs: sorted.length };
}

// A static host as a prefecture's would be: gzip, ETag and 304 for a revalidation; every request
// it answers is logged, so the bytes a visit cost are counted on the server, the service worker's
// own fetches included.
const server = await startStaticServer({ root: distDir, base: '/survey/', gzip: true, logRequests: true });
const browser = await launchBrowser();

/** A fresh profile each time: nothing cached, no drafts; the service worker as a user has it. */
async function freshPage({ serviceWorkers = 'block' } = {}) {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'ja-JP', serviceWorkers });
  return { context, page: await context.newPage() };
}

/** Navigation start → every item rendered and Q1-1 accepts focus (in-page clock). */
async function formUsable(page) {
  const ready = await page.waitForFunction(
    () => {
      const input = document.getElementById('field-Q1-1');
      if (!input || document.querySelectorAll('.item').length < 18 || input.closest('[inert]')) return false;
      input.focus();
      return document.activeElement === input ? performance.now() : false;
    },
    null,
    { polling: 'raf' },
  );
  return ready.jsonValue();
}

/**
 * A switch by a tab, timed in the page: from the click to the frame in which `selector` (the
 * screen's content) is on screen.
 */
async function timedSwitch(page, tabName, selector) {
  await page.evaluate((selector) => {
    window.__switch = {};
    document.addEventListener('click', () => { window.__switch.start = performance.now(); }, { capture: true, once: true });
    const poll = () => {
      const element = window.__switch.start && document.querySelector(selector);
      if (element && element.getClientRects().length > 0) window.__switch.end = performance.now();
      else requestAnimationFrame(poll);
    };
    requestAnimationFrame(poll);
  }, selector);
  await page.getByRole('navigation', { name: '画面の切り替え' }).getByRole('link', { name: tabName, exact: true }).click();
  const times = await (await page.waitForFunction(() => window.__switch.end && window.__switch, null, { timeout: 60_000 })).jsonValue();
  return times.end - times.start;
}
const REVIEW = '#screen-tools:not([hidden]) article.review .review-row';
const FORM = '#screen-form:not([hidden]) #field-Q1-1';

// 1. First visit, as a user meets it: the service worker running, the host answering 304. The
//    form usable; the review opened at once (its module fetched on demand); then the form and the
//    review again, five times each way; the bytes every file of the visit cost on the wire, once
//    the worker controls the page and the other screens' module is in.
const transfers = [];
const readyTimes = [];
const firstSwitchOnDemand = [];
const laterSwitchesToReview = [];
const laterSwitchesToForm = [];
for (let run = 0; run < LOADS; run += 1) {
  const { context, page } = await freshPage({ serviceWorkers: 'allow' });
  const from = server.requests.length;
  await page.goto(server.url);
  readyTimes.push(await formUsable(page));
  firstSwitchOnDemand.push(await timedSwitch(page, '回答を確認・印刷する', REVIEW));
  for (let turn = 0; turn < 5; turn += 1) {
    laterSwitchesToForm.push(await timedSwitch(page, '回答を入力する', FORM));
    laterSwitchesToReview.push(await timedSwitch(page, '回答を確認・印刷する', REVIEW));
  }
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 30_000 });
  // The worker's install has taken what it needs once it controls the page; a moment for its
  // last revalidations to be logged.
  await page.waitForTimeout(500);
  const files = {};
  for (const request of server.requests.slice(from)) {
    const name = request.path.replace('/survey/', '') || 'index.html';
    files[name] ??= { bodies: 0, requests: 0, statuses: [] };
    files[name].bodies += request.bytes;
    files[name].requests += 1;
    files[name].statuses.push(request.status);
  }
  transfers.push(files);
  await context.close();
}
// Every run is a first visit in a fresh profile: the first run's files are reported. The form's
// share is what the size budget counts (tools/size-check.mjs); the rest is the other screens'
// module, which came after the form was usable.
const firstLoad = transfers[0];
const bodiesOf = (filter) => Object.entries(firstLoad).filter(([name]) => filter(name)).reduce((sum, [, file]) => sum + file.bodies, 0);
const firstLoadBodies = bodiesOf(() => true);
const formBodies = bodiesOf((name) => !name.startsWith('tools/'));
const requestCount = Object.values(firstLoad).reduce((sum, file) => sum + file.requests, 0);

// 1b. The first switch to the review once the module has come while the browser was idle (the
//     usual case: a user reads or types for more than two seconds first).
const firstSwitchAfterIdle = [];
for (let run = 0; run < LOADS; run += 1) {
  const { context, page } = await freshPage({ serviceWorkers: 'allow' });
  await page.goto(server.url);
  await formUsable(page);
  await page.locator('#tools-loading').waitFor({ state: 'detached', timeout: 30_000 });
  firstSwitchAfterIdle.push(await timedSwitch(page, '回答を確認・印刷する', REVIEW));
  await context.close();
}

// 2. Keystrokes in a free-text item, each until the answer is stored in localStorage.
const { context: typingContext, page: typingPage } = await freshPage();
await typingPage.goto(server.url);
await new SurveyPage(typingPage).open(server.url);
const keystrokes = await typingPage.evaluate(async (count) => {
  const input = document.getElementById('field-Q1-2');
  const key = () => Object.keys(localStorage).find((k) => k.startsWith('cyber-survey/draft/'));
  const stored = (text) => (localStorage.getItem(key()) ?? '').includes(JSON.stringify(text));
  const times = [];
  let text = '';
  for (let i = 0; i < count; i += 1) {
    text += 'あいうえおかきくけこ'[i % 10];
    const start = performance.now();
    input.value = text;
    input.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText', data: text.at(-1) }));
    // The save runs in an effect right after the event; poll without yielding to timers first.
    for (let spins = 0; !stored(text); spins += 1) {
      await (spins < 50 ? Promise.resolve() : new Promise((done) => setTimeout(done, 0)));
    }
    times.push(performance.now() - start);
    // Let the browser paint between keystrokes, as between real ones.
    await new Promise((done) => requestAnimationFrame(() => done()));
  }
  return times;
}, KEYSTROKES);
await typingContext.close();

// 3. Exports of a full survey, from the click to the file handed to the browser (files screen).
const { context: exportContext, page: exportPage } = await freshPage();
const survey = new SurveyPage(exportPage);
await survey.open(server.url);
await survey.fillCompleteSurvey();
// The exports are on the files screen, reached by its tab as a user would.
await survey.openExportPanel();
const exportTimes = { json: [], csvPerItemUtf8: [], csvPerHospitalShiftJis: [] };
const timed = async (button) => {
  const start = performance.now();
  await survey.download(button);
  return performance.now() - start;
};
const panel = survey.exportPanel();
for (let run = 0; run < EXPORTS; run += 1) {
  // Chromium stops handing over files after ten downloads from one page load (its limit on
  // multiple downloads, a prompt in a visible browser, a refusal in a headless one): each run
  // starts on the files screen loaded anew (its address, #files). The reload is not timed.
  if (run > 0) {
    await exportPage.reload();
    await panel.waitFor();
  }
  exportTimes.json.push(await timed(exportPage.getByRole('button', { name: 'JSONファイルに保存' })));
  await panel.getByRole('radio', { name: /^1問1行/ }).check();
  await panel.getByRole('radio', { name: /^UTF-8/ }).check();
  exportTimes.csvPerItemUtf8.push(await timed(panel.getByRole('button', { name: 'CSVファイルに保存' })));
  await panel.getByRole('radio', { name: /^1病院1行/ }).check();
  await panel.getByRole('radio', { name: /^Shift_JIS/ }).check();
  exportTimes.csvPerHospitalShiftJis.push(await timed(panel.getByRole('button', { name: 'CSVファイルに保存' })));
}
await exportContext.close();

// 4. The overview page: 10,000 answer files chosen at once, from the input's change event until
//    every file is read, counted and the page has painted the result. Each run on a fresh page.
const { files: overviewFiles } = generateAnswerFiles(OVERVIEW_FILES, { duplicates: Math.round(OVERVIEW_FILES / 100) });
const overviewTimes = [];
for (let run = 0; run < OVERVIEW_RUNS; run += 1) {
  const { context, page } = await freshPage();
  await page.goto(`${server.url}overview/`);
  await page.getByRole('heading', { level: 1, name: '回答ファイルの集計' }).waitFor();
  await page.evaluate((itemCount) => {
    window.__overviewTimes = {};
    window.addEventListener('change', () => { window.__overviewTimes.start = performance.now(); }, { capture: true, once: true });
    const status = document.querySelector('.load-status');
    new MutationObserver(() => {
      if (/集計しました/.test(status.textContent) && !window.__overviewTimes.end) {
        // Done when every item's counts and the hospital table are on the page, at the next frame.
        const painted = () => {
          const shown = document.querySelectorAll('.overview-item').length >= itemCount && document.querySelector('.hospital-table tbody tr');
          if (shown) window.__overviewTimes.end = performance.now();
          else requestAnimationFrame(painted);
        };
        requestAnimationFrame(painted);
      }
    }).observe(status, { childList: true, characterData: true, subtree: true });
  }, items.length);
  await page.getByLabel('ファイルを選ぶ').setInputFiles(overviewFiles);
  const times = await (await page.waitForFunction(() => window.__overviewTimes.end && window.__overviewTimes, null, { timeout: 120_000 })).jsonValue();
  overviewTimes.push(times.end - times.start);
  await context.close();
}

await browser.close();
await server.close();

const chromium = execSync('/usr/bin/chromium --version', { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
console.log(
  JSON.stringify(
    {
      machine: { cpus: cpus().length, cpu: cpus()[0]?.model, memory_gib: Math.round(totalmem() / 2 ** 30), browser: chromium },
      first_visit_bytes_gzip: {
        bodies: firstLoadBodies,
        form: formBodies,
        other_screens: firstLoadBodies - formBodies,
        requests: requestCount,
        by_file: firstLoad,
        note: 'counted on the server: gzip bodies sent (a 304 sends none), service worker running, until it controls the page and the other screens have come',
      },
      form_usable_ms: summary(readyTimes),
      first_switch_to_review_ms: {
        on_demand: summary(firstSwitchOnDemand),
        after_idle_fetch: summary(firstSwitchAfterIdle),
        note: 'click on the tab to the frame with the review on screen (in-page); on demand: clicked as soon as the form is usable, so its module is fetched then',
      },
      later_switches_ms: {
        to_review: summary(laterSwitchesToReview),
        to_form: summary(laterSwitchesToForm),
      },
      keystroke_to_stored_ms: summary(keystrokes),
      export_ms: {
        json: summary(exportTimes.json),
        csv_per_item_utf8: summary(exportTimes.csvPerItemUtf8),
        csv_per_hospital_shift_jis: summary(exportTimes.csvPerHospitalShiftJis),
        note: 'click to download event, as seen from the test driver',
      },
      overview_load_and_count_ms: {
        ...summary(overviewTimes),
        files: overviewFiles.length,
        note: 'change event of the file input until every file is read, counted and painted (in-page)',
      },
    },
    null,
    2,
  ),
);
