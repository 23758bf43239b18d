//! What a simulation shows: the spread of each figure, the histogram's marks, the S-curve
//! and the drivers' contributions (see the [module docs](super)).

use super::{quantile, Histogram};
use crate::engine::model::Field;

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
    pub(super) fn of(sorted: &[f64], in_order: &[f64]) -> Option<Spread> {
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
    /// NPV's histogram, [`HISTOGRAM_BINS`](super::HISTOGRAM_BINS) bins.
    pub histogram: Histogram,
    /// Where P10, P50, P90 and zero fall in the histogram.
    pub marks: Marks,
    /// NPV's S-curve (empirical CDF), [`S_CURVE_POINTS`](super::S_CURVE_POINTS) points.
    pub s_curve: Vec<CurvePoint>,
    /// Ranged drivers with their rank correlation to NPV, largest |ρ| first (drivers
    /// whose range is one value, or when NPV never varies, are left out).
    pub contributions: Vec<Contribution>,
}
