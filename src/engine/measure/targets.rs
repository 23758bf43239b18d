//! KPI targets: a value to reach, perhaps by a date, and where a KPI's measured value
//! stands against it. Also reachable as `engine::targets`: it lives under `measure`
//! because a [`Measurement`] stores its targets.
//!
//! Which side of a target is good comes from the KPI itself
//! ([`Kpi::direction`](crate::engine::measure::Kpi::direction)): a retention of 90 %
//! meets a target of 85 %, a churn of 6 % misses a target of 5 %. A KPI with no better
//! direction ([`Direction::Neutral`]) cannot be on or off a target.
//!
//! Definitions, for a current value `v` and a target `t`:
//!
//! - **on target**: `v ≥ t` when higher is better ([`Direction::Up`]), `v ≤ t` when lower
//!   is better ([`Direction::Down`]); reaching the target exactly counts;
//! - **gap**, when off target: how far `v` is from `t` on the bad side, always positive,
//!   in the KPI's unit: `t − v` (up) or `v − t` (down);
//! - **relative gap**: `gap ÷ |t| × 100`, in percent like every rate of
//!   [`kpi`] (the magnitude of
//!   [`kpi::relative_change`] from `t` to `v`); none
//!   for a target of zero;
//! - **overdue**: off target after the target's date (the date itself still counts as in
//!   time).
//!
//! Decimal arithmetic, checked: a gap too large for `Decimal` is
//! [`KpiError::Overflow`], never a panic.

use super::kpis::{Direction, Kpi};
use super::trend::Trend;
use super::{iso, parse_iso, Measurement};
use crate::engine::kpi::{self, KpiError};
use crate::engine::money;
use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A value a KPI should reach, in the KPI's unit (percent for a rate: 5 = 5 %).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Target {
    /// The value to reach.
    pub value: Decimal,
    /// The last day to reach it, if there is one.
    pub by: Option<NaiveDate>,
}

/// Where a KPI stands against its target.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    /// The KPI has no target.
    NoTarget,
    /// The KPI has no better direction ([`Direction::Neutral`]), so no side of a target
    /// is better: it is neither on nor off it.
    Undirected,
    /// The value is at the target or on its good side.
    OnTarget,
    /// The value is on the bad side of the target.
    OffTarget {
        /// How far from the target, in the KPI's unit, always positive.
        gap: Decimal,
        /// The gap as a percentage of the target's magnitude; `None` for a target of 0.
        gap_pct: Option<Decimal>,
        /// Whether the target's date has passed.
        overdue: bool,
    },
}

/// Where `current` stands against `target` for a KPI going `direction`, on `today`.
///
/// Errors: a gap (or its percentage) too large for `Decimal` → [`KpiError::Overflow`].
pub fn status(
    direction: Direction,
    current: Decimal,
    target: Option<Target>,
    today: NaiveDate,
) -> Result<Status, KpiError> {
    let Some(target) = target else {
        return Ok(Status::NoTarget);
    };
    let gap = match direction {
        Direction::Neutral => return Ok(Status::Undirected),
        Direction::Up => money::sub(target.value, current)?,
        Direction::Down => money::sub(current, target.value)?,
    };
    if gap <= Decimal::ZERO {
        return Ok(Status::OnTarget);
    }
    let gap_pct = match kpi::relative_change(target.value, current) {
        Ok(change) => Some(change.abs()),
        Err(KpiError::DivisionByZero) => None,
        Err(other) => return Err(other),
    };
    Ok(Status::OffTarget {
        gap,
        gap_pct,
        overdue: target.by.is_some_and(|by| today > by),
    })
}

/// [`status`] with the direction of `kpi`.
pub fn status_of(
    kpi: Kpi,
    current: Decimal,
    target: Option<Target>,
    today: NaiveDate,
) -> Result<Status, KpiError> {
    status(kpi.direction(), current, target, today)
}

// ---------------------------------------------------------------------------------------
// The targets a measurement stores

/// The targets of a measurement: at most one per KPI, kept in [`Kpi::ALL`] order.
///
/// Stored as a map from [`Kpi::key`] to `{"value": "5", "by": "2026-12-31"}` (`by`
/// left out when there is no date). Reading is strict: an unknown KPI, a value that is
/// not a number or a `by` that is not an ISO date is an error, not a silent default.
/// What values are allowed ([`Kpi::target_rule`]) is checked by the scenario's
/// validation, like every other number.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Targets(Vec<(Kpi, Target)>);

