// Drafts that cannot be lost: autosave and reload, several drafts, another tab, storage that is
// disabled, full or holds a corrupted draft, and loading files good and bad.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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

/** The stored text of the (only) draft. */
async function storedDraft(survey) {
  return Object.values(await survey.storedEntries()).find((value) => value.includes('"format":"cyber-survey-draft"'));
}

const draftKeys = (entries) => Object.keys(entries).filter((key) => key.startsWith('cyber-survey/draft/'));

test('everything typed is back after a reload, including answers in a closed branch', async () => {
  const { context, page, survey, consoleErrors } = await openSurvey(app);
  await survey.fill(item('Q1-1'), '山田 太郎');
  await survey.fill(item('Q1-2'), '〇〇病院');
  await survey.choose(item('Q17-1'), 'はい');
  await survey.choose(item('Q17-2'), 'はい');
  await survey.fill(item('Q17-5'), '14');
  await survey.choose(item('Q17-1'), 'いいえ');
  await survey.waitUntilSaved();
  assert.equal(await survey.draftName(), '〇〇病院', 'the draft takes the hospital name');
  await page.reload();
  await survey.open(page.url());
  assert.equal(await survey.value(item('Q1-1')), '山田 太郎');
  assert.equal(await survey.isChecked(item('Q17-1'), 'いいえ'), true);
  assert.match(await survey.saveStatus().innerText(), /^最終保存 \d{4}年\d{1,2}月\d{1,2}日 \d\d:\d\d$/);
  await survey.choose(item('Q17-1'), 'はい');
  assert.equal(await survey.value(item('Q17-5')), '14');
  assert.deepEqual(consoleErrors, []);
  await context.close();
});

test('leaving the page straight after typing still keeps the answer', async () => {
  const { context, page, survey } = await openSurvey(app);
  await survey.fill(item('Q1-1'), '直前の入力');
  await page.goto('about:blank');
  await survey.open(app.url);
  assert.equal(await survey.value(item('Q1-1')), '直前の入力');
  await context.close();
});

test('two drafts are kept apart, and the one last open comes back', async () => {
  const { context, page, survey } = await openSurvey(app);
  await survey.fill(item('Q1-2'), 'A病院');
  await survey.choose(item('Q2-1'), 'はい');
  await survey.newDraft();
  assert.equal(await survey.value(item('Q1-2')), '', 'a new draft starts empty');
  await survey.fill(item('Q1-2'), 'B病院');
  await survey.waitUntilSaved();
  assert.deepEqual(await survey.draftNames(), ['B病院', 'A病院']);
  await survey.openDraft('A病院');
  assert.equal(await survey.value(item('Q1-2')), 'A病院');
  assert.equal(await survey.isChecked(item('Q2-1'), 'はい'), true);
  await page.reload();
  await survey.open(page.url());
  assert.equal(await survey.value(item('Q1-2')), 'A病院');
  await survey.openDraft('B病院');
  assert.equal(await survey.isChecked(item('Q2-1'), 'はい'), false);
  await context.close();
});

test('drafts can be renamed, duplicated and deleted after confirming', async () => {
  const { context, page, survey } = await openSurvey(app);
  await survey.fill(item('Q1-2'), 'A病院');
  await survey.waitUntilSaved();
  const list = await survey.openDraftList();
  await survey.draftCard('A病院').getByRole('button', { name: '名前を変更（A病院）' }).click();
  await list.getByLabel('新しい下書き名（空欄にすると病院名を使います）').fill('本院 2025年1月');
  await list.getByRole('button', { name: '名前を保存' }).click();
  assert.deepEqual(await survey.draftNames(), ['本院 2025年1月']);
  assert.equal(await survey.draftName(), '本院 2025年1月');
  await survey.draftCard('本院 2025年1月').getByRole('button', { name: '複製（本院 2025年1月）' }).click();
  assert.equal(await survey.draftName(), '本院 2025年1月のコピー');
  assert.equal(await survey.value(item('Q1-2')), 'A病院');
  await survey.openDraftList();
  const copy = survey.draftCard('本院 2025年1月のコピー');
  await copy.getByRole('button', { name: '削除（本院 2025年1月のコピー）' }).click();
  assert.match(await copy.innerText(), /削除すると元に戻せません/);
  await copy.getByRole('button', { name: 'やめる' }).click();
  assert.equal((await survey.draftNames()).length, 2);
  await copy.getByRole('button', { name: '削除（本院 2025年1月のコピー）' }).click();
  await copy.getByRole('button', { name: '削除する' }).click();
  assert.deepEqual(await survey.draftNames(), ['本院 2025年1月']);
  assert.equal(await survey.draftName(), '本院 2025年1月', 'the remaining draft is opened');
  assert.equal(draftKeys(await survey.storedEntries()).length, 1);
  await page.reload();
  assert.deepEqual(await survey.draftNames(), ['本院 2025年1月']);
  await context.close();
});

