// The two other engines the smoke tests drive, stock as Debian ships them (scripts/setup installs
// them): Firefox ESR through puppeteer-core over WebDriver BiDi, and WebKitGTK (Safari's engine)
// through its WebDriver (WebKitWebDriver, MiniBrowser under Xvfb) with selenium-webdriver.
// playwright-core cannot drive either. Both are wrapped in one small page helper, so that the
// smoke scenario (smoke.mjs) is written once: open a page, run a function in it, wait for a
// condition, click, type, choose files, list what was downloaded, and the page's errors.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const FIREFOX_PATH = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
export const WEBKIT_DRIVER_PATH = process.env.WEBKIT_DRIVER_PATH ?? '/usr/bin/WebKitWebDriver';
export const MINIBROWSER_PATH = process.env.MINIBROWSER_PATH ?? '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';

const sleep = (ms) => new Promise((done) => setTimeout(done, ms));

/** The element a click or typing goes to: the first match of `selector`, or of it with `text`. */
function target(selector, text) {
  const candidates = [...document.querySelectorAll(selector)];
  const element = text == null ? candidates[0] : candidates.find((e) => e.textContent.trim() === text);
  if (!element) return false;
  for (const old of document.querySelectorAll('[data-smoke-target]')) old.removeAttribute('data-smoke-target');
  element.setAttribute('data-smoke-target', '');
  // Below the fold under scroll-padding-top WebKit's WebDriver clicks the wrong place: every
  // element is brought to the middle of the view first.
  element.scrollIntoView({ block: 'center' });
  return true;
}

/** What both engines share: waiting, and finding an element by its selector and text. */
class Engine {
  constructor(name) {
    this.name = name;
    this.scratch = mkdtempSync(join(tmpdir(), `cyber-survey-${name}-`));
  }

  /** Polls `fn` in the page until it returns something truthy, which it returns. */
  async waitFor(fn, args = [], { timeout = 20_000, what = String(fn) } = {}) {
    const end = Date.now() + timeout;
    let last;
    for (;;) {
      try {
        last = await this.evaluate(fn, ...args);
        if (last) return last;
      } catch (error) {
        // A page navigating away answers nothing for a moment.
        last = error;
      }
      if (Date.now() > end) throw new Error(`${this.name}: timed out waiting for ${what} (last: ${last})`);
      await sleep(100);
    }
  }

  async mark(selector, text) {
    await this.waitFor(target, [selector, text], { what: `${selector} ${text ?? ''}` });
    return '[data-smoke-target]';
  }

  /** Files downloaded so far, by name (the newest last). */
  downloads() {
    return readdirSync(this.downloadDir).filter((name) => !name.startsWith('.') && !/\.(part|download)$/.test(name));
  }

  cleanUp() {
    rmSync(this.scratch, { recursive: true, force: true });
  }
}

class FirefoxEngine extends Engine {
  static async start() {
    const engine = new FirefoxEngine('firefox');
    try {
      return await engine.launch();
    } catch (error) {
      await engine.close();
      throw error;
    }
  }

  async launch() {
    const engine = this;
    const { default: puppeteer } = await import('puppeteer-core');
    engine.browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath: FIREFOX_PATH,
      headless: true,
      extraPrefsFirefox: { 'intl.accept_languages': 'ja-JP, ja' },
    });
    engine.downloadDir = join(engine.scratch, 'downloads');
    const context = await engine.browser.createBrowserContext({ downloadBehavior: { policy: 'allow', downloadPath: engine.downloadDir } });
    engine.page = await context.newPage();
    engine.errors = [];
    engine.page.on('console', (message) => {
      if (message.type() === 'error') engine.errors.push(message.text());
    });
    engine.page.on('pageerror', (error) => engine.errors.push(String(error)));
    return engine;
  }

  async goto(url) {
    await this.page.goto(url);
  }

  /** After a navigation the page started (a link clicked): nothing to do, events see every page. */
  async afterLoad() {}

  async reload() {
    await this.page.reload();
  }

  url() {
    return this.page.url();
  }

  evaluate(fn, ...args) {
    return this.page.evaluate(fn, ...args);
  }

  async click(selector, text) {
    await this.page.click(await this.mark(selector, text));
  }

  async type(selector, text) {
    await this.page.type(await this.mark(selector), text);
  }

  async chooseFile(selector, path) {
    const input = await this.page.$(selector);
    await input.uploadFile(path);
  }

  async pageErrors() {
    return this.errors;
  }

  async close() {
    await this.browser?.close();
    this.cleanUp();
  }
}

