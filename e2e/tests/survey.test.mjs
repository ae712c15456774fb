// What a user does with the survey: every item is there with its wording and guidance, the
// branches open and close, errors appear and lead back to the item, and a full survey reaches 100%.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { openPage, startApp } from '../support/browser.mjs';
import { accessibleName, item, items, kindOf } from '../support/survey-definition.mjs';
import { OPEN_EVERY_BRANCH, openSurvey } from '../pages/survey-page.mjs';

let app;
before(async () => {
  app = await startApp();
});
after(async () => {
  await app?.close();
});

const freshSurvey = (options) => openSurvey(app, options);

test('all 27 items appear with their 項番, the seed wording and their 回答要領', async () => {
  const { context, page, survey } = await freshSurvey();
  await survey.openEveryBranch();
  assert.equal(items.length, 27);
  for (const definition of items) {
    const control = survey.control(definition);
    assert.equal(await control.count(), 1, `control named 「${accessibleName(definition)}」`);
    const box = survey.itemBox(definition);
    if (definition.lead) {
      assert.equal((await box.locator('.item-lead').innerText()).trim(), definition.lead);
    }
    const summary = box.locator('summary', { hasText: `回答要領（${definition.number}）` });
    await summary.click();
    const body = box.locator('.guidance-body');
    await body.waitFor();
    const shown = await body.innerText();
    for (const block of definition.guidance) {
      for (const text of Object.values(block).flat()) {
        assert.ok(shown.includes(text), `${definition.id} 回答要領 shows 「${text.slice(0, 30)}…」`);
      }
    }
  }
  await context.close();
});

test('回答要領 is collapsed until asked for', async () => {
  const { context, survey } = await freshSurvey();
  const box = survey.itemBox(item('Q13'));
  assert.equal(await box.locator('.guidance-body').isVisible(), false);
  await box.locator('summary').click();
  assert.equal(await box.locator('.guidance-body').isVisible(), true);
  assert.match(await box.locator('.guidance-body').innerText(), /13 文字以上のランダム/);
  await context.close();
});

test('a user fills the whole survey by labels and reaches 100%', async () => {
  const { context, page, survey, foreignRequests, consoleErrors } = await freshSurvey();
  assert.equal(await survey.progressText(), '必須 18問中 0問 回答済み（残り 18問）');
  await survey.fillCompleteSurvey();
  assert.equal(await survey.progressText(), '必須の26問すべてに回答済みです');
  assert.equal(await page.locator('progress').getAttribute('value'), '26');
  await survey.requestCheck();
  const result = page.getByRole('status').filter({ hasText: '入力内容に問題はありません' });
  await result.waitFor();
  await assert.doesNotReject(() => page.locator('#check-result:focus').waitFor({ timeout: 2000 }));
  assert.deepEqual(foreignRequests, []);
  assert.deepEqual(consoleErrors, []);
  await context.close();
});

for (const [parentId, childIds] of [
  ['Q2-1', ['Q2-2']],
  ['Q2-2', ['Q2-3']],
  ['Q7-1', ['Q7-2']],
  ['Q17-1', ['Q17-2']],
  ['Q17-2', ['Q17-3', 'Q17-4', 'Q17-5', 'Q17-6']],
]) {
  test(`${parentId} はい shows ${childIds.join(', ')} and いいえ hides them`, async () => {
    const { context, survey } = await freshSurvey();
    // Open the chain above the parent first.
    for (const [id, choice] of OPEN_EVERY_BRANCH) {
      if (id === parentId) break;
      await survey.choose(item(id), choice);
    }
    const children = childIds.map(item);
    for (const child of children) assert.equal(await survey.isShown(child), false, `${child.id} before`);
    await survey.choose(item(parentId), 'はい');
    for (const child of children) assert.equal(await survey.isShown(child), true, `${child.id} after はい`);
    await survey.choose(item(parentId), 'いいえ');
    for (const child of children) assert.equal(await survey.isShown(child), false, `${child.id} after いいえ`);
    await context.close();
  });
}

test('Q2-3 その他 shows the free-text item, which is optional', async () => {
  const { context, survey } = await freshSurvey();
  await survey.choose(item('Q2-1'), 'はい');
  await survey.choose(item('Q2-2'), 'はい');
  const other = item('Q2-3-other');
  assert.equal(await survey.isShown(other), false);
  await survey.tick(item('Q2-3'), 'その他');
  assert.equal(await survey.isShown(other), true);
  assert.equal(await survey.itemBox(other).locator('.badge').innerText(), '任意');
  await survey.tick(item('Q2-3'), 'その他', false);
  assert.equal(await survey.isShown(other), false);
  await context.close();
});

