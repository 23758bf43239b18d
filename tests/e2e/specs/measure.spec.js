// The measurement screen in a browser: KPIs of a baseline period against a current one
// typed by hand, pasted deals, the campaign table, the CLV calculator, feeding measured
// values into the ROI model, persistence and accessibility.
//
// Every expected figure is worked out here by hand from the formulas the issue and the
// engine's docs state (src/engine/measure.rs, kpi.rs, campaigns.rs, deals.rs, model.rs),
// with the arithmetic in a comment next to it; never read back from the page. The ROI
// model's figures come from tests/fixtures/model_golden.json or from `roiModel` below, a
// re-implementation of the model's documented formulas that is itself checked against
// the golden file first.
import {
  test,
  expect,
  expected,
  defaults,
  money,
  percent,
  open,
  openAt,
  card,
  npv,
  field,
  go,
  lang,
  watch,
  shareLink,
  stored,
  axe,
} from "./app.js";
import {
  DEFAULTS,
  CHURN_12_5,
  openMeasure,
  kpi,
  expectKpi,
  setDates,
  setFigures,
  errorOf,
  campaignInput,
  setCampaign,
  expectMetrics,
  expectNoSideScroll,
  roiModel,
  yearlyChurn,
} from "./measure-page.js";

test.describe("KPIs by hand", () => {
  test("typed figures give hand-computed deltas and verdicts; contradictions and bad entries are shown", async ({
    page,
  }) => {
    await openMeasure(page);
    // Both halves of a year: 2025-01-01..06-30 and 2026-01-01..06-30, 181 days each.
    await setDates(page, "baseline", "2025-01-01", "2025-06-30");
    await setDates(page, "current", "2026-01-01", "2026-06-30");
    // Numbers typed the English way, with thousands separators.
    await setFigures(page, "baseline", {
      customers_start: "1,000",
      customers_end: "950",
      customers_new: "100",
      complaints: "84",
      surveys_sent: "2,000",
      survey_responses: "400",
      satisfied: "300",
      promoters: "150",
      passives: "150",
      detractors: "100",
      leads: "2,000",
      won_deals: "200",
      marketing_spend: "90,000",
      interactions: "9,500",
    });
    await setFigures(page, "current", {
      customers_start: "950",
      customers_end: "1,000",
      customers_new: "80",
      complaints: "61",
      surveys_sent: "2,000",
      survey_responses: "500",
      satisfied: "425",
      promoters: "250",
      passives: "150",
      detractors: "100",
      leads: "2,000",
      won_deals: "250",
      marketing_spend: "88,000",
      interactions: "10,000",
    });
    // The same lengths: no warning about the periods.
    await expect(page.locator("#periods .warn-text")).toHaveCount(0);

    // Retention (E − N) ÷ S: before (950 − 100) ÷ 1,000 = 85 %; now (1,000 − 80) ÷ 950 =
    // 96.842 %; +11.842 pp, ÷ 85 = +13.93 %. Up is better.
    await expectKpi(page, "Retention", "85% → 96.8%", "+11.8 pp (+13.9%)", "↑ Better");
    // Churn, customers of the start lost: before 1,000 − 850 = 150 of 1,000 = 15 %; now
    // 950 − 920 = 30 of 950 = 3.158 %; −11.842 pp, ÷ 15 = −78.95 %. Down is better.
    await expectKpi(page, "Churn", "15% → 3.2%", "-11.8 pp (-78.9%)", "↓ Better");
    // Complaints, a count: 84 → 61, −23, ÷ 84 = −27.38 %. Fewer is better.
    await expectKpi(page, "Complaints", "84 → 61", "-23 (-27.4%)", "↓ Better");
    // CSAT satisfied ÷ responses: 300 ÷ 400 = 75 % → 425 ÷ 500 = 85 %; +10 pp, ÷ 75 = +13.3 %.
    await expectKpi(page, "Csat", "75% → 85%", "+10 pp (+13.3%)", "↑ Better");
    // NPS (P − D) ÷ (P + Pa + D) × 100, in points: (150 − 100) ÷ 400 = 12.5 →
    // (250 − 100) ÷ 500 = 30; +17.5 points, ÷ 12.5 = +140 %.
    await expectKpi(page, "Nps", "12.5 → 30", "+17.5 (+140%)", "↑ Better");
    // Survey response 400 ÷ 2,000 = 20 % → 500 ÷ 2,000 = 25 %; +5 pp, +25 %.
    await expectKpi(page, "SurveyResponse", "20% → 25%", "+5 pp (+25%)", "↑ Better");
    // Conversion won ÷ leads: 200 ÷ 2,000 = 10 % → 250 ÷ 2,000 = 12.5 %; +2.5 pp, +25 %.
    await expectKpi(page, "Conversion", "10% → 12.5%", "+2.5 pp (+25%)", "↑ Better");
    // CAC spend ÷ new customers: 90,000 ÷ 100 = €900 → 88,000 ÷ 80 = €1,100; +€200,
    // ÷ 900 = +22.2 %. A cost going up is worse.
    await expectKpi(page, "Cac", "€900 → €1,100", "+€200 (+22.2%)", "↑ Worse");
    // CPL spend ÷ leads: 90,000 ÷ 2,000 = €45 → 88,000 ÷ 2,000 = €44; −€1, −2.2 %.
    await expectKpi(page, "Cpl", "€45 → €44", "-€1 (-2.2%)", "↓ Better");
    // CPA spend ÷ won deals: 90,000 ÷ 200 = €450 → 88,000 ÷ 250 = €352; −€98, −21.8 %.
    await expectKpi(page, "Cpa", "€450 → €352", "-€98 (-21.8%)", "↓ Better");
    // Interactions per customer at the end: 9,500 ÷ 950 = 10 → 10,000 ÷ 1,000 = 10.
    await expectKpi(page, "Interactions", "10 → 10", "0 (0%)", "Same");
    // Nothing entered for the AI: a dash each side, no change, no verdict.
    await expectKpi(page, "AiAccuracy", "— → —", "", "");
    // Needs the margin per customer, not entered: blank too.
    await expect(kpi(page, "Clv").values).toHaveText("— → —");

    // Scorecard: better = retention, churn, complaints, CSAT, NPS, survey response,
    // conversion, CPL, CPA (9); worse = CAC (1); unchanged = interactions (1).
    await expect(page.getByTestId("score-summary")).toHaveText("9 KPIs better, 1 worse, 1 unchanged.");
    // No target set: the target cell is empty and the status says so.
    await expect(page.getByTestId("score-Cac").locator("td")).toHaveText(["€900", "€1,100", "+€200", "↑ Worse", "", "No target"]);

    // Interactions are neither good nor bad: 12,000 ÷ 1,000 = 12, +2, ÷ 10 = +20 %.
    await setFigures(page, "current", { interactions: "12,000" });
    await expectKpi(page, "Interactions", "10 → 12", "+2 (+20%)", "↑ Changed");
    await expect(page.getByTestId("score-summary")).toHaveText("9 KPIs better, 1 worse, 0 unchanged.");

    // A contradiction: 1,200 new customers but only 1,000 at the end of the period.
    await setFigures(page, "current", { customers_new: "1,200" });
    await expect(errorOf(page, "current-customers_new"), "a valid number on its own: no field error").toHaveText("");
    await expect(kpi(page, "Retention").values).toHaveText("85% → figures disagree");
    await expect(kpi(page, "Churn").values).toHaveText("15% → figures disagree");
    await expect(kpi(page, "Retention").change).toHaveText("");
    await expect(kpi(page, "Retention").verdict).toHaveText("");
    // CAC does not care: 88,000 ÷ 1,200 = €73.33; −€826.67, ÷ 900 = −91.85 %.
    await expectKpi(page, "Cac", "€900 → €73.33", "-€826.67 (-91.9%)", "↓ Better");
    // Back to 80: the card has its numbers again.
    await setFigures(page, "current", { customers_new: "80" });
    await expectKpi(page, "Churn", "15% → 3.2%", "-11.8 pp (-78.9%)", "↓ Better");

    // Invalid entries: a message next to the field, and the last valid value is kept.
    const complaints = page.getByTestId("baseline-complaints");
    await complaints.fill("-5");
    await expect(errorOf(page, "baseline-complaints")).toHaveText("The minimum is 0. Results use the last valid value.");
    await expect(errorOf(page, "baseline-complaints")).toHaveAttribute("role", "alert");
    await expect(complaints).toHaveAttribute("aria-invalid", "true");
    await expect(complaints).toHaveValue("-5");
    await expectKpi(page, "Complaints", "84 → 61", "-23 (-27.4%)", "↓ Better");
    await complaints.fill("abc");
    await expect(errorOf(page, "baseline-complaints")).toHaveText("Not a valid number. Results use the last valid value.");
    await expect(kpi(page, "Complaints").values).toHaveText("84 → 61");
    await complaints.fill("12.5");
    await expect(errorOf(page, "baseline-complaints")).toHaveText("Must be a whole number. Results use the last valid value.");
    await expect(kpi(page, "Complaints").values).toHaveText("84 → 61");
    // A valid value clears the message: 70 → 61, −9, ÷ 70 = −12.86 %.
    await complaints.fill("70");
    await expect(errorOf(page, "baseline-complaints")).toHaveText("");
    await expect(complaints).toHaveAttribute("aria-invalid", "false");
    await expectKpi(page, "Complaints", "70 → 61", "-9 (-12.9%)", "↓ Better");
    // Blank is "not measured", not an error.
    await complaints.fill("");
    await expect(errorOf(page, "baseline-complaints")).toHaveText("");
    await expectKpi(page, "Complaints", "— → 61", "", "");

    // In Spanish: the same figures, Spanish words and number formats.
    await lang(page, "es");
    await expectKpi(
      page,
      "Churn",
      `${percent(15, "es")} → ${percent(3.1579, "es")}`,
      `-11,8 p. p. (-${percent(78.947, "es")})`,
      "↓ Mejora",
    );
    await expectKpi(page, "Cac", `${money(900, "es")} → ${money(1100, "es")}`, `+${money(200, "es")} (+${percent(22.22, "es")})`, "↑ Empeora");
    await expect(kpi(page, "Interactions").verdict).toHaveText("↑ Cambia");
    // Typed the Spanish way: "96.000" is ninety-six thousand. CAC 96,000 ÷ 80 = 1,200;
    // +300, ÷ 900 = +33.3 %.
    await page.getByTestId("current-marketing_spend").fill("96.000");
    await expect(errorOf(page, "current-marketing_spend")).toHaveText("");
    await expectKpi(page, "Cac", `${money(900, "es")} → ${money(1200, "es")}`, `+${money(300, "es")} (+${percent(33.33, "es")})`, "↑ Empeora");
    await expect(page.getByTestId("current-customers_start")).toHaveValue("950");
    await expect(page.getByTestId("current-interactions")).toHaveValue("12.000");
  });
});

