//! Risk ranges by Monte Carlo (issue 15): NPV, ROI and payback as distributions when
//! some drivers are given a range instead of one value.
//!
//! ## Ranges
//!
//! A [`DriverRange`] gives one field a low and a high value; its likely value (the mode)
//! is always the field's current value in the [`Inputs`]. Its [`Shape`]:
//!
//! - **PERT** (the default): `low + (high − low) × Beta(α, β)` with
//!   α = 1 + 4 (m − low) ÷ (high − low) and β = 1 + 4 (high − m) ÷ (high − low), the
//!   PERT distribution of Malcolm, Roseboom, Clark & Fazar (1959) in the Beta form
//!   of Vose, *Risk Analysis* (2008), shape λ = 4. Mean (low + 4m + high) ÷ 6, variance
//!   (μ − low)(high − μ) ÷ 7.
//! - **Triangular**: the density rises linearly from low to m and falls to high. Mean
//!   (low + m + high) ÷ 3, variance
//!   (low² + m² + high² − low·m − low·high − m·high) ÷ 18.
//!
//! A range is refused ([`RangeProblem`]) when low > m or m > high, when it reaches past
//! the field's valid range ([`Field::range`]: churn above 100 %, a negative price…), when
//! a field is ranged twice, and for the horizon (a whole number of years that sets how
//! many flows there are). Counts may have fractional ends: a trial's draw is continuous.
//! `Decimal` ends cannot be infinite or NaN, so non-finite ranges cannot be built.
//! A range with low = high is that value in every trial.
//!
//! ## Default ranges ([`default_range`])
//!
//! From the field's current value v, by [`RangeKind`], then moved into the field's valid
//! range (and rounded for counts) by [`Field::clamp`]:
//!
//! | kind | fields | low | high |
//! | --- | --- | --- | --- |
//! | fixed | horizon, discount rate, contingency, risk haircut | v | v |
//! | licence | licence and AI add-on price per seat | v − 5 % | v + 10 % |
//! | cost | every other cost | v − 10 % | v + 25 % |
//! | fact | company figures; what is measured today (before-CRM values, volumes, rates) | v − 10 % | v + 10 % |
//! | estimate | the CRM's effects (after-CRM values, uplifts, savings, AI rates, CLV) | v − 25 % | v + 25 % |
//! | adoption | adoption in year 1, year 2, steady state | v − 20 % | v + 10 % |
//!
//! Policy choices and the allowances already made for uncertainty stay fixed; quoted
//! prices move little and rise more often than they fall; other costs overrun more often
//! than they underrun (skewed upward); estimates of the CRM's effect are the least
//! certain; adoption tends to lag the plan. A value of zero stays zero.
//!
//! ## Draws
//!
//! Triangular by inverting its CDF: for a uniform u, low + √(u (high − low)(m − low))
//! when u is below the mode's share (m − low) ÷ (high − low), else
//! high − √((1 − u)(high − low)(high − m)).
//! PERT by inverting its tabulated CDF: at [`Simulation::new`] the CDF of Beta(α, β) is
//! computed at 1,025 evenly spaced points of 0–1 (the trapezoid rule on the density
//! z^(α−1) (1 − z)^(β−1), normalised to end at 1; one table per shape, shared by the
//! drivers that have it), and a draw is the inverse of that CDF, linear between the
//! points, at one uniform (inversion: Devroye, *Non-Uniform Random Variate Generation*,
//! 1986, § II.2). The tabulated CDF stays within 10⁻⁴ of the Beta's (10⁻⁵ for integer
//! shapes; tested against their closed forms and `scipy.stats.beta.cdf`), a sixteenth
//! of the standard error of the empirical CDF of 100,000 trials (0.0016 at the median).
//! It replaced drawing Beta = X ÷ (X + Y) from two gamma variates (Marsaglia & Tsang
//! 2000), which took about seven generator outputs and two logarithms per draw, most of
//! a trial's time.
//!
//! A uniform in [0, 1) is the top 53 bits of a 64-bit output × 2⁻⁵³. Only IEEE 754
//! operations that are exactly rounded (+, −, ×, ÷, √) and the `libm` crate's `pow`
//! (pure Rust, the same code on every target; only for the tables) are used, never the
//! platform's math library (the model's `f64` form uses only the first five), so the
//! same seed, ranges and inputs give bit-identical trials on every IEEE 754 target:
//! x86-64, aarch64, wasm32.
//!
//! ## Seeding
//!
//! Trial t's draw of field f comes from its own PCG-64 MCG generator (`rand_pcg::Pcg64Mcg`,
//! O'Neill 2014), whose 128-bit state is (h, s(h)) with
//! h = s(s(s(seed) ⊕ f) ⊕ t), s the SplitMix64 step (Steele, Lea & Flood 2014) and f
//! the field's position in [`Field::ALL`] (fields are only ever appended). So a trial
//! never depends on the ones before it: [`Simulation::run_chunk`] gives the same
//! figures whatever the chunk sizes, and changing one field's range leaves every other
//! field's draws as they were.
//!
//! ## Trials
//!
//! Each trial sets every ranged field to its draw and runs the `f64` form of the model,
//! as the tornado does ([`super::sensitivity`]): NPV, ROI = (PV benefits − PV costs) ÷
//! PV costs on present values, and the payback in months on nominal flows, as
//! [`super::model::evaluate`] defines them. The drivers are drawn independently of
//! each other.
//!
//! ## Summary
//!
//! - Quantiles: numpy's default (`numpy.quantile`, method "linear", Hyndman & Fan's
//!   definition 7): on n sorted values x₀ ≤ … ≤ xₙ₋₁, h = (n − 1) p, and
//!   Q(p) = x⌊h⌋ + (h − ⌊h⌋)(x⌊h⌋₊₁ − x⌊h⌋) ([`quantile`]).
//! - Payback: a trial that never pays back within the horizon ranks after every month
//!   count; a payback quantile is `None` when it falls on such a trial (or between one
//!   and a month count).
//! - Histogram: numpy's `numpy.histogram(values, bins=30)` ([`Histogram::of`]).
//! - S-curve: Q(p) at p = 0, 0.01, …, 1 ([`S_CURVE_POINTS`] points).
//! - Contributions: Spearman's rank correlation between each ranged driver's draws and
//!   NPV (Pearson's correlation of the ranks, ties given their average rank, as
//!   `scipy.stats.spearmanr`), largest |ρ| first ([`spearman`]).