// Several tabs: tabs.test.mjs.

/** The page opened in a browser that refuses localStorage, once it has said so. */
async function openWithStorageDisabled() {
  const opened = await openSurvey(app, {
    beforeOpen: ({ context }) =>
      context.addInitScript(() => {
        Object.defineProperty(window, 'localStorage', {
          get() {
            throw new DOMException('storage is disabled', 'SecurityError');
          },
        });
      }),
  });
  await opened.page.getByRole('alert').filter({ hasText: 'このブラウザでは下書きを保存できません' }).waitFor();
  return opened;
}

/**
 * Reloads the page and returns the kind of dialog the browser showed first ('no dialog' if none),
 * dismissing it. (The reload completes only once the dialog is answered, so it is answered from
 * its event.)
 */
async function dialogOnReload(page) {
  const asked = new Promise((resolve) => {
    page.once('dialog', async (dialog) => {
      await dialog.dismiss();
      resolve(dialog.type());
    });
    setTimeout(() => resolve('no dialog'), 10_000);
  });
  await page.reload({ timeout: 5000 }).catch(() => {});
  return asked;
}

test('with storage disabled the page says so and the form still works', async () => {
  const { context, page, survey, consoleErrors } = await openWithStorageDisabled();
  await survey.fill(item('Q1-1'), '山田 太郎');
  await survey.choose(item('Q2-1'), 'はい');
  assert.equal(await survey.isShown(item('Q2-2')), true);
  assert.equal(await survey.value(item('Q1-1')), '山田 太郎');
  assert.equal(await survey.saveStatus().innerText(), '保存されません');
  // Leaving the page (a reload, closing the tab) would lose the answers: the browser asks first.
  assert.equal(await dialogOnReload(page), 'beforeunload');
  assert.equal(await survey.value(item('Q1-1')), '山田 太郎');
  // The notice's button opens the files screen of the same page, which saves what the form shows.
  const saved = await survey.saveJsonFromNotice();
  assert.match(saved.name, /^R6_サイバーセキュリティ調査_病院名未入力_\d{8}\.json$/);
  const file = JSON.parse(saved.text);
  assert.equal(file.format, 'cyber-survey-answers');
  assert.equal(file.survey_title, '令和6年度 病院における医療情報システムのサイバーセキュリティ対策に係る調査');
  assert.equal(file.answers['Q1-1'], '山田 太郎');
  assert.equal(file.answers['Q2-1'], 'はい');
  await survey.openForm();
  assert.equal(await survey.value(item('Q1-1')), '山田 太郎', 'the answers are still on the form');
  // Saved to a file: leaving no longer asks.
  let askedAgain = false;
  page.once('dialog', async (dialog) => {
    askedAgain = true;
    await dialog.dismiss();
  });
  await page.reload();
  assert.equal(askedAgain, false);
  assert.deepEqual(consoleErrors, []);
  await context.close();
});

