// What each front door makes a visitor download, and its budget.
//
// Usage (after scripts/build.sh):  node perf/sizes.mjs [--check]
// For each entry page in dist/ it adds up the page, its stylesheets, its JS glue (and
// the modules the glue imports) and its wasm (what the first load fetches, icons and
// manifest left out), and for each lazily loaded part of the full app its wasm and the
// shared chunks it needs; it prints the raw, gzip -9 and Brotli 11 sizes. With --check
// it exits 1 when a door or a part is over its budget.
//
// Budgets, gzip -9 bytes, for wasm + JS + CSS + HTML. A change that must raise one says by
// how much and why, in the same commit and in CHANGELOG.md.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { gzipSync, brotliCompressSync, constants } from "node:zlib";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const BUDGETS = {
  "embed.html": 150_000,
  // 420,000 until presentation mode (+9.6 KB) and the presentation pins in the
  // scenario (+9.6 KB: schema 2, pin buttons, the comparison's row), issue 10, and
  // several IRRs with the MIRR (+2.1 KB), issue 11; 440,000 until the rest of issue 11
  // (+23 KB: four benefit lines with their math, the breakdown table and stacked chart,
  // speed to lead, campaign operating costs and ROAS, the CLV's cost to serve and feed;
  // about 3 KB of it is their texts in two languages); 465,000 until the risk ranges of
  // issue 15 (+43 KB: the risk panel, the editable ranges of 45 drivers, the worker's
  // client and the reply decoder, the comparison's rows, schema 4's risk settings in
  // links and storage, about 5 KB of texts in two languages; the simulation itself runs
  // in worker_bg.wasm, 124 KB, loaded only when ranges are switched on); 510,000 until
  // the customer screen of issue 12 (+13 KB: its tab, the file picker, drop and paste,
  // the progress, the worker's client, the apply and undo of its proposal, 1.3 KB of
  // CSS; the engine, the reading, the scoring and the rest of the screen with its texts
  // run in rfm_worker_bg.wasm, 103 KB, loaded only when a file is chosen); 520,000 until
  // the measurement periods of issue 13 (+9.6 KB: any number of periods, each named and
  // dated, added, moved and removed with undo; the tables, pastes and KPI cards follow
  // the periods, the trend of every KPI across them and schema 5 in links and storage);
  // 530,000 until the rest of issue 13 so far (+31.4 KB: the A/B test screen with its
  // statistics on libm, texts and schema 6, about 23 KB; the KPI targets screen, 7.5 KB;
  // the trend charts, under 1 KB); 560,000 until the last of issue 13 (+24.1 KB: the
  // periods paste with its reader and line-numbered reasons, the actual costs panel with
  // its 6 × N cost fields and the realised view by period and by line, about 4 KB of it
  // texts in two languages; less 6.3 KB for the A/B results, now written by the
  // customer screen's worker). 580,000 until issue 28, when every screen but the
  // calculator became a part of its own, loaded when first opened (575,906 → 371,438
  // B); from then on a change that needs first-load bytes finds them elsewhere or goes
  // into a part. See docs/PERFORMANCE.md. 372,000 until the parts' stylesheets left the
  // first load and the codec stopped compiling a second serializer (→ 362,350 B).
  // 363,000 until the customer and A/B screens became Leptos components and every module
  // of the full app lost its producers and target-features sections (→ 358,586 B).
  // 359,500 until amounts were read from decimal strings only (rust_decimal's serde-str:
  // no float printer; → 351,721 B, with issue 26's risk rule and long-link warning).
  "index.html": 352_500,
  // The full app's lazily loaded parts (scripts/split.py), each with the shared chunks
  // it needs: what opening it first fetches when nothing else was opened before. Set at
  // issue 28 to what they weigh, plus about 1 % (how the split groups code into chunks
  // moved the measurement part's gzip size by 600 B between two builds of the same code).
  // Lowered when split.py began stripping every module's producers and target-features
  // sections (half the bytes of a small shared chunk): measure 156,000, library 69,000,
  // present 28,000 until then (→ 154,107, 67,357, 26,474 B; risk 32,599 B).
  "index.html:measure": 155_500,
  "index.html:library": 68_000,
  "index.html:present": 27_000,
  "index.html:risk": 33_000,
  // A part's stylesheet (index.html's `data-part`), fetched with its code on first
  // opening; until issue 28 moved them out, they were in the first load (same bytes).
  "index.html:measure.css": 2_050,
  "index.html:customers.css": 1_350,
  "index.html:abtests.css": 920,
  "index.html:present.css": 1_580,
  // The customer-value worker (rfm_worker_loader.js, its glue and its wasm), which the
  // customer screen starts: not budgeted until issue 28's "one way to write a screen",
  // then set at what it weighed just before it (341,891 B; 337,939 of them its wasm).
  // 341,891 until the worker was built without the app's relocation sections and without
  // the screen's HTML (→ 110,619 B).
  rfm_worker: 112_000,
  // What opening a screen first fetches: its part (with its chunks) and the workers it
  // starts. Issue 28's "one way to write a screen" made the A/B screen Leptos components
  // with its statistics in its part (the part went from 17,861 to about 31,600 B) and
  // took them out of the worker, which the screen no longer starts: this replaced the
  // part's own budget (18,500), and is set at what opening the screen fetched before,
  // the part and the worker (17,861 + 341,891 B), so a person opening it never downloads
  // more than before. See CHANGELOG.md.
  // 359,752 (the part and the worker it started) until the statistics moved into the
  // part and the screen stopped starting the worker (→ 31,938 B).
  "open:abtests": 32_300,
  // The same change made the customer screen Leptos components over the worker's data
  // (the worker reads, scores and exports, and no longer writes HTML): the part grew
  // with the views and the screen's texts, the worker shrank. This replaced the part's
  // own budget (16,000), set at what opening the screen and choosing a file fetched
  // before: the part and the worker (15,249 + 341,891 B).
  // 357,140 until the worker lost its relocation sections and its HTML (→ 184,256 B).
  "open:customers": 186_000,
  // The leave-behind report, loaded only when a rep asks for it: the engine, the link
  // decoder, the full app's texts (one match links them all) and the report. 235,000
  // until issue 11's lines and texts (+6 KB); 243,000 until issue 15's risk section
  // (+30 KB: the figures and charts of a linked scenario's ranges, the worker's client,
  // the risk settings in the link, the method in two languages); 276,000 until issue
  // 13's targets, trend and A/B tab texts in `AppMsg` (the report links every one) and
  // schema 6's A/B test read from the link (+3.8 KB); 279,000 until issue 28 moved the
  // lazily loaded screens' texts out of `AppMsg` (276,415 → 271,797 B); 272,000 until
  // the codec stopped compiling a second serializer of every stored type (→ 268,912 B).
  // 269,500 until amounts were read from decimal strings only (→ 262,028 B).
  "report.html": 262_500,
};

