//! The KPI formulas on examples worked out by hand, their error cases, and properties
//! over random inputs (proptest): nothing panics, rates stay in range, and retention +
//! churn = 100 when no customer is new.

use chrono::NaiveDate;
mod common;

use common::non_negative;
use proptest::prelude::*;
use retorno::engine::kpi::{self, CycleStats, KpiError};
use rust_decimal::Decimal;
use std::str::FromStr;

fn d(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap()
}

fn date(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

/// A function of two inputs, named for failure messages.
type Kpi2 = (
    &'static str,
    fn(Decimal, Decimal) -> Result<Decimal, KpiError>,
);

/// [`kpi::churn_rate`] with the part first, like the other shares.
fn churn_lost_of(lost: Decimal, start: Decimal) -> Result<Decimal, KpiError> {
    kpi::churn_rate(start, lost)
}

/// [`kpi::complaint_change`] with the denominator (complaints before) second.
fn complaints_after_of(after: Decimal, before: Decimal) -> Result<Decimal, KpiError> {
    kpi::complaint_change(before, after)
}

/// Every two-input KPI whose both inputs are non-negative counts or amounts, with the
/// denominator second (churn and complaint change take it first, so they are wrapped).
const RATIOS: [Kpi2; 20] = [
    ("churn_rate", churn_lost_of),
    ("csat", kpi::csat),
    ("complaint_change", complaints_after_of),
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
const SHARES: [Kpi2; 9] = [
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

// ---------------------------------------------------------------------------------------
// Shared error behaviour
// ---------------------------------------------------------------------------------------

#[test]
fn every_ratio_rejects_a_zero_denominator_and_negative_inputs() {
    for (name, f) in RATIOS {
        assert_eq!(
            f(d("1"), d("0")),
            Err(KpiError::DivisionByZero),
            "{name}: 1 / 0"
        );
        assert_eq!(
            f(d("0"), d("0")),
            Err(KpiError::DivisionByZero),
            "{name}: 0 / 0"
        );
        assert_eq!(
            f(d("-1"), d("10")),
            Err(KpiError::Negative),
            "{name}: -1 / 10"
        );
        assert_eq!(
            f(d("1"), d("-10")),
            Err(KpiError::Negative),
            "{name}: 1 / -10"
        );
        // A negative input is reported before the zero denominator.
        assert_eq!(
            f(d("-1"), d("0")),
            Err(KpiError::Negative),
            "{name}: -1 / 0"
        );
    }
}

#[test]
fn every_share_rejects_a_part_larger_than_its_whole() {
    for (name, f) in SHARES {
        // 1000 of 1000 = 100 %, the whole is allowed; 1001 of 1000 is not.
        assert_eq!(f(d("1000"), d("1000")), Ok(d("100")), "{name}: 1000 / 1000");
        assert_eq!(f(d("0"), d("1000")), Ok(d("0")), "{name}: 0 / 1000");
        assert_eq!(
            f(d("1001"), d("1000")),
            Err(KpiError::Inconsistent),
            "{name}: 1001 / 1000"
        );
    }
}

#[test]
fn errors_display_in_short_english() {
    for e in [
        KpiError::DivisionByZero,
        KpiError::Negative,
        KpiError::EndBeforeStart,
        KpiError::Inconsistent,
        KpiError::Empty,
        KpiError::Overflow,
    ] {
        let text = e.to_string();
        assert!(!text.is_empty() && text.len() < 40, "{e:?}: {text:?}");
    }
    assert_eq!(KpiError::DivisionByZero.to_string(), "division by zero");
}

#[test]
fn money_overflow_becomes_a_kpi_overflow() {
    assert_eq!(
        KpiError::from(retorno::engine::money::Overflow),
        KpiError::Overflow
    );
}

// ---------------------------------------------------------------------------------------
// Customers
// ---------------------------------------------------------------------------------------

#[test]
fn retention_rate_worked_example() {
    // 200 customers at start, 210 at end, 30 of them new: (210 − 30) / 200 × 100
    // = 180 / 200 × 100 = 90 %.
    assert_eq!(
        kpi::retention_rate(d("200"), d("210"), d("30")),
        Ok(d("90"))
    );
    // Nobody left, nobody joined: (200 − 0) / 200 = 100 %.
    assert_eq!(
        kpi::retention_rate(d("200"), d("200"), d("0")),
        Ok(d("100"))
    );
    // Everyone left and 50 new came: (50 − 50) / 200 = 0 %.
    assert_eq!(kpi::retention_rate(d("200"), d("50"), d("50")), Ok(d("0")));
    // One of three kept: 1 / 3 × 100 = 33.33… %.
    let third = kpi::retention_rate(d("3"), d("1"), d("0")).unwrap();
    assert_eq!(third.round_dp(10), d("33.3333333333"));
}

#[test]
fn retention_rate_errors() {
    // No customers at start.
    assert_eq!(
        kpi::retention_rate(d("0"), d("10"), d("10")),
        Err(KpiError::DivisionByZero)
    );
    assert_eq!(
        kpi::retention_rate(d("-1"), d("10"), d("0")),
        Err(KpiError::Negative)
    );
    assert_eq!(
        kpi::retention_rate(d("200"), d("-10"), d("0")),
        Err(KpiError::Negative)
    );
    assert_eq!(
        kpi::retention_rate(d("200"), d("210"), d("-30")),
        Err(KpiError::Negative)
    );
    // More new customers (220) than customers at the end (210).
    assert_eq!(
        kpi::retention_rate(d("200"), d("210"), d("220")),
        Err(KpiError::Inconsistent)
    );
    // 500 − 0 = 500 customers kept out of 200 at start.
    assert_eq!(
        kpi::retention_rate(d("200"), d("500"), d("0")),
        Err(KpiError::Inconsistent)
    );
}

#[test]
fn churn_rate_worked_example() {
    // 200 customers at start, 20 lost: 20 / 200 × 100 = 10 %.
    assert_eq!(kpi::churn_rate(d("200"), d("20")), Ok(d("10")));
    // 1 of 8 lost: 1 / 8 × 100 = 12.5 %.
    assert_eq!(kpi::churn_rate(d("8"), d("1")), Ok(d("12.5")));
}

#[test]
fn churn_rate_errors() {
    assert_eq!(
        kpi::churn_rate(d("0"), d("0")),
        Err(KpiError::DivisionByZero)
    );
    assert_eq!(kpi::churn_rate(d("200"), d("-1")), Err(KpiError::Negative));
    // 201 lost of 200 at start.
    assert_eq!(
        kpi::churn_rate(d("200"), d("201")),
        Err(KpiError::Inconsistent)
    );
}

#[test]
fn retention_and_churn_add_to_100_without_new_customers() {
    // S = 200, L = 20, E = S − L = 180, N = 0: retention 180 / 200 = 90 %, churn 10 %.
    let retention = kpi::retention_rate(d("200"), d("180"), d("0")).unwrap();
    let churn = kpi::churn_rate(d("200"), d("20")).unwrap();
    assert_eq!((retention, churn), (d("90"), d("10")));
}

#[test]
fn csat_worked_example() {
    // 170 of 200 responses are 4 or 5 on the 5-point scale: 170 / 200 × 100 = 85 %.
    assert_eq!(kpi::csat(d("170"), d("200")), Ok(d("85")));
}

#[test]
fn csat_errors() {
    assert_eq!(kpi::csat(d("0"), d("0")), Err(KpiError::DivisionByZero));
    assert_eq!(kpi::csat(d("-5"), d("200")), Err(KpiError::Negative));
    // More satisfied answers (201) than responses (200).
    assert_eq!(kpi::csat(d("201"), d("200")), Err(KpiError::Inconsistent));
}

#[test]
fn nps_worked_example() {
    // 60 promoters, 25 passives, 15 detractors: (60 − 15) / (60 + 25 + 15) × 100
    // = 45 / 100 × 100 = 45.
    assert_eq!(kpi::nps(d("60"), d("25"), d("15")), Ok(d("45")));
    // Only detractors: (0 − 10) / 10 × 100 = −100, the bottom of the scale.
    assert_eq!(kpi::nps(d("0"), d("0"), d("10")), Ok(d("-100")));
    // Only promoters: 10 / 10 × 100 = 100, the top.
    assert_eq!(kpi::nps(d("10"), d("0"), d("0")), Ok(d("100")));
    // Only passives: (0 − 0) / 7 = 0.
    assert_eq!(kpi::nps(d("0"), d("7"), d("0")), Ok(d("0")));
    // 10 promoters, 30 passives, 40 detractors: (10 − 40) / 80 × 100 = −37.5.
    assert_eq!(kpi::nps(d("10"), d("30"), d("40")), Ok(d("-37.5")));
}

#[test]
fn nps_errors() {
    // No respondents at all.
    assert_eq!(
        kpi::nps(d("0"), d("0"), d("0")),
        Err(KpiError::DivisionByZero)
    );
    assert_eq!(kpi::nps(d("-1"), d("25"), d("15")), Err(KpiError::Negative));
    assert_eq!(kpi::nps(d("60"), d("-1"), d("15")), Err(KpiError::Negative));
    assert_eq!(kpi::nps(d("60"), d("25"), d("-1")), Err(KpiError::Negative));
}

#[test]
fn complaint_change_worked_example() {
    // 80 complaints before, 60 after: (60 − 80) / 80 × 100 = −20 / 80 × 100 = −25 %.
    assert_eq!(kpi::complaint_change(d("80"), d("60")), Ok(d("-25")));
    // 40 before, 50 after: (50 − 40) / 40 × 100 = +25 % (worse).
    assert_eq!(kpi::complaint_change(d("40"), d("50")), Ok(d("25")));
    // 40 before, none after: (0 − 40) / 40 × 100 = −100 %.
    assert_eq!(kpi::complaint_change(d("40"), d("0")), Ok(d("-100")));
}

#[test]
fn complaint_change_errors() {
    // No complaints before: a change from zero has no relative size.
    assert_eq!(
        kpi::complaint_change(d("0"), d("5")),
        Err(KpiError::DivisionByZero)
    );
    assert_eq!(
        kpi::complaint_change(d("-80"), d("60")),
        Err(KpiError::Negative)
    );
    assert_eq!(
        kpi::complaint_change(d("80"), d("-60")),
        Err(KpiError::Negative)
    );
}

// ---------------------------------------------------------------------------------------
// Customer lifetime value
// ---------------------------------------------------------------------------------------

#[test]
fn clv_simple_worked_example() {
    // 1,200 margin a year for 5 years: 1200 × 5 = 6,000.
    assert_eq!(kpi::clv_simple(d("1200"), d("5")), Ok(d("6000")));
    // 1,200 a year for 2.5 years: 1200 × 2.5 = 3,000.
    assert_eq!(kpi::clv_simple(d("1200"), d("2.5")), Ok(d("3000")));
    // A customer who costs 100 a year for 3 years: −100 × 3 = −300.
    assert_eq!(kpi::clv_simple(d("-100"), d("3")), Ok(d("-300")));
}

#[test]
fn clv_simple_errors() {
    assert_eq!(kpi::clv_simple(d("1200"), d("-1")), Err(KpiError::Negative));
    assert_eq!(
        kpi::clv_simple(Decimal::MAX, d("2")),
        Err(KpiError::Overflow)
    );
}

#[test]
fn clv_discounted_worked_example() {
    // m = 1,000, r = 80 %, d = 10 %, acquisition 500:
    // 1000 × 0.8 / (1 + 0.1 − 0.8) − 500 = 800 / 0.3 − 500 = 2666.666… − 500 = 2166.666…
    let clv = kpi::clv_discounted(d("1000"), d("80"), d("10"), d("500")).unwrap();
    assert_eq!(clv.round_dp(10), d("2166.6666666667"));
    // Exact to Decimal's last digit: 800 / 0.3 rounds at the 25th decimal.
    assert_eq!(clv, d("2166.6666666666666666666666667"));
    // m = 100, r = 50 %, d = 0: 100 × 0.5 / 0.5 = 100, the sum 50 + 25 + 12.5 + … = 100
    // of the margins of the years a customer is still there.
    assert_eq!(
        kpi::clv_discounted(d("100"), d("50"), d("0"), d("0")),
        Ok(d("100"))
    );
    // No one retained: 1000 × 0 / 1.1 − 500 = −500, just the acquisition cost.
    assert_eq!(
        kpi::clv_discounted(d("1000"), d("0"), d("10"), d("500")),
        Ok(d("-500"))
    );
    // r = 100 % with d = 10 %: 1000 × 1 / 0.1 = 10,000.
    assert_eq!(
        kpi::clv_discounted(d("1000"), d("100"), d("10"), d("0")),
        Ok(d("10000"))
    );
}

#[test]
fn clv_discounted_errors() {
    // r = 100 %, d = 0: 1 + 0 − 1 = 0, a customer kept forever undiscounted.
    assert_eq!(
        kpi::clv_discounted(d("1000"), d("100"), d("0"), d("500")),
        Err(KpiError::DivisionByZero)
    );
    // A retention rate above 100 % is not a rate (and would make 1 + d − r ≤ 0 here).
    assert_eq!(
        kpi::clv_discounted(d("1000"), d("120"), d("10"), d("500")),
        Err(KpiError::Inconsistent)
    );
    assert_eq!(
        kpi::clv_discounted(d("1000"), d("-1"), d("10"), d("500")),
        Err(KpiError::Negative)
    );
    assert_eq!(
        kpi::clv_discounted(d("1000"), d("80"), d("-10"), d("500")),
        Err(KpiError::Negative)
    );
    assert_eq!(
        kpi::clv_discounted(d("1000"), d("80"), d("10"), d("-500")),
        Err(KpiError::Negative)
    );
}

// ---------------------------------------------------------------------------------------
// Sales
// ---------------------------------------------------------------------------------------

#[test]
fn conversion_rate_worked_example() {
    // 50 conversions of 1,000 visitors = 50 / 1000 × 100 = 5 % (the CRM-metrics example).
    assert_eq!(kpi::conversion_rate(d("50"), d("1000")), Ok(d("5")));
    // 12 deals won of 48 leads = 12 / 48 × 100 = 25 %.
    assert_eq!(kpi::conversion_rate(d("12"), d("48")), Ok(d("25")));
}

#[test]
fn conversion_rate_errors() {
    assert_eq!(
        kpi::conversion_rate(d("50"), d("0")),
        Err(KpiError::DivisionByZero)
    );
    assert_eq!(
        kpi::conversion_rate(d("-50"), d("1000")),
        Err(KpiError::Negative)
    );
    assert_eq!(
        kpi::conversion_rate(d("1001"), d("1000")),
        Err(KpiError::Inconsistent)
    );
}

#[test]
fn sales_cycle_odd_count() {
    // Spans 10, 2 and 30 days; sorted 2, 10, 30: median 10, mean (10 + 2 + 30) / 3 = 14.
    let pairs = [
        (date(2024, 1, 1), date(2024, 1, 11)),
        (date(2024, 5, 5), date(2024, 5, 7)),
        (date(2024, 6, 1), date(2024, 7, 1)),
    ];
    assert_eq!(
        kpi::sales_cycle(&pairs),
        Ok(CycleStats {
            count: 3,
            mean_days: d("14"),
            median_days: d("10"),
        })
    );
}

#[test]
fn sales_cycle_even_count() {
    // Spans 10, 2, 30 and 4 days; sorted 2, 4, 10, 30: median (4 + 10) / 2 = 7,
    // mean (10 + 2 + 30 + 4) / 4 = 46 / 4 = 11.5.
    let pairs = [
        (date(2024, 1, 1), date(2024, 1, 11)),
        (date(2024, 5, 5), date(2024, 5, 7)),
        (date(2024, 6, 1), date(2024, 7, 1)),
        (date(2023, 12, 30), date(2024, 1, 3)),
    ];
    assert_eq!(
        kpi::sales_cycle(&pairs),
        Ok(CycleStats {
            count: 4,
            mean_days: d("11.5"),
            median_days: d("7"),
        })
    );
    // Two deals of 1 and 2 days: median (1 + 2) / 2 = 1.5 = mean.
    let two = [
        (date(2024, 3, 1), date(2024, 3, 2)),
        (date(2024, 3, 1), date(2024, 3, 3)),
    ];
    let stats = kpi::sales_cycle(&two).unwrap();
    assert_eq!((stats.median_days, stats.mean_days), (d("1.5"), d("1.5")));
}

#[test]
fn sales_cycle_counts_calendar_days() {
    // Leap year: 2024-02-28 → 02-29 → 03-01 = 2 days.
    let leap = kpi::sales_cycle(&[(date(2024, 2, 28), date(2024, 3, 1))]).unwrap();
    assert_eq!(leap.median_days, d("2"));
    // Not a leap year: 2023-02-28 → 03-01 = 1 day.
    let common = kpi::sales_cycle(&[(date(2023, 2, 28), date(2023, 3, 1))]).unwrap();
    assert_eq!(common.median_days, d("1"));
    // Across the new year: 2023-12-31 → 2024-01-01 = 1 day; the whole of 2024 = 366.
    let pairs = [
        (date(2023, 12, 31), date(2024, 1, 1)),
        (date(2024, 1, 1), date(2025, 1, 1)),
    ];
    let stats = kpi::sales_cycle(&pairs).unwrap();
    // Mean and median of 1 and 366: (1 + 366) / 2 = 183.5.
    assert_eq!(stats.mean_days, d("183.5"));
    assert_eq!(stats.median_days, d("183.5"));
    // Created and closed the same day: 0 days.
    let same_day = kpi::sales_cycle(&[(date(2024, 4, 4), date(2024, 4, 4))]).unwrap();
    assert_eq!(
        same_day,
        CycleStats {
            count: 1,
            mean_days: d("0"),
            median_days: d("0"),
        }
    );
    // The widest span chrono allows does not overflow.
    let widest = kpi::sales_cycle(&[(NaiveDate::MIN, NaiveDate::MAX)]).unwrap();
    assert!(widest.mean_days > d("190000000"));
}

#[test]
fn sales_cycle_errors() {
    assert_eq!(kpi::sales_cycle(&[]), Err(KpiError::Empty));
    // Closed 2024-03-01, created 2024-03-02: one day before it was created.
    assert_eq!(
        kpi::sales_cycle(&[(date(2024, 3, 2), date(2024, 3, 1))]),
        Err(KpiError::EndBeforeStart)
    );
    // One bad pair among good ones spoils the set.
    assert_eq!(
        kpi::sales_cycle(&[
            (date(2024, 1, 1), date(2024, 1, 11)),
            (date(2024, 3, 2), date(2024, 3, 1)),
        ]),
        Err(KpiError::EndBeforeStart)
    );
}

#[test]
fn average_order_value_worked_example() {
    // 25,000 revenue over 200 orders: 25000 / 200 = 125.
    assert_eq!(kpi::average_order_value(d("25000"), d("200")), Ok(d("125")));
    assert_eq!(
        kpi::average_order_value(d("25000"), d("0")),
        Err(KpiError::DivisionByZero)
    );
    assert_eq!(
        kpi::average_order_value(d("-1"), d("200")),
        Err(KpiError::Negative)
    );
}

#[test]
fn lead_response_time_worked_example() {
    // 90 hours to first response in total over 36 leads: 90 / 36 = 2.5 hours.
    assert_eq!(kpi::lead_response_time(d("90"), d("36")), Ok(d("2.5")));
    assert_eq!(
        kpi::lead_response_time(d("90"), d("0")),
        Err(KpiError::DivisionByZero)
    );
    assert_eq!(
        kpi::lead_response_time(d("-90"), d("36")),
        Err(KpiError::Negative)
    );
}

#[test]
fn prediction_accuracy_worked_example() {
    // 870 correct of 1,000 predictions: 870 / 1000 × 100 = 87 %.
    assert_eq!(kpi::prediction_accuracy(d("870"), d("1000")), Ok(d("87")));
    assert_eq!(
        kpi::prediction_accuracy(d("870"), d("0")),
        Err(KpiError::DivisionByZero)
    );
    assert_eq!(
        kpi::prediction_accuracy(d("-1"), d("1000")),
        Err(KpiError::Negative)
    );
    // 1,001 correct of 1,000 predictions.
    assert_eq!(
        kpi::prediction_accuracy(d("1001"), d("1000")),
        Err(KpiError::Inconsistent)
    );
}

// ---------------------------------------------------------------------------------------
// Marketing
// ---------------------------------------------------------------------------------------

#[test]
fn email_open_rate_worked_example() {
    // 250 unique opens of 1,000 delivered: 250 / 1000 × 100 = 25 %.
    assert_eq!(kpi::email_open_rate(d("250"), d("1000")), Ok(d("25")));
    assert_eq!(
        kpi::email_open_rate(d("250"), d("0")),
        Err(KpiError::DivisionByZero)
    );
    assert_eq!(
        kpi::email_open_rate(d("-250"), d("1000")),
        Err(KpiError::Negative)
    );
    // More opened (1,200) than delivered (1,000).
    assert_eq!(
        kpi::email_open_rate(d("1200"), d("1000")),
        Err(KpiError::Inconsistent)
    );
}

#[test]
fn click_through_rate_worked_example() {
    // 30 unique clicks of 1,000 delivered (the base is delivered, not opened):
    // 30 / 1000 × 100 = 3 %.
    assert_eq!(kpi::click_through_rate(d("30"), d("1000")), Ok(d("3")));
    assert_eq!(
        kpi::click_through_rate(d("30"), d("0")),
        Err(KpiError::DivisionByZero)
    );
    assert_eq!(
        kpi::click_through_rate(d("30"), d("-1000")),
        Err(KpiError::Negative)
    );
    assert_eq!(
        kpi::click_through_rate(d("1001"), d("1000")),
        Err(KpiError::Inconsistent)
    );
}

#[test]
fn email_delivery_rate_worked_example() {
    // 980 delivered of 1,000 sent: 980 / 1000 × 100 = 98 %.
    assert_eq!(kpi::email_delivery_rate(d("980"), d("1000")), Ok(d("98")));
    assert_eq!(
        kpi::email_delivery_rate(d("980"), d("0")),
        Err(KpiError::DivisionByZero)
    );
    assert_eq!(
        kpi::email_delivery_rate(d("-980"), d("1000")),
        Err(KpiError::Negative)
    );
    // 1,100 delivered of 1,000 sent.
    assert_eq!(
        kpi::email_delivery_rate(d("1100"), d("1000")),
        Err(KpiError::Inconsistent)
    );
}

#[test]
fn survey_response_rate_worked_example() {
    // 150 responses of 500 surveys sent: 150 / 500 × 100 = 30 %.
    assert_eq!(kpi::survey_response_rate(d("150"), d("500")), Ok(d("30")));
    assert_eq!(
        kpi::survey_response_rate(d("150"), d("0")),
        Err(KpiError::DivisionByZero)
    );
    assert_eq!(
        kpi::survey_response_rate(d("-150"), d("500")),
        Err(KpiError::Negative)
    );
    assert_eq!(
        kpi::survey_response_rate(d("501"), d("500")),
        Err(KpiError::Inconsistent)
    );
}

#[test]
fn average_time_on_site_worked_example() {
    // 18,000 seconds over 120 sessions: 18000 / 120 = 150 seconds per session.
    assert_eq!(
        kpi::average_time_on_site(d("18000"), d("120")),
        Ok(d("150"))
    );
    assert_eq!(
        kpi::average_time_on_site(d("18000"), d("0")),
        Err(KpiError::DivisionByZero)
    );
    assert_eq!(
        kpi::average_time_on_site(d("-1"), d("120")),
        Err(KpiError::Negative)
    );
}

#[test]
fn download_rate_worked_example() {
    // 45 downloads by 1,500 visitors: 45 / 1500 × 100 = 3 %.
    assert_eq!(kpi::download_rate(d("45"), d("1500")), Ok(d("3")));
    // One visitor may download several items: 1,500 / 1,000 × 100 = 150, not an error.
    assert_eq!(kpi::download_rate(d("1500"), d("1000")), Ok(d("150")));
    assert_eq!(
        kpi::download_rate(d("45"), d("0")),
        Err(KpiError::DivisionByZero)
    );
    assert_eq!(
        kpi::download_rate(d("-45"), d("1500")),
        Err(KpiError::Negative)
    );
}

#[test]
fn cac_worked_example() {
    // 50,000 sales and marketing spend for 125 new customers: 50000 / 125 = 400.
    assert_eq!(kpi::cac(d("50000"), d("125")), Ok(d("400")));
    assert_eq!(kpi::cac(d("50000"), d("0")), Err(KpiError::DivisionByZero));
    assert_eq!(kpi::cac(d("-50000"), d("125")), Err(KpiError::Negative));
}

#[test]
fn romi_worked_example() {
    // 15,000 incremental gross profit on 10,000 spend: (15000 − 10000) / 10000 × 100
    // = 50 %.
    assert_eq!(kpi::romi(d("15000"), d("10000")), Ok(d("50")));
    // Gross profit equal to spend: (10000 − 10000) / 10000 = 0 %, broke even.
    assert_eq!(kpi::romi(d("10000"), d("10000")), Ok(d("0")));
    // No profit at all: (0 − 10000) / 10000 × 100 = −100 %.
    assert_eq!(kpi::romi(d("0"), d("10000")), Ok(d("-100")));
    // A loss of 5,000 on top: (−5000 − 10000) / 10000 × 100 = −150 %.
    assert_eq!(kpi::romi(d("-5000"), d("10000")), Ok(d("-150")));
}

#[test]
fn romi_errors() {
    assert_eq!(kpi::romi(d("15000"), d("0")), Err(KpiError::DivisionByZero));
    assert_eq!(kpi::romi(d("15000"), d("-1")), Err(KpiError::Negative));
}

#[test]
fn cpc_cpl_cpa_worked_examples() {
    // 500 spend over 1,250 clicks: 500 / 1250 = 0.40 per click.
    assert_eq!(kpi::cpc(d("500"), d("1250")), Ok(d("0.4")));
    // 2,000 spend over 80 leads: 2000 / 80 = 25 per lead.
    assert_eq!(kpi::cpl(d("2000"), d("80")), Ok(d("25")));
    // 3,000 spend over 40 acquisitions: 3000 / 40 = 75 per acquisition.
    assert_eq!(kpi::cpa(d("3000"), d("40")), Ok(d("75")));

    for f in [kpi::cpc, kpi::cpl, kpi::cpa] {
        assert_eq!(f(d("500"), d("0")), Err(KpiError::DivisionByZero));
        assert_eq!(f(d("-500"), d("10")), Err(KpiError::Negative));
        assert_eq!(f(d("500"), d("-10")), Err(KpiError::Negative));
    }
}

// ---------------------------------------------------------------------------------------
// Service and data quality
// ---------------------------------------------------------------------------------------

#[test]
fn resolution_time_worked_example() {
    // 300 hours to resolve 120 tickets: 300 / 120 = 2.5 hours per ticket.
    assert_eq!(kpi::resolution_time(d("300"), d("120")), Ok(d("2.5")));
    assert_eq!(
        kpi::resolution_time(d("300"), d("0")),
        Err(KpiError::DivisionByZero)
    );
    assert_eq!(
        kpi::resolution_time(d("-300"), d("120")),
        Err(KpiError::Negative)
    );
}

#[test]
fn interactions_per_customer_worked_example() {
    // 4,500 interactions with 1,500 customers: 4500 / 1500 = 3.
    assert_eq!(
        kpi::interactions_per_customer(d("4500"), d("1500")),
        Ok(d("3"))
    );
    assert_eq!(
        kpi::interactions_per_customer(d("4500"), d("0")),
        Err(KpiError::DivisionByZero)
    );
    assert_eq!(
        kpi::interactions_per_customer(d("4500"), d("-1500")),
        Err(KpiError::Negative)
    );
}

#[test]
fn bad_record_share_worked_example() {
    // 120 incorrect or incomplete records of 4,000: 120 / 4000 × 100 = 3 %.
    assert_eq!(kpi::bad_record_share(d("120"), d("4000")), Ok(d("3")));
    assert_eq!(
        kpi::bad_record_share(d("120"), d("0")),
        Err(KpiError::DivisionByZero)
    );
    assert_eq!(
        kpi::bad_record_share(d("-120"), d("4000")),
        Err(KpiError::Negative)
    );
    // 4,001 bad records of 4,000.
    assert_eq!(
        kpi::bad_record_share(d("4001"), d("4000")),
        Err(KpiError::Inconsistent)
    );
}

// ---------------------------------------------------------------------------------------
// Baseline against after
// ---------------------------------------------------------------------------------------

#[test]
fn relative_change_worked_example() {
    // 200 → 250: (250 − 200) / 200 × 100 = +25 %.
    assert_eq!(kpi::relative_change(d("200"), d("250")), Ok(d("25")));
    // 250 → 200: (200 − 250) / 250 × 100 = −20 %.
    assert_eq!(kpi::relative_change(d("250"), d("200")), Ok(d("-20")));
    // A negative baseline divides by its absolute value: −200 → −100 is
    // (−100 − (−200)) / |−200| × 100 = 100 / 200 × 100 = +50 % (an improvement).
    assert_eq!(kpi::relative_change(d("-200"), d("-100")), Ok(d("50")));
    // −200 → −300: −100 / 200 × 100 = −50 %.
    assert_eq!(kpi::relative_change(d("-200"), d("-300")), Ok(d("-50")));
    // No change: 0 %.
    assert_eq!(kpi::relative_change(d("7"), d("7")), Ok(d("0")));
}

#[test]
fn relative_change_errors() {
    // A change from zero has no relative size.
    assert_eq!(
        kpi::relative_change(d("0"), d("5")),
        Err(KpiError::DivisionByZero)
    );
    // MAX → −MAX: the difference does not fit.
    assert_eq!(
        kpi::relative_change(Decimal::MAX, Decimal::MIN),
        Err(KpiError::Overflow)
    );
}

#[test]
fn absolute_change_worked_example() {
    // 200 → 250: 250 − 200 = +50; 250 → 200: −50; −200 → −100: +100.
    assert_eq!(kpi::absolute_change(d("200"), d("250")), Ok(d("50")));
    assert_eq!(kpi::absolute_change(d("250"), d("200")), Ok(d("-50")));
    assert_eq!(kpi::absolute_change(d("-200"), d("-100")), Ok(d("100")));
    // From zero is fine here: 0 → 5 = +5.
    assert_eq!(kpi::absolute_change(d("0"), d("5")), Ok(d("5")));
    assert_eq!(
        kpi::absolute_change(Decimal::MIN, Decimal::MAX),
        Err(KpiError::Overflow)
    );
}

// ---------------------------------------------------------------------------------------
// Properties
// ---------------------------------------------------------------------------------------

/// Any decimal, for the inputs that may be negative (margins, profit, baselines).
fn signed() -> impl Strategy<Value = Decimal> {
    (non_negative(), any::<bool>()).prop_map(|(mut v, negative)| {
        v.set_sign_negative(negative);
        v
    })
}

/// Any date chrono can represent.
fn any_date() -> impl Strategy<Value = NaiveDate> {
    use chrono::Datelike;
    let (lo, hi) = (
        NaiveDate::MIN.num_days_from_ce(),
        NaiveDate::MAX.num_days_from_ce(),
    );
    (lo..=hi).prop_map(|n| NaiveDate::from_num_days_from_ce_opt(n).unwrap())
}

fn percent_in(value: Decimal, lo: i64, hi: i64) -> bool {
    value >= Decimal::from(lo) && value <= Decimal::from(hi)
}

proptest! {
    /// No KPI panics on any non-negative input (each returns `Ok` or `Err`); the
    /// functions that accept a negative input do not panic on one either.
    #[test]
    fn no_kpi_panics(
        a in non_negative(),
        b in non_negative(),
        c in non_negative(),
        e in non_negative(),
        s in signed(),
        t in signed(),
    ) {
        for (_, f) in RATIOS {
            let _ = f(a, b);
            let _ = f(b, a);
        }
        let _ = kpi::retention_rate(a, b, c);
        let _ = kpi::nps(a, b, c);
        let _ = kpi::clv_simple(a, b);
        let _ = kpi::clv_simple(s, b);
        let _ = kpi::clv_discounted(a, b, c, e);
        let _ = kpi::clv_discounted(s, b, c, e);
        let _ = kpi::romi(a, b);
        let _ = kpi::romi(s, b);
        let _ = kpi::relative_change(a, b);
        let _ = kpi::relative_change(s, t);
        let _ = kpi::absolute_change(a, b);
        let _ = kpi::absolute_change(s, t);
    }

    /// Shares land in 0..=100 and NPS in −100..=100 whenever they are computed.
    #[test]
    fn rates_stay_in_range(a in non_negative(), b in non_negative(), c in non_negative()) {
        for (name, f) in SHARES {
            if let Ok(v) = f(a, b) {
                prop_assert!(percent_in(v, 0, 100), "{}({}, {}) = {}", name, a, b, v);
            }
        }
        if let Ok(v) = kpi::retention_rate(a, b, c) {
            prop_assert!(percent_in(v, 0, 100), "retention({}, {}, {}) = {}", a, b, c, v);
        }
        if let Ok(v) = kpi::nps(a, b, c) {
            prop_assert!(percent_in(v, -100, 100), "nps({}, {}, {}) = {}", a, b, c, v);
        }
    }

    /// Sales cycle on any dates: `Ok` with mean and median between the shortest and the
    /// longest span, or `EndBeforeStart` exactly when a pair is reversed; never a panic.
    #[test]
    fn sales_cycle_never_panics(pairs in prop::collection::vec((any_date(), any_date()), 0..12)) {
        let reversed = pairs.iter().any(|(created, closed)| closed < created);
        match kpi::sales_cycle(&pairs) {
            Ok(stats) => {
                prop_assert!(!reversed);
                prop_assert_eq!(stats.count, pairs.len());
                let spans: Vec<i64> =
                    pairs.iter().map(|(a, b)| (*b - *a).num_days()).collect();
                let lo = Decimal::from(*spans.iter().min().unwrap());
                let hi = Decimal::from(*spans.iter().max().unwrap());
                prop_assert!(lo <= stats.mean_days && stats.mean_days <= hi);
                prop_assert!(lo <= stats.median_days && stats.median_days <= hi);
            }
            Err(KpiError::Empty) => prop_assert!(pairs.is_empty()),
            Err(KpiError::EndBeforeStart) => prop_assert!(reversed),
            Err(other) => prop_assert!(false, "unexpected {:?}", other),
        }
    }

    /// With no new customers and E = S − L, retention + churn = 100 (to within the last
    /// of Decimal's 28 digits, where each quotient is rounded on its own).
    #[test]
    fn retention_plus_churn_is_100(
        (start, lost) in (1u64..=1_000_000_000_000)
            .prop_flat_map(|s| (Just(s), 0..=s)),
        scale in 0u32..4,
    ) {
        let s = Decimal::new(i64::try_from(start).unwrap(), scale);
        let l = Decimal::new(i64::try_from(lost).unwrap(), scale);
        let e = s.checked_sub(l).unwrap();
        let retention = kpi::retention_rate(s, e, Decimal::ZERO).unwrap();
        let churn = kpi::churn_rate(s, l).unwrap();
        let total = retention.checked_add(churn).unwrap();
        let error = total.checked_sub(Decimal::ONE_HUNDRED).unwrap().abs();
        prop_assert!(error <= Decimal::new(1, 20), "{} + {} = {}", retention, churn, total);
    }
}
