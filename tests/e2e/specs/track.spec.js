// Issue 13 in a browser: periods pasted from a spreadsheet, and actual costs against the
// ROI plan with the realised figures.
//
// Expected values: the pasted tables are written here and what they must give is read off
// them by hand (comments); the actual-costs figures are those worked by hand in
// tests/measure_realised.rs, whose plan and measurement tests/fixtures/realised_browser.json
// carries as a share link. Amounts and percentages are formatted with Intl (app.js).
import { readFileSync } from "node:fs";
import { test, expect, axe, lang, openAt, go, money, percent } from "./app.js";
import { openMeasure, kpi, setFigures, errorOf, expectNoSideScroll } from "./measure-page.js";

const FIXTURE = JSON.parse(readFileSync(new URL("../../fixtures/realised_browser.json", import.meta.url), "utf8"));

const paste = (page) => ({
  open: () => page.getByTestId("periods-paste").locator("summary").click(),
  text: page.getByTestId("periods-paste-text"),
  summary: page.getByTestId("periods-paste-summary"),
  bad: page.getByTestId("periods-paste-bad"),
  apply: page.getByTestId("periods-paste-apply"),
});

test.describe("periods pasted from a spreadsheet", () => {
  test("one row per period: read, bad lines with their number, used, undone", async ({ page }) => {
    await openMeasure(page);
    await setFigures(page, "baseline", { leads: "1,000" });
    const p = paste(page);
    await p.open();
    // Line 4 has "soon" for its end date (column 3); the baseline's leads cell is blank.
    const table = [
      "Name\tStart\tEnd\tLeads received\tDeals won",
      "Before\t2025-01-01\t2025-03-31\t\t80",
      "Pilot\t2025-04-01\t2025-06-30\t1000\t100",
      "Broken\t2025-07-01\tsoon\t1000\t1",
      "Rollout\t2025-07-01\t2025-09-30\t1000\t120",
    ].join("\n");
    await p.text.fill(table);
    await expect(p.summary).toHaveText("3 periods read, one row per period: Before, Pilot, Rollout.");
    await expect(p.bad).toContainText("1 row does not count:");
    await expect(p.bad.locator("li")).toHaveText(["Line 4: column 3 is not a date. Broken\t2025-07-01\tsoon\t1000\t1"]);
    await p.apply.click();
    await expect(page.locator("#periods fieldset")).toHaveCount(3);
    await expect(page.locator("#periods legend")).toHaveText(["Before", "Pilot", "Rollout"]);
    // The blank leads cell kept the 1,000 typed: 80, 100, 120 won of 1,000 each.
    await expect(kpi(page, "Conversion").values).toHaveText("8% → 10% → 12%");
    await expect(page.getByTestId("baseline-start")).toHaveValue("2025-01-01");
    // 90 days (31 + 28 + 31), 91 (30 + 31 + 30), 92 (31 + 31 + 30): each against the baseline.
    const status = page.locator("#periods > [role=status]");
    await expect(status).toContainText("Pilot lasts 91 days and the baseline 90");
    await expect(status).toContainText("Rollout lasts 92 days and the baseline 90");
    await expect(status).not.toContainText("overlap");
    // The rollout moved to start on the pilot's last day: the two share 2025-06-30.
    await page.getByTestId("current-start").fill("2025-06-30");
    await expect(status).toContainText(
      "Rollout starts before Pilot ends: the periods overlap, so the actual costs and realised figures count their shared days twice.",
    );
    await expect(p.text).toHaveValue("");
    await expect(page.getByTestId("periods-pasted")).toContainText("The periods now come from the pasted table.");

    await page.getByTestId("periods-paste-undo").click();
    await expect(page.locator("#periods fieldset")).toHaveCount(2);
    await expect(page.getByTestId("baseline-name")).toHaveValue("");
    await expect(page.getByTestId("baseline-leads")).toHaveValue("1,000");
    await expect(page.getByTestId("baseline-start")).toHaveValue("");

    // Used again, then kept in the scenario: a reload brings the three periods back,
    // with an actual cost typed for the pilot.
    await p.text.fill(table);
    await p.apply.click();
    await page.getByTestId("p2-cost-licences").fill("1,200");
    await page.getByTestId("p2-cost-licences").press("Tab");
    await page.reload();
    await go(page, "measure");
    await expect(page.locator("#periods legend")).toHaveText(["Before", "Pilot", "Rollout"]);
    await expect(page.getByTestId("p2-cost-licences")).toHaveValue("1,200");
  });

  test("too few periods, no known column, and one row per figure in Spanish", async ({ page }) => {
    await openMeasure(page);
    const p = paste(page);
    await p.open();
    await p.text.fill("Name\tDeals won\nOnly\t5");
    await expect(p.summary).toHaveText(
      "1 period read, one row per period: Only. A measurement needs at least two periods (a baseline and one more): this table gives 1.",
    );
    await expect(p.apply).toBeDisabled();
    await p.text.fill("Fruit\tColour\napple\tred");
    await expect(p.summary).toHaveText("No period could be read from this table.");
    await expect(p.bad.locator("li")).toHaveText([
      "Line 1: no column is recognised: name the figures in the first row or in the first column. Fruit\tColour",
    ]);
    await expect(p.apply).toBeDisabled();
    // A count with a fraction and a negative one: the whole row is refused.
    await p.text.fill("Name\tDeals won\tLeads received\nA\t1.5\t10\nB\t-3\t10\nC\t4\t10\nD\t5\t10");
    await expect(p.bad.locator("li")).toHaveText([
      "Line 2: column 2: a count must be a whole number. A\t1.5\t10",
      "Line 3: column 2: the value is below what the figure allows (it cannot be negative). B\t-3\t10",
    ]);
    await expect(p.summary).toHaveText("2 periods read, one row per period: C, D.");

    await lang(page, "es");
    // Days first in Spanish: 31/03/2025 is 31 March.
    await p.text.fill(
      ["\tLínea base\tPiloto", "Inicio\t01/01/2025\t01/04/2025", "Fin\t31/03/2025\t30/06/2025", "Leads recibidos\t1.000\t1.000", "Tratos ganados\t80\t95"].join("\n"),
    );
    await expect(p.summary).toHaveText("2 periodos leídos, una fila por cifra: Línea base, Piloto.");
    await p.apply.click();
    await expect(page.locator("#periods legend")).toHaveText(["Línea base", "Piloto"]);
    await expect(page.getByTestId("current-end")).toHaveValue("2025-06-30");
    // 80 and 95 of 1,000: 8 % → 9,5 %.
    await expect(kpi(page, "Conversion").values).toHaveText(`${percent(8, "es")} → ${percent(9.5, "es")}`);
    // The panel stays open for another paste: a count of 1,5 is refused in Spanish too.
    await p.text.fill("Nombre\tTratos ganados\nX\t1,5");
    await expect(p.bad.locator("li")).toHaveText(["Línea 2: columna 2: un recuento ha de ser un número entero. X\t1,5"]);
    await expect(page.getByTestId("periods-paste")).toHaveAttribute("open", "");
    expect((await axe(page)).report).toBe("");
    await page.setViewportSize({ width: 360, height: 800 });
    await expectNoSideScroll(page);
  });
});

