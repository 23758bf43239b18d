// The measurement screen, continued: the campaign table, feeding the ROI model, persistence
// and the CLV calculator. Expected values as in measure.spec.js (hand-worked in the
// comments, or the JS copy of the model below, checked against the golden file).
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

test.describe("campaigns", () => {
  test("three campaigns typed from empty: metrics, rankings by ROMI and ROAS, totals, reorder and remove", async ({
    page,
  }) => {
    await openMeasure(page);
    await expect(page.getByTestId("campaign-0")).toHaveCount(0);
    await expect(page.getByTestId("campaign-total")).toHaveCount(0);
    for (let i = 0; i < 3; i++) await page.getByTestId("add-campaign").click();
    await expect(page.locator('[data-testid^="campaign-"][data-testid$="-name"]')).toHaveCount(3);
    await expect(campaignInput(page, 2, "name")).toHaveValue("Campaign 3");

    // Chosen so that ROAS (revenue) and ROMI (gross profit) rank them in opposite orders.
    await setCampaign(page, 0, { name: "Search", spend: "10,000", clicks: "5,000", leads: "400", customers: "40", revenue: "60,000", margin: "20" });
    await setCampaign(page, 1, { name: "Events", spend: "20,000", clicks: "0", leads: "200", customers: "50", revenue: "80,000", margin: "60" });
    await setCampaign(page, 2, { name: "Email", spend: "4,000", clicks: "8,000", leads: "500", customers: "25", revenue: "12,000", margin: "90" });

    // Search: CPC 10,000 ÷ 5,000 = €2; CPL ÷ 400 = €25; CPA ÷ 40 = €250; 40 ÷ 400 = 10 %;
    // ROAS 60,000 ÷ 10,000 = 600 %; gross profit 60,000 × 20 % = 12,000,
    // ROMI (12,000 − 10,000) ÷ 10,000 = 20 %.
    await expectMetrics(page.getByTestId("campaign-0"), { cpc: "€2", cpl: "€25", cpa: "€250", conversion: "10%", roas: "600%", romi: "20%" });
    // Events: no clicks → CPC "—"; CPL 20,000 ÷ 200 = €100; CPA ÷ 50 = €400; 50 ÷ 200 =
    // 25 %; ROAS 80,000 ÷ 20,000 = 400 %; profit 80,000 × 60 % = 48,000,
    // ROMI (48,000 − 20,000) ÷ 20,000 = 140 %.
    await expectMetrics(page.getByTestId("campaign-1"), { cpc: "—", cpl: "€100", cpa: "€400", conversion: "25%", roas: "400%", romi: "140%" });
    // Email: CPC 4,000 ÷ 8,000 = €0.50; CPL ÷ 500 = €8; CPA ÷ 25 = €160; 25 ÷ 500 = 5 %;
    // ROAS 12,000 ÷ 4,000 = 300 %; profit 12,000 × 90 % = 10,800,
    // ROMI (10,800 − 4,000) ÷ 4,000 = 170 %.
    await expectMetrics(page.getByTestId("campaign-2"), { cpc: "€0.50", cpl: "€8", cpa: "€160", conversion: "5%", roas: "300%", romi: "170%" });

    // Total: spend 10,000 + 20,000 + 4,000 = 34,000; revenue 60,000 + 80,000 + 12,000 =
    // 152,000; profit 12,000 + 48,000 + 10,800 = 70,800; clicks 13,000; leads 1,100;
    // customers 115. ROAS 152,000 ÷ 34,000 = 447.06 %; ROMI (70,800 − 34,000)
    // ÷ 34,000 = 108.24 %; CPC 34,000 ÷ 13,000 = €2.62; CPL ÷ 1,100 = €30.91; CPA ÷ 115 =
    // €295.65; conversion 115 ÷ 1,100 = 10.45 %.
    const total = page.getByTestId("campaign-total");
    await expect(total.locator(".total-line")).toHaveText("Spend €34,000 · revenue €152,000 · gross profit €70,800");
    await expectMetrics(total, { cpc: "€2.62", cpl: "€30.91", cpa: "€295.65", conversion: "10.5%", roas: "447.1%", romi: "108.2%" });

    // By ROMI, the default (the profit a campaign brings): Email 170 > Events 140 > Search 20.
    await expect(page.getByTestId("rank-by")).toHaveValue("romi");
    await expect(page.getByTestId("ranking").locator("li")).toHaveText(["Email: 170%", "Events: 140%", "Search: 20%"]);
    await expect(page.locator('[data-testid^="campaign-"] [data-testid="rank"]')).toHaveText(["#3", "#2", "#1"]);
    // By ROAS: Search 600 > Events 400 > Email 300.
    await page.getByTestId("rank-by").selectOption("roas");
    await expect(page.getByTestId("ranking").locator("li")).toHaveText(["Search: 600%", "Events: 400%", "Email: 300%"]);
    await expect(page.locator('[data-testid^="campaign-"] [data-testid="rank"]')).toHaveText(["#1", "#2", "#3"]);
    await page.getByTestId("rank-by").selectOption("romi");
    // The chart describes every row's two returns.
    await expect(page.getByTestId("chart-campaigns").locator("desc")).toHaveText(
      "Return of each campaign: Search: ROMI 20%, ROAS 600%; Events: ROMI 140%, ROAS 400%; Email: ROMI 170%, ROAS 300%.",
    );

    // Email up one place: the table is Search, Email, Events; each row keeps its figures
    // and its rank.
    await page.getByTestId("campaign-2").getByRole("button", { name: "Move up" }).click();
    await expect(campaignInput(page, 1, "name")).toHaveValue("Email");
    await expect(campaignInput(page, 2, "name")).toHaveValue("Events");
    await expect(campaignInput(page, 1, "spend")).toHaveValue("4,000");
    await expect(page.locator('[data-testid^="campaign-"] [data-testid="rank"]')).toHaveText(["#3", "#1", "#2"]);
    await expectMetrics(page.getByTestId("campaign-1"), { cpa: "€160", roas: "300%", romi: "170%" });
    await expect(page.getByTestId("campaign-0").getByRole("button", { name: "Move up" })).toBeDisabled();
    await expect(page.getByTestId("campaign-2").getByRole("button", { name: "Move down" })).toBeDisabled();

    // Search removed: Email, Events.
    await page.getByTestId("campaign-0").getByTestId("remove").click();
    await expect(page.locator('[data-testid^="campaign-"][data-testid$="-name"]')).toHaveCount(2);
    await expect(campaignInput(page, 0, "name")).toHaveValue("Email");
    await expect(campaignInput(page, 1, "name")).toHaveValue("Events");
    await expectMetrics(page.getByTestId("campaign-1"), { cpa: "€400", roas: "400%", romi: "140%" });
    await expect(page.getByTestId("ranking").locator("li")).toHaveText(["Email: 170%", "Events: 140%"]);
    // Total now: spend 24,000, revenue 92,000, profit 58,800. 92,000 ÷
    // 24,000 = 383.33 % ROAS; ROMI (58,800 − 24,000) ÷ 24,000 = 145 %; CPA 24,000 ÷ 75 = €320.
    await expect(total.locator(".total-line")).toHaveText("Spend €24,000 · revenue €92,000 · gross profit €58,800");
    await expectMetrics(total, { cpa: "€320", roas: "383.3%", romi: "145%" });
    // By ROAS again: Events 400 > Email 300.
    await page.getByTestId("rank-by").selectOption("roas");
    await expect(page.getByTestId("ranking").locator("li")).toHaveText(["Events: 400%", "Email: 300%"]);
  });
});

