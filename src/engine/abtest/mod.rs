//! A/B tests of a conversion rate: the analysis of two variants, the sample size a test
//! needs, and the data behind the warning against stopping a test early.
//!
//! Two source articles recommend testing a change on part of the audience before
//! launching it (`001_…`: A/B tests of landing pages to raise conversion; `004_…`: A/B
//! testing before a campaign, so that only what has proved to work gets the budget).
//! This module is the arithmetic of such a test; the UI turns its [`Verdict`] and
//! [`AbError`] into text.
//!
//! # Definitions
//!
//! Variant A is the control, B the challenger; each has `n` visitors (or leads) and `c`
//! conversions. With α = 1 − confidence and z* = Φ⁻¹(1 − α/2):
//!
//! - **Rates** `p_A = c_A ÷ n_A`, `p_B = c_B ÷ n_B`; **absolute lift** `p_B − p_A`;
//!   **relative lift** `(p_B − p_A) ÷ p_A` (none when `p_A = 0`).
//! - **Pooled two-proportion z-test** (e.g. Agresti, *Categorical Data Analysis*, 3rd ed.
//!   2013, §3.1.3; `statsmodels.stats.proportion.proportions_ztest`, which pools by
//!   default): `p = (c_A + c_B) ÷ (n_A + n_B)`, `SE = √(p (1 − p) (1/n_A + 1/n_B))`,
//!   `z = (p_B − p_A) ÷ SE`, two-sided p-value `2 (1 − Φ(|z|)) = erfc(|z| ÷ √2)`. There
//!   is no test when `SE = 0` (no conversions at all, or every visitor converted).
//!   The difference is **significant** when the p-value is below α.
//! - **Confidence interval of the absolute lift**: Wald, unpooled (Agresti 2013, §3.1.2;
//!   `confint_proportions_2indep(method="wald", compare="diff")`):
//!   `(p_B − p_A) ± z* √(p_A (1 − p_A) ÷ n_A + p_B (1 − p_B) ÷ n_B)`. Being unpooled, it
//!   can disagree with the pooled test when the p-value is very close to α.
//! - **Confidence interval of the relative lift**: the log of the risk ratio (Katz,
//!   Baptista, Azen & Pike, *Biometrics* 34, 1978;
//!   `confint_proportions_2indep(method="log", compare="ratio")`):
//!   `exp(ln(p_B ÷ p_A) ± z* √(1/c_B − 1/n_B + 1/c_A − 1/n_A)) − 1`; none when either
//!   variant has no conversions.
//! - **Sample ratio mismatch** (SRM; Fabijan et al., "Diagnosing Sample Ratio Mismatch in
//!   Online Controlled Experiments", KDD 2019): Pearson's chi-square goodness of fit of
//!   `(n_A, n_B)` against the planned split `s` of A (`scipy.stats.chisquare`), 1 degree
//!   of freedom: `χ² = (n_A − sN)² ÷ sN + (n_B − (1 − s)N)² ÷ (1 − s)N`, `N = n_A + n_B`,
//!   p-value `erfc(√(χ² ÷ 2))`. A mismatch when the p-value is below
//!   [`SRM_P_THRESHOLD`]: the split itself is broken (a redirect, a bot filter, a
//!   tracking bug), so the rates cannot be compared.
//! - **Enough data** for the normal approximation: every expected count of the 2 × 2
//!   table under the null hypothesis, `n_A p`, `n_A (1 − p)`, `n_B p`, `n_B (1 − p)`, is
//!   at least [`MIN_EXPECTED`] (Cochran's rule; Cochran, *Biometrics* 10, 1954).
//! - **Sample size per variant** for a baseline rate `p1`, a target rate `p2` (baseline
//!   plus the minimum detectable effect, absolute or relative), significance α
//!   (two-sided) and power 1 − β: the normal-approximation formula of Fleiss, Levin &
//!   Paik, *Statistical Methods for Rates and Proportions*, 3rd ed. 2003, §4.2, without
//!   the continuity correction:
//!   `n = (z_{1−α/2} √(2 p̄ (1 − p̄)) + z_{1−β} √(p1 (1 − p1) + p2 (1 − p2)))² ÷ (p2 − p1)²`,
//!   `p̄ = (p1 + p2) ÷ 2`, rounded up, for two variants of equal size. statsmodels'
//!   `NormalIndPower` on Cohen's h (`2 asin √p2 − 2 asin √p1`) asks for 0.004 % to 3 %
//!   fewer visitors on the cases of `tests/fixtures/abtest_golden.json` (3,835 against
//!   3,841 for 10 % → 12 % at 95 % and 80 % power; 22,840 against 23,511 for 0.1 % →
//!   0.2 %): the arcsine transform approximates the variance differently, most at rates
//!   near 0 or 1.
//! - **Days needed** at a daily traffic `t` split `s` to A: both variants must reach `n`,
//!   so the smaller share decides: `⌈n ÷ (min(s, 1 − s) t)⌉`, which is `⌈2n ÷ t⌉` for
//!   50/50.
//!
//! # Conventions
//!
//! Rates, lifts, shares, confidence and power are fractions (0.05, not 5 %). Counts are
//! `u64` as typed by the user, at most [`MAX_COUNT`]; everything else is `f64`, with
//! every input checked first and every result checked finite, so nothing here panics
//! or returns NaN. Φ is `erfc(−x ÷ √2) ÷ 2` and Φ⁻¹ is Wichura's AS241 ([`normal_quantile`]),
//! both on the pure-Rust `libm` (never the platform's `exp`/`ln`), so every target
//! computes the same figures.