test.describe("deals", () => {
  test("pasted deals give hand-computed mean and median days; bad rows are listed by line", async ({ page }) => {
    await openMeasure(page);
    const paste = [
      "Created,Closed", //           1: header, skipped
      "2025-01-06,2025-02-15", //    2: 25 days to Jan 31 + 15 = 40
      "2025-02-01,2025-03-03", //    3: 28 days of February 2025 + 2 = 30
      "2025-02-30,2025-04-01", //    4: there is no 30 February → date 1 not valid
      "2025-03-10,2025-03-05", //    5: closed before it was created
      "", //                         6: blank, still counted as a line
      "2025-04-01;2025-07-01", //    7: 30 (April) + 31 (May) + 30 (June) = 91
      "2025-05-05,2025-05-05", //    8: same day = 0
      "2025-05-10,soon", //          9: date 2 not valid
      "3/14/2025,4/3/2025", //      10: English, month first: 14 March → 3 April = 17 + 3 = 20
      "2025-06-02\t2025-07-02", //  11: 28 days to June 30 + 2 = 30
    ].join("\n");
    await page.getByTestId("deals-baseline").fill(paste);
    // Good rows: 40, 30, 91, 0, 20, 30 → 6 deals, mean 211 ÷ 6 = 35.17, sorted
    // 0 20 30 30 40 91 → median (30 + 30) ÷ 2 = 30.
    await expect(page.getByTestId("deals-stats-baseline")).toHaveText("Deals: 6 · mean 35.2 · median 30 days");
    const bad = page.getByTestId("bad-deals-baseline");
    await expect(bad.locator(".warn-text")).toHaveText("3 rows do not count:");
    await expect(bad.locator("li")).toHaveText([
      /^Line 4: date 1 is not valid\.\s+2025-02-30,2025-04-01$/,
      /^Line 5: closed before it was created\.\s+2025-03-10,2025-03-05$/,
      /^Line 9: date 2 is not valid\.\s+2025-05-10,soon$/,
    ]);
    // The first paste in English fixed the order to month first.
    await expect(page.getByTestId("date-order")).toHaveValue("mdy");
    // The sales cycle KPI is the mean; nothing pasted for the current period.
    await expect(kpi(page, "SalesCycle").values).toHaveText("35.2 days → —");
    await expect(page.getByTestId("deals-stats-current")).toHaveText("No deals pasted.");
    await expect(page.getByTestId("bad-deals-current")).toHaveCount(0);

    // Read day first instead: "3/14/2025" has no month 14, so line 10 is bad and the
    // rest is 40, 30, 91, 0, 30 → mean 191 ÷ 5 = 38.2, median 30.
    await page.getByTestId("date-order").selectOption("dmy");
    await expect(page.getByTestId("deals-stats-baseline")).toHaveText("Deals: 5 · mean 38.2 · median 30 days");
    await expect(bad.locator("li")).toHaveCount(4);
    await expect(bad.locator("li").nth(3)).toContainText("Line 10: date 1 is not valid.");

    // A current period with only bad rows.
    await page.getByTestId("deals-current").fill("2025-13-01,2025-01-02");
    await expect(page.getByTestId("deals-stats-current")).toHaveText("no valid deals");
    await expect(kpi(page, "SalesCycle").values).toHaveText("38.2 days → no valid deals");
  });

  test("in Spanish, dates are read day first", async ({ page }) => {
    await open(page);
    await lang(page, "es");
    await go(page, "measure");
    await page.getByTestId("deals-current").fill(
      [
        "Alta;Cierre", //              header
        "14/03/2025;02/04/2025", //    14 March → 2 April: 17 + 2 = 19
        "1/4/2025;1/5/2025", //        1 April → 1 May: 30
        "31/12/24;15/01/25", //        two-digit years are 20yy: 31 Dec 2024 → 15 Jan 2025 = 15
      ].join("\n"),
    );
    // 19, 30, 15 → 3 deals, mean 64 ÷ 3 = 21.33, median 19.
    await expect(page.getByTestId("deals-stats-current")).toHaveText("Tratos: 3 · media 21,3 · mediana 19 días");
    await expect(page.getByTestId("bad-deals-current")).toHaveCount(0);
    await expect(page.getByTestId("date-order")).toHaveValue("dmy");

    // The order was fixed at the first paste: English later reads the same text alike.
    await lang(page, "en");
    await expect(page.getByTestId("deals-stats-current")).toHaveText("Deals: 3 · mean 21.3 · median 19 days");
    await expect(page.getByTestId("date-order")).toHaveValue("dmy");
  });
});

