// Scenarios in a browser, used the way a person would: autosave and reload, the library
// of named scenarios, comparison and variants, share links (including hostile ones),
// storage that is corrupt, full or blocked, two tabs at once, export and import, and
// accessibility. Expected figures come from tests/fixtures/model_golden.json (an
// independent Python re-implementation of the model) or are worked out here from the
// golden defaults and the model's documented formulas, and are formatted with Intl the
// way the page formats them.
import { readFileSync } from "node:fs";
import {
  test,
  expect,
  expected,
  defaults,
  money,
  percent,
  readMoney,
  open,
  openAt,
  card,
  npv,
  field,
  setField,
  lang,
  langButton,
  currency,
  watch,
  go,
  notes,
  warnings,
  dismissNotes,
  rows,
  rowNames,
  row,
  rowCell,
  describe as describeScenario,
  shareLink,
  stored,
  npvPerSeat,
  axe,
} from "./app.js";
import {
  DEFAULTS,
  CHURN_12_5,
  TEN_YEARS,
  savedKeys,
  headline,
  recordDialogs,
} from "./scenario-page.js";

test.describe("autosave", () => {
  test("name, company, notes, churn, currency and language survive a reload", async ({ page }) => {
    await open(page);
    const name = "Q3 pitch — Acme";
    const company = "Acme Logística S.L.";
    const text = "Demo for the board.\nSecond line: ask about the data migration.";
    await describeScenario(page, { name, company, notes: text });
    await setField(page, "churn_after_pct", "12.5", "w");
    // Golden "churn_after_12_5": NPV 193174.41 → "€193,174".
    await expect(npv(page)).toHaveText(money(CHURN_12_5.npv));
    await currency(page, "USD");
    await lang(page, "es");
    // Same figure formatted es-ES in US dollars: "141.894 US$".
    await expect(npv(page)).toHaveText(money(CHURN_12_5.npv, "es", "USD"));

    // What is stored: the working scenario as JSON, `updated` in milliseconds.
    const before = Date.now();
    await expect.poll(async () => JSON.parse((await stored(page))["retorno.current"] ?? "{}").name).toBe(name);
    const current = JSON.parse((await stored(page))["retorno.current"]);
    expect(current.company).toBe(company);
    expect(current.notes).toBe(text);
    expect(current.currency).toBe("USD");
    expect(Number(current.inputs.churn_after_pct)).toBe(12.5);
    expect(typeof current.updated, "updated is a number of milliseconds").toBe("number");
    expect(Math.abs(current.updated - before), `updated ${current.updated} vs now ${before}`).toBeLessThan(60_000);
    expect((await stored(page))["retorno.lang"]).toBe("es");

    await page.reload();
    await expect(npv(page)).not.toHaveText("");
    await expect(page.getByTestId("scenario-name")).toHaveValue(name);
    await expect(page.getByTestId("scenario-company")).toHaveValue(company);
    await expect(page.getByTestId("scenario-notes")).toHaveValue(text);
    await expect(page.locator("html")).toHaveAttribute("lang", "es");
    await expect(langButton(page, "es")).toHaveAttribute("aria-pressed", "true");
    await expect(page.getByTestId("currency")).toHaveValue("USD");
    await expect(npv(page)).toHaveText(money(CHURN_12_5.npv, "es", "USD"));
    await expect(card(page, "roi")).toHaveText(percent(CHURN_12_5.roi_pct, "es")); // "40,7 %"
    await expect(field(page, "churn_after_pct", "w")).toHaveValue("12,5");
    // Nothing to warn about.
    await expect(warnings(page)).toHaveCount(0);
  });
});

