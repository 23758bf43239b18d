// Measures the customer screen (issue 12) in the built app (../../dist), in headless
// Chromium, on a generated transactions file of about 1 million lines, and prints the
// figures. A measurement, not a test: no assertions.
//
//   bash scripts/build.sh            (from the repository root, tools on PATH)
//   cd tests/e2e && node perf/rfm.mjs [LINES] [--distinct]      (default 1000000)
//
// --distinct: the worst case, every line a new customer and a new invoice.
// The file is /tmp/rfm_bench_<LINES>[_distinct].csv, written once by
// tests/fixtures/make_rfm_data.py (fixed seed; the same file tests/fixtures/bench_rfm.sh
// gives the command line and pandas). Figures, median of RUNS (each a fresh page):
//   1. File chosen → results in the DOM: starting the worker (fetching and compiling
//      rfm_worker_bg.wasm, first run of a page), reading the first rows, reading and
//      scoring the file in 2 MiB slices, writing the screen, the page's redraw.
//   2. The page's longest task meanwhile (PerformanceObserver "longtask", ≥ 50 ms).
//   3. The worker's wasm memory after the file (its peak: linear memory only grows),
//      against the file's size.
import { chromium } from "@playwright/test";
import { CHROMIUM } from "../chromium.js";
import { existsSync, statSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { cpus } from "node:os";
import { fileURLToPath } from "node:url";
import { startServer, median, ms } from "./common.mjs";

const RUNS = 3;
const DISTINCT = process.argv.includes("--distinct");
const LINES = Number(process.argv.slice(2).find((a) => !a.startsWith("--")) ?? 1_000_000);
const FILE = `/tmp/rfm_bench_${LINES}${DISTINCT ? "_distinct" : ""}.csv`;
if (!existsSync(FILE)) {
  const make = fileURLToPath(new URL("../../fixtures/make_rfm_data.py", import.meta.url));
  const args = [make, "--lines", String(LINES), "--out", FILE, ...(DISTINCT ? ["--distinct"] : [])];
  execFileSync("python3", args, { stdio: "inherit" });
}
const bytes = statSync(FILE).size;

const { child, url } = await startServer();
const browser = await chromium.launch(CHROMIUM);
const times = [];
const longest = [];
const memory = [];
try {
  for (let run = 0; run < RUNS; run++) {
    const context = await browser.newContext({ locale: "en-US", viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.addInitScript(() => {
      window.__long = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) window.__long.push(e.duration);
      }).observe({ type: "longtask", buffered: true });
    });
    const worker = new Promise((resolve) => page.on("worker", (w) => w.url().includes("rfm_worker") && resolve(w)));
    await page.goto(`${url}index.html`);
    await page.getByTestId("nav-customers").click();
    await page.evaluate(() => (window.__long = []));
    const t0 = Date.now();
    await page.getByTestId("rfm-file").setInputFiles(FILE);
    await page.getByTestId("rfm-summary").waitFor({ timeout: 120_000 });
    times.push(Date.now() - t0);
    longest.push(Math.max(0, ...(await page.evaluate(() => window.__long))));
    memory.push(await (await worker).evaluate(() => self.retornoWasmBytes));
    if (run === 0) console.log(await page.getByTestId("rfm-summary").textContent());
    await context.close();
  }
} finally {
  await browser.close();
  child.kill();
}
const mb = (b) => `${(b / 1048576).toFixed(1)} MB`;
console.log(`file: ${LINES.toLocaleString("en-US")} lines, ${mb(bytes)}; ${cpus().length} cores (${cpus()[0].model})`);
console.log(`file chosen → results shown: median ${ms(median(times))} (runs: ${times.join(", ")} ms)`);
console.log(`longest task on the page meanwhile: ${longest.every((x) => x === 0) ? "none ≥ 50 ms" : ms(Math.max(...longest))}`);
console.log(`worker's wasm memory after the file: ${mb(median(memory))} = ${(median(memory) / bytes).toFixed(2)} × the file`);
