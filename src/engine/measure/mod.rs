//! Measuring the CRM over time: KPIs of a baseline period and of the periods after it
//! (pilot, rollout, quarters…), and what the measured changes mean for the ROI model.
//!
//! Article 002 (`002_4213d2cbc9ea00e9.txt`) quotes Gartner: measure costs and benefits
//! before investing, then again during pilots, rollouts and the whole life of the CRM.
//! So a [`Measurement`] holds any number of [`Period`]s in order ([`MIN_PERIODS`] to
//! [`MAX_PERIODS`]), the first being the baseline.
//!
//! The user enters raw figures ([`Measure`]: counts, amounts, hours) for each
//! [`Period`]; every [`Kpi`] is computed from them by the functions of
//! [`kpi`](crate::engine::kpi), for each period, then compared ([`compare`], the first
//! period against the last): absolute and relative change, and a [`Verdict`] that knows
//! which way is good for that KPI (churn down is better).
//!
//! A figure left blank is "not measured": the KPIs that need it show
//! [`Gap::NotEntered`], not an error. Figures that contradict each other (more customers
//! kept than there were) give [`Gap::Invalid`] with the [`KpiError`](crate::engine::kpi::KpiError).
//!
//! Period rates are rates *of the period*. Two places need yearly rates and convert
//! them when both dates of a period are known ([`Period::days`]): the customer lifetime
//! value of a period and the churn sent to the ROI model ([`proposals`]) use
//! `yearly churn = 1 − (1 − period churn)^(365 ÷ days)` (retention compounds); without
//! dates, the period is taken to be a year.

pub mod ab;
mod clv;
mod costs;
mod example;
mod feed;
mod figures;
mod kpis;
pub mod paste;
pub mod targets;
mod trend;

pub use ab::{with_lift, AbField, AbTest, LiftError};
pub use clv::{ClvField, ClvInputs, ClvReport};
pub use costs::{
    realised, ActualCosts, LineVariance, PeriodRealisation, Realisation, Realised, RealisedError,
    Skipped,
};
pub use example::ExampleNames;
pub use feed::{apply, proposals, proposals_between, Proposal};
pub use figures::{KpiGroup, Measure, Values};
pub use kpis::{
    compare, compare_periods, find, reading, verdict, yearly_loss_pct, Comparison, Direction, Gap,
    Kpi, KpiUnit, PeriodDeals, Reading, Verdict,
};
pub use paste::{
    column_of, merge_pasted, parse_number, parse_periods, Column, Layout, PasteProblem, PasteRow,
    PeriodsParse, HEADER_WORDS,
};
pub use targets::{scorecard, Latest, Score, Status, Target, Targets};
pub use trend::{pastes_of, trend, Change, Step, Trend};

use super::campaigns::Campaign;
use super::deals::{self, DateOrder};
use crate::units::MAX_DEALS_CHARS;
use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// The fewest periods a measurement has: a baseline and one more.
pub const MIN_PERIODS: usize = 2;

/// The most periods a measurement may have: two years of months, six of quarters.
pub const MAX_PERIODS: usize = 24;

/// Longest total of deals and leads pastes over all periods, in characters: what two
/// periods of two full pastes each hold, so more periods never make a link or a stored
/// scenario longer than two full periods did.
pub const MAX_PASTES_CHARS: usize = 4 * MAX_DEALS_CHARS;

/// One period of measurement: its name, dates, raw figures, closed deals and leads, and
/// what the CRM actually cost in it.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Period {
    /// The name the user gave it ("Pilot", "Q1 2026"); empty for none, and then the
    /// interface shows a default in the user's language (see [`PeriodLabel`]).
    #[serde(skip_serializing_if = "String::is_empty")]
    pub name: String,
    /// First day (ISO `YYYY-MM-DD` when stored).
    #[serde(with = "iso_date", skip_serializing_if = "Option::is_none")]
    pub start: Option<NaiveDate>,
    /// Last day, included.
    #[serde(with = "iso_date", skip_serializing_if = "Option::is_none")]
    pub end: Option<NaiveDate>,
    /// The raw figures.
    pub values: Values,
    /// Deals closed in the period, pasted as rows of (created, closed); see [`deals`].
    #[serde(skip_serializing_if = "String::is_empty")]
    pub deals: String,
    /// Leads of the period, pasted as rows of (created, first response) date-times; see
    /// [`speed`](crate::engine::speed).
    #[serde(skip_serializing_if = "String::is_empty")]
    pub leads: String,
    /// What the CRM actually cost in the period, by the ROI model's cost lines.
    #[serde(skip_serializing_if = "ActualCosts::is_empty")]
    pub costs: ActualCosts,
}

