// Storage faults (unreadable, full, blocked) and two tabs sharing one storage.
// Expected values: tests/fixtures/model_golden.json through app.js, as in scenarios.spec.js.
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

test.describe("storage", () => {
  test("unreadable stored data is moved aside, with a warning, and the app starts from defaults", async ({ page }) => {
    // Before the app loads (once only): a working scenario that is not JSON.
    await page.addInitScript(() => {
      if (sessionStorage.getItem("seeded")) return;
      sessionStorage.setItem("seeded", "1");
      localStorage.setItem("retorno.current", "{not json");
    });
    await open(page);
    const warning = warnings(page, "Some stored data could not be read");
    await expect(warning).toHaveCount(1);
    // Golden defaults.
    await expect(npv(page)).toHaveText(money(DEFAULTS.npv));
    await expect(card(page, "roi")).toHaveText(percent(DEFAULTS.roi_pct));

    const all = await stored(page);
    const backups = Object.keys(all).filter((k) => k.startsWith("retorno.backup.retorno.current."));
    expect(backups, JSON.stringify(all)).toHaveLength(1);
    expect(backups[0]).toMatch(/^retorno\.backup\.retorno\.current\.\d{13}$/);
    expect(all[backups[0]], "the backup holds the exact original text").toBe("{not json");
    // The note names the backup key.
    await expect(warning).toContainText(`“${backups[0]}”`);

    // Next visit: nothing unreadable any more, no warning, the backup still there.
    await page.reload();
    await expect(npv(page)).toHaveText(money(DEFAULTS.npv));
    await expect(warnings(page)).toHaveCount(0);
    expect((await stored(page))[backups[0]]).toBe("{not json");
  });

  test("full storage: a warning, and edits still reach the figures (kept in memory)", async ({ page }) => {
    await page.addInitScript(() => {
      const real = Storage.prototype.setItem;
      Storage.prototype.setItem = function (key, value) {
        // The app's start-up probe gets through; every real write is refused.
        if (key === "retorno.probe") return real.call(this, key, value);
        throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
      };
    });
    await open(page);
    const full = warnings(page, "The browser's storage is full");
    // The first autosave may already have warned; clear it so the edit's own warning shows.
    await page.waitForTimeout(300);
    if ((await full.count()) > 0) await full.locator("button.close").click();
    await expect(full).toHaveCount(0);

    await setField(page, "churn_after_pct", "12.5", "w");
    await expect(full).toHaveCount(1);
    await expect(full.locator("p")).toHaveText(
      "The browser's storage is full: changes are kept only while this page is open. Export your scenarios.",
    );
    // Golden churn 12.5 %.
    await expect(npv(page)).toHaveText(money(CHURN_12_5.npv));
    await expect(card(page, "roi")).toHaveText(percent(CHURN_12_5.roi_pct));
    // Saving still works for this visit.
    await describeScenario(page, { name: "In memory" });
    await page.getByTestId("save").click();
    await go(page, "scenarios");
    await expect(rowNames(page)).toHaveText(["In memory"]);
    await expect(rowCell(row(page, "In memory"), "npv")).toHaveText(money(CHURN_12_5.npv));
    expect(await stored(page)).toEqual({});
  });

  test("blocked storage: the app works in memory and says so", async ({ page }) => {
    await page.addInitScript(() => {
      Object.defineProperty(window, "localStorage", {
        get() {
          throw new DOMException("blocked", "SecurityError");
        },
      });
    });
    await open(page);
    await expect(warnings(page, "does not allow storage here")).toHaveCount(1);
    await expect(warnings(page, "does not allow storage here").locator("p")).toHaveText(
      "This browser does not allow storage here: the app works in memory and nothing is kept on close. Export your scenarios.",
    );
    await expect(npv(page)).toHaveText(money(DEFAULTS.npv));
    await setField(page, "churn_after_pct", "12.5", "w");
    await expect(npv(page)).toHaveText(money(CHURN_12_5.npv));
    await lang(page, "es");
    await expect(npv(page)).toHaveText(money(CHURN_12_5.npv, "es"));
    await lang(page, "en");
    await describeScenario(page, { name: "Memory only" });
    await page.getByTestId("save").click();
    await go(page, "scenarios");
    await expect(rowNames(page)).toHaveText(["Memory only"]);
  });
});

test.describe("two tabs", () => {
  test("changes in one tab reach the other; a newer change is never overwritten by an older one", async ({
    page,
    context,
    problems,
  }) => {
    const a = page;
    await open(a);
    const b = watch(await context.newPage(), problems);
    await open(b);
    await go(b, "scenarios");

    // A saves a named scenario: it shows up in B's library without a reload.
    await describeScenario(a, { name: "Shared work" });
    await a.getByTestId("save").click();
    await expect(rowNames(b)).toHaveText(["Shared work"]);

    // A changes the working scenario: churn 12.5 % (golden); B follows.
    await go(b, "calculator");
    await setField(a, "churn_after_pct", "12.5", "w");
    await expect(npv(a)).toHaveText(money(CHURN_12_5.npv));
    await expect(field(b, "churn_after_pct", "w")).toHaveValue("12.5");
    await expect(npv(b)).toHaveText(money(CHURN_12_5.npv));
    await expect(b.getByTestId("scenario-name")).toHaveValue("Shared work");

    // Later, B changes seats to 50: NPV falls by 10 seats' licences (see npvPerSeat).
    const fifty = money(CHURN_12_5.npv - 10 * npvPerSeat());
    await setField(b, "seats", "50");
    await expect(npv(b)).toHaveText(fifty);
    // A adopts B's newer change…
    await expect(field(a, "seats")).toHaveValue("50");
    await expect(npv(a)).toHaveText(fifty);
    await expect(field(a, "churn_after_pct", "w")).toHaveValue("12.5");
    // …and B keeps its own.
    await expect(field(b, "seats")).toHaveValue("50");
    await expect(npv(b)).toHaveText(fifty);

    // A stale write (an older `updated` than B's last change, as a tab that slept would
    // make) must not replace B's work. A marker scenario saved right after it tells us
    // when B has received both events (storage events arrive in order).
    const stale = await a.evaluate(() => {
      const mine = JSON.parse(localStorage.getItem("retorno.current"));
      const seats = typeof mine.inputs.seats === "string" ? "70" : 70;
      const old = { ...mine, inputs: { ...mine.inputs, seats }, updated: mine.updated - 60_000 };
      localStorage.setItem("retorno.current", JSON.stringify(old));
      const marker = { ...mine, id: "marker", name: "Marker", updated: Date.now() };
      localStorage.setItem("retorno.saved.marker", JSON.stringify(marker));
      return { mine: mine.updated, old: old.updated };
    });
    expect(stale.old).toBeLessThan(stale.mine);
    await go(b, "scenarios");
    await expect(row(b, "Marker")).toHaveCount(1);
    await go(b, "calculator");
    await expect(field(b, "seats")).toHaveValue("50");
    await expect(npv(b)).toHaveText(fifty);

    // The open named scenario followed in both tabs: its row shows B's latest figures.
    await go(a, "scenarios");
    await expect(rowCell(row(a, "Shared work"), "npv")).toHaveText(fifty);
    await go(b, "scenarios");
    await expect(rowCell(row(b, "Shared work"), "npv")).toHaveText(fifty);
  });
});
