//! The two hand-worked measurement periods and helpers shared by the measurement tests.
//!
//! Where expected values come from:
//! - every KPI of the two fixture periods is worked out by hand in the comments next to
//!   it (the formulas are those of the module docs of `src/engine/kpi.rs`);
//! - values involving `1 − (1 − c)^(365 ÷ days)` were computed with Python's `decimal`
//!   module at 50 significant digits (the snippet is quoted where it is used);
//! - ranges come from the rules of `src/engine/model/inputs.rs` and
//!   `src/engine/measure/`, and the limits from `src/units.rs`.

use chrono::NaiveDate;
use retorno::engine::deals::DateOrder;
use retorno::engine::measure::{
    compare, reading, ClvInputs, Comparison, Gap, Kpi, Measure, Measurement, Period, PeriodDeals,
    Values,
};
use retorno::scenario::{validate_measurement, MeasurementError};
use rust_decimal::Decimal;
use std::str::FromStr;

// ---------------------------------------------------------------------------------------
// Helpers

pub fn d(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap_or_else(|e| panic!("bad decimal {s:?}: {e}"))
}

pub fn date(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).expect("valid date")
}

/// `|a − b| ≤ tolerance`.
pub fn close(a: Decimal, b: Decimal, tolerance: &str) -> bool {
    (a - b).abs() <= d(tolerance)
}

pub fn values(pairs: &[(Measure, &str)]) -> Values {
    let mut v = Values::default();
    for &(m, text) in pairs {
        m.set(&mut v, Some(d(text)));
    }
    v
}

pub fn period(pairs: &[(Measure, &str)]) -> Period {
    Period {
        values: values(pairs),
        ..Period::default()
    }
}

use Measure as M;

/// Baseline deals: a header, then four ISO rows separated by tabs.
/// Days: 01-02 → 01-12 = 10; 01-05 → 02-04 = 26 + 4 = 30; 02-10 → 02-24 = 14;
/// 2025-02-28 → 03-02 = 2 (2025 is not a leap year). Sorted 2, 10, 14, 30:
/// mean 56 ÷ 4 = 14, median (10 + 14) ÷ 2 = 12.
pub const BASELINE_DEALS: &str = "Created\tClosed\n\
    2025-01-02\t2025-01-12\n\
    2025-01-05\t2025-02-04\n\
    2025-02-10\t2025-02-24\n\
    2025-02-28\t2025-03-02\n";

/// Current deals: a name column before the two dates, semicolons.
/// Days: 04-01 → 04-05 = 4; 04-28 → 05-06 = 2 + 6 = 8; 06-25 → 07-04 = 5 + 4 = 9.
/// Mean 21 ÷ 3 = 7, median 8.
pub const CURRENT_DEALS: &str = "Deal;Created;Closed\n\
    Acme;2025-04-01;2025-04-05\n\
    Beta;2025-04-28;2025-05-06\n\
    Gamma;2025-06-25;2025-07-04\n";

/// Baseline leads, tab-separated with a header: responses after 3 min (09:00 → 09:03),
/// 62 min (10:00 → 11:02), 5 min exactly (12:00:00 → 12:05:00, which counts) and none.
/// Within five minutes: 2 of 4 = 50 %.
pub const BASELINE_LEADS: &str = "Created\tFirst response\n\
    2025-01-06 09:00\t2025-01-06 09:03\n\
    2025-01-06 10:00\t2025-01-06 11:02\n\
    2025-01-07 12:00:00\t2025-01-07 12:05:00\n\
    2025-01-08 16:30\t\n";

/// Current leads: 1, 2 and 4 minutes, and 5 min 1 s (not within): 3 of 4 = 75 %.
pub const CURRENT_LEADS: &str = "2025-04-01 09:00\t2025-04-01 09:01\n\
    2025-04-01 10:00\t2025-04-01 10:02\n\
    2025-04-02 11:00\t2025-04-02 11:04\n\
    2025-04-02 15:00:00\t2025-04-02 15:05:01\n";