test('with storage disabled a file loaded or a draft opened on the other screens is the one the form shows', async () => {
  const { context, page, survey, consoleErrors } = await openWithStorageDisabled();
  await survey.fill(item('Q1-1'), '山田 太郎');
  // A file on disk, chosen in the file picker.
  const folder = mkdtempSync(join(tmpdir(), 'cyber-survey-memory-'));
  const path = join(folder, 'R6_サイバーセキュリティ調査_ファイル病院_20250130.json');
  writeFileSync(path, JSON.stringify({ format: 'cyber-survey-answers', format_version: 1, survey: 'R6', answers: { 'Q1-1': '佐藤 花子', 'Q1-2': 'ファイル病院' } }));
  await survey.loadFiles([path]);
  await page.locator('.notice-success', { hasText: 'を新しい下書き「ファイル病院」として読み込みました。' }).waitFor();
  await survey.openForm();
  assert.equal(await survey.value(item('Q1-1')), '佐藤 花子', 'the form shows the loaded file');
  assert.equal(await page.locator('#draft-name').innerText(), 'ファイル病院');
  // Back to the draft typed first, from the list: the form shows it again.
  await survey.openDraft('名称未設定の下書き');
  await survey.openForm();
  assert.equal(await survey.value(item('Q1-1')), '山田 太郎', 'the form shows the draft opened');
  // The open draft saved to a file, the other still only in memory: leaving asks first.
  await survey.saveJson();
  assert.equal(await dialogOnReload(page), 'beforeunload');
  assert.deepEqual(consoleErrors, []);
  await context.close();
  rmSync(folder, { recursive: true, force: true });
});

test('with storage full the page says so, keeps the answers and lets them be saved as a file', async () => {
  const { context, page, survey, consoleErrors } = await openSurvey(app);
  await survey.fill(item('Q1-1'), '保存済みの値');
  await survey.waitUntilSaved();
  await page.evaluate(() => {
    Storage.prototype.setItem = function () {
      throw new DOMException('full', 'QuotaExceededError');
    };
  });
  await survey.fill(item('Q1-1'), '保存できない値');
  await page.getByRole('alert').filter({ hasText: 'ブラウザの保存領域がいっぱいで' }).waitFor();
  assert.equal(await survey.saveStatus().innerText(), '保存できませんでした');
  assert.equal(await survey.value(item('Q1-1')), '保存できない値');
  assert.match(await storedDraft(survey), /保存済みの値/, 'what was stored before is intact');
  const saved = await survey.saveJsonFromNotice();
  assert.equal(JSON.parse(saved.text).answers['Q1-1'], '保存できない値', 'what the form shows, not what was stored');
  await survey.openForm();
  assert.equal(await survey.value(item('Q1-1')), '保存できない値');
  // The file loads back on the tools page as a draft (in a fresh context, whose storage works).
  const other = await openSurvey(app);
  await other.survey.loadFiles([{ name: saved.name, mimeType: 'application/json', buffer: Buffer.from(saved.text) }]);
  await other.page.locator('.notice-success', { hasText: `「${saved.name}」を新しい下書き` }).waitFor();
  await other.context.close();
  // Here, with storage still full, a file cannot become a draft: it says so, and nothing changes.
  await survey.loadFiles([{ name: 'another.json', mimeType: 'application/json', buffer: Buffer.from(saved.text) }]);
  const refused = page.locator('.json-file-panel .notice-error', { hasText: '「another.json」は読み込めませんでした。' });
  await refused.waitFor();
  // (The open draft cannot be stored first, so no other draft is opened.)
  assert.match(await refused.innerText(), /今ある下書きは変更していません。/);
  await survey.openForm();
  assert.equal(await survey.value(item('Q1-1')), '保存できない値');
  assert.deepEqual(consoleErrors, []);
  await context.close();
});

test('a corrupted stored draft does not break the page and its text can be recovered', async () => {
  const { context, page, survey, consoleErrors } = await openSurvey(app);
  await survey.fill(item('Q1-2'), '無事な病院');
  await survey.waitUntilSaved();
  const broken = '{"format":"cyber-survey-draft","version":2,"survey":"R6","answers":{"Q1-1":{"te';
  await page.evaluate((text) => localStorage.setItem('cyber-survey/draft/broken-1', text), broken);
  await page.reload();
  await survey.open(page.url());
  const notice = page.locator('.notice', { hasText: '読み込めなかった下書きが1件あります' });
  await notice.waitFor();
  assert.equal(await survey.value(item('Q1-2')), '無事な病院');
  const entries = await survey.storedEntries();
  assert.equal(entries['cyber-survey/draft/broken-1'], undefined);
  const recovery = Object.entries(entries).find(([key]) => key.startsWith('cyber-survey/recovery/broken-1/'));
  assert.equal(recovery?.[1], broken);
  // Saving or deleting what was set aside is done on the draft list, by the notice's link.
  await notice.getByRole('link', { name: '下書きの一覧で退避データを確認する' }).click();
  await survey.toolsReady();
  const listed = page.locator('#screen-tools .notice', { hasText: '読み込めなかった下書きが1件あります' });
  await listed.waitFor();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    listed.getByRole('button', { name: 'ファイルに保存' }).click(),
  ]);
  const chunks = [];
  for await (const chunk of await download.createReadStream()) chunks.push(chunk);
  assert.equal(Buffer.concat(chunks).toString('utf8'), broken);
  await listed.getByRole('button', { name: '退避データを削除' }).click();
  await listed.waitFor({ state: 'detached' });
  // The form's notice follows at once.
  await survey.openForm();
  assert.equal(await notice.isVisible(), false);
  assert.deepEqual(consoleErrors, []);
  await context.close();
});