impl Targets {
    /// The target of `kpi`, if it has one.
    pub fn get(&self, kpi: Kpi) -> Option<Target> {
        self.0.iter().find(|(k, _)| *k == kpi).map(|&(_, t)| t)
    }

    /// Sets (or with `None` removes) the target of `kpi`.
    pub fn set(&mut self, kpi: Kpi, target: Option<Target>) {
        self.0.retain(|(k, _)| *k != kpi);
        if let Some(target) = target {
            self.0.push((kpi, target));
            let rank = |k: &Kpi| Kpi::ALL.iter().position(|x| x == k);
            self.0.sort_by_key(|(k, _)| rank(k));
        }
    }

    /// Every target, in [`Kpi::ALL`] order.
    pub fn iter(&self) -> impl Iterator<Item = (Kpi, Target)> + '_ {
        self.0.iter().copied()
    }

    /// Whether no KPI has a target.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Whether every target passes its KPI's [`Kpi::target_rule`] (so no KPI without
    /// a better direction has one).
    pub fn is_valid(&self) -> bool {
        self.0.iter().all(|(k, t)| {
            k.target_rule()
                .is_some_and(|rule| rule.check(t.value).is_ok())
        })
    }
}

/// A target as stored.
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Stored {
    value: Decimal,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    by: Option<String>,
}

impl Serialize for Targets {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = s.serialize_map(Some(self.0.len()))?;
        for (kpi, target) in &self.0 {
            let stored = Stored {
                value: target.value,
                by: target.by.map(iso),
            };
            map.serialize_entry(kpi.key(), &stored)?;
        }
        map.end()
    }
}

impl<'de> Deserialize<'de> for Targets {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        use serde::de::Error;
        let map = std::collections::BTreeMap::<String, Stored>::deserialize(d)?;
        let mut targets = Targets::default();
        for (key, stored) in map {
            let kpi = Kpi::from_key(&key)
                .ok_or_else(|| D::Error::custom(format_args!("unknown KPI {key:?}")))?;
            let by = match stored.by {
                None => None,
                Some(text) => Some(parse_iso(&text).ok_or_else(|| {
                    D::Error::custom(format_args!("the target date of {key} is not a date"))
                })?),
            };
            targets.set(
                kpi,
                Some(Target {
                    value: stored.value,
                    by,
                }),
            );
        }
        Ok(targets)
    }
}

// ---------------------------------------------------------------------------------------
// The scorecard

/// The latest reading of a KPI: the last period, in the measurement's order, that has
/// one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Latest {
    /// The period's position.
    pub period: usize,
    /// The KPI's value there.
    pub value: Decimal,
    /// The period's last day, the date the value is "as of"; `None` without one.
    pub date: Option<NaiveDate>,
}

/// One KPI on the scorecard: its target, its latest reading and where that stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Score {
    /// The KPI.
    pub kpi: Kpi,
    /// Its target, if it has one.
    pub target: Option<Target>,
    /// Its latest reading, if any period has one.
    pub latest: Option<Latest>,
    /// On target, off target (how far, whether overdue) or no target ([`status`]);
    /// `None` when it has a target but no period has a reading to judge;
    /// `Some(Err(_))` only when the gap is too large for `Decimal`.
    pub status: Option<Result<Status, KpiError>>,
}

/// Every KPI's standing against its target, from its latest reading in `trends`
/// ([`trend`](super::trend)), judged on `today` (for [`Status::OffTarget::overdue`]: a
/// target whose date has passed while still missed).
pub fn scorecard(m: &Measurement, trends: &[Trend], today: NaiveDate) -> Vec<Score> {
    Kpi::ALL
        .iter()
        .map(|&kpi| {
            let target = m.targets.get(kpi);
            let latest = trends
                .iter()
                .find(|t| t.kpi == kpi)
                .and_then(Trend::latest)
                .map(|(period, value)| Latest {
                    period,
                    value,
                    date: m.period(period).end,
                });
            let status = match (target, latest) {
                (None, _) => Some(Ok(Status::NoTarget)),
                (Some(_), None) => None,
                (Some(_), Some(l)) => Some(status_of(kpi, l.value, target, today)),
            };
            Score {
                kpi,
                target,
                latest,
                status,
            }
        })
        .collect()
}
