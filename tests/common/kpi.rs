//! Helpers shared by the KPI tests: decimals from text, dates, and the table of every
//! two-input KPI.

use chrono::NaiveDate;
use retorno::engine::kpi::{self, KpiError};
use rust_decimal::Decimal;
use std::str::FromStr;

pub fn d(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap()
}

pub fn date(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

/// A function of two inputs, named for failure messages.
pub type Kpi2 = (
    &'static str,
    fn(Decimal, Decimal) -> Result<Decimal, KpiError>,
);

/// [`kpi::churn_rate`] with the part first, like the other shares.
pub fn churn_lost_of(lost: Decimal, start: Decimal) -> Result<Decimal, KpiError> {
    kpi::churn_rate(start, lost)
}

/// Every two-input KPI whose both inputs are non-negative counts or amounts, with the
/// denominator second (churn takes it first, so it is wrapped).
pub const RATIOS: [Kpi2; 19] = [
    ("churn_rate", churn_lost_of),
    ("csat", kpi::csat),
    ("conversion_rate", kpi::conversion_rate),
    ("email_open_rate", kpi::email_open_rate),
    ("click_through_rate", kpi::click_through_rate),
    ("email_delivery_rate", kpi::email_delivery_rate),
    ("survey_response_rate", kpi::survey_response_rate),
    ("average_time_on_site", kpi::average_time_on_site),
    ("download_rate", kpi::download_rate),
    ("bad_record_share", kpi::bad_record_share),
    ("cac", kpi::cac),
    ("average_order_value", kpi::average_order_value),
    ("cpc", kpi::cpc),
    ("cpl", kpi::cpl),
    ("cpa", kpi::cpa),
    ("lead_response_time", kpi::lead_response_time),
    ("resolution_time", kpi::resolution_time),
    ("interactions_per_customer", kpi::interactions_per_customer),
    ("prediction_accuracy", kpi::prediction_accuracy),
];

/// The KPIs that are a part over its whole, in percent: they reject a part larger than
/// the whole and always land in 0..=100.
pub const SHARES: [Kpi2; 9] = [
    ("churn_rate", churn_lost_of),
    ("csat", kpi::csat),
    ("conversion_rate", kpi::conversion_rate),
    ("email_open_rate", kpi::email_open_rate),
    ("click_through_rate", kpi::click_through_rate),
    ("email_delivery_rate", kpi::email_delivery_rate),
    ("survey_response_rate", kpi::survey_response_rate),
    ("bad_record_share", kpi::bad_record_share),
    ("prediction_accuracy", kpi::prediction_accuracy),
];
