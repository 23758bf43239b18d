// Issue 13 in a browser: any number of measurement periods (baseline, pilot, rollout…),
// in order, with each KPI's reading in every period.
//
// Expected values worked by hand in the comments: conversion = won deals ÷ leads.
import { test, expect, axe, lang } from "./app.js";
import { openMeasure, kpi, expectKpi, setDates, setFigures, expectNoSideScroll } from "./measure-page.js";

test.describe("measurement periods", () => {
  test("a pilot between the baseline and the current period: added, named, reordered, removed with undo", async ({ page }) => {
    await openMeasure(page);
    // Two periods to start, as before.
    await expect(page.locator("#periods fieldset")).toHaveCount(2);
    await expect(page.getByTestId("baseline-remove")).toBeDisabled();
    await setFigures(page, "baseline", { leads: "1,000", won_deals: "80" });
    await setFigures(page, "current", { leads: "1,000", won_deals: "120" });
    // 80 ÷ 1,000 = 8 %, 120 ÷ 1,000 = 12 %: +4 points, +50 %.
    await expectKpi(page, "Conversion", "8% → 12%", "+4 pp (+50%)", "↑ Better");
    await expect(kpi(page, "Conversion").card.getByTestId("previous")).toHaveText("");

    // A third period goes last: it is now "current", the old one "p2" (Period 2).
    await page.getByTestId("add-period").click();
    await expect(page.locator("#periods fieldset")).toHaveCount(3);
    await expect(page.getByTestId("period-p2").locator("legend")).toHaveText("Period 2");
    await expect(page.getByTestId("p2-won_deals")).toHaveValue("120");
    await page.getByTestId("p2-name").fill("Pilot");
    await page.getByTestId("p2-name").press("Enter");
    await expect(page.getByTestId("period-p2").locator("legend")).toHaveText("Pilot");
    await page.getByTestId("current-name").fill("Rollout");
    await page.getByTestId("current-name").press("Tab");
    await setFigures(page, "p2", { won_deals: "100" });
    await setFigures(page, "current", { leads: "1,000", won_deals: "120" });
    // 8 % → 10 % → 12 %: the baseline against the latest is still +4 points (+50 %); the
    // latest against the pilot +2 points, +20 % (2 ÷ 10).
    await expectKpi(page, "Conversion", "8% → 10% → 12%", "+4 pp (+50%)", "↑ Better");
    await expect(kpi(page, "Conversion").card.getByTestId("previous")).toHaveText("Since Pilot: +2 pp (+20%)");
    // Every group table heads its column with the period's name.
    await expect(page.getByTestId("group-Sales").locator(".measure-row.head span").nth(2)).toHaveText("Pilot");
    await expect(page.getByTestId("score-Conversion").locator("td").nth(1)).toHaveText("12%");

    // The pilot moved last: 8 % → 12 % → 10 %, −2 points since the rollout (−16.7 %).
    await page.getByTestId("p2-later").click();
    await expectKpi(page, "Conversion", "8% → 12% → 10%", "+2 pp (+25%)", "↑ Better");
    await expect(kpi(page, "Conversion").card.getByTestId("previous")).toHaveText("Since Rollout: -2 pp (-16.7%)");

    // Removed, then undone: back where it was.
    await page.getByTestId("p2-remove").click();
    await expect(page.getByTestId("period-removed")).toHaveText(/Rollout was removed\./);
    await expect(page.locator("#periods fieldset")).toHaveCount(2);
    await expectKpi(page, "Conversion", "8% → 10%", "+2 pp (+25%)", "↑ Better");
    await page.getByTestId("period-undo").click();
    await expect(page.locator("#periods fieldset")).toHaveCount(3);
    await expectKpi(page, "Conversion", "8% → 12% → 10%", "+2 pp (+25%)", "↑ Better");

    // Dates of any period are checked.
    await setDates(page, "p2", "2026-03-31", "2026-01-01");
    await expect(page.locator("#periods > [role=status]")).toContainText("Rollout: the end date is before the start date.");

    await lang(page, "es");
    await expect(page.getByTestId("add-period")).toHaveText("Añadir un periodo");
    expect((await axe(page)).report).toBe("");
    await page.setViewportSize({ width: 360, height: 800 });
    await expectNoSideScroll(page);
  });

  test("each KPI's trend: a small line on its card, a larger chart on demand", async ({ page }) => {
    await openMeasure(page);
    await setFigures(page, "baseline", { leads: "1,000", won_deals: "80" });
    await page.getByTestId("add-period").click();
    await page.getByTestId("p2-name").fill("Pilot");
    await setFigures(page, "p2", { leads: "1,000", won_deals: "100" });
    await setFigures(page, "current", { leads: "1,000", won_deals: "120" });
    const card = kpi(page, "Conversion").card;
    await expect(kpi(page, "Conversion").values).toHaveText("8% → 10% → 12%");
    // Three readings across a 120 × 28 line drawn 4 px in: x 4, 64, 124; 8 % at the
    // bottom (y 4 + 28 = 32), 10 % half-way (18), 12 % at the top (4). Better: green.
    const spark = card.getByTestId("spark").locator("svg");
    await expect(spark).toHaveClass("spark better");
    await expect(spark.locator("polyline")).toHaveAttribute("points", "4,32 64,18 124,4");
    await expect(card.getByTestId("trend-chart").locator("svg")).toBeHidden();
    await card.locator(".kpi-chart summary").click();
    const chart = card.getByTestId("trend-chart").locator("svg");
    const name = (await card.locator("h3").textContent()).trim();
    await expect(chart).toHaveAttribute("aria-label", `${name} by period: 8% → 10% → 12%`);
    await expect(chart.locator("text.period")).toHaveText(["Baseline", "Pilot", "Period 3"]);
    await expect(chart.locator("circle.hit title")).toHaveText(["Baseline: 8%", "Pilot: 10%", "Period 3: 12%"]);
    // The pilot not measured: the line breaks, two lone readings; the chart stays open.
    await setFigures(page, "p2", { leads: "", won_deals: "" });
    await expect(kpi(page, "Conversion").values).toContainText("→ 12%");
    await expect(spark.locator("polyline")).toHaveCount(0);
    await expect(spark.locator("circle")).toHaveCount(2);
    await expect(chart.locator("circle.hit")).toHaveCount(2);
    await expect(chart).toBeVisible();
    // Worse is red: the latest below the baseline.
    await setFigures(page, "current", { won_deals: "50" });
    await expect(spark).toHaveClass("spark worse");
    expect((await axe(page)).report).toBe("");
  });
});