test.describe("feeding the ROI model", () => {
  test("measured conversion and churn become the calculator's inputs, with the announced ROI, and undo", async ({
    page,
  }) => {
    // First, the independent model against the golden file.
    expect(roiModel().roi_pct).toBeCloseTo(DEFAULTS.roi_pct, 6);
    expect(roiModel().npv).toBeCloseTo(DEFAULTS.npv, 4);
    expect(roiModel({ churn_after_pct: 12.5 }).roi_pct).toBeCloseTo(CHURN_12_5.roi_pct, 6);
    expect(roiModel({ churn_after_pct: 12.5 }).npv).toBeCloseTo(CHURN_12_5.npv, 4);

    await open(page);
    // The calculator before: the golden defaults, ROI 49.17 % → "49.2%".
    await expect(card(page, "roi")).toHaveText(percent(DEFAULTS.roi_pct));
    await go(page, "measure");
    await expect(page.getByTestId("feed-empty")).toBeVisible();

    // Half years: 2025-01-01..2025-06-30 and 2026-01-01..2026-06-30, 181 days each
    // (31 + 28 + 31 + 30 + 31 + 30).
    await setDates(page, "baseline", "2025-01-01", "2025-06-30");
    await setDates(page, "current", "2026-01-01", "2026-06-30");
    // Conversion 80 ÷ 1,000 = 8 % → 120 ÷ 1,000 = 12 %.
    // Churn: 1,000 at the start, (960 − 60) = 900 kept → 10 % per half year; then
    // (1,010 − 50) = 960 kept of 1,000 → 4 %.
    await setFigures(page, "baseline", { leads: "1,000", won_deals: "80", customers_start: "1,000", customers_end: "960", customers_new: "60" });
    await setFigures(page, "current", { leads: "1,000", won_deals: "120", customers_start: "1,000", customers_end: "1,010", customers_new: "50" });
    await expect(kpi(page, "Churn").values).toHaveText("10% → 4%");

    // Made yearly: 1 − 0.9^(365 ÷ 181) = 19.14 %, 1 − 0.96^(365 ÷ 181) = 7.90 %.
    const churnBefore = yearlyChurn(10, 181);
    const churnAfter = yearlyChurn(4, 181);
    expect(churnBefore).toBeCloseTo(19.1413, 4);
    expect(churnAfter).toBeCloseTo(7.9023, 4);
    const proposals = page.locator('[data-testid^="proposal-"]');
    await expect(proposals).toHaveCount(4);
    // Rows: the model's value now (golden defaults), then the measured one.
    await expect(page.getByTestId("proposal-conversion_before_pct").locator("td")).toHaveText(["10%", "8%"]);
    await expect(page.getByTestId("proposal-conversion_after_pct").locator("td")).toHaveText(["11.5%", "12%"]);
    await expect(page.getByTestId("proposal-churn_before_pct").locator("td")).toHaveText(["15%", percent(churnBefore)]);
    await expect(page.getByTestId("proposal-churn_after_pct").locator("td")).toHaveText(["13%", percent(churnAfter)]);

    // The ROI they give, by the independent model.
    const fed = roiModel({
      conversion_before_pct: 8,
      conversion_after_pct: 12,
      churn_before_pct: churnBefore,
      churn_after_pct: churnAfter,
    });
    const outcome = `ROI ${percent(DEFAULTS.roi_pct)} → ${percent(fed.roi_pct)} · NPV ${money(DEFAULTS.npv)} → ${money(fed.npv)}`;
    await expect(page.getByTestId("feed-outcome")).toHaveText(outcome);

    // Apply, then see it in the calculator.
    await page.getByTestId("feed-apply").click();
    await expect(page.getByTestId("feed-done")).toBeVisible();
    await page.getByTestId("feed-see").click();
    await expect(page.getByTestId("nav-calculator")).toHaveAttribute("aria-current", "page");
    await expect(card(page, "roi")).toHaveText(percent(fed.roi_pct));
    await expect(npv(page)).toHaveText(money(fed.npv));
    await expect(field(page, "conversion_before_pct")).toHaveValue("8");
    await expect(field(page, "conversion_after_pct")).toHaveValue("12");
    await expect(field(page, "churn_before_pct")).toHaveValue(String(churnBefore));
    await expect(field(page, "churn_after_pct")).toHaveValue(String(churnAfter));

    // Undo, back on the measurement screen: the calculator's old figures return.
    await go(page, "measure");
    await expect(page.getByTestId("feed-done"), "the undo offered after applying is still there").toBeVisible();
    await page.getByTestId("feed-undo").click();
    await expect(page.getByTestId("feed-done")).toHaveCount(0);
    await expect(page.getByTestId("feed-outcome")).toHaveText(outcome);
    await go(page, "calculator");
    await expect(card(page, "roi")).toHaveText(percent(DEFAULTS.roi_pct));
    await expect(npv(page)).toHaveText(money(DEFAULTS.npv));
    await expect(field(page, "conversion_before_pct")).toHaveValue("10");
    await expect(field(page, "conversion_after_pct")).toHaveValue("11.5");
  });

  test("undo right after applying restores the old ROI", async ({ page }) => {
    await openMeasure(page);
    // Churn only, over whole years (365 days, so yearly = period churn): 15 % → 12.5 %,
    // conversion unchanged (10 % → 11.5 %, the defaults, so not proposed). The result is
    // golden case "churn_after_12_5".
    await setDates(page, "baseline", "2025-01-01", "2025-12-31");
    await setDates(page, "current", "2026-01-01", "2026-12-31");
    // 1,000 − (900 − 50) = 150 lost → 15 %; 1,000 − (925 − 50) = 125 lost → 12.5 %.
    await setFigures(page, "baseline", { customers_start: "1,000", customers_end: "900", customers_new: "50" });
    await setFigures(page, "current", { customers_start: "1,000", customers_end: "925", customers_new: "50" });
    await expect(page.locator('[data-testid^="proposal-"]')).toHaveCount(1);
    await expect(page.getByTestId("proposal-churn_after_pct").locator("td")).toHaveText(["13%", "12.5%"]);
    await expect(page.getByTestId("feed-outcome")).toHaveText(
      `ROI ${percent(DEFAULTS.roi_pct)} → ${percent(CHURN_12_5.roi_pct)} · NPV ${money(DEFAULTS.npv)} → ${money(CHURN_12_5.npv)}`,
    );
    await page.getByTestId("feed-apply").click();
    await expect(page.getByTestId("feed-done")).toBeVisible();
    // Applied: nothing left to propose.
    await expect(page.getByTestId("feed-empty")).toBeVisible();
    await page.getByTestId("feed-undo").click();
    await expect(page.getByTestId("feed-done")).toHaveCount(0);
    await expect(page.locator('[data-testid^="proposal-"]')).toHaveCount(1);
    await go(page, "calculator");
    await expect(card(page, "roi")).toHaveText(percent(DEFAULTS.roi_pct));
    await expect(npv(page)).toHaveText(money(DEFAULTS.npv));
    await expect(field(page, "churn_after_pct")).toHaveValue("13");
  });
});