use super::model::{self, BenefitSwitches, Field, FieldError, Group, Inputs, Values};
use super::money::{self, Num, Overflow};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

mod draw;
mod stats;
mod summary;

use draw::{splitmix64, Draw};
use stats::{in_order, sorted, Ranked};
pub use stats::{quantile, spearman, Histogram, EXACT_RANKS};
pub use summary::{Contribution, CurvePoint, Marks, PaybackSpread, Spread, Summary};

/// Trials run when nothing else is asked.
pub const DEFAULT_TRIALS: usize = 10_000;
/// Most trials one simulation runs.
pub const MAX_TRIALS: usize = 100_000;
/// The seed used when nothing else is asked.
pub const DEFAULT_SEED: u64 = 15;
/// Bins of the NPV histogram.
pub const HISTOGRAM_BINS: usize = 30;
/// Points of the S-curve: the quantiles at every whole percent, 0 % to 100 %.
pub const S_CURVE_POINTS: usize = 101;

/// The distribution of a ranged driver between its low and high values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Shape {
    /// PERT: a Beta distribution with shape λ = 4 (see the [module docs](self)).
    #[default]
    Pert,
    /// Triangular: straight lines from low up to the likely value and down to high.
    Triangular,
}

/// One driver's range; its likely value is the field's current value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct DriverRange {
    /// The field.
    pub field: Field,
    /// Lowest value.
    pub low: Decimal,
    /// Highest value.
    pub high: Decimal,
    /// The distribution between them.
    pub shape: Shape,
}

/// What is wrong with a range.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RangeProblem {
    /// Low is above the likely value (the field's current value).
    LowAboveLikely,
    /// The likely value is above high.
    LikelyAboveHigh,
    /// Low is below the field's smallest valid value.
    BelowMin,
    /// High is above the field's largest valid value.
    AboveMax,
    /// The field cannot be ranged (the horizon, a whole number of years).
    Fixed,
    /// The field has another range before this one.
    Duplicate,
}

/// A refused range.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RangeError {
    /// The field.
    pub field: Field,
    /// What is wrong.
    pub problem: RangeProblem,
}

/// Why a simulation cannot run.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RiskError {
    /// Some inputs are out of range (as [`model::evaluate`] refuses them).
    Inputs(Vec<FieldError>),
    /// Some ranges are refused.
    Ranges(Vec<RangeError>),
    /// The number of trials is not within 1..=[`MAX_TRIALS`].
    Trials,
    /// A trial's figures were too large for `f64` (not reached by valid inputs).
    Overflow,
}

