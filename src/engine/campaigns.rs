//! Return per marketing campaign or channel: cost per click, lead and customer, the
//! lead-to-customer rate, gross profit, ROAS and ROMI, for each row of a table and for
//! its total, and a ranking of the rows by either ([`RankBy`]).
//!
//! Article 004 asks what each campaign *returns*, and counts in the investment both the
//! media and the people who run the campaign ("los gastos operativos asociados"). So the
//! two figures here are:
//!
//! - **ROMI** (return on marketing investment), the profit-based return, in percent:
//!   `ROMI = (gross profit − spend − operating cost) ÷ (spend + operating cost) × 100`,
//!   with `gross profit = revenue × margin ÷ 100`. With no operating cost it is
//!   [`kpi::romi`], `(gross profit − spend) ÷ spend × 100`, so the KPI page and the
//!   table agree (and rows stored before operating costs existed keep their figures).
//!   0 % means the campaign's gross profit paid back what it cost exactly; it is never
//!   below −100 % (the margin is 0–100 %). `None` when spend + operating cost is 0.
//! - **ROAS** (return on ad spend), the revenue-based ratio ad platforms report:
//!   `ROAS = revenue ÷ spend` (1.2 means 1.2 of revenue per 1 of spend). By the industry
//!   convention it divides by the media spend only, not the operating cost. It leaves the
//!   cost of what was sold out, so a ROAS above 1 can still lose money; read it as
//!   "revenue per unit of spend", and ROMI as "did it pay". `None` without spend.
//!
//! Worked example (issue 11): revenue 12,000 on a spend of 10,000 at a 40 % margin →
//! ROAS = 12,000 ÷ 10,000 = 1.2, gross profit 4,800,
//! ROMI = (4,800 − 10,000) ÷ 10,000 = −52 %: the campaign lost money, and ranks below
//! one with a lower ROAS but a positive ROMI.
//!
//! The costs per click, lead and customer divide the spend only (the media cost of each).
//! A metric whose denominator is zero (no clicks, no leads, no customers, no spend) is
//! `None`, shown as "—"; it is not an error. Invalid inputs are a [`CampaignError`]
//! naming the field, and nothing panics: every operation is checked (see [`money`]).
//! Nothing is rounded either.

use super::kpi::{self, KpiError};
use super::money;
use crate::units::{Problem, Rule, Unit, MEASURE_MAX};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use std::cmp::Ordering;

/// One row of the campaign table: a campaign or a channel over some period.
///
/// All amounts are in the same currency; counts are whole numbers in practice but kept as
/// `Decimal` like every input of the engine.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Campaign {
    /// The name shown in the table (and the tie-breaker of [`ranking`]).
    pub name: String,
    /// What the campaign's media cost (ads or placements, their fees and production).
    /// Zero or more.
    pub spend: Decimal,
    /// What running the campaign cost besides the media: the people, tools and agency
    /// working on it. Zero or more; zero when missing from stored data.
    pub operating_cost: Decimal,
    /// Clicks (or visits) it brought. Zero or more.
    pub clicks: Decimal,
    /// Leads it brought. Zero or more. May exceed the clicks: leads also come by phone,
    /// forms reached without a tracked click, events.
    pub leads: Decimal,
    /// Customers won from it. Zero or more, and at most the leads when leads are tracked
    /// (leads above zero); with zero leads (a campaign without a lead stage, e.g. direct
    /// online sales) any number of customers is accepted.
    pub customers: Decimal,
    /// Revenue attributed to it. Zero or more.
    pub revenue: Decimal,
    /// Gross margin on that revenue, in percent (40 = 40 %), from 0 to 100.
    pub margin_pct: Decimal,
}

/// The metrics of one [`Campaign`] (or of the total of a table). A metric whose
/// denominator is zero is `None`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct CampaignMetrics {
    /// Cost per click: `spend ÷ clicks` ([`kpi::cpc`]); `None` without clicks.
    pub cpc: Option<Decimal>,
    /// Cost per lead: `spend ÷ leads` ([`kpi::cpl`]); `None` without leads.
    pub cpl: Option<Decimal>,
    /// Cost per acquisition (per customer won): `spend ÷ customers` ([`kpi::cpa`]);
    /// `None` without customers.
    pub cpa: Option<Decimal>,
    /// Lead-to-customer conversion, in percent: `customers ÷ leads × 100`
    /// ([`kpi::conversion_rate`]); `None` without leads (and, for a total only, when rows
    /// without a lead stage bring the customers above the leads).
    pub lead_to_customer_pct: Option<Decimal>,
    /// Gross profit: `revenue × margin ÷ 100`. For a total, the exact sum of the rows'
    /// gross profits.
    pub gross_profit: Decimal,
    /// Return on ad spend, a ratio: `revenue ÷ spend` (media spend only); `None` without
    /// spend. See the [module documentation](self) for how it differs from ROMI.
    pub roas: Option<Decimal>,
    /// Profit-based ROMI, in percent:
    /// `(gross profit − spend − operating cost) ÷ (spend + operating cost) × 100`
    /// ([`kpi::romi`] of the gross profit and the whole cost); `None` when that cost is 0.
    pub romi_pct: Option<Decimal>,
}