test.describe("persistence", () => {
  test("measurements survive a reload and travel in a share link", async ({ page, browser, problems }) => {
    await openMeasure(page);
    await setDates(page, "baseline", "2025-01-01", "2025-06-30");
    await setDates(page, "current", "2026-01-01", "2026-03-31");
    // Retention (950 − 100) ÷ 1,000 = 85 % → (1,000 − 80) ÷ 950 = 96.8 %.
    await setFigures(page, "baseline", { customers_start: "1,000", customers_end: "950", customers_new: "100", satisfied: "300", survey_responses: "400" });
    await setFigures(page, "current", { customers_start: "950", customers_end: "1,000", customers_new: "80", satisfied: "425", survey_responses: "500" });
    await page.getByTestId("deals-baseline").fill("2025-01-06\t2025-02-15\n2025-02-01\t2025-03-03"); // 40 and 30 days
    await page.getByTestId("add-campaign").click();
    await setCampaign(page, 0, { name: "Search", spend: "10,000", clicks: "5,000", leads: "400", customers: "40", revenue: "60,000", margin: "20" });

    /** What must look the same after a reload and in a shared link. */
    async function expectAll(p) {
      await expect(p.getByTestId("baseline-start")).toHaveValue("2025-01-01");
      await expect(p.getByTestId("current-end")).toHaveValue("2026-03-31");
      await expect(p.getByTestId("baseline-customers_start")).toHaveValue("1,000");
      await expectKpi(p, "Retention", "85% → 96.8%", "+11.8 pp (+13.9%)", "↑ Better");
      // CSAT 300 ÷ 400 = 75 % → 425 ÷ 500 = 85 %.
      await expectKpi(p, "Csat", "75% → 85%", "+10 pp (+13.3%)", "↑ Better");
      // Deals: 40 and 30 days → mean 35, median 35.
      await expect(p.getByTestId("deals-stats-baseline")).toHaveText("Deals: 2 · mean 35 · median 35 days");
      await expect(p.getByTestId("date-order")).toHaveValue("mdy");
      await expect(p.getByTestId("campaign-0-name")).toHaveValue("Search");
      // ROAS 60,000 ÷ 10,000 = 600 %, ROMI (12,000 − 10,000) ÷ 10,000 = 20 %.
      await expectMetrics(p.getByTestId("campaign-0"), { roas: "600%", romi: "20%" });
      // 181 days against 31 + 28 + 31 = 90.
      await expect(p.locator("#periods .warn-text")).toHaveCount(1);
      // Nothing entered for the example button to fill, so it is not offered.
      await expect(p.getByTestId("load-example")).toHaveCount(0);
    }
    await expectAll(page);

    // Autosaved with the scenario.
    await expect
      .poll(async () => JSON.parse((await stored(page))["retorno.current"] ?? "{}").measure?.campaigns?.[0]?.name)
      .toBe("Search");
    const saved = JSON.parse((await stored(page))["retorno.current"]).measure;
    // Schema 5: the periods in order, the baseline first and the current one last.
    expect(saved.periods).toHaveLength(2);
    expect(Number(saved.periods[0].values.customers_start)).toBe(1000);
    expect(saved.periods[1].end).toBe("2026-03-31");

    // A reload stays on the screen (its address is ?screen=measure).
    await page.reload();
    await expect(page.getByTestId("nav-measure")).toHaveAttribute("aria-current", "page");
    await expectAll(page);

    // A share link, opened in a fresh context (nothing stored there).
    await go(page, "calculator");
    const link = await shareLink(page);
    const other = await browser.newContext({ baseURL: test.info().project.use.baseURL, locale: "en-US" });
    try {
      const receiver = watch(await other.newPage(), problems);
      await openAt(receiver, link);
      await go(receiver, "measure");
      await expectAll(receiver);
    } finally {
      await other.close();
    }
  });
});