/// The baseline: Q1 2025, 2025-01-01 to 2025-03-31 = 31 + 28 + 31 = 90 days.
pub fn baseline() -> Period {
    Period {
        start: Some(date(2025, 1, 1)),
        end: Some(date(2025, 3, 31)),
        deals: BASELINE_DEALS.into(),
        leads: BASELINE_LEADS.into(),
        ..period(&[
            (M::CustomersStart, "1000"),
            (M::CustomersEnd, "950"),
            (M::CustomersNew, "100"),
            (M::Complaints, "40"),
            (M::SurveysSent, "500"),
            (M::SurveyResponses, "200"),
            (M::Satisfied, "150"),
            (M::Promoters, "80"),
            (M::Passives, "70"),
            (M::Detractors, "50"),
            (M::Revenue, "250000"),
            (M::Orders, "500"),
            (M::MarginPerCustomer, "960"),
            (M::Leads, "1000"),
            (M::WonDeals, "125"),
            (M::EmailsSent, "10000"),
            (M::EmailsDelivered, "9500"),
            (M::EmailsOpened, "1900"),
            (M::EmailsClicked, "380"),
            (M::Visits, "4000"),
            (M::MinutesOnSite, "10000"),
            (M::Downloads, "200"),
            (M::Records, "2000"),
            (M::BadRecords, "300"),
            (M::MarketingSpend, "50000"),
            (M::AdClicks, "20000"),
            (M::MarketingProfit, "80000"),
            (M::ResponseHours, "6000"),
            (M::Tickets, "800"),
            (M::ResolutionHours, "9600"),
            (M::Interactions, "4750"),
            (M::Predictions, "400"),
            (M::CorrectPredictions, "300"),
        ])
    }
}

/// The current period, without dates (so taken to be a year).
pub fn current() -> Period {
    Period {
        deals: CURRENT_DEALS.into(),
        leads: CURRENT_LEADS.into(),
        ..period(&[
            (M::CustomersStart, "1000"),
            (M::CustomersEnd, "1020"),
            (M::CustomersNew, "120"),
            (M::Complaints, "44"),
            (M::SurveysSent, "500"),
            (M::SurveyResponses, "250"),
            (M::Satisfied, "200"),
            (M::Promoters, "120"),
            (M::Passives, "50"),
            (M::Detractors, "30"),
            (M::Revenue, "270000"),
            (M::Orders, "500"),
            (M::MarginPerCustomer, "960"),
            (M::Leads, "1200"),
            (M::WonDeals, "180"),
            (M::EmailsSent, "10000"),
            (M::EmailsDelivered, "9800"),
            (M::EmailsOpened, "2450"),
            (M::EmailsClicked, "490"),
            (M::Visits, "5000"),
            (M::MinutesOnSite, "10000"),
            (M::Downloads, "400"),
            (M::Records, "2000"),
            (M::BadRecords, "100"),
            (M::MarketingSpend, "54000"),
            (M::AdClicks, "20000"),
            (M::MarketingProfit, "108000"),
            (M::ResponseHours, "3600"),
            (M::Tickets, "1000"),
            (M::ResolutionHours, "8000"),
            (M::Interactions, "6120"),
            (M::Predictions, "600"),
            (M::CorrectPredictions, "450"),
        ])
    }
}

/// The fixture: both periods, no campaigns, the default CLV calculator (discount 10 %).
pub fn fixture() -> Measurement {
    Measurement::of_two(baseline(), current())
}

/// Baseline CLV: 90-day churn 15 % made yearly, rounded to 4 decimals (as the code does
/// in f64), then `960 ÷ (1.1 − r) − 500` with CAC 50,000 ÷ 100 = 500 (the first year
/// counted, issue 11). Python:
///
/// ```text
/// getcontext().prec = 50
/// y = (1 - (Decimal('0.85').ln() * 365 / 90).exp()) * 100  # 48.268564236426854607…
/// r = (100 - y.quantize(Decimal('0.0001'))) / 100           # 0.517314
/// 960 / (1 + Decimal('0.1') - r) - 500                      # 1147.5425872596904679364…
/// ```
///
/// The 5th decimal of y (6…) is far from a rounding boundary, so f64 rounds it the same.
pub const BASELINE_YEARLY_CHURN: &str = "48.2686";
pub const BASELINE_CLV: &str = "1147.542587259690467936418586";

