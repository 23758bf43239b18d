// Measures the built app (../../dist) in headless Chromium and prints the figures, with a
// Markdown table for docs/PERFORMANCE.md. A measurement, not a test: no assertions.
//
//   bash scripts/build.sh            (from the repository root, tools on PATH)
//   cd tests/e2e && node perf/measure.mjs
//
// Figures:
//   1. First-load transfer: every file the page requests on a first visit, raw and
//      gzip -9 (node's zlib on the files in dist/), by kind, and the total.
//   2. Time to first result: navigation start → the NPV card's figure in the DOM
//      (a MutationObserver installed before any script runs) and → the next frame after
//      it; median of 5 fresh loads, each in a new browser context (empty cache/storage).
//   3. Slider input → repaint: 120 steps (after 10 warm-up steps) on the churn-after
//      slider, alternating 13 ↔ 12.5 so each step changes the result. Each step sets the
//      value and dispatches `input`; the start is taken by a capturing `input` listener on
//      window (before the app's own handler), the end after the NPV text changed and then
//      requestAnimationFrame + setTimeout(0), i.e. once the frame showing it was produced.
//   4. Measurement screen, with the example loaded: tab click → scorecard filled (median
//      of 5 fresh contexts), and typing a figure → its KPI card updated / next frame, the
//      same way as the slider.
//   5. First opening of each lazily loaded screen: tab click → the screen's heading in
//      the DOM. Cold: a fresh context, so its part comes from the server. Warm: the same
//      context after the service worker has cached every file and the page was reloaded,
//      so the part comes from the cache and is compiled again. Median of 5 each.
import { chromium } from "@playwright/test";
import { CHROMIUM } from "../chromium.js";
import { readFileSync } from "node:fs";
import { cpus } from "node:os";
import { extname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { startServer, median, percentile, stats, ms } from "./common.mjs";

const DIST = fileURLToPath(new URL("../../../dist/", import.meta.url));
const LOADS = 5;
const WARMUP_STEPS = 10;
const STEPS = 120;

// ------------------------------------------------------------------ helpers

const kib = (bytes) => `${(bytes / 1024).toFixed(1)} KiB`;
const bytesCell = (bytes) => `${bytes.toLocaleString("en-US")} B (${kib(bytes)})`;

function kindOf(file) {
  const ext = extname(file);
  if (ext === ".wasm") return "wasm";
  if (ext === ".js" || ext === ".mjs") return "JS";
  if (ext === ".css") return "CSS";
  if (ext === ".html") return "HTML";
  return "other";
}

// ------------------------------------------------------------------ measurements

/** Files requested on a first visit, from the page's own requests. */
async function firstLoadFiles(browser, url) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: "en-US" });
  const page = await context.newPage();
  const requested = new Set();
  page.on("requestfinished", (req) => {
    const u = new URL(req.url());
    if (u.origin === new URL(url).origin) requested.add(u.pathname === "/" ? "index.html" : decodeURIComponent(u.pathname.slice(1)));
  });
  await page.goto(url);
  await page.waitForFunction(() => document.querySelector("[data-testid=card-npv] .value")?.textContent.trim());
  await page.waitForLoadState("networkidle");
  await context.close();
  return [...requested].sort();
}

function transferSizes(files) {
  const rows = files.map((name) => {
    const body = readFileSync(join(DIST, name));
    return { name, kind: kindOf(name), raw: body.length, gzip: gzipSync(body, { level: 9 }).length };
  });
  const byKind = {};
  for (const r of rows) {
    byKind[r.kind] ??= { raw: 0, gzip: 0, files: [] };
    byKind[r.kind].raw += r.raw;
    byKind[r.kind].gzip += r.gzip;
    byKind[r.kind].files.push(r.name);
  }
  const total = rows.reduce((t, r) => ({ raw: t.raw + r.raw, gzip: t.gzip + r.gzip }), { raw: 0, gzip: 0 });
  return { rows, byKind, total };
}