/// The p-value below which the split of visitors is a sample ratio mismatch: 0.001, the
/// usual threshold (Fabijan et al. 2019), strict because the check runs on every test and
/// a false alarm discards a good one.
pub const SRM_P_THRESHOLD: f64 = 0.001;

/// The smallest expected count, under the null hypothesis, of each cell of the 2 × 2
/// table (conversions and non-conversions of each variant) for the z-test to be trusted:
/// Cochran's rule of 5.
pub const MIN_EXPECTED: f64 = 5.0;

/// The largest count accepted: 2⁵³, the last integer up to which every `u64` is exact as
/// an `f64`.
pub const MAX_COUNT: u64 = 1 << 53;

/// The confidence most tests are read at: 95 %.
pub const DEFAULT_CONFIDENCE: f64 = 0.95;

/// The power most tests are planned for: 80 %.
pub const DEFAULT_POWER: f64 = 0.8;

/// The planned share of visitors sent to A when nothing else is said: half.
pub const DEFAULT_SHARE_A: f64 = 0.5;

/// A quotient of days this close (relatively) to a whole number counts as that number:
/// `1 − 0.8` is `0.19999999999999996` in floats, and 1,000 visitors at 20 % of 1,000 a
/// day take 5 days, not 6.
const DAYS_SLACK: f64 = 1e-9;

mod normal;

use normal::upper_point;
pub use normal::{chi_square_1_p_value, normal_cdf, normal_quantile};

/// One of the two variants.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Arm {
    /// The control.
    A,
    /// The challenger.
    B,
}

/// A variant's visitors (or leads) and how many of them converted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Variant {
    /// Visitors or leads who saw this variant.
    pub visitors: u64,
    /// Those of them who converted.
    pub conversions: u64,
}

impl Variant {
    /// A variant of `visitors` with `conversions`.
    pub fn new(visitors: u64, conversions: u64) -> Self {
        Variant {
            visitors,
            conversions,
        }
    }
}

/// Why an A/B figure cannot be computed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AbError {
    /// A variant has no visitors (an empty variant).
    NoVisitors(Arm),
    /// A variant has more conversions than visitors.
    MoreConversionsThanVisitors(Arm),
    /// A count, or a required sample size, is above [`MAX_COUNT`].
    TooLarge,
    /// The confidence is not strictly between 0 and 1.
    Confidence,
    /// The power is not strictly between 0 and 1.
    Power,
    /// The planned share of visitors sent to A is not strictly between 0 and 1.
    Share,
    /// The baseline conversion rate is not strictly between 0 and 1.
    BaselineRate,
    /// The minimum detectable effect is zero (or not a number): no sample detects it.
    NoEffect,
    /// The minimum detectable effect takes the target rate to 0 or below, or to 1 or
    /// above.
    TargetRate,
    /// The daily traffic is zero.
    NoTraffic,
    /// A result is not a finite number (not expected from checked inputs; reported
    /// rather than shown).
    NotFinite,
}