test('closing a branch keeps its answers and reopening restores them', async () => {
  const { context, survey } = await freshSurvey();
  await survey.choose(item('Q17-1'), 'はい');
  await survey.choose(item('Q17-2'), 'はい');
  await survey.fill(item('Q17-5'), '14');
  await survey.choose(item('Q17-6'), 'はい');
  const before = await survey.progressText();
  await survey.choose(item('Q17-1'), 'いいえ');
  assert.equal(await survey.isShown(item('Q17-5')), false);
  assert.equal(await survey.progressText(), '必須 18問中 1問 回答済み（残り 17問）');
  await survey.choose(item('Q17-1'), 'はい');
  assert.equal(await survey.value(item('Q17-5')), '14');
  assert.equal(await survey.isChecked(item('Q17-6'), 'はい'), true);
  assert.equal(await survey.isChecked(item('Q17-2'), 'はい'), true);
  assert.equal(await survey.progressText(), before);
  await context.close();
});

test('an error appears next to an item only after the user leaves it', async () => {
  const { context, page, survey } = await freshSurvey();
  const name = item('Q1-1');
  const field = survey.control(name);
  await field.focus();
  assert.equal(await survey.errorText(name).innerText(), '');
  await page.keyboard.press('Tab');
  assert.match(await survey.errorText(name).innerText(), /入力してください。/);
  assert.equal(await field.getAttribute('aria-invalid'), 'true');
  assert.equal(await field.getAttribute('aria-describedby'), 'error-Q1-1');
  await page.getByRole('radiogroup', { name: /^Q2-1 / }).getByRole('radio', { name: 'はい' }).check();
  const followUp = survey.control(item('Q2-2'));
  assert.equal(await followUp.getAttribute('aria-describedby'), 'lead-Q2-2 error-Q2-2');
  assert.equal(await page.locator('#lead-Q2-2').innerText(), item('Q2-2').lead);
  await survey.choose(item('Q2-2'), 'はい');
  assert.equal(await survey.control(item('Q2-3')).getAttribute('aria-describedby'), 'lead-Q2-3 badge-Q2-3 error-Q2-3');
  await field.fill('山田 太郎');
  assert.equal(await survey.errorText(name).innerText(), '');
  assert.equal(await field.getAttribute('aria-invalid'), null);
  await context.close();
});

test('malformed numbers are explained; full-width digits are converted and the user is told', async () => {
  const { context, page, survey } = await freshSurvey();
  const q13 = item('Q13');
  await survey.fill(q13, '8桁');
  await page.keyboard.press('Tab');
  assert.match(await survey.errorText(q13).innerText(), /数字だけを半角で入力してください/);
  await survey.fill(q13, '100');
  await page.keyboard.press('Tab');
  assert.match(await survey.errorText(q13).innerText(), /1～64桁の範囲で入力してください。/);
  await survey.fill(q13, '１２');
  await page.keyboard.press('Tab');
  assert.equal(await survey.control(q13).inputValue(), '12');
  assert.match(await survey.itemBox(q13).innerText(), /全角数字を半角数字に変換しました。/);
  assert.equal(await survey.errorText(q13).innerText(), '');
  await context.close();
});

test('checking an empty form lists every missing item; each link moves focus to its item', async () => {
  const { context, page, survey } = await freshSurvey();
  await survey.fill(item('Q13'), 'eight');
  await survey.requestCheck();
  const summary = survey.errorSummary();
  await summary.waitFor();
  assert.match(await summary.locator('h2').innerText(), /回答内容を確認してください（18件）/);
  const links = summary.getByRole('link');
  assert.equal(await links.count(), 18);
  assert.match(await links.nth(0).innerText(), /^Q1-1 回答者の氏名：入力してください。/);
  assert.match(await links.nth(13).innerText(), /^Q13 .*数字だけを半角で入力してください/);
  await assert.doesNotReject(() => page.locator('#check-result:focus').waitFor({ timeout: 2000 }));
  // Every asked item now shows its error beside it.
  assert.match(await survey.errorText(item('Q5')).innerText(), /いずれかを選択してください。/);
  await links.nth(4).click();
  const focused = await page.evaluate(() => document.activeElement?.closest('.item')?.id);
  assert.equal(focused, 'item-Q4');
  // Answering removes the item from the summary at once.
  await survey.choose(item('Q4'), 'はい');
  assert.equal(await links.count(), 17);
  await context.close();
});

