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
//! Beta(α, β) = X ÷ (X + Y) with X ~ Gamma(α), Y ~ Gamma(β) (PERT's shapes are 1–5),
//! each gamma by Marsaglia & Tsang (2000), "A simple method for generating gamma
//! variables", its normal by Marsaglia & Bray's polar method (1964). A uniform in
//! [0, 1) is the top 53 bits of a 64-bit output × 2⁻⁵³; one in (0, 1) (where a
//! logarithm is taken) the top 52 bits + ½, × 2⁻⁵². Only IEEE 754 operations that are
//! exactly rounded (+, −, ×, ÷, √) and the `libm` crate's `log` (pure Rust, the same code
//! on every target) are used, never the platform's math library (the model's `f64` form
//! uses only the first five), so the same seed, ranges and inputs give bit-identical
//! trials on every IEEE 754 target: x86-64, aarch64, wasm32.
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
use rand_pcg::rand_core::RngCore;
use rand_pcg::Pcg64Mcg;
use rust_decimal::Decimal;

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
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Shape {
    /// PERT: a Beta distribution with shape λ = 4 (see the [module docs](self)).
    #[default]
    Pert,
    /// Triangular: straight lines from low up to the likely value and down to high.
    Triangular,
}

/// One driver's range; its likely value is the field's current value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
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
    Field::ALL
        .iter()
        .filter(|f| f.line().is_none_or(|line| inputs.lines.is_on(line)))
        .map(|&f| default_range(f, f.get(inputs)))
        .filter(|r| r.low < r.high)
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

// ------------------------------------------------------------------------------ draws

/// 2⁻⁵³: a 53-bit integer times this is a double in [0, 1).
const UNIT: f64 = 1.0 / 9_007_199_254_740_992.0;

/// Rejection loops give up after this many tries (each accepts with probability above
/// π/4, so this is never reached in practice) and return the distribution's mean, so
/// that no input can make a draw loop for ever.
const MAX_TRIES: usize = 1_000;

