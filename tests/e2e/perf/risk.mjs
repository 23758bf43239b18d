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
import { chromium } from "@playwright/test";
import { CHROMIUM } from "../chromium.js";
import { cpus } from "node:os";
import { startServer, median, ms } from "./common.mjs";

const RUNS = 5;
const SETTLE_MS = 300;

async function fresh(browser, url) {
  const context = await browser.newContext({ locale: "en-US", viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.addInitScript(() => {
    window.__long = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__long.push(e.duration);
    }).observe({ type: "longtask", buffered: true });
  });
  await page.goto(`${url}index.html`);
  await page.getByTestId("card-npv").locator(".value").filter({ hasText: /\d/ }).waitFor();
  return { context, page };
}

/** Time from `act()` to the status saying `trials` trials are done with a new seed. */
async function timeRun(page, act, trials) {
  const before = await page.evaluate(() => document.querySelector('[data-testid="risk-status"]')?.textContent ?? "");
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
  return (await page.evaluate(() => performance.now())) - t0;
}

const { child, url } = await startServer();
const browser = await chromium.launch(CHROMIUM);
try {
  const first = [];
  const warm10k = [];
  const warm100k = [];
  const longest = [];
  for (let run = 0; run < RUNS; run++) {
    const { context, page } = await fresh(browser, url);
    first.push(await timeRun(page, () => page.getByTestId("risk-on").check(), 10_000));
    warm10k.push((await timeRun(page, () => page.getByTestId("risk-resimulate").click(), 10_000)) - SETTLE_MS);
    await page.getByTestId("risk-trials").selectOption("100000");
    await page.waitForFunction(() => document.querySelector('[data-testid="risk-status"]')?.textContent.startsWith("100,000"), null, { timeout: 120_000 });
    await page.evaluate(() => (window.__long = []));
    warm100k.push((await timeRun(page, () => page.getByTestId("risk-resimulate").click(), 100_000)) - SETTLE_MS);
    longest.push(Math.max(0, ...(await page.evaluate(() => window.__long))));
    await context.close();
  }
  console.log(`Chromium headless, ${cpus().length} cores (${cpus()[0].model}), median of ${RUNS}:`);
  console.log(`| what | median | runs |`);
  console.log(`| --- | ---: | --- |`);
  const row = (what, xs) => console.log(`| ${what} | ${ms(median(xs))} | ${xs.map((x) => x.toFixed(0)).join(", ")} |`);
  row("ranges on → first figures (settle 300 ms + worker start + 10,000 trials)", first);
  row("resimulate → figures, 10,000 trials (worker warm, settle excluded)", warm10k);
  row("resimulate → figures, 100,000 trials (worker warm, settle excluded)", warm100k);
  row("longest task on the page during 100,000 trials (0 = none ≥ 50 ms)", longest);
} finally {
  await browser.close();
  child.kill();
}
