// Page object: what a user can see and do on the survey page, by the names a user (or a screen
// reader) knows things by.
import { openPage } from '../support/browser.mjs';
import { accessibleName, item, kindOf } from '../support/survey-definition.mjs';

/** The parent answers that open every branch of the survey, in order. */
export const OPEN_EVERY_BRANCH = [
  ['Q2-1', 'はい'],
  ['Q2-2', 'はい'],
  ['Q7-1', 'はい'],
  ['Q17-1', 'はい'],
  ['Q17-2', 'はい'],
];

/**
 * A fresh browser context with the survey open; also returns what openPage records.
 * `beforeOpen` runs before navigation, for listeners that must see the page load.
 */
export async function openSurvey(app, { beforeOpen, ...options } = {}) {
  const opened = await openPage(app, options);
  await beforeOpen?.(opened);
  const survey = new SurveyPage(opened.page);
  await survey.open(app.url);
  return { ...opened, survey };
}

function escapeRegExp(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export class SurveyPage {
  constructor(page) {
    this.page = page;
  }

  async open(url) {
    await this.page.goto(url);
    await this.page.getByRole('heading', { level: 1 }).waitFor();
  }

  /** The control of an item: a textbox, a radio group or a checkbox group, found by its name. */
  control(definition) {
    const name = accessibleName(definition);
    switch (kindOf(definition)) {
      case 'text':
      case 'integer':
        return this.page.getByRole('textbox', { name, exact: true });
      case 'multiple':
        return this.page.getByRole('group', { name, exact: true });
      default:
        return this.page.getByRole('radiogroup', { name, exact: true });
    }
  }

  itemBox(definition) {
    return this.page.locator(`[id="item-${definition.id}"]`);
  }

  async fill(definition, value) {
    await this.openForm();
    await this.control(definition).fill(value);
  }

  async choose(definition, choice) {
    await this.openForm();
    await this.control(definition).getByRole('radio', { name: choice, exact: true }).check();
  }

  async tick(definition, choice, ticked = true) {
    await this.openForm();
    const box = this.control(definition).getByRole('checkbox', { name: choice, exact: true });
    await (ticked ? box.check() : box.uncheck());
  }

  /** The text in an item's textbox, read on the answering page. */
  async value(definition) {
    await this.openForm();
    return this.control(definition).inputValue();
  }

  /** Whether `choice` of a choice item is chosen, read on the answering page. */
  async isChecked(definition, choice) {
    await this.openForm();
    const role = kindOf(definition) === 'multiple' ? 'checkbox' : 'radio';
    return this.control(definition).getByRole(role, { name: choice, exact: true }).isChecked();
  }

  async isShown(definition) {
    // The form page has every item in its static markup; an item not asked is hidden.
    return this.itemBox(definition).isVisible();
  }

  errorText(definition) {
    return this.page.locator(`[id="error-${definition.id}"]`);
  }

  progressText() {
    return this.page.locator('#progress-text').innerText();
  }

  async requestCheck() {
    await this.openForm();
    await this.page.locator('form').getByRole('button', { name: '回答内容を確認する' }).click();
  }

  /** Opens every branch, including Q2-3 その他, so that all 27 items are asked. */
  async openEveryBranch() {
    for (const [id, choice] of OPEN_EVERY_BRANCH) await this.choose(item(id), choice);
    await this.tick(item('Q2-3'), 'その他');
  }

  /** Answers every item, every branch open, by the labels a user sees. */
  async fillCompleteSurvey() {
    await this.fill(item('Q1-1'), '山田 太郎');
    await this.fill(item('Q1-2'), '医療法人〇〇会 〇〇病院');
    await this.openEveryBranch();
    await this.tick(item('Q2-3'), '情報処理安全確保支援士');
    await this.fill(item('Q2-3-other'), '医療情報技師');
    await this.choose(item('Q3'), '2～4人');
    for (const id of ['Q4', 'Q5', 'Q6', 'Q7-2', 'Q8', 'Q9', 'Q10', 'Q11', 'Q12', 'Q14', 'Q15', 'Q16', 'Q17-6']) {
      await this.choose(item(id), id === 'Q14' ? 'いいえ' : 'はい');
    }
    await this.fill(item('Q13'), '12');
    await this.choose(item('Q17-3'), '2つ以上');
    await this.choose(item('Q17-4'), '2種類以上');
    await this.fill(item('Q17-5'), '7');
  }

  /** Clicks `button` (a locator) and returns the downloaded file's name and bytes. */
  async download(button) {
    const [download] = await Promise.all([this.page.waitForEvent('download'), button.click()]);
    const chunks = [];
    for await (const chunk of await download.createReadStream()) chunks.push(chunk);
    return { name: download.suggestedFilename(), bytes: Buffer.concat(chunks) };
  }

  /** Whether one of the tools screens (review, report, files, drafts) shows, rather than the form. */
  async onTools() {
    return this.page.locator('#screen-tools').isVisible();
  }

  /** The tabs that switch between the page's screens. */
  tabs() {
    return this.page.getByRole('navigation', { name: '画面の切り替え' });
  }

  /**
   * The draft list, files, CSV, review and report are screens of the same page: opens one by its
   * tab (`tabName`), as a user would (the form is saved as it is left), and waits until it has
   * rendered.
   */
  async openTools(tabName) {
    const tab = this.tabs().getByRole('link', { name: tabName, exact: true });
    if ((await tab.getAttribute('aria-current')) !== 'page') await tab.click();
    await this.toolsReady();
  }

  /** Waits until a tools screen shows its content (its module is loaded on first use). */
  async toolsReady() {
    await this.page.locator('#screen-tools:not([hidden])').waitFor();
    await this.page.locator('#tools-loading').waitFor({ state: 'detached' });
    await this.page.locator('#screen-tools :is(h2, article)').first().waitFor();
  }

  /**
   * Back to the form by its tab, as a user would; waits until the form takes input (it is inert
   * until the page's wasm has bound it). Does nothing when the form shows.
   */
  async openForm() {
    if (await this.onTools()) {
      await this.tabs().getByRole('link', { name: '回答を入力する', exact: true }).click();
      await this.page.locator('#screen-form:not([hidden])').waitFor();
    }
    await this.formReady();
  }

  /** Waits until the answering page's form takes input (inert until its wasm has bound it). */
  async formReady() {
    await this.page.locator('#survey-form:not([inert])').waitFor();
  }

  /** The CSV export panel, on the tools page. */
  async openExportPanel() {
    await this.openTools('ファイルの保存・出力');
    return this.exportPanel();
  }

  exportPanel() {
    return this.page.locator('.export-panel');
  }

  async saveCsv({ layout, encoding } = {}) {
    const panel = await this.openExportPanel();
    if (layout) await panel.getByRole('radio', { name: layout }).check();
    if (encoding) await panel.getByRole('radio', { name: encoding }).check();
    return this.download(panel.getByRole('button', { name: 'CSVファイルに保存' }));
  }

  async expandAllGuidance() {
    for (const summary of await this.page.locator('summary').all()) await summary.click();
  }

  // Drafts

  saveStatus() {
    return this.page.locator('.save-status');
  }

  async waitUntilSaved() {
    await this.page.locator('.save-status', { hasText: '自動保存しました' }).waitFor();
  }

  draftName() {
    return this.page.locator('.draft-name').innerText();
  }

  async openDraftList() {
    await this.openTools('下書きの一覧');
    return this.page.locator('#draft-list');
  }

  draftCard(name) {
    return this.page.locator('.draft-card').filter({
      has: this.page.locator('.draft-card-name strong', { hasText: new RegExp(`^${escapeRegExp(name)}$`) }),
    });
  }

  async draftNames() {
    await this.openDraftList();
    return this.page.locator('.draft-card-name strong').allInnerTexts();
  }

  async newDraft() {
    const list = await this.openDraftList();
    await list.getByRole('button', { name: '新しい下書きを作成' }).click();
  }

  async openDraft(name) {
    await this.openDraftList();
    await this.draftCard(name).getByRole('button', { name: `開く（${name}）` }).click();
  }

  /** Chooses files in the file picker: [{name, mimeType, buffer}]. */
  async loadFiles(files) {
    await this.openTools('ファイルの保存・出力');
    await this.page.locator('.file-button input[type=file]').setInputFiles(files);
  }

  /** Saves the answers as JSON through the UI and returns the file's name and text. */
  async saveJson() {
    await this.openTools('ファイルの保存・出力');
    const { name, bytes } = await this.download(this.page.getByRole('button', { name: 'JSONファイルに保存' }));
    return { name, text: bytes.toString('utf8') };
  }

  /**
   * When the browser will not keep drafts (or a save failed), the notice on the form offers the
   * answer file: its button opens the files screen, whose button saves what the form shows.
   */
  async saveJsonFromNotice() {
    await this.page.getByRole('link', { name: '回答をJSONファイルに保存する' }).first().click();
    await this.toolsReady();
    const { name, bytes } = await this.download(this.page.getByRole('button', { name: 'JSONファイルに保存' }));
    return { name, text: bytes.toString('utf8') };
  }


  /** Everything the app keeps in localStorage, by key. */
  storedEntries() {
    return this.page.evaluate(() => Object.fromEntries(Object.entries(localStorage)));
  }

  errorSummary() {
    return this.page.locator('.error-summary');
  }
}
