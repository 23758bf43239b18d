//! The customer and sales KPI formulas on examples worked out by hand and their error
//! cases, and the error behaviour every KPI shares.

mod common;

use chrono::NaiveDate;
use common::kpi::*;
use common::measure::close;
use retorno::engine::kpi::{self, CycleStats, KpiError};
use rust_decimal::Decimal;

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

/// `Σ m × r^(t−1) ÷ (1 + d)^t` for `t = 1..=years`, rates in percent: the discounted CLV
/// summed year by year (the first year's margin for certain, at the end of the year),
/// independently of the closed form.
fn clv_by_years(m: Decimal, retention_pct: Decimal, discount_pct: Decimal, years: u32) -> Decimal {
    let r = retention_pct / d("100");
    let growth = d("1") + discount_pct / d("100");
    let (mut stay, mut factor, mut sum) = (d("1"), growth, d("0"));
    for _ in 0..years {
        sum += m * stay / factor;
        stay *= r;
        factor *= growth;
    }
    sum
}

#[test]
fn clv_discounted_worked_example() {
    // Timing: each year's margin at the end of the year, the first for certain, year t's
    // with probability r^(t−1): Σ m r^(t−1) ÷ (1 + d)^t = m ÷ (1 + d − r).
    // m = 1,000, r = 80 %, d = 10 %, acquisition 500:
    // 1000 ÷ (1 + 0.1 − 0.8) − 500 = 1000 ÷ 0.3 − 500 = 3333.333… − 500 = 2833.333…
    // (before issue 11 the first year was not counted: 800 ÷ 0.3 − 500 = 2166.67).
    let clv = kpi::clv_discounted(d("1000"), d("80"), d("10"), d("500")).unwrap();
    assert_eq!(clv.round_dp(10), d("2833.3333333333"));
    // The same, summed year by year over 200 years (0.8 ÷ 1.1 = 0.727…, whose 200th power
    // is below 1e-27): 3333.333… before the acquisition cost.
    let summed = clv_by_years(d("1000"), d("80"), d("10"), 200);
    assert!(close(summed - d("500"), clv, "1e-15"), "{summed}");
    // m = 100, r = 50 %, d = 0: 100 ÷ 0.5 = 200, the sum 100 + 50 + 25 + … of the
    // margins of the years a customer is there; that is 100 × lifetime (1 ÷ 0.5 = 2).
    assert_eq!(
        kpi::clv_discounted(d("100"), d("50"), d("0"), d("0")),
        Ok(d("200"))
    );
    assert!(close(
        clv_by_years(d("100"), d("50"), d("0"), 200),
        d("200"),
        "1e-20"
    ));
    // No one retained: only the first year, 1000 ÷ 1.1 − 500 = 909.0909… − 500 = 409.0909…
    let clv = kpi::clv_discounted(d("1000"), d("0"), d("10"), d("500")).unwrap();
    assert_eq!(clv.round_dp(10), d("409.0909090909"));
    // r = 100 % with d = 10 %: 1000 ÷ (1.1 − 1) = 1000 ÷ 0.1 = 10,000.
    assert_eq!(
        kpi::clv_discounted(d("1000"), d("100"), d("10"), d("0")),
        Ok(d("10000"))
    );
    // A customer who costs money: −200 a year, r = 75 %, d = 25 %:
    // −200 ÷ (1.25 − 0.75) = −400.
    assert_eq!(
        kpi::clv_discounted(d("-200"), d("75"), d("25"), d("0")),
        Ok(d("-400"))
    );
}

#[test]
fn clv_from_churn_worked_example() {
    // 960 a year, churn 15 %: 960 × 100 ÷ 15 = 6,400 (= 960 × 6.666… years, exactly).
    assert_eq!(kpi::clv_from_churn(d("960"), d("15")), Ok(d("6400")));
    // −200 a year, churn 25 %: −200 × 4 = −800.
    assert_eq!(kpi::clv_from_churn(d("-200"), d("25")), Ok(d("-800")));
    // Churn 100 %: one year, 960.
    assert_eq!(kpi::clv_from_churn(d("960"), d("100")), Ok(d("960")));
    assert_eq!(
        kpi::clv_from_churn(d("960"), d("0")),
        Err(KpiError::DivisionByZero)
    );
    assert_eq!(
        kpi::clv_from_churn(d("960"), d("-1")),
        Err(KpiError::Negative)
    );
}

#[test]
fn clv_discounted_at_no_discount_is_the_simple_clv() {
    // Over a grid of margins and retention rates, d = 0 gives exactly
    // margin × 100 ÷ churn, the simple CLV, less the acquisition cost.
    let margins = [
        "-1000000000000",
        "-1234.56",
        "-1",
        "0",
        "0.01",
        "1",
        "99.99",
        "960",
        "123456789.123456789",
        "1000000000000",
    ];
    let retentions = [
        "0", "0.01", "1", "33.33", "50", "66.67", "85", "99.99", "100",
    ];
    for m in margins {
        for r in retentions {
            for acquisition in ["0", "450"] {
                let simple = kpi::clv_from_churn(d(m), d("100") - d(r)).map(|v| v - d(acquisition));
                for zero in ["0", "0.00"] {
                    let discounted = kpi::clv_discounted(d(m), d(r), d(zero), d(acquisition));
                    assert_eq!(
                        discounted, simple,
                        "m {m}, r {r}, d {zero}, cac {acquisition}"
                    );
                }
            }
        }
    }
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