test.describe("accessibility and layout", () => {
  for (const code of ["en", "es"]) {
    test(`axe finds no violations on the measurement screen with the example (${code})`, async ({ page }) => {
      await open(page);
      if (code === "es") await lang(page, "es");
      await go(page, "measure");
      await page.getByTestId("load-example").click();
      await expect(page.getByTestId("load-example")).toHaveCount(0);
      await expect(page.getByTestId("campaign-total")).toBeVisible();
      await expect(page.getByTestId("chart-before-after")).toBeVisible();
      const { violations, report } = await axe(page);
      expect(violations, report).toEqual([]);
    });
  }

  test("no horizontal scroll at 360 px with the example loaded", async ({ page }) => {
    await page.setViewportSize({ width: 360, height: 800 });
    await openMeasure(page);
    await page.getByTestId("load-example").click();
    await expect(page.getByTestId("campaign-total")).toBeVisible();
    await expectNoSideScroll(page);
    await lang(page, "es");
    await page.screenshot({ path: "artifacts/measure-360-es.png" });
    await expectNoSideScroll(page);
  });
});

test.describe("the worked example", () => {
  test("loads with one click, clears, and the clearing can be undone", async ({ page }) => {
    await openMeasure(page);
    await page.getByTestId("load-example").click();
    // The example's churn, by hand: baseline 1,200 at start, 1,240 at end, 130 new →
    // lost 1,200 − (1,240 − 130) = 90, 90 ÷ 1,200 = 7.5 %; current 1,240, 1,309, 150 →
    // lost 1,240 − 1,159 = 81, 81 ÷ 1,240 = 6.532… % → "6.5%".
    await expect(kpi(page, "Churn").values).toHaveText("7.5% → 6.5%");
    await expect(page.getByTestId("campaign-0-name")).toHaveValue("Email nurturing");

    await page.getByTestId("clear-measurements").click();
    await expect(kpi(page, "Churn").values).toHaveText("— → —");
    await expect(page.getByTestId("baseline-customers_start")).toHaveValue("");
    await expect(page.getByTestId("campaign-0")).toHaveCount(0);
    await expect(page.getByTestId("load-example")).toBeVisible();

    await page.getByTestId("restore-measurements").click();
    await expect(kpi(page, "Churn").values).toHaveText("7.5% → 6.5%");
    await expect(page.getByTestId("baseline-customers_start")).toHaveValue("1,200");
    await expect(page.getByTestId("campaign-0-name")).toHaveValue("Email nurturing");
    await expect(page.getByTestId("restore-measurements")).toHaveCount(0);
  });
});