test.describe("CLV calculator", () => {
  test("simple and discounted CLV from typed values; the retention slider moves them", async ({ page }) => {
    await openMeasure(page);
    await page.getByTestId("clv-margin").fill("1,000");
    await page.getByTestId("clv-retention").fill("80");
    await page.getByTestId("clv-discount").fill("10");
    await page.getByTestId("clv-acquisition").fill("500");
    // Churn 100 − 80 = 20 % → lifetime 100 ÷ 20 = 5 years.
    await expect(page.getByTestId("clv-lifetime")).toHaveText("5 years");
    // Simple: 1,000 × 5 − 500 = 4,500.
    await expect(page.getByTestId("clv-simple")).toHaveText("€4,500");
    // Discounted (the first year counted, issue 11): 1,000 ÷ (1 + 0.1 − 0.8) − 500
    // = 1,000 ÷ 0.3 − 500 = 3,333.33 − 500 = 2,833.33.
    await expect(page.getByTestId("clv-discounted")).toHaveText("€2,833");

    // One step right on the retention slider (step 0.5): 80.5 %.
    await page.getByTestId("clv-retention").blur();
    const slider = page.getByTestId("clv-retention-slider");
    await expect(slider).toHaveValue("80");
    await slider.focus();
    await slider.press("ArrowRight");
    await expect(slider).toHaveValue("80.5");
    await expect(page.getByTestId("clv-retention")).toHaveValue("80.5");
    // Simple: 1,000 × 100 ÷ 19.5 − 500 = 5,128.21 − 500 = 4,628.21.
    await expect(page.getByTestId("clv-simple")).toHaveText("€4,628");
    // Discounted: 1,000 ÷ (1.1 − 0.805) − 500 = 1,000 ÷ 0.295 − 500 = 3,389.83 − 500
    // = 2,889.83.
    await expect(page.getByTestId("clv-discounted")).toHaveText("€2,890");
    // Lifetime 100 ÷ 19.5 = 5.13 years.
    await expect(page.getByTestId("clv-lifetime")).toHaveText("5.1 years");

    // A retention above 100 % is refused next to the field; the figures stay.
    await page.getByTestId("clv-retention").fill("101");
    await expect(errorOf(page, "clv-retention")).toContainText("Results use the last valid value.");
    await expect(page.getByTestId("clv-discounted")).toHaveText("€2,890");
  });
});