/** The workers measured, by the name of their files in dist/. */
const WORKERS = { rfm_worker: true };

/** The workers each lazily loaded screen starts when it is opened. */
const OPENS = { abtests: [], customers: ["rfm_worker"] };

const dist = process.env.DIST ?? fileURLToPath(new URL("../../../dist/", import.meta.url));

/** The files a page loads first: itself, its stylesheets, module scripts and wasm. */
function assetsOf(page) {
  const html = readFileSync(join(dist, page), "utf8");
  const refs = new Set([page]);
  // Attributes in any order, quoted or not (a minified page drops the quotes).
  const attr = (tag, name) => tag.match(new RegExp(`\\s${name}=(?:"([^"]*)"|([^\\s>]+))`))?.slice(1).find(Boolean);
  const local = (url) => url.replace(/^\.?\//, "");
  for (const [tag] of html.matchAll(/<link\b[^>]*>/g)) {
    if (/^(?:stylesheet|modulepreload|preload)$/.test(attr(tag, "rel") ?? "")) refs.add(local(attr(tag, "href")));
  }
  for (const [tag] of html.matchAll(/<script\b[^>]*>/g)) {
    const src = attr(tag, "src");
    if (src) refs.add(local(src));
  }
  for (const m of html.matchAll(/['"]\.\/([^'"]+\.(?:js|wasm))['"]/g)) refs.add(m[1]);
  // The modules those scripts import statically (the full app's glue imports the
  // loader of its lazy parts, __wasm_split.js).
  for (const file of refs) {
    if (!file.endsWith(".js")) continue;
    const code = readFileSync(join(dist, file), "utf8");
    for (const m of code.matchAll(/\b(?:from|import)\s*["']\.\/([^"']+\.js)["']/g)) refs.add(join(dirname(file), m[1]));
  }
  return [...refs];
}

/**
 * The full app's lazy parts (scripts/split.py): for each split point, its own module
 * and the shared chunks it needs, as __wasm_split.js lists them: what opening it first
 * fetches when nothing else was opened before.
 */
function lazyParts() {
  const folder = readdirSync(dist).find((n) => /^app-[0-9a-f]{16}$/.test(n));
  if (!folder) return {};
  const loader = readFileSync(join(dist, folder, "__wasm_split.js"), "utf8");
  const chunk = (id) => join(folder, `chunk_${id}.wasm`);
  const parts = {};
  for (const m of loader.matchAll(/"\.\/split_(\w+)\.wasm"[\s\S]*?,\s*\[([^\]]*)\]/g)) {
    const deps = [...m[2].matchAll(/__chunk_(\d+)/g)].map((d) => chunk(d[1]));
    parts[m[1]] = [join(folder, `split_${m[1]}.wasm`), ...deps];
  }
  return parts;
}

