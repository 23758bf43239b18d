//! What the CRM actually cost in each period, by the ROI model's cost lines
//! ([`ActualCosts`]), and those costs and the realised benefits against the plan for
//! the same days ([`realised`]).

use super::feed::{apply, proposals_between};
use super::kpis::{compare_periods, PeriodDeals};
use super::Measurement;
use crate::engine::kpi::{self, KpiError};
use crate::engine::model::{self, CostLine, Field, Inputs, ModelError, Report};
use crate::engine::money::{self, Overflow};
use crate::units::{Rule, Unit, MEASURE_MAX};
use chrono::{Datelike, Months, NaiveDate};
use rust_decimal::Decimal;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// What one period actually cost, by [`CostLine`]; `None` is "not entered". Stored as a
/// map from [`CostLine::key`] to the amount, blanks left out; an unknown key is an error.
///
/// The contingency line holds what the plan's contingency is for: costs nobody planned
/// (an extra integration, a consultant's overrun).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ActualCosts([Option<Decimal>; CostLine::ALL.len()]);

impl ActualCosts {
    /// Nothing entered (the default), as a constant.
    pub const EMPTY: ActualCosts = ActualCosts([None; CostLine::ALL.len()]);

    /// The amount entered for `line`.
    pub fn get(&self, line: CostLine) -> Option<Decimal> {
        self.0.get(line.index()).copied().flatten()
    }

    /// Sets the amount of `line` (unvalidated: see [`ActualCosts::rule`]).
    pub fn set(&mut self, line: CostLine, amount: Option<Decimal>) {
        if let Some(slot) = self.0.get_mut(line.index()) {
            *slot = amount;
        }
    }

    /// Whether no line was entered.
    pub fn is_empty(&self) -> bool {
        self.0.iter().all(Option::is_none)
    }

    /// The sum of the lines entered (a blank line counts as nothing spent).
    pub fn total(&self) -> Result<Decimal, Overflow> {
        money::sum(self.0.iter().flatten().copied())
    }

    /// What an amount may be: zero to [`MEASURE_MAX`], like every measured amount.
    pub fn rule() -> Rule {
        Rule::new(Decimal::ZERO, MEASURE_MAX, Unit::Money)
    }

    /// Whether every amount entered passes [`ActualCosts::rule`].
    pub fn is_valid(&self) -> bool {
        self.0
            .iter()
            .flatten()
            .all(|&amount| Self::rule().check(amount).is_ok())
    }
}

impl Serialize for ActualCosts {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let entered: Vec<(&str, Decimal)> = CostLine::ALL
            .iter()
            .filter_map(|&line| Some((line.key(), self.get(line)?)))
            .collect();
        let mut map = s.serialize_map(Some(entered.len()))?;
        for (key, amount) in entered {
            map.serialize_entry(key, &amount)?;
        }
        map.end()
    }
}

impl<'de> Deserialize<'de> for ActualCosts {
    /// An unknown cost line or an amount that is not a number is an error.
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let map = std::collections::BTreeMap::<String, Option<Decimal>>::deserialize(d)?;
        let mut costs = ActualCosts::default();
        for (key, amount) in map {
            let line = CostLine::from_key(&key).ok_or_else(|| {
                serde::de::Error::custom(format_args!("unknown cost line {key:?}"))
            })?;
            costs.set(line, amount);
        }
        Ok(costs)
    }
}

// ---------------------------------------------------------------------------------------
// Actual costs and realised benefits against the plan

