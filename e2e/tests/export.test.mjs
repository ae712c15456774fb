// Saving files through the UI: each CSV layout in each encoding, the warning before an incomplete
// CSV, and the Shift_JIS refusal that names the answers instead of replacing characters.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startApp } from '../support/browser.mjs';
import { item } from '../support/survey-definition.mjs';
import { openSurvey } from '../pages/survey-page.mjs';

let app;
before(async () => {
  app = await startApp();
});
after(async () => {
  await app?.close();
});

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);
const fileName = (tags) => new RegExp(`^R6_サイバーセキュリティ調査_医療法人〇〇会_〇〇病院_\\d{8}_${tags}\\.csv$`);
const shiftJis = (bytes) => new TextDecoder('shift_jis', { fatal: true }).decode(bytes);

test('a complete survey saves as a one-row-per-item CSV in UTF-8 with a BOM', async () => {
  const { context, survey, foreignRequests } = await openSurvey(app);
  await survey.fillCompleteSurvey();
  const file = await survey.saveCsv();
  assert.match(file.name, fileName('1問1行_UTF-8'));
  assert.deepEqual(file.bytes.subarray(0, 3), BOM);
  const lines = file.bytes.subarray(3).toString('utf8').split('\r\n');
  assert.equal(lines[0], '項番,設問,回答');
  assert.equal(lines[1], 'Q1-1,回答者の氏名,山田 太郎');
  assert.equal(lines[5], 'Q2-3,CISOが情報処理推進機構の実施する情報処理技術者資格または試験で合格しているものはいずれか（複数選択可）,情報処理安全確保支援士；その他');
  assert.equal(lines[18], 'Q13,医療情報システムのログインパスワード規程は最低何桁か（半角数字で入力）,12');
  assert.equal(lines.length, 29);
  assert.match(await survey.exportPanel().innerText(), /を保存しました。/);
  assert.deepEqual(foreignRequests, []);
  await context.close();
});

test('the one-row-per-hospital CSV in Shift_JIS decodes to a header of item ids and one row', async () => {
  const { context, survey } = await openSurvey(app);
  await survey.fillCompleteSurvey();
  const file = await survey.saveCsv({ layout: /^1病院1行/, encoding: /^Shift_JIS/ });
  assert.match(file.name, fileName('1病院1行_Shift_JIS'));
  assert.notDeepEqual(file.bytes.subarray(0, 3), BOM);
  const [header, row, end] = shiftJis(file.bytes).split('\r\n');
  assert.equal(end, '');
  assert.match(header, /^調査,出力日時,回答状況,Q1-1,Q1-2,Q2-1,Q2-2,Q2-3,Q2-3-other,Q3,/);
  assert.match(row, /^R6,\d{4}-\d\d-\d\dT[^,]+,完了,山田 太郎,医療法人〇〇会 〇〇病院,はい,はい,情報処理安全確保支援士；その他,医療情報技師,2～4人,/);
  assert.equal(header.split(',').length, row.split(',').length);
  await context.close();
});

test('an incomplete survey warns with links to what is missing before the CSV is saved', async () => {
  const { context, page, survey } = await openSurvey(app);
  await survey.fill(item('Q1-2'), '〇〇病院');
  // The address #export (a link or a bookmark to the CSV) opens the files screen with focus on
  // the CSV panel's heading.
  await page.evaluate(() => {
    location.hash = 'export';
  });
  await survey.toolsReady();
  await page.waitForFunction(() => document.activeElement?.id === 'export-title');
  const panel = survey.exportPanel();
  await panel.getByRole('button', { name: 'CSVファイルに保存' }).click();
  const warning = panel.getByRole('alert');
  assert.match(await warning.innerText(), /未回答または確認が必要な設問が17件あります。/);
  assert.equal(await warning.getByRole('link').count(), 17);
  const file = await survey.download(warning.getByRole('button', { name: 'このまま保存する' }));
  const text = file.bytes.subarray(3).toString('utf8');
  assert.match(text, /\r\nQ1-2,回答者の所属（病院名）,〇〇病院\r\n/);
  assert.match(text, /\r\nQ2-1,医療情報システム安全管理責任者（CISO）を設置している,\r\n/);
  // A link goes to the item on the answering page, with focus on its control.
  await panel.getByRole('button', { name: 'CSVファイルに保存' }).click();
  await warning.getByRole('link', { name: 'Q2-1：いずれかを選択してください。' }).click();
  await page.waitForFunction(() => document.activeElement?.closest('.item')?.id === 'item-Q2-1');
  assert.equal(await survey.onTools(), false);
  await context.close();
});

test('characters Shift_JIS cannot hold are named, never replaced, and UTF-8 is offered', async () => {
  const { context, survey } = await openSurvey(app);
  await survey.fillCompleteSurvey();
  await survey.fill(item('Q1-1'), '𠮷田 太郎');
  const panel = await survey.openExportPanel();
  await panel.getByRole('radio', { name: /^Shift_JIS/ }).check();
  await panel.getByRole('button', { name: 'CSVファイルに保存' }).click();
  const refusal = panel.getByRole('alert');
  assert.match(await refusal.innerText(), /Q1-1 の回答にある 「𠮷」 はShift_JISで保存できません。/);
  const file = await survey.download(refusal.getByRole('button', { name: 'UTF-8で保存する' }));
  assert.deepEqual(file.bytes.subarray(0, 3), BOM);
  assert.match(file.bytes.toString('utf8'), /𠮷田 太郎/);
  await context.close();
});

test('a cell a spreadsheet would run as a formula is saved as text', async () => {
  const { context, survey } = await openSurvey(app);
  await survey.fillCompleteSurvey();
  await survey.fill(item('Q2-3-other'), '=HYPERLINK("http://example.invalid","x")');
  const file = await survey.saveCsv({ layout: /^1問1行/, encoding: /^UTF-8/ });
  assert.match(file.bytes.toString('utf8'), /\r\nQ2-3,その他の資格または試験を記入してください。,"'=HYPERLINK\(""http:\/\/example\.invalid"",""x""\)"\r\n/);
  await context.close();
});