impl CampaignMetrics {
    /// ROAS as a percentage of the spend, as the interface shows it: 1.2 → 120 %.
    pub fn roas_pct(&self) -> Option<Decimal> {
        self.roas?.checked_mul(Decimal::ONE_HUNDRED)
    }
}

/// An input field of a [`Campaign`], named by a [`CampaignError`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum CampaignField {
    /// [`Campaign::spend`].
    Spend,
    /// [`Campaign::operating_cost`].
    OperatingCost,
    /// [`Campaign::clicks`].
    Clicks,
    /// [`Campaign::leads`].
    Leads,
    /// [`Campaign::customers`].
    Customers,
    /// [`Campaign::revenue`].
    Revenue,
    /// [`Campaign::margin_pct`].
    MarginPct,
}

/// Why a campaign's metrics cannot be computed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CampaignError {
    /// A field breaks its [`CampaignField::rule`]: negative, too large, a margin above
    /// 100 %, or a fractional count.
    Invalid(CampaignField, Problem),
    /// More customers than leads while leads are tracked (leads above zero).
    CustomersExceedLeads,
    /// A result or an intermediate value is too large for exact arithmetic.
    Overflow,
}

impl CampaignField {
    /// Every field, in table order.
    pub const ALL: [CampaignField; 7] = [
        CampaignField::Spend,
        CampaignField::OperatingCost,
        CampaignField::Clicks,
        CampaignField::Leads,
        CampaignField::Customers,
        CampaignField::Revenue,
        CampaignField::MarginPct,
    ];

    /// Stable identifier (the serialized field name without its unit).
    pub fn key(self) -> &'static str {
        match self {
            CampaignField::Spend => "spend",
            CampaignField::OperatingCost => "operating_cost",
            CampaignField::Clicks => "clicks",
            CampaignField::Leads => "leads",
            CampaignField::Customers => "customers",
            CampaignField::Revenue => "revenue",
            CampaignField::MarginPct => "margin",
        }
    }

    /// The field's value in `c`.
    pub fn get(self, c: &Campaign) -> Decimal {
        match self {
            CampaignField::Spend => c.spend,
            CampaignField::OperatingCost => c.operating_cost,
            CampaignField::Clicks => c.clicks,
            CampaignField::Leads => c.leads,
            CampaignField::Customers => c.customers,
            CampaignField::Revenue => c.revenue,
            CampaignField::MarginPct => c.margin_pct,
        }
    }

    /// Sets the field's value in `c` (unvalidated).
    pub fn set(self, c: &mut Campaign, value: Decimal) {
        match self {
            CampaignField::Spend => c.spend = value,
            CampaignField::OperatingCost => c.operating_cost = value,
            CampaignField::Clicks => c.clicks = value,
            CampaignField::Leads => c.leads = value,
            CampaignField::Customers => c.customers = value,
            CampaignField::Revenue => c.revenue = value,
            CampaignField::MarginPct => c.margin_pct = value,
        }
    }

    /// What the field measures.
    pub fn unit(self) -> Unit {
        match self {
            CampaignField::Spend | CampaignField::OperatingCost | CampaignField::Revenue => {
                Unit::Money
            }
            CampaignField::MarginPct => Unit::Percent,
            _ => Unit::Count,
        }
    }

    /// What a stored value may be: 0–100 % for the margin, zero to [`MEASURE_MAX`] for
    /// the rest, whole numbers for the counts. The same rule serves the table's fields,
    /// storage, links and imports.
    pub fn rule(self) -> Rule {
        let max = match self {
            CampaignField::MarginPct => Decimal::ONE_HUNDRED,
            _ => MEASURE_MAX,
        };
        Rule::new(Decimal::ZERO, max, self.unit())
    }
}

impl From<money::Overflow> for CampaignError {
    fn from(_: money::Overflow) -> Self {
        CampaignError::Overflow
    }
}

/// Checks one row: each field against its [`CampaignField::rule`] in table order, then
/// customers at most the leads when leads are tracked.
pub fn validate(c: &Campaign) -> Result<(), CampaignError> {
    for field in CampaignField::ALL {
        field
            .rule()
            .check(field.get(c))
            .map_err(|problem| CampaignError::Invalid(field, problem))?;
    }
    if c.leads > Decimal::ZERO && c.customers > c.leads {
        return Err(CampaignError::CustomersExceedLeads);
    }
    Ok(())
}

