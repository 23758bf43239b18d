// Measures the risk simulation (issue 15) in the built app (../../dist), in headless
// Chromium, and prints the figures. A measurement, not a test: no assertions.
//
//   bash scripts/build.sh            (from the repository root, tools on PATH)
//   cd tests/e2e && node perf/risk.mjs
//
// Figures (median of RUNS, each a fresh browser context):
//   1. Ranges switched on → first figures in the DOM: includes the 300 ms the inputs must
//      settle, starting the worker (fetching and compiling worker_bg.wasm) and 10,000
//      trials with every default range (45 drivers).
//   2. "Resimulate" (a new seed, the worker warm) → figures in the DOM, less the 300 ms
//      settle: the worker's 10,000 trials, the summary and the page's redraw; the same for
//      100,000 trials.
//   3. The page's longest task (PerformanceObserver "longtask", ≥ 50 ms by definition)
//      while the worker simulates 100,000 trials, and the slider → DOM time with ranges
//      on (the simulation reruns in the background as the slider moves).
//
// Figures 1 and 2 are timed from Node: they include Playwright's click (it waits for
// the button to be still over two animation frames) and the polling of the DOM (one
// animation frame), some 30–60 ms that are neither the worker's nor the page's. So
// the page also times, with its own clock (stamps of the page's events, and a wrapper
// of `Worker` that notes when the request is posted and when its figures arrive):
//   - click → figures in the DOM, less the 300 ms settle (the settle's own timer lag,
//     the worker's round trip, the page's redraw);
//   - request posted → figures received (the worker alone: reading the request, the
//     trials, the summary, posting it back).
// These are taken over REPEATS resimulations in each context (p50, p95 of all).
import { chromium } from "@playwright/test";
import { CHROMIUM } from "../chromium.js";
import { cpus, loadavg } from "node:os";
import { startServer, median, ms, stats } from "./common.mjs";

const RUNS = Number(process.env.RUNS ?? 5);
const REPEATS = Number(process.env.REPEATS ?? 6);
const SETTLE_MS = 300;

async function fresh(browser, url) {
  const context = await browser.newContext({ locale: "en-US", viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.addInitScript(() => {
    window.__long = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__long.push(e.duration);
    }).observe({ type: "longtask", buffered: true });
    // The page's own stamps (see the header): the last click, the risk request posted
    // to the worker, its figures back, and each new text of the status line.
    window.__stamps = { click: 0, send: 0, reply: 0, status: [] };
    const Base = window.Worker;
    window.Worker = class extends Base {
      constructor(...args) {
        super(...args);
        // Listens before the page's own handler (set later), so the stamp is the arrival.
        this.addEventListener("message", (e) => {
          if (e.data instanceof Float64Array && e.data[0] === 1) window.__stamps.reply = performance.now();
        });
      }
      postMessage(message, ...rest) {
        if (typeof message === "string" && message.startsWith("risk ")) window.__stamps.send = performance.now();
        return super.postMessage(message, ...rest);
      }
    };
    document.addEventListener("click", () => (window.__stamps.click = performance.now()), true);
    let last = null;
    new MutationObserver(() => {
      const text = document.querySelector('[data-testid="risk-status"]')?.textContent ?? "";
      if (text !== last) window.__stamps.status.push([(last = text), performance.now()]);
    }).observe(document, { subtree: true, childList: true, characterData: true });
  });
  await page.goto(`${url}index.html`);
  await page.getByTestId("card-npv").locator(".value").filter({ hasText: /\d/ }).waitFor();
  return { context, page };
}

/** Time from `act()` to the status saying `trials` trials are done with a new seed, as
 * Node sees it; `inPage` (click → that status, by the page's clock) and `worker`
 * (request posted → figures back) as the page does. */
async function timeRun(page, act, trials) {
  const before = await page.evaluate(() => {
    window.__stamps = { click: 0, send: 0, reply: 0, status: [] };
    return document.querySelector('[data-testid="risk-status"]')?.textContent ?? "";
  });
  const t0 = await page.evaluate(() => performance.now());
  await act();
  await page.waitForFunction(
    ([old, n]) => {
      const t = document.querySelector('[data-testid="risk-status"]')?.textContent ?? "";
      return t !== old && t.startsWith(`${n} trials`);
    },
    [before, trials.toLocaleString("en-US")],
    { timeout: 120_000, polling: "raf" },
  );
  const outer = (await page.evaluate(() => performance.now())) - t0;
  const s = await page.evaluate(() => window.__stamps);
  const done = s.status.filter(([t]) => t.startsWith(`${trials.toLocaleString("en-US")} trials`)).pop();
  return { outer, inPage: done[1] - s.click, worker: s.reply - s.send };
}

const { child, url } = await startServer();
const browser = await chromium.launch(CHROMIUM);
try {
  const first = [];
  const warm10k = [];
  const warm100k = [];
  const longest = [];
  const page10k = [];
  const worker10k = [];
  const worker100k = [];
  for (let run = 0; run < RUNS; run++) {
    const { context, page } = await fresh(browser, url);
    first.push((await timeRun(page, () => page.getByTestId("risk-on").check(), 10_000)).outer);
    for (let k = 0; k < REPEATS; k++) {
      const t = await timeRun(page, () => page.getByTestId("risk-resimulate").click(), 10_000);
      if (k === 0) warm10k.push(t.outer - SETTLE_MS);
      page10k.push(t.inPage - SETTLE_MS);
      worker10k.push(t.worker);
    }
    await page.getByTestId("risk-trials").selectOption("100000");
    await page.waitForFunction(() => document.querySelector('[data-testid="risk-status"]')?.textContent.startsWith("100,000"), null, { timeout: 120_000 });
    await page.evaluate(() => (window.__long = []));
    const t = await timeRun(page, () => page.getByTestId("risk-resimulate").click(), 100_000);
    warm100k.push(t.outer - SETTLE_MS);
    worker100k.push(t.worker);
    longest.push(Math.max(0, ...(await page.evaluate(() => window.__long))));
    await context.close();
  }
  console.log(`Chromium headless, ${cpus().length} cores (${cpus()[0].model}), load average ${loadavg().map((x) => x.toFixed(1)).join(", ")}, median of ${RUNS}:`);
  console.log(`| what | median | runs |`);
  console.log(`| --- | ---: | --- |`);
  const row = (what, xs) => console.log(`| ${what} | ${ms(median(xs))} | ${xs.map((x) => x.toFixed(0)).join(", ")} |`);
  row("ranges on → first figures (settle 300 ms + worker start + 10,000 trials)", first);
  row("resimulate → figures, 10,000 trials (worker warm, settle excluded)", warm10k);
  row("resimulate → figures, 100,000 trials (worker warm, settle excluded)", warm100k);
  row("longest task on the page during 100,000 trials (0 = none ≥ 50 ms)", longest);
  row("worker's round trip, 100,000 trials (request posted → figures back)", worker100k);
  console.log(`\nBy the page's clock, ${page10k.length} resimulations of 10,000 trials (${RUNS} contexts × ${REPEATS}):`);
  console.log(`| what | p50 | p95 | max |`);
  console.log(`| --- | ---: | ---: | ---: |`);
  const spread = (what, xs) => {
    const s = stats(xs);
    console.log(`| ${what} | ${ms(s.p50)} | ${ms(s.p95)} | ${ms(s.max)} |`);
  };
  spread("click → figures in the DOM, settle excluded", page10k);
  spread("worker's round trip (request posted → figures back)", worker10k);
  console.log(`load average after: ${loadavg().map((x) => x.toFixed(1)).join(", ")}`);
} finally {
  await browser.close();
  child.kill();
}
