// Measures the visitor's calculator (../../dist/embed.html) in headless Chromium, the way
// measure.mjs measures the full app's calculator, and prints the figures. A measurement,
// not a test: no assertions.
//
//   bash scripts/build.sh            (from the repository root, tools on PATH)
//   cd tests/e2e && node perf/embed.mjs
//
// Figures:
//   1. Time to first result: navigation start → the NPV card's figure in the DOM (a
//      MutationObserver installed before any script runs) and → the next frame after it;
//      median of 5 fresh loads, each in a new browser context (empty cache/storage).
//      Once for embed.html alone and once inside a host page on another origin
//      (navigation of the host page → the figure in the frame).
//   2. Slider input → repaint: 120 steps (after 10 warm-up steps) on the churn-after
//      slider, 13 ↔ 12.5, each setting the value and dispatching `input`; start in a
//      capturing `input` listener on window, end when the NPV text changed (DOM) and after
//      requestAnimationFrame + setTimeout(0) (next frame).
import { chromium } from "@playwright/test";
import { CHROMIUM } from "../chromium.js";
import { readFileSync } from "node:fs";
import { cpus } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { startServer, median, stats, ms } from "./common.mjs";

const DIST = fileURLToPath(new URL("../../../dist/", import.meta.url));
const LOADS = 5;
const WARMUP_STEPS = 10;
const STEPS = 120;
const OPTIONS = "lang=en";


/** Installed before any script of every document: marks the first NPV figure. */
function firstResultObserver() {
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
}

/** One fresh load of embed.html alone. */
async function timeToFirstResult(browser, url) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: "en-US" });
  await context.addInitScript(firstResultObserver);
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForFunction(() => window.__firstResult?.frame !== undefined);
  const result = await page.evaluate(() => window.__firstResult);
  await context.close();
  return result;
}

/**
 * One fresh load of a host page on http://host.test embedding the frame: host navigation
 * start → the figure in the frame (the frame's timestamps moved to the host's clock with
 * performance.timeOrigin).
 */
async function timeInHost(browser, frameUrl) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: "en-US" });
  await context.addInitScript(firstResultObserver);
  const page = await context.newPage();
  await page.route("http://host.test/**", (route) =>
    route.fulfill({
      contentType: "text/html",
      body: `<!doctype html><title>host</title><iframe data-retorno src="${frameUrl}" style="width:100%;border:0"></iframe>`,
    }),
  );
  await page.goto("http://host.test/");
  const frame = await (await page.waitForSelector("iframe")).contentFrame();
  await frame.waitForFunction(() => window.__firstResult?.frame !== undefined);
  const inner = await frame.evaluate(() => ({ ...window.__firstResult, origin: performance.timeOrigin }));
  const hostOrigin = await page.evaluate(() => performance.timeOrigin);
  await context.close();
  const shift = inner.origin - hostOrigin;
  return { dom: inner.dom + shift, frame: inner.frame + shift };
}

/** Slider input → DOM updated / next frame, as measure.mjs's inputLatency. */
async function sliderLatency(browser, url) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: "en-US" });
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForFunction(() => document.querySelector("[data-testid=card-npv] .value")?.textContent.trim());
  const samples = await page.evaluate(
    async ({ warmup, steps, input, watch, values }) => {
      const field = document.querySelector(input);
      const watched = () => document.querySelector(watch)?.textContent ?? "";
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
          observer.observe(document.body, { childList: true, subtree: true, characterData: true });
          field.value = value;
          field.dispatchEvent(new Event("input", { bubbles: true }));
          changed();
        });
      await nextFrame();
      const out = [];
      for (let i = 0; i < warmup + steps; i++) {
        const s = await step(values[i % values.length]);
        if (i >= warmup) out.push(s);
        await nextFrame();
      }
      return out;
    },
    {
      warmup: WARMUP_STEPS,
      steps: STEPS,
      input: "[data-testid=slider-churn_after_pct]",
      watch: "[data-testid=card-npv] .value",
      values: ["12.5", "13"],
    },
  );
  await context.close();
  return samples;
}

