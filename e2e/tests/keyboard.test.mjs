// The whole survey with the keyboard alone: Tab, Space, arrow keys, Enter and typing; the focus
// is always visible; the check's summary takes focus and its links lead to the item.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startApp } from '../support/browser.mjs';
import { choicesOf, item, kindOf } from '../support/survey-definition.mjs';
import { openSurvey } from '../pages/survey-page.mjs';

let app;
before(async () => {
  app = await startApp();
});
after(async () => {
  await app?.close();
});

/** Presses Tab until the focused element satisfies `matches` (a function run in the page). */
async function tabTo(page, matches, arg) {
  for (let presses = 0; presses < 300; presses += 1) {
    await page.keyboard.press('Tab');
    if (await page.evaluate(matches, arg)) return;
  }
  throw new Error(`Tab never reached ${arg}`);
}

const focusedId = (id) => document.activeElement?.id === id;
const focusedName = (name) => document.activeElement?.name === name;

/** The focus indicator is drawn: on the control, or on the label a radio or checkbox styles. */
async function focusIsVisible(page) {
  return page.evaluate(() => {
    const element = document.activeElement;
    const drawn = (e) => e && getComputedStyle(e).outlineStyle !== 'none' && getComputedStyle(e).outlineWidth !== '0px';
    const label = element?.id ? document.querySelector(`label[for="${element.id}"]`) : null;
    return drawn(element) || drawn(label);
  });
}

async function answerByKeyboard(page, id, answer) {
  const definition = item(id);
  const kind = kindOf(definition);
  if (kind === 'text' || kind === 'integer') {
    await tabTo(page, focusedId, `field-${id}`);
    assert.ok(await focusIsVisible(page), `${id} focus ring`);
    await page.keyboard.type(answer);
  } else if (kind === 'multiple') {
    for (const choice of answer) {
      const index = choicesOf(definition).indexOf(choice);
      await tabTo(page, focusedId, index === 0 ? `field-${id}` : `field-${id}-${index}`);
      await page.keyboard.press('Space');
    }
  } else {
    await tabTo(page, focusedName, `answer-${id}`);
    assert.ok(await focusIsVisible(page), `${id} focus ring`);
    await page.keyboard.press('Space');
    const steps = choicesOf(definition).indexOf(answer);
    for (let i = 0; i < steps; i += 1) await page.keyboard.press('ArrowRight');
  }
}

test('the whole survey can be completed with the keyboard alone', async () => {
  const { context, page, survey, consoleErrors } = await openSurvey(app);
  // Check first: focus moves to the summary, whose first link leads to Q1-1.
  await tabTo(page, () => document.activeElement?.matches('form button[type=submit]'));
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.activeElement?.id === 'check-result');
  await page.keyboard.press('Tab');
  assert.match(await page.evaluate(() => document.activeElement?.textContent), /^Q1-1 回答者の氏名/);
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.activeElement?.id === 'field-Q1-1');
  await page.keyboard.type('山田 太郎');

  const answers = [
    ['Q1-2', '医療法人〇〇会 〇〇病院'],
    ['Q2-1', 'はい'],
    ['Q2-2', 'はい'],
    ['Q2-3', ['基本情報技術者', 'その他']],
    ['Q2-3-other', '医療情報技師'],
    ['Q3', '5～9人'],
    ['Q4', 'はい'],
    ['Q5', 'いいえ'],
    ['Q6', 'はい'],
    ['Q7-1', 'はい'],
    ['Q7-2', 'はい'],
    ['Q8', 'はい'],
    ['Q9', 'はい'],
    ['Q10', 'はい'],
    ['Q11', 'はい'],
    ['Q12', 'はい'],
    ['Q13', '13'],
    ['Q14', 'はい'],
    ['Q15', 'はい'],
    ['Q16', 'はい'],
    ['Q17-1', 'はい'],
    ['Q17-2', 'はい'],
    ['Q17-3', '2つ以上'],
    ['Q17-4', '2種類以上'],
    ['Q17-5', '3'],
    ['Q17-6', 'はい'],
  ];
  for (const [id, answer] of answers) await answerByKeyboard(page, id, answer);
  assert.equal(await survey.progressText(), '必須の26問すべてに回答済みです');
  assert.equal(await survey.isChecked(item('Q5'), 'いいえ'), true);
  assert.equal(await survey.isChecked(item('Q3'), '5～9人'), true);
  await tabTo(page, () => document.activeElement?.matches('form button[type=submit]'));
  await page.keyboard.press('Enter');
  await page.getByRole('status').filter({ hasText: '入力内容に問題はありません' }).waitFor();
  assert.deepEqual(consoleErrors, []);
  await context.close();
});

test('opening and closing a branch is announced politely without moving focus', async () => {
  const { context, page, survey } = await openSurvey(app);
  await survey.choose(item('Q17-1'), 'はい');
  const announcer = page.locator('#announcer');
  assert.equal(await announcer.getAttribute('aria-live'), 'polite');
  await page.waitForFunction(() => document.getElementById('announcer')?.textContent === 'Q17-2 の設問が表示されました。');
  await survey.choose(item('Q17-2'), 'はい');
  await survey.choose(item('Q17-1'), 'いいえ');
  assert.equal(await announcer.innerText(), 'Q17-2、Q17-3、Q17-4、Q17-5、Q17-6 の設問が非表示になりました（回答は残っています）。');
  assert.equal(await page.evaluate(() => document.activeElement?.name), 'answer-Q17-1');
  await context.close();
});

test('with text at 200% nothing is cut off and nothing scrolls sideways', async () => {
  const { context, page, survey } = await openSurvey(app, { viewport: { width: 1280, height: 800 } });
  const enlarge = () =>
    page.evaluate(() => {
      document.documentElement.style.fontSize = '200%';
    });
  const widths = () =>
    page.evaluate(() => ({
      document: document.documentElement.scrollWidth,
      viewport: document.documentElement.clientWidth,
    }));
  await enlarge();
  await survey.openEveryBranch();
  await survey.requestCheck();
  await survey.errorSummary().waitFor();
  const form = await widths();
  assert.ok(form.document <= form.viewport, `answering page: ${JSON.stringify(form)}`);
  // The draft list is on the tools page: a page of its own, enlarged again once it is open.
  await survey.openDraftList();
  await enlarge();
  const list = await widths();
  assert.ok(list.document <= list.viewport, `draft list: ${JSON.stringify(list)}`);
  await context.close();
});
