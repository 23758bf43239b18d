// Issue 11 in a browser: the benefit lines of articles 000 and 003 (AI, lifetime value)
// with their math, the breakdown by line (table and stacked chart), old links keeping
// their figures, speed to lead from pasted leads, profit-ranked campaigns with operating
// costs, the CLV's cost to serve, and the measured CLV rise fed to the ROI model.
//
// Expected values: worked by hand in the comments from the defaults of
// src/engine/model/inputs.rs (the golden defaults of make_golden.py), the independent JS
// model (model.js, itself checked against model_golden.json) and model_golden.json.
import { test, expect, expected, money, percent, open, openAt, card, npv, field, go, lang, axe } from "./app.js";
import { model } from "./model.js";
import { openMeasure, expectKpi, setDates, setFigures, campaignInput, setCampaign, expectMetrics, expectNoSideScroll } from "./measure-page.js";

/** Written by version 2 of the schema: tests/fixtures/make_v2_link.py (also in tests/schema3.rs). */
const V2_LINK = "1.eyJ2IjoyLCJjdXIiOiJFVVIiLCJvbiI6IjExMTExMTEiLCJudW0iOiI0MF8xNV8xNTAwXzUwMDBfMzAwMF80MF8yNDAwXzY1XzNfMjBfNDUwMDBfMjAwMDBfMTIwMDBfMTUwMDBfMTAwMDBfNjAwMF82MF80NV8xMF8xMF8xMS41XzRfMTVfMTNfMl80Nl8zNV8xMDAwMF80XzI4XzEyMDAwMF84XzgwMF8yNV82MF81NV8zXzEwXzYwXzg1XzEwMF8xMCIsIm5hbWUiOiJEZW1vIHYyIiwibSI6eyJjYW1wYWlnbnMiOlt7Im5hbWUiOiJGZXJpYSIsInNwZW5kIjoiMTAwMDAiLCJjbGlja3MiOiIwIiwibGVhZHMiOiIwIiwiY3VzdG9tZXJzIjoiMCIsInJldmVudWUiOiIxMjAwMCIsIm1hcmdpbl9wY3QiOiI0MCJ9XX0sInBpbiI6IjBfNyJ9.-Yg06Q";

/** The cells of a row of the by-line table: Initial, years 1–3, total, present value. */
const lineCells = (page, id) => page.getByTestId(`lines-${id}`).locator("td");

test.describe("benefit lines", () => {
  test("the AI lines count by default, with their math; the breakdown and the stacked chart show every line", async ({ page }) => {
    await open(page);
    // AI churn prediction at full adoption: 150 flagged × 60 % precision × 15 % saved ×
    // €2,400 revenue × 40 % margin = €12,960 a year; year 1 × 60 % adoption × 90 % (risk
    // haircut) = €6,998.40; year 3 (100 %) × 90 % = €11,664.
    await page.getByTestId("line-math-8").locator("summary").click();
    await expect(page.getByTestId("line-math-8").locator("p")).toHaveText(
      "Customers flagged at risk per year 150 · Model precision 60% · Flagged customers the team saves 15% · " +
        "Yearly revenue per customer €2,400 · Gross margin 40%. Year 1: €6,998; year 3: €11,664 (after adoption and the risk haircut).",
    );
    // The lifetime-value line starts off (it would double the retention line's churn gain).
    await expect(page.getByTestId("line-7")).not.toBeChecked();
    await page.getByTestId("line-math-7").locator("summary").click();
    await expect(page.getByTestId("line-math-7").locator("p")).toHaveText("Switched off: this line counts nothing.");

    await page.getByTestId("by-line").locator("summary").click();
    // Year 2 at 85 %: 12,960 × 0.85 × 0.9 = €9,914.40; total 6,998.40 + 9,914.40 +
    // 11,664 = €28,576.80; present value 6,998.40 ÷ 1.1 + 9,914.40 ÷ 1.21 + 11,664 ÷ 1.331
    // = 6,362.18 + 8,193.72 + 8,763.34 = €23,319.24.
    await expect(lineCells(page, "benefit-8")).toHaveText(["€0", "€6,998", "€9,914", "€11,664", "€28,577", "€23,319"]);
    // AI lead scoring, year 1: 5,000 leads × 20 % ranked first × 11.5 % conversion × 5 %
    // uplift × €3,000 × 40 % = €6,900, × 60 % × 90 % = €3,726. Personalised offers: 1,500
    // customers × 30 % × €2,400 × 2 % × 40 % = €8,640, × 0.54 = €4,665.60.
    await expect(lineCells(page, "benefit-9").nth(1)).toHaveText("€3,726");
    await expect(lineCells(page, "benefit-10").nth(1)).toHaveText("€4,666");
    // No row for a line that counts nothing; the totals are the golden model's.
    await expect(page.getByTestId("lines-benefit-7")).toHaveCount(0);
    const golden = expected("defaults");
    await expect(lineCells(page, "benefits").nth(4)).toHaveText(money(Number(golden.total_benefits)));
    await expect(lineCells(page, "benefits").nth(5)).toHaveText(money(Number(golden.pv_benefits)));
    await expect(lineCells(page, "costs").nth(4)).toHaveText(money(Number(golden.total_costs)));

    // The stacked chart names the ten lines that count, in the language chosen.
    const legend = page.locator(".legend.by-line li");
    await expect(legend).toHaveCount(10);
    await expect(legend.nth(7)).toHaveText("AI churn prediction");
    await expect(page.getByTestId("chart-by-line").locator("rect")).toHaveCount(30);
    await lang(page, "es");
    await expect(legend.nth(7)).toHaveText("IA: predicción de abandono");
  });

  test("switching the lifetime-value line on adds customers reached × CLV uplift", async ({ page }) => {
    await open(page);
    await page.getByTestId("line-7").check();
    // 200 customers × €60 = €12,000 a year at full adoption.
    const on = model({ lines: { lifetime: true } });
    expect(on.npv).toBeGreaterThan(expected("defaults").npv);
    await expect(npv(page)).toHaveText(money(on.npv));
    await page.getByTestId("by-line").locator("summary").click();
    // Year 1: 12,000 × 60 % × 90 % = €6,480.
    await expect(lineCells(page, "benefit-7").nth(1)).toHaveText("€6,480");
  });

  test("a link from before the AI lines opens with them off and its old figures", async ({ page }) => {
    await openAt(page, `/#s=${V2_LINK}`);
    await expect(page.getByTestId("shared-banner")).toBeVisible();
    for (const k of [7, 8, 9, 10]) await expect(page.getByTestId(`line-${k}`)).not.toBeChecked();
    await expect(npv(page)).toHaveText(money(expected("schema_2_lines").npv));
    await expect(card(page, "roi")).toHaveText(percent(expected("schema_2_lines").roi_pct));
  });
});