/// What the accessors give for a period that is not there.
static NO_PERIOD: Period = Period::EMPTY;

impl Period {
    /// Nothing entered (the default), as a constant.
    pub const EMPTY: Period = Period {
        name: String::new(),
        start: None,
        end: None,
        values: Values::EMPTY,
        deals: String::new(),
        leads: String::new(),
        costs: ActualCosts::EMPTY,
    };

    /// Length in days, both ends included; `None` without both dates or when the end is
    /// before the start.
    pub fn days(&self) -> Option<i64> {
        let (start, end) = (self.start?, self.end?);
        let span = i64::from(end.num_days_from_ce()) - i64::from(start.num_days_from_ce());
        (span >= 0).then_some(span + 1)
    }

    /// Whether the end date is before the start date.
    pub fn dates_reversed(&self) -> bool {
        matches!((self.start, self.end), (Some(s), Some(e)) if e < s)
    }
}

/// How the interface names a period: its own name, or a default it words in the user's
/// language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PeriodLabel<'a> {
    /// The name the user gave it, trimmed.
    Named(&'a str),
    /// An unnamed first period: "Baseline".
    Baseline,
    /// The unnamed second of exactly two periods: "Current" (as before there were more).
    Current,
    /// Any other unnamed period: "Period N", N its position from 1.
    Numbered(usize),
}

/// Why a change to the list of periods was refused (nothing changed).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PeriodsError {
    /// It would leave fewer than [`MIN_PERIODS`].
    TooFew,
    /// It would make more than [`MAX_PERIODS`].
    TooMany,
    /// No period at that position.
    NoSuchPeriod,
}

/// Everything measured in a scenario: the periods in order (the first is the baseline),
/// the KPIs' targets, the campaign table, the CLV calculator and the A/B test.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Measurement {
    /// The periods, in the user's order: the first is the baseline (before the CRM, or
    /// before a change), then pilot, rollout, quarters… Always [`MIN_PERIODS`] to
    /// [`MAX_PERIODS`] once validated.
    pub periods: Vec<Period>,
    /// A target per KPI, for the scorecard.
    #[serde(skip_serializing_if = "Targets::is_empty")]
    pub targets: Targets,
    /// The day the ROI plan's year 0 and year 1 start, to set actual costs against the
    /// plan for the same months ([`realised`]); `None` for the start of the second
    /// period.
    #[serde(with = "iso_date", skip_serializing_if = "Option::is_none")]
    pub plan_start: Option<NaiveDate>,
    /// Campaigns or channels.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub campaigns: Vec<Campaign>,
    /// The CLV calculator.
    pub clv: ClvInputs,
    /// The A/B test.
    #[serde(skip_serializing_if = "AbTest::is_empty")]
    pub ab: AbTest,
    /// How pasted dates whose year comes last are read; `None` until the first paste,
    /// which fixes it to the language of the moment, so a later change of language
    /// never re-reads the same text differently.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date_order: Option<DateOrder>,
}

impl Default for Measurement {
    /// Two empty periods, nothing else.
    fn default() -> Self {
        Measurement {
            periods: vec![Period::default(); MIN_PERIODS],
            targets: Targets::default(),
            plan_start: None,
            campaigns: Vec::new(),
            clv: ClvInputs::default(),
            ab: AbTest::default(),
            date_order: None,
        }
    }
}

impl Measurement {
    /// Whether nothing was entered (the default), so links and files can leave it out.
    pub fn is_empty(&self) -> bool {
        *self == Measurement::default()
    }

    /// Measurements of exactly these two periods, the rest default.
    pub fn of_two(baseline: Period, current: Period) -> Self {
        Measurement {
            periods: vec![baseline, current],
            ..Measurement::default()
        }
    }

    /// The first period, the baseline (an empty one if there are none: only unvalidated
    /// data can have none).
    pub fn baseline(&self) -> &Period {
        self.periods.first().unwrap_or(&NO_PERIOD)
    }

    /// The last period, the one compared with the baseline (an empty one if there are
    /// none).
    pub fn current(&self) -> &Period {
        self.periods.last().unwrap_or(&NO_PERIOD)
    }

    /// The period at `index`, or an empty one beyond the list.
    pub fn period(&self, index: usize) -> &Period {
        self.periods.get(index).unwrap_or(&NO_PERIOD)
    }

    /// The period at `index`, to edit; `None` beyond the list.
    pub fn period_mut(&mut self, index: usize) -> Option<&mut Period> {
        self.periods.get_mut(index)
    }

    /// The position of the last period (what [`Measurement::current`] is).
    pub fn last_index(&self) -> usize {
        self.periods.len().saturating_sub(1)
    }