test.describe("named scenarios", () => {
  test("save, rename, duplicate, delete and undo; most recent first; row figures match the calculator", async ({
    page,
  }) => {
    await open(page);
    await expect(page.getByTestId("save-as-new")).toHaveCount(0);

    // "Alpha": the defaults, in euros. Golden "defaults": "€171,301", "49.2%".
    await describeScenario(page, { name: "Alpha", company: "Acme" });
    await page.getByTestId("save").click();
    await expect(notes(page, "Saved “Alpha”.")).toBeVisible();
    await expect(page.getByTestId("save")).toHaveCount(0);
    await expect(page.getByTestId("save-as-new")).toBeVisible();
    await expect(npv(page)).toHaveText(money(DEFAULTS.npv));

    // "Beta": saved as new from Alpha, then renamed in the bar, churn 12.5 %, in dollars.
    // Every change autosaves into Beta (the open one), never into Alpha.
    await page.getByTestId("save-as-new").click();
    await describeScenario(page, { name: "Beta", company: "Bravo Inc." });
    await setField(page, "churn_after_pct", "12.5", "w");
    await currency(page, "USD");
    await expect(npv(page)).toHaveText(money(CHURN_12_5.npv, "en", "USD")); // "$193,174"
    await expect(card(page, "roi")).toHaveText(percent(CHURN_12_5.roi_pct)); // "55.4%"

    await go(page, "scenarios");
    await expect(rowNames(page)).toHaveText(["Beta", "Alpha"]);
    await expect(row(page, "Beta").locator(".company")).toHaveText("Bravo Inc.");
    await expect(row(page, "Alpha").locator(".company")).toHaveText("Acme");
    // The changed date is the stored `updated`, as the page formats it (dateStyle medium,
    // timeStyle short, in the page's own time zone).
    const alphaUpdated = await page.evaluate(() => {
      const all = Object.keys(localStorage).filter((k) => k.startsWith("retorno.saved."));
      const alpha = all.map((k) => JSON.parse(localStorage.getItem(k))).find((s) => s.name === "Alpha");
      return new Date(alpha.updated).toLocaleString("en-US", { dateStyle: "medium", timeStyle: "short" });
    });
    await expect(rowCell(row(page, "Alpha"), "updated")).toHaveText(alphaUpdated);

    // Rename Alpha (Enter commits): a change, so it moves to the top.
    await row(page, "Alpha").getByTestId("rename").click();
    const input = page.getByTestId("rename-input");
    await expect(input).toHaveValue("Alpha");
    await input.fill("Alpha renamed");
    await input.press("Enter");
    await expect(page.getByTestId("rename-input")).toHaveCount(0);
    await expect(rowNames(page)).toHaveText(["Alpha renamed", "Beta"]);

    // Duplicate Beta: "Beta (copy)", newest, same figures as Beta.
    await row(page, "Beta").getByTestId("duplicate").click();
    await expect(rowNames(page)).toHaveText(["Beta (copy)", "Alpha renamed", "Beta"]);
    await expect(rowCell(row(page, "Beta (copy)"), "npv")).toHaveText(await rowCell(row(page, "Beta"), "npv").textContent());
    await expect(row(page, "Beta (copy)").locator(".company")).toHaveText("Bravo Inc.");

    // Delete "Alpha renamed", with undo; its key leaves storage and comes back.
    const keysBefore = savedKeys(await stored(page));
    expect(keysBefore).toHaveLength(3);
    await row(page, "Alpha renamed").getByTestId("delete").click();
    const deleted = notes(page, "Deleted “Alpha renamed”.");
    await expect(deleted).toBeVisible();
    await expect(rowNames(page)).toHaveText(["Beta (copy)", "Beta"]);
    expect(savedKeys(await stored(page))).toHaveLength(2);
    await deleted.getByTestId("undo").click();
    await expect(deleted).toHaveCount(0);
    await expect(rowNames(page)).toHaveText(["Beta (copy)", "Alpha renamed", "Beta"]);
    expect(savedKeys(await stored(page)).sort()).toEqual(keysBefore.sort());

    // All of it is stored: the same list after a reload.
    // A reload stays on the screen (its address is ?screen=scenarios).
    await page.reload();
    await expect(page.getByTestId("nav-scenarios")).toHaveAttribute("aria-current", "page");
    await expect(rowNames(page)).toHaveText(["Beta (copy)", "Alpha renamed", "Beta"]);

    // Each row's ROI and NPV are the figures the calculator shows for it when opened:
    // Alpha renamed = golden defaults in euros; Beta and its copy = golden churn 12.5 % in
    // dollars (the currency belongs to the scenario).
    const want = {
      "Alpha renamed": { roi: percent(DEFAULTS.roi_pct), npv: money(DEFAULTS.npv, "en", "EUR") },
      Beta: { roi: percent(CHURN_12_5.roi_pct), npv: money(CHURN_12_5.npv, "en", "USD") },
      "Beta (copy)": { roi: percent(CHURN_12_5.roi_pct), npv: money(CHURN_12_5.npv, "en", "USD") },
    };
    for (const name of ["Alpha renamed", "Beta", "Beta (copy)"]) {
      const r = row(page, name);
      const shown = { roi: await rowCell(r, "roi").textContent(), npv: await rowCell(r, "npv").textContent() };
      await r.getByTestId("open").click();
      await expect(page.getByTestId("nav-calculator")).toHaveAttribute("aria-current", "page");
      await expect(page.getByTestId("scenario-name")).toHaveValue(name);
      await expect(npv(page)).toHaveText(want[name].npv);
      await expect(card(page, "roi")).toHaveText(want[name].roi);
      // Soft, so every row is checked even if one disagrees.
      expect.soft(shown, `library row "${name}" vs the calculator`).toEqual(await headline(page));
      await go(page, "scenarios");
    }
  });
});

