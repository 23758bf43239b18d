// The visitor's answer is theirs (issue 25): in the visitor's calculator only what the
// visitor sees or the owner preset counts, the answer stays in sight on a phone, and the
// result is announced once a change settles. Expected figures come from the independent
// JS model (model.js, visitorModel: the full model's formulas with the unseen cost inputs
// at 0 and the benefit lines with an unseen driver off), formatted with Intl the way the
// page formats them; never from the page under test.
import { axe, card, expect, money, oneDecimal, percent, test } from "./app.js";
import { VISITOR_FIELDS, visitorModel } from "./model.js";

const MONTHS = { en: "months", es: "meses" };

// Three companies, as a visitor would type them (the 12 fields on screen).
const COMPANIES = {
  tiny: {
    seats: 3,
    licence_per_seat_month: 25,
    implementation: 5000,
    customers: 20,
    revenue_per_customer: 1200,
    gross_margin_pct: 40,
    churn_before_pct: 20,
    churn_after_pct: 15,
    leads_per_year: 100,
    conversion_before_pct: 10,
    conversion_after_pct: 12,
    avg_deal_value: 1500,
  },
  mid: {
    seats: 40,
    licence_per_seat_month: 65,
    implementation: 45000,
    customers: 1500,
    revenue_per_customer: 2400,
    gross_margin_pct: 40,
    churn_before_pct: 15,
    churn_after_pct: 13,
    leads_per_year: 5000,
    conversion_before_pct: 10,
    conversion_after_pct: 11.5,
    avg_deal_value: 3000,
  },
  large: {
    seats: 400,
    licence_per_seat_month: 120,
    implementation: 400000,
    customers: 20000,
    revenue_per_customer: 5000,
    gross_margin_pct: 35,
    churn_before_pct: 12,
    churn_after_pct: 10,
    leads_per_year: 50000,
    conversion_before_pct: 5,
    conversion_after_pct: 6,
    avg_deal_value: 8000,
  },
};

/** Types `values` into the visitor's number fields, as a person would (plain digits). */
async function typeCompany(page, values) {
  for (const [key, value] of Object.entries(values)) {
    const input = page.getByTestId(`w-${key}`);
    await input.fill(String(value));
    await input.press("Tab");
  }
}

async function expectCards(page, m, lang) {
  await expect(card(page, "roi")).toHaveText(percent(m.roi_pct, lang));
  await expect(card(page, "npv")).toHaveText(money(m.npv, lang));
  const payback = m.payback_months === null ? (lang === "es" ? "No en el horizonte" : "Not within horizon") : `${oneDecimal(m.payback_months, lang)} ${MONTHS[lang]}`;
  await expect(card(page, "payback")).toHaveText(payback);
  await expect(card(page, "tco")).toHaveText(money(m.tco_per_user_3y, lang));
}

test.describe("three company sizes, the visitor's own figures", () => {
  for (const lang of ["es", "en"]) {
    for (const [name, values] of Object.entries(COMPANIES)) {
      test(`${name} company in ${lang}: the cards equal the visitor model; no improvement gives no benefit`, async ({
        page,
        problems,
      }) => {
        await page.goto(`embed.html?lang=${lang}`);
        await expect(card(page, "npv")).not.toHaveText("");
        await typeCompany(page, values);
        const m = visitorModel(values);
        await expectCards(page, m, lang);
        // The full model would count lines the visitor cannot see: the two differ.
        console.log(`${name} ${lang}: ROI ${m.roi_pct.toFixed(1)} %, NPV ${m.npv.toFixed(0)}`);

        // "No improvement" on both visible improvements: no benefit at all, so the
        // cumulative cash flow only falls and ROI is −100 %.
        await typeCompany(page, {
          conversion_after_pct: values.conversion_before_pct,
          churn_after_pct: values.churn_before_pct,
        });
        const none = visitorModel({
          ...values,
          conversion_after_pct: values.conversion_before_pct,
          churn_after_pct: values.churn_before_pct,
        });
        expect(none.benefits.every((b) => b === 0)).toBe(true);
        expect(none.roi_pct).toBe(-100);
        await expectCards(page, none, lang);
        expect(problems).toEqual([]);
      });
    }
  }

  test("'What is counted' names every line, what it needs and the assumptions with their sources", async ({ page }) => {
    await page.goto("embed.html?lang=en");
    await expect(card(page, "npv")).not.toHaveText("");
    const counted = page.getByTestId("counted");
    await expect(counted.locator("summary")).toHaveText("What is counted: 2 of 11 benefit lines, 2 of 6 cost lines");
    await counted.locator("summary").click();
    const m = visitorModel();
    const sum = (xs) => xs.reduce((a, b) => a + b, 0);
    // Costs that count: the one-time figure entered (its unseen parts named) and the
    // licences (seats × price × 12 a year, no AI add-on, flat prices).
    const costs = counted.getByTestId("counted-costs").locator("li");
    await expect(costs).toHaveText([
      `Implementation (one-time): ${money(m.costs[0])}, without Integration with other systems; Data migration; Initial training`,
      `Licences and AI: ${money(sum(m.costs.slice(1)))}, without AI add-on per seat per month; Yearly price rise`,
    ]);
    expect(sum(m.costs.slice(1))).toBe(3 * 40 * 65 * 12);
    const benefits = counted.getByTestId("counted-benefits").locator("li");
    await expect(benefits).toHaveCount(2);
    await expect(benefits.nth(0)).toHaveText(/^More sales from conversion: /);
    // Every other line is left out with what it needs: 4 cost lines and 9 benefit lines.
    const left = counted.getByTestId("left-out").locator("li");
    await expect(left).toHaveCount(4 + 9);
    await expect(left.nth(2)).toHaveText("Staff time: needs Internal admin hours per month; Hourly cost of internal staff");
    const assumptions = counted.getByTestId("assumptions").locator("li");
    await expect(assumptions).toHaveCount(4);
    await expect(assumptions.nth(0)).toContainText("3 years");
    await expect(assumptions.nth(0)).toContainText("Gartner");
    await expect(assumptions.nth(1)).toContainText("10%");
    await expect(assumptions.nth(2)).toContainText("60%");
    await expect(assumptions.nth(3)).toContainText("Forrester");
    await axe(page);
  });
});

