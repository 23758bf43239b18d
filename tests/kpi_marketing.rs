//! The marketing, service and data-quality KPI formulas on examples worked out by hand,
//! baseline-against-after changes, and properties over random inputs (proptest): nothing
//! panics, rates stay in range, and retention + churn = 100 when no customer is new.

mod common;

use chrono::NaiveDate;
use common::kpi::*;
use common::non_negative;
use proptest::prelude::*;
use retorno::engine::kpi::{self, KpiError};
use rust_decimal::Decimal;

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
