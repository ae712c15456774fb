// The hospital's whole task in one document: answering, the check, the review and its printing,
// the readiness report, JSON save and load (a real file on disk, through the file picker), the CSV,
// and the draft list (create, rename, duplicate, open, delete), with a pointer at 1366×768 and at
// 375 px and with the keyboard. Counts the page loads (one) and the history entries, and goes back
// and forth with Back and Forward. Each screen opens at its top with focus on its heading.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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

const SCREENS = [
  ['回答を確認・印刷する', '#review', 'review-heading'],
  ['対策状況レポート', '#report', 'report-heading'],
  ['ファイルの保存・出力', '#files', 'json-file-title'],
  ['下書きの一覧', '#drafts', 'draft-list-title'],
];

/** The screen now shown: its heading has focus and its top is in the viewport, below the bars. */
async function assertOpenedAtHeading(page, heading, label) {
  await page.waitForFunction((id) => document.activeElement?.id === id, heading, { timeout: 5000 });
  const { top, bottom, viewport, tabsTop } = await page.evaluate((id) => {
    const box = document.getElementById(id).getBoundingClientRect();
    return {
      top: box.top,
      bottom: box.bottom,
      viewport: innerHeight,
      tabsTop: document.querySelector('.screen-tabs').getBoundingClientRect().top,
    };
  }, heading);
  assert.ok(top >= 0 && bottom <= viewport, `${label}: the heading is in view (${top}–${bottom} of ${viewport})`);
  assert.ok(tabsTop >= 0 && tabsTop < viewport / 2, `${label}: the screen starts in the upper half (${tabsTop})`);
}

for (const viewport of [
  { width: 1366, height: 768 },
  { width: 375, height: 667 },
]) {
  test(`the whole task in one document with a pointer at ${viewport.width} px`, async () => {
    const { context, page, survey, consoleErrors } = await openSurvey(app, { viewport });
    let loads = 0;
    page.on('load', () => loads++);
    const historyAtStart = await page.evaluate(() => history.length);
    // 「回答内容を確認する」 and the progress are in view without scrolling, on a phone too.
    for (const control of [page.locator('.progress-panel').getByRole('button', { name: '回答内容を確認する' }), page.locator('#progress-text')]) {
      assert.equal(await control.isVisible(), true);
      const box = await control.boundingBox();
      assert.ok(box && box.y >= 0 && box.y + box.height <= viewport.height, 'in the first screenful');
    }
    await survey.fill(item('Q1-1'), '山田 太郎');
    await survey.fill(item('Q1-2'), '一ページ病院');
    await survey.choose(item('Q2-1'), 'はい');
    await survey.waitUntilSaved();
    await page.locator('.progress-panel').getByRole('button', { name: '回答内容を確認する' }).click();
    await survey.errorSummary().waitFor();

    // Every screen by its tab: at its top, focus on its heading, its own history entry.
    for (const [tab, hash, heading] of SCREENS) {
      await survey.openTools(tab);
      assert.equal(new URL(page.url()).hash, hash);
      await assertOpenedAtHeading(page, heading, tab);
    }
    // The review shows what was typed, and prints (the print stylesheet hides the form's bars).
    await survey.openTools('回答を確認・印刷する');
    assert.match(await page.locator('article.review').innerText(), /一ページ病院/);
    await page.emulateMedia({ media: 'print' });
    assert.equal(await page.locator('.progress-panel').isVisible(), false);
    assert.equal(await page.locator('#screen-form').isVisible(), false);
    assert.equal(await page.locator('article.review').isVisible(), true);
    await page.emulateMedia({ media: null });
    await survey.openTools('対策状況レポート');
    await page.locator('article.report').waitFor();

    // JSON save, then the same file from disk through the file picker: a new draft, on the form.
    const saved = await survey.saveJson();
    const folder = mkdtempSync(join(tmpdir(), 'one-page-'));
    const path = join(folder, saved.name);
    writeFileSync(path, saved.text);
    // The CSV's warning about what this draft lacks…
    const panel = survey.exportPanel();
    await panel.getByRole('button', { name: 'CSVファイルに保存' }).click();
    await panel.getByRole('alert').waitFor();
    await page.locator('.file-button input[type=file]').setInputFiles(path);
    // …does not stay once another draft is open; the file's outcome shows where it was chosen.
    await page.locator('.json-file-panel .notice-success', { hasText: `「${saved.name}」を新しい下書き` }).waitFor();
    assert.equal(await panel.getByRole('alert').count(), 0);
    // The CSV, on the same screen: the survey is incomplete, so it warns first, with links.
    await panel.getByRole('button', { name: 'CSVファイルに保存' }).click();
    const csv = await survey.download(panel.getByRole('alert').getByRole('button', { name: 'このまま保存する' }));
    assert.match(csv.name, /\.csv$/);

    // Drafts: rename the loaded copy, duplicate it, create a new one (its form shows at once),
    // open the first again (its form shows at once), delete the duplicate.
    const names = await survey.draftNames();
    assert.equal(names.length, 2, names.join(' / '));
    const list = await survey.openDraftList();
    // The loaded file is the open draft (both are named after the hospital).
    assert.deepEqual(names, ['一ページ病院', '一ページ病院']);
    const copy = page.locator('.draft-card-open');
    await copy.getByRole('button', { name: '名前を変更（一ページ病院）' }).click();
    await copy.getByRole('textbox').fill('読み込んだ回答');
    await copy.getByRole('button', { name: '名前を保存' }).click();
    await survey.draftCard('読み込んだ回答').waitFor();
    assert.equal(await survey.draftName(), '読み込んだ回答', 'the draft bar follows at once');
    await survey.draftCard('読み込んだ回答').getByRole('button', { name: '複製（読み込んだ回答）' }).click();
    await page.locator('.draft-card').nth(2).waitFor();
    await list.getByRole('button', { name: '新しい下書きを作成' }).click();
    await page.locator('#screen-form:not([hidden])').waitFor();
    assert.equal(await survey.value(item('Q1-2')), '');
    await survey.openDraft('一ページ病院');
    await page.locator('#screen-form:not([hidden])').waitFor();
    assert.equal(await survey.value(item('Q1-1')), '山田 太郎');
    assert.equal(await survey.draftName(), '一ページ病院');
    // The check's summary of the other draft is not left on the form.
    assert.equal(await survey.errorSummary().count(), 0);
    await survey.openDraftList();
    const duplicate = page.locator('.draft-card').filter({ hasText: 'コピー' }).first();
    await duplicate.getByRole('button', { name: /^削除/ }).click();
    await duplicate.getByRole('button', { name: '削除する' }).click();
    await page.waitForFunction(() => document.querySelectorAll('.draft-card').length === 3);

    // Back and Forward move between the screens, on the same document.
    const entries = await page.evaluate(() => history.length);
    assert.ok(entries - historyAtStart >= 10, `${entries - historyAtStart} history entries`);
    await page.goBack();
    await page.locator('#screen-form:not([hidden])').waitFor();
    await page.goBack();
    await survey.toolsReady();
    assert.equal(new URL(page.url()).hash, '#drafts');
    await page.goForward();
    await page.locator('#screen-form:not([hidden])').waitFor();
    assert.equal(await survey.value(item('Q1-1')), '山田 太郎');
    assert.equal(loads, 0, 'no page was loaded after the first');
    assert.deepEqual(consoleErrors, []);
    await context.close();
  });
}

