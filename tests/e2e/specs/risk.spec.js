// Issue 15 in a browser: risk ranges by Monte Carlo, run in the background worker.
//
// Expected values: tests/fixtures/risk_browser.json, the figures the native build of
// the engine computes for the same links (tests/risk_browser.rs writes it and fails when
// it is out of date), so these tests check that the wasm build in the worker gives the
// same figures to the cent; the deterministic NPV from model_golden.json (the independent
// Python model); the default ranges and messages worked by hand in the comments.
import { readFileSync } from "node:fs";
import { test, expect, expected, money, percent, card, open, openAt, npv, field, fieldError, setField, go, lang, axe, describe as describeScenario, rows, row } from "./app.js";
import { expectNoSideScroll } from "./measure-page.js";

const FIXTURE = JSON.parse(readFileSync(new URL("../../fixtures/risk_browser.json", import.meta.url), "utf8"));

/**
 * The rule that ties the ranges to the headline (src/scenario/risk.rs, set_ranges_on),
 * for the default scenario: haircut 10 %, 10,000 trials.
 */
const RULE_EN =
  "The headline is the risk-adjusted case (benefits −10%); 10,000 trials over the ranges, drawn around it, show how far it may move and never change it.";
const RULE_ES =
  "Las cifras principales son el caso ajustado por riesgo (beneficios −10 %); 10.000 simulaciones sobre los rangos, alrededor de él, muestran cuánto puede variar, sin cambiarlo.";

/** The `data-value`s (figures to the cent) of a row of the risk table. */
const values = (scope, testid) =>
  scope.getByTestId(testid).locator("td[data-value]").evaluateAll((tds) => tds.map((td) => td.dataset.value));

/** Waits for a finished simulation: figures shown, none being recomputed. */
async function simulated(scope) {
  await expect(scope.getByTestId("risk-chance")).toBeVisible({ timeout: 30_000 });
  await expect(scope.locator(".risk-figures.stale")).toHaveCount(0, { timeout: 30_000 });
}

/** Checks the figures shown against one case of the fixture. */
async function expectFigures(scope, want) {
  expect(await values(scope, "risk-npv")).toEqual(want.npv);
  expect(await values(scope, "risk-roi")).toEqual(want.roi);
  expect(await values(scope, "risk-payback")).toEqual(want.payback);
  await expect(scope.getByTestId("risk-chance")).toHaveAttribute("data-value", want.chance);
  await expect(scope.getByTestId("risk-never")).toHaveAttribute("data-value", want.never);
}

