//! The customer lifetime value calculator.
//!
//! Article 001 values a customer at the revenue they bring less the costs of acquiring,
//! retaining and serving them. Here the yearly value is the gross margin less the yearly
//! cost to serve and retain the customer ([`ClvInputs::serve_cost_per_year`]); the
//! acquisition cost is paid once, up front.
//!
//! One timing convention for both CLVs (see [`kpi::clv_discounted`]): each year's value
//! arrives at the end of that year, the first year's for certain, later years' while the
//! customer stays (probability `r^(t−1)` in year t). So the simple CLV is the discounted
//! one at a zero discount rate: `net ÷ (1 − r) = net × lifetime`.

use super::kpis::{find, yearly_loss_pct, Comparison, Kpi};
use super::{Measurement, Period};
use crate::engine::kpi::{self, KpiError};
use crate::engine::money;
use crate::units::{Rule, Unit, MEASURE_MAX};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// Inputs of the customer lifetime value calculator.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ClvInputs {
    /// Yearly gross margin per customer (may be negative).
    pub margin_per_year: Decimal,
    /// Yearly retention, % (churn is 100 − retention).
    pub retention_pct: Decimal,
    /// Yearly discount rate, %.
    pub discount_pct: Decimal,
    /// Cost of acquiring the customer.
    pub acquisition_cost: Decimal,
    /// Yearly cost to serve and retain one customer (support, account management,
    /// retention offers). Zero when missing from stored data, which keeps its figures.
    #[serde(default = "zero")]
    pub serve_cost_per_year: Decimal,
}

/// The stored default of [`ClvInputs::serve_cost_per_year`]: 0, whatever
/// [`ClvInputs::default`] holds.
fn zero() -> Decimal {
    Decimal::ZERO
}

impl Default for ClvInputs {
    fn default() -> Self {
        ClvInputs {
            margin_per_year: Decimal::from(960),
            retention_pct: Decimal::from(85),
            discount_pct: Decimal::TEN,
            acquisition_cost: Decimal::from(450),
            serve_cost_per_year: Decimal::ZERO,
        }
    }
}

/// The CLV calculator's results.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ClvReport {
    /// Expected lifetime in years, `1 ÷ churn`; `None` with no churn (forever).
    pub lifetime_years: Option<Decimal>,
    /// Yearly net value, `net = margin − cost to serve`.
    pub net_per_year: Result<Decimal, KpiError>,
    /// `net × lifetime − acquisition cost`, undiscounted ([`kpi::clv_from_churn`]).
    pub simple: Result<Decimal, KpiError>,
    /// `net ÷ (1 + d − r) − acquisition cost` ([`kpi::clv_discounted`]); equal to
    /// [`simple`](Self::simple) at d = 0.
    pub discounted: Result<Decimal, KpiError>,
}

/// An input of the CLV calculator.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ClvField {
    /// [`ClvInputs::margin_per_year`].
    Margin,
    /// [`ClvInputs::retention_pct`].
    Retention,
    /// [`ClvInputs::discount_pct`].
    Discount,
    /// [`ClvInputs::acquisition_cost`].
    Acquisition,
    /// [`ClvInputs::serve_cost_per_year`].
    ServeCost,
}

impl ClvField {
    /// Every input, in display order.
    pub const ALL: [ClvField; 5] = [
        ClvField::Margin,
        ClvField::ServeCost,
        ClvField::Retention,
        ClvField::Discount,
        ClvField::Acquisition,
    ];

    /// Stable identifier.
    pub fn key(self) -> &'static str {
        match self {
            ClvField::Margin => "margin",
            ClvField::Retention => "retention",
            ClvField::Discount => "discount",
            ClvField::Acquisition => "acquisition",
            ClvField::ServeCost => "serve_cost",
        }
    }

    /// The input's value in `c`.
    pub fn get(self, c: &ClvInputs) -> Decimal {
        match self {
            ClvField::Margin => c.margin_per_year,
            ClvField::Retention => c.retention_pct,
            ClvField::Discount => c.discount_pct,
            ClvField::Acquisition => c.acquisition_cost,
            ClvField::ServeCost => c.serve_cost_per_year,
        }
    }

    /// Sets the input's value in `c` (unvalidated).
    pub fn set(self, c: &mut ClvInputs, value: Decimal) {
        match self {
            ClvField::Margin => c.margin_per_year = value,
            ClvField::Retention => c.retention_pct = value,
            ClvField::Discount => c.discount_pct = value,
            ClvField::Acquisition => c.acquisition_cost = value,
            ClvField::ServeCost => c.serve_cost_per_year = value,
        }
    }

    /// What the input measures.
    pub fn unit(self) -> Unit {
        match self {
            ClvField::Margin | ClvField::Acquisition | ClvField::ServeCost => Unit::Money,
            ClvField::Retention | ClvField::Discount => Unit::Percent,
        }
    }

    /// What the input may be: ±[`MEASURE_MAX`] for the margin (a customer can cost more
    /// than they bring), zero to [`MEASURE_MAX`] for the acquisition cost and the cost to
    /// serve, 0–100 % for the rates.
    pub fn rule(self) -> Rule {
        let (min, max) = match self {
            ClvField::Margin => (-MEASURE_MAX, MEASURE_MAX),
            ClvField::Acquisition | ClvField::ServeCost => (Decimal::ZERO, MEASURE_MAX),
            ClvField::Retention | ClvField::Discount => (Decimal::ZERO, Decimal::ONE_HUNDRED),
        };
        Rule::new(min, max, self.unit())
    }
}

