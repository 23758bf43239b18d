// An independent JS implementation of the ROI model, for the browser tests' expected
// values: the formulas of src/engine/model's docs, the ones tests/fixtures/make_golden.py
// follows, in floating point. Checked against tests/fixtures/model_golden.json in
// embed.spec.js and measure-more.spec.js before anything relies on it.
import { defaults } from "./app.js";

const LINES = [
  "conversion",
  "deal_size",
  "retention",
  "productivity",
  "service",
  "marketing",
  "sales_cycle",
  "lifetime",
  "ai_churn",
  "ai_scoring",
  "ai_offers",
];
// Every line counts by default but the lifetime-value line (src/engine/model docs).
const DEFAULT_OFF = ["lifetime"];

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
  const on = Object.fromEntries(LINES.map((l) => [l, lines[l] ?? !DEFAULT_OFF.includes(l)]));
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
    lifetime: v.clv_customers_reached * v.clv_uplift,
    ai_churn: v.ai_flagged_per_year * pct(v.ai_precision_pct) * pct(v.ai_save_rate_pct) * v.revenue_per_customer * margin,
    ai_scoring:
      v.leads_per_year * pct(v.ai_top_leads_pct) * pct(v.conversion_after_pct) * pct(v.ai_scoring_uplift_pct) * v.avg_deal_value * margin,
    ai_offers: v.customers * pct(v.ai_offers_reach_pct) * v.revenue_per_customer * pct(v.ai_offers_uplift_pct) * margin,
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

/** The visitor's calculator's inputs by default (src/scenario/embed.rs, VISITOR_FIELDS). */
export const VISITOR_FIELDS = [
  "seats",
  "licence_per_seat_month",
  "implementation",
  "customers",
  "revenue_per_customer",
  "gross_margin_pct",
  "churn_before_pct",
  "churn_after_pct",
  "leads_per_year",
  "conversion_before_pct",
  "conversion_after_pct",
  "avg_deal_value",
];
// What the visitor's estimate keeps although the visitor may not see it, each printed
// with its value under "What is counted" (issue 25): horizon, discount rate, adoption,
// risk haircut, gross margin.
const ASSUMED = [
  "horizon_years",
  "discount_rate_pct",
  "adoption_year1_pct",
  "adoption_year2_pct",
  "adoption_steady_pct",
  "risk_haircut_pct",
  "gross_margin_pct",
];
// The inputs each benefit line's formula in `model` reads (`full` and `retention`).
const DRIVERS = {
  conversion: ["leads_per_year", "conversion_after_pct", "conversion_before_pct", "avg_deal_value", "gross_margin_pct"],
  deal_size: ["leads_per_year", "conversion_before_pct", "avg_deal_value", "deal_size_uplift_pct", "gross_margin_pct"],
  retention: ["customers", "churn_before_pct", "churn_after_pct", "revenue_per_customer", "gross_margin_pct"],
  productivity: ["sales_reps", "hours_saved_per_rep_week", "working_weeks", "rep_hourly_rate"],
  service: ["tickets_per_year", "handle_minutes_saved", "service_cost_per_hour"],
  marketing: ["marketing_spend", "cpa_reduction_pct"],
  sales_cycle: ["opportunities_per_year", "win_rate_pct", "avg_deal_value", "cycle_days_before", "cycle_days_after", "gross_margin_pct"],
  lifetime: ["clv_customers_reached", "clv_uplift"],
  ai_churn: ["ai_flagged_per_year", "ai_precision_pct", "ai_save_rate_pct", "revenue_per_customer", "gross_margin_pct"],
  ai_scoring: ["leads_per_year", "ai_top_leads_pct", "conversion_after_pct", "ai_scoring_uplift_pct", "avg_deal_value", "gross_margin_pct"],
  ai_offers: ["customers", "ai_offers_reach_pct", "revenue_per_customer", "ai_offers_uplift_pct", "gross_margin_pct"],
};
// Every cost input of `model`'s `cost`.
const COST_INPUTS = [
  "implementation",
  "integration",
  "data_migration",
  "initial_training",
  "licence_per_seat_month",
  "ai_addon_per_seat_month",
  "licence_escalation_pct",
  "maintenance_per_year",
  "continuous_training_per_year",
  "admin_hours_per_month",
  "admin_hourly_rate",
  "contingency_pct",
];

/**
 * The visitor's calculator's estimate (issue 25): `model` with `over` where only what
 * the visitor sees (`show`) or the owner preset (`preset`) counts, besides the stated
 * assumptions. A cost input nobody sees is 0 (the licence line is 0 without seats, the
 * staff time without either of its factors); a benefit line with a driver nobody sees is
 * off. Returns `model`'s figures.
 */
export function visitorModel(over = {}, { show = VISITOR_FIELDS, preset = [] } = {}) {
  const known = new Set([...show, ...preset, ...ASSUMED]);
  const v = { ...defaults, ...over };
  for (const input of COST_INPUTS) if (!known.has(input)) v[input] = 0;
  if (!known.has("seats")) v.licence_per_seat_month = v.ai_addon_per_seat_month = 0;
  if (!known.has("admin_hourly_rate")) v.admin_hours_per_month = 0;
  const lines = Object.fromEntries(LINES.map((l) => [l, !DRIVERS[l].every((f) => known.has(f)) ? false : over.lines?.[l]]));
  for (const l of LINES) if (lines[l] === undefined) delete lines[l];
  return model({ ...v, lines });
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
