// The engine suite's two drivers, behind one small interface (`Tab`):
// - Firefox ESR over WebDriver BiDi, with puppeteer-core (no browser download: it
//   starts Debian's /usr/bin/firefox-esr);
// - WebKitGTK's MiniBrowser over W3C WebDriver: plain fetch calls to WebKitWebDriver,
//   which engines/run.sh starts on a virtual display.
// A tab is a page in a profile of its own (fresh storage). Its methods act on the
// current document: the page's, or a frame's after `frame(selector)`.
import puppeteer from "puppeteer-core";

export const VIEWPORT = { width: 1280, height: 900 };

/** What both drivers share: navigation that keeps the page-error record of each document. */
class Tab {
  /** Problems recorded by documents this tab has left (engines/record.js), with their URL. */
  seen = [];

  /** Moves what the current document recorded into `seen` (nothing for a page without the recorder). */
  async collect() {
    const found = await this.eval(() => {
      const list = window.__engineProblems;
      return list ? { url: location.href, problems: list.splice(0) } : null;
    }).catch(() => null);
    if (found) this.seen.push(...found.problems.map((p) => `${p} [${found.url}]`));
  }

  /** Removes the recorded problems matching `pattern` (an expected browser message); returns how many. */
  drop(pattern) {
    const before = this.seen.length;
    this.seen = this.seen.filter((p) => !pattern.test(p));
    return before - this.seen.length;
  }

  async goto(url) {
    await this.collect();
    await this.load(url);
  }

  async reload() {
    await this.collect();
    await this.refresh();
  }

  /** Everything recorded so far, the current document included. */
  async problems() {
    await this.top();
    await this.collect();
    return this.seen;
  }

  /** The trimmed text of the first element matching `selector`, or null. */
  text(selector) {
    return this.eval((s) => document.querySelector(s)?.textContent.trim() ?? null, selector);
  }

  /** The value of the input matching `selector`, or null. */
  value(selector) {
    return this.eval((s) => document.querySelector(s)?.value ?? null, selector);
  }

  /** Focuses the element matching `selector`. */
  focus(selector) {
    return this.eval((s) => document.querySelector(s).focus(), selector);
  }

  /** Focuses the element matching `selector` and presses `key` there. */
  async pressOn(selector, key) {
    await this.focus(selector);
    await this.press(key);
  }

  /** Replaces a text field's content by typing `text` key by key, as a person would. */
  async type(selector, text) {
    await this.eval((s) => {
      const input = document.querySelector(s);
      input.focus();
      input.select();
    }, selector);
    await this.keys(text);
  }
}

// ------------------------------------------------------------------ Firefox (BiDi)

class FirefoxTab extends Tab {
  constructor(context, page) {
    super();
    this.context = context;
    this.page = page;
    this.current = page.mainFrame();
    // Besides the recorder: what Firefox itself reports for the page.
    page.on("pageerror", (e) => this.seen.push(`pageerror (Firefox): ${e.message}`));
    page.on("console", (m) => {
      if (m.type() === "error") this.seen.push(`console error (Firefox): ${m.text()}`);
    });
  }
  async load(url) {
    this.current = this.page.mainFrame();
    await this.page.goto(url, { waitUntil: "load" });
  }
  async refresh() {
    this.current = this.page.mainFrame();
    await this.page.reload({ waitUntil: "load" });
  }
  url() {
    return this.page.url();
  }
  eval(fn, ...args) {
    return this.current.evaluate(fn, ...args);
  }
  async click(selector) {
    const element = await this.current.waitForSelector(selector, { visible: true, timeout: 15_000 });
    await element.click();
  }
  press(key) {
    return this.page.keyboard.press(key);
  }
  keys(text) {
    return this.page.keyboard.type(text);
  }
  async frame(selector) {
    const element = await this.page.waitForSelector(selector, { timeout: 15_000 });
    this.current = await element.contentFrame();
  }
  async top() {
    this.current = this.page.mainFrame();
  }
  close() {
    return this.context.close();
  }
}

