// The overview page: a prefecture loads a few hundred hospitals' answer files, bad ones and
// duplicates among them, and sees the counts the files hold; filters, saves CSV and prints.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startApp } from '../support/browser.mjs';
import { items, choicesOf, item } from '../support/survey-definition.mjs';
import { answerFileText, badFiles, generateAnswerFiles } from '../support/answer-files.mjs';
import { openOverview } from '../pages/overview-page.mjs';

let app;
let generated;
before(async () => {
  app = await startApp();
  generated = generateAnswerFiles(300, { duplicates: 24, seed: 11 });
});
after(async () => {
  await app?.close();
});

test('a few hundred files with bad ones and duplicates: every count shown is what the files hold', async () => {
  const { context, page, overview, consoleErrors, foreignRequests } = await openOverview(app);
  const bad = badFiles();
  await overview.chooseFiles([...generated.files, ...bad]);
  assert.deepEqual(await overview.fileCounts(), {
    files: generated.files.length + bad.length,
    hospitals: generated.hospitals,
    dropped: generated.dropped,
    rejected: bad.length,
  });
  // Every bad file is listed by name with its reason; none stopped the others.
  const rejected = await overview.rejectedList().innerText();
  for (const file of bad) {
    assert.match(rejected, new RegExp(`${file.name.replace('.', '\\.')}：[^\\n]*${file.reason}`), file.name);
  }
  assert.match(await overview.droppedList().locator('summary').innerText(), new RegExp(`（${generated.dropped}件）`));
  // Each choice item's table against the generator's own tally of the kept (newest) files.
  for (const definition of items.filter((candidate) => choicesOf(candidate).length > 0)) {
    const expected = Object.fromEntries(choicesOf(definition).map((choice) => [choice, generated.tally[definition.id]?.[choice] ?? 0]));
    assert.deepEqual(await overview.choiceCounts(definition), expected, definition.id);
  }
  // Q13: how many answered, and the histogram's bars add up to it.
  const q13Answered = Object.values(generated.tally['Q13']).reduce((sum, n) => sum + n, 0);
  const q13 = overview.itemSummary(item('Q13'));
  assert.match(await q13.locator('.overview-counts').innerText(), new RegExp(`回答 ${q13Answered}・`));
  const bins = Object.values(await overview.choiceCounts(item('Q13'))).reduce((sum, n) => sum + n, 0);
  assert.equal(bins, q13Answered);
  assert.match(await overview.hospitalRows().first().innerText(), /テスト/);
  assert.match(await page.locator('.pager-range').innerText(), new RegExp(`${generated.hospitals}件中 1～50件目`));
  assert.deepEqual(consoleErrors, []);
  assert.deepEqual(foreignRequests, []);
  await context.close();
});

test('filtering by an answer counts only the hospitals that gave it', async () => {
  const { context, page, overview } = await openOverview(app);
  await overview.chooseFiles(generated.files);
  const yes = generated.tally['Q2-1']['はい'];
  await overview.addFilter(item('Q2-1'), 'はい');
  assert.match(await overview.filterCount().innerText(), new RegExp(`${generated.hospitals}病院のうち、条件に合う${yes}病院`));
  assert.deepEqual(await overview.choiceCounts(item('Q2-1')), { はい: yes, いいえ: 0 });
  assert.match(await page.locator('.summary-scope').innerText(), /Q2-1 が「はい」/);
  assert.match(await page.locator('.pager-range').innerText(), new RegExp(`^${yes}件中`));
  // A second choice of the same item widens (or); removing both restores everyone.
  await overview.addFilter(item('Q2-1'), 'いいえ');
  const no = generated.tally['Q2-1']['いいえ'];
  assert.match(await overview.filterCount().innerText(), new RegExp(`条件に合う${yes + no}病院`));
  await page.getByRole('button', { name: '条件をすべて解除' }).click();
  assert.match(await overview.filterCount().innerText(), new RegExp(`条件なし：${generated.hospitals}病院`));
  // Looking a hospital up in the list: spaces and full-width digits as typed do not matter.
  await page.getByLabel('病院名・ファイル名で探す').fill('テスト 病院１２');
  assert.match(await page.locator('.pager-range').innerText(), /^11件中 1～11件目/, 'テスト病院12 and 120 … 129');
  await page.getByLabel('病院名・ファイル名で探す').fill('hospital-00007');
  assert.equal(await overview.hospitalRows().count(), 1);
  await context.close();
});

