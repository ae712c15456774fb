// axe-core, injected into the release build, finds no WCAG 2.1 A/AA violation on the form empty,
// with every branch open, and with every error shown.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { startApp } from '../support/browser.mjs';
import { item } from '../support/survey-definition.mjs';
import { OPEN_EVERY_BRANCH, openSurvey } from '../pages/survey-page.mjs';
import { openOverview } from '../pages/overview-page.mjs';
import { badFiles, generateAnswerFiles } from '../support/answer-files.mjs';

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

let app;
before(async () => {
  app = await startApp();
});
after(async () => {
  await app?.close();
});

/** Runs axe through the DevTools protocol, which the page's CSP does not govern. */
async function violations(page) {
  await page.evaluate(axeSource);
  const result = await page.evaluate(
    (tags) => window.axe.run(document, { runOnly: { type: 'tag', values: tags } }),
    WCAG_TAGS,
  );
  return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

const fresh = () => openSurvey(app);

test('the empty form has no WCAG 2.1 A/AA violation', async () => {
  const { context, page } = await fresh();
  assert.deepEqual(await violations(page), []);
  await context.close();
});

test('the form with every branch open and every 回答要領 expanded has no violation', async () => {
  const { context, page, survey } = await fresh();
  await survey.openEveryBranch();
  await survey.expandAllGuidance();
  assert.deepEqual(await violations(page), []);
  await context.close();
});

test('the form with every error shown has no violation', async () => {
  const { context, page, survey } = await fresh();
  for (const [id, choice] of OPEN_EVERY_BRANCH) await survey.choose(item(id), choice);
  await survey.fill(item('Q13'), '八');
  await survey.requestCheck();
  await survey.errorSummary().waitFor();
  assert.deepEqual(await violations(page), []);
  await context.close();
});

test('the draft list, the review, the report and the files screen have no violation', async () => {
  const { context, page, survey } = await fresh();
  await survey.fillCompleteSurvey();
  await survey.choose(item('Q14'), 'いいえ');
  await survey.fill(item('Q13'), '');
  await survey.openDraftList();
  assert.deepEqual(await violations(page), [], 'draft list');
  const tabs = page.getByRole('navigation', { name: '画面の切り替え' });
  await survey.openTools('回答を確認・印刷する');
  await page.locator('article.review').waitFor();
  assert.deepEqual(await violations(page), [], 'review');
  await survey.openTools('対策状況レポート');
  await page.locator('article.report').waitFor();
  assert.deepEqual(await violations(page), [], 'report');
  // The files screen, with the CSV panel's warning about what is missing open.
  await survey.openTools('ファイルの保存・出力');
  await page.locator('.export-panel').getByRole('button', { name: 'CSVファイルに保存' }).click();
  await page.locator('.export-panel').getByRole('alert').waitFor();
  assert.deepEqual(await violations(page), [], 'files');
  await context.close();
});

test('the overview page with files, problems and a filter has no WCAG 2.1 A/AA violation', async () => {
  const { context, page, overview } = await openOverview(app);
  assert.deepEqual(await violations(page), [], 'before any file');
  const generated = generateAnswerFiles(60, { duplicates: 6 });
  await overview.chooseFiles([...generated.files, ...badFiles()]);
  await overview.addFilter(item('Q2-1'), 'はい');
  await page.locator('details.file-problems').evaluateAll((all) => all.forEach((details) => { details.open = true; }));
  assert.deepEqual(await violations(page), []);
  await context.close();
});