test.describe("compare", () => {
  test("variants of a scenario, three side by side: differing inputs marked, NPV rising", async ({ page }) => {
    await open(page);
    await describeScenario(page, { name: "Acme" });
    await go(page, "scenarios");
    await page.getByTestId("make-variants").click();
    await expect(notes(page, "Created three scenarios: conservative, expected and optimistic.")).toBeVisible();
    const names = ["Acme · conservative", "Acme · expected", "Acme · optimistic"];
    await expect(rows(page)).toHaveCount(3);
    for (const name of names) await expect(row(page, name)).toHaveCount(1);

    // One ticked: no comparison yet.
    await row(page, names[0]).getByRole("checkbox").check();
    await expect(page.getByTestId("comparison")).toHaveCount(0);
    await row(page, names[1]).getByRole("checkbox").check();
    await row(page, names[2]).getByRole("checkbox").check();

    const table = page.getByTestId("comparison");
    await expect(table).toBeVisible();
    // Three scenario columns after the label column, in the order ticked.
    await expect(table.locator("thead th")).toHaveText(["", ...names]);
    /** The comparison row whose header is exactly `label`. */
    const line = (label) =>
      table.locator("tbody tr").filter({ has: page.getByRole("rowheader", { name: label, exact: true }) });
    for (const tr of await table.locator("tbody tr").all()) await expect(tr.locator("td")).toHaveCount(3);

    // NPV row: the expected variant is the scenario itself (golden defaults, "€171,301");
    // halving the improvements and adding contingency can only lower NPV, raising them
    // by half only raise it.
    const npvRow = line("NPV");
    await expect(npvRow.locator("td").nth(1)).toHaveText(money(DEFAULTS.npv));
    const [conservative, expectedNpv, optimistic] = (await npvRow.locator("td").allTextContents()).map(readMoney);
    console.log(`NPV conservative ${conservative}, expected ${expectedNpv}, optimistic ${optimistic}`);
    expect(conservative).toBeLessThan(expectedNpv);
    expect(expectedNpv).toBeLessThan(optimistic);

    // Contingency: 10 % + 10 points = 20 % for conservative (first column), 10 % for the
    // others, which differ from the first and are marked.
    const contingency = line("Cost contingency");
    await expect(contingency.locator("td")).toHaveText([percent(20), percent(10), percent(10)]);
    await expect(contingency.locator("td.differs")).toHaveCount(2);
    await expect(contingency.locator("td").nth(0)).not.toHaveClass(/differs/);
    // Churn with CRM: before 15 %, after 13 % → a 2-point improvement, halved to 1 (14 %)
    // or × 1.5 to 3 (12 %). Deal value uplift 4 % → 2 % / 4 % / 6 %.
    await expect(line("Yearly churn with CRM").locator("td")).toHaveText([percent(14), percent(13), percent(12)]);
    await expect(line("Yearly churn with CRM").locator("td.differs")).toHaveCount(2);
    await expect(line("Average deal value uplift").locator("td")).toHaveText([percent(2), percent(4), percent(6)]);
    // Inputs the variants leave alone are not listed.
    await expect(line("Seats")).toHaveCount(0);
    // Benefits by line, in present value (the calculator's breakdown): the expected
    // variant's AI churn line is the default's, 6,998.40 ÷ 1.1 + 9,914.40 ÷ 1.21 +
    // 11,664 ÷ 1.331 = €23,319 (worked in lines.spec.js); the lifetime-value line counts
    // in none of them, so it has no row.
    await expect(page.getByTestId("compare-line-8").locator("td").nth(1)).toHaveText("€23,319");
    await expect(page.getByTestId("compare-line-8").locator("th")).toHaveText("AI churn prediction");
    await expect(page.getByTestId("compare-line-7")).toHaveCount(0);
  });
});

test.describe("phone width", () => {
  test("the scenarios screen with a comparison has no horizontal scroll at 360 px", async ({ page }) => {
    await page.setViewportSize({ width: 360, height: 800 });
    await open(page);
    await page.getByTestId("save").click();
    await go(page, "scenarios");
    await page.getByTestId("make-variants").click();
    await expect(rows(page)).toHaveCount(4);
    for (const box of await rows(page).locator("input[type=checkbox]").all()) await box.check();
    await expect(page.getByTestId("comparison")).toBeVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBe(0);
    await page.screenshot({ path: "artifacts/scenarios-360.png", fullPage: true });
  });
});