test('a saved JSON file loads back as a new draft with the same answers', async () => {
  const { context, survey } = await openSurvey(app);
  await survey.fill(item('Q1-1'), '山田 太郎');
  await survey.fill(item('Q1-2'), '〇〇病院');
  await survey.choose(item('Q2-1'), 'はい');
  await survey.choose(item('Q2-2'), 'はい');
  await survey.tick(item('Q2-3'), '基本情報技術者');
  await survey.fill(item('Q13'), '12');
  const saved = await survey.saveJson();
  assert.match(saved.name, /^R6_サイバーセキュリティ調査_〇〇病院_\d{8}\.json$/);
  const file = JSON.parse(saved.text);
  assert.equal(file.format, 'cyber-survey-answers');
  assert.deepEqual(file.answers['Q2-3'], ['基本情報技術者']);
  assert.equal(file.answers.Q13, 12);
  await survey.newDraft();
  await survey.loadFiles([{ name: saved.name, mimeType: 'application/json', buffer: Buffer.from(saved.text) }]);
  await survey.page.locator('.notice-success', { hasText: `「${saved.name}」を新しい下書き「〇〇病院」として読み込みました。` }).waitFor();
  assert.equal(await survey.value(item('Q1-1')), '山田 太郎');
  assert.equal(await survey.isChecked(item('Q2-3'), '基本情報技術者'), true);
  assert.equal(await survey.value(item('Q13')), '12');
  assert.deepEqual(await survey.draftNames(), ['〇〇病院', '名称未設定の下書き', '〇〇病院']);
  await context.close();
});

test('bad files are refused with the reason and leave every draft untouched', async () => {
  const { context, page, survey } = await openSurvey(app);
  await survey.fill(item('Q1-2'), '既存の病院');
  await survey.waitUntilSaved();
  const before = await survey.storedEntries();
  const json = (value) => Buffer.from(JSON.stringify(value));
  const ours = { format: 'cyber-survey-answers', format_version: 1, survey: 'R6' };
  const cases = [
    ['not-json.json', Buffer.from('回答,はい\n'), 'JSON形式のデータではありません。'],
    ['not-ours.json', json({ todos: ['a'] }), 'この回答準備ツールのデータではありません。'],
    ['other-survey.json', json({ ...ours, survey: 'R7', answers: { 'Q1-1': 'x' } }), '別の調査（R7）のデータです。'],
    ['newer.json', json({ ...ours, format_version: 9, answers: {} }), '新しい版のツールで作られたデータです'],
    ['version-0.json', json({ ...ours, format_version: 0, answers: { 'Q1-1': 'x' } }), 'このツールの形式にない版のファイルです（format_version が 0。'],
    // Read as bytes: Blob.text() would drop the first mark before the reader saw it.
    ['two-boms.json', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf, 0xef, 0xbb, 0xbf]), json({ ...ours, answers: { 'Q1-1': 'x' } })]), 'BOM（バイト順マーク）が2個あります'],
    ['huge.json', Buffer.alloc(1024 * 1024 + 1, 0x20), 'ファイルが大きすぎます'],
    ['empty.json', Buffer.from(''), 'ファイルが空です。'],
  ];
  for (const [name, buffer, reason] of cases) {
    await survey.loadFiles([{ name, mimeType: 'application/json', buffer }]);
    const refusal = page.locator('.notice-error', { hasText: `「${name}」は読み込めませんでした。` });
    await refusal.waitFor();
    assert.match(await refusal.innerText(), new RegExp(reason.replace(/[()（）]/g, '.')), name);
    assert.match(await refusal.innerText(), /今ある下書きは変更していません。/);
  }
  assert.deepEqual(await survey.storedEntries(), before, 'no stored draft changed');
  assert.equal(await survey.value(item('Q1-2')), '既存の病院');
  await context.close();
});