/// When the ROI plan's model years fall, and how a period gets its share of them.
///
/// The model (see [`model`](crate::engine::model)) has year 0, the one-time costs, then
/// years 1..=N. Set on the calendar from the plan's start day `S`
/// ([`Measurement::plan_start`], else the first day of the second period):
///
/// - year 0 falls on `S` itself: a period containing `S` plans all the one-time costs;
/// - year t ≥ 1 runs from `S + 12 × (t − 1)` months to the day before `S + 12 × t`
///   months (365 or 366 days, `D_t`); a period sharing `n_t` days with it plans
///   `amount of year t × n_t ÷ D_t` of each line, so a whole model year plans exactly its
///   amount; days before `S` or after year N plan nothing.
///
/// Exact `Decimal` arithmetic, checked; the shares are not rounded.
fn plan_share<const N: usize>(
    years: &[[Decimal; N]],
    plan_start: NaiveDate,
    (start, end): (NaiveDate, NaiveDate),
) -> Result<[Decimal; N], RealisedError> {
    let mut out = [Decimal::ZERO; N];
    for (year, amounts) in years.iter().enumerate() {
        // The period's share of the model year: `shared ÷ length` days.
        let (shared, length) = if year == 0 {
            (i64::from((start..=end).contains(&plan_start)), 1)
        } else {
            let months = |k: usize| {
                u32::try_from(k.checked_mul(12)?)
                    .ok()
                    .and_then(|m| plan_start.checked_add_months(Months::new(m)))
            };
            let (Some(first), Some(next)) = (months(year - 1), months(year)) else {
                return Err(RealisedError::Overflow);
            };
            let last = next.pred_opt().ok_or(RealisedError::Overflow)?;
            let (from, to) = (start.max(first), end.min(last));
            if to < from {
                (0, 1)
            } else {
                (days_between(from, to), days_between(first, last))
            }
        };
        if shared == 0 {
            continue;
        }
        for (slot, &amount) in out.iter_mut().zip(amounts) {
            // amount × n ÷ D, multiplied first so whole shares stay exact.
            let part = money::div(
                money::mul(amount, Decimal::from(shared))?,
                Decimal::from(length),
            )?;
            *slot = money::add(*slot, part)?;
        }
    }
    Ok(out)
}

/// Days from `a` to `b`, both included (`b ≥ a`).
fn days_between(a: NaiveDate, b: NaiveDate) -> i64 {
    i64::from(b.num_days_from_ce()) - i64::from(a.num_days_from_ce()) + 1
}

/// One cost line of a period (or of all of them): planned, actual and the difference.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LineVariance {
    /// The cost line.
    pub line: CostLine,
    /// What the plan puts on it for those days.
    pub plan: Decimal,
    /// What was spent (0 when not entered).
    pub actual: Decimal,
    /// Whether an amount was entered for it (in any of the periods, for a total).
    pub entered: bool,
    /// `actual − plan`: above zero is over budget.
    pub variance: Decimal,
    /// `(actual − plan) ÷ plan × 100`; `None` when nothing was planned.
    pub variance_pct: Option<Decimal>,
}

/// Planned against actual, for one period or for all counted so far.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Realisation {
    /// By cost line, in [`CostLine::ALL`] order.
    pub lines: [LineVariance; CostLine::ALL.len()],
    /// The plan's costs for those days.
    pub plan_costs: Decimal,
    /// What was spent.
    pub actual_costs: Decimal,
    /// The plan's benefits for those days.
    pub plan_benefits: Decimal,
    /// The benefits the measured KPIs give for those days (see [`realised`]).
    pub realised_benefits: Decimal,
    /// `(realised benefits − actual costs) ÷ actual costs × 100`; `None` without costs.
    pub roi_pct: Option<Decimal>,
    /// The plan's own `(benefits − costs) ÷ costs × 100` for those days; `None` when it
    /// plans no costs there.
    pub plan_roi_pct: Option<Decimal>,
}

/// One period against the plan.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PeriodRealisation {
    /// The period's position.
    pub period: usize,
    /// Its length in days.
    pub days: i64,
    /// Its figures.
    pub figures: Realisation,
    /// The ROI model's inputs its measured KPIs changed (against the baseline); the
    /// other benefit drivers are the plan's.
    pub measured: Vec<Field>,
}

/// Why a period is left out of the realised figures.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Skipped {
    /// It lacks a start or an end date.
    NoDates,
    /// Its end is before its start.
    DatesReversed,
    /// No actual cost was entered for it.
    NoActualCosts,
}

