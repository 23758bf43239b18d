// Retorno in a browser, used the way a person would use it. Every expected figure comes
// from tests/fixtures/model_golden.json (make_golden.py, an independent Python/decimal
// re-implementation of the model) or from the model's documented formulas
// (src/engine/model.rs module docs) worked out here from the golden defaults, and is
// formatted with Node's Intl (same ICU locale data as Chromium) the way the page does.
import { mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import {
  test,
  expect,
  expected,
  overrides,
  defaults,
  money,
  percent,
  oneDecimal,
  readMoney,
  open,
  card,
  npv,
  field,
  fieldError,
  setField,
  typeInto,
  slider,
  lang,
  langButton,
  currency,
  npvPerLicenceUnit,
  npvPerSeat,
  axe,
} from "./app.js";
import { model } from "./model.js";

const ARTIFACTS = fileURLToPath(new URL("../artifacts/", import.meta.url));
mkdirSync(ARTIFACTS, { recursive: true });

// Golden cases (model_golden.json).
const DEFAULTS = expected("defaults"); // NPV 171301.30, ROI 49.17 %, payback 17.35 months
const CHURN_12_5 = expected("churn_after_12_5"); // defaults, churn after 12.5 %: NPV 193174.41


test.describe("first visit", () => {
  test("the app shell shows the default scenario's headline figures", async ({ page }) => {
    await open(page);
    await expect(page).toHaveTitle("Retorno · CRM ROI and KPIs");
    // Playwright's locale is en-US, so the first visit is in English.
    await expect(langButton(page, "en")).toHaveAttribute("aria-pressed", "true");
    await expect(langButton(page, "es")).toHaveAttribute("aria-pressed", "false");
    await expect(page.getByTestId("currency")).toHaveValue("EUR");

    // Golden "defaults": NPV 171301.295… → "€171,301"; ROI 49.171… % → "49.2%".
    await expect(npv(page)).toHaveText(money(DEFAULTS.npv));
    await expect(card(page, "roi")).toHaveText(percent(DEFAULTS.roi_pct));
    // The other cards, same case: payback 17.352… months, IRR 0.72880…,
    // PV benefits 519677.43, PV costs 348376.13, TCO per user 9990.99.
    await expect(card(page, "payback")).toHaveText(`${oneDecimal(DEFAULTS.payback_months)} months`);
    await expect(card(page, "irr")).toHaveText(percent(DEFAULTS.irr * 100));
    await expect(card(page, "pv-benefits")).toHaveText(money(DEFAULTS.pv_benefits));
    await expect(card(page, "pv-costs")).toHaveText(money(DEFAULTS.pv_costs));
    await expect(card(page, "tco")).toHaveText(money(DEFAULTS.tco_per_user_3y));

    // The live region says the same for screen readers.
    await expect(page.getByTestId("live")).toHaveText(
      `ROI ${percent(DEFAULTS.roi_pct)}, NPV ${money(DEFAULTS.npv)}, payback ${oneDecimal(DEFAULTS.payback_months)} months.`,
    );
  });

  test("the year table shows the golden yearly flows, totals and present values", async ({ page }) => {
    await open(page);
    const table = page.getByTestId("cashflow");
    const body = table.locator("tbody tr");
    const years = DEFAULTS.net.length; // years 0..=3
    await expect(body).toHaveCount(years);
    let cumulative = 0;
    for (let t = 0; t < years; t++) {
      cumulative += DEFAULTS.net[t];
      const row = body.nth(t);
      await expect(row.locator("th")).toHaveText(t === 0 ? "Initial" : `Year ${t}`);
      // Columns: costs, benefits, net, cumulative, discounted net (net ÷ 1.1^t).
      const discounted = DEFAULTS.net[t] / (1 + defaults.discount_rate_pct / 100) ** t;
      await expect(row.locator("td")).toHaveText([
        money(DEFAULTS.costs[t]),
        money(DEFAULTS.benefits[t]),
        money(DEFAULTS.net[t]),
        money(cumulative),
        money(discounted),
      ]);
    }
    const foot = table.locator("tfoot tr");
    await expect(foot.nth(0).locator("th")).toHaveText("Total");
    await expect(foot.nth(0).locator("td").nth(0)).toHaveText(money(DEFAULTS.total_costs));
    await expect(foot.nth(0).locator("td").nth(1)).toHaveText(money(DEFAULTS.total_benefits));
    await expect(foot.nth(0).locator("td").nth(2)).toHaveText(money(DEFAULTS.total_benefits - DEFAULTS.total_costs));
    await expect(foot.nth(1).locator("th")).toHaveText("Present value");
    await expect(foot.nth(1).locator("td").nth(0)).toHaveText(money(DEFAULTS.pv_costs));
    await expect(foot.nth(1).locator("td").nth(1)).toHaveText(money(DEFAULTS.pv_benefits));
    await expect(foot.nth(1).locator("td").nth(2)).toHaveText(money(DEFAULTS.npv));
  });

  test("the charts are images with a text alternative, and the break-even point is marked", async ({ page }) => {
    await open(page);
    for (const id of ["chart-cumulative", "chart-costs-benefits", "chart-tornado"]) {
      const svg = page.getByTestId(id).locator("svg[role=img]");
      await expect(svg).toBeVisible();
      await expect(svg.locator("desc")).not.toHaveText("");
    }
    // The golden defaults pay back within the horizon (20.4 months), so there is a marker.
    await expect(page.getByTestId("chart-cumulative").getByTestId("break-even-marker")).toHaveCount(1);
    // The cumulative chart's description lists the golden cumulative flow of each year.
    let cumulative = 0;
    const points = DEFAULTS.net.map((n, t) => `${t === 0 ? "Initial" : t} ${money((cumulative += n))}`);
    await expect(page.getByTestId("chart-cumulative").locator("desc")).toHaveText(
      `Cumulative flow by year: ${points.join(", ")}.`,
    );
  });
});

test.describe("what-if", () => {
  test("keyboard: one ArrowLeft on the churn slider moves 13 → 12.5 and updates NPV", async ({ page }) => {
    await open(page);
    const churn = slider(page, "churn_after_pct");
    await expect(churn).toHaveAttribute("aria-valuetext", "13%");
    await churn.focus();
    await page.keyboard.press("ArrowLeft");
    // step 0.5: 13 → 12.5; golden "churn_after_12_5": NPV 193174.41 → "€193,174".
    await expect(npv(page)).toHaveText(money(CHURN_12_5.npv));
    await expect(card(page, "roi")).toHaveText(percent(CHURN_12_5.roi_pct));
    await expect(field(page, "churn_after_pct", "w")).toHaveValue("12.5");
    await expect(field(page, "churn_after_pct", "f")).toHaveValue("12.5");
    await expect(churn).toHaveAttribute("aria-valuetext", "12.5%");
    await expect(churn).toHaveValue("12.5");
  });

  test("benefit line switches: marketing and sales cycle off give the golden figures", async ({ page }) => {
    await open(page);
    // BenefitLine::ALL order: conversion 0, deal size 1, retention 2, productivity 3,
    // service 4, marketing 5, sales cycle 6.
    await page.getByTestId("line-5").uncheck();
    await page.getByTestId("line-6").uncheck();
    const off = expected("marketing_and_sales_cycle_off");
    await expect(npv(page)).toHaveText(money(off.npv));
    await expect(card(page, "roi")).toHaveText(percent(off.roi_pct));
  });

  test("a ten-year horizon at 12 % gives the golden figures and ten year rows", async ({ page }) => {
    await open(page);
    await setField(page, "horizon_years", "10");
    await setField(page, "discount_rate_pct", "12");
    const ten = expected("ten_years_at_12_pct");
    await expect(npv(page)).toHaveText(money(ten.npv));
    await expect(card(page, "roi")).toHaveText(percent(ten.roi_pct));
    await expect(card(page, "payback")).toHaveText(`${oneDecimal(ten.payback_months)} months`);
    await expect(page.getByTestId("cashflow").locator("tbody tr")).toHaveCount(11);
    await expect(page.getByTestId("cashflow").locator("tbody tr").last().locator("th")).toHaveText("Year 10");
  });

  test("a case that never pays back says so", async ({ page }) => {
    await open(page);
    for (const [key, value] of Object.entries(overrides("never_pays_back"))) await setField(page, key, value);
    const e = expected("never_pays_back");
    expect(e.payback_months).toBeNull();
    await expect(npv(page)).toHaveText(money(e.npv));
    await expect(card(page, "payback")).toHaveText("Not within horizon");
    await expect(page.getByTestId("chart-cumulative").getByTestId("break-even-marker")).toHaveCount(0);
  });
});

test.describe("typing", () => {
  test("invalid seats show a message and keep the last valid result; a valid value restores", async ({ page }) => {
    await open(page);
    const seats = field(page, "seats");
    const error = fieldError(page, "seats");
    const wrapper = page.locator('.number:has([data-testid="f-seats"])');
    const defaultNpv = money(DEFAULTS.npv);

    // The message is what the field's aria-describedby points to.
    await expect(seats).toHaveAttribute("aria-describedby", (await error.getAttribute("id")) ?? "missing id");
    await expect(seats).toHaveAttribute("aria-invalid", "false");

    // Letters.
    await setField(page, "seats", "abc");
    await expect(error).toBeVisible();
    await expect(error).toHaveText(/^(Not a valid number\.|Enter a number\.) Results use the last valid value\.$/);
    await expect(error).toHaveAttribute("role", "alert");
    await expect(seats).toHaveAttribute("aria-invalid", "true");
    await expect(wrapper).toHaveClass(/\binvalid\b/);
    await expect(npv(page)).toHaveText(defaultNpv);

    // Nothing at all.
    await setField(page, "seats", "");
    await expect(error).toHaveText("Enter a number. Results use the last valid value.");
    await expect(npv(page)).toHaveText(defaultNpv);

    // Fractional seats.
    await setField(page, "seats", "2.5");
    await expect(error).toHaveText("Must be a whole number. Results use the last valid value.");
    await expect(seats).toHaveAttribute("aria-invalid", "true");
    await expect(npv(page)).toHaveText(defaultNpv);

    // Below the minimum: seats range [1, 1 000 000] in model.rs's inputs! table.
    await setField(page, "seats", "-3");
    await expect(error).toHaveText("The minimum is 1. Results use the last valid value.");
    await expect(npv(page)).toHaveText(defaultNpv);

    // A valid value: 50 seats. Only licences change: NPV falls by 10 seats × (65 + 20) ×
    // 12 × 1.1 × Σ 1.03^(t−1)/1.1^t (model.rs cost formula, golden defaults).
    await setField(page, "seats", "50");
    await expect(error).toBeHidden();
    await expect(error).toHaveText("");
    await expect(seats).toHaveAttribute("aria-invalid", "false");
    await expect(wrapper).not.toHaveClass(/\binvalid\b/);
    await expect(npv(page)).toHaveText(money(DEFAULTS.npv - 10 * npvPerSeat()));
    // The what-if field and slider follow.
    await expect(field(page, "seats", "w")).toHaveValue("50");
    await expect(slider(page, "seats")).toHaveValue("50");

    // And back to the default value, the default result.
    await setField(page, "seats", "40");
    await expect(npv(page)).toHaveText(defaultNpv);
  });

  test("typed key by key, the results follow each valid prefix and keep the last one", async ({ page }) => {
    await open(page);
    // "2" is a valid seat count, "2." reads as 2, "2.5" is not whole: the results keep 2
    // seats, i.e. NPV rises by 38 seats' licences (same derivation as the 50-seat case).
    await typeInto(page, "seats", "2.5");
    await expect(fieldError(page, "seats")).toHaveText("Must be a whole number. Results use the last valid value.");
    await expect(npv(page)).toHaveText(money(DEFAULTS.npv + 38 * npvPerSeat()));
    // The slider shows the value in use, not the invalid text.
    await expect(slider(page, "seats")).toHaveValue("2");
  });

  test("a number with a letter typo in it is rejected, not read as another number", async ({ page }) => {
    await open(page);
    // "4o" (letter o for a zero, meaning 40) and "40abc" contain letters: invalid text,
    // so a message and the results keep the last valid value (40 seats, the default).
    for (const text of ["4o", "40abc"]) {
      await setField(page, "seats", text);
      await expect(fieldError(page, "seats"), `seats "${text}"`).toHaveText(/Results use the last valid value\.$/);
      await expect(field(page, "seats")).toHaveAttribute("aria-invalid", "true");
      await expect(slider(page, "seats")).toHaveValue("40");
      await expect(npv(page)).toHaveText(money(DEFAULTS.npv));
    }
  });

  test("a displayed amount pasted back is accepted (currency symbol and grouping)", async ({ page }) => {
    await open(page);
    // The NPV card's own format, e.g. "€45,000": the parser ignores the symbols the app
    // shows. 45 000 is the default implementation cost, so the NPV stays the default.
    await setField(page, "implementation", money(45000));
    await expect(fieldError(page, "implementation")).toHaveText("");
    await expect(npv(page)).toHaveText(money(DEFAULTS.npv));
    await setField(page, "churn_after_pct", percent(12.5)); // "12.5%"
    await expect(fieldError(page, "churn_after_pct")).toHaveText("");
    await expect(npv(page)).toHaveText(money(CHURN_12_5.npv));
  });

  test("an out-of-range percentage says the maximum", async ({ page }) => {
    await open(page);
    // churn_after_pct range [0, 100] (model.rs); the message shows the maximum as a percentage.
    await setField(page, "churn_after_pct", "150");
    await expect(fieldError(page, "churn_after_pct")).toHaveText("The maximum is 100%. Results use the last valid value.");
    await expect(npv(page)).toHaveText(money(DEFAULTS.npv));
    await expect(slider(page, "churn_after_pct")).toHaveValue("13");
  });
});

test.describe("Spanish", () => {
  test("ES formats and reads numbers the Spanish way, and is remembered", async ({ page }) => {
    await open(page);
    await lang(page, "es");
    await expect(langButton(page, "es")).toHaveAttribute("aria-pressed", "true");
    await expect(page).toHaveTitle("Retorno · ROI y KPI de tu CRM");
    // Golden defaults formatted es-ES: "120.021 €".
    await expect(npv(page)).toHaveText(money(DEFAULTS.npv, "es"));
    await expect(card(page, "roi")).toHaveText(percent(DEFAULTS.roi_pct, "es"));
    await expect(card(page, "payback")).toHaveText(`${oneDecimal(DEFAULTS.payback_months, "es")} meses`);
    // Number fields show Spanish digits too: the default 45 000 implementation.
    await expect(field(page, "implementation")).toHaveValue(new Intl.NumberFormat("es-ES").format(defaults.implementation));

    // "45.000" is forty-five thousand in Spanish (a group separator): the default, no error.
    await setField(page, "implementation", "45.000");
    await expect(fieldError(page, "implementation")).toHaveText("");
    await expect(npv(page)).toHaveText(money(DEFAULTS.npv, "es"));

    // "12,5" is twelve and a half: golden "churn_after_12_5", formatted es-ES.
    await typeInto(page, "churn_after_pct", "12,5");
    await expect(fieldError(page, "churn_after_pct")).toHaveText("");
    await expect(npv(page)).toHaveText(money(CHURN_12_5.npv, "es"));
    await expect(slider(page, "churn_after_pct")).toHaveValue("12.5");
    await expect(slider(page, "churn_after_pct")).toHaveAttribute("aria-valuetext", percent(12.5, "es"));

    // Spanish error messages.
    await setField(page, "seats", "2,5");
    await expect(fieldError(page, "seats")).toHaveText("Debe ser un número entero. Los resultados usan el último valor válido.");

    // Reload: still Spanish (localStorage retorno.lang), and the working scenario was
    // autosaved, so churn is still 12,5 (golden "churn_after_12_5").
    await page.reload();
    await expect(npv(page)).not.toHaveText("");
    expect(await page.evaluate(() => localStorage.getItem("retorno.lang"))).toBe("es");
    await expect(page.locator("html")).toHaveAttribute("lang", "es");
    await expect(langButton(page, "es")).toHaveAttribute("aria-pressed", "true");
    await expect(npv(page)).toHaveText(money(CHURN_12_5.npv, "es"));

    // And back to English.
    await lang(page, "en");
    await expect(npv(page)).toHaveText(money(CHURN_12_5.npv, "en"));
  });
});

test.describe("currency", () => {
  test("the currency changes how amounts are shown (never converted) and is remembered", async ({ page }) => {
    await open(page);
    await currency(page, "USD");
    await expect(npv(page)).toHaveText(money(DEFAULTS.npv, "en", "USD")); // "$171,301"
    await expect(npv(page)).toHaveText(/^\$/);
    await expect(page.locator('.number:has([data-testid="f-implementation"]) .suffix')).toHaveText("USD");

    await lang(page, "es");
    await expect(npv(page)).toHaveText(money(DEFAULTS.npv, "es", "USD")); // "120.021 US$"
    await expect(npv(page)).toHaveText(/US\$$/);

    await currency(page, "CLP");
    await expect(npv(page)).toHaveText(money(DEFAULTS.npv, "es", "CLP"));
    await lang(page, "en");
    await expect(npv(page)).toHaveText(money(DEFAULTS.npv, "en", "CLP"));

    for (const code of ["MXN", "COP", "ARS", "PEN", "GBP", "EUR"]) {
      await currency(page, code);
      await expect(npv(page)).toHaveText(money(DEFAULTS.npv, "en", code));
    }

    await currency(page, "GBP");
    await page.reload();
    await expect(page.getByTestId("currency")).toHaveValue("GBP");
    await expect(npv(page)).toHaveText(money(DEFAULTS.npv, "en", "GBP")); // "£171,301"
  });
});

test.describe("break-even", () => {
  test("the licence price at which NPV is zero, checked by typing it in", async ({ page }) => {
    await open(page);
    await page.getByTestId("breakeven-driver").selectOption("licence_per_seat_month");
    const answer = page.getByTestId("breakeven-answer");
    await expect(answer).toHaveText(/^NPV is zero at Licence per seat per month = .+ \(now: €65\)\.$/);
    const shown = (await answer.textContent()).match(/= (.+) \(now/)[1]; // e.g. "€…" with cents
    const value = readMoney(shown);

    // Independently: NPV is linear in the licence price, falling by
    // seats × 12 × (1 + contingency) × Σ 1.03^(t−1)/1.1^t per unit (model.rs docs), so it
    // reaches zero at 65 + NPV(defaults) ÷ that slope.
    const expectedValue = defaults.licence_per_seat_month + DEFAULTS.npv / npvPerLicenceUnit();
    expect(Math.abs(value - expectedValue), `break-even ${value} vs ${expectedValue.toFixed(4)}`).toBeLessThanOrEqual(0.006);

    // Type it in (to cents, as shown): NPV ≈ 0. Rounding to a cent moves NPV by at most
    // 0.005 × slope ≈ €7, far under 0.1 % of the default NPV.
    await setField(page, "licence_per_seat_month", value.toFixed(2));
    await expect(fieldError(page, "licence_per_seat_month")).toHaveText("");
    await expect(card(page, "npv")).not.toHaveText(money(DEFAULTS.npv));
    const after = readMoney(await npv(page).textContent());
    expect(Math.abs(after), `NPV at the break-even licence price: ${await npv(page).textContent()}`).toBeLessThan(
      0.001 * DEFAULTS.npv,
    );
    // And now the solver says the current value is the break-even one.
    await expect(answer).toContainText(`(now: ${shown})`);
  });
});

test.describe("reset", () => {
  test("reset to defaults restores the default figures after changes", async ({ page }) => {
    await open(page);
    await slider(page, "churn_after_pct").focus();
    await page.keyboard.press("ArrowLeft");
    await expect(npv(page)).toHaveText(money(CHURN_12_5.npv));
    await setField(page, "implementation", "90000");
    await page.getByTestId("line-0").uncheck();
    await expect(npv(page)).not.toHaveText(money(CHURN_12_5.npv));

    await page.getByTestId("reset").click();
    await expect(npv(page)).toHaveText(money(DEFAULTS.npv));
    await expect(card(page, "roi")).toHaveText(percent(DEFAULTS.roi_pct));
    await expect(page.getByRole("status").filter({ hasText: "Defaults restored." })).toBeVisible();
    await expect(field(page, "implementation")).toHaveValue("45,000");
    await expect(field(page, "churn_after_pct")).toHaveValue("13");
    await expect(slider(page, "churn_after_pct")).toHaveValue("13");
    await expect(page.getByTestId("line-0")).toBeChecked();
  });

  test("reset to defaults also clears a field's invalid text and its message", async ({ page }) => {
    await open(page);
    await setField(page, "seats", "abc");
    await expect(fieldError(page, "seats")).toBeVisible();
    await page.getByTestId("reset").click();
    // Every field shows its default after a reset, seats included (40).
    await expect(field(page, "seats")).toHaveValue(String(defaults.seats));
    await expect(fieldError(page, "seats")).toHaveText("");
    await expect(field(page, "seats")).toHaveAttribute("aria-invalid", "false");
  });
});

test.describe("accessibility", () => {
  for (const code of ["en", "es"]) {
    test(`axe finds no WCAG 2.2 AA violations in ${code === "en" ? "English" : "Spanish"}`, async ({ page }) => {
      await open(page);
      if (code === "es") await lang(page, "es");
      // Open every "show the math" so its content is checked too.
      for (const details of await page.locator("details").all()) await details.evaluate((d) => (d.open = true));
      const { violations, report } = await axe(page);
      expect(violations.map((v) => v.id), report).toEqual([]);
    });
  }

  test("axe finds no violations with an invalid field showing its message", async ({ page }) => {
    await open(page);
    await setField(page, "seats", "abc");
    await expect(fieldError(page, "seats")).toBeVisible();
    const { violations, report } = await axe(page);
    expect(violations.map((v) => v.id), report).toEqual([]);
  });
});

test.describe("layout", () => {
  for (const [name, width, height] of [
    ["phone", 360, 800],
    ["laptop", 1280, 800],
  ]) {
    test(`no horizontal scroll at ${width} px (${name}), with a screenshot`, async ({ page }) => {
      await page.setViewportSize({ width, height });
      await open(page);
      const { scrollWidth, innerWidth } = await page.evaluate(() => ({
        scrollWidth: document.documentElement.scrollWidth,
        innerWidth: window.innerWidth,
      }));
      expect(scrollWidth, `scrollWidth ${scrollWidth} > innerWidth ${innerWidth}`).toBeLessThanOrEqual(innerWidth);
      // The summary strip keeps ROI/NPV/payback in view below 1024 px only.
      if (width < 1024) {
        await expect(page.getByTestId("summary-strip")).toBeVisible();
        await expect(page.getByTestId("summary-strip")).toContainText(money(DEFAULTS.npv));
      } else {
        await expect(page.getByTestId("summary-strip")).toBeHidden();
      }
      await page.screenshot({ path: `${ARTIFACTS}${name}-${width}.png`, fullPage: true });
    });
  }
});

test.describe("rates of return", () => {
  /** Every rate in (−99 %, 10,000 %) zeroing the NPV of `net`, by a scan and bisection. */
  function roots(net) {
    const npvAt = (r) => net.reduce((s, x, t) => s + x / (1 + r) ** t, 0);
    const found = [];
    for (let r = -0.99, v = npvAt(r); r < 100; ) {
      const next = r + 0.001;
      const w = npvAt(next);
      if (Math.sign(w) !== Math.sign(v)) {
        let [a, b] = [r, next];
        for (let i = 0; i < 80; i++) {
          const c = (a + b) / 2;
          if (Math.sign(npvAt(c)) === Math.sign(npvAt(a))) a = c;
          else b = c;
        }
        found.push(((a + b) / 2) * 100);
      }
      [r, v] = [next, w];
    }
    return found;
  }

  test("flows that change sign twice show both rates and the MIRR", async ({ page }) => {
    await open(page);
    await setField(page, "horizon_years", "6");
    await setField(page, "licence_escalation_pct", "50");
    // Expected: the independent JS model's net flows, its own root search, and the
    // MIRR by definition (outflows financed, inflows reinvested at the 10 % rate).
    const { net } = model({ horizon_years: 6, licence_escalation_pct: 50 });
    const rates = roots(net);
    expect(rates).toHaveLength(2);
    await expect(card(page, "irr")).toHaveText(rates.map((r) => percent(r)).join(" · "));
    const n = net.length - 1;
    const pv = net.reduce((s, x, t) => (x < 0 ? s + x / 1.1 ** t : s), 0);
    const fv = net.reduce((s, x, t) => (x > 0 ? s + x * 1.1 ** (n - t) : s), 0);
    const mirr = ((fv / -pv) ** (1 / n) - 1) * 100;
    await expect(page.getByTestId("card-irr").locator(".sub")).toHaveText(`several rates of return · MIRR ${percent(mirr)}`);
  });
});