/// A confidence interval, `low ≤ high`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Interval {
    /// The lower bound.
    pub low: f64,
    /// The upper bound.
    pub high: f64,
}

impl Interval {
    /// Whether `x` lies in the interval, bounds included.
    pub fn contains(&self, x: f64) -> bool {
        self.low <= x && x <= self.high
    }
}

/// The pooled two-proportion z-test (see the module docs).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ZTest {
    /// `(p_B − p_A) ÷ SE`, positive when B converts better.
    pub z: f64,
    /// Two-sided p-value, in `[0, 1]`.
    pub p_value: f64,
}

/// The sample ratio mismatch check (see the module docs).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Srm {
    /// The planned share of visitors sent to A.
    pub expected_share_a: f64,
    /// The share of visitors A actually got.
    pub observed_share_a: f64,
    /// Pearson's chi-square statistic, 1 degree of freedom.
    pub chi_square: f64,
    /// Its p-value.
    pub p_value: f64,
    /// Whether the p-value is below [`SRM_P_THRESHOLD`].
    pub mismatch: bool,
}

/// What a test's figures say, in the order checked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Verdict {
    /// The split of visitors is not the planned one ([`Srm::mismatch`]): the test is
    /// invalid, whatever its rates say.
    SampleRatioMismatch,
    /// Too few conversions or non-conversions for the z-test (see [`MIN_EXPECTED`]).
    NotEnoughData,
    /// B converts significantly better than A.
    BWins,
    /// A converts significantly better than B.
    AWins,
    /// The difference is not significant at the chosen confidence (yet).
    NoSignificantDifference,
    /// The planned sample is not in yet: whatever the z-test says is an interim look,
    /// not a result ([`verdict_at`]). Never returned by [`analyse`], which knows no plan.
    NotConclusiveYet,
}

/// How a test is read.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Settings {
    /// The confidence of the intervals and of the verdict (0.95 for 95 %).
    pub confidence: f64,
    /// The planned share of visitors sent to A, for the mismatch check (0.5 for 50/50).
    pub share_a: f64,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            confidence: DEFAULT_CONFIDENCE,
            share_a: DEFAULT_SHARE_A,
        }
    }
}

/// Every figure of an A/B test (see the module docs for each definition).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Analysis {
    /// The control.
    pub a: Variant,
    /// The challenger.
    pub b: Variant,
    /// The confidence it was read at.
    pub confidence: f64,
    /// `p_A`.
    pub rate_a: f64,
    /// `p_B`.
    pub rate_b: f64,
    /// `p_B − p_A`.
    pub absolute_lift: f64,
    /// The Wald interval of `p_B − p_A`.
    pub absolute_ci: Interval,
    /// `(p_B − p_A) ÷ p_A`; `None` when A has no conversions.
    pub relative_lift: Option<f64>,
    /// Katz's interval of the relative lift; `None` when a variant has no conversions.
    pub relative_ci: Option<Interval>,
    /// The pooled z-test; `None` when nobody or everybody converted.
    pub test: Option<ZTest>,
    /// Whether the test's p-value is below 1 − confidence.
    pub significant: bool,
    /// The sample ratio mismatch check.
    pub srm: Srm,
    /// What it all says.
    pub verdict: Verdict,
}

/// A minimum detectable effect on the conversion rate.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Mde {
    /// In rate points, as a fraction: `0.02` takes 10 % to 12 %. Negative to detect a
    /// drop.
    Absolute(f64),
    /// Relative to the baseline: `0.2` takes 10 % to 12 %.
    Relative(f64),
}

/// What a test is planned to detect.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Plan {
    /// The control's conversion rate, strictly between 0 and 1.
    pub baseline_rate: f64,
    /// The smallest change worth detecting.
    pub mde: Mde,
    /// 1 − α, two-sided.
    pub confidence: f64,
    /// 1 − β: the chance of detecting the effect when it is there.
    pub power: f64,
}

