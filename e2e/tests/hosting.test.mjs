// Static hosting as a prefecture would do it: any sub-path, nothing fetched from another origin, a
// Content-Security-Policy that the browser enforces, and answers shown as text, never as markup.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { distDir, launchBrowser, openPage } from '../support/browser.mjs';
import { generateAnswerFiles } from '../support/answer-files.mjs';
import { startStaticServer } from '../../tools/static-server.mjs';
import { item, survey } from '../support/survey-definition.mjs';
import { openSurvey } from '../pages/survey-page.mjs';

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

async function serveAt(base) {
  const server = await startStaticServer({ root: distDir, base });
  return { ...server, browser };
}

/** Records CSP violations from the first script on, before the app's own code runs. */
async function watchViolations(context) {
  await context.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (event) => {
      window.__violations.push(`${event.violatedDirective} ${event.blockedURI}`);
    });
  });
}

for (const pagePath of ['index.html', 'tools/index.html', 'overview/index.html']) {
  test(`dist/${pagePath} has no inline script and declares the policy`, () => {
    const html = readFileSync(join(distDir, pagePath), 'utf8');
    const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
    assert.ok(scripts.length >= 1);
    for (const tag of scripts) assert.match(tag, /\bsrc="\.\//, `relative, external script: ${tag}`);
    assert.match(html, /http-equiv="Content-Security-Policy"/);
    assert.match(html, /default-src 'self'/);
    assert.match(html, /connect-src 'self'/);
    // Assets only: the answering page's static markup has the definition's reference links
    // (<a href="https://…">), which the user may follow but the page never fetches.
    assert.doesNotMatch(html, /<(?:link|script|img)\b[^>]*\b(href|src)="(https?:)?\/\//, 'no absolute asset address');
  });
}

test('no built file names another origin', () => {
  const names = readdirSync(distDir, { recursive: true }).filter((name) => /\.(js|css|html)$/.test(name));
  assert.ok(names.includes(join('overview', 'index.html')), 'every page is built');
  assert.ok(names.includes(join('tools', 'index.html')), 'every page is built');
  // The reference links the survey definition gives (shown as links in 回答要領), never fetched.
  const references = new Set(JSON.stringify(survey).match(/https?:\/\/[^\s'"`)<]+/g) ?? []);
  for (const name of names) {
    const text = readFileSync(join(distDir, name), 'utf8');
    // wasm-bindgen's glue quotes one MDN page in an error message; it is text, never fetched.
    const addresses = (text.match(/https?:\/\/[^\s'"`)<]+/g) ?? []).filter(
      (url) => !url.startsWith('https://developer.mozilla.org/') && !references.has(url),
    );
    assert.deepEqual(addresses, [], `${name} names no other origin`);
  }
});

for (const base of ['/survey/', '/pref/kanagawa/iryo/survey/']) {
  test(`the release works when served from ${base}`, async () => {
    const server = await serveAt(base);
    const requested = [];
    const { context, page, survey, foreignRequests, consoleErrors } = await openSurvey(server, {
      beforeOpen: async ({ context, page }) => {
        await watchViolations(context);
        page.on('request', (request) => requested.push(new URL(request.url()).pathname));
      },
    });
    await survey.choose(item('Q2-1'), 'はい');
    assert.equal(await survey.isShown(item('Q2-2')), true);
    for (const path of requested) assert.ok(path.startsWith(base), `${path} is under ${base}`);
    assert.deepEqual(foreignRequests, []);
    assert.deepEqual(consoleErrors, []);
    assert.deepEqual(await page.evaluate(() => window.__violations), []);
    await context.close();
    await server.close();
  });
}

test('the overview page works under a deep sub-path, reached without its trailing slash', async () => {
  const base = '/pref/kanagawa/iryo/survey/';
  const server = await serveAt(base);
  const { context, page, foreignRequests, consoleErrors } = await openPage(server);
  await watchViolations(context);
  const requested = [];
  page.on('request', (request) => requested.push(new URL(request.url()).pathname));
  await page.goto(`${server.url}overview`);
  await page.getByRole('heading', { level: 1, name: '回答ファイルの集計' }).waitFor();
  await page.getByLabel('ファイルを選ぶ').setInputFiles(generateAnswerFiles(3).files);
  await page.waitForFunction(() => /集計しました/.test(document.querySelector('.load-status')?.textContent ?? ''));
  // The link back to the answering page resolves inside the same sub-path.
  assert.equal(new URL(await page.getByRole('link', { name: '回答の入力ページ' }).evaluate((a) => a.href)).pathname, base);
  for (const path of requested) assert.ok(path.startsWith(base), `${path} is under ${base}`);
  assert.deepEqual(foreignRequests, []);
  assert.deepEqual(consoleErrors, []);
  assert.deepEqual(await page.evaluate(() => window.__violations), []);
  await context.close();
  await server.close();
});

test('the policy is enforced: no inline script runs and nothing can be sent elsewhere', async () => {
  const server = await serveAt('/survey/');
  const { context, page } = await openSurvey(server, { beforeOpen: ({ context }) => watchViolations(context) });
  const outcome = await page.evaluate(async () => {
    const script = document.createElement('script');
    script.textContent = 'window.__inlineRan = true;';
    document.body.append(script);
    // Another loopback address is another origin; the policy must stop the request.
    const sent = await fetch('http://127.0.0.2:9/collect', { method: 'POST', body: 'x' }).then(
      () => 'sent',
      () => 'blocked',
    );
    return { inlineRan: window.__inlineRan === true, sent };
  });
  assert.deepEqual(outcome, { inlineRan: false, sent: 'blocked' });
  const violations = await page.evaluate(() => window.__violations);
  assert.ok(violations.some((v) => v.startsWith('script-src')), violations.join('\n'));
  assert.ok(violations.some((v) => v.startsWith('connect-src')), violations.join('\n'));
  await context.close();
  await server.close();
});

test('the server sends the policy as a header too', async () => {
  const server = await serveAt('/survey/');
  const response = await fetch(server.url);
  assert.match(response.headers.get('content-security-policy') ?? '', /default-src 'self'/);
  const wasm = readdirSync(distDir).find((name) => name.endsWith('.wasm'));
  const wasmResponse = await fetch(server.url + wasm);
  assert.equal(wasmResponse.headers.get('content-type'), 'application/wasm');
  await server.close();
});

test('answers are shown as text, never run as markup', async () => {
  const server = await serveAt('/survey/');
  const { context, page, survey } = await openSurvey(server);
  const markup = '<img src=x onerror="window.__pwned=1">〇〇病院';
  await survey.fill(item('Q1-2'), markup);
  await survey.fill(item('Q13'), '<b>8</b>');
  await survey.requestCheck();
  await survey.errorSummary().waitFor();
  assert.equal(await survey.value(item('Q1-2')), markup);
  assert.equal(await page.locator('main img').count(), 0);
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  await context.close();
  await server.close();
});

test('at 320 px wide nothing scrolls sideways, even with every branch open and every error shown', async () => {
  const server = await serveAt('/survey/');
  const { context, page, survey } = await openSurvey(server, { viewport: { width: 320, height: 640 } });
  await survey.openEveryBranch();
  await survey.expandAllGuidance();
  await survey.requestCheck();
  await survey.errorSummary().waitFor();
  const widths = await page.evaluate(() => ({
    document: document.documentElement.scrollWidth,
    viewport: document.documentElement.clientWidth,
  }));
  assert.ok(widths.document <= widths.viewport, JSON.stringify(widths));
  await context.close();
  await server.close();
});