/** Firefox ESR, started once; each `profile()` is a new browser context (its own storage). */
export async function firefox() {
  const browser = await puppeteer.launch({
    browser: "firefox",
    executablePath: process.env.FIREFOX ?? "/usr/bin/firefox-esr",
    headless: true,
    extraPrefsFirefox: { "intl.accept_languages": "en-US" },
  });
  return {
    version: await browser.version(),
    single: false,
    async profile() {
      const context = await browser.createBrowserContext();
      const page = await context.newPage();
      await page.setViewport(VIEWPORT);
      return new FirefoxTab(context, page);
    },
    close: () => browser.close(),
  };
}

// ------------------------------------------------------------------ WebKit (W3C WebDriver)

const ELEMENT = "element-6066-11e4-a52e-4f735466cecf";
/** WebDriver's key codes for the keys the suite presses. */
const KEYS = { ArrowLeft: "\uE012", ArrowUp: "\uE013", ArrowRight: "\uE014", ArrowDown: "\uE015", Escape: "\uE00C", Tab: "\uE004", Enter: "\uE007" };

class WebKitTab extends Tab {
  constructor(driver, session) {
    super();
    this.base = `${driver}/session/${session}`;
  }
  async cmd(method, path, body) {
    const response = await fetch(this.base + path, {
      method,
      headers: { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const json = await response.json();
    if (!response.ok) throw new Error(`WebDriver ${method} ${path}: ${json.value?.error}: ${json.value?.message}`);
    return json.value;
  }
  load(url) {
    return this.cmd("POST", "/url", { url });
  }
  refresh() {
    return this.cmd("POST", "/refresh", {});
  }
  url() {
    return this.cmd("GET", "/url");
  }
  eval(fn, ...args) {
    return this.cmd("POST", "/execute/sync", { script: `return (${fn}).apply(null, arguments);`, args });
  }
  /** The element matching `selector`, waiting for it up to 15 s. */
  async find(selector) {
    const until = Date.now() + 15_000;
    for (;;) {
      try {
        return (await this.cmd("POST", "/element", { using: "css selector", value: selector }))[ELEMENT];
      } catch (e) {
        if (Date.now() > until) throw e;
        await new Promise((done) => setTimeout(done, 100));
      }
    }
  }
  async click(selector) {
    await this.cmd("POST", `/element/${await this.find(selector)}/click`, {});
  }
  async actions(values) {
    const actions = values.flatMap((value) => [
      { type: "keyDown", value },
      { type: "keyUp", value },
    ]);
    await this.cmd("POST", "/actions", { actions: [{ type: "key", id: "keyboard", actions }] });
    await this.cmd("DELETE", "/actions");
  }
  press(key) {
    return this.actions([KEYS[key] ?? key]);
  }
  keys(text) {
    return this.actions([...text]);
  }
  async frame(selector) {
    await this.cmd("POST", "/frame", { id: { [ELEMENT]: await this.find(selector) } });
  }
  async top() {
    await this.cmd("POST", "/frame", { id: null });
  }
  close() {
    return this.cmd("DELETE", "");
  }
}

/**
 * WebKitGTK through the WebKitWebDriver at `driver` (http://127.0.0.1:port); each
 * `profile()` is a new WebDriver session, i.e. a new MiniBrowser with its own storage.
 * The driver runs one session at a time (`single`): a new profile ends the one before.
 */
export function webkit(driver, binary) {
  return {
    version: null,
    single: true,
    async profile() {
      const response = await fetch(`${driver}/session`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({
          capabilities: { alwaysMatch: { "webkitgtk:browserOptions": { binary, args: ["--automation"] } } },
        }),
      });
      const json = await response.json();
      if (!response.ok) throw new Error(`WebDriver new session: ${json.value?.error}: ${json.value?.message}`);
      this.version = `MiniBrowser ${json.value.capabilities.browserVersion}`;
      const tab = new WebKitTab(driver, json.value.sessionId);
      await tab.cmd("POST", "/window/rect", VIEWPORT).catch(() => {});
      return tab;
    },
    close: async () => {},
  };
}
