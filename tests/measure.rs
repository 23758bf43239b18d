//! Baseline-versus-current measurement (`src/engine/measure.rs`): every KPI of two
//! hand-worked periods, comparisons and verdicts, gaps, yearly churn, the CLV
//! calculator, proposals for the ROI model, validation, dates and the stored form.
//!
//! Where expected values come from:
//! - every KPI of the two fixture periods is worked out by hand in the comments next to
//!   it (the formulas are those of the module docs of `src/engine/kpi.rs`);
//! - values involving `1 − (1 − c)^(365 ÷ days)` were computed with Python's `decimal`
//!   module at 50 significant digits (the snippet is quoted where it is used);
//! - ranges come from `Field::range` (`src/engine/model.rs`) and the limits from the
//!   constants of `src/engine/measure.rs`.

mod common;

use chrono::NaiveDate;
use proptest::prelude::*;
use retorno::engine::campaigns::Campaign;
use retorno::engine::deals::DateOrder;
use retorno::engine::kpi::KpiError;
use retorno::engine::measure::{
    apply, compare, iso, parse_iso, proposals, reading, verdict, yearly_loss_pct, ClvInputs,
    Comparison, Direction, Gap, Kpi, KpiGroup, Measure, Measurement, MeasurementError, Period,
    PeriodDeals, Proposal, Values, Verdict, MAX_CAMPAIGNS, MAX_DEALS_CHARS, MEASURE_MAX,
};
use retorno::engine::model::{Field, Inputs, Problem, Unit};
use retorno::scenario::MAX_NAME_CHARS;
use rust_decimal::Decimal;
use serde_json::{json, Value};
use std::str::FromStr;

// ---------------------------------------------------------------------------------------
// Helpers

fn d(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap_or_else(|e| panic!("bad decimal {s:?}: {e}"))
}

fn date(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).expect("valid date")
}

/// `|a − b| ≤ tolerance`.
fn close(a: Decimal, b: Decimal, tolerance: &str) -> bool {
    (a - b).abs() <= d(tolerance)
}

fn values(pairs: &[(Measure, &str)]) -> Values {
    let mut v = Values::default();
    for &(m, text) in pairs {
        m.set(&mut v, Some(d(text)));
    }
    v
}

