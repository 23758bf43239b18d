// Helpers and expected-value functions shared by measure.spec.js and measure-more.spec.js:
// driving the measurement screen, and the JS copy of the ROI model (checked against the
// golden file in measure-more.spec.js).
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


export const DEFAULTS = expected("defaults"); // NPV 171301.30, ROI 49.17 %
export const CHURN_12_5 = expected("churn_after_12_5"); // churn after 12.5 %: NPV 193174.41, ROI 55.45 %

// ------------------------------------------------------------------ the screen

/** Opens the app and goes to the measurement screen. */
export async function openMeasure(page) {
  await open(page);
  await go(page, "measure");
  await expect(page.locator("#periods")).toBeVisible();
}

/** A KPI card (`kpi-<Name>`) and its parts. */
export function kpi(page, name) {
  const c = page.getByTestId(`kpi-${name}`);
  return { card: c, values: c.getByTestId("values"), change: c.getByTestId("change"), verdict: c.getByTestId("verdict") };
}

/** Checks a KPI card's "baseline → current", change and verdict texts. */
export async function expectKpi(page, name, values, change, verdict) {
  const k = kpi(page, name);
  await expect(k.values, `${name} values`).toHaveText(values);
  await expect(k.change, `${name} change`).toHaveText(change);
  await expect(k.verdict, `${name} verdict`).toHaveText(verdict);
}

/** Sets a period's dates (ISO, as `<input type=date>` takes them). */
export async function setDates(page, which, start, end) {
  await page.getByTestId(`${which}-start`).fill(start);
  await page.getByTestId(`${which}-end`).fill(end);
}

/** Types a period's raw figures: `{ customers_start: "1,000", … }`. */
export async function setFigures(page, which, figures) {
  for (const [key, text] of Object.entries(figures)) {
    await page.getByTestId(`${which}-${key}`).fill(text);
  }
}

/** The message shown next to a number field. */
export const errorOf = (page, id) => page.locator(`#${id}-error`);

/** A campaign row's input (`campaign-<i>-<key>`). */
export const campaignInput = (page, i, key) => page.getByTestId(`campaign-${i}-${key}`);

/** Fills a campaign row: name, spend, clicks, leads, customers, revenue, margin. */
export async function setCampaign(page, i, c) {
  await campaignInput(page, i, "name").fill(c.name);
  for (const key of ["spend", "clicks", "leads", "customers", "revenue", "margin"]) {
    await campaignInput(page, i, key).fill(c[key]);
  }
}

/** The metrics of a campaign row or of the total card. */
export async function expectMetrics(box, m) {
  for (const [key, text] of Object.entries(m)) {
    await expect(box.getByTestId(key), key).toHaveText(text);
  }
}

/**
 * No horizontal scroll: the page is no wider than the window. The message names the
 * elements that stick out on the right (outside elements that scroll on their own).
 */
export async function expectNoSideScroll(page) {
  const { scrollWidth, innerWidth, wide } = await page.evaluate(() => {
    const scrolls = (el) => ["auto", "scroll"].includes(getComputedStyle(el).overflowX);
    const wide = [...document.body.querySelectorAll("*")]
      .filter((el) => el.getBoundingClientRect().right > window.innerWidth + 0.5)
      .filter((el) => {
        for (let up = el.parentElement; up && up !== document.body; up = up.parentElement) if (scrolls(up)) return false;
        return true;
      })
      .slice(0, 5)
      .map((el) => {
        const id = el.getAttribute("data-testid") ?? [...el.classList].join(".");
        return `<${el.tagName.toLowerCase()} ${id}> "${el.textContent.trim().slice(0, 40)}" right ${Math.round(el.getBoundingClientRect().right)} px`;
      });
    return { scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth, wide };
  });
  expect(scrollWidth, `scrollWidth ${scrollWidth} > innerWidth ${innerWidth}; sticking out: ${wide.join("; ")}`).toBeLessThanOrEqual(
    innerWidth,
  );
}

// ------------------------------------------------------------------ the ROI model

/** The independent JS model (model.js): its `roi_pct` and `npv` are what these specs use. */
export { model as roiModel } from "./model.js";

/** `1 − (1 − c)^(365 ÷ days)` in percent, rounded to 4 decimals as proposals are. */
export function yearlyChurn(periodPct, days) {
  const yearly = (1 - (1 - periodPct / 100) ** (365 / days)) * 100;
  return Math.round(yearly * 1e4) / 1e4;
}

// ---------------------------------------------------------------------------------------