impl From<Overflow> for RiskError {
    fn from(_: Overflow) -> Self {
        RiskError::Overflow
    }
}

/// How many trials, from which seed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Settings {
    /// Trials to run, 1..=[`MAX_TRIALS`].
    pub trials: usize,
    /// The seed every draw derives from (see the [module docs](self)).
    pub seed: u64,
}

impl Default for Settings {
    /// [`DEFAULT_TRIALS`] trials from [`DEFAULT_SEED`].
    fn default() -> Self {
        Settings {
            trials: DEFAULT_TRIALS,
            seed: DEFAULT_SEED,
        }
    }
}

/// How certain a field's value is, which sets its [`default_range`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RangeKind {
    /// A policy choice or an allowance already made for uncertainty: not ranged.
    Fixed,
    /// A quoted licence price.
    Licence,
    /// Any other cost.
    Cost,
    /// A figure the company knows or measures today.
    Fact,
    /// An estimate of the CRM's effect.
    Estimate,
    /// A share of the full benefit reached.
    Adoption,
}

impl RangeKind {
    /// The kind of `field` (see the table in the [module docs](self)).
    pub fn of(field: Field) -> RangeKind {
        use Field as F;
        match field {
            F::HorizonYears | F::DiscountRatePct | F::ContingencyPct | F::RiskHaircutPct => {
                RangeKind::Fixed
            }
            F::LicencePerSeatMonth | F::AiAddonPerSeatMonth => RangeKind::Licence,
            F::AdoptionYear1Pct | F::AdoptionYear2Pct | F::AdoptionSteadyPct => RangeKind::Adoption,
            F::ConversionBeforePct
            | F::ChurnBeforePct
            | F::WorkingWeeks
            | F::RepHourlyRate
            | F::TicketsPerYear
            | F::ServiceCostPerHour
            | F::MarketingSpend
            | F::OpportunitiesPerYear
            | F::WinRatePct
            | F::CycleDaysBefore => RangeKind::Fact,
            _ => match field.group() {
                Group::Company => RangeKind::Fact,
                Group::Costs => RangeKind::Cost,
                Group::Benefits => RangeKind::Estimate,
                Group::Assumptions => RangeKind::Fixed,
            },
        }
    }

    /// How far below and above the value the default range reaches, in percent of it.
    pub fn spread_pct(self) -> (u32, u32) {
        match self {
            RangeKind::Fixed => (0, 0),
            RangeKind::Licence => (5, 10),
            RangeKind::Cost => (10, 25),
            RangeKind::Fact => (10, 10),
            RangeKind::Estimate => (25, 25),
            RangeKind::Adoption => (20, 10),
        }
    }
}

/// The default PERT range of `field` around `value` (see the table in the
/// [module docs](self)), within the field's valid range.
pub fn default_range(field: Field, value: Decimal) -> DriverRange {
    let (down, up) = RangeKind::of(field).spread_pct();
    let scaled = |pct: i64| field.clamp(money::mul(value, Decimal::new(pct, 2)).unwrap_or(value));
    DriverRange {
        field,
        low: scaled(100 - i64::from(down)),
        high: scaled(100 + i64::from(up)),
        shape: Shape::Pert,
    }
}

/// The default range of every field that can move NPV (as the tornado's drivers: not
/// the horizon, nor the drivers of lines switched off) whose default range is not a
/// single value.
pub fn default_ranges(inputs: &Inputs) -> Vec<DriverRange> {
    ranges_with(inputs, &[])
}

/// The ranges of a simulation: every field that can move NPV (not the horizon, nor the
/// drivers of lines switched off) with its range in `custom` if it has one there, else
/// its [`default_range`], left out when that is a single value. In [`Field::ALL`] order.
pub fn ranges_with(inputs: &Inputs, custom: &[DriverRange]) -> Vec<DriverRange> {
    Field::ALL
        .iter()
        .filter(|&&f| f != Field::HorizonYears)
        .filter(|f| f.line().is_none_or(|line| inputs.lines.is_on(line)))
        .filter_map(|&f| match custom.iter().find(|r| r.field == f) {
            Some(r) => Some(*r),
            None => Some(default_range(f, f.get(inputs))).filter(|r| r.low < r.high),
        })
        .collect()
}