/** A free loopback port for the WebDriver. */
function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

// WebKit's WebDriver reports no console messages, so the page's errors are caught in the page:
// console.error and uncaught errors, from the moment each page is loaded (checked again at the end).
function watchErrors() {
  if (window.__smokeErrors) return;
  window.__smokeErrors = [];
  const original = console.error.bind(console);
  console.error = (...args) => {
    window.__smokeErrors.push(args.map(String).join(' '));
    original(...args);
  };
  window.addEventListener('error', (event) => window.__smokeErrors.push(`${event.message}`));
  window.addEventListener('unhandledrejection', (event) => window.__smokeErrors.push(`unhandled rejection: ${event.reason}`));
}

class WebKitEngine extends Engine {
  static async start() {
    const engine = new WebKitEngine('webkit');
    try {
      return await engine.launch();
    } catch (error) {
      await engine.close();
      throw error;
    }
  }

  async launch() {
    const engine = this;
    const { Builder } = await import('selenium-webdriver');
    engine.By = (await import('selenium-webdriver')).By;
    // MiniBrowser saves downloads in the home directory (there is no XDG download folder here).
    engine.downloadDir = join(engine.scratch, 'home');
    mkdirSync(engine.downloadDir);
    const port = await freePort();
    engine.driverProcess = spawn('xvfb-run', ['-a', WEBKIT_DRIVER_PATH, `--port=${port}`], {
      stdio: 'ignore',
      detached: true,
      env: { ...process.env, HOME: engine.downloadDir, LANG: 'ja_JP.UTF-8' },
    });
    const driverUrl = `http://127.0.0.1:${port}`;
    for (let tries = 0; ; tries += 1) {
      const ready = await fetch(`${driverUrl}/status`).then((r) => r.ok, () => false);
      if (ready) break;
      if (tries > 150) throw new Error('WebKitWebDriver did not start');
      await sleep(100);
    }
    engine.driver = await new Builder()
      .usingServer(driverUrl)
      .withCapabilities({
        browserName: 'MiniBrowser',
        'webkitgtk:browserOptions': { binary: MINIBROWSER_PATH, args: ['--automation'] },
      })
      .build();
    engine.errors = [];
    return engine;
  }

  async afterLoad() {
    // Errors caught in the page that is being left are kept.
    await this.collectErrors();
    await this.evaluate(watchErrors);
  }

  async collectErrors() {
    const errors = await this.evaluate(() => window.__smokeErrors?.splice(0) ?? []).catch(() => []);
    this.errors.push(...errors);
  }

  async goto(url) {
    await this.collectErrors();
    await this.driver.get(url);
    await this.afterLoad();
  }

  async reload() {
    await this.collectErrors();
    await this.driver.navigate().refresh();
    await this.afterLoad();
  }

  url() {
    return this.driver.getCurrentUrl();
  }

  async evaluate(fn, ...args) {
    const script = `const done = arguments[arguments.length - 1];
      Promise.resolve().then(() => (${fn}).apply(null, Array.prototype.slice.call(arguments, 0, -1)))
        .then((value) => done({ value: value === undefined ? null : value }), (error) => done({ error: String(error) }));`;
    const result = await this.driver.executeAsyncScript(script, ...args);
    if (result?.error) throw new Error(result.error);
    return result?.value;
  }

  async click(selector, text) {
    await (await this.driver.findElement(this.By.css(await this.mark(selector, text)))).click();
  }

  async type(selector, text) {
    await (await this.driver.findElement(this.By.css(await this.mark(selector)))).sendKeys(text);
  }

  async chooseFile(selector, path) {
    await (await this.driver.findElement(this.By.css(selector))).sendKeys(path);
  }

  /** Errors caught so far; a navigation by a click installs the hooks in the new page. */
  async pageErrors() {
    await this.collectErrors();
    return this.errors;
  }

  async close() {
    await this.driver?.quit().catch(() => {});
    if (this.driverProcess?.pid) {
      try {
        process.kill(-this.driverProcess.pid, 'SIGTERM');
      } catch {
        // Already gone.
      }
    }
    this.cleanUp();
  }
}

export const ENGINES = { firefox: FirefoxEngine, webkit: WebKitEngine };

/** Starts the named engine ('firefox' or 'webkit') with a fresh profile. */
export function startEngine(name) {
  return ENGINES[name].start();
}