/** The stylesheet of each lazy part (`data-part`, switched on when the part opens). */
function partStyles() {
  const html = existsSync(join(dist, "index.html")) ? readFileSync(join(dist, "index.html"), "utf8") : "";
  const styles = {};
  for (const [tag] of html.matchAll(/<link\b[^>]*\bdata-part=[^>]*>/g)) {
    const part = tag.match(/\sdata-part="?([\w-]+)/)[1];
    styles[part] = tag.match(/\shref="?\.?\/?([^"\s>]+)/)[1];
  }
  return styles;
}

function size(file) {
  const bytes = readFileSync(join(dist, file));
  return {
    raw: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length },
    }).length,
  };
}

function sized(names) {
  const files = names.map((file) => ({ file, ...size(file) }));
  const total = files.reduce(
    (t, f) => ({ raw: t.raw + f.raw, gzip: t.gzip + f.gzip, brotli: t.brotli + f.brotli }),
    { raw: 0, gzip: 0, brotli: 0 },
  );
  return { files, total };
}

/**
 * `{name: {files: [{file, raw, gzip, brotli}], total: {raw, gzip, brotli}}}` for each
 * door built (its first load, by page name) and each lazy part of the full app (by
 * `index.html:` and the part's name).
 */
export function measure() {
  const out = {};
  for (const page of Object.keys(BUDGETS)) {
    if (!page.includes(":") && existsSync(join(dist, page))) out[page] = sized(assetsOf(page));
  }
  const parts = lazyParts();
  for (const [part, files] of Object.entries(parts)) out[`index.html:${part}`] = sized(files);
  for (const [part, file] of Object.entries(partStyles())) out[`index.html:${part}.css`] = sized([file]);
  const workers = Object.fromEntries(
    Object.keys(WORKERS).map((name) => [name, readdirSync(dist).filter((n) => n === `${name}_loader.js` || new RegExp(`^${name}-[0-9a-f]+(?:_bg\\.wasm|\\.js)$`).test(n)).sort()]),
  );
  for (const [name, files] of Object.entries(workers)) if (files.length) out[name] = sized(files);
  for (const [part, started] of Object.entries(OPENS)) {
    if (parts[part]) out[`open:${part}`] = sized([...parts[part], ...started.flatMap((w) => workers[w] ?? [])]);
  }
  return out;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const check = process.argv.includes("--check");
  const fmt = (n) => n.toLocaleString("en-US").padStart(11);
  let over = false;
  const doors = measure();
  const names = [...new Set([...Object.keys(BUDGETS), ...Object.keys(doors)])];
  for (const page of names) {
    const door = doors[page];
    if (!door) {
      console.log(`${page}: not built`);
      over = over || check;
      continue;
    }
    console.log(`${page.padEnd(36)}raw    gzip -9  Brotli 11`);
    for (const f of door.files) console.log(`  ${f.file.padEnd(34)}${fmt(f.raw)}${fmt(f.gzip)}${fmt(f.brotli)}`);
    const t = door.total;
    const budget = BUDGETS[page];
    if (budget === undefined) {
      console.log(`  ${"total".padEnd(34)}${fmt(t.raw)}${fmt(t.gzip)}${fmt(t.brotli)}   (no budget of its own: see open:)`);
      continue;
    }
    const verdict = t.gzip <= budget ? "within" : "OVER";
    console.log(`  ${"total".padEnd(34)}${fmt(t.raw)}${fmt(t.gzip)}${fmt(t.brotli)}   budget ${budget.toLocaleString("en-US")} gzip: ${verdict}`);
    over = over || t.gzip > budget;
  }
  if (check && over) {
    console.error("A front door is over its size budget (tests/e2e/perf/sizes.mjs).");
    process.exit(1);
  }
}
