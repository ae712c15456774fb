// Several tabs on one draft, as a hospital's shared PC has them: another tab's save taken quietly
// by a tab with nothing unsaved, a real conflict shown where the user is typing, a draft deleted
// in another tab while this one still types, and the browser's storage cleared.
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

/** A second tab of the same browser, with the survey open on the same draft. */
async function openSecondTab(first) {
  const page = await first.context.newPage();
  const survey = new first.survey.constructor(page);
  await survey.open(app.url);
  return survey;
}

const drafts = (entries) =>
  Object.entries(entries)
    .filter(([key]) => key.startsWith('cyber-survey/draft/'))
    .map(([, text]) => JSON.parse(text));

/**
 * Lets a test make a tab deaf to storage events for a while: what happens when two tabs save at
 * nearly the same moment, before either has heard of the other's save. The listener must come
 * before the page's own, so it is installed before the page loads (inactive until `hold`).
 */
const deafness = ({ context }) =>
  context.addInitScript(() => {
    window.__heldKeys = [];
    window.__holding = false;
    window.addEventListener(
      'storage',
      (event) => {
        if (window.__holding && event.isTrusted) {
          event.stopImmediatePropagation();
          window.__heldKeys.push(event.key);
        }
      },
      true,
    );
  });

/** Holds the page's storage events until the returned function delivers them. */
async function holdStorageEvents(page) {
  await page.evaluate(() => {
    window.__holding = true;
  });
  return () =>
    page.evaluate(() => {
      window.__holding = false;
      for (const key of window.__heldKeys) window.dispatchEvent(new StorageEvent('storage', { key }));
      window.__heldKeys = [];
    });
}

/**
 * Two tabs on one draft (Q1-1 一郎), then the second saves 二郎 while the first, deaf to it, types
 * `value` into `itemId`: a real conflict. Returns both tabs and the first tab's notice.
 */
async function conflict(itemId, value) {
  const first = await openSurvey(app, { beforeOpen: deafness });
  await first.survey.fill(item('Q1-1'), '一郎');
  await first.survey.waitUntilSaved();
  const second = await openSecondTab(first);
  const release = await holdStorageEvents(first.page);
  await second.fill(item('Q1-1'), '二郎');
  await second.waitUntilSaved();
  await first.survey.fill(item(itemId), value);
  const notice = first.page.locator('#newer-elsewhere');
  await notice.waitFor();
  return { first, second, notice, release };
}

/** A draft named A病院 open in the first tab, deleted from the draft list in a second tab. */
async function deletedElsewhere() {
  const first = await openSurvey(app);
  await first.survey.fill(item('Q1-2'), 'A病院');
  await first.survey.waitUntilSaved();
  const second = await openSecondTab(first);
  await second.openDraftList();
  const card = second.draftCard('A病院');
  await card.getByRole('button', { name: '削除（A病院）' }).click();
  await card.getByRole('button', { name: '削除する' }).click();
  const notice = first.page.locator('#gone-elsewhere');
  await notice.waitFor();
  return { first, notice };
}

async function inViewport(locator) {
  const box = await locator.boundingBox();
  const viewport = locator.page().viewportSize();
  return Boolean(box) && box.y >= 0 && box.y + box.height <= viewport.height;
}

/** Whether `upper` ends above where `lower` begins (not covered by it). */
async function above(upper, lower) {
  const [a, b] = [await upper.boundingBox(), await lower.boundingBox()];
  return Boolean(a && b) && a.y + a.height <= b.y;
}

test('a tab with nothing unsaved shows another tab\'s save quietly, without asking', async () => {
  const first = await openSurvey(app);
  await first.survey.fill(item('Q1-1'), '一郎');
  await first.survey.waitUntilSaved();
  const second = await openSecondTab(first);
  await second.fill(item('Q1-1'), '二郎');
  await second.waitUntilSaved();
  await first.page.locator('.save-status', { hasText: '別のタブで保存された内容を表示しています' }).waitFor();
  assert.equal(await first.survey.value(item('Q1-1')), '二郎');
  assert.equal(await first.page.locator('#newer-elsewhere').isVisible(), false);
  // Typing on in the first tab goes on top of the other tab's save.
  await first.survey.fill(item('Q1-2'), '本院');
  await first.survey.waitUntilSaved();
  const [stored] = drafts(await first.survey.storedEntries());
  assert.equal(stored.answers['Q1-1'].text, '二郎');
  assert.equal(stored.answers['Q1-2'].text, '本院');
  assert.deepEqual(first.consoleErrors, []);
  await first.context.close();
});