test.describe("risk ranges", () => {
  test("switching ranges on keeps the headline (the risk-adjusted case), says so, and simulates around it", async ({ page }) => {
    await open(page);
    const haircut = field(page, "risk_haircut_pct");
    const defaults = expected("defaults"); // the independent Python model: NPV 171,301.30, ROI 49.17 %
    await expect(haircut).toHaveValue("10");
    await page.getByTestId("risk-on").check();
    await expect(haircut).toHaveValue("10");
    await expect(npv(page)).toHaveText(money(defaults.npv));
    await expect(card(page, "roi")).toHaveText(percent(defaults.roi_pct));
    await expect(page.getByTestId("risk-rule")).toHaveText(RULE_EN);
    await expect(page.getByTestId("risk-legacy")).toHaveCount(0);
    await simulated(page);
    // The default scenario with ranges on is the fixture's "default" case.
    await expectFigures(page, FIXTURE.default);
    const [p10, , p90] = FIXTURE.default.npv.map(Number);
    const chance = Number(FIXTURE.default.chance);
    await expect(page.getByTestId("risk-line")).toHaveText(
      `80% of trials: NPV between ${money(p10)} and ${money(p90)} · ${percent(chance)} chance that NPV > 0`,
    );
    await expect(page.getByTestId("risk-status")).toHaveText("10,000 trials, seed 15.");
    // 45 drivers have a range: the 51 inputs less the horizon, the three fixed ones
    // (discount rate, contingency, haircut) and the two drivers of the lifetime-value
    // line, which is off.
    await expect(page.getByTestId("risk-ranges").locator("summary")).toHaveText("Ranges of the drivers (45)");
    // Charts: 30 bins, the three quantile markers; the eight drivers that move NPV most.
    await expect(page.getByTestId("chart-risk-histogram").locator("rect")).toHaveCount(30);
    await expect(page.getByTestId("chart-risk-histogram").locator("line.mark")).toHaveCount(3);
    await expect(page.getByTestId("chart-risk-contributions").locator("rect")).toHaveCount(8);

    await lang(page, "es");
    await expect(page.getByTestId("risk-chance")).toContainText("de probabilidad de que el VAN sea positivo");
    await expect(page.getByTestId("risk-line")).toContainText("El 80 % de las simulaciones: VAN entre");
    await expect(page.getByTestId("risk-rule")).toHaveText(RULE_ES);
    await lang(page, "en");

    await page.getByTestId("risk-on").uncheck();
    await expect(haircut).toHaveValue("10");
    await expect(page.getByTestId("risk-line")).toHaveCount(0);
    await expect(page.getByTestId("risk-rule")).toHaveCount(0);
    await expect(npv(page)).toHaveText(money(defaults.npv));
  });

  test("a link from before the rule (haircut set aside) opens with its own figures and says so", async ({ page }) => {
    await openAt(page, `/index.html#s=${FIXTURE.legacy.link}`);
    const haircut = field(page, "risk_haircut_pct");
    await expect(haircut).toHaveValue("0");
    await expect(page.getByTestId("risk-legacy")).toHaveText(
      "Saved when ranges set the risk haircut (10%) aside: it is 0% here; switching ranges off puts it back.",
    );
    await simulated(page);
    await expectFigures(page, FIXTURE.legacy);
    await page.getByTestId("risk-on").uncheck();
    await expect(haircut).toHaveValue("10");
    await expect(npv(page)).toHaveText(money(expected("defaults").npv));
  });

  test("the worker's wasm gives the native engine's figures to the cent, from a link", async ({ page }) => {
    await openAt(page, `/index.html#s=${FIXTURE.default.link}`);
    await simulated(page);
    await expectFigures(page, FIXTURE.default);
  });

  test("ranges collapsed to their values: P10 = P50 = P90 = the deterministic NPV", async ({ page }) => {
    await openAt(page, `/index.html#s=${FIXTURE.collapsed.link}`);
    await simulated(page);
    // The golden NPV of the defaults (the haircut kept in this link): €171,301.30.
    const golden = expected("defaults").npv.toFixed(2);
    expect(await values(page, "risk-npv")).toEqual([golden, golden, golden, golden]);
    await expect(page.getByTestId("risk-chance")).toHaveAttribute("data-value", "100");
    await expectFigures(page, FIXTURE.collapsed);
  });

  test("editing ranges: refused ends, a range the value leaves, back to default, resimulate", async ({ page }) => {
    await open(page);
    await page.getByTestId("risk-on").check();
    await simulated(page);
    await page.getByTestId("risk-ranges").locator("summary").click();
    // Conversion with the CRM: 11.5 %, default range ±25 % = 8.625 %–14.375 %.
    const low = page.getByTestId("risk-low-conversion_after_pct");
    const high = page.getByTestId("risk-high-conversion_after_pct");
    await expect(low).toHaveValue("8.625");
    await expect(high).toHaveValue("14.375");
    await low.fill("12");
    await expect(fieldError(page, "conversion_after_pct", "risk-low")).toContainText("The low end must not be above the likely value.");
    await low.fill("10");
    await high.fill("12");
    await expect(page.getByTestId("risk-range-conversion_after_pct")).toHaveClass(/custom/);
    await simulated(page);
    // The value moves past the range set: the simulation says which range and why.
    await setField(page, "conversion_after_pct", "13");
    await expect(page.getByTestId("risk-error")).toHaveText(
      "Lead conversion with CRM: the likely value (13%) is above the high end (12%).",
    );
    await expect(page.getByTestId("risk-line")).toHaveText("Risk ranges: some ranges need correcting (see the risk panel).");
    await page.getByTestId("risk-default-conversion_after_pct").click();
    await expect(page.getByTestId("risk-error")).toHaveCount(0);
    // ±25 % of 13 % = 9.75 %–16.25 %.
    await expect(low).toHaveValue("9.75");
    await simulated(page);

    const chance = await page.getByTestId("risk-chance").getAttribute("data-value");
    await page.getByTestId("risk-resimulate").click();
    await expect(page.getByTestId("risk-seed")).not.toHaveText("15");
    await simulated(page);
    const seed = await page.getByTestId("risk-seed").textContent();
    await expect(page.getByTestId("risk-status")).toHaveText(`10,000 trials, seed ${seed}.`);
    console.log(`P(NPV > 0) with seed 15: ${chance} %; with seed ${seed}: ${await page.getByTestId("risk-chance").getAttribute("data-value")} %`);
    await page.getByTestId("risk-trials").selectOption("1000");
    await simulated(page);
    await expect(page.getByTestId("risk-status")).toHaveText(`1,000 trials, seed ${seed}.`);
    await page.getByTestId("risk-math").locator("summary").click();
    await expect(page.getByTestId("risk-math")).toContainText("(low + 4 × likely + high) ÷ 6");
    expect((await axe(page)).report).toBe("");
    await page.setViewportSize({ width: 360, height: 800 });
    await expectNoSideScroll(page);
  });

  test("the range goes with the headline figures: presentation, comparison, report", async ({ page }) => {
    await open(page);
    await page.getByTestId("risk-on").check();
    await simulated(page);
    const [p10, , p90] = FIXTURE.default.npv.map(Number);
    const range = `${money(p10)} – ${money(p90)}`;

    await page.getByTestId("present").click();
    await expect(page.getByTestId("presentation").getByTestId("risk-line")).toContainText(
      `NPV between ${money(p10)} and ${money(p90)}`,
    );
    await expect(page.getByTestId("presentation").getByTestId("risk-rule")).toHaveText(RULE_EN);
    await page.keyboard.press("Escape");

    await describeScenario(page, { name: "Acme" });
    await go(page, "scenarios");
    await page.getByTestId("make-variants").click();
    await expect(rows(page)).toHaveCount(3);
    await row(page, "Acme · conservative").getByRole("checkbox").check();
    await row(page, "Acme · expected").getByRole("checkbox").check();
    // The expected variant is the scenario itself: the fixture's default case.
    await expect(page.getByTestId("compare-risk-range").locator("td").nth(1)).toHaveText(range, { timeout: 30_000 });
    await expect(page.getByTestId("compare-risk-chance").locator("td").nth(1)).toHaveText(percent(Number(FIXTURE.default.chance)));
    await expect(page.getByTestId("compare-risk-range").locator("td").nth(0)).not.toHaveText("…", { timeout: 30_000 });
    await expect(page.getByTestId("compare-risk-rule")).toHaveText("Headline figures: each scenario's risk-adjusted case. NPV P10–P90: its ranges' trials, drawn around that case.");

    await page.goto(`/report.html#s=${FIXTURE.default.link}`);
    const report = page.getByTestId("report-risk");
    await simulated(report);
    await expectFigures(report, FIXTURE.default);
    await expect(report).toContainText("45 drivers were given a low, likely and high value");
    await expect(report).toContainText(RULE_EN);
    // The summary states the haircut the figures carry, never 0 % while risk is counted.
    await expect(page.getByTestId("report-summary")).toContainText("Benefits are reduced by 10% for estimation risk");
  });
});