test.describe("export and import", () => {
  test("export all, delete all, import back; again renames; a bad file changes nothing", async ({ page }) => {
    await open(page);
    // Alpha: defaults (golden "€171,301"); Beta: churn 12.5 % (golden "€193,174").
    await describeScenario(page, { name: "Alpha", company: "Acme" });
    await page.getByTestId("save").click();
    await page.getByTestId("save-as-new").click();
    await describeScenario(page, { name: "Beta", company: "Bravo" });
    await setField(page, "churn_after_pct", "12.5", "w");
    await expect(npv(page)).toHaveText(money(CHURN_12_5.npv));
    await go(page, "scenarios");
    await expect(rowNames(page)).toHaveText(["Beta", "Alpha"]);
    await expect(rowCell(row(page, "Alpha"), "npv")).toHaveText(money(DEFAULTS.npv));
    await expect(rowCell(row(page, "Beta"), "npv")).toHaveText(money(CHURN_12_5.npv));

    const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("export-all").click()]);
    expect(download.suggestedFilename()).toMatch(/\.json$/);
    const file = await download.path();
    const text = readFileSync(file, "utf8");
    console.log(`exported file: ${text.length} characters`);
    expect(() => JSON.parse(text), "the export is JSON").not.toThrow();
    expect(text).toContain('"Alpha"');
    expect(text).toContain('"Beta"');
    const originalKeys = savedKeys(await stored(page));

    // Delete both.
    for (const name of ["Alpha", "Beta"]) await row(page, name).getByTestId("delete").click();
    await expect(rows(page)).toHaveCount(0);
    expect(savedKeys(await stored(page))).toEqual([]);
    await dismissNotes(page);

    // Import: both back, same figures, same order (their own `updated`).
    await page.getByTestId("import").setInputFiles(file);
    await expect(notes(page, "Scenarios imported: 2.")).toBeVisible();
    await expect(rowNames(page)).toHaveText(["Beta", "Alpha"]);
    await expect(rowCell(row(page, "Alpha"), "npv")).toHaveText(money(DEFAULTS.npv));
    await expect(rowCell(row(page, "Beta"), "npv")).toHaveText(money(CHURN_12_5.npv));
    await expect(row(page, "Alpha").locator(".company")).toHaveText("Acme");
    const firstImport = savedKeys(await stored(page));
    expect(firstImport).toHaveLength(2);
    // New ids: imported scenarios never take over an existing (here: deleted) one's key.
    for (const key of firstImport) expect(originalKeys).not.toContain(key);
    await dismissNotes(page);

    // Import again: nothing overwritten, the names get " (2)", and a note says so.
    await page.getByTestId("import").setInputFiles(file);
    await expect(notes(page, "Scenarios imported: 2.")).toBeVisible();
    await expect(rows(page)).toHaveCount(4);
    for (const name of ["Alpha", "Beta", "Alpha (2)", "Beta (2)"]) await expect(row(page, name)).toHaveCount(1);
    await expect(notes(page, /^“(Alpha|Beta)” already existed: imported as “\1 \(2\)”\.×?$/)).toHaveCount(1);
    await expect(rowCell(row(page, "Beta (2)"), "npv")).toHaveText(money(CHURN_12_5.npv));
    const secondImport = savedKeys(await stored(page));
    expect(secondImport).toHaveLength(4);
    for (const key of firstImport) expect(secondImport).toContain(key);
    const before = await stored(page);
    const namesBefore = await rowNames(page).allTextContents();
    await dismissNotes(page);

    // A file that is not a Retorno export: a warning, nothing changes.
    await page.getByTestId("import").setInputFiles({
      name: "not-retorno.json",
      mimeType: "application/json",
      buffer: Buffer.from('{"scenarios": [{"name": 42'),
    });
    await expect(warnings(page, "Could not import the file")).toHaveCount(1);
    await expect(rowNames(page)).toHaveText(namesBefore);
    expect(await stored(page)).toEqual(before);
  });
});

test.describe("accessibility", () => {
  test("axe finds no WCAG 2.2 AA violations on the scenarios screen with a comparison", async ({ page }) => {
    await open(page);
    await describeScenario(page, { name: "Acme", company: "Acme Logística" });
    await page.getByTestId("save").click();
    await go(page, "scenarios");
    await page.getByTestId("make-variants").click();
    await expect(rows(page)).toHaveCount(4);
    for (const name of ["Acme · conservative", "Acme · expected", "Acme · optimistic"])
      await row(page, name).getByRole("checkbox").check();
    await expect(page.getByTestId("comparison")).toBeVisible();
    await expect(page.getByTestId("comparison").locator("td.differs").first()).toBeVisible();
    // A deletion note with its undo button is on screen too.
    await row(page, "Acme").getByTestId("delete").click();
    await expect(notes(page).getByTestId("undo")).toBeVisible();

    const { violations, report } = await axe(page);
    expect(violations.map((v) => v.id), report).toEqual([]);
  });
});