/// The sample a plan needs.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SampleSize {
    /// `p1`.
    pub baseline_rate: f64,
    /// `p2`: the baseline moved by the minimum detectable effect.
    pub target_rate: f64,
    /// The formula's value before rounding.
    pub exact: f64,
    /// Visitors each variant needs: `exact` rounded up.
    pub per_variant: u64,
}

/// How far a running test is from its planned sample: the data of the warning against
/// stopping early (a test stopped as soon as it looks significant is wrong far more often
/// than α says).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Progress {
    /// Visitors each variant needs ([`SampleSize::per_variant`]).
    pub required_per_variant: u64,
    /// Visitors A still needs (0 when reached).
    pub remaining_a: u64,
    /// Visitors B still needs (0 when reached).
    pub remaining_b: u64,
    /// The smaller variant's visitors over the required sample, at most 1.
    pub fraction: f64,
    /// Whether both variants have reached the required sample.
    pub reached: bool,
}

// ---------------------------------------------------------------------------------------
// Checks
// ---------------------------------------------------------------------------------------

/// Whether `x` is strictly between 0 and 1 (false for NaN).
fn open_unit(x: f64) -> bool {
    x > 0.0 && x < 1.0
}

fn unit(x: f64, error: AbError) -> Result<f64, AbError> {
    if open_unit(x) {
        Ok(x)
    } else {
        Err(error)
    }
}

fn finite(x: f64) -> Result<f64, AbError> {
    if x.is_finite() {
        Ok(x)
    } else {
        Err(AbError::NotFinite)
    }
}

fn check_variant(v: Variant, arm: Arm) -> Result<(), AbError> {
    if v.visitors == 0 {
        Err(AbError::NoVisitors(arm))
    } else if v.conversions > v.visitors {
        Err(AbError::MoreConversionsThanVisitors(arm))
    } else if v.visitors > MAX_COUNT {
        Err(AbError::TooLarge)
    } else {
        Ok(())
    }
}

// ---------------------------------------------------------------------------------------
// The analysis
// ---------------------------------------------------------------------------------------

/// The sample ratio mismatch check of `visitors_a` and `visitors_b` against a planned
/// share `share_a` of A (see the module docs).
///
/// Errors: no visitors at all → [`AbError::NoVisitors`]`(A)`; a count above
/// [`MAX_COUNT`] → [`AbError::TooLarge`]; `share_a` not in (0, 1) → [`AbError::Share`].
pub fn sample_ratio(visitors_a: u64, visitors_b: u64, share_a: f64) -> Result<Srm, AbError> {
    unit(share_a, AbError::Share)?;
    if visitors_a > MAX_COUNT || visitors_b > MAX_COUNT {
        return Err(AbError::TooLarge);
    }
    let total = visitors_a
        .checked_add(visitors_b)
        .ok_or(AbError::TooLarge)?;
    if total == 0 {
        return Err(AbError::NoVisitors(Arm::A));
    }
    let (na, nb, n) = (visitors_a as f64, visitors_b as f64, total as f64);
    let expected_a = share_a * n;
    let expected_b = (1.0 - share_a) * n;
    let (gap_a, gap_b) = (na - expected_a, nb - expected_b);
    let chi_square = finite(gap_a * gap_a / expected_a + gap_b * gap_b / expected_b)?;
    let p_value = finite(chi_square_1_p_value(chi_square))?;
    Ok(Srm {
        expected_share_a: share_a,
        observed_share_a: na / n,
        chi_square,
        p_value,
        mismatch: p_value < SRM_P_THRESHOLD,
    })
}

