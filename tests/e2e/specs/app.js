// A small page object for Retorno, so the specs read like a user's actions, and the
// expected values: tests/fixtures/model_golden.json (an independent Python
// re-implementation of the model, tests/fixtures/make_golden.py) formatted with Intl
// the way the page formats them.
import { test as base, expect } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import { readFileSync } from "node:fs";

// ------------------------------------------------------------------ expected values

/** model_golden.json, as written by tests/fixtures/make_golden.py. */
export const golden = JSON.parse(
  readFileSync(new URL("../../fixtures/model_golden.json", import.meta.url), "utf8"),
);

/** The expected figures of a golden case, as numbers (strings in the JSON). */
export function expected(name) {
  const found = golden.cases.find((c) => c.name === name);
  if (!found) throw new Error(`no golden case ${name} in model_golden.json`);
  const e = found.expected;
  const num = (s) => (s === null ? null : Number(s));
  return {
    ...Object.fromEntries(Object.entries(e).filter(([, v]) => !Array.isArray(v)).map(([k, v]) => [k, num(v)])),
    costs: e.costs.map(Number),
    benefits: e.benefits.map(Number),
    net: e.net.map(Number),
  };
}

/** The overrides of a golden case (field → decimal string, as typed in English). */
export function overrides(name) {
  const found = golden.cases.find((c) => c.name === name);
  if (!found) throw new Error(`no golden case ${name} in model_golden.json`);
  return found.overrides;
}

/** The golden defaults (`Inputs::default()` as make_golden.py spells it), as numbers. */
export const defaults = Object.fromEntries(
  Object.entries(golden.defaults).map(([k, v]) => [k, Number(v)]),
);

/** BCP 47 tags the app formats with (src/i18n: Lang::tag). */
export const TAG = { en: "en-US", es: "es-ES" };

/** Money in whole units, as the cards show it (below ten million). */
export function money(value, lang = "en", currency = "EUR") {
  return new Intl.NumberFormat(TAG[lang], {
    style: "currency",
    currency,
    minimumFractionDigits: 0,
    maximumFractionDigits: 0,
  }).format(value);
}

/** A percentage (12.5 → "12.5%"), one decimal at most. */
export function percent(value, lang = "en") {
  return new Intl.NumberFormat(TAG[lang], { style: "percent", maximumFractionDigits: 1 }).format(value / 100);
}

/** A number with one decimal at most (months). */
export function oneDecimal(value, lang = "en") {
  return new Intl.NumberFormat(TAG[lang], { maximumFractionDigits: 1 }).format(value);
}

/** Reads a money figure shown in English ("-€1,234", "$5") back as a number. */
export function readMoney(text) {
  const cleaned = text.replace(/\u2212/g, "-").replace(/[^0-9.\-]/g, "");
  const n = Number(cleaned);
  if (cleaned === "" || Number.isNaN(n)) throw new Error(`not a money figure: ${text}`);
  return n;
}

// ------------------------------------------------------------------ the page

/** Opens the app and waits until the first result is on screen. */
export async function open(page) {
  await page.goto("/");
  await expect(card(page, "npv")).not.toHaveText("");
}

/** The figure of a headline card: roi, npv, payback, irr, pv-benefits, pv-costs, tco. */
export function card(page, name) {
  return page.getByTestId(`card-${name}`).locator(".value");
}

/** The NPV card's figure. */
export const npv = (page) => card(page, "npv");

/** A number field in the inputs panel (`f-<key>`), or the what-if one (`w-<key>`). */
export function field(page, key, prefix = "f") {
  return page.getByTestId(`${prefix}-${key}`);
}

/** The error message shown right after a field's wrapper. */
export function fieldError(page, key, prefix = "f") {
  return page.locator(`.number:has([data-testid="${prefix}-${key}"]) + p.field-error`);
}

/**
 * Replaces the text of a number field in one go, as pasting would (one `input` event),
 * so the model only ever sees the final text.
 */
export async function setField(page, key, text, prefix = "f") {
  await field(page, key, prefix).fill(text);
}

/**
 * Types into a number field key by key after selecting its text: one `input` event per
 * key, so every valid prefix ("2" of "2.5") reaches the model on the way.
 */
export async function typeInto(page, key, text, prefix = "f") {
  const input = field(page, key, prefix);
  await input.click();
  await input.press("ControlOrMeta+a");
  await input.pressSequentially(text);
}

/** A what-if slider. */
export function slider(page, key) {
  return page.getByTestId(`slider-${key}`);
}

/** The ES or EN button (its accessible name contains "Español" / "English"). */
export function langButton(page, code) {
  return page.locator(".lang").getByRole("button", { name: code === "es" ? /Español/ : /English/ });
}

/** Switches the language with the ES / EN buttons. */
export async function lang(page, code) {
  await langButton(page, code).click();
  await expect(page.locator("html")).toHaveAttribute("lang", code);
  await expect(langButton(page, code)).toHaveAttribute("aria-pressed", "true");
}

/** Picks a currency in the header select. */
export async function currency(page, code) {
  await page.getByTestId("currency").selectOption(code);
}

// ------------------------------------------------------------------ the fixture

/**
 * `test` that fails a test on any console error or uncaught page error it produced,
 * and gives each test a fresh page (fresh localStorage: Playwright's locale en-US makes
 * the first visit English).
 */