/// Actual costs and realised benefits to date against the plan (see [`realised`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Realised {
    /// The day the plan's year 0 and year 1 start.
    pub plan_start: NaiveDate,
    /// Each period, in order: its figures, or why it is not counted.
    pub periods: Vec<Result<PeriodRealisation, Skipped>>,
    /// The sums over the periods counted.
    pub to_date: Realisation,
}

/// Why realised figures could not be worked out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RealisedError {
    /// No plan start: none set and the second period has no start date.
    NoPlanStart,
    /// The ROI model refused the inputs (or the measured ones).
    Model(ModelError),
    /// The figures are too large to compute exactly.
    Overflow,
}

impl From<Overflow> for RealisedError {
    fn from(_: Overflow) -> Self {
        RealisedError::Overflow
    }
}

impl From<ModelError> for RealisedError {
    fn from(e: ModelError) -> Self {
        RealisedError::Model(e)
    }
}

/// `(benefits − costs) ÷ costs × 100`, `None` without costs.
fn roi(benefits: Decimal, costs: Decimal) -> Result<Option<Decimal>, Overflow> {
    if costs.is_zero() {
        return Ok(None);
    }
    let net = money::sub(benefits, costs)?;
    Ok(Some(money::mul(
        money::div(net, costs)?,
        Decimal::ONE_HUNDRED,
    )?))
}

impl Realisation {
    fn new(
        plan: [Decimal; CostLine::ALL.len()],
        actual: [Option<Decimal>; CostLine::ALL.len()],
        plan_benefits: Decimal,
        realised_benefits: Decimal,
    ) -> Result<Realisation, Overflow> {
        let mut lines = CostLine::ALL.map(|line| LineVariance {
            line,
            plan: Decimal::ZERO,
            actual: Decimal::ZERO,
            entered: false,
            variance: Decimal::ZERO,
            variance_pct: None,
        });
        for ((l, p), a) in lines.iter_mut().zip(plan).zip(actual) {
            l.plan = p;
            l.actual = a.unwrap_or_default();
            l.entered = a.is_some();
            l.variance = money::sub(l.actual, p)?;
            l.variance_pct = match kpi::relative_change(p, l.actual) {
                Ok(pct) => Some(pct),
                Err(KpiError::DivisionByZero) => None,
                Err(_) => return Err(Overflow),
            };
        }
        let plan_costs = money::sum(plan)?;
        let actual_costs = money::sum(actual.into_iter().flatten())?;
        Ok(Realisation {
            lines,
            plan_costs,
            actual_costs,
            plan_benefits,
            realised_benefits,
            roi_pct: roi(realised_benefits, actual_costs)?,
            plan_roi_pct: roi(plan_benefits, plan_costs)?,
        })
    }
}