/** One fresh load: ms from navigation start to the first result in the DOM / painted. */
async function timeToFirstResult(browser, url) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: "en-US" });
  await context.addInitScript(() => {
    const done = (dom) => {
      window.__firstResult = { dom };
      requestAnimationFrame(() => setTimeout(() => (window.__firstResult.frame = performance.now()), 0));
    };
    const check = () => {
      const v = document.querySelector("[data-testid=card-npv] .value");
      if (v && v.textContent.trim()) {
        observer.disconnect();
        done(performance.now());
      }
    };
    const observer = new MutationObserver(check);
    observer.observe(document, { childList: true, subtree: true, characterData: true });
  });
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForFunction(() => window.__firstResult?.frame !== undefined);
  // First-contentful-paint is reported asynchronously: give it a moment.
  await page
    .waitForFunction(() => performance.getEntriesByName("first-contentful-paint").length > 0, null, { timeout: 2000 })
    .catch(() => {});
  const result = await page.evaluate(() => ({
    ...window.__firstResult,
    fcp: performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? null,
  }));
  await context.close();
  return result;
}

/**
 * Input → DOM updated and → next frame latencies, in the page: sets `input` (a selector)
 * to each of `values` in turn and dispatches `input`, waiting for the text of `watch` to
 * change each time.
 */
async function inputLatency(page, { input, watch, values }) {
  return page.evaluate(
    async ({ warmup, steps, input, watch, values }) => {
      const field = document.querySelector(input);
      const watched = () => document.querySelector(watch)?.textContent ?? "";
      const root = document.body;
      let start = 0;
      window.addEventListener("input", () => (start = performance.now()), { capture: true });
      const nextFrame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
      const step = (value) =>
        new Promise((resolve, reject) => {
          const before = watched();
          let dom = null;
          const timer = setTimeout(() => reject(new Error(`no change after setting ${value}`)), 5000);
          const changed = () => {
            if (dom !== null || watched() === before) return;
            dom = performance.now();
            observer.disconnect();
            requestAnimationFrame(() =>
              setTimeout(() => {
                clearTimeout(timer);
                resolve({ dom: dom - start, frame: performance.now() - start });
              }, 0),
            );
          };
          const observer = new MutationObserver(changed);
          observer.observe(root, { childList: true, subtree: true, characterData: true });
          field.value = value;
          field.dispatchEvent(new Event("input", { bubbles: true }));
          changed(); // in case the DOM was updated synchronously
        });
      await nextFrame();
      const out = [];
      for (let i = 0; i < warmup + steps; i++) {
        const s = await step(values[i % values.length]);
        if (i >= warmup) out.push(s);
        await nextFrame(); // let the page settle between steps
      }
      return out;
    },
    { warmup: WARMUP_STEPS, steps: STEPS, input, watch, values },
  );
}

async function freshPage(browser, url) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: "en-US" });
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForFunction(() => document.querySelector("[data-testid=card-npv] .value")?.textContent.trim());
  return { context, page };
}

/** Slider input → repaint on the calculator. */
async function sliderLatency(browser, url) {
  const { context, page } = await freshPage(browser, url);
  const samples = await inputLatency(page, {
    input: "[data-testid=slider-churn_after_pct]",
    watch: "[data-testid=card-npv] .value",
    values: ["12.5", "13"],
  });
  await context.close();
  return samples;
}

/**
 * The measurement screen: tab click → example's scorecard in the DOM (median of LOADS,
 * each in a fresh context), then typing a figure → the KPI card updated.
 */
async function measureScreen(browser, url) {
  const opens = [];
  let samples = [];
  for (let i = 0; i < LOADS; i++) {
    const { context, page } = await freshPage(browser, url);
    await page.getByTestId("nav-measure").click();
    await page.getByTestId("load-example").click();
    await page.getByTestId("nav-calculator").click();
    opens.push(
      await page.evaluate(async () => {
        const start = performance.now();
        document.querySelector("[data-testid=nav-measure]").click();
        while (!document.querySelector("[data-testid=score-AiAccuracy] td")?.textContent.trim()) {
          await new Promise((r) => setTimeout(r, 0));
        }
        return performance.now() - start;
      }),
    );
    if (i === 0) {
      samples = await inputLatency(page, {
        input: "[data-testid=current-customers_end]",
        watch: "[data-testid=kpi-Churn] [data-testid=values]",
        values: ["1180", "1190"],
      });
    }
    await context.close();
  }
  return { opens, samples };
}