export const test = base.extend({
  problems: [
    async ({ page }, use) => {
      const problems = [];
      page.on("console", (m) => {
        if (m.type() === "error") problems.push(`console.error: ${m.text()}`);
      });
      page.on("pageerror", (e) => problems.push(`pageerror: ${e.message}`));
      await use(problems);
      expect(problems, "console errors or page errors during the test").toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

// ------------------------------------------------------------------ scenarios

/**
 * Fails the test (through the `problems` fixture) on console errors and page errors of
 * a page other than the fixture's own: a second tab, or a page of another context.
 */
export function watch(page, problems) {
  page.on("console", (m) => {
    if (m.type() === "error") problems.push(`console.error (${page.url()}): ${m.text()}`);
  });
  page.on("pageerror", (e) => problems.push(`pageerror (${page.url()}): ${e.message}`));
  return page;
}

/** Opens `url` as a new document (never a same-document jump to a new `#fragment`). */
export async function openAt(page, url) {
  await page.goto("about:blank");
  await page.goto(url);
  await expect(card(page, "npv")).not.toHaveText("");
}

/** Switches screens with the header tabs: "calculator" or "scenarios". */
export async function go(page, screen) {
  const tab = page.getByTestId(`nav-${screen}`);
  await tab.click();
  await expect(tab).toHaveAttribute("aria-current", "page");
}

/** The notes shown above the page; `text` (string or RegExp) narrows them down. */
export function notes(page, text) {
  const all = page.getByTestId("note");
  return text === undefined ? all : all.filter({ hasText: text });
}

/** Warning notes only (class `warn`). */
export function warnings(page, text) {
  const all = page.locator('[data-testid="note"].warn');
  return text === undefined ? all : all.filter({ hasText: text });
}

/** Dismisses every note on screen with its "×" button. */
export async function dismissNotes(page) {
  const close = page.getByTestId("note").locator("button.close");
  while ((await close.count()) > 0) await close.first().click();
}

/** The rows of the scenario library. */
export const rows = (page) => page.getByTestId("library-row");

/** The names shown in the library, top to bottom (for `toHaveText([...])`). */
export const rowNames = (page) => rows(page).locator(".name");

/** The library row whose name is exactly `name`. */
export function row(page, name) {
  return rows(page).filter({ has: page.locator(".name").getByText(name, { exact: true }) });
}

/** A library row's cells: updated (changed date), roi, npv. */
export function rowCell(rowLocator, what) {
  const index = { updated: 1, roi: 2, npv: 3 }[what];
  return rowLocator.locator("td").nth(index);
}

/** Sets the scenario bar's name, company and notes (each given one is replaced). */
export async function describe(page, { name, company, notes: text } = {}) {
  if (name !== undefined) await page.getByTestId("scenario-name").fill(name);
  if (company !== undefined) await page.getByTestId("scenario-company").fill(company);
  if (text !== undefined) await page.getByTestId("scenario-notes").fill(text);
}

/** Clicks "Copy link" and returns the link shown in the read-only field. */
export async function shareLink(page) {
  await page.getByTestId("copy-link").click();
  const input = page.getByTestId("share-link");
  await expect(input).toHaveValue(/#s=./);
  return input.inputValue();
}

/** Every `retorno.*` key of the page's localStorage and its value. */
export function stored(page) {
  return page.evaluate(() =>
    Object.fromEntries(
      Object.keys(localStorage)
        .filter((k) => k.startsWith("retorno."))
        .sort()
        .map((k) => [k, localStorage.getItem(k)]),
    ),
  );
}

// ---- Independent arithmetic on the golden defaults, shared by the specs.

/**
 * Σ_{t=1..N} (1 + escalation)^(t−1) ÷ (1 + rate)^t at the golden defaults: the present
 * value of one unit of year-1 licence spend that rises with the yearly price escalation
 * (model.rs docs: licences in year t are × (1 + escalation)^(t−1); NPV discounts year t
 * by (1 + rate)^t).
 */
export function escalatedAnnuity() {
  const esc = defaults.licence_escalation_pct / 100;
  const rate = defaults.discount_rate_pct / 100;
  let sum = 0;
  for (let t = 1; t <= defaults.horizon_years; t++) sum += (1 + esc) ** (t - 1) / (1 + rate) ** t;
  return sum;
}

/** How much NPV falls per extra unit of monthly licence price per seat (defaults). */
export function npvPerLicenceUnit() {
  // cost(t) = seats × (licence + AI) × 12 × (1+esc)^(t−1) × (1 + contingency) + …
  return defaults.seats * 12 * (1 + defaults.contingency_pct / 100) * escalatedAnnuity();
}

/** How much NPV falls per extra seat (defaults). */
export function npvPerSeat() {
  const perSeatMonth = defaults.licence_per_seat_month + defaults.ai_addon_per_seat_month;
  return perSeatMonth * 12 * (1 + defaults.contingency_pct / 100) * escalatedAnnuity();
}

/** WCAG 2.2 A/AA rules run by axe-core. */
export const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

/** axe-core on the page as it is; the violations and a readable report of them. */
export async function axe(page) {
  const { violations } = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
  const report = violations
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help}\n  ${v.helpUrl}\n` +
        v.nodes.map((n) => `  - ${n.target.join(" ")}: ${n.failureSummary?.replace(/\n/g, " | ")}`).join("\n"),
    )
    .join("\n");
  if (report) console.log(report);
  return { violations, report };
}