/// A KPI result as an optional metric: a zero denominator (or, for a total, customers
/// above leads) is `None`; overflow is an error.
fn optional(result: Result<Decimal, KpiError>) -> Result<Option<Decimal>, CampaignError> {
    match result {
        Ok(value) => Ok(Some(value)),
        Err(KpiError::Overflow) => Err(CampaignError::Overflow),
        // Inputs are validated before, so only a zero denominator (or the total's
        // customers above its leads) can land here: the metric does not exist.
        Err(_) => Ok(None),
    }
}

/// `revenue × margin ÷ 100`, multiplying first so that the result stays exact; if the
/// product overflows, dividing the margin first (it is at most 100, so that cannot).
fn gross_profit_of(revenue: Decimal, margin_pct: Decimal) -> Result<Decimal, CampaignError> {
    let exact = money::mul(revenue, margin_pct).and_then(|p| money::div(p, Decimal::ONE_HUNDRED));
    match exact {
        Ok(value) => Ok(value),
        Err(money::Overflow) => Ok(money::mul(
            revenue,
            money::div(margin_pct, Decimal::ONE_HUNDRED)?,
        )?),
    }
}

/// `revenue ÷ spend`; `None` without spend.
fn roas_of(revenue: Decimal, spend: Decimal) -> Result<Option<Decimal>, CampaignError> {
    if spend.is_zero() {
        return Ok(None);
    }
    Ok(Some(money::div(revenue, spend)?))
}

/// The metrics of a validated row whose gross profit is already known.
fn metrics_with(c: &Campaign, gross_profit: Decimal) -> Result<CampaignMetrics, CampaignError> {
    let invested = money::add(c.spend, c.operating_cost)?;
    Ok(CampaignMetrics {
        cpc: optional(kpi::cpc(c.spend, c.clicks))?,
        cpl: optional(kpi::cpl(c.spend, c.leads))?,
        cpa: optional(kpi::cpa(c.spend, c.customers))?,
        lead_to_customer_pct: optional(kpi::conversion_rate(c.customers, c.leads))?,
        gross_profit,
        roas: roas_of(c.revenue, c.spend)?,
        // kpi::romi is `(profit − cost) ÷ cost × 100`: here the cost is everything the
        // campaign cost, media and operating.
        romi_pct: optional(kpi::romi(gross_profit, invested))?,
    })
}

/// The metrics of one campaign.
///
/// Errors, checked in this order: a field that breaks its rule (negative, above
/// [`MEASURE_MAX`], a margin above 100 %, a fractional count) →
/// [`CampaignError::Invalid`] naming the first such field in table order; more customers
/// than leads while leads are above zero → [`CampaignError::CustomersExceedLeads`]; a result too large for `Decimal` →
/// [`CampaignError::Overflow`]. Zero denominators are not errors: the metric is `None`.
pub fn evaluate_campaign(c: &Campaign) -> Result<CampaignMetrics, CampaignError> {
    validate(c)?;
    let gross_profit = gross_profit_of(c.revenue, c.margin_pct)?;
    metrics_with(c, gross_profit)
}

/// The total row of a table and its metrics.
///
/// The total's spend, operating cost, clicks, leads, customers and revenue are the sums
/// of the rows; its
/// margin is the revenue-weighted margin, `Σ gross profit ÷ Σ revenue × 100` (0 when
/// there is no revenue), and its metrics' `gross_profit` is the exact sum of the rows'
/// gross profits. Its name is empty (the interface labels the row). An empty table gives
/// an all-zero total whose rates are all `None`.
///
/// The total's lead-to-customer rate is `None` when rows without a lead stage (zero
/// leads, some customers) bring the total customers above the total leads.
///
/// Errors: the first invalid row's error (see [`evaluate_campaign`]; evaluate each row to
/// know which one), or [`CampaignError::Overflow`] when a sum is too large.
pub fn totals(rows: &[Campaign]) -> Result<(Campaign, CampaignMetrics), CampaignError> {
    let metrics: Vec<_> = rows.iter().map(evaluate_campaign).collect();
    totals_of(rows, &metrics)
}