/// Checks every range against the inputs' current values and the fields' valid ranges.
pub fn check_ranges(inputs: &Inputs, ranges: &[DriverRange]) -> Result<(), Vec<RangeError>> {
    let mut errors = Vec::new();
    for (k, range) in ranges.iter().enumerate() {
        let field = range.field;
        let mut refuse = |problem| errors.push(RangeError { field, problem });
        if field == Field::HorizonYears {
            refuse(RangeProblem::Fixed);
            continue;
        }
        if ranges[..k].iter().any(|r| r.field == field) {
            refuse(RangeProblem::Duplicate);
            continue;
        }
        let (min, max) = field.range();
        let likely = field.get(inputs);
        if range.low < min {
            refuse(RangeProblem::BelowMin);
        }
        if range.high > max {
            refuse(RangeProblem::AboveMax);
        }
        if range.low > likely {
            refuse(RangeProblem::LowAboveLikely);
        }
        if likely > range.high {
            refuse(RangeProblem::LikelyAboveHigh);
        }
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(errors)
    }
}

/// Whether a simulation of `inputs` with `ranges` and `settings` can run: the inputs
/// valid, the trials within 1..=[`MAX_TRIALS`], every range accepted by
/// [`check_ranges`]. What [`Simulation::new`] checks first, and all it can refuse.
pub fn check(inputs: &Inputs, ranges: &[DriverRange], settings: Settings) -> Result<(), RiskError> {
    inputs.validate().map_err(RiskError::Inputs)?;
    if !(1..=MAX_TRIALS).contains(&settings.trials) {
        return Err(RiskError::Trials);
    }
    check_ranges(inputs, ranges).map_err(RiskError::Ranges)
}

/// A ranged field, its draw and the key its trials' generators derive from.
#[derive(Debug, Clone)]
struct Driver {
    field: Field,
    draw: Draw,
    /// s(s(seed) ⊕ f).
    key: u64,
}

// --------------------------------------------------------------------------- simulation

/// A Monte Carlo simulation run in chunks, so a page can stay responsive: create it,
/// call [`Simulation::run_chunk`] until [`Simulation::is_finished`], then read
/// [`Simulation::summary`].
#[derive(Debug, Clone)]
pub struct Simulation {
    lines: BenefitSwitches,
    horizon: usize,
    /// The inputs in `f64`, each ranged field overwritten by every trial.
    values: Values<f64>,
    drivers: Vec<Driver>,
    trials: usize,
    npv: Vec<f64>,
    roi_pct: Vec<f64>,
    /// Trials whose PV costs were zero (their ROI undefined).
    no_costs: usize,
    /// Payback months; infinity when not within the horizon.
    payback: Vec<f64>,
    /// Each driver's draws, trial by trial, in `drivers` order.
    samples: Vec<Vec<f64>>,
}

impl Simulation {
    /// A simulation of `inputs` with `ranges`, after checking both.
    pub fn new(
        inputs: &Inputs,
        ranges: &[DriverRange],
        settings: Settings,
    ) -> Result<Simulation, RiskError> {
        check(inputs, ranges, settings)?;
        let root = splitmix64(settings.seed);
        let mut tables = Vec::new();
        let drivers: Vec<Driver> = ranges
            .iter()
            .map(|r| Driver {
                field: r.field,
                draw: Draw::new(r, r.field.get(inputs), &mut tables),
                key: splitmix64(root ^ r.field as u64),
            })
            .collect();
        let n = settings.trials;
        Ok(Simulation {
            lines: inputs.lines,
            horizon: inputs.horizon(),
            values: Values::of(inputs),
            samples: drivers.iter().map(|_| Vec::with_capacity(n)).collect(),
            drivers,
            trials: n,
            npv: Vec::with_capacity(n),
            roi_pct: Vec::with_capacity(n),
            no_costs: 0,
            payback: Vec::with_capacity(n),
        })
    }

    /// Runs up to `n` more trials; returns how many ran (0 once finished). On
    /// [`RiskError::Overflow`] the trials before the failing one are kept.
    ///
    /// Every driver's draws for the chunk come first, one driver at a time
    /// (`Draw::fill`), then the model runs trial by trial on them: the same draws and
    /// figures as drawing trial by trial, since each draw depends only on its driver and
    /// trial.
    pub fn run_chunk(&mut self, n: usize) -> Result<usize, RiskError> {
        let start = self.npv.len();
        let end = start.saturating_add(n).min(self.trials);
        for (driver, samples) in self.drivers.iter().zip(self.samples.iter_mut()) {
            driver
                .draw
                .fill(driver.key, start as u64..end as u64, samples);
        }
        for trial in start..end {
            if let Err(error) = self.run_trial(trial) {
                for samples in &mut self.samples {
                    samples.truncate(trial);
                }
                return Err(error);
            }
        }
        Ok(end - start)
    }