/// The SplitMix64 step (Steele, Lea & Flood 2014): a bijection of u64 that mixes well.
fn splitmix64(x: u64) -> u64 {
    let mut z = x.wrapping_add(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// A double in [0, 1) from 64 random bits: the top 53 × 2⁻⁵³.
fn unit_of(bits: u64) -> f64 {
    (bits >> 11) as f64 * UNIT
}

/// A double in (0, 1) from 64 random bits: the top 52 and a half, × 2⁻⁵² (with 53
/// bits the largest, 2⁵³ − ½, would round to 2⁵³ and give 1).
fn open_unit_of(bits: u64) -> f64 {
    ((bits >> 12) as f64 + 0.5) * (2.0 * UNIT)
}

/// A uniform double in [0, 1).
fn unit(rng: &mut Pcg64Mcg) -> f64 {
    unit_of(rng.next_u64())
}

/// A uniform double in (0, 1).
fn open_unit(rng: &mut Pcg64Mcg) -> f64 {
    open_unit_of(rng.next_u64())
}

/// A standard normal draw by Marsaglia's polar method.
fn normal(rng: &mut Pcg64Mcg) -> f64 {
    for _ in 0..MAX_TRIES {
        let u = 2.0 * unit(rng) - 1.0;
        let v = 2.0 * unit(rng) - 1.0;
        let s = u * u + v * v;
        if s > 0.0 && s < 1.0 {
            return u * (-2.0 * libm::log(s) / s).sqrt();
        }
    }
    0.0
}

/// Gamma(shape, 1) for shape ≥ 1 by Marsaglia & Tsang (2000): d = shape − 1/3,
/// c = 1 ÷ √(9d); accept d·v, v = (1 + c·x)³, x normal, when u < 1 − 0.0331 x⁴ or
/// ln u < x²/2 + d (1 − v + ln v).
#[derive(Debug, Clone, Copy)]
struct Gamma {
    d: f64,
    c: f64,
}

impl Gamma {
    fn new(shape: f64) -> Self {
        let d = shape - 1.0 / 3.0;
        Gamma {
            d,
            c: 1.0 / (9.0 * d).sqrt(),
        }
    }

    fn draw(self, rng: &mut Pcg64Mcg) -> f64 {
        for _ in 0..MAX_TRIES {
            let x = normal(rng);
            let v = 1.0 + self.c * x;
            if v <= 0.0 {
                continue;
            }
            let v = v * v * v;
            let u = open_unit(rng);
            let x2 = x * x;
            if u < 1.0 - 0.0331 * x2 * x2
                || libm::log(u) < 0.5 * x2 + self.d * (1.0 - v + libm::log(v))
            {
                return self.d * v;
            }
        }
        self.d + 1.0 / 3.0
    }
}

/// How one driver is drawn, in `f64`.
#[derive(Debug, Clone, Copy)]
enum Draw {
    /// The same value in every trial.
    Point(f64),
    /// Triangular(low, mode, high), low < high.
    Triangular { low: f64, mode: f64, high: f64 },
    /// low + (high − low) × Beta(α, β), low < high.
    Pert {
        low: f64,
        high: f64,
        alpha: Gamma,
        beta: Gamma,
    },
}

impl Draw {
    fn new(range: &DriverRange, likely: Decimal) -> Draw {
        let (low, mode, high) = (f64::of(range.low), f64::of(likely), f64::of(range.high));
        let width = high - low;
        if !(width > 0.0 && width.is_finite()) {
            return Draw::Point(mode);
        }
        let mode = mode.max(low).min(high);
        match range.shape {
            Shape::Triangular => Draw::Triangular { low, mode, high },
            Shape::Pert => {
                let share = ((mode - low) / width).clamp(0.0, 1.0);
                Draw::Pert {
                    low,
                    high,
                    alpha: Gamma::new(1.0 + 4.0 * share),
                    beta: Gamma::new(1.0 + 4.0 * (1.0 - share)),
                }
            }
        }
    }

    fn sample(self, rng: &mut Pcg64Mcg) -> f64 {
        match self {
            Draw::Point(x) => x,
            Draw::Triangular { low, mode, high } => {
                let u = unit(rng);
                let width = high - low;
                let x = if u * width < mode - low {
                    low + (u * width * (mode - low)).sqrt()
                } else {
                    high - ((1.0 - u) * width * (high - mode)).sqrt()
                };
                x.max(low).min(high)
            }
            Draw::Pert {
                low,
                high,
                alpha,
                beta,
            } => {
                let x = alpha.draw(rng);
                let y = beta.draw(rng);
                let b = x / (x + y);
                let b = if b.is_finite() { b } else { 0.5 };
                (low + (high - low) * b).max(low).min(high)
            }
        }
    }

    fn is_point(self) -> bool {
        matches!(self, Draw::Point(_))
    }
}

/// A ranged field, its draw and the key its trials' generators derive from.
#[derive(Debug, Clone, Copy)]
struct Driver {
    field: Field,
    draw: Draw,
    /// s(s(seed) ⊕ f).
    key: u64,
}

impl Driver {
    /// The driver's value in trial `trial`.
    fn sample(&self, trial: u64) -> f64 {
        let h = splitmix64(self.key ^ trial);
        let mut rng = Pcg64Mcg::new((u128::from(h) << 64) | u128::from(splitmix64(h)));
        self.draw.sample(&mut rng)
    }
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
        inputs.validate().map_err(RiskError::Inputs)?;
        if !(1..=MAX_TRIALS).contains(&settings.trials) {
            return Err(RiskError::Trials);
        }
        check_ranges(inputs, ranges).map_err(RiskError::Ranges)?;
        let root = splitmix64(settings.seed);
        let drivers: Vec<Driver> = ranges
            .iter()
            .map(|r| Driver {
                field: r.field,
                draw: Draw::new(r, r.field.get(inputs)),
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
    pub fn run_chunk(&mut self, n: usize) -> Result<usize, RiskError> {
        let start = self.npv.len();
        let end = start.saturating_add(n).min(self.trials);
        let mut draws = [0.0; Field::COUNT];
        for trial in start..end {
            for (driver, slot) in self.drivers.iter().zip(draws.iter_mut()) {
                *slot = driver.sample(trial as u64);
                self.values.set(driver.field, *slot);
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
            for (samples, &x) in self.samples.iter_mut().zip(draws.iter()) {
                samples.push(x);
            }
        }
        Ok(end - start)
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
        let npv_sorted = sorted(&self.npv);
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
        let npv_ranks = ranks(&self.npv);
        let mut contributions: Vec<Contribution> = self
            .drivers
            .iter()
            .zip(&self.samples)
            .filter(|(d, _)| !d.draw.is_point())
            .filter_map(|(d, samples)| {
                pearson(&ranks(samples), &npv_ranks).map(|spearman| Contribution {
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

// ------------------------------------------------------------------------------ summary

/// P10, P50, P90 ([`quantile`]) and mean of one figure over the trials.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Spread {
    /// 10th percentile.
    pub p10: f64,
    /// Median.
    pub p50: f64,
    /// 90th percentile.
    pub p90: f64,
    /// Arithmetic mean, summed in trial order.
    pub mean: f64,
}

impl Spread {
    fn of(sorted: &[f64], in_order: &[f64]) -> Option<Spread> {
        let sum = in_order.iter().fold(0.0, |acc, x| acc + x);
        Some(Spread {
            p10: quantile(sorted, 0.1)?,
            p50: quantile(sorted, 0.5)?,
            p90: quantile(sorted, 0.9)?,
            mean: sum / in_order.len() as f64,
        })
    }
}

/// The payback's spread, in months on nominal flows.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PaybackSpread {
    /// 10th percentile; `None` when it falls on trials that never pay back.
    pub p10: Option<f64>,
    /// Median; `None` when it falls on trials that never pay back.
    pub p50: Option<f64>,
    /// 90th percentile; `None` when it falls on trials that never pay back.
    pub p90: Option<f64>,
    /// Share of trials that do not pay back within the horizon, 0–1.
    pub never_share: f64,
}

/// Which histogram bin holds each marked value; `None` when outside the histogram.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Marks {
    /// The bin of NPV's P10.
    pub p10: Option<usize>,
    /// The bin of NPV's P50.
    pub p50: Option<usize>,
    /// The bin of NPV's P90.
    pub p90: Option<usize>,
    /// The bin of NPV = 0.
    pub zero: Option<usize>,
}

/// One point of the S-curve: the NPV that `share` of the trials do not exceed.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CurvePoint {
    /// Cumulative share of trials, 0–1.
    pub share: f64,
    /// NPV at that share ([`quantile`]).
    pub npv: f64,
}

/// How much one ranged driver moves NPV across the trials.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Contribution {
    /// The driver.
    pub field: Field,
    /// Spearman's rank correlation of its draws with NPV, −1 to 1.
    pub spearman: f64,
}

/// What a simulation shows.
#[derive(Debug, Clone, PartialEq)]
pub struct Summary {
    /// Trials summed up.
    pub trials: usize,
    /// NPV's spread.
    pub npv: Spread,
    /// ROI's spread, %; `None` when some trial has no costs (its ROI undefined).
    pub roi_pct: Option<Spread>,
    /// Payback's spread.
    pub payback: PaybackSpread,
    /// Share of trials with NPV > 0, 0–1.
    pub npv_positive_share: f64,
    /// NPV's histogram, [`HISTOGRAM_BINS`] bins.
    pub histogram: Histogram,
    /// Where P10, P50, P90 and zero fall in the histogram.
    pub marks: Marks,
    /// NPV's S-curve (empirical CDF), [`S_CURVE_POINTS`] points.
    pub s_curve: Vec<CurvePoint>,
    /// Ranged drivers with their rank correlation to NPV, largest |ρ| first (drivers
    /// whose range is one value, or when NPV never varies, are left out).
    pub contributions: Vec<Contribution>,
}

/// A histogram of equal-width bins, as `numpy.histogram(values, bins)`.
#[derive(Debug, Clone, PartialEq)]
pub struct Histogram {
    /// Bin edges, ascending, one more than the bins: from the smallest value to the
    /// largest (from v − 0.5 to v + 0.5 when every value is v).
    pub edges: Vec<f64>,
    /// Values in each bin: bin i holds `edges[i] ≤ x < edges[i + 1]`, the last bin also
    /// x = its right edge.
    pub counts: Vec<usize>,
}

impl Histogram {
    /// The histogram of `values` in `bins` bins; `None` when there are no values or no
    /// bins, or a value is not finite.
    pub fn of(values: &[f64], bins: usize) -> Option<Histogram> {
        if bins == 0 || values.is_empty() || values.iter().any(|x| !x.is_finite()) {
            return None;
        }
        let min = values.iter().copied().fold(f64::INFINITY, f64::min);
        let max = values.iter().copied().fold(f64::NEG_INFINITY, f64::max);
        let (first, last) = if min == max {
            (min - 0.5, max + 0.5)
        } else {
            (min, max)
        };
        if !(last - first).is_finite() {
            return None;
        }
        // numpy.linspace: first + i × step, the last edge exactly `last`.
        let step = (last - first) / bins as f64;
        let mut edges: Vec<f64> = (0..bins).map(|i| i as f64 * step + first).collect();
        edges.push(last);
        let mut histogram = Histogram {
            counts: vec![0; bins],
            edges,
        };
        for &x in values {
            if let Some(count) = histogram
                .bin_of(x)
                .and_then(|i| histogram.counts.get_mut(i))
            {
                *count += 1;
            }
        }
        Some(histogram)
    }

    /// The bin holding `x` (as numpy assigns it); `None` outside the edges.
    pub fn bin_of(&self, x: f64) -> Option<usize> {
        let bins = self.counts.len();
        let (&first, &last) = (self.edges.first()?, self.edges.last()?);
        if bins == 0 || !(x >= first && x <= last) {
            return None;
        }
        // numpy: ⌊(x − first) ÷ (last − first) × bins⌋, the last edge in the last bin,
        // then moved by one where rounding put x on the wrong side of an edge.
        let guess = ((x - first) / (last - first) * bins as f64) as usize;
        let mut i = guess.min(bins - 1);
        if i > 0 && x < *self.edges.get(i)? {
            i -= 1;
        }
        if i + 1 < bins && x >= *self.edges.get(i + 1)? {
            i += 1;
        }
        Some(i)
    }
}

/// `values` sorted ascending (`f64::total_cmp`: no panic, whatever the values).
fn sorted(values: &[f64]) -> Vec<f64> {
    let mut v = values.to_vec();
    v.sort_unstable_by(f64::total_cmp);
    v
}

/// The `p` quantile of `sorted` (ascending) by numpy's default rule (see the
/// [module docs](self)), with numpy's interpolation `x₀ + (x₁ − x₀) g` for g < 0.5 and
/// `x₁ − (x₁ − x₀)(1 − g)` otherwise, and exactly x⌊h⌋ when g = 0. `None` when `sorted`
/// is empty or `p` is not within 0–1.
pub fn quantile(sorted: &[f64], p: f64) -> Option<f64> {
    let n = sorted.len();
    if n == 0 || !(0.0..=1.0).contains(&p) {
        return None;
    }
    let h = (n - 1) as f64 * p;
    if h >= (n - 1) as f64 {
        return sorted.last().copied();
    }
    let below = h.floor();
    let g = h - below;
    let i = below as usize;
    let a = *sorted.get(i)?;
    if g == 0.0 {
        return Some(a);
    }
    let b = *sorted.get(i + 1)?;
    let diff = b - a;
    Some(if g >= 0.5 {
        b - diff * (1.0 - g)
    } else {
        a + diff * g
    })
}

/// Spearman's rank correlation of `x` and `y` (Pearson's correlation of their ranks,
/// ties given their average rank); `None` when the lengths differ, there are fewer than
/// two values, or either side never varies.
pub fn spearman(x: &[f64], y: &[f64]) -> Option<f64> {
    if x.len() != y.len() {
        return None;
    }
    pearson(&ranks(x), &ranks(y))
}

/// Ranks 1..=n of `values`, ties given the average of the ranks they span.
fn ranks(values: &[f64]) -> Vec<f64> {
    // Sorting (value, position) pairs rather than positions keeps each comparison's
    // values at hand, which sorts faster.
    let mut order: Vec<(f64, usize)> = values.iter().copied().zip(0..).collect();
    order.sort_unstable_by(|a, b| a.0.total_cmp(&b.0));
    let mut ranks = vec![0.0; values.len()];
    let mut start = 0;
    while let Some(&(value, _)) = order.get(start) {
        let end = start
            + order[start..]
                .iter()
                .take_while(|(v, _)| *v == value)
                .count();
        // Positions start..end hold ranks start + 1 ..= end: their average.
        let rank = (start + 1 + end) as f64 / 2.0;
        for &(_, k) in &order[start..end] {
            if let Some(r) = ranks.get_mut(k) {
                *r = rank;
            }
        }
        start = end;
    }
    ranks
}

/// Pearson's correlation of two equally long series; `None` when shorter than two or
/// either never varies.
fn pearson(x: &[f64], y: &[f64]) -> Option<f64> {
    let n = x.len();
    if n < 2 || y.len() != n {
        return None;
    }
    let mean = |v: &[f64]| v.iter().fold(0.0, |acc, a| acc + a) / n as f64;
    let (mx, my) = (mean(x), mean(y));
    let (mut sxy, mut sxx, mut syy) = (0.0, 0.0, 0.0);
    for (a, b) in x.iter().zip(y) {
        let (dx, dy) = (a - mx, b - my);
        sxy += dx * dy;
        sxx += dx * dx;
        syy += dy * dy;
    }
    let r = sxy / (sxx * syy).sqrt();
    r.is_finite().then_some(r.clamp(-1.0, 1.0))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splitmix64_is_the_reference_generator() {
        // Rosetta Code, "Pseudo-random numbers/Splitmix64": the first five outputs of the
        // generator seeded with 1234567. Output k mixes seed + k × 0x9E3779B97F4A7C15,
        // which is `splitmix64(seed + (k − 1) × 0x9E3779B97F4A7C15)` here.
        let expected: [u64; 5] = [
            6457827717110365317,
            3203168211198807973,
            9817491932198370423,
            4593380528125082431,
            16408922859458223821,
        ];
        for (k, &want) in expected.iter().enumerate() {
            let state = 1_234_567u64.wrapping_add((k as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15));
            assert_eq!(splitmix64(state), want, "output {}", k + 1);
        }
    }

    #[test]
    fn uniforms_stay_in_their_intervals() {
        // The extreme outputs 0 and 2⁶⁴ − 1 give 0 and 1 − 2⁻⁵³ (unit), 2⁻⁵³ and
        // 1 − 2⁻⁵³ (open unit): by hand from the formulas.
        let half_ulp = 1.0 / 9_007_199_254_740_992.0;
        assert_eq!(unit_of(0), 0.0);
        assert_eq!(unit_of(u64::MAX), 1.0 - half_ulp);
        assert_eq!(open_unit_of(0), half_ulp);
        assert_eq!(open_unit_of(u64::MAX), 1.0 - half_ulp);
    }
}