test.describe("the answer stays in sight on a phone", () => {
  for (const width of [360, 390]) {
    test(`${width} px: the strip is visible and covers no field while each field is focused`, async ({ page }) => {
      await page.setViewportSize({ width, height: 740 });
      await page.goto("embed.html?lang=es");
      await expect(card(page, "npv")).not.toHaveText("");
      const strip = page.getByTestId("summary-strip");
      await expect(strip).toContainText(percent(visitorModel().roi_pct, "es"));
      // Every field in turn, by keyboard from the first one, as a person would.
      await page.getByTestId(`w-${VISITOR_FIELDS[0]}`).focus();
      const seen = new Set();
      for (let i = 0; i < VISITOR_FIELDS.length * 2; i++) {
        const state = await page.evaluate(() => {
          const el = document.activeElement;
          const s = document.querySelector('[data-testid="summary-strip"]').getBoundingClientRect();
          const f = el.getBoundingClientRect();
          return {
            id: el.dataset.testid ?? el.id,
            strip: { top: s.top, bottom: s.bottom },
            field: { top: f.top, bottom: f.bottom },
            height: innerHeight,
          };
        });
        seen.add(state.id);
        expect(state.strip.top, `${state.id}: strip in view`).toBeGreaterThanOrEqual(0);
        expect(state.strip.bottom, `${state.id}: strip in view`).toBeLessThanOrEqual(state.height);
        expect(state.field.top, `${state.id}: the field is below the strip`).toBeGreaterThanOrEqual(state.strip.bottom);
        expect(state.field.bottom, `${state.id}: the field is in view`).toBeLessThanOrEqual(state.height);
        await page.keyboard.press("Tab");
      }
      // Both the number box and the slider of every field were visited.
      for (const key of VISITOR_FIELDS) {
        expect(seen.has(`w-${key}`), key).toBe(true);
        expect(seen.has(`slider-${key}`), key).toBe(true);
      }
      // The strip follows the figures: a field typed far down the page.
      await page.getByTestId("w-avg_deal_value").fill("3500");
      await page.getByTestId("w-avg_deal_value").press("Tab");
      await expect(strip).toContainText(money(visitorModel({ avg_deal_value: 3500 }).npv, "es"));
      await expect(strip).toBeInViewport();
      await page.screenshot({ path: `test-results/visitor-strip-${width}.png` });
      await axe(page);
    });
  }

  test("1280 px: no strip, the cards sit beside the sliders", async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto("embed.html?lang=en");
    await expect(card(page, "npv")).not.toHaveText("");
    await expect(page.getByTestId("summary-strip")).toBeHidden();
  });
});

test("the result is announced once a change settles, not per keystroke", async ({ page }) => {
  await page.goto("embed.html?lang=en");
  await expect(card(page, "npv")).not.toHaveText("");
  const live = page.getByTestId("live");
  await expect(live).toHaveAttribute("aria-live", "polite");
  // Nothing is announced on load: the figures are on screen with the page.
  await expect(live).toHaveText("");
  await page.evaluate(() => {
    window.__announced = [];
    const el = document.querySelector('[data-testid="live"]');
    new MutationObserver(() => window.__announced.push(el.textContent)).observe(el, {
      childList: true,
      characterData: true,
      subtree: true,
    });
  });
  // Five quick steps of a slider: one announcement, of the last figures.
  await page.getByTestId("slider-seats").focus();
  for (let i = 0; i < 5; i++) await page.keyboard.press("ArrowRight");
  const m = visitorModel({ seats: 45 });
  await expect(live).toHaveText(`ROI ${percent(m.roi_pct)}, NPV ${money(m.npv)}, payback ${oneDecimal(m.payback_months)} months.`);
  await page.waitForTimeout(1500);
  expect(await page.evaluate(() => window.__announced.filter((t) => t !== ""))).toHaveLength(1);
});