/** The lazily loaded screens and the heading each shows once open. */
const SCREENS = {
  measure: "#measure-title",
  scenarios: "#library-title",
  customers: "#customers-title",
  abtests: "#ab-title",
};

/** Tab click → the screen's heading in the DOM, timed in the page. */
function openScreen(page, screen) {
  return page.evaluate(async ([tab, heading]) => {
    const start = performance.now();
    document.querySelector(`[data-testid=nav-${tab}]`).click();
    while (!document.querySelector(heading)) await new Promise((r) => setTimeout(r, 0));
    return performance.now() - start;
  }, [screen, SCREENS[screen]]);
}

/** First opening of each lazy screen, cold (fresh context) and warm (service worker cache). */
async function screenOpens(browser, url) {
  const out = Object.fromEntries(Object.keys(SCREENS).map((s) => [s, { cold: [], warm: [] }]));
  for (let i = 0; i < LOADS; i++) {
    for (const screen of Object.keys(SCREENS)) {
      const { context, page } = await freshPage(browser, url);
      out[screen].cold.push(await openScreen(page, screen));
      // Every file cached by the service worker, then a page it controls.
      await page.evaluate(() => navigator.serviceWorker.ready);
      await page.goto(url);
      await page.waitForFunction(() => navigator.serviceWorker.controller && document.querySelector("[data-testid=card-npv] .value")?.textContent.trim());
      out[screen].warm.push(await openScreen(page, screen));
      await context.close();
    }
  }
  return out;
}

// ------------------------------------------------------------------ main