const { child, url } = await startServer();
// The host page (http://host.test, page.route) is "public" to Chromium, the frame's
// server loopback: without these flags Chromium's local-network checks block the frame.
const browser = await chromium.launch({
  ...CHROMIUM,
  args: [
    ...CHROMIUM.args,
    "--disable-features=BlockInsecurePrivateNetworkRequests,PrivateNetworkAccessSendPreflights,PrivateNetworkAccessRespectPreflightResults,LocalNetworkAccessChecks",
  ],
});
try {
  const embedUrl = `${url}embed.html?${OPTIONS}`;
  const wasmFile = readFileSync(join(DIST, "embed.html"), "utf8").match(/[\w-]+_bg\.wasm/)?.[0] ?? "?";
  console.log(`Retorno visitor's calculator performance, ${new Date().toISOString()}`);
  console.log(`Chromium ${browser.version()} (headless), ${cpus().length} CPU(s) ${cpus()[0]?.model ?? ""}, node ${process.version}`);
  console.log(`${embedUrl} (${wasmFile}), served by serve.mjs (no compression, no cache)\n`);

  const loads = [];
  for (let i = 0; i < LOADS; i++) loads.push(await timeToFirstResult(browser, embedUrl));
  console.log("embed.html alone: navigation start → NPV figure, fresh context each:");
  loads.forEach((l, i) => console.log(`  load ${i + 1}: in DOM ${ms(l.dom)}, next frame ${ms(l.frame)}`));
  const alone = { dom: median(loads.map((l) => l.dom)), frame: median(loads.map((l) => l.frame)) };
  console.log(`  median: in DOM ${ms(alone.dom)}, next frame ${ms(alone.frame)}\n`);

  const hosted = [];
  for (let i = 0; i < LOADS; i++) hosted.push(await timeInHost(browser, embedUrl));
  console.log("In a host page on http://host.test: host navigation start → NPV figure in the frame:");
  hosted.forEach((l, i) => console.log(`  load ${i + 1}: in DOM ${ms(l.dom)}, next frame ${ms(l.frame)}`));
  const inHost = { dom: median(hosted.map((l) => l.dom)), frame: median(hosted.map((l) => l.frame)) };
  console.log(`  median: in DOM ${ms(inHost.dom)}, next frame ${ms(inHost.frame)}\n`);

  const samples = await sliderLatency(browser, embedUrl);
  const d = stats(samples.map((s) => s.dom));
  const f = stats(samples.map((s) => s.frame));
  console.log(`Slider input → repaint, churn-after slider 13 ↔ 12.5, ${samples.length} steps (+${WARMUP_STEPS} warm-up):`);
  console.log(`  input → DOM updated: p50 ${ms(d.p50)}, p95 ${ms(d.p95)}, max ${ms(d.max)}`);
  console.log(`  input → next frame: p50 ${ms(f.p50)}, p95 ${ms(f.p95)}, max ${ms(f.max)}\n`);

  console.log(
    [
      `| Visitor's calculator (embed.html) | p50 / median | p95 | max |`,
      "| --- | ---: | ---: | ---: |",
      `| Navigation → first result in DOM (${LOADS} fresh loads) | ${ms(alone.dom)} | – | ${ms(Math.max(...loads.map((l) => l.dom)))} |`,
      `| Navigation → first result, next frame (${LOADS} fresh loads) | ${ms(alone.frame)} | – | ${ms(Math.max(...loads.map((l) => l.frame)))} |`,
      `| Host page navigation → first result in the frame (${LOADS} fresh loads) | ${ms(inHost.dom)} | – | ${ms(Math.max(...hosted.map((l) => l.dom)))} |`,
      `| Slider input → DOM updated (${samples.length} steps) | ${ms(d.p50)} | ${ms(d.p95)} | ${ms(d.max)} |`,
      `| Slider input → next frame (${samples.length} steps) | ${ms(f.p50)} | ${ms(f.p95)} | ${ms(f.max)} |`,
    ].join("\n"),
  );
} finally {
  await browser.close();
  child.kill();
}
