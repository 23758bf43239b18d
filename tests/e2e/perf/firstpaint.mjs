// Measures what a first visit sees before and after the WebAssembly starts, for both
// front doors (../../dist/embed.html and ../../dist/index.html) in headless Chromium, and
// prints the figures. A measurement, not a test: no assertions.
//
//   bash scripts/build.sh            (from the repository root, tools on PATH)
//   cd tests/e2e && node perf/firstpaint.mjs
//   DIST=/some/other/dist node perf/firstpaint.mjs      (another build, e.g. a "before")
//
// Figures, each the median of fresh loads (a new browser context each: empty cache and
// storage), unthrottled and throttled:
//   - First paint: navigation start → first-contentful-paint (the paint timing entry).
//   - First live figure: navigation start → the NPV card's figure in the DOM (a
//     MutationObserver installed before any script runs) and → the next frame after it.
//   - Layout shift: the sum of layout-shift entries (buffered) a second after the figure.
// Throttled profile (Chrome DevTools protocol): 1.6 Mbps down, 750 kbps up, 150 ms
// round trip (Network.emulateNetworkConditions) and the CPU 4× slower
// (Emulation.setCPUThrottlingRate). The files are served by serve.mjs, uncompressed
// and uncached, as in every other measurement here.
import { chromium } from "@playwright/test";
import { cpus } from "node:os";
import { resolve } from "node:path";
import { CHROMIUM } from "../chromium.js";
import { DIST, serve } from "../serve.mjs";
import { median, ms } from "./common.mjs";

const ROOT = resolve(process.env.DIST ?? DIST);
const RUNS = { unthrottled: Number(process.env.RUNS ?? 5), throttled: Number(process.env.RUNS ?? 3) };
const SLOW = {
  network: { offline: false, latency: 150, downloadThroughput: (1.6e6 / 8) | 0, uploadThroughput: (750e3 / 8) | 0 },
  cpu: 4,
};
const DOORS = [
  { name: "visitor's calculator", path: "embed.html" },
  { name: "full app", path: "index.html" },
];

/** Installed before any script of the page: paint, first figure and layout shifts. */
function observe() {
  window.__fp = { cls: 0 };
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if (!e.hadRecentInput) window.__fp.cls += e.value;
  }).observe({ type: "layout-shift", buffered: true });
  new PerformanceObserver((list) => {
    if (list.getEntriesByName("first-contentful-paint").length) window.__fp.lang = document.documentElement.lang;
  }).observe({ type: "paint", buffered: true });
  const check = () => {
    const v = document.querySelector("[data-testid=card-npv] .value");
    if (v && v.textContent.trim()) {
      observer.disconnect();
      window.__fp.dom = performance.now();
      requestAnimationFrame(() => setTimeout(() => (window.__fp.frame = performance.now()), 0));
    }
  };
  const observer = new MutationObserver(check);
  observer.observe(document, { childList: true, subtree: true, characterData: true });
}

async function load(browser, url, slow) {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: "en-US" });
  await context.addInitScript(observe);
  const page = await context.newPage();
  if (slow) {
    const cdp = await page.context().newCDPSession(page);
    await cdp.send("Network.enable");
    await cdp.send("Network.emulateNetworkConditions", SLOW.network);
    await cdp.send("Emulation.setCPUThrottlingRate", { rate: SLOW.cpu });
  }
  await page.goto(url, { waitUntil: "commit" });
  await page.waitForFunction(() => window.__fp?.frame !== undefined, null, { timeout: 120_000 });
  await page.waitForTimeout(1000);
  const out = await page.evaluate(() => ({
    ...window.__fp,
    fcp: performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? NaN,
  }));
  await context.close();
  return out;
}

const server = await serve({ root: ROOT, port: 0 });
const base = `http://127.0.0.1:${server.address().port}/`;
const browser = await chromium.launch(CHROMIUM);
const rows = [];
try {
  console.log(`Retorno first paint, ${new Date().toISOString()}`);
  console.log(`Chromium ${browser.version()} (headless), ${cpus().length} CPU(s) ${cpus()[0]?.model ?? ""}, node ${process.version}`);
  console.log(`${ROOT}, served by serve.mjs (no compression, no cache), viewport 390×844, locale en-US`);
  console.log(
    `throttled: ${((SLOW.network.downloadThroughput * 8) / 1e6).toFixed(1)} Mbps down, ${SLOW.network.latency} ms round trip, CPU ${SLOW.cpu}× slower\n`,
  );
  for (const door of DOORS) {
    for (const profile of ["unthrottled", "throttled"]) {
      const loads = [];
      for (let i = 0; i < RUNS[profile]; i++) loads.push(await load(browser, base + door.path, profile === "throttled"));
      const m = (key) => median(loads.map((l) => l[key]));
      console.log(`${door.path}, ${profile}:`);
      loads.forEach((l, i) =>
        console.log(`  load ${i + 1}: first paint ${ms(l.fcp)} (lang ${l.lang}), figure in DOM ${ms(l.dom)}, next frame ${ms(l.frame)}, layout shift ${l.cls.toFixed(4)}`),
      );
      rows.push({ door, profile, runs: loads.length, fcp: m("fcp"), dom: m("dom"), frame: m("frame"), cls: Math.max(...loads.map((l) => l.cls)) });
    }
  }
  console.log(
    "\n" +
      [
        "| door | profile | first paint (FCP) | first live figure (in DOM / next frame) | layout shift (max) |",
        "| --- | --- | ---: | ---: | ---: |",
        ...rows.map(
          (r) =>
            `| ${r.door.name} (\`${r.door.path}\`) | ${r.profile} (median of ${r.runs}) | ${ms(r.fcp)} | ${ms(r.dom)} / ${ms(r.frame)} | ${r.cls.toFixed(4)} |`,
        ),
      ].join("\n"),
  );
} finally {
  await browser.close();
  server.close();
  server.closeAllConnections();
}
