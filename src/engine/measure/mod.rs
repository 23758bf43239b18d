//! Measuring the CRM: KPIs of a baseline period against a current period, and what the
//! measured changes mean for the ROI model.
//!
//! The user enters raw figures ([`Measure`]: counts, amounts, hours) for each
//! [`Period`]; every [`Kpi`] is computed from them by the functions of [`kpi`](crate::engine::kpi), for both
//! periods, then compared ([`compare`]): absolute and relative change, and a
//! [`Verdict`] that knows which way is good for that KPI (churn down is better).
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

mod clv;
mod example;
mod feed;
mod figures;
mod kpis;
pub mod targets;

pub use clv::{ClvField, ClvInputs, ClvReport};
pub use feed::{apply, proposals, Proposal};
pub use figures::{KpiGroup, Measure, Values};
pub use kpis::{
    compare, find, reading, verdict, yearly_loss_pct, Comparison, Direction, Gap, Kpi, KpiUnit,
    PeriodDeals, Reading, Verdict,
};

use super::campaigns::Campaign;
use super::deals::{self, DateOrder};
use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// One period of measurement: its dates, its raw figures and its closed deals.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Period {
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
}

impl Period {
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

/// Everything measured in a scenario: two periods, the campaign table and the CLV
/// calculator.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Measurement {
    /// Before the CRM (or before a change).
    pub baseline: Period,
    /// Now.
    pub current: Period,
    /// Campaigns or channels.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub campaigns: Vec<Campaign>,
    /// The CLV calculator.
    pub clv: ClvInputs,
    /// How pasted dates whose year comes last are read; `None` until the first paste,
    /// which fixes it to the language of the moment, so a later change of language
    /// never re-reads the same text differently.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date_order: Option<DateOrder>,
}

impl Measurement {
    /// Whether nothing was entered (the default), so links and files can leave it out.
    pub fn is_empty(&self) -> bool {
        *self == Measurement::default()
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