/// Every figure of the test of `a` against `b` (see the module docs).
///
/// Errors, in this order: a variant with no visitors → [`AbError::NoVisitors`]; more
/// conversions than visitors → [`AbError::MoreConversionsThanVisitors`]; a count above
/// [`MAX_COUNT`] → [`AbError::TooLarge`] (A checked before B); a confidence not in
/// (0, 1) → [`AbError::Confidence`]; a share not in (0, 1) → [`AbError::Share`].
pub fn analyse(a: Variant, b: Variant, settings: Settings) -> Result<Analysis, AbError> {
    check_variant(a, Arm::A)?;
    check_variant(b, Arm::B)?;
    let confidence = unit(settings.confidence, AbError::Confidence)?;
    unit(settings.share_a, AbError::Share)?;

    let (na, ca) = (a.visitors as f64, a.conversions as f64);
    let (nb, cb) = (b.visitors as f64, b.conversions as f64);
    let alpha = 1.0 - confidence;
    let z_star = upper_point(alpha / 2.0)?;

    let rate_a = ca / na;
    let rate_b = cb / nb;
    let absolute_lift = rate_b - rate_a;

    let wald_se = libm::sqrt(rate_a * (1.0 - rate_a) / na + rate_b * (1.0 - rate_b) / nb);
    let half = finite(z_star * wald_se)?;
    let absolute_ci = Interval {
        low: absolute_lift - half,
        high: absolute_lift + half,
    };

    let relative_lift = if a.conversions > 0 {
        Some(finite(absolute_lift / rate_a)?)
    } else {
        None
    };
    let relative_ci = if a.conversions > 0 && b.conversions > 0 {
        let log_ratio = libm::log(rate_b / rate_a);
        let variance = (1.0 / cb - 1.0 / nb + 1.0 / ca - 1.0 / na).max(0.0);
        let half = z_star * libm::sqrt(variance);
        Some(Interval {
            low: finite(libm::exp(log_ratio - half) - 1.0)?,
            high: finite(libm::exp(log_ratio + half) - 1.0)?,
        })
    } else {
        None
    };

    let pooled = (ca + cb) / (na + nb);
    let pooled_se = libm::sqrt(pooled * (1.0 - pooled) * (1.0 / nb + 1.0 / na));
    let test = if pooled_se > 0.0 {
        let z = finite(absolute_lift / pooled_se)?;
        let p_value = libm::erfc(z.abs() / core::f64::consts::SQRT_2).clamp(0.0, 1.0);
        Some(ZTest { z, p_value })
    } else {
        None
    };
    let significant = test.is_some_and(|t| t.p_value < alpha);

    let srm = sample_ratio(a.visitors, b.visitors, settings.share_a)?;
    let enough = [na, nb]
        .iter()
        .all(|&n| n * pooled >= MIN_EXPECTED && n * (1.0 - pooled) >= MIN_EXPECTED);
    let verdict = if srm.mismatch {
        Verdict::SampleRatioMismatch
    } else if !enough || test.is_none() {
        Verdict::NotEnoughData
    } else if !significant {
        Verdict::NoSignificantDifference
    } else if absolute_lift > 0.0 {
        Verdict::BWins
    } else {
        Verdict::AWins
    };

    Ok(Analysis {
        a,
        b,
        confidence,
        rate_a,
        rate_b,
        absolute_lift,
        absolute_ci,
        relative_lift,
        relative_ci,
        test,
        significant,
        srm,
        verdict,
    })
}

// ---------------------------------------------------------------------------------------
// Planning
// ---------------------------------------------------------------------------------------

/// The visitors each variant needs to detect `plan`'s effect (Fleiss, Levin & Paik 2003;
/// see the module docs).
///
/// Errors, in this order: baseline not in (0, 1) → [`AbError::BaselineRate`]; confidence
/// or power not in (0, 1) → [`AbError::Confidence`], [`AbError::Power`]; an effect of
/// zero or NaN → [`AbError::NoEffect`]; a target rate of 0 or less, or 1 or more →
/// [`AbError::TargetRate`]; a sample above [`MAX_COUNT`] → [`AbError::TooLarge`].
pub fn sample_size(plan: Plan) -> Result<SampleSize, AbError> {
    let p1 = unit(plan.baseline_rate, AbError::BaselineRate)?;
    let confidence = unit(plan.confidence, AbError::Confidence)?;
    let power = unit(plan.power, AbError::Power)?;
    let (effect, p2) = match plan.mde {
        Mde::Absolute(d) => (d, p1 + d),
        Mde::Relative(r) => (r, p1 * (1.0 + r)),
    };
    if effect.is_nan() || effect == 0.0 {
        return Err(AbError::NoEffect);
    }
    let p2 = unit(p2, AbError::TargetRate)?;
    if p2 == p1 {
        // An effect too small to move the rate in floating point.
        return Err(AbError::NoEffect);
    }
    let z_alpha = upper_point((1.0 - confidence) / 2.0)?;
    let z_beta = upper_point(1.0 - power)?;
    let mean = (p1 + p2) / 2.0;
    let root = z_alpha * libm::sqrt(2.0 * mean * (1.0 - mean))
        + z_beta * libm::sqrt(p1 * (1.0 - p1) + p2 * (1.0 - p2));
    let gap = p2 - p1;
    let exact = (root * root) / (gap * gap);
    if !exact.is_finite() || exact > MAX_COUNT as f64 {
        return Err(AbError::TooLarge);
    }
    // `exact` is positive and at most 2⁵³ here, so the cast is exact.
    let per_variant = libm::ceil(exact.max(1.0)) as u64;
    Ok(SampleSize {
        baseline_rate: p1,
        target_rate: p2,
        exact,
        per_variant,
    })
}