impl ClvInputs {
    /// Whether every input passes its [`ClvField::rule`].
    pub fn is_valid(&self) -> bool {
        ClvField::ALL
            .iter()
            .all(|f| f.rule().check(f.get(self)).is_ok())
    }

    /// Simple and discounted CLV of the yearly net value (margin − cost to serve).
    ///
    /// The simple CLV reads a retention outside 0–100 % as its nearest bound; the
    /// discounted one refuses it (see [`kpi::clv_discounted`]).
    pub fn evaluate(&self) -> ClvReport {
        let churn = Decimal::ONE_HUNDRED
            - self
                .retention_pct
                .clamp(Decimal::ZERO, Decimal::ONE_HUNDRED);
        let lifetime_years = (!churn.is_zero())
            .then(|| money::div(Decimal::ONE_HUNDRED, churn).ok())
            .flatten();
        let net_per_year =
            money::sub(self.margin_per_year, self.serve_cost_per_year).map_err(KpiError::from);
        let simple = net_per_year.and_then(|net| {
            let value = kpi::clv_from_churn(net, churn)?;
            Ok(money::sub(value, self.acquisition_cost)?)
        });
        let discounted = net_per_year.and_then(|net| {
            kpi::clv_discounted(
                net,
                self.retention_pct,
                self.discount_pct,
                self.acquisition_cost,
            )
        });
        ClvReport {
            lifetime_years,
            net_per_year,
            simple,
            discounted,
        }
    }
}

impl ClvInputs {
    /// These inputs with what a period measured: its margin per customer, its yearly
    /// retention (from its churn, made yearly with the period's length, see
    /// [`yearly_loss_pct`]) and its CAC. Figures the period lacks keep their value; the
    /// rates are rounded to 2 decimals and every value is kept within its rule.
    pub fn with_measured(&self, period: &Period, readings: &[Comparison]) -> ClvInputs {
        let current = |k: Kpi| find(readings, k).and_then(|c| c.current.ok());
        let mut out = self.clone();
        if let Some(margin) = period.values.margin_per_customer {
            out.margin_per_year = ClvField::Margin.rule().clamp(margin);
        }
        if let Some(churn) = current(Kpi::Churn).and_then(|c| yearly_loss_pct(c, period.days())) {
            out.retention_pct = ClvField::Retention
                .rule()
                .clamp((Decimal::ONE_HUNDRED - churn).round_dp(2));
        }
        if let Some(cac) = current(Kpi::Cac) {
            out.acquisition_cost = ClvField::Acquisition.rule().clamp(cac.round_dp(2));
        }
        out
    }

    /// The rise in customer lifetime value that the margin per customer measured from the
    /// baseline to the current period brings, for the ROI model's lifetime-value line
    /// (article 003: the analytical CRM raises CLV through marketing): the discounted CLV
    /// at the current margin less that at the baseline margin, both with the current
    /// period's retention (these inputs with its measurements, [`ClvInputs::with_measured`]),
    /// rounded to cents. Lower churn is left out on purpose: it is the retention line's.
    /// `None` unless both periods measured a margin and it rose, or with an infinite CLV.
    pub fn measured_uplift(&self, m: &Measurement, readings: &[Comparison]) -> Option<Decimal> {
        self.uplift_between(m.baseline(), m.current(), readings)
    }

    /// [`ClvInputs::measured_uplift`] from any period `from` to a later one `to`, with
    /// `readings` their comparison.
    pub fn uplift_between(
        &self,
        from: &Period,
        to: &Period,
        readings: &[Comparison],
    ) -> Option<Decimal> {
        let before = from.values.margin_per_customer?;
        let after = to.values.margin_per_customer?;
        let now = self.with_measured(to, readings);
        let clv = |margin: Decimal| {
            ClvInputs {
                margin_per_year: ClvField::Margin.rule().clamp(margin),
                ..now.clone()
            }
            .evaluate()
            .discounted
            .ok()
        };
        let rise = money::sub(clv(after)?, clv(before)?).ok()?.round_dp(2);
        (rise > Decimal::ZERO).then_some(rise)
    }
}
