// Issue 13 in a browser: a target per KPI, and where the latest reading stands against
// it. Expected values worked by hand in the comments: conversion = won deals ÷ leads.
import { test, expect, axe, lang } from "./app.js";
import { openMeasure, setFigures } from "./measure-page.js";

test.describe("KPI targets", () => {
  test("a target is set, judged against the latest reading, changed and removed", async ({ page }) => {
    await openMeasure(page);
    // 80 ÷ 1,000 = 8 % → 120 ÷ 1,000 = 12 %.
    await setFigures(page, "baseline", { leads: "1,000", won_deals: "80" });
    await setFigures(page, "current", { leads: "1,000", won_deals: "120" });
    const row = page.getByTestId("score-Conversion");
    await expect(row.getByTestId("target-status")).toHaveText("No target");

    // 15 % by a date already past: 15 − 12 = 3 points to go, (12 − 15) ÷ 15 = 20 %.
    await page.getByTestId("target-kpi").selectOption("conversion");
    await page.getByTestId("target-value").fill("15");
    await page.getByTestId("target-by").fill("2020-01-31");
    await page.getByTestId("target-save").click();
    await expect(row.getByTestId("target")).toHaveText("15% by 2020-01-31");
    await expect(row.getByTestId("target-status")).toHaveText("Off target: 3 pp (20%) to go, past its date");

    // 10 % with no date: 12 % is on target (more conversion is better).
    await page.getByTestId("target-value").fill("10");
    await page.getByTestId("target-by").fill("");
    await page.getByTestId("target-save").click();
    await expect(row.getByTestId("target")).toHaveText("10%");
    await expect(row.getByTestId("target-status")).toHaveText("On target");

    // A rate beyond 100 % is refused, and the target kept.
    await page.getByTestId("target-value").fill("120");
    await page.getByTestId("target-save").click();
    await expect(page.getByTestId("target-error")).toHaveText("A target from 0% to 100%.");
    await expect(row.getByTestId("target")).toHaveText("10%");

    // Stored with the scenario, in Spanish too.
    await page.reload();
    await page.getByTestId("nav-measure").click();
    await lang(page, "es");
    await expect(page.getByTestId("score-Conversion").getByTestId("target-status")).toHaveText("En objetivo");
    expect((await axe(page)).report).toBe("");

    await page.getByTestId("target-kpi").selectOption("conversion");
    await expect(page.getByTestId("target-value")).toHaveValue("10");
    await page.getByTestId("target-remove").click();
    await expect(page.getByTestId("score-Conversion").getByTestId("target-status")).toHaveText("Sin objetivo");
  });
});