    /// Runs the model on trial `trial`'s draws (already in `samples`) and keeps its
    /// figures.
    fn run_trial(&mut self, trial: usize) -> Result<(), RiskError> {
        for (driver, samples) in self.drivers.iter().zip(&self.samples) {
            if let Some(&x) = samples.get(trial) {
                self.values.set(driver.field, x);
            }
        }
        let run = model::outcome_of(&self.values, &self.lines, self.horizon)?;
        let roi = if run.pv_costs == 0.0 {
            self.no_costs += 1;
            0.0
        } else {
            run.pv_benefits
                .minus(run.pv_costs)?
                .over(run.pv_costs)?
                .times(100.0)?
        };
        self.npv.push(run.npv);
        self.roi_pct.push(roi);
        self.payback
            .push(run.payback_months.unwrap_or(f64::INFINITY));
        Ok(())
    }

    /// Trials asked for.
    pub fn trials(&self) -> usize {
        self.trials
    }

    /// Trials run so far.
    pub fn done(&self) -> usize {
        self.npv.len()
    }

    /// Whether every trial has run.
    pub fn is_finished(&self) -> bool {
        self.done() >= self.trials
    }

    /// Each trial's NPV so far, in trial order.
    pub fn npvs(&self) -> &[f64] {
        &self.npv
    }

    /// `field`'s draws so far, in trial order; `None` when it has no range.
    pub fn samples(&self, field: Field) -> Option<&[f64]> {
        self.drivers
            .iter()
            .position(|d| d.field == field)
            .and_then(|k| self.samples.get(k))
            .map(Vec::as_slice)
    }

    /// The figures of the trials run so far; `None` before the first.
    pub fn summary(&self) -> Option<Summary> {
        let n = self.npv.len();
        if n == 0 {
            return None;
        }
        let count = n as f64;
        let npv_order = in_order(&self.npv);
        let npv_sorted: Vec<f64> = npv_order.iter().map(|&(x, _)| x).collect();
        let npv = Spread::of(&npv_sorted, &self.npv)?;
        let roi_pct = if self.no_costs == 0 {
            Spread::of(&sorted(&self.roi_pct), &self.roi_pct)
        } else {
            None
        };
        let payback_sorted = sorted(&self.payback);
        let month = |p| quantile(&payback_sorted, p).filter(|m| m.is_finite());
        let never = self.payback.iter().filter(|m| m.is_infinite()).count();
        let payback = PaybackSpread {
            p10: month(0.1),
            p50: month(0.5),
            p90: month(0.9),
            never_share: never as f64 / count,
        };
        let positive = self.npv.iter().filter(|&&x| x > 0.0).count();
        let histogram = Histogram::of(&self.npv, HISTOGRAM_BINS)?;
        let marks = Marks {
            p10: histogram.bin_of(npv.p10),
            p50: histogram.bin_of(npv.p50),
            p90: histogram.bin_of(npv.p90),
            zero: histogram.bin_of(0.0),
        };
        let s_curve = (0..S_CURVE_POINTS)
            .filter_map(|k| {
                let share = k as f64 / (S_CURVE_POINTS - 1) as f64;
                quantile(&npv_sorted, share).map(|npv| CurvePoint { share, npv })
            })
            .collect();
        let npv_ranks = Ranked::of(&npv_order);
        let mut contributions: Vec<Contribution> = self
            .drivers
            .iter()
            .zip(&self.samples)
            .filter(|(d, _)| !d.draw.is_point())
            .filter_map(|(d, samples)| {
                npv_ranks
                    .spearman(&in_order(samples))
                    .map(|spearman| Contribution {
                        field: d.field,
                        spearman,
                    })
            })
            .collect();
        contributions.sort_by(|a, b| b.spearman.abs().total_cmp(&a.spearman.abs()));
        Some(Summary {
            trials: n,
            npv,
            roi_pct,
            payback,
            npv_positive_share: positive as f64 / count,
            histogram,
            marks,
            s_curve,
            contributions,
        })
    }
}

/// Runs every trial of a simulation at once and sums it up.
pub fn simulate(
    inputs: &Inputs,
    ranges: &[DriverRange],
    settings: Settings,
) -> Result<Summary, RiskError> {
    let mut simulation = Simulation::new(inputs, ranges, settings)?;
    simulation.run_chunk(settings.trials)?;
    simulation.summary().ok_or(RiskError::Trials)
}