/// What the CRM actually cost and what it realised, period by period and to date,
/// against the ROI plan (`inputs`) for the same days. Article 002
/// (`002_4213d2cbc9ea00e9.txt`, quoting Gartner) asks to recalculate costs and benefits
/// during pilots, rollouts and after; the ROI is the definition the whole app uses
/// (article 000, `000_b0a75f39cabff817.txt`: what the CRM returns against everything
/// invested in it), here on nominal amounts so far: `(benefits − costs) ÷ costs`.
///
/// - **Which periods count**: those with both dates, in order, and at least one actual
///   cost entered ([`Skipped`] says why another is not). A line left blank in a counted
///   period counts as nothing spent, and says so ([`LineVariance::entered`]).
///   Overlapping periods are each counted in full: keep them apart.
/// - **The plan for those days**: the model's yearly costs and benefits of `inputs`,
///   shared out by the calendar rule of `plan_share` (one-time costs on the plan's start
///   day; each later model year pro rata of its days).
/// - **Realised benefits**: for each period after the baseline, the model's benefits
///   again with that period's measured KPIs fed in against the baseline (the same
///   proposals as "use measured values": conversion, churn, sales cycle, order value,
///   CAC, AI accuracy, lifetime value; [`PeriodRealisation::measured`] lists those that
///   changed),
///   shared out by the same rule. Drivers not measured keep the plan's value, so an
///   unmeasured line counts as planned; the plan's adoption and risk haircut still
///   apply. The baseline is the "before": it realises nothing.
///
/// `pastes` are the periods' parsed pastes ([`pastes_of`](super::pastes_of)); missing
/// ones are parsed here in the measurement's date order.
///
/// Errors: no plan start ([`RealisedError::NoPlanStart`]), inputs the model refuses,
/// or figures beyond `Decimal` ([`RealisedError::Overflow`]); never a panic.
pub fn realised(
    m: &Measurement,
    inputs: &Inputs,
    pastes: &[PeriodDeals],
) -> Result<Realised, RealisedError> {
    let plan_start = m
        .plan_start
        .or_else(|| m.periods.get(1).and_then(|p| p.start))
        .ok_or(RealisedError::NoPlanStart)?;
    let plan = model::evaluate(inputs)?;
    let costs_of = |r: &Report| r.years.iter().map(|y| y.cost_lines).collect::<Vec<_>>();
    let benefits_of = |r: &Report| r.years.iter().map(|y| [y.benefits]).collect::<Vec<_>>();
    let plan_costs = costs_of(&plan);
    let plan_benefits = benefits_of(&plan);
    let order = m.date_order.unwrap_or_default();
    let parsed: Vec<PeriodDeals>;
    let pastes = if pastes.len() >= m.periods.len() {
        pastes
    } else {
        parsed = super::pastes_of(m, order);
        &parsed
    };
    let no_pastes = PeriodDeals::read("", "", order);
    let base_pastes = pastes.first().unwrap_or(&no_pastes);

    let mut periods = Vec::with_capacity(m.periods.len());
    let mut sum_plan = [Decimal::ZERO; CostLine::ALL.len()];
    let mut sum_actual: [Option<Decimal>; CostLine::ALL.len()] = [None; CostLine::ALL.len()];
    let (mut sum_plan_benefits, mut sum_realised) = (Decimal::ZERO, Decimal::ZERO);
    for (index, period) in m.periods.iter().enumerate() {
        let (Some(start), Some(end)) = (period.start, period.end) else {
            periods.push(Err(Skipped::NoDates));
            continue;
        };
        if end < start {
            periods.push(Err(Skipped::DatesReversed));
            continue;
        }
        if period.costs.is_empty() {
            periods.push(Err(Skipped::NoActualCosts));
            continue;
        }
        let span = (start, end);
        let plan_lines = plan_share(&plan_costs, plan_start, span)?;
        let [planned_benefits] = plan_share(&plan_benefits, plan_start, span)?;
        let (realised_benefits, measured) = if index == 0 {
            (Decimal::ZERO, Vec::new())
        } else {
            let these = pastes.get(index).unwrap_or(&no_pastes);
            let comparisons = compare_periods(
                (m.baseline(), base_pastes),
                (period, these),
                m.clv.discount_pct,
            );
            let fed = proposals_between(&comparisons, (m.baseline(), period), &m.clv, inputs);
            let with = model::evaluate(&apply(inputs, &fed))?;
            let [amount] = plan_share(&benefits_of(&with), plan_start, span)?;
            (amount, fed.iter().map(|p| p.field).collect())
        };
        let actual = CostLine::ALL.map(|line| period.costs.get(line));
        for ((s, a), (p, b)) in sum_plan
            .iter_mut()
            .zip(sum_actual.iter_mut())
            .zip(plan_lines.iter().zip(actual))
        {
            *s = money::add(*s, *p)?;
            if let Some(b) = b {
                *a = Some(money::add(a.unwrap_or_default(), b)?);
            }
        }
        sum_plan_benefits = money::add(sum_plan_benefits, planned_benefits)?;
        sum_realised = money::add(sum_realised, realised_benefits)?;
        periods.push(Ok(PeriodRealisation {
            period: index,
            days: days_between(start, end),
            figures: Realisation::new(plan_lines, actual, planned_benefits, realised_benefits)?,
            measured,
        }));
    }
    Ok(Realised {
        plan_start,
        periods,
        to_date: Realisation::new(sum_plan, sum_actual, sum_plan_benefits, sum_realised)?,
    })
}