// Leads pasted as (came in, first response); see tests/common/measure.rs for the same
// rows worked by hand.
const BASELINE_LEADS = [
  "Created\tFirst response",
  "2025-01-06 09:00\t2025-01-06 09:03", // 3 min
  "2025-01-06 10:00\t2025-01-06 11:02", // 62 min
  "2025-01-07 12:00:00\t2025-01-07 12:05:00", // 5 min exactly: within
  "2025-01-08 16:30\t", // not answered
  "2025-01-09\t2025-01-09 10:00", // no time of day: refused
].join("\n");
const CURRENT_LEADS = [
  "2025-04-01 09:00\t2025-04-01 09:01",
  "2025-04-01 10:00\t2025-04-01 10:02",
  "2025-04-02 11:00\t2025-04-02 11:04",
  "2025-04-02 15:00:00\t2025-04-02 15:05:01", // 5 min 1 s: not within
].join("\n");

test.describe("measurement", () => {
  test("speed to lead from pasted leads: the share answered within five minutes, a KPI with its bad rows", async ({ page }) => {
    await openMeasure(page);
    await page.getByTestId("leads-baseline").fill(BASELINE_LEADS);
    await page.getByTestId("leads-current").fill(CURRENT_LEADS);
    // Baseline: 4 leads, 2 within five minutes (50 %), 1 unanswered, median of 3, 5, 62 = 5.
    await expect(page.getByTestId("leads-stats-baseline")).toHaveText(
      "Leads: 4 · within 5 minutes: 2 (50%) · not answered: 1 · median response 5 min",
    );
    // Current: 3 of 4 (75 %), median of 1, 2, 4, 5.02 = (2 + 4) ÷ 2 = 3.
    await expect(page.getByTestId("leads-stats-current")).toHaveText(
      "Leads: 4 · within 5 minutes: 3 (75%) · not answered: 0 · median response 3 min",
    );
    await expect(page.getByTestId("bad-leads-baseline")).toContainText("Line 6: date 1 has no time of day.");
    await expect(page.getByTestId("bad-leads-current")).toHaveCount(0);
    await expectKpi(page, "SpeedToLead", "50% → 75%", "+25 pp (+50%)", "↑ Better");
    await lang(page, "es");
    await expect(page.getByTestId("leads-stats-current")).toHaveText(
      "Leads: 4 · en 5 minutos: 3 (75 %) · sin respuesta: 0 · respuesta mediana 3 min",
    );
    await expect(page.getByTestId("bad-leads-baseline")).toContainText("la fecha 1 no tiene hora.");
    const { violations, report } = await axe(page);
    expect(violations.map((v) => v.id), report).toEqual([]);
    await page.setViewportSize({ width: 360, height: 800 });
    await expectNoSideScroll(page);
  });

  test("campaigns rank by the profit they bring (ROMI), weigh operating costs, and show ROAS", async ({ page }) => {
    await openMeasure(page);
    for (let i = 0; i < 2; i++) await page.getByTestId("add-campaign").click();
    // Issue 11's example: revenue 12,000 on 10,000 spend at a 40 % margin → ROAS 120 %,
    // ROMI (4,800 − 10,000) ÷ 10,000 = −52 %. Email: 2,200 on 2,000 at 100 % → ROAS 110 %,
    // ROMI (2,200 − 2,000) ÷ 2,000 = +10 %.
    await setCampaign(page, 0, { name: "Fair", spend: "10,000", clicks: "0", leads: "0", customers: "0", revenue: "12,000", margin: "40" });
    await setCampaign(page, 1, { name: "Email", spend: "2,000", clicks: "0", leads: "0", customers: "0", revenue: "2,200", margin: "100" });
    await expectMetrics(page.getByTestId("campaign-0"), { roas: "120%", romi: percent(-52) });
    await expectMetrics(page.getByTestId("campaign-1"), { roas: "110%", romi: "10%" });
    await expect(page.getByTestId("rank-by")).toHaveValue("romi");
    await expect(page.getByTestId("ranking").locator("li")).toHaveText(["Email: 10%", `Fair: ${percent(-52)}`]);
    await page.getByTestId("rank-by").selectOption("roas");
    await expect(page.getByTestId("ranking").locator("li")).toHaveText(["Fair: 120%", "Email: 110%"]);
    // The fair's stand and staff, 2,000: ROMI (4,800 − 10,000 − 2,000) ÷ 12,000 = −60 %;
    // ROAS stays on media spend.
    await campaignInput(page, 0, "operating_cost").fill("2,000");
    await expectMetrics(page.getByTestId("campaign-0"), { roas: "120%", romi: percent(-60) });
  });

  test("the CLV subtracts a cost to serve, and simple and discounted agree at a 0 % rate", async ({ page }) => {
    await openMeasure(page);
    // Defaults: margin 960, retention 85 %, discount 10 %, acquisition 450. Cost to serve
    // 160: net 800; discounted 800 ÷ (1 + 0.10 − 0.85) − 450 = 3,200 − 450 = €2,750;
    // simple 800 × 100 ÷ 15 − 450 = €4,883.33.
    await field(page, "serve_cost", "clv").fill("160");
    await expect(page.getByTestId("clv-discounted")).toHaveText("€2,750");
    await expect(page.getByTestId("clv-simple")).toHaveText("€4,883");
    await field(page, "discount", "clv").fill("0");
    await expect(page.getByTestId("clv-discounted")).toHaveText("€4,883");
  });

  test("the measured CLV rise feeds the lifetime-value line and switches it on, with undo", async ({ page }) => {
    await openMeasure(page);
    // Whole years, so yearly churn = the period's: 15 % (1,000 → 950 with 100 new) and
    // 10 % (1,000 → 1,020 with 120 new); margin per customer 960 then 1,000.
    await setDates(page, "baseline", "2025-01-01", "2025-12-31");
    await setDates(page, "current", "2026-01-01", "2026-12-31");
    await setFigures(page, "baseline", { customers_start: "1,000", customers_end: "950", customers_new: "100", margin_per_customer: "960" });
    await setFigures(page, "current", { customers_start: "1,000", customers_end: "1,020", customers_new: "120", margin_per_customer: "1,000" });
    // The margin's rise over a customer's lifetime at the current retention (90 %) and
    // the calculator's 10 % rate: (1,000 − 960) ÷ (1 + 0.10 − 0.90) = €200 (default €60).
    // The churn gain itself is the retention line's: churn with CRM 13 % → 10 %.
    await expect(page.getByTestId("proposal-clv_uplift").locator("td")).toHaveText(["€60", "€200"]);
    await expect(page.getByTestId("proposal-churn_after_pct").locator("td")).toHaveText(["13%", "10%"]);
    await page.getByTestId("feed-apply").click();
    await page.getByTestId("feed-see").click();
    await expect(page.getByTestId("line-7")).toBeChecked();
    const fed = model({ churn_after_pct: 10, clv_uplift: 200, lines: { lifetime: true } });
    await expect(npv(page)).toHaveText(money(fed.npv));
    await go(page, "measure");
    await page.getByTestId("feed-undo").click();
    await go(page, "calculator");
    await expect(page.getByTestId("line-7")).not.toBeChecked();
    await expect(npv(page)).toHaveText(money(expected("defaults").npv));
  });
});