test('both CSV files hold the counted hospitals, one row each, and the counts', async () => {
  const { context, page, overview } = await openOverview(app);
  await overview.chooseFiles(generated.files);
  const combined = await overview.download('病院別の回答をCSVで保存');
  assert.match(combined.name, /^R6_サイバーセキュリティ調査_病院別回答_\d{8}\.csv$/);
  assert.deepEqual([...combined.bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 with BOM');
  const lines = combined.bytes.toString('utf8').slice(1).split('\r\n').filter(Boolean);
  assert.equal(lines.length, 1 + generated.hospitals, 'one header and one row per kept hospital');
  assert.match(lines[0], /^調査,出力日時,回答状況,Q1-1,Q1-2,/);
  await page.getByRole('radio', { name: /^Shift_JIS/ }).check();
  const shiftJis = await overview.download('集計結果をCSVで保存');
  const decoded = new TextDecoder('shift_jis').decode(shiftJis.bytes);
  assert.match(decoded, /^項番,設問,選択肢・統計,件数,割合\(%\),値,対象病院数\r\n/, 'Shift_JIS, no BOM');
  await page.getByRole('radio', { name: /^UTF-8/ }).check();
  const summary = await overview.download('集計結果をCSVで保存');
  assert.match(summary.name, /^R6_サイバーセキュリティ調査_集計_\d{8}\.csv$/);
  const text = summary.bytes.toString('utf8');
  const yes = generated.tally['Q2-1']['はい'];
  assert.ok(text.split('\r\n').some((line) => line.startsWith('Q2-1,') && line.includes(',はい,') && line.includes(`,${yes},`)), 'Q2-1 はい with its count');
  await context.close();
});

test('files dropped on the page are added to those already loaded', async () => {
  const { context, page, overview } = await openOverview(app);
  await overview.chooseFiles(generated.files.slice(0, 10));
  const dropped = generated.files.slice(10, 15).map((file) => ({ name: file.name, text: file.buffer.toString('utf8') }));
  await page.evaluate((files) => {
    const data = new DataTransfer();
    for (const file of files) data.items.add(new File([file.text], file.name, { type: 'application/json' }));
    document.body.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
  }, dropped);
  await page.waitForFunction(() => /^5件のファイルを読み込み/.test(document.querySelector('.load-status')?.textContent ?? ''));
  assert.equal((await overview.fileCounts()).files, 15);
  await page.getByRole('button', { name: 'すべて消去' }).click();
  assert.equal(await page.locator('.file-counts').count(), 0);
  await context.close();
});

test('a chosen folder is read to the bottom, files named by their path inside it', async () => {
  const { context, page, overview } = await openOverview(app);
  const folder = mkdtempSync(join(tmpdir(), 'overview-'));
  const root = join(folder, '回答ファイル');
  mkdirSync(join(root, '北部'), { recursive: true });
  const files = generated.files.slice(0, 6);
  files.forEach((file, index) => writeFileSync(join(root, index < 3 ? '北部' : '', file.name), file.buffer));
  writeFileSync(join(root, '説明.txt'), 'JSONではない');
  await page.getByLabel('フォルダを選ぶ').setInputFiles(root);
  await overview.waitUntilCounted();
  assert.deepEqual(await overview.fileCounts(), { files: 7, hospitals: 6, dropped: 0, rejected: 1 });
  assert.match(await overview.rejectedList().innerText(), /回答ファイル\/説明\.txt：JSON形式のデータではありません/);
  assert.ok((await page.locator('.hospital-table .file-name').allInnerTexts()).includes(`回答ファイル/北部/${files[0].name}`));
  rmSync(folder, { recursive: true, force: true });
  await context.close();
});

test('files dropped while others are still being read are queued, not lost', async () => {
  const { context, page, overview } = await openOverview(app);
  const files = generated.files.map((file) => ({ name: file.name, text: file.buffer.toString('utf8') }));
  // Both in one turn of the page: the drop lands while the chosen files are being read.
  await page.evaluate((files) => {
    const chosen = new DataTransfer();
    for (const file of files.slice(0, 200)) chosen.items.add(new File([file.text], file.name));
    const input = document.querySelector('input[type=file][multiple]');
    input.files = chosen.files;
    input.dispatchEvent(new Event('change', { bubbles: true }));
    const dropped = new DataTransfer();
    for (const file of files.slice(200, 210)) dropped.items.add(new File([file.text], file.name));
    document.body.dispatchEvent(new DragEvent('drop', { dataTransfer: dropped, bubbles: true, cancelable: true }));
  }, files);
  await page.waitForFunction(() => /^210件のファイルを読み込み/.test(document.querySelector('.load-status')?.textContent ?? ''));
  assert.equal((await overview.fileCounts()).files, 210);
  await context.close();
});

test('the printed summary keeps the counts and drops the controls', async () => {
  const { context, page, overview } = await openOverview(app);
  await overview.chooseFiles(generated.files.slice(0, 50));
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.locator('.load-panel').isVisible(), false);
  assert.equal(await page.locator('.hospital-list').isVisible(), false);
  assert.equal(await overview.itemSummary(item('Q2-1')).isVisible(), true);
  assert.match(await page.locator('.overview-summary .print-only').innerText(), /集計日時：\d{4}年/);
  const pdf = await page.pdf({ format: 'A4' });
  assert.ok(pdf.length > 10_000);
  await context.close();
});

test('on a 320 px wide screen the page does not scroll sideways; the hospital table scrolls in its own box', async () => {
  const { context, page, overview } = await openOverview(app, { viewport: { width: 320, height: 640 } });
  await overview.chooseFiles([...generated.files.slice(0, 40), ...badFiles()]);
  await page.locator('details.file-problems').evaluateAll((all) => all.forEach((details) => { details.open = true; }));
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), 'no sideways scroll');
  assert.ok(await page.locator('.table-scroll').evaluate((box) => box.scrollWidth > box.clientWidth), 'the table scrolls inside its box');
  await context.close();
});

test('names in the files are shown as text, never run as markup', async () => {
  const { context, page, overview } = await openOverview(app);
  const name = '<img src=x onerror="window.__ran=true"><b>太字</b>病院';
  const text = answerFileText({ 'Q1-1': '<script>window.__ran=true</script>', 'Q1-2': name, 'Q2-1': 'はい' }, '2025-02-01T00:00:00.000Z');
  await overview.chooseFiles([{ name: '<i>file</i>.json', mimeType: 'application/json', buffer: Buffer.from(text) }]);
  const row = overview.hospitalRows().first();
  assert.equal((await row.locator('th').innerText()).trim(), name);
  assert.equal(await page.locator('.hospital-table img, .hospital-table b, .hospital-table i, .hospital-table script').count(), 0);
  assert.equal(await page.evaluate(() => window.__ran === true), false);
  await context.close();
});