/// Every KPI of the fixture, baseline and current, by hand. The CLV is checked
/// separately (within a tolerance: see [`BASELINE_CLV`]).
pub const EXPECTED: [(Kpi, &str, &str); 25] = [
    // (950 − 100) ÷ 1000 = 85 %; (1020 − 120) ÷ 1000 = 90 %.
    (Kpi::Retention, "85", "90"),
    // lost 1000 − 850 = 150 → 15 %; lost 1000 − 900 = 100 → 10 %.
    (Kpi::Churn, "15", "10"),
    (Kpi::Complaints, "40", "44"),
    // 150 ÷ 200 = 75 %; 200 ÷ 250 = 80 %.
    (Kpi::Csat, "75", "80"),
    // (80 − 50) ÷ 200 = 15; (120 − 30) ÷ 200 = 45.
    (Kpi::Nps, "15", "45"),
    // 200 ÷ 500 = 40 %; 250 ÷ 500 = 50 %.
    (Kpi::SurveyResponse, "40", "50"),
    // 250,000 ÷ 500 = 500; 270,000 ÷ 500 = 540.
    (Kpi::OrderValue, "500", "540"),
    // 125 ÷ 1000 = 12.5 %; 180 ÷ 1200 = 15 %.
    (Kpi::Conversion, "12.5", "15"),
    // Means of the pasted deals (see BASELINE_DEALS, CURRENT_DEALS).
    (Kpi::SalesCycle, "14", "7"),
    // Shares of the pasted leads answered within 5 minutes (BASELINE_LEADS, CURRENT_LEADS).
    (Kpi::SpeedToLead, "50", "75"),
    // 1900 ÷ 9500 = 20 %; 2450 ÷ 9800 = 25 %.
    (Kpi::OpenRate, "20", "25"),
    // 380 ÷ 9500 = 4 %; 490 ÷ 9800 = 5 %.
    (Kpi::ClickRate, "4", "5"),
    // 10,000 ÷ 4000 = 2.5; 10,000 ÷ 5000 = 2 minutes.
    (Kpi::TimeOnSite, "2.5", "2"),
    // 200 ÷ 4000 = 5 %; 400 ÷ 5000 = 8 %.
    (Kpi::Downloads, "5", "8"),
    // 300 ÷ 2000 = 15 %; 100 ÷ 2000 = 5 %.
    (Kpi::BadRecords, "15", "5"),
    // 9500 ÷ 10,000 = 95 %; 9800 ÷ 10,000 = 98 %.
    (Kpi::Delivery, "95", "98"),
    // 50,000 ÷ 100 = 500; 54,000 ÷ 120 = 450.
    (Kpi::Cac, "500", "450"),
    // (80,000 − 50,000) ÷ 50,000 = 60 %; (108,000 − 54,000) ÷ 54,000 = 100 %.
    (Kpi::Romi, "60", "100"),
    // 50,000 ÷ 20,000 = 2.5; 54,000 ÷ 20,000 = 2.7.
    (Kpi::Cpc, "2.5", "2.7"),
    // 50,000 ÷ 1000 = 50; 54,000 ÷ 1200 = 45.
    (Kpi::Cpl, "50", "45"),
    // 50,000 ÷ 125 = 400; 54,000 ÷ 180 = 300.
    (Kpi::Cpa, "400", "300"),
    // 6000 ÷ 1000 = 6; 3600 ÷ 1200 = 3 hours.
    (Kpi::LeadResponse, "6", "3"),
    // 9600 ÷ 800 = 12; 8000 ÷ 1000 = 8 hours.
    (Kpi::Resolution, "12", "8"),
    // 4750 ÷ 950 = 5; 6120 ÷ 1020 = 6.
    (Kpi::Interactions, "5", "6"),
    // 300 ÷ 400 = 75 %; 450 ÷ 600 = 75 %.
    (Kpi::AiAccuracy, "75", "75"),
];

/// A period's reading of `k` with its own pasted deals and leads (day-first order).
pub fn read(k: Kpi, p: &Period) -> Result<Decimal, Gap> {
    let pastes = PeriodDeals::of(p, DateOrder::DayFirst);
    reading(k, p, &pastes, ClvInputs::default().discount_pct)
}

pub fn compare_all(m: &Measurement) -> Vec<Comparison> {
    let b = PeriodDeals::of(&m.periods[0], DateOrder::DayFirst);
    let c = PeriodDeals::of(&m.periods[1], DateOrder::DayFirst);
    compare(m, &b, &c)
}

pub fn comparison(all: &[Comparison], k: Kpi) -> Comparison {
    *all.iter()
        .find(|c| c.kpi == k)
        .unwrap_or_else(|| panic!("no comparison for {k:?}"))
}

/// `m.validate()` for measurements, as the scenario's validation checks them
/// ([`validate_measurement`]).
pub trait Validate {
    /// [`validate_measurement`] of `self`.
    fn validate(&self) -> Result<(), MeasurementError>;
}

impl Validate for Measurement {
    fn validate(&self) -> Result<(), MeasurementError> {
        validate_measurement(self)
    }
}

/// `inputs` with a yearly cost to serve.
pub fn serving(mut inputs: ClvInputs, serve_cost_per_year: &str) -> ClvInputs {
    inputs.serve_cost_per_year = d(serve_cost_per_year);
    inputs
}

/// CLV calculator inputs from decimal strings, without a cost to serve.
pub fn clv(margin: &str, retention: &str, discount: &str, acquisition: &str) -> ClvInputs {
    ClvInputs {
        margin_per_year: d(margin),
        retention_pct: d(retention),
        discount_pct: d(discount),
        acquisition_cost: d(acquisition),
        serve_cost_per_year: Decimal::ZERO,
    }
}
