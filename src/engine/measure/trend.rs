//! Each KPI across every period ([`trend`]): its reading in each, and its change against
//! the baseline and against the period before.
//!
//! Article 002 (`002_4213d2cbc9ea00e9.txt`, quoting Gartner) asks to measure before the
//! CRM, then again during pilots, rollouts and its whole life; article 000
//! (`000_b0a75f39cabff817.txt`) to set goals and follow progress over time. A trend
//! answers both: where each KPI started, where it went at each step, and whether that
//! was better or worse for that KPI ([`Verdict`], by its [`Direction`](super::Direction)).
//!
//! Changes, from a value `a` to a later value `b`, are those of [`compare`](super::compare):
//! absolute `b − a`, relative `(b − a) ÷ |a| × 100` (none from zero), unrounded.
//!
//! - **Against the baseline**: from the first period's reading. None for the baseline
//!   itself, and none at all when the baseline has no reading.
//! - **Against the previous period**: from the nearest earlier period that has a
//!   reading ([`Change::from`] says which), so a period left blank in between does not
//!   break the line. None for the first period that has a reading.

use super::kpis::{reading, verdict, Kpi, PeriodDeals, Reading, Verdict};
use super::Measurement;
use crate::engine::deals::DateOrder;
use crate::engine::kpi;
use rust_decimal::Decimal;

/// A change of a KPI from an earlier period.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Change {
    /// The position of the earlier period.
    pub from: usize,
    /// `later − earlier`.
    pub absolute: Decimal,
    /// `(later − earlier) ÷ |earlier| × 100`; `None` from zero.
    pub relative: Option<Decimal>,
    /// Good or bad for the KPI.
    pub verdict: Verdict,
}

/// A KPI in one period of a [`Trend`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Step {
    /// Its value in the period, or why there is none.
    pub reading: Reading,
    /// Its change from the baseline (first period).
    pub vs_baseline: Option<Change>,
    /// Its change from the nearest earlier period with a reading.
    pub vs_previous: Option<Change>,
}

/// One KPI across every period, in order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Trend {
    /// The KPI.
    pub kpi: Kpi,
    /// One step per period, in the measurement's order.
    pub steps: Vec<Step>,
}

impl Trend {
    /// The last period that has a reading: its position and value.
    pub fn latest(&self) -> Option<(usize, Decimal)> {
        self.steps
            .iter()
            .enumerate()
            .rev()
            .find_map(|(k, s)| Some((k, s.reading.ok()?)))
    }
}

/// Every period's pasted deals and leads, parsed in `order`, in the measurement's order:
/// what [`trend`] and the scorecard read.
pub fn pastes_of(m: &Measurement, order: DateOrder) -> Vec<PeriodDeals> {
    m.periods
        .iter()
        .map(|p| PeriodDeals::of(p, order))
        .collect()
}

/// The change from `a` (at position `from`) to `b` for a KPI; `None` when the absolute
/// change overflows.
fn change(k: Kpi, from: usize, a: Decimal, b: Decimal) -> Option<Change> {
    Some(Change {
        from,
        absolute: kpi::absolute_change(a, b).ok()?,
        relative: kpi::relative_change(a, b).ok(),
        verdict: verdict(k.direction(), a, b),
    })
}

/// Every KPI across every period (see the module docs). `pastes` are the periods'
/// parsed pastes, in order ([`pastes_of`], which the interface keeps in memos); those of
/// a period past the end of `pastes` are parsed here, in the measurement's date order
/// (day first until one was fixed).
pub fn trend(m: &Measurement, pastes: &[PeriodDeals]) -> Vec<Trend> {
    let discount = m.clv.discount_pct;
    let order = m.date_order.unwrap_or_default();
    let missing: Vec<PeriodDeals> = m
        .periods
        .iter()
        .skip(pastes.len())
        .map(|p| PeriodDeals::of(p, order))
        .collect();
    let pastes_at = |i: usize| {
        pastes
            .get(i)
            .or_else(|| i.checked_sub(pastes.len()).and_then(|j| missing.get(j)))
    };
    let none = PeriodDeals::read("", "", order);
    Kpi::ALL
        .iter()
        .map(|&k| {
            let readings: Vec<Reading> = m
                .periods
                .iter()
                .enumerate()
                .map(|(i, p)| reading(k, p, pastes_at(i).unwrap_or(&none), discount))
                .collect();
            let base = readings.first().and_then(|r| r.ok());
            let mut previous: Option<(usize, Decimal)> = None;
            let steps = readings
                .iter()
                .enumerate()
                .map(|(i, &r)| {
                    let value = r.ok();
                    let vs = |earlier: Option<(usize, Decimal)>| {
                        let (from, a) = earlier?;
                        change(k, from, a, value?)
                    };
                    let step = Step {
                        reading: r,
                        vs_baseline: if i == 0 {
                            None
                        } else {
                            vs(base.map(|b| (0, b)))
                        },
                        vs_previous: vs(previous),
                    };
                    if let Some(v) = value {
                        previous = Some((i, v));
                    }
                    step
                })
                .collect();
            Trend { kpi: k, steps }
        })
        .collect()
}