test('a multiple-choice item needs at least one choice', async () => {
  const { context, survey } = await freshSurvey();
  await survey.choose(item('Q2-1'), 'はい');
  await survey.choose(item('Q2-2'), 'はい');
  await survey.tick(item('Q2-3'), 'ITパスポート');
  await survey.tick(item('Q2-3'), 'ITパスポート', false);
  await survey.requestCheck();
  assert.match(await survey.errorText(item('Q2-3')).innerText(), /1つ以上選択してください。/);
  await context.close();
});

test('every control kind is named by the seed wording, never by an English or generic label', async () => {
  const { context, page, survey } = await freshSurvey();
  await survey.openEveryBranch();
  const kinds = new Set(items.map(kindOf));
  assert.deepEqual([...kinds].sort(), ['integer', 'multiple', 'single', 'text', 'yes_no']);
  const unnamed = await page.evaluate(() =>
    [...document.querySelectorAll('main input')].filter((input) => !input.labels?.length).map((i) => i.id),
  );
  assert.deepEqual(unnamed, []);
  await context.close();
});

test('a page whose program cannot be downloaded says so instead of waiting forever', async () => {
  for (const path of ['']) {
    const { context, page } = await openPage(app);
    // As a proxy that drops large files or a cut connection would.
    await page.route('**/*_bg.wasm', (route) => route.abort('connectionreset'));
    await page.goto(`${app.url}${path}`);
    const alert = page.getByRole('alert').filter({ hasText: 'このページを開けませんでした。' });
    await alert.waitFor();
    assert.match(await alert.innerText(), /ページを再読み込みしてください。[\s\S]*下書きは消えていません。/);
    assert.equal(await page.getByText('読み込み中です…').filter({ visible: true }).count(), 0, `${path || 'answering page'}: no endless loading message`);
    await context.close();
  }
  // The other screens' program: the screen says so; the form and its answers are untouched.
  // (Without the service worker, whose own fetches a page's route does not see.)
  const context = await app.browser.newContext({ serviceWorkers: 'block', locale: 'ja-JP' });
  const page = await context.newPage();
  await page.route('**/tools/*_bg.wasm', (route) => route.abort('connectionreset'));
  await page.goto(app.url);
  await page.locator('#survey-form:not([inert])').waitFor();
  await page.getByRole('textbox', { name: /Q1-2/ }).fill('病院X');
  await page.getByRole('navigation', { name: '画面の切り替え' }).getByRole('link', { name: '回答を確認・印刷する' }).click();
  const alert = page.getByRole('alert').filter({ hasText: 'この画面を読み込めませんでした。' });
  await alert.waitFor();
  assert.equal(await page.getByText('読み込み中です…').filter({ visible: true }).count(), 0, 'tools: no endless loading message');
  const tabs = page.getByRole('navigation', { name: '画面の切り替え' });
  await tabs.getByRole('link', { name: '回答を入力する' }).click();
  assert.equal(await page.getByRole('textbox', { name: /Q1-2/ }).inputValue(), '病院X');
  // The network is back: the next switch tries again, without a reload, and the screen comes.
  await page.unroute('**/tools/*_bg.wasm');
  await tabs.getByRole('link', { name: '回答を確認・印刷する' }).click();
  await page.locator('#review-heading').waitFor({ state: 'attached' });
  assert.equal(await alert.isVisible(), false, 'the failure is no longer shown');
  assert.ok((await page.locator('#screen-tools').innerText()).includes('病院X'), 'the review shows the answers typed before');
  await context.close();
});

test('the other screens come after their start-up script failed to download, on the next switch', async () => {
  const context = await app.browser.newContext({ serviceWorkers: 'block', locale: 'ja-JP' });
  const page = await context.newPage();
  await page.route('**/tools/boot-*.js', (route) => route.abort('internetdisconnected'));
  await page.goto(`${app.url}#review`);
  const alert = page.getByRole('alert').filter({ hasText: 'この画面を読み込めませんでした。' });
  await alert.waitFor();
  await page.unroute('**/tools/boot-*.js');
  const tabs = page.getByRole('navigation', { name: '画面の切り替え' });
  await tabs.getByRole('link', { name: '回答を入力する' }).click();
  await tabs.getByRole('link', { name: '下書きの一覧' }).click();
  await page.getByRole('heading', { level: 2, name: '下書きの一覧' }).waitFor();
  assert.equal(await alert.isVisible(), false);
  await context.close();
});
