// Presentation mode and its pins: what a sales rep shows a prospect on a projector.
// Expected values: the independent JS model (specs/model.js) for the figures after a
// slider moves; the default pins and their limit from src/scenario/pins.rs (seats,
// licence price, conversion and churn with the CRM, adoption in year 1; at most six).
import { test, expect, open, describe, setField, money, percent, axe, card, shareLink, watch, go, row } from "./app.js";
import { model } from "./model.js";

const DEFAULT_PINS = ["seats", "licence_per_seat_month", "conversion_after_pct", "churn_after_pct", "adoption_year1_pct"];

/** The pinned sliders presentation mode shows, by field key, in order. */
async function presentedKeys(page) {
  const ids = await page.locator(".present-slider input[type=range]").evaluateAll((els) => els.map((e) => e.dataset.testid));
  return ids.map((id) => id.replace("present-slider-", ""));
}

async function present(page) {
  await page.getByTestId("present").click();
  await expect(page.getByTestId("presentation")).toBeVisible();
}

/** Whatever is inside the viewport and not clipped: the document does not scroll, every
 * element of the presentation lies within the window, and no figure is cut short. */
async function fitsTheScreen(page) {
  return page.evaluate(() => {
    const problems = [];
    const { innerWidth: w, innerHeight: h } = window;
    const root = document.scrollingElement;
    if (root.scrollHeight > h || root.scrollWidth > w) problems.push(`page scrolls: ${root.scrollWidth}×${root.scrollHeight}`);
    // (The live region is off-screen by design: it is for screen readers.)
    for (const el of document.querySelectorAll(".present *:not(.sr-only)")) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 && r.height === 0) continue;
      if (r.right > w + 0.5 || r.bottom > h + 0.5 || r.left < -0.5 || r.top < -0.5) {
        problems.push(`${el.tagName}.${el.className?.baseVal ?? el.className} outside: ${Math.round(r.right)},${Math.round(r.bottom)}`);
      }
    }
    for (const el of document.querySelectorAll(".present .figure-value, .present-slider-head output, .present h1")) {
      if (el.scrollWidth > el.clientWidth + 1) problems.push(`clipped: ${el.textContent}`);
    }
    return problems;
  });
}

test("the default pins, a seventh refused, and pins kept over a reload and in a link", async ({ page, context, problems }) => {
  await open(page);
  await expect(page.getByTestId("pinned-count")).toHaveText(/5 of 6/);
  for (const key of DEFAULT_PINS) await expect(page.getByTestId(`pin-${key}`).first()).toHaveAttribute("aria-pressed", "true");

  // Pin maintenance (an inputs-panel field), unpin adoption, then fill up to six.
  await page.getByTestId("pin-maintenance_per_year").click();
  await page.getByTestId("pin-adoption_year1_pct").first().click();
  await page.getByTestId("pin-risk_haircut_pct").first().click();
  await expect(page.getByTestId("pinned-count")).toHaveText(/6 of 6/);
  await expect(page.getByTestId("pin-horizon_years")).toBeDisabled();
  await expect(page.getByTestId("pin-horizon_years")).toHaveAccessibleName(/at most 6/);

  const pinned = ["seats", "licence_per_seat_month", "maintenance_per_year", "conversion_after_pct", "churn_after_pct", "risk_haircut_pct"];
  await page.reload();
  await expect(page.getByTestId("pinned-count")).toHaveText(/6 of 6/);
  await present(page);
  expect(await presentedKeys(page)).toEqual(pinned);
  await page.keyboard.press("Escape");

  const link = await shareLink(page);
  const other = watch(await (await context.browser().newContext()).newPage(), problems);
  await other.goto(link);
  await expect(other.getByTestId("pin-maintenance_per_year")).toHaveAttribute("aria-pressed", "true");
  await expect(other.getByTestId("pin-adoption_year1_pct").first()).toHaveAttribute("aria-pressed", "false");
  await present(other);
  expect(await presentedKeys(other)).toEqual(pinned);
});

test("scenarios compared side by side show their pins when they differ", async ({ page }) => {
  await open(page);
  await describe(page, { name: "Five pins" });
  await page.getByTestId("save").click();
  await page.getByTestId("save-as-new").click();
  await describe(page, { name: "Four pins" });
  await page.getByTestId("pin-seats").first().click();
  await go(page, "scenarios");
  await row(page, "Five pins").getByRole("checkbox").check();
  await row(page, "Four pins").getByRole("checkbox").check();
  const pins = page.getByTestId("compare-pins");
  await expect(pins.locator("td").first()).toHaveText("Seats (CRM users), Licence per seat per month, Lead conversion with CRM, Yearly churn with CRM, Adoption in year 1");
  await expect(pins.locator("td").nth(1)).toHaveText("Licence per seat per month, Lead conversion with CRM, Yearly churn with CRM, Adoption in year 1");
});

