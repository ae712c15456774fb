// Review, print and readiness: the review lists every asked item with its answer and marks what is
// missing with a link back; the report lists the advisories with their references; both print to
// a PDF in Chromium.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot, startApp } from '../support/browser.mjs';
import { item } from '../support/survey-definition.mjs';
import { openSurvey } from '../pages/survey-page.mjs';

const artifacts = join(projectRoot, 'e2e', 'artifacts');
let app;
before(async () => {
  app = await startApp();
  mkdirSync(artifacts, { recursive: true });
});
after(async () => {
  await app?.close();
});

/** Opens the review or the report as a user would: by its tab. */
async function openScreen(survey, name) {
  await survey.openTools(name);
}

test('the review lists every asked item with its answer and links missing ones back to the form', async () => {
  const { context, page, survey } = await openSurvey(app, { beforeOpen: ({ context }) => context.grantPermissions(['clipboard-read', 'clipboard-write']) });
  await survey.fillCompleteSurvey();
  await survey.choose(item('Q17-1'), 'いいえ');
  await survey.fill(item('Q13'), '');
  await openScreen(survey, '回答を確認・印刷する');
  const review = page.locator('article.review');
  await review.waitFor();
  assert.equal(await survey.control(item('Q1-1')).isVisible(), false, 'the form is hidden meanwhile');
  const rows = review.locator('.review-row');
  assert.equal(await rows.count(), 22, '27 items less Q17-2 … Q17-6 hidden by Q17-1 = いいえ');
  assert.match(await review.locator('.document-facts').innerText(), /病院名\s*医療法人〇〇会 〇〇病院/);
  assert.match(await review.locator('.document-facts').innerText(), /回答者\s*山田 太郎/);
  const q23 = rows.filter({ hasText: 'Q2-3 CISOが情報処理推進機構' });
  assert.match(await q23.innerText(), /情報処理安全確保支援士\s+その他/);
  const q13 = rows.filter({ hasText: 'Q13 医療情報システムのログインパスワード規程' });
  assert.match(await q13.innerText(), /（未回答）/);
  assert.match(await q13.innerText(), /入力してください。/);
  // Copy a free-text answer for pasting into G-MIS.
  const q11row = rows.filter({ hasText: 'Q1-2 回答者の所属' });
  await q11row.getByRole('button', { name: 'Q1-2 の回答をコピー' }).click();
  await q11row.getByRole('status').filter({ hasText: 'コピーしました' }).waitFor();
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), '医療法人〇〇会 〇〇病院');
  await q13.getByRole('link', { name: 'Q13 を入力する' }).click();
  await page.waitForFunction(() => document.activeElement?.id === 'field-Q13');
  assert.equal(await review.count(), 0);
  await context.close();
});

test('the readiness report lists each advisory with its reference, beside the item too', async () => {
  const { context, page, survey } = await openSurvey(app);
  await survey.fillCompleteSurvey();
  await survey.choose(item('Q17-6'), 'いいえ');
  await survey.fill(item('Q13'), '6');
  // Beside the item, as soon as it is answered.
  assert.match(await survey.itemBox(item('Q17-6')).locator('.advisory').innerText(), /オフラインバックアップ.*確保されていません。[\s\S]*参照：.*システム運用編 18 ①/);
  await openScreen(survey, '対策状況レポート');
  const report = page.locator('article.report');
  await report.waitFor();
  assert.match(await report.locator('.report-summary').innerText(), /要対策 3件、留意 1件/);
  const points = await report.locator('.report-point').allInnerTexts();
  assert.equal(points.length, 4);
  assert.match(points[0], /要対策\s+Q13[\s\S]*8桁未満[\s\S]*参照：ガイドラインQ&A（回答要領 Q13）/);
  assert.match(points[1], /留意\s+Q13[\s\S]*13桁未満/);
  assert.match(points[2], /要対策\s+Q14[\s\S]*令和9年度/);
  assert.match(points[3], /要対策\s+Q17-6[\s\S]*システム運用編 18 ①/);
  await context.close();
});

test('the review and the report print to an A4 PDF that looks like a document', async () => {
  const { context, page, survey, consoleErrors } = await openSurvey(app);
  await survey.fillCompleteSurvey();
  await survey.choose(item('Q7-2'), 'いいえ');
  for (const [name, file] of [['回答を確認・印刷する', 'review'], ['対策状況レポート', 'report']]) {
    await openScreen(survey, name);
    await page.locator('article.document').waitFor();
    const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: true });
    assert.equal(pdf.subarray(0, 5).toString('latin1'), '%PDF-');
    assert.ok(pdf.length > 10000, `${file}.pdf has content`);
    writeFileSync(join(artifacts, `${file}.pdf`), pdf);
    await page.emulateMedia({ media: 'print' });
    assert.equal(await page.getByRole('button', { name: /印刷する/ }).isVisible(), false, 'no buttons on paper');
    assert.equal(await page.locator('.draft-bar').isVisible(), false, 'no draft bar on paper');
    await page.setViewportSize({ width: 794, height: 1123 });
    await page.screenshot({ path: join(artifacts, `${file}-print.png`), fullPage: false });
    await page.emulateMedia({ media: null });
    await page.setViewportSize({ width: 1366, height: 768 });
  }
  assert.deepEqual(consoleErrors, []);
  await context.close();
});

test('「回答内容を確認する」 on the review runs the check on the form', async () => {
  const { context, page, survey } = await openSurvey(app);
  await survey.fill(item('Q1-2'), '〇〇病院');
  await openScreen(survey, '回答を確認・印刷する');
  await page.locator('.progress-panel').getByRole('button', { name: '回答内容を確認する' }).click();
  await page.locator('#screen-form:not([hidden])').waitFor();
  await survey.errorSummary().waitFor();
  assert.match(await survey.errorSummary().innerText(), /回答内容を確認してください（\d+件）/);
  await page.waitForFunction(() => document.activeElement?.id === 'check-result');
  await context.close();
});