test.describe("actual costs against the plan", () => {
  /** The cells of a row of a realised table, header included. */
  const cells = (row) => row.locator("th, td");

  test("the hand-worked plan: by period, by line, to date; edits and the plan start", async ({ page }) => {
    await openAt(page, `/index.html#s=${FIXTURE.link}`);
    await go(page, "measure");
    const panel = page.locator("#costs");
    await expect(panel).toBeVisible();
    const realised = page.getByTestId("realised");
    const periods = realised.locator(".realised-periods tbody tr");
    // The pilot (period 2): plan 10,000 + 1,200 + 730 = 11,930, spent 13,800 (+1,870);
    // benefits 2,000 planned, 5,000 realised; ROI (5,000 − 13,800) ÷ 13,800 = −63.77 %.
    await expect(cells(periods.nth(1))).toHaveText([
      "Period 2 measured: Lead conversion with CRM",
      "73",
      money(11930),
      money(13800),
      `+${money(1870)}`,
      money(2000),
      money(5000),
      percent(-63.768),
    ]);
    // The rollout: 1,200 + 730 = 1,930 planned, 2,050 spent (+120); 2,000 and 4,000;
    // ROI (4,000 − 2,050) ÷ 2,050 = 95.12 %.
    await expect(cells(periods.nth(2))).toHaveText([
      "Period 3 measured: Lead conversion with CRM",
      "73",
      money(1930),
      money(2050),
      `+${money(120)}`,
      money(2000),
      money(4000),
      percent(95.122),
    ]);
    await expect(cells(periods.nth(0))).toHaveText(["Baseline", "Not counted: no actual cost entered."]);
    await expect(cells(periods.nth(3))).toHaveText(["Period 4", "Not counted: it ends before it starts."]);
    await expect(cells(periods.nth(4))).toHaveText(["Period 5", "Not counted: it needs both dates."]);
    // To date: 13,860 planned, 15,850 spent (+1,990); 4,000 and 9,000; ROI −43.22 %.
    await expect(cells(periods.nth(5))).toHaveText([
      "Total",
      "",
      money(13860),
      money(15850),
      `+${money(1990)}`,
      money(4000),
      money(9000),
      percent(-43.218),
    ]);
    // 1,990 ÷ 13,860 = 14.36 %; the plan's ROI (4,000 − 13,860) ÷ 13,860 = −71.14 %.
    await expect(realised.locator(".realised-summary")).toHaveText(
      `Periods counted: 2. Spent ${money(15850)} against a plan of ${money(13860)} (${money(1990)} over the plan, +${percent(14.358)}).` +
        `Realised benefits: ${money(9000)}, against the plan's ${money(4000)} for the same days.` +
        `Realised ROI so far: ${percent(-43.218)} (the plan's for the same days: ${percent(-71.14)}).`,
    );
    // By line, to date: one-time 10,000 → 12,000; licences 2,400 → 2,300 (−100 ÷ 2,400 =
    // −4.17 %); maintenance 1,460 → 1,500 (+2.74 %); training 0 → 50; staff and
    // contingency never entered (the skipped periods' 99s do not count).
    const lines = realised.locator(".realised-lines tbody tr");
    await expect(cells(lines.nth(0))).toHaveText(["Implementation (one-time)", money(10000), money(12000), `+${money(2000)}`, `+${percent(20)}`]);
    await expect(cells(lines.nth(1))).toHaveText(["Licences and AI", money(2400), money(2300), money(-100), percent(-4.167)]);
    await expect(cells(lines.nth(2))).toHaveText(["Maintenance", money(1460), money(1500), `+${money(40)}`, `+${percent(2.74)}`]);
    await expect(cells(lines.nth(3))).toHaveText(["Continuous training", money(0), money(50), `+${money(50)}`, "—"]);
    await expect(cells(lines.nth(4))).toHaveText(["Staff time", money(0), `${money(0)} (not entered: counted as 0)`, money(0), "—"]);
    await expect(lines.nth(1).locator("td").nth(2)).toHaveClass("verdict better");
    await expect(lines.nth(0).locator("td").nth(2)).toHaveClass("verdict worse");

    // 100 more staff time in the pilot: 13,900 spent, ROI (5,000 − 13,900) ÷ 13,900 = −64.03 %.
    await page.getByTestId("p2-cost-staff").fill("100");
    await expect(cells(periods.nth(1)).nth(3)).toHaveText(money(13900));
    await expect(cells(periods.nth(1)).nth(7)).toHaveText(percent(-64.029));
    // A negative amount is refused with its message; the last valid one is kept.
    await page.getByTestId("p2-cost-staff").fill("-5");
    await expect(errorOf(page, "p2-cost-staff")).toHaveText("The minimum is €0. Results use the last valid value.");
    await expect(cells(periods.nth(1)).nth(3)).toHaveText(money(13900));
    await page.getByTestId("p2-cost-staff").fill("100");

    // The plan start blank: the second period's start, the same day, the same figures.
    await page.getByTestId("plan-start").fill("");
    await page.getByTestId("plan-start").dispatchEvent("change");
    await expect(panel.locator("#plan-start-hint")).toHaveText("Left blank, it is the second period's start: Jan 1, 2025.");
    await expect(cells(periods.nth(1)).nth(2)).toHaveText(money(11930));
    // A plan starting in 2030 plans nothing for these days, and realises nothing.
    await page.getByTestId("plan-start").fill("2030-01-01");
    await page.getByTestId("plan-start").dispatchEvent("change");
    await expect(cells(periods.nth(5))).toHaveText(["Total", "", money(0), money(15950), `+${money(15950)}`, money(0), money(0), percent(-100)]);

    await lang(page, "es");
    await expect(panel.locator("h2")).toHaveText("Costes reales frente al plan");
    await expect(cells(realised.locator(".realised-lines tbody tr").nth(0)).nth(0)).toHaveText("Implantación (única vez)");
    expect((await axe(page)).report).toBe("");
    await page.setViewportSize({ width: 360, height: 800 });
    await expectNoSideScroll(page);
  });
});