for (const [width, height] of [[1920, 1080], [1280, 800]]) {
  test(`presentation fits ${width}×${height} without scrolling or clipping, in both themes`, async ({ page }, info) => {
    await page.setViewportSize({ width, height });
    await open(page);
    await describe(page, { name: "Plan 2027", company: "ACME Logística Internacional S.A. de C.V." });
    await setField(page, "implementation", "250000");
    await present(page);
    await expect(page.getByTestId("present-prospect")).toHaveText("ACME Logística Internacional S.A. de C.V.");
    expect(await fitsTheScreen(page)).toEqual([]);
    await page.screenshot({ path: info.outputPath(`present-${width}.png`) });
    await page.keyboard.press("m");
    await expect(page.getByTestId("present-math")).toBeVisible();
    expect(await fitsTheScreen(page)).toEqual([]);
    await page.keyboard.press("c");
    await expect(page.getByTestId("presentation")).toHaveClass(/contrast/);
    expect(await fitsTheScreen(page)).toEqual([]);
    await page.screenshot({ path: info.outputPath(`present-${width}-contrast-math.png`) });
  });
}

test("a keyboard-only walk: Tab between the pinned sliders, arrows move them, M shows the math, Escape leaves", async ({ page }) => {
  await open(page);
  await describe(page, { notes: "PRIVATE: walk-away price 40 €" });
  await page.getByTestId("present").focus();
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("presentation")).toBeVisible();
  await expect(page.locator("body")).not.toContainText("PRIVATE");

  // The first pin has the focus; the arrows step it (seats: step 1).
  await expect(page.getByTestId("present-slider-seats")).toBeFocused();
  for (let i = 0; i < 5; i++) await page.keyboard.press("ArrowRight");
  await expect(page.getByTestId("present-value-seats")).toHaveText("45");
  const m = model({ seats: 45 });
  await expect(page.getByTestId("present-figure-1").locator(".figure-value")).toHaveText(money(m.npv));
  await expect(page.getByTestId("present-figure-0").locator(".figure-value")).toHaveText(percent(m.roi_pct));

  // Tab goes to the next pinned slider, Shift+Tab back.
  await page.keyboard.press("Tab");
  await expect(page.getByTestId("present-slider-licence_per_seat_month")).toBeFocused();
  await page.keyboard.press("ArrowLeft");
  await expect(page.getByTestId("present-value-licence_per_seat_month")).toHaveText("€64");
  for (const key of ["conversion_after_pct", "churn_after_pct", "adoption_year1_pct"]) {
    await page.keyboard.press("Tab");
    await expect(page.getByTestId(`present-slider-${key}`)).toBeFocused();
  }
  await page.keyboard.press("Shift+Tab");
  await expect(page.getByTestId("present-slider-churn_after_pct")).toBeFocused();

  // M shows the math in place of the chart, with the figures of the moment.
  await page.keyboard.press("m");
  const after = model({ seats: 45, licence_per_seat_month: 64 });
  await expect(page.getByTestId("present-math")).toContainText(money(after.npv));
  await expect(page.getByTestId("chart-cumulative")).toHaveCount(0);
  await page.keyboard.press("M");
  await expect(page.getByTestId("chart-cumulative")).toBeVisible();

  // Escape leaves, and the calculator has the values the prospect saw.
  await page.keyboard.press("Escape");
  await expect(page.getByTestId("presentation")).toHaveCount(0);
  await expect(card(page, "npv")).toHaveText(money(after.npv));
  await expect(page.getByTestId("f-seats")).toHaveValue("45");
});

test("presentation mode is accessible in both themes", async ({ page }) => {
  await open(page);
  await present(page);
  let { report } = await axe(page);
  expect(report).toBe("");
  await page.getByTestId("present-contrast").click();
  await page.getByTestId("present-math-toggle").click();
  ({ report } = await axe(page));
  expect(report).toBe("");
  await page.getByTestId("present-exit").click();
  await expect(page.getByTestId("card-roi")).toBeVisible();
});

test("with nothing pinned, presentation says where to pin", async ({ page }) => {
  await open(page);
  for (const key of DEFAULT_PINS) await page.getByTestId(`pin-${key}`).first().click();
  await expect(page.getByTestId("pinned-count")).toHaveText(/0 of 6/);
  await present(page);
  await expect(page.locator(".present-sliders")).toContainText("No slider is pinned");
});