test('a bookmark of a screen opens it directly, at its heading', async () => {
  const { context, page, survey } = await openSurvey(app);
  await survey.fill(item('Q1-2'), 'ブックマーク病院');
  await survey.waitUntilSaved();
  for (const [tab, hash, heading] of SCREENS) {
    await page.goto(`${app.url}${hash}`);
    await survey.toolsReady();
    await assertOpenedAtHeading(page, heading, `${tab} (bookmark)`);
  }
  await page.goto(`${app.url}#review`);
  await survey.toolsReady();
  assert.match(await page.locator('article.review').innerText(), /ブックマーク病院/);
  // 「本文へ移動」 moves to the content of the screen that shows; it does not change the screen.
  await page.goto(`${app.url}#report`);
  await survey.toolsReady();
  await page.getByRole('link', { name: '本文へ移動' }).focus();
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.activeElement?.id === 'main');
  assert.equal(await page.locator('article.report').isVisible(), true);
  // An item's address opens the form there, with focus on its control.
  await page.goto(`${app.url}#item-Q2-1`);
  await page.waitForFunction(() => document.activeElement?.closest('.item')?.id === 'item-Q2-1');
  // An old address of the tools page goes to the same screen of the one page.
  await page.goto(`${app.url}tools/#drafts`);
  await page.waitForURL((url) => !url.pathname.includes('/tools/') && url.hash === '#drafts');
  await survey.toolsReady();
  await page.locator('#draft-list').waitFor();
  await context.close();
});

test('the whole task with the keyboard: tabs, screens, links back to an item', async () => {
  const { context, page, survey } = await openSurvey(app);
  let loads = 0;
  page.on('load', () => loads++);
  await survey.fill(item('Q1-2'), 'キーボード病院');
  await survey.waitUntilSaved();
  const tabs = survey.tabs();
  for (const [tab, hash, heading] of SCREENS) {
    await tabs.getByRole('link', { name: tab, exact: true }).focus();
    await page.keyboard.press('Enter');
    await survey.toolsReady();
    assert.equal(new URL(page.url()).hash, hash);
    await assertOpenedAtHeading(page, heading, `${tab} (keyboard)`);
  }
  // From the review, an unanswered item's link, by the keyboard, opens the form at that item.
  await tabs.getByRole('link', { name: '回答を確認・印刷する', exact: true }).focus();
  await page.keyboard.press('Enter');
  await survey.toolsReady();
  await page.getByRole('link', { name: 'Q1-1 を入力する' }).focus();
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.activeElement?.id === 'field-Q1-1');
  await page.keyboard.type('鍵 盤子');
  await survey.waitUntilSaved();
  // Back returns to the review, which shows what was typed.
  await page.goBack();
  await survey.toolsReady();
  assert.match(await page.locator('article.review').innerText(), /鍵 盤子/);
  assert.equal(loads, 0);
  await context.close();
});
