// Helpers for the visitor's calculator's browser tests (embed.spec.js): an independent
// JS implementation of the ROI model (checked against tests/fixtures/model_golden.json in
// the spec), the frame's URL, and host pages on other origins served with page.route.
import { defaults } from "./app.js";

export const PORT = Number(process.env.PORT ?? 4173);
/** Where Playwright's web server serves dist/. */
export const APP_ORIGIN = `http://127.0.0.1:${PORT}`;
/** The page that embeds the frame and opted in (its origin is the frame's `host`). */
export const HOST = "http://host.test";
/** Another site that embeds the same frame. */
export const OTHER = "http://other.test";

// ------------------------------------------------------------------ the ROI model

const LINES = ["conversion", "deal_size", "retention", "productivity", "service", "marketing", "sales_cycle"];

/**
 * The ROI model for the golden defaults with `over` applied (numbers; `lines` an object
 * of line → false to switch lines off), from the formulas in src/engine/model's docs, the
 * ones tests/fixtures/make_golden.py follows, in floating point: yearly costs, benefits
 * and net, NPV, ROI %, payback months (simple, from the net flows; null when never) and
 * the 3-year cost per user.
 */
export function model(over = {}) {
  const { lines = {}, ...values } = over;
  const v = { ...defaults, ...values };
  const on = Object.fromEntries(LINES.map((l) => [l, lines[l] ?? true]));
  const pct = (x) => x / 100;
  const margin = pct(v.gross_margin_pct);
  const rate = pct(v.discount_rate_pct);
  const cost = (t) =>
    (t === 0
      ? v.implementation + v.integration + v.data_migration + v.initial_training
      : v.seats * (v.licence_per_seat_month + v.ai_addon_per_seat_month) * 12 * (1 + pct(v.licence_escalation_pct)) ** (t - 1) +
        v.maintenance_per_year +
        v.continuous_training_per_year +
        v.admin_hours_per_month * v.admin_hourly_rate * 12) *
    (1 + pct(v.contingency_pct));
  const adoption = (t) => pct(t === 1 ? v.adoption_year1_pct : t === 2 ? v.adoption_year2_pct : v.adoption_steady_pct);
  const full = {
    conversion: v.leads_per_year * (pct(v.conversion_after_pct) - pct(v.conversion_before_pct)) * v.avg_deal_value * margin,
    deal_size: v.leads_per_year * pct(v.conversion_before_pct) * v.avg_deal_value * pct(v.deal_size_uplift_pct) * margin,
    productivity: v.sales_reps * v.hours_saved_per_rep_week * v.working_weeks * v.rep_hourly_rate,
    service: ((v.tickets_per_year * v.handle_minutes_saved) / 60) * v.service_cost_per_hour,
    marketing: v.marketing_spend * pct(v.cpa_reduction_pct),
    sales_cycle:
      v.opportunities_per_year * pct(v.win_rate_pct) * v.avg_deal_value * (v.cycle_days_before / v.cycle_days_after - 1) * margin,
  };
  // Retention: each year's saved customers keep buying and leave at the new churn.
  const saved = (k) => v.customers * (pct(v.churn_before_pct) - pct(v.churn_after_pct)) * adoption(k);
  const retention = (t) => {
    let extra = 0;
    for (let k = 1; k <= t; k++) extra += saved(k) * (1 - pct(v.churn_after_pct)) ** (t - k);
    return extra * v.revenue_per_customer * margin;
  };
  const benefit = (t) => {
    if (t === 0) return 0;
    let total = 0;
    for (const line of LINES) {
      if (!on[line]) continue;
      total += (line === "retention" ? retention(t) : full[line] * adoption(t)) * (1 - pct(v.risk_haircut_pct));
    }
    return total;
  };
  const costs = [];
  const benefits = [];
  for (let t = 0; t <= v.horizon_years; t++) {
    costs.push(cost(t));
    benefits.push(benefit(t));
  }
  const net = benefits.map((b, t) => b - costs[t]);
  const pv = (xs) => xs.reduce((s, x, t) => s + x / (1 + rate) ** t, 0);
  const pvCosts = pv(costs);
  const npv = pv(benefits) - pvCosts;
  return {
    costs,
    benefits,
    net,
    npv,
    roi_pct: pvCosts === 0 ? null : (npv / pvCosts) * 100,
    payback_months: payback(net),
    tco_per_user_3y: [0, 1, 2, 3].reduce((s, t) => s + cost(t), 0) / v.seats,
  };
}

/** Months until the cumulative net flow first reaches ≥ 0, flows spread evenly in a year. */
function payback(net) {
  let cumulative = 0;
  for (let t = 0; t < net.length; t++) {
    const before = cumulative;
    cumulative += net[t];
    if (cumulative >= 0) return t === 0 ? 0 : 12 * (t - 1) + (12 * -before) / net[t];
  }
  return null;
}

/** `x` rounded to `dp` decimals, as the frame rounds its messages (half away from zero). */
export function round(x, dp) {
  if (x === null) return null;
  const f = 10 ** dp;
  return (Math.sign(x) * Math.round(Math.abs(x) * f)) / f;
}

// ------------------------------------------------------------------ the frame and its hosts

/** The frame's URL on the app's server, with `options` (an object or a query string). */
export function embedUrl(options = {}) {
  const query = typeof options === "string" ? options : new URLSearchParams(options).toString();
  return `${APP_ORIGIN}/embed.html${query ? `?${query}` : ""}`;
}

/**
 * A host page embedding the frame at `src` with the host script embed.js, and recording
 * what it receives: every `message` event (origin and data) in window.__messages, and
 * every `retorno:result` CustomEvent of the frame element in window.__results.
 */
export function hostPage(src, { title = "A host page" } = {}) {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<style>
  body { margin: 0; font-family: system-ui, sans-serif; background: #f3f1ea; color: #222; }
  header, footer { padding: 12px 16px; }
  iframe { display: block; width: 100%; border: 0; }
</style>
</head>
<body>
<header><h1>${title}</h1><p>Our CRM pays for itself. Try it:</p></header>
<iframe data-retorno title="CRM ROI calculator" src="${src.replace(/&/g, "&amp;").replace(/"/g, "&quot;")}"></iframe>
<footer><p>Footer of the host page.</p></footer>
<script>
  window.__messages = [];
  window.__results = [];
  addEventListener("message", (e) => window.__messages.push({ origin: e.origin, data: e.data }));
  document.querySelector("iframe").addEventListener("retorno:result", (e) => window.__results.push(e.detail));
</script>
<script src="${APP_ORIGIN}/embed.js"></script>
</body>
</html>`;
}

/**
 * Serves a host page at `origin` (http://host.test or http://other.test) embedding the
 * frame with `options`, opens it, and returns the frame (a Playwright Frame) once its
 * first result is shown.
 */
export async function openHost(page, options = {}, { origin = HOST, path = "/page.html" } = {}) {
  const src = embedUrl(options);
  await page.route(`${origin}/**`, (route) =>
    route.fulfill({ status: 200, contentType: "text/html; charset=utf-8", body: hostPage(src) }),
  );
  await page.goto(`${origin}${path}`);
  const element = await page.waitForSelector("iframe[data-retorno]");
  const frame = await element.contentFrame();
  await frame.waitForFunction(() => document.querySelector("[data-testid=card-npv] .value")?.textContent.trim());
  return frame;
}
