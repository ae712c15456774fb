// Page object for the overview page (overview.html, served at <base>overview/): what a prefecture's
// officer does there, in the words the page shows.
import { openPage } from '../support/browser.mjs';

export async function openOverview(app, options = {}) {
  const opened = await openPage(app, options);
  await opened.page.goto(`${app.url}overview/`);
  const overview = new OverviewPage(opened.page);
  await overview.ready();
  return { ...opened, overview };
}

export class OverviewPage {
  constructor(page) {
    this.page = page;
  }

  async ready() {
    await this.page.getByRole('heading', { level: 1, name: '回答ファイルの集計' }).waitFor();
  }

  status() {
    return this.page.locator('.load-status');
  }

  /** Chooses files with 「ファイルを選ぶ」 and waits until they are counted. */
  async chooseFiles(files) {
    await this.page.getByLabel('ファイルを選ぶ').setInputFiles(files);
    await this.waitUntilCounted();
  }

  async waitUntilCounted() {
    await this.page.waitForFunction(() => /集計しました/.test(document.querySelector('.load-status')?.textContent ?? ''), null, { timeout: 60_000 });
  }

  /** The four counts at the top: files read, hospitals counted, duplicates dropped, bad files. */
  async fileCounts() {
    const values = await this.page.locator('.file-counts dd').allInnerTexts();
    const [files, hospitals, dropped, rejected] = values.map((text) => Number(text.replace(/[^0-9]/g, '')));
    return { files, hospitals, dropped, rejected };
  }

  /** The item's section in 「設問ごとの集計」, found by its heading (項番 and wording). */
  itemSummary(definition) {
    return this.page.locator('.overview-item').filter({ has: this.page.getByRole('heading', { level: 4, name: `${definition.number} ${definition.text}`, exact: true }) });
  }

  /** Choice → count, as the item's table shows it. */
  async choiceCounts(definition) {
    const rows = this.itemSummary(definition).locator('tbody tr');
    const counts = {};
    for (const row of await rows.all()) {
      const choice = (await row.locator('th').innerText()).trim();
      counts[choice] = Number((await row.locator('td').first().innerText()).trim());
    }
    return counts;
  }

  async addFilter(definition, choice) {
    await this.page.getByLabel('設問', { exact: true }).selectOption(definition.id);
    await this.page.getByLabel('回答', { exact: true }).selectOption({ label: choice });
    await this.page.getByRole('button', { name: '条件に加える' }).click();
  }

  filterCount() {
    return this.page.locator('.filter-count');
  }

  rejectedList() {
    return this.page.locator('details.file-problems').filter({ hasText: '読み込めなかったファイル' });
  }

  droppedList() {
    return this.page.locator('details.file-problems').filter({ hasText: '古いファイルとして除いた' });
  }

  hospitalRows() {
    return this.page.locator('.hospital-table tbody tr');
  }

  async download(buttonName) {
    const [download] = await Promise.all([
      this.page.waitForEvent('download'),
      this.page.getByRole('button', { name: buttonName }).click(),
    ]);
    const stream = await download.createReadStream();
    const chunks = [];
    for await (const chunk of stream) chunks.push(chunk);
    return { name: download.suggestedFilename(), bytes: Buffer.concat(chunks) };
  }
}