fn period(pairs: &[(Measure, &str)]) -> Period {
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
const BASELINE_DEALS: &str = "Created\tClosed\n\
    2025-01-02\t2025-01-12\n\
    2025-01-05\t2025-02-04\n\
    2025-02-10\t2025-02-24\n\
    2025-02-28\t2025-03-02\n";

/// Current deals: a name column before the two dates, semicolons.
/// Days: 04-01 → 04-05 = 4; 04-28 → 05-06 = 2 + 6 = 8; 06-25 → 07-04 = 5 + 4 = 9.
/// Mean 21 ÷ 3 = 7, median 8.
const CURRENT_DEALS: &str = "Deal;Created;Closed\n\
    Acme;2025-04-01;2025-04-05\n\
    Beta;2025-04-28;2025-05-06\n\
    Gamma;2025-06-25;2025-07-04\n";

/// The baseline: Q1 2025, 2025-01-01 to 2025-03-31 = 31 + 28 + 31 = 90 days.
fn baseline() -> Period {
    Period {
        start: Some(date(2025, 1, 1)),
        end: Some(date(2025, 3, 31)),
        deals: BASELINE_DEALS.into(),
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
fn current() -> Period {
    Period {
        deals: CURRENT_DEALS.into(),
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
fn fixture() -> Measurement {
    Measurement {
        baseline: baseline(),
        current: current(),
        ..Measurement::default()
    }
}

/// Baseline CLV: 90-day churn 15 % made yearly, rounded to 4 decimals (as the code does
/// in f64), then `960 × r ÷ (1.1 − r) − 500` with CAC 50,000 ÷ 100 = 500. Python:
///
/// ```text
/// getcontext().prec = 50
/// y = (1 - (Decimal('0.85').ln() * 365 / 90).exp()) * 100  # 48.268564236426854607…
/// r = (100 - y.quantize(Decimal('0.0001'))) / 100           # 0.517314
/// 960 * r / (1 + Decimal('0.1') - r) - 500                  # 352.29684598565951473006…
/// ```
///
/// The 5th decimal of y (6…) is far from a rounding boundary, so f64 rounds it the same.
const BASELINE_YEARLY_CHURN: &str = "48.2686";
const BASELINE_CLV: &str = "352.2968459856595147300604442";

/// Every KPI of the fixture, baseline and current, by hand. The CLV is checked
/// separately (within a tolerance: see [`BASELINE_CLV`]).
const EXPECTED: [(Kpi, &str, &str); 24] = [
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

/// A period's reading of `k` with its own pasted deals (day-first order).
fn read(k: Kpi, p: &Period) -> Result<Decimal, Gap> {
    let deals = PeriodDeals::read(&p.deals, DateOrder::DayFirst);
    reading(k, p, &deals.cycle, ClvInputs::default().discount_pct)
}

fn compare_all(m: &Measurement) -> Vec<Comparison> {
    let b = PeriodDeals::read(&m.baseline.deals, DateOrder::DayFirst);
    let c = PeriodDeals::read(&m.current.deals, DateOrder::DayFirst);
    compare(m, &b, &c)
}

fn comparison(all: &[Comparison], k: Kpi) -> Comparison {
    *all.iter()
        .find(|c| c.kpi == k)
        .unwrap_or_else(|| panic!("no comparison for {k:?}"))
}

// ---------------------------------------------------------------------------------------
// The tables

#[test]
fn measure_and_kpi_tables_are_complete() {
    // 10^12, written independently of the from_parts constant.
    assert_eq!(MEASURE_MAX, Decimal::from(1_000_000_000_000u64));

    assert_eq!(Measure::ALL.len(), 33);
    let mut keys: Vec<&str> = Measure::ALL.iter().map(|m| m.key()).collect();
    keys.sort_unstable();
    keys.dedup();
    assert_eq!(keys.len(), Measure::ALL.len(), "measure keys are unique");
    // get and set address one slot each.
    for (k, &m) in Measure::ALL.iter().enumerate() {
        let mut v = Values::default();
        m.set(&mut v, Some(Decimal::from(k + 1)));
        for &other in Measure::ALL {
            let expected = (other == m).then(|| Decimal::from(k + 1));
            assert_eq!(other.get(&v), expected, "{m:?} vs {other:?}");
        }
    }
    // The serialized key is the field name.
    let mut v = Values::default();
    M::MinutesOnSite.set(&mut v, Some(d("7")));
    let json = serde_json::to_value(&v).unwrap();
    assert_eq!(
        json.as_object().unwrap().len(),
        1,
        "None is left out: {json}"
    );
    assert!(json.get("minutes_on_site").is_some(), "{json}");

    // Every KPI once; groups contiguous and in KpiGroup::ALL order.
    assert_eq!(Kpi::ALL.len(), 25);
    for (i, a) in Kpi::ALL.iter().enumerate() {
        for b in &Kpi::ALL[i + 1..] {
            assert_ne!(a, b);
        }
    }
    let positions: Vec<usize> = Kpi::ALL
        .iter()
        .map(|k| KpiGroup::ALL.iter().position(|g| *g == k.group()).unwrap())
        .collect();
    assert!(positions.windows(2).all(|w| w[0] <= w[1]), "{positions:?}");
    // Directions named by the brief and the module docs.
    assert_eq!(Kpi::Churn.direction(), Direction::Down);
    assert_eq!(Kpi::Cac.direction(), Direction::Down);
    assert_eq!(Kpi::SalesCycle.direction(), Direction::Down);
    assert_eq!(Kpi::Retention.direction(), Direction::Up);
    assert_eq!(Kpi::Clv.direction(), Direction::Up);
    assert_eq!(Kpi::Interactions.direction(), Direction::Neutral);
    // Units of the measures decide validation.
    assert_eq!(M::CustomersStart.unit(), Unit::Count);
    assert_eq!(M::Revenue.unit(), Unit::Money);
    assert_eq!(M::ResponseHours.unit(), Unit::Hours);
    assert_eq!(M::MinutesOnSite.unit(), Unit::Minutes);
}

// ---------------------------------------------------------------------------------------
// Readings

#[test]
fn every_kpi_of_the_hand_worked_periods() {
    let (b, c) = (baseline(), current());
    assert_eq!(b.days(), Some(90));
    assert_eq!(c.days(), None);
    // The table covers every KPI but the CLV, exactly once.
    for k in Kpi::ALL {
        let rows = EXPECTED.iter().filter(|row| row.0 == k).count();
        assert_eq!(rows, usize::from(k != Kpi::Clv), "{k:?}");
    }
    for (k, before, after) in EXPECTED {
        assert_eq!(read(k, &b), Ok(d(before)), "baseline {k:?}");
        assert_eq!(read(k, &c), Ok(d(after)), "current {k:?}");
    }
    // Baseline CLV: Python, see BASELINE_CLV.
    let clv = read(Kpi::Clv, &b).expect("baseline CLV");
    assert!(close(clv, d(BASELINE_CLV), "1e-20"), "{clv}");
    // Current CLV: no dates, so churn 10 % is taken as yearly: r = 0.9, CAC 450,
    // 960 × 0.9 ÷ (1.1 − 0.9) − 450 = 864 ÷ 0.2 − 450 = 4320 − 450 = 3870.
    assert_eq!(read(Kpi::Clv, &c), Ok(d("3870")));
}

#[test]
fn sales_cycle_from_pasted_deals() {
    for order in [DateOrder::DayFirst, DateOrder::MonthFirst] {
        // ISO rows read the same in either order.
        let b = PeriodDeals::read(BASELINE_DEALS, order);
        assert!(b.parse.bad.is_empty(), "{:?}", b.parse.bad);
        let stats = b.cycle.expect("baseline cycle");
        assert_eq!(
            (stats.count, stats.mean_days, stats.median_days),
            (4, d("14"), d("12"))
        );
        let c = PeriodDeals::read(CURRENT_DEALS, order);
        assert!(c.parse.bad.is_empty(), "{:?}", c.parse.bad);
        let stats = c.cycle.expect("current cycle");
        assert_eq!(
            (stats.count, stats.mean_days, stats.median_days),
            (3, d("7"), d("8"))
        );
    }
    // The KPI is the mean, not the median.
    assert_eq!(read(Kpi::SalesCycle, &baseline()), Ok(d("14")));
    // Non-ISO rows follow the language's order. Day first, 3/2/2025 → 10/2/2025 is
    // 3 Feb → 10 Feb: 7 days.
    let p = Period {
        deals: "3/2/2025,10/2/2025\n".into(),
        ..Period::default()
    };
    let day_first = PeriodDeals::read(&p.deals, DateOrder::DayFirst)
        .cycle
        .unwrap();
    assert_eq!(day_first.mean_days, d("7"));
    // Month first: 2025-03-02 → 2025-10-02 = 29 + 30 + 31 + 30 + 31 + 31 + 30 + 2 = 214.
    let month_first = PeriodDeals::read(&p.deals, DateOrder::MonthFirst)
        .cycle
        .unwrap();
    assert_eq!(month_first.mean_days, d("214"));
}

#[test]
fn clv_of_a_period_makes_its_churn_yearly() {
    // The same baseline figures over a whole year (365 days): yearly churn = 15 %
    // (f64 gives 15.000000000000002, rounded to 4 decimals: 15), r = 0.85,
    // 960 × 0.85 ÷ (1.1 − 0.85) − 500 = 816 ÷ 0.25 − 500 = 3264 − 500 = 2764.
    let mut year = baseline();
    year.end = Some(date(2025, 12, 31));
    assert_eq!(year.days(), Some(365));
    assert_eq!(read(Kpi::Clv, &year), Ok(d("2764")));
    // Without dates the period is taken as a year: the same.
    let mut undated = baseline();
    undated.start = None;
    assert_eq!(read(Kpi::Clv, &undated), Ok(d("2764")));
    // Reversed dates have no length: also taken as a year.
    let mut reversed = baseline();
    reversed.start = Some(date(2025, 3, 31));
    reversed.end = Some(date(2025, 1, 1));
    assert_eq!(read(Kpi::Clv, &reversed), Ok(d("2764")));
    // The discount rate is the CLV calculator's: at 0 %, 816 ÷ 0.15 − 500 = 5440 − 500.
    let deals = PeriodDeals::read(&year.deals, DateOrder::DayFirst);
    assert_eq!(
        reading(Kpi::Clv, &year, &deals.cycle, Decimal::ZERO),
        Ok(d("4940"))
    );
    // Two years (730 days) of 19 % churn: 1 − 0.81^(1/2) = 1 − 0.9 = 10 % a year, so
    // r = 0.9 and (CAC 500) 960 × 0.9 ÷ 0.2 − 500 = 4320 − 500 = 3820.
    let mut two_years = baseline();
    two_years.start = Some(date(2023, 1, 1));
    two_years.end = Some(date(2024, 12, 30)); // 365 + 365 (2024 is leap: to Dec 30)
    assert_eq!(two_years.days(), Some(730));
    M::CustomersEnd.set(&mut two_years.values, Some(d("910"))); // kept 810 → churn 19 %
    assert_eq!(read(Kpi::Churn, &two_years), Ok(d("19")));
    assert_eq!(read(Kpi::Clv, &two_years), Ok(d("3820")));
}

#[test]
fn kpi_inputs_are_exactly_what_the_readings_need() {
    let full = baseline();
    for k in Kpi::ALL {
        let before = read(k, &full);
        assert!(before.is_ok(), "{k:?}: {before:?}");
        for &m in Measure::ALL {
            let mut p = full.clone();
            m.set(&mut p.values, None);
            let after = read(k, &p);
            if k.inputs().contains(&m) {
                assert_eq!(after, Err(Gap::NotEntered), "{k:?} without {m:?}");
            } else {
                assert_eq!(after, before, "{k:?} does not need {m:?}");
            }
        }
    }
    assert!(Kpi::SalesCycle.inputs().is_empty());
}

#[test]
fn blank_figures_and_missing_deals_are_not_entered() {
    // Nothing entered: every KPI is NotEntered, not an error.
    let empty = Period::default();
    for k in Kpi::ALL {
        assert_eq!(read(k, &empty), Err(Gap::NotEntered), "{k:?}");
    }
    // Start and end but no new customers.
    let p = period(&[(M::CustomersStart, "1000"), (M::CustomersEnd, "950")]);
    assert_eq!(read(Kpi::Retention, &p), Err(Gap::NotEntered));
    assert_eq!(read(Kpi::Churn, &p), Err(Gap::NotEntered));
    // The CLV also needs the CAC: without the spend it is not entered.
    let mut p = baseline();
    M::MarketingSpend.set(&mut p.values, None);
    assert_eq!(read(Kpi::Clv, &p), Err(Gap::NotEntered));
    // Deals: empty or blank text is not entered.
    for text in ["", "   \n\t\n"] {
        let p = Period {
            deals: text.into(),
            ..baseline()
        };
        assert_eq!(read(Kpi::SalesCycle, &p), Err(Gap::NotEntered), "{text:?}");
    }
    // Text pasted but no good row (a header only, a deal closed before it was created):
    // entered, but there is nothing to summarise.
    for text in [
        "Created\tClosed\n",
        "2025-02-10\t2025-02-01\n",
        "not a date,nope\n",
    ] {
        let p = Period {
            deals: text.into(),
            ..Period::default()
        };
        assert_eq!(
            read(Kpi::SalesCycle, &p),
            Err(Gap::Invalid(KpiError::Empty)),
            "{text:?}"
        );
    }
}

#[test]
fn contradictory_figures_are_invalid() {
    use KpiError::{DivisionByZero, Inconsistent};
    let inconsistent = Err(Gap::Invalid(Inconsistent));
    let by_zero = Err(Gap::Invalid(DivisionByZero));
    // More new customers than customers at the end.
    let p = period(&[
        (M::CustomersStart, "1000"),
        (M::CustomersEnd, "50"),
        (M::CustomersNew, "100"),
    ]);
    assert_eq!(read(Kpi::Retention, &p), inconsistent);
    assert_eq!(read(Kpi::Churn, &p), inconsistent);
    // More customers kept (1500 − 10 = 1490) than there were (1000).
    let p = period(&[
        (M::CustomersStart, "1000"),
        (M::CustomersEnd, "1500"),
        (M::CustomersNew, "10"),
    ]);
    assert_eq!(read(Kpi::Retention, &p), inconsistent);
    assert_eq!(read(Kpi::Churn, &p), inconsistent);
    // The CLV inherits the churn's error.
    let mut clv = p.clone();
    clv.values.margin_per_customer = Some(d("960"));
    clv.values.marketing_spend = Some(d("1000"));
    assert_eq!(read(Kpi::Clv, &clv), inconsistent);
    // No customers at the start.
    let p = period(&[
        (M::CustomersStart, "0"),
        (M::CustomersEnd, "10"),
        (M::CustomersNew, "10"),
    ]);
    assert_eq!(read(Kpi::Retention, &p), by_zero);
    assert_eq!(read(Kpi::Churn, &p), by_zero);
    // More satisfied than responses; more responses than surveys sent.
    let p = period(&[
        (M::Satisfied, "201"),
        (M::SurveyResponses, "200"),
        (M::SurveysSent, "100"),
    ]);
    assert_eq!(read(Kpi::Csat, &p), inconsistent);
    assert_eq!(read(Kpi::SurveyResponse, &p), inconsistent);
    // More opened, clicked or delivered than the whole; more won than leads; more bad
    // records than records; more correct predictions than predictions.
    let p = period(&[
        (M::EmailsSent, "100"),
        (M::EmailsDelivered, "101"),
        (M::EmailsOpened, "102"),
        (M::EmailsClicked, "102"),
        (M::Leads, "10"),
        (M::WonDeals, "11"),
        (M::Records, "10"),
        (M::BadRecords, "11"),
        (M::Predictions, "10"),
        (M::CorrectPredictions, "11"),
    ]);
    for k in [
        Kpi::Delivery,
        Kpi::OpenRate,
        Kpi::ClickRate,
        Kpi::Conversion,
        Kpi::BadRecords,
        Kpi::AiAccuracy,
    ] {
        assert_eq!(read(k, &p), inconsistent, "{k:?}");
    }
    // Zero denominators everywhere.
    let zeros: Vec<(Measure, &str)> = Measure::ALL.iter().map(|&m| (m, "0")).collect();
    let p = period(&zeros);
    for k in Kpi::ALL {
        let expected = match k {
            // A count of zero complaints is a value.
            Kpi::Complaints => Ok(Decimal::ZERO),
            // No deals pasted.
            Kpi::SalesCycle => Err(Gap::NotEntered),
            _ => by_zero,
        };
        assert_eq!(read(k, &p), expected, "{k:?}");
    }
}

/// Pins current behaviour that differs from every other KPI (see the report that came
/// with this file): the CLV computes its churn before it looks for the spend, so with the
/// spend blank *and* contradictory customer counts it shows the contradiction, where the
/// module docs ("a figure left blank … NotEntered") and the other KPIs would say
/// NotEntered. If the CLV is changed to check all its figures first, flip the expectation.
#[test]
fn clv_blank_spend_reads_as_not_entered_even_with_contradictory_counts() {
    let p = period(&[
        (M::MarginPerCustomer, "960"),
        (M::CustomersStart, "1000"),
        (M::CustomersEnd, "50"),
        (M::CustomersNew, "100"), // more new customers than at the end
    ]);
    assert!(Kpi::Clv.inputs().contains(&M::MarketingSpend));
    assert_eq!(M::MarketingSpend.get(&p.values), None);
    assert_eq!(read(Kpi::Clv, &p), Err(Gap::NotEntered));
    // With the spend entered, the contradiction shows.
    let mut spend = p.clone();
    M::MarketingSpend.set(&mut spend.values, Some(d("1000")));
    assert_eq!(
        read(Kpi::Clv, &spend),
        Err(Gap::Invalid(KpiError::Inconsistent))
    );
}

// ---------------------------------------------------------------------------------------
// Comparisons

#[test]
fn compare_the_hand_worked_periods() {
    use Verdict::{Better, Changed, Same, Worse};
    let all = compare_all(&fixture());
    let order: Vec<Kpi> = all.iter().map(|c| c.kpi).collect();
    assert_eq!(order, Kpi::ALL.to_vec());
    // (KPI, current − baseline, relative change %, verdict). Relative changes that do
    // not terminate were computed with Python's decimal at 40 digits:
    // (a − b) ÷ |b| × 100.
    let rows: [(Kpi, &str, &str, Verdict); 24] = [
        (Kpi::Retention, "5", "5.882352941176470588235294", Better),
        (Kpi::Churn, "-5", "-33.33333333333333333333333", Better),
        (Kpi::Complaints, "4", "10", Worse),
        (Kpi::Csat, "5", "6.666666666666666666666667", Better),
        (Kpi::Nps, "30", "200", Better),
        (Kpi::SurveyResponse, "10", "25", Better),
        (Kpi::OrderValue, "40", "8", Better),
        (Kpi::Conversion, "2.5", "20", Better),
        (Kpi::SalesCycle, "-7", "-50", Better),
        (Kpi::OpenRate, "5", "25", Better),
        (Kpi::ClickRate, "1", "25", Better),
        (Kpi::TimeOnSite, "-0.5", "-20", Worse),
        (Kpi::Downloads, "3", "60", Better),
        (
            Kpi::BadRecords,
            "-10",
            "-66.66666666666666666666667",
            Better,
        ),
        (Kpi::Delivery, "3", "3.157894736842105263157895", Better),
        (Kpi::Cac, "-50", "-10", Better),
        (Kpi::Romi, "40", "66.66666666666666666666667", Better),
        (Kpi::Cpc, "0.2", "8", Worse),
        (Kpi::Cpl, "-5", "-10", Better),
        (Kpi::Cpa, "-100", "-25", Better),
        (Kpi::LeadResponse, "-3", "-50", Better),
        (Kpi::Resolution, "-4", "-33.33333333333333333333333", Better),
        (Kpi::Interactions, "1", "20", Changed),
        (Kpi::AiAccuracy, "0", "0", Same),
    ];
    for (k, absolute, relative, v) in rows {
        let c = comparison(&all, k);
        assert_eq!(c.absolute, Some(d(absolute)), "{k:?}");
        let rel = c.relative.unwrap_or_else(|| panic!("{k:?}: no relative"));
        assert!(close(rel, d(relative), "1e-20"), "{k:?}: {rel}");
        assert_eq!(c.verdict, Some(v), "{k:?}");
    }
    // The CLV: 352.2968… → 3870. Python: 3870 − clv = 3517.70315401434048526993955578,
    // ÷ clv × 100 = 998.505434862034220447115634745.
    let clv = comparison(&all, Kpi::Clv);
    assert!(close(clv.baseline.unwrap(), d(BASELINE_CLV), "1e-20"));
    assert_eq!(clv.current, Ok(d("3870")));
    assert!(close(
        clv.absolute.unwrap(),
        d("3517.703154014340485269939556"),
        "1e-20"
    ));
    assert!(close(
        clv.relative.unwrap(),
        d("998.5054348620342204471156347"),
        "1e-18"
    ));
    assert_eq!(clv.verdict, Some(Better));
}

#[test]
fn verdicts_follow_each_kpis_direction() {
    use Verdict::{Better, Changed, Same, Worse};
    let (one, two) = (d("1"), d("2"));
    assert_eq!(verdict(Direction::Up, one, two), Better);
    assert_eq!(verdict(Direction::Up, two, one), Worse);
    assert_eq!(verdict(Direction::Down, two, one), Better);
    assert_eq!(verdict(Direction::Down, one, two), Worse);
    assert_eq!(verdict(Direction::Neutral, one, two), Changed);
    assert_eq!(verdict(Direction::Neutral, two, one), Changed);
    for dir in [Direction::Up, Direction::Down, Direction::Neutral] {
        assert_eq!(verdict(dir, two, two), Same);
        // Equal values at different scales are the same value.
        assert_eq!(verdict(dir, d("1.5"), d("1.50000")), Same);
        assert_eq!(verdict(dir, d("-3"), d("-3.0")), Same);
    }
    // Negative values: −50 → −25 is up.
    assert_eq!(verdict(Direction::Up, d("-50"), d("-25")), Better);
}

#[test]
fn compare_cac_up_zero_and_negative_baselines() {
    let m = Measurement {
        baseline: period(&[
            // CAC 1000 ÷ 10 = 100; ROMI (500 − 1000) ÷ 1000 = −50 %.
            (M::MarketingSpend, "1000"),
            (M::CustomersNew, "10"),
            (M::MarketingProfit, "500"),
            (M::Complaints, "0"),
            (M::Interactions, "50"),
            (M::CustomersEnd, "10"),
        ]),
        current: period(&[
            // CAC 1500 ÷ 10 = 150; ROMI (2250 − 1500) ÷ 1500 = 50 %.
            (M::MarketingSpend, "1500"),
            (M::CustomersNew, "10"),
            (M::MarketingProfit, "2250"),
            (M::Complaints, "5"),
            (M::Interactions, "40"),
            (M::CustomersEnd, "10"),
        ]),
        ..Measurement::default()
    };
    let all = compare_all(&m);
    // CAC up is worse: +50, (150 − 100) ÷ 100 = +50 %.
    let cac = comparison(&all, Kpi::Cac);
    assert_eq!(
        (cac.baseline, cac.current, cac.absolute, cac.relative),
        (Ok(d("100")), Ok(d("150")), Some(d("50")), Some(d("50")))
    );
    assert_eq!(cac.verdict, Some(Verdict::Worse));
    // Complaints from zero: an absolute change, no relative one.
    let complaints = comparison(&all, Kpi::Complaints);
    assert_eq!(complaints.absolute, Some(d("5")));
    assert_eq!(complaints.relative, None);
    assert_eq!(complaints.verdict, Some(Verdict::Worse));
    // ROMI −50 % → 50 %: +100 points, ÷ |−50| × 100 = +200 %.
    let romi = comparison(&all, Kpi::Romi);
    assert_eq!((romi.baseline, romi.current), (Ok(d("-50")), Ok(d("50"))));
    assert_eq!(
        (romi.absolute, romi.relative),
        (Some(d("100")), Some(d("200")))
    );
    assert_eq!(romi.verdict, Some(Verdict::Better));
    // Interactions 5 → 4 per customer: changed, neither better nor worse.
    let inter = comparison(&all, Kpi::Interactions);
    assert_eq!(
        (inter.absolute, inter.relative, inter.verdict),
        (Some(d("-1")), Some(d("-20")), Some(Verdict::Changed))
    );
    // Any KPI missing a side has no change and no verdict.
    let csat = comparison(&all, Kpi::Csat);
    assert_eq!(csat.baseline, Err(Gap::NotEntered));
    assert_eq!(
        (csat.absolute, csat.relative, csat.verdict),
        (None, None, None)
    );
    let mut one_side = fixture();
    one_side.current.values = Values::default();
    for c in compare_all(&one_side) {
        assert!(c.baseline.is_ok(), "{:?}", c.kpi);
        if c.kpi != Kpi::SalesCycle {
            assert_eq!(c.current, Err(Gap::NotEntered), "{:?}", c.kpi);
            assert_eq!((c.absolute, c.relative, c.verdict), (None, None, None));
        }
    }
}

// ---------------------------------------------------------------------------------------
// Yearly churn

#[test]
fn yearly_loss_from_a_period_rate() {
    // No length: the period is a year, the rate is kept as it is (exactly).
    for rate in ["0", "5", "12.3456789", "100"] {
        assert_eq!(yearly_loss_pct(d(rate), None), Some(d(rate)), "{rate}");
    }
    // A year: 1 − (1 − c)^1 = c, within the f64 rounding.
    for rate in ["0", "5", "15", "33.3333", "99.99", "100"] {
        let y = yearly_loss_pct(d(rate), Some(365)).unwrap();
        assert!(close(y, d(rate), "0.0001"), "{rate}: {y}");
    }
    // A quarter of 90 days at 5 %. Python:
    //   (1 - (Decimal('0.95').ln() * 365 / 90).exp()) * 100 = 18.781148547147225800…
    // rounded to 4 decimals 18.7811 (its 5th decimal, 4, is far from a boundary).
    assert_eq!(yearly_loss_pct(d("5"), Some(90)), Some(d("18.7811")));
    // 91 days: 18.595272732446599697… (Python, same formula).
    let y = yearly_loss_pct(d("5"), Some(91)).unwrap();
    assert!(close(y, d("18.5953"), "0.00005"), "{y}");
    // Two years at 19 %: 1 − 0.81^0.5 = 1 − 0.9 = 10 %.
    assert_eq!(yearly_loss_pct(d("19"), Some(730)), Some(d("10")));
    // Nothing lost stays nothing; everything lost stays everything.
    assert_eq!(yearly_loss_pct(d("0"), Some(30)), Some(d("0")));
    assert_eq!(yearly_loss_pct(d("100"), Some(30)), Some(d("100")));
    // Rounded to at most 4 decimals.
    let y = yearly_loss_pct(d("1"), Some(7)).unwrap();
    assert!(y.scale() <= 4, "{y}");
    // Out of range rates and lengths.
    for (rate, days) in [
        ("-0.01", Some(90)),
        ("-5", Some(365)),
        ("100.01", Some(90)),
        ("150", Some(365)),
        ("5", Some(0)),
        ("5", Some(-90)),
    ] {
        assert_eq!(yearly_loss_pct(d(rate), days), None, "{rate} {days:?}");
    }
}

// ---------------------------------------------------------------------------------------
// The CLV calculator

fn clv(margin: &str, retention: &str, discount: &str, acquisition: &str) -> ClvInputs {
    ClvInputs {
        margin_per_year: d(margin),
        retention_pct: d(retention),
        discount_pct: d(discount),
        acquisition_cost: d(acquisition),
    }
}

#[test]
fn clv_calculator_simple_and_discounted() {
    // Defaults: 960, 85 %, 10 %, 450. Lifetime 100 ÷ 15 = 6.66… years;
    // simple 960 × 100 ÷ 15 − 450 = 6400 − 450 = 5950;
    // discounted 960 × 0.85 ÷ (1.1 − 0.85) − 450 = 816 ÷ 0.25 − 450 = 3264 − 450 = 2814.
    let defaults = ClvInputs::default();
    assert_eq!(defaults, clv("960", "85", "10", "450"));
    let r = defaults.evaluate();
    assert!(close(
        r.lifetime_years.unwrap(),
        d("6.666666666666666666666666667"),
        "1e-25"
    ));
    assert!(
        close(r.simple.unwrap(), d("5950"), "1e-20"),
        "{:?}",
        r.simple
    );
    assert_eq!(r.discounted, Ok(d("2814")));

    // 1000 a year, 80 %, no discount, free: lifetime 5, simple 5000,
    // discounted 1000 × 0.8 ÷ (1 − 0.8) = 4000.
    let r = clv("1000", "80", "0", "0").evaluate();
    assert_eq!(r.lifetime_years, Some(d("5")));
    assert_eq!(r.simple, Ok(d("5000")));
    assert_eq!(r.discounted, Ok(d("4000")));

    // A customer who costs money: −200, 75 %, 25 %, 100: lifetime 4,
    // simple −800 − 100 = −900, discounted −200 × 0.75 ÷ (1.25 − 0.75) − 100 = −400.
    let r = clv("-200", "75", "25", "100").evaluate();
    assert_eq!(r.lifetime_years, Some(d("4")));
    assert_eq!(r.simple, Ok(d("-900")));
    assert_eq!(r.discounted, Ok(d("-400")));

    // Nobody stays: lifetime 1 year, simple 960 − 450 = 510, discounted 0 − 450.
    let r = clv("960", "0", "10", "450").evaluate();
    assert_eq!(r.lifetime_years, Some(d("1")));
    assert_eq!(r.simple, Ok(d("510")));
    assert_eq!(r.discounted, Ok(d("-450")));

    // Everybody stays: no lifetime, simple CLV infinite (an error); discounted at 10 %
    // 960 × 1 ÷ 0.1 − 450 = 9600 − 450 = 9150, and at 0 % an error.
    let r = clv("960", "100", "10", "450").evaluate();
    assert_eq!(r.lifetime_years, None);
    assert_eq!(r.simple, Err(KpiError::DivisionByZero));
    assert_eq!(r.discounted, Ok(d("9150")));
    let r = clv("960", "100", "0", "450").evaluate();
    assert_eq!(r.lifetime_years, None);
    assert_eq!(r.simple, Err(KpiError::DivisionByZero));
    assert_eq!(r.discounted, Err(KpiError::DivisionByZero));
}

// ---------------------------------------------------------------------------------------
// Proposals for the ROI model

fn proposals_for(m: &Measurement, inputs: &Inputs) -> Vec<Proposal> {
    proposals(&compare_all(m), m, inputs)
}

fn proposal(field: Field, from: &str, to: &str) -> Proposal {
    Proposal {
        field,
        from: d(from),
        to: d(to),
    }
}

/// `apply` changed exactly the proposed fields, to the proposed values.
fn assert_applied(inputs: &Inputs, list: &[Proposal]) {
    let out = apply(inputs, list);
    for &f in Field::ALL {
        match list.iter().find(|p| p.field == f) {
            Some(p) => assert_eq!(f.get(&out), p.to, "{f:?}"),
            None => assert_eq!(f.get(&out), f.get(inputs), "{f:?} untouched"),
        }
    }
    assert_eq!(out.lines, inputs.lines);
}

#[test]
fn proposals_from_the_hand_worked_periods() {
    let inputs = Inputs::default();
    let list = proposals_for(&fixture(), &inputs);
    // Defaults (src/engine/model.rs): conversion 10 → 11.5, churn 15 → 13, cycle 60 →
    // 55, deal size uplift 4, CPA reduction 8.
    let expected = vec![
        proposal(Field::ConversionBeforePct, "10", "12.5"),
        proposal(Field::ConversionAfterPct, "11.5", "15"),
        // 90-day churn 15 % made yearly (see BASELINE_YEARLY_CHURN); the undated current
        // period's 10 % is yearly already.
        proposal(Field::ChurnBeforePct, "15", BASELINE_YEARLY_CHURN),
        proposal(Field::ChurnAfterPct, "13", "10"),
        proposal(Field::CycleDaysBefore, "60", "14"),
        proposal(Field::CycleDaysAfter, "55", "7"),
        // Order value 500 → 540: +8 %.
        proposal(Field::DealSizeUpliftPct, "4", "8"),
        // CAC 500 → 450: −10 %, a 10 % reduction.
        proposal(Field::CpaReductionPct, "8", "10"),
    ];
    assert_eq!(list, expected);
    assert_applied(&inputs, &list);
    // Applying them leaves nothing to propose.
    let applied = apply(&inputs, &list);
    assert_eq!(proposals_for(&fixture(), &applied), vec![]);
    // Applying nothing changes nothing.
    assert_eq!(apply(&inputs, &[]), inputs);
}

#[test]
fn proposals_equal_to_the_inputs_are_left_out() {
    let inputs = Inputs {
        conversion_before_pct: d("12.5"),
        churn_after_pct: d("10.000"), // equal at another scale
        cycle_days_after: d("7"),
        cpa_reduction_pct: d("10"),
        ..Inputs::default()
    };
    let list = proposals_for(&fixture(), &inputs);
    let fields: Vec<Field> = list.iter().map(|p| p.field).collect();
    assert_eq!(
        fields,
        vec![
            Field::ConversionAfterPct,
            Field::ChurnBeforePct,
            Field::CycleDaysBefore,
            Field::DealSizeUpliftPct,
        ]
    );
    assert_applied(&inputs, &list);
}

#[test]
fn proposals_need_both_periods() {
    // Conversion measured in the baseline only; churn in neither: nothing proposed for
    // them. The cycle is pasted in both.
    let mut m = fixture();
    for measure in [M::Leads, M::CustomersStart] {
        measure.set(&mut m.current.values, None);
    }
    let fields: Vec<Field> = proposals_for(&m, &Inputs::default())
        .iter()
        .map(|p| p.field)
        .collect();
    assert_eq!(
        fields,
        vec![
            Field::CycleDaysBefore,
            Field::CycleDaysAfter,
            Field::DealSizeUpliftPct,
            Field::CpaReductionPct,
        ]
    );
    assert_eq!(
        proposals_for(&Measurement::default(), &Inputs::default()),
        vec![]
    );
}

#[test]
fn proposals_are_zero_when_order_value_fell_or_cac_rose() {
    // The fixture backwards: order value 540 → 500 (fell), CAC 450 → 500 (rose).
    let m = Measurement {
        baseline: current(),
        current: baseline(),
        ..Measurement::default()
    };
    let list = proposals_for(&m, &Inputs::default());
    let find = |f: Field| list.iter().find(|p| p.field == f).copied();
    assert_eq!(
        find(Field::DealSizeUpliftPct),
        Some(proposal(Field::DealSizeUpliftPct, "4", "0"))
    );
    assert_eq!(
        find(Field::CpaReductionPct),
        Some(proposal(Field::CpaReductionPct, "8", "0"))
    );
    // Churn: the undated 10 % is the "before", the 90-day 15 % the "after".
    assert_eq!(
        find(Field::ChurnAfterPct),
        Some(proposal(Field::ChurnAfterPct, "13", BASELINE_YEARLY_CHURN))
    );
    assert_applied(&Inputs::default(), &list);
}

#[test]
fn proposals_are_clamped_to_each_fields_range() {
    let (cycle_min, cycle_max) = Field::CycleDaysBefore.range();
    let (_, uplift_max) = Field::DealSizeUpliftPct.range();
    assert_eq!(
        (cycle_min, cycle_max, uplift_max),
        (d("1"), d("3650"), d("1000"))
    );
    let m = Measurement {
        baseline: Period {
            // Every deal closed the day it was created: a mean of 0 days.
            deals: "2025-01-01\t2025-01-01\n2025-02-01\t2025-02-01\n".into(),
            // Order value 10 ÷ 10 = 1; conversion 1 ÷ 3 = 33.33…%.
            ..period(&[
                (M::Revenue, "10"),
                (M::Orders, "10"),
                (M::WonDeals, "1"),
                (M::Leads, "3"),
            ])
        },
        current: Period {
            // 2000-01-01 → 2020-01-01 is 20 × 365 + 5 leap days = 7305 days.
            deals: "2000-01-01\t2020-01-01\n".into(),
            // Order value 200 ÷ 10 = 20: +1900 %; conversion 2 ÷ 3 = 66.66…%.
            ..period(&[
                (M::Revenue, "200"),
                (M::Orders, "10"),
                (M::WonDeals, "2"),
                (M::Leads, "3"),
            ])
        },
        ..Measurement::default()
    };
    let all = compare_all(&m);
    assert_eq!(comparison(&all, Kpi::SalesCycle).baseline, Ok(d("0")));
    assert_eq!(comparison(&all, Kpi::SalesCycle).current, Ok(d("7305")));
    assert_eq!(comparison(&all, Kpi::OrderValue).relative, Some(d("1900")));
    let list = proposals(&all, &m, &Inputs::default());
    assert_eq!(
        list,
        vec![
            // 33.333… and 66.666… rounded to 4 decimals.
            proposal(Field::ConversionBeforePct, "10", "33.3333"),
            proposal(Field::ConversionAfterPct, "11.5", "66.6667"),
            proposal(Field::CycleDaysBefore, "60", "1"),
            proposal(Field::CycleDaysAfter, "55", "3650"),
            proposal(Field::DealSizeUpliftPct, "4", "1000"),
        ]
    );
    for p in &list {
        assert_eq!(p.field.check(p.to), Ok(()), "{p:?}");
    }
    assert_applied(&Inputs::default(), &list);
    assert_eq!(apply(&Inputs::default(), &list).validate(), Ok(()));
}

// ---------------------------------------------------------------------------------------
// Validation

#[test]
fn measure_values_are_checked() {
    let max_plus = MEASURE_MAX + d("0.0001");
    for &m in Measure::ALL {
        assert_eq!(m.check(Decimal::ZERO), Ok(()), "{m:?}");
        assert_eq!(m.check(MEASURE_MAX), Ok(()), "{m:?}");
        assert_eq!(m.check(d("-1")), Err(Problem::BelowMin), "{m:?}");
        assert_eq!(m.check(d("-0.5")), Err(Problem::BelowMin), "{m:?}");
        assert_eq!(m.check(max_plus), Err(Problem::AboveMax), "{m:?}");
        let fraction = m.check(d("2.5"));
        if m.unit() == Unit::Count {
            assert_eq!(fraction, Err(Problem::NotWhole), "{m:?}");
            // A whole value written with decimals is whole.
            assert_eq!(m.check(d("2.000")), Ok(()), "{m:?}");
        } else {
            assert_eq!(fraction, Ok(()), "{m:?}");
        }
    }
}

#[test]
fn measurements_validate() {
    use MeasurementError::{BadCampaign, BadClv, BadValue, TooLong};
    assert_eq!(Measurement::default().validate(), Ok(()));
    assert!(Measurement::default().is_empty());
    assert_eq!(fixture().validate(), Ok(()));
    assert!(!fixture().is_empty());
    // Contradictions and reversed dates are not validation errors.
    let mut odd = fixture();
    odd.baseline.values.customers_new = Some(d("5000"));
    odd.current.start = Some(date(2026, 1, 1));
    odd.current.end = Some(date(2025, 1, 1));
    assert_eq!(odd.validate(), Ok(()));

    // Values, in either period.
    for &m in Measure::ALL {
        let fraction = if m.unit() == Unit::Count {
            Some("0.5")
        } else {
            None
        };
        for bad in ["-1", "1000000000000.0001"].into_iter().chain(fraction) {
            for which in 0..2 {
                let mut x = fixture();
                let p = if which == 0 {
                    &mut x.baseline
                } else {
                    &mut x.current
                };
                m.set(&mut p.values, Some(d(bad)));
                assert_eq!(x.validate(), Err(BadValue), "{m:?} = {bad} in {which}");
            }
        }
        let mut x = Measurement::default();
        m.set(&mut x.current.values, Some(MEASURE_MAX));
        assert_eq!(x.validate(), Ok(()), "{m:?} at the maximum");
    }

    // Deals pastes: counted in characters, not bytes.
    for which in 0..2 {
        let mut x = Measurement::default();
        let p = if which == 0 {
            &mut x.baseline
        } else {
            &mut x.current
        };
        p.deals = "é".repeat(MAX_DEALS_CHARS);
        assert_eq!(x.validate(), Ok(()));
        let p = if which == 0 {
            &mut x.baseline
        } else {
            &mut x.current
        };
        p.deals.push('x');
        assert_eq!(x.validate(), Err(TooLong));
    }

    // Campaigns: count and names.
    let row = |name: &str| Campaign {
        name: name.into(),
        spend: d("1000"),
        clicks: d("500"),
        leads: d("50"),
        customers: d("5"),
        revenue: d("6000"),
        margin_pct: d("40"),
    };
    let with = |rows: Vec<Campaign>| Measurement {
        campaigns: rows,
        ..Measurement::default()
    };
    assert_eq!(with(vec![row("A"); MAX_CAMPAIGNS]).validate(), Ok(()));
    assert_eq!(
        with(vec![row("A"); MAX_CAMPAIGNS + 1]).validate(),
        Err(TooLong)
    );
    assert_eq!(MAX_CAMPAIGNS + 1, 51);
    assert_eq!(
        with(vec![row(&"ñ".repeat(MAX_NAME_CHARS))]).validate(),
        Ok(())
    );
    assert_eq!(
        with(vec![row(&"ñ".repeat(MAX_NAME_CHARS + 1))]).validate(),
        Err(TooLong)
    );
    assert_eq!(MAX_NAME_CHARS + 1, 121);

    // Campaign amounts and margin.
    type Edit = fn(&mut Campaign);
    let bad: [(&str, Edit); 9] = [
        ("margin 101", |c| c.margin_pct = d("101")),
        ("margin 100.0001", |c| c.margin_pct = d("100.0001")),
        ("margin −1", |c| c.margin_pct = d("-1")),
        ("negative spend", |c| c.spend = d("-1")),
        ("negative clicks", |c| c.clicks = d("-0.01")),
        ("negative leads", |c| c.leads = d("-1")),
        ("negative customers", |c| c.customers = d("-1")),
        ("negative revenue", |c| c.revenue = d("-1")),
        ("huge revenue", |c| c.revenue = MEASURE_MAX + Decimal::ONE),
    ];
    for (what, edit) in bad {
        let mut c = row("A");
        edit(&mut c);
        assert_eq!(
            with(vec![row("B"), c]).validate(),
            Err(BadCampaign),
            "{what}"
        );
    }
    let mut edge = row("A");
    edge.margin_pct = d("100");
    edge.spend = MEASURE_MAX;
    edge.revenue = Decimal::ZERO;
    assert_eq!(with(vec![edge]).validate(), Ok(()));

    // The CLV calculator.
    let max = MEASURE_MAX.to_string();
    let max_plus = (MEASURE_MAX + Decimal::ONE).to_string();
    let neg_max = (-MEASURE_MAX).to_string();
    let neg_max_minus = (-MEASURE_MAX - Decimal::ONE).to_string();
    for (inputs, ok) in [
        (clv("960", "101", "10", "450"), false),
        (clv("960", "100.01", "10", "450"), false),
        (clv("960", "-1", "10", "450"), false),
        (clv("960", "85", "101", "450"), false),
        (clv("960", "85", "-1", "450"), false),
        (clv("960", "85", "10", "-1"), false),
        (clv("960", "85", "10", &max_plus), false),
        (clv(&max_plus, "85", "10", "450"), false),
        (clv(&neg_max_minus, "85", "10", "450"), false),
        (clv("960", "100", "100", &max), true),
        (clv(&neg_max, "0", "0", "0"), true),
        (clv(&max, "85", "10", "450"), true),
    ] {
        let x = Measurement {
            clv: inputs.clone(),
            ..Measurement::default()
        };
        let expected = if ok { Ok(()) } else { Err(BadClv) };
        assert_eq!(x.validate(), expected, "{inputs:?}");
        assert_eq!(inputs.is_valid(), ok, "{inputs:?}");
    }
}

// ---------------------------------------------------------------------------------------
// Dates and the stored form

#[test]
fn period_length_in_days() {
    let span = |a: NaiveDate, b: NaiveDate| Period {
        start: Some(a),
        end: Some(b),
        ..Period::default()
    };
    // Both ends included.
    assert_eq!(span(date(2025, 1, 1), date(2025, 1, 1)).days(), Some(1));
    assert_eq!(span(date(2025, 1, 1), date(2025, 1, 31)).days(), Some(31));
    assert_eq!(span(date(2025, 1, 1), date(2025, 12, 31)).days(), Some(365));
    assert_eq!(span(date(2024, 1, 1), date(2024, 12, 31)).days(), Some(366));
    // 2024-02-01 → 2024-03-01: 29 days of February + 1.
    assert_eq!(span(date(2024, 2, 1), date(2024, 3, 1)).days(), Some(30));
    // Across a century not divisible by 400: 1900 has 365 days.
    assert_eq!(span(date(1900, 1, 1), date(1900, 12, 31)).days(), Some(365));
    // Reversed, or a date missing: no length.
    let reversed = span(date(2025, 1, 2), date(2025, 1, 1));
    assert_eq!(reversed.days(), None);
    assert!(reversed.dates_reversed());
    assert!(!span(date(2025, 1, 1), date(2025, 1, 1)).dates_reversed());
    assert!(!span(date(2025, 1, 1), date(2025, 1, 2)).dates_reversed());
    let mut half = span(date(2025, 1, 1), date(2025, 1, 2));
    half.end = None;
    assert_eq!(half.days(), None);
    assert!(!half.dates_reversed());
    let mut half = span(date(2025, 1, 1), date(2025, 1, 2));
    half.start = None;
    assert_eq!(half.days(), None);
    assert!(!half.dates_reversed());
    assert_eq!(Period::default().days(), None);
}

#[test]
fn iso_dates_strictly() {
    assert_eq!(parse_iso("2025-03-14"), Some(date(2025, 3, 14)));
    assert_eq!(parse_iso("2024-02-29"), Some(date(2024, 2, 29)));
    assert_eq!(parse_iso("2000-02-29"), Some(date(2000, 2, 29)));
    assert_eq!(parse_iso("0001-01-01"), Some(date(1, 1, 1)));
    assert_eq!(parse_iso("9999-12-31"), Some(date(9999, 12, 31)));
    for bad in [
        "2025-02-29", // not a leap year
        "1900-02-29", // nor is 1900
        "2025-04-31",
        "2025-13-01",
        "2025-00-10",
        "2025-01-00",
        "1/2/2025",
        "01/02/2025",
        "2025-1-02",
        "2025-01-2",
        "2025/01/02",
        "2025.01.02",
        "25-01-02",
        "02-01-2025",
        "2025-01-02T10:00",
        "2025-01-02 ",
        " 2025-01-02",
        "+2025-01-02",
        "12025-01-02",
        "2025-0a-02",
        "２０２５-01-02",
        "2025−01−02", // minus signs, not hyphens
        "",
        "2025-01-",
    ] {
        assert_eq!(parse_iso(bad), None, "{bad:?}");
    }
    assert_eq!(iso(date(2025, 3, 4)), "2025-03-04");
    assert_eq!(iso(date(987, 12, 31)), "0987-12-31");
    // iso and parse_iso agree on every day of a leap year and around it.
    let mut day = date(2023, 12, 1);
    while day <= date(2025, 3, 1) {
        assert_eq!(parse_iso(&iso(day)), Some(day), "{day}");
        day = day.succ_opt().unwrap();
    }
}

#[test]
fn periods_are_stored_with_iso_dates() {
    let p = baseline();
    let json = serde_json::to_value(&p).unwrap();
    assert_eq!(json["start"], "2025-01-01");
    assert_eq!(json["end"], "2025-03-31");
    assert_eq!(json["deals"], BASELINE_DEALS);
    let back: Period = serde_json::from_value(json).unwrap();
    assert_eq!(back, p);
    // A period without dates or deals leaves them out.
    let json = serde_json::to_value(Period::default()).unwrap();
    assert_eq!(json, json!({"values": {}}));
    // Whole measurements round trip, campaigns and CLV included.
    let mut m = fixture();
    m.campaigns = vec![Campaign {
        name: "Búsqueda \"pagada\"".into(),
        spend: d("1234.5678"),
        margin_pct: d("37.5"),
        ..Campaign::default()
    }];
    m.clv = clv("-12.34", "99.5", "0", "7");
    let text = serde_json::to_string(&m).unwrap();
    assert_eq!(serde_json::from_str::<Measurement>(&text).unwrap(), m);

    // Reading: anything but a strict ISO date is no date; missing keys take defaults.
    let read = |v: Value| serde_json::from_value::<Period>(v).unwrap();
    assert_eq!(
        read(json!({"start": "2024-02-29", "end": "2025-02-29"})),
        Period {
            start: Some(date(2024, 2, 29)),
            ..Period::default()
        }
    );
    for garbage in [
        json!("31/03/2025"),
        json!("2025-3-31"),
        json!("yesterday"),
        json!(""),
        json!(null),
    ] {
        let p = read(json!({"start": garbage, "end": garbage, "deals": "x"}));
        assert_eq!((p.start, p.end), (None, None), "{garbage}");
        assert_eq!(p.deals, "x");
    }
    assert_eq!(read(json!({})), Period::default());
    // Numbers are read from strings or JSON numbers.
    let p = read(json!({"values": {"customers_start": "1000", "revenue": 12.5}}));
    assert_eq!(p.values.customers_start, Some(d("1000")));
    assert_eq!(p.values.revenue, Some(d("12.5")));
    // A date that is not even a string is an error, not a silent default.
    assert!(serde_json::from_value::<Period>(json!({"start": 20250101})).is_err());
}

// ---------------------------------------------------------------------------------------
// Properties

/// A period's figures: each measure blank (1 in 4) or a small count, mostly, so that
/// the figures agree or contradict each other often; sometimes a huge one.
fn figures() -> impl Strategy<Value = Values> {
    let value = prop_oneof![
        1 => Just(None),
        4 => (0i64..60).prop_map(|n| Some(Decimal::from(n))),
        1 => common::non_negative().prop_map(Some),
    ];
    proptest::collection::vec(value, Measure::ALL.len()).prop_map(|vs| {
        let mut values = Values::default();
        for (&m, v) in Measure::ALL.iter().zip(vs) {
            m.set(&mut values, v);
        }
        values
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// Nothing panics; a KPI is NotEntered exactly when one of its figures is blank;
    /// retention + churn = 100; a comparison has a change and a verdict exactly when
    /// both periods have a value, and the change is current − baseline.
    #[test]
    fn readings_and_comparisons_are_consistent(
        b in figures(),
        c in figures(),
        days in proptest::option::of(1i64..800),
        discount in 0u32..=100,
    ) {
        let start = date(2025, 1, 1);
        let mut m = Measurement {
            baseline: Period { values: b, deals: BASELINE_DEALS.into(), ..Period::default() },
            current: Period { values: c, ..Period::default() },
            ..Measurement::default()
        };
        m.clv.discount_pct = Decimal::from(discount);
        if let Some(days) = days {
            m.baseline.start = Some(start);
            m.baseline.end = start.checked_add_days(chrono::Days::new((days - 1) as u64));
            prop_assert_eq!(m.baseline.days(), Some(days));
        }
        let all = compare_all(&m);
        for cmp in &all {
            for (p, r) in [(&m.baseline, cmp.baseline), (&m.current, cmp.current)] {
                let blank = cmp.kpi.inputs().iter().any(|x| x.get(&p.values).is_none());
                let not_entered = r == Err(Gap::NotEntered);
                if cmp.kpi == Kpi::SalesCycle {
                    continue;
                }
                // NotEntered only with a blank figure; a blank figure never gives a value.
                prop_assert!(!not_entered || blank, "{:?}: {:?}", cmp.kpi, r);
                prop_assert!(!blank || r.is_err(), "{:?}: {:?}", cmp.kpi, r);
                // A blank figure is reported before any contradiction.
                prop_assert_eq!(blank, not_entered, "{:?}: {:?}", cmp.kpi, r);
            }
            match (cmp.baseline, cmp.current) {
                (Ok(b), Ok(a)) => {
                    prop_assert!(cmp.verdict.is_some());
                    if let Some(abs) = cmp.absolute {
                        prop_assert_eq!(abs, a - b);
                    }
                    if b.is_zero() {
                        prop_assert_eq!(cmp.relative, None);
                    }
                }
                _ => prop_assert_eq!((cmp.absolute, cmp.relative, cmp.verdict), (None, None, None)),
            }
        }
        for p in [&m.baseline, &m.current] {
            if let (Ok(r), Ok(c)) = (read(Kpi::Retention, p), read(Kpi::Churn, p)) {
                prop_assert!(close(r + c, Decimal::ONE_HUNDRED, "1e-20"), "{} + {}", r, c);
            }
        }
        // Proposals always land in range, and apply sets exactly them.
        let inputs = Inputs::default();
        let list = proposals(&all, &m, &inputs);
        for p in &list {
            prop_assert_eq!(p.field.check(p.to), Ok(()), "{:?}", p);
            prop_assert_ne!(p.to, p.from);
        }
        prop_assert_eq!(apply(&inputs, &list).validate(), Ok(()));
    }
}

#[test]
fn no_relative_proposal_from_a_zero_baseline() {
    // Order value 0 → 540 (revenue 0 then 5,400 over 10 orders): a rise from zero has no
    // relative size, so no deal-size uplift is proposed (rather than 0 %).
    let order_value = |revenue: &str| period(&[(M::Revenue, revenue), (M::Orders, "10")]);
    let m = Measurement {
        baseline: order_value("0"),
        current: order_value("5400"),
        ..Measurement::default()
    };
    let list = proposals_for(&m, &Inputs::default());
    assert!(
        list.iter().all(|p| p.field != Field::DealSizeUpliftPct),
        "{list:?}"
    );
}

#[test]
fn proposals_round_half_away_from_zero() {
    // 1 deal won of 3,200 leads is 0.03125 %: to 4 decimals, half away from zero (the
    // rule of engine::money), 0.0313; banker's rounding would give 0.0312.
    let conversion = |won: &str| period(&[(M::WonDeals, won), (M::Leads, "3200")]);
    let m = Measurement {
        baseline: conversion("1"),
        current: conversion("2"),
        ..Measurement::default()
    };
    let list = proposals_for(&m, &Inputs::default());
    assert_eq!(
        list.iter().find(|p| p.field == Field::ConversionBeforePct),
        Some(&proposal(Field::ConversionBeforePct, "10", "0.0313"))
    );
}

#[test]
fn yearly_loss_refuses_rates_outside_0_to_100_with_or_without_a_length() {
    for days in [None, Some(365), Some(90)] {
        assert_eq!(yearly_loss_pct(d("150"), days), None, "{days:?}");
        assert_eq!(yearly_loss_pct(d("-5"), days), None, "{days:?}");
    }
}