test('a file with unknown items or impossible values is loaded without them, and says which', async () => {
  const { context, page, survey } = await openSurvey(app);
  await survey.fill(item('Q1-2'), '既存の病院');
  await survey.waitUntilSaved();
  const before = await survey.storedEntries();
  const file = {
    format: 'cyber-survey-answers',
    format_version: 1,
    survey: 'R6',
    answers: { 'Q1-2': '読み込む病院', Q99: 'はい', 'Q2-1': 'たぶん', Q4: 'はい' },
  };
  await survey.loadFiles([{ name: 'mixed.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file)) }]);
  const loaded = page.locator('.notice-success', { hasText: '「mixed.json」を新しい下書き「読み込む病院」として読み込みました。' });
  await loaded.waitFor();
  assert.match(await loaded.innerText(), /「Q99」はこの調査にない設問のため、読み込みませんでした。/);
  assert.match(await loaded.innerText(), /Q2-1 の回答「たぶん」はこの設問に合わないため、読み込みませんでした。/);
  assert.equal(await survey.isChecked(item('Q4'), 'はい'), true);
  const after = await survey.storedEntries();
  for (const key of draftKeys(before)) assert.equal(after[key], before[key], `${key} unchanged`);
  assert.equal(draftKeys(after).length, 2);
  await context.close();
});

test('a file dropped on the page is loaded as a new draft', async () => {
  const { context, page, survey } = await openSurvey(app);
  // Files are loaded on the files screen, so the drop is made there.
  await survey.openTools('ファイルの保存・出力');
  const text = JSON.stringify({ format: 'cyber-survey-answers', format_version: 1, survey: 'R6', answers: { 'Q1-2': 'ドロップ病院' } });
  const transfer = await page.evaluateHandle((content) => {
    const data = new DataTransfer();
    data.items.add(new File([content], 'dropped.json', { type: 'application/json' }));
    return data;
  }, text);
  await page.dispatchEvent('main', 'dragover', { dataTransfer: transfer });
  assert.equal(await page.locator('.drop-hint').isVisible(), true);
  await page.dispatchEvent('main', 'drop', { dataTransfer: transfer });
  await page.locator('.notice-success', { hasText: '「dropped.json」を新しい下書き「ドロップ病院」として読み込みました。' }).waitFor();
  assert.equal(await survey.value(item('Q1-2')), 'ドロップ病院');
  assert.equal(await page.locator('.drop-hint').isVisible(), false);
  await context.close();
});

test('creating and opening drafts shows their form at once; Back and Forward move between screens', async () => {
  const { context, page, survey } = await openSurvey(app);
  let loads = 0;
  page.on('load', () => loads++);
  await survey.fill(item('Q1-2'), 'A病院');
  await survey.waitUntilSaved();
  await survey.newDraft();
  // The new draft's form shows at once, on the same page.
  await page.locator('#screen-form:not([hidden])').waitFor();
  assert.equal(await survey.onTools(), false);
  assert.equal(await survey.value(item('Q1-2')), '', 'the new, empty draft');
  assert.equal(await survey.draftName(), '名称未設定の下書き');
  await survey.fill(item('Q1-2'), 'B病院');
  await survey.waitUntilSaved();
  assert.deepEqual(await survey.draftNames(), ['B病院', 'A病院'], 'A病院 is not overwritten');
  await survey.openDraft('A病院');
  await page.locator('#screen-form:not([hidden])').waitFor();
  assert.equal(await survey.value(item('Q1-2')), 'A病院');
  assert.equal(await survey.draftName(), 'A病院');
  // Back: the draft list; Back again: the form (still A病院, the draft now open); Forward: the list.
  await page.goBack();
  await survey.toolsReady();
  assert.equal(new URL(page.url()).hash, '#drafts');
  await page.locator('#draft-list').waitFor();
  await page.goBack();
  await page.locator('#screen-form:not([hidden])').waitFor();
  assert.equal(await survey.value(item('Q1-2')), 'A病院');
  await page.goForward();
  await page.locator('#draft-list').waitFor();
  assert.equal(loads, 0, 'no page was loaded again');
  await context.close();
});