const { child, url } = await startServer();
const browser = await chromium.launch(CHROMIUM);
try {
  const version = browser.version();
  const wasmFile = readFileSync(join(DIST, "index.html"), "utf8").match(/[\w/-]+_bg\.wasm/)?.[0] ?? "?";
  console.log(`Retorno performance, ${new Date().toISOString()}`);
  console.log(`Chromium ${version} (headless), ${cpus().length} CPU(s) ${cpus()[0]?.model ?? ""}, node ${process.version}`);
  console.log(`dist: ${DIST} (${wasmFile}), served by serve.mjs on ${url} (no compression, no cache)\n`);

  // 1. Transfer sizes.
  const files = await firstLoadFiles(browser, url);
  const sizes = transferSizes(files);
  console.log("First-load files (raw → gzip -9):");
  for (const r of sizes.rows) console.log(`  ${r.kind.padEnd(5)} ${r.name.padEnd(44)} ${String(r.raw).padStart(8)} → ${String(r.gzip).padStart(7)}`);
  console.log(`  total ${"".padEnd(44)} ${String(sizes.total.raw).padStart(8)} → ${String(sizes.total.gzip).padStart(7)}\n`);

  // 2. Time to first result.
  const loads = [];
  for (let i = 0; i < LOADS; i++) loads.push(await timeToFirstResult(browser, url));
  console.log("Time to first result (navigation start → NPV figure), fresh context each:");
  loads.forEach((l, i) =>
    console.log(`  load ${i + 1}: in DOM ${ms(l.dom)}, next frame ${ms(l.frame)}, first-contentful-paint ${l.fcp === null ? "n/a" : ms(l.fcp)}`),
  );
  const ttfrDom = median(loads.map((l) => l.dom));
  const ttfrFrame = median(loads.map((l) => l.frame));
  const fcps = loads.map((l) => l.fcp).filter((x) => x !== null);
  console.log(`  median: in DOM ${ms(ttfrDom)}, next frame ${ms(ttfrFrame)}${fcps.length ? `, FCP ${ms(median(fcps))}` : ""}\n`);

  // 3. Slider latency.
  const samples = await sliderLatency(browser, url);
  const frame = samples.map((s) => s.frame);
  const dom = samples.map((s) => s.dom);
  const f = stats(frame);
  const d = stats(dom);
  console.log(`Slider input → repaint, churn-after slider 13 ↔ 12.5, ${samples.length} steps (+${WARMUP_STEPS} warm-up):`);
  console.log(`  input → next frame: p50 ${ms(f.p50)}, p95 ${ms(f.p95)}, max ${ms(f.max)}`);
  console.log(`  input → DOM updated: p50 ${ms(d.p50)}, p95 ${ms(d.p95)}, max ${ms(d.max)}\n`);

  // 4. Measurement screen.
  const m = await measureScreen(browser, url);
  const mf = stats(m.samples.map((s) => s.frame));
  const md = stats(m.samples.map((s) => s.dom));
  const opened = median(m.opens);
  console.log(`Measurement screen with the example: tab click → scorecard filled, median of ${m.opens.length}: ${ms(opened)} (max ${ms(Math.max(...m.opens))})`);
  console.log(`  typing customers at end 1180 ↔ 1190 → churn card, ${m.samples.length} steps: DOM p50 ${ms(md.p50)}, p95 ${ms(md.p95)}; next frame p50 ${ms(mf.p50)}, p95 ${ms(mf.p95)}\n`);

  // 5. Lazy screens.
  const opens = await screenOpens(browser, url);
  console.log(`First opening of each screen (tab click → heading), median of ${LOADS}:`);
  for (const [screen, o] of Object.entries(opens)) {
    console.log(`  ${screen.padEnd(10)} cold ${ms(median(o.cold))} (max ${ms(Math.max(...o.cold))}), warm ${ms(median(o.warm))} (max ${ms(Math.max(...o.warm))})`);
  }
  console.log("");

  // Markdown.
  const kinds = ["wasm", "JS", "CSS", "HTML", "other"].filter((k) => sizes.byKind[k]);
  const lines = [
    `Measured ${new Date().toISOString().slice(0, 10)} with \`tests/e2e/perf/measure.mjs\`: Chromium ${version} headless, 1280×800, ${cpus().length} CPU(s), local server without compression.`,
    "",
    "| First load | raw | gzip -9 |",
    "| --- | ---: | ---: |",
    ...kinds.map((k) => `| ${k} (${sizes.byKind[k].files.length} file${sizes.byKind[k].files.length > 1 ? "s" : ""}) | ${bytesCell(sizes.byKind[k].raw)} | ${bytesCell(sizes.byKind[k].gzip)} |`),
    `| **total** | ${bytesCell(sizes.total.raw)} | **${bytesCell(sizes.total.gzip)}** |`,
    "",
    "| Timing | p50 / median | p95 | max |",
    "| --- | ---: | ---: | ---: |",
    `| Navigation → first result in DOM (${LOADS} fresh loads) | ${ms(ttfrDom)} | – | ${ms(Math.max(...loads.map((l) => l.dom)))} |`,
    `| Navigation → first result, next frame (${LOADS} fresh loads) | ${ms(ttfrFrame)} | – | ${ms(Math.max(...loads.map((l) => l.frame)))} |`,
    `| Slider input → DOM updated (${samples.length} steps) | ${ms(d.p50)} | ${ms(d.p95)} | ${ms(d.max)} |`,
    `| Slider input → next frame (${samples.length} steps) | ${ms(f.p50)} | ${ms(f.p95)} | ${ms(f.max)} |`,
    `| Measurement tab click → scorecard filled (${m.opens.length} loads, example) | ${ms(opened)} | – | ${ms(Math.max(...m.opens))} |`,
    `| Measurement figure typed → KPI card updated (${m.samples.length} steps) | ${ms(md.p50)} | ${ms(md.p95)} | ${ms(md.max)} |`,
    `| Measurement figure typed → next frame (${m.samples.length} steps) | ${ms(mf.p50)} | ${ms(mf.p95)} | ${ms(mf.max)} |`,
    ...Object.entries(opens).flatMap(([screen, o]) => [
      `| First opening of ${screen}, cold (${o.cold.length} fresh contexts) | ${ms(median(o.cold))} | – | ${ms(Math.max(...o.cold))} |`,
      `| First opening of ${screen}, warm (${o.warm.length}, service worker cache) | ${ms(median(o.warm))} | – | ${ms(Math.max(...o.warm))} |`,
    ]),
  ];
  console.log(lines.join("\n"));
} finally {
  await browser.close();
  child.kill();
}