/// The days until both variants have `per_variant` visitors, at `daily_traffic` visitors
/// a day split `share_a` to A: `⌈n ÷ (min(s, 1 − s) t)⌉` (see the module docs); exact in
/// integers for 50/50.
///
/// Errors: `daily_traffic = 0` → [`AbError::NoTraffic`]; `share_a` not in (0, 1) →
/// [`AbError::Share`]; more days than [`MAX_COUNT`] → [`AbError::TooLarge`].
pub fn days_needed(per_variant: u64, daily_traffic: u64, share_a: f64) -> Result<u64, AbError> {
    if daily_traffic == 0 {
        return Err(AbError::NoTraffic);
    }
    unit(share_a, AbError::Share)?;
    if share_a == 0.5 {
        return per_variant
            .checked_mul(2)
            .map(|total| total.div_ceil(daily_traffic))
            .ok_or(AbError::TooLarge);
    }
    let smaller = share_a.min(1.0 - share_a);
    let days = per_variant as f64 / (smaller * daily_traffic as f64);
    let whole = libm::round(days);
    let days = if (days - whole).abs() <= DAYS_SLACK * whole.max(1.0) {
        whole
    } else {
        libm::ceil(days)
    };
    if !days.is_finite() || days > MAX_COUNT as f64 {
        return Err(AbError::TooLarge);
    }
    // Non-negative and at most 2⁵³: the cast is exact.
    Ok(days as u64)
}

/// The verdict of a fixed-horizon test: `analysis`'s own while the split is broken or
/// the data too few, and otherwise only once both variants have reached the planned
/// sample (`progress`; `None` when no valid plan fixes one); before that, whether
/// significant or not, [`Verdict::NotConclusiveYet`].
///
/// A fixed-horizon test is read once, at the sample fixed in advance: its α holds only
/// there. Checking the p-value as data come in and stopping at the first significant
/// look makes a false winner several times likelier than α (Evan Miller, "How Not To Run
/// an A/B Test", 2010; Johari, Koomen, Pekelis & Walsh, "Peeking at A/B Tests", KDD
/// 2017, who give sequential tests as the way to read a test early).
pub fn verdict_at(analysis: &Analysis, progress: Option<&Progress>) -> Verdict {
    match analysis.verdict {
        Verdict::SampleRatioMismatch | Verdict::NotEnoughData => analysis.verdict,
        _ if !progress.is_some_and(|p| p.reached) => Verdict::NotConclusiveYet,
        v => v,
    }
}

/// How far `a` and `b` are from `required_per_variant` visitors each.
pub fn progress(a: Variant, b: Variant, required_per_variant: u64) -> Progress {
    let smaller = a.visitors.min(b.visitors);
    let fraction = if required_per_variant == 0 || smaller >= required_per_variant {
        1.0
    } else {
        smaller as f64 / required_per_variant as f64
    };
    Progress {
        required_per_variant,
        remaining_a: required_per_variant.saturating_sub(a.visitors),
        remaining_b: required_per_variant.saturating_sub(b.visitors),
        fraction,
        reached: smaller >= required_per_variant,
    }
}