/// [`totals`] of rows whose metrics are already known (`metrics[i]` of `rows[i]`).
fn totals_of(
    rows: &[Campaign],
    metrics: &[Result<CampaignMetrics, CampaignError>],
) -> Result<(Campaign, CampaignMetrics), CampaignError> {
    let mut total = Campaign::default();
    let mut gross_profit = Decimal::ZERO;
    for (row, metrics) in rows.iter().zip(metrics) {
        let metrics = (*metrics)?;
        total.spend = money::add(total.spend, row.spend)?;
        total.operating_cost = money::add(total.operating_cost, row.operating_cost)?;
        total.clicks = money::add(total.clicks, row.clicks)?;
        total.leads = money::add(total.leads, row.leads)?;
        total.customers = money::add(total.customers, row.customers)?;
        total.revenue = money::add(total.revenue, row.revenue)?;
        gross_profit = money::add(gross_profit, metrics.gross_profit)?;
    }
    total.margin_pct = weighted_margin(gross_profit, total.revenue)?;
    let metrics = metrics_with(&total, gross_profit)?;
    Ok((total, metrics))
}

/// `gross profit ÷ revenue × 100`, 0 without revenue. Multiplies first for exactness,
/// divides first if that would overflow.
fn weighted_margin(gross_profit: Decimal, revenue: Decimal) -> Result<Decimal, CampaignError> {
    if revenue.is_zero() {
        return Ok(Decimal::ZERO);
    }
    let exact = money::mul(gross_profit, Decimal::ONE_HUNDRED).and_then(|p| money::div(p, revenue));
    match exact {
        Ok(value) => Ok(value),
        Err(money::Overflow) => Ok(money::mul(
            money::div(gross_profit, revenue)?,
            Decimal::ONE_HUNDRED,
        )?),
    }
}

/// Which return [`ranking`] orders the rows by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub enum RankBy {
    /// The profit-based ROMI ([`CampaignMetrics::romi_pct`]), the default: accounts for
    /// each row's margin and operating cost, so a high-revenue, low-margin campaign ranks
    /// below a leaner one.
    #[default]
    Romi,
    /// The revenue-based ROAS ([`CampaignMetrics::roas`]): what ad platforms show.
    Roas,
}

impl RankBy {
    /// The figure this ranks by, from a row's metrics.
    pub fn pick(self, m: &CampaignMetrics) -> Option<Decimal> {
        match self {
            RankBy::Romi => m.romi_pct,
            RankBy::Roas => m.roas,
        }
    }
}

/// The row indices from the best return to the worst, by `by`, highest first.
///
/// Rows without the figure (no spend for ROAS, no cost at all for ROMI) and rows that
/// fail validation come last. Ties, and
/// the rows without a return among themselves, are ordered by name (case-insensitive,
/// then exact), then by their position in the table.
pub fn ranking(rows: &[Campaign], by: RankBy) -> Vec<usize> {
    let metrics: Vec<_> = rows.iter().map(evaluate_campaign).collect();
    rank(rows, &metrics, by)
}

/// [`ranking`] of rows whose metrics are already known (`metrics[i]` of `rows[i]`).
fn rank(
    rows: &[Campaign],
    metrics: &[Result<CampaignMetrics, CampaignError>],
    by: RankBy,
) -> Vec<usize> {
    struct Key<'a> {
        index: usize,
        value: Option<Decimal>,
        folded: String,
        name: &'a str,
    }
    let mut keys: Vec<Key<'_>> = rows
        .iter()
        .zip(metrics)
        .enumerate()
        .map(|(index, (row, m))| Key {
            index,
            value: m.as_ref().ok().and_then(|m| by.pick(m)),
            folded: row.name.to_lowercase(),
            name: row.name.as_str(),
        })
        .collect();
    keys.sort_by(|a, b| {
        let by_return = match (a.value, b.value) {
            (Some(x), Some(y)) => y.cmp(&x),
            (Some(_), None) => Ordering::Less,
            (None, Some(_)) => Ordering::Greater,
            (None, None) => Ordering::Equal,
        };
        by_return
            .then_with(|| a.folded.cmp(&b.folded))
            .then_with(|| a.name.cmp(b.name))
            .then_with(|| a.index.cmp(&b.index))
    });
    keys.into_iter().map(|key| key.index).collect()
}

/// A campaign table evaluated once: what its rows, total, ranking and chart show.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Table {
    /// Each row's metrics, or why it has none.
    pub rows: Vec<Result<CampaignMetrics, CampaignError>>,
    /// The total row and its metrics ([`totals`]).
    pub total: Result<(Campaign, CampaignMetrics), CampaignError>,
    /// The row indices, best return first ([`ranking`]).
    pub ranking: Vec<usize>,
}

impl Table {
    /// Evaluates every row once, then the total and the ranking by `by`.
    pub fn of(rows: &[Campaign], by: RankBy) -> Self {
        let metrics: Vec<_> = rows.iter().map(evaluate_campaign).collect();
        Table {
            ranking: rank(rows, &metrics, by),
            total: totals_of(rows, &metrics),
            rows: metrics,
        }
    }
}