test('a real conflict is shown where the user types, says nothing more is saved, and the user chooses', async () => {
  // Far down the form, the first tab types before it has heard of the second tab's save.
  const { first, second, notice, release } = await conflict('Q13', '8');
  assert.match(await notice.innerText(), /このタブでの変更は、まだ保存していません/);
  assert.equal(await inViewport(notice), true, 'the notice is in view beside the field being typed in');
  // The field being typed in is scrolled clear of the notice, not hidden behind it.
  await first.page.waitForFunction(() => {
    const field = document.activeElement.getBoundingClientRect();
    return field.bottom <= document.getElementById('newer-elsewhere').getBoundingClientRect().top;
  });
  assert.equal(await inViewport(first.survey.control(item('Q13'))), true);
  assert.equal(await above(first.survey.control(item('Q13')), notice), true);
  await release();
  // Typing on is not saved over the second tab's newer save.
  await first.survey.fill(item('Q1-2'), '古いタブの病院');
  let [stored] = drafts(await first.survey.storedEntries());
  assert.equal(stored.answers['Q1-1'].text, '二郎');
  assert.equal(stored.answers['Q13'], undefined);
  // Leaving now would lose this tab's change: the browser asks first.
  const asked = new Promise((resolve) => {
    first.page.once('dialog', async (dialog) => {
      await dialog.dismiss();
      resolve(dialog.type());
    });
    setTimeout(() => resolve('no dialog'), 10_000);
  });
  await first.page.reload({ timeout: 5000 }).catch(() => {});
  assert.equal(await asked, 'beforeunload');
  await notice.getByRole('button', { name: 'このタブの内容で上書き保存する' }).click();
  await first.survey.waitUntilSaved();
  [stored] = drafts(await first.survey.storedEntries());
  assert.equal(stored.answers['Q13'].text, '8');
  assert.equal(stored.answers['Q1-1'].text, '一郎');
  // The second tab had nothing unsaved: it shows the kept version without asking.
  await second.page.locator('.save-status', { hasText: '別のタブで保存された内容を表示しています' }).waitFor();
  assert.equal(await second.value(item('Q13')), '8');
  assert.deepEqual(first.consoleErrors, []);
  await first.context.close();
});

test('taking the other tab\'s version replaces only what was unsaved here', async () => {
  const { first, notice, release } = await conflict('Q1-2', '古いタブの病院');
  await release();
  await notice.getByRole('button', { name: '新しい内容を読み込む' }).click();
  assert.equal(await first.survey.value(item('Q1-1')), '二郎');
  assert.equal(await first.survey.value(item('Q1-2')), '');
  assert.equal(await notice.isVisible(), false);
  await first.context.close();
});

test('a draft deleted in another tab while this one types is not brought back until the user keeps it', async () => {
  const { first, notice } = await deletedElsewhere();
  assert.match(await notice.innerText(), /別のタブ（またはウィンドウ）で削除されました/);
  assert.equal(await first.survey.saveStatus().innerText(), 'この下書きは保存場所にありません');
  // What is typed now is kept on the page, not written back behind the other tab's back.
  await first.survey.fill(item('Q1-1'), '山田');
  assert.equal(
    drafts(await first.survey.storedEntries()).some((d) => d.answers['Q1-2']?.text === 'A病院'),
    false,
  );
  await notice.getByRole('button', { name: 'この内容で下書きを残す' }).click();
  await first.survey.waitUntilSaved();
  const kept = drafts(await first.survey.storedEntries()).find((d) => d.answers['Q1-2']?.text === 'A病院');
  assert.equal(kept?.answers['Q1-1']?.text, '山田');
  assert.deepEqual(first.consoleErrors, []);
  await first.context.close();
});

test('letting a deleted draft go opens another draft and never writes the deleted one', async () => {
  const { first, notice } = await deletedElsewhere();
  await notice.getByRole('button', { name: '残さずにほかの下書きを開く' }).click();
  assert.equal(await notice.isVisible(), false);
  assert.equal(await first.survey.value(item('Q1-2')), '');
  await first.survey.fill(item('Q1-1'), '次');
  await first.survey.waitUntilSaved();
  assert.equal(
    drafts(await first.survey.storedEntries()).some((d) => d.answers['Q1-2']?.text === 'A病院'),
    false,
  );
  await first.context.close();
});

test('storage cleared in another tab is noticed and the answers on screen can be saved again', async () => {
  const first = await openSurvey(app);
  await first.survey.fill(item('Q1-2'), 'B病院');
  await first.survey.waitUntilSaved();
  const second = await openSecondTab(first);
  await second.page.evaluate(() => localStorage.clear());
  const notice = first.page.locator('#gone-elsewhere');
  await notice.waitFor();
  assert.match(await notice.innerText(), /保存データが消去され/);
  assert.deepEqual(drafts(await first.survey.storedEntries()), []);
  await notice.getByRole('button', { name: 'この内容で下書きを残す' }).click();
  await first.survey.waitUntilSaved();
  const [kept] = drafts(await first.survey.storedEntries());
  assert.equal(kept?.answers['Q1-2']?.text, 'B病院');
  await first.context.close();
});

test('a draft deleted in another tab while this tab shows the review is noticed on return, never replaced silently', async () => {
  const first = await openSurvey(app);
  await first.survey.fill(item('Q1-2'), 'A病院');
  await first.survey.waitUntilSaved();
  await first.survey.openTools('回答を確認・印刷する');
  const second = await openSecondTab(first);
  await second.openDraftList();
  const card = second.draftCard('A病院');
  await card.getByRole('button', { name: '削除（A病院）' }).click();
  await card.getByRole('button', { name: '削除する' }).click();
  // Back on the form: the deletion is said, with the answers still there to keep.
  await first.survey.openForm();
  const notice = first.page.locator('#gone-elsewhere');
  await notice.waitFor();
  assert.equal(await first.survey.value(item('Q1-2')), 'A病院');
  await notice.getByRole('button', { name: 'この内容で下書きを残す' }).click();
  await first.survey.waitUntilSaved();
  assert.deepEqual(
    drafts(await first.survey.storedEntries())
      .filter((draft) => draft.answers['Q1-2'])
      .map((draft) => draft.answers['Q1-2'].text),
    ['A病院'],
  );
  await first.context.close();
});