    /// How the interface names the period at `index` (see [`PeriodLabel`]).
    pub fn label(&self, index: usize) -> PeriodLabel<'_> {
        let name = self.period(index).name.trim();
        if !name.is_empty() {
            PeriodLabel::Named(name)
        } else if index == 0 {
            PeriodLabel::Baseline
        } else if index == 1 && self.periods.len() == MIN_PERIODS {
            PeriodLabel::Current
        } else {
            PeriodLabel::Numbered(index.saturating_add(1))
        }
    }

    /// Inserts `period` at `index` (at the end when `index` is the count).
    pub fn insert_period(&mut self, index: usize, period: Period) -> Result<(), PeriodsError> {
        if self.periods.len() >= MAX_PERIODS {
            return Err(PeriodsError::TooMany);
        }
        if index > self.periods.len() {
            return Err(PeriodsError::NoSuchPeriod);
        }
        self.periods.insert(index, period);
        Ok(())
    }

    /// Removes the period at `index` and gives it back (for an undo).
    pub fn remove_period(&mut self, index: usize) -> Result<Period, PeriodsError> {
        if index >= self.periods.len() {
            return Err(PeriodsError::NoSuchPeriod);
        }
        if self.periods.len() <= MIN_PERIODS {
            return Err(PeriodsError::TooFew);
        }
        Ok(self.periods.remove(index))
    }

    /// Moves the period at `from` to position `to`, the others keeping their order
    /// (moving one to position 0 makes it the baseline).
    pub fn move_period(&mut self, from: usize, to: usize) -> Result<(), PeriodsError> {
        if from >= self.periods.len() || to >= self.periods.len() {
            return Err(PeriodsError::NoSuchPeriod);
        }
        let period = self.periods.remove(from);
        self.periods.insert(to, period);
        Ok(())
    }

    /// Renames the period at `index` (an empty name brings back the default label).
    pub fn rename_period(&mut self, index: usize, name: &str) -> Result<(), PeriodsError> {
        let period = self.period_mut(index).ok_or(PeriodsError::NoSuchPeriod)?;
        period.name = name.to_string();
        Ok(())
    }

    /// The positions of the periods that start on or before the day the period before
    /// them ends (both dated): their shared days would count twice in the actual costs
    /// and the realised figures ([`realised`]).
    pub fn overlaps(&self) -> Vec<usize> {
        self.periods
            .windows(2)
            .enumerate()
            .filter_map(|(k, pair)| match (pair[0].end, pair[1].start) {
                (Some(end), Some(start)) if start <= end => Some(k + 1),
                _ => None,
            })
            .collect()
    }

    /// Replaces every period, e.g. with pasted ones ([`parse_periods`]); fewer than
    /// [`MIN_PERIODS`] are followed by empty ones.
    pub fn replace_periods(&mut self, mut periods: Vec<Period>) -> Result<(), PeriodsError> {
        if periods.len() > MAX_PERIODS {
            return Err(PeriodsError::TooMany);
        }
        if periods.len() < MIN_PERIODS {
            periods.resize_with(MIN_PERIODS, Period::default);
        }
        self.periods = periods;
        Ok(())
    }
}

// ---------------------------------------------------------------------------------------
// Dates as ISO text

/// `Option<NaiveDate>` as `"YYYY-MM-DD"`, read with [`deals::parse_date`] (so chrono's
/// text parser stays out of the wasm bundle). Anything else reads as no date.
mod iso_date {
    use super::*;

    pub fn serialize<S: Serializer>(date: &Option<NaiveDate>, s: S) -> Result<S::Ok, S::Error> {
        match date {
            Some(d) => s.serialize_str(&super::iso(*d)),
            None => s.serialize_none(),
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<NaiveDate>, D::Error> {
        let text: Option<String> = Option::deserialize(d)?;
        Ok(text.and_then(|t| super::parse_iso(&t)))
    }
}

/// A strict ISO date `YYYY-MM-DD` (what `<input type="date">` gives).
pub fn parse_iso(text: &str) -> Option<NaiveDate> {
    let b = text.as_bytes();
    let digits =
        |r: std::ops::Range<usize>| b.get(r).is_some_and(|s| s.iter().all(u8::is_ascii_digit));
    let shape = b.len() == 10 && b.get(4) == Some(&b'-') && b.get(7) == Some(&b'-');
    if !(shape && digits(0..4) && digits(5..7) && digits(8..10)) {
        return None;
    }
    deals::parse_date(text, DateOrder::DayFirst)
}

/// `date` as ISO `YYYY-MM-DD`.
pub fn iso(date: NaiveDate) -> String {
    format!("{:04}-{:02}-{:02}", date.year(), date.month(), date.day())
}
