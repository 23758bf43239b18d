//! Actual costs and realised benefits against the ROI plan for the same days
//! (`realised` in `src/engine/measure/costs.rs`).
//!
//! Where expected values come from: a plan small enough to work by hand (below), its
//! yearly costs and benefits from the formulas in the docs of `src/engine/model/mod.rs`,
//! shared out by the calendar rule of `src/engine/measure/costs.rs`; every figure is
//! worked in the comment next to it, the ROI quotients checked with Python's `decimal`
//! at 40 digits.

mod common;

use chrono::NaiveDate;
use common::measure::{close, d, period};
use retorno::engine::measure::{
    realised, ActualCosts, Measure as M, Measurement, Period, RealisedError, Skipped,
};
use retorno::engine::model::{BenefitLine, CostLine, Field, Inputs};

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// The plan, by hand:
/// - costs: year 0 = implementation 10,000; each later year licences 10 seats × 50 ×
///   12 = 6,000 (no escalation, no AI add-on) and maintenance 3,650; nothing else, no
///   contingency;
/// - benefits: only the conversion line, 1,000 leads × (12 % − 10 %) × deal 1,000 ×
///   margin 50 % = 10,000 a year, adoption 100 % every year, no haircut.
fn plan() -> Inputs {
    let mut inputs = Inputs::default();
    for (field, value) in [
        (Field::Seats, "10"),
        (Field::LicencePerSeatMonth, "50"),
        (Field::AiAddonPerSeatMonth, "0"),
        (Field::LicenceEscalationPct, "0"),
        (Field::Implementation, "10000"),
        (Field::Integration, "0"),
        (Field::DataMigration, "0"),
        (Field::InitialTraining, "0"),
        (Field::MaintenancePerYear, "3650"),
        (Field::ContinuousTrainingPerYear, "0"),
        (Field::AdminHoursPerMonth, "0"),
        (Field::ContingencyPct, "0"),
        (Field::LeadsPerYear, "1000"),
        (Field::ConversionBeforePct, "10"),
        (Field::ConversionAfterPct, "12"),
        (Field::AvgDealValue, "1000"),
        (Field::GrossMarginPct, "50"),
        (Field::AdoptionYear1Pct, "100"),
        (Field::AdoptionYear2Pct, "100"),
        (Field::AdoptionSteadyPct, "100"),
        (Field::RiskHaircutPct, "0"),
    ] {
        field.set(&mut inputs, d(value));
    }
    for line in BenefitLine::ALL {
        inputs.lines.set(line, line == BenefitLine::Conversion);
    }
    inputs
}

fn costs(lines: &[(CostLine, &str)]) -> ActualCosts {
    let mut c = ActualCosts::default();
    for &(line, amount) in lines {
        c.set(line, Some(d(amount)));
    }
    c
}

/// Conversion `won` of 1,000 leads, between two dates, with actual costs.
fn dated(won: &str, start: NaiveDate, end: NaiveDate, spent: ActualCosts) -> Period {
    Period {
        start: Some(start),
        end: Some(end),
        costs: spent,
        ..period(&[(M::WonDeals, won), (M::Leads, "1000")])
    }
}

/// The plan starts on 2025-01-01: model year 1 is 2025 (365 days), year 2 is 2026.
fn measured() -> Measurement {
    Measurement {
        periods: vec![
            // Baseline, before the plan: conversion 100 ÷ 1000 = 10 %, no costs entered.
            dated(
                "100",
                day(2024, 10, 1),
                day(2024, 12, 31),
                ActualCosts::default(),
            ),
            // Pilot: 2025-01-01 to 03-14 = 31 + 28 + 14 = 73 days = 1/5 of 2025;
            // conversion 15 %.
            dated(
                "150",
                day(2025, 1, 1),
                day(2025, 3, 14),
                costs(&[
                    (CostLine::OneTime, "12000"),
                    (CostLine::Licences, "1000"),
                    (CostLine::Maintenance, "800"),
                ]),
            ),
            // Rollout across the model years: 2025-12-02 to 12-31 = 30 days of year 1,
            // 2026-01-01 to 02-12 = 43 days of year 2; conversion 14 %.
            dated(
                "140",
                day(2025, 12, 2),
                day(2026, 2, 12),
                costs(&[
                    (CostLine::Licences, "1300"),
                    (CostLine::Maintenance, "700"),
                    (CostLine::Training, "50"),
                ]),
            ),
            // Reversed dates and no dates: shown as skipped, not counted.
            dated(
                "10",
                day(2026, 6, 30),
                day(2026, 4, 1),
                costs(&[(CostLine::Staff, "99")]),
            ),
            Period {
                costs: costs(&[(CostLine::Staff, "99")]),
                ..Period::default()
            },
        ],
        plan_start: Some(day(2025, 1, 1)),
        ..Measurement::default()
    }
}

#[test]
fn actual_costs_and_realised_benefits_against_the_plan() {
    let r = realised(&measured(), &plan(), &[]).unwrap();
    assert_eq!(r.plan_start, day(2025, 1, 1));
    assert_eq!(r.periods.len(), 5);
    assert_eq!(r.periods[0], Err(Skipped::NoActualCosts));
    assert_eq!(r.periods[3], Err(Skipped::DatesReversed));
    assert_eq!(r.periods[4], Err(Skipped::NoDates));

    // Pilot, 73 of 365 days of year 1 = 1/5, and the plan's start day.
    let pilot = r.periods[1].as_ref().unwrap();
    assert_eq!((pilot.period, pilot.days), (1, 73));
    let f = &pilot.figures;
    let line = |l: CostLine| f.lines[l as usize];
    // One-time: all 10,000 planned (the start day is in it); spent 12,000: +2,000, +20 %.
    let one = line(CostLine::OneTime);
    assert_eq!(
        (
            one.plan,
            one.actual,
            one.entered,
            one.variance,
            one.variance_pct
        ),
        (d("10000"), d("12000"), true, d("2000"), Some(d("20")))
    );
    // Licences 6,000 ÷ 5 = 1,200 planned, 1,000 spent: −200, −16.66… %.
    let lic = line(CostLine::Licences);
    assert_eq!((lic.plan, lic.variance), (d("1200"), d("-200")));
    assert!(close(
        lic.variance_pct.unwrap(),
        d("-16.666666666666666666666666667"),
        "1e-25"
    ));
    // Maintenance 3,650 ÷ 5 = 730 planned, 800 spent: +70, 70 ÷ 730 = 9.589… %.
    let mnt = line(CostLine::Maintenance);
    assert_eq!((mnt.plan, mnt.variance), (d("730"), d("70")));
    assert!(close(
        mnt.variance_pct.unwrap(),
        d("9.5890410958904109589041095890"),
        "1e-25"
    ));
    // Staff: nothing planned, nothing entered.
    let staff = line(CostLine::Staff);
    assert_eq!(
        (staff.plan, staff.actual, staff.entered, staff.variance_pct),
        (d("0"), d("0"), false, None)
    );
    // Totals: plan 10,000 + 1,200 + 730 = 11,930; actual 12,000 + 1,000 + 800 = 13,800.
    assert_eq!((f.plan_costs, f.actual_costs), (d("11930"), d("13800")));
    // Benefits: the plan's 10,000 a year ÷ 5 = 2,000; measured conversion 10 % → 15 %
    // gives 1,000 × 5 % × 500 = 25,000 a year ÷ 5 = 5,000.
    assert_eq!(
        (f.plan_benefits, f.realised_benefits),
        (d("2000"), d("5000"))
    );
    // Only what the measurements changed is listed: conversion before stays 10 %.
    assert_eq!(pilot.measured, vec![Field::ConversionAfterPct]);
    // ROI (5,000 − 13,800) ÷ 13,800 = −63.768…%; the plan's (2,000 − 11,930) ÷ 11,930
    // = −83.235…%.
    assert!(close(
        f.roi_pct.unwrap(),
        d("-63.768115942028985507246376812"),
        "1e-20"
    ));
    assert!(close(
        f.plan_roi_pct.unwrap(),
        d("-83.235540653813914501257334451"),
        "1e-20"
    ));

    // Rollout: licences 6,000 × 30/365 + 6,000 × 43/365 = 6,000 × 73/365 = 1,200 (no
    // escalation), maintenance 730, no one-time costs (the start day is not in it).
    let rollout = &r.periods[2].as_ref().unwrap().figures;
    let line = |l: CostLine| rollout.lines[l as usize];
    assert_eq!(line(CostLine::OneTime).plan, d("0"));
    assert!(close(line(CostLine::Licences).plan, d("1200"), "1e-20"));
    assert!(close(line(CostLine::Maintenance).plan, d("730"), "1e-20"));
    // Training: 50 spent on a line with nothing planned: +50, no percentage.
    let training = line(CostLine::Training);
    assert_eq!((training.variance, training.variance_pct), (d("50"), None));
    assert_eq!(rollout.actual_costs, d("2050"));
    // Benefits 10,000 × 73/365 = 2,000 planned; conversion 14 %: 1,000 × 4 % × 500 =
    // 20,000 a year → 4,000.
    assert!(close(rollout.plan_benefits, d("2000"), "1e-20"));
    assert!(close(rollout.realised_benefits, d("4000"), "1e-20"));

    // To date: plan costs 11,930 + 1,930 = 13,860, actual 13,800 + 2,050 = 15,850; plan
    // benefits 4,000, realised 9,000. ROI (9,000 − 15,850) ÷ 15,850 = −43.2176…%.
    let t = &r.to_date;
    assert!(close(t.plan_costs, d("13860"), "1e-20"));
    assert_eq!(t.actual_costs, d("15850"));
    assert!(close(t.plan_benefits, d("4000"), "1e-20"));
    assert!(close(t.realised_benefits, d("9000"), "1e-20"));
    assert!(close(
        t.roi_pct.unwrap(),
        d("-43.217665615141955835962145110"),
        "1e-18"
    ));
    assert!(close(
        t.plan_roi_pct.unwrap(),
        d("-71.139971139971139971139971140"),
        "1e-18"
    ));
    // Lines to date: one-time 2,000 over, training entered once, staff never (the
    // skipped periods' 99s are not counted).
    assert_eq!(t.lines[CostLine::OneTime as usize].variance, d("2000"));
    assert!(t.lines[CostLine::Training as usize].entered);
    assert!(!t.lines[CostLine::Staff as usize].entered);
    assert_eq!(t.lines[CostLine::Staff as usize].actual, d("0"));
}

#[test]
fn the_plan_starts_with_the_second_period_unless_set() {
    let mut m = measured();
    m.plan_start = None;
    // Starting 2025-01-01 (the pilot's first day): the same figures.
    let r = realised(&m, &plan(), &[]).unwrap();
    assert_eq!(r.plan_start, day(2025, 1, 1));
    // Without it, nothing to set the plan against.
    m.periods[1].start = None;
    assert_eq!(realised(&m, &plan(), &[]), Err(RealisedError::NoPlanStart));
    // A plan starting later than every period plans nothing for them: every line's
    // plan is 0 and its percentage absent.
    let mut late = measured();
    late.plan_start = Some(day(2030, 1, 1));
    let r = realised(&late, &plan(), &[]).unwrap();
    assert_eq!(r.to_date.plan_costs, d("0"));
    assert_eq!(r.to_date.plan_roi_pct, None);
    assert_eq!(r.to_date.realised_benefits, d("0"));
    assert!(r.to_date.lines.iter().all(|l| l.variance_pct.is_none()));
}

#[test]
fn a_whole_model_year_plans_exactly_its_amounts_and_the_horizon_ends_them() {
    // One period of exactly model year 2 (2026, 365 days) and one of year 4 (beyond a
    // 3-year horizon): 6,000 + 3,650 = 9,650 planned, then nothing.
    let mut inputs = plan();
    Field::HorizonYears.set(&mut inputs, d("3"));
    let spent = costs(&[(CostLine::Licences, "6000")]);
    let m = Measurement {
        periods: vec![
            Period::default(),
            dated("120", day(2026, 1, 1), day(2026, 12, 31), spent),
            dated("120", day(2028, 1, 1), day(2028, 12, 31), spent),
        ],
        plan_start: Some(day(2025, 1, 1)),
        ..Measurement::default()
    };
    let r = realised(&m, &inputs, &[]).unwrap();
    let year2 = &r.periods[1].as_ref().unwrap().figures;
    assert_eq!(year2.plan_costs, d("9650"));
    assert_eq!(year2.plan_benefits, d("10000"));
    // The baseline measured nothing, so nothing was fed: realised = planned.
    assert_eq!(year2.realised_benefits, d("10000"));
    let year4 = &r.periods[2].as_ref().unwrap().figures;
    assert_eq!((year4.plan_costs, year4.plan_benefits), (d("0"), d("0")));
    assert_eq!(r.periods[0], Err(Skipped::NoDates));
}

#[test]
fn inputs_the_model_refuses_are_an_error_not_a_panic() {
    let mut inputs = plan();
    Field::Seats.set(&mut inputs, d("0"));
    assert!(matches!(
        realised(&measured(), &inputs, &[]),
        Err(RealisedError::Model(_))
    ));
}

/// The fixture the browser test of the actual costs panel opens
/// (`tests/fixtures/realised_browser.json`, read by `specs/track.spec.js`): this file's
/// plan and measurement as a share link, so the page shows the figures worked by hand
/// above. `RETORNO_WRITE_FIXTURES=1 cargo test --test measure_realised` rewrites it;
/// otherwise this test fails when it is out of date.
#[test]
fn the_browser_fixture_is_this_plan_and_measurement_as_a_link() {
    use retorno::scenario::codec::{decode_link, encode_link};
    use retorno::scenario::Scenario;
    const PATH: &str = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/realised_browser.json"
    );
    let scenario = Scenario {
        name: "Realised".into(),
        inputs: plan(),
        measure: measured(),
        ..Scenario::default()
    };
    let link = encode_link(&scenario);
    let back = decode_link(&link).unwrap();
    assert_eq!((back.inputs, back.measure), (plan(), measured()));
    let now = serde_json::to_string_pretty(&serde_json::json!({
        "about": "Written by tests/measure_realised.rs (RETORNO_WRITE_FIXTURES=1 cargo test --test measure_realised); read by tests/e2e/specs/track.spec.js.",
        "link": link,
    }))
    .unwrap()
        + "\n";
    if std::env::var_os("RETORNO_WRITE_FIXTURES").is_some() {
        std::fs::write(PATH, &now).unwrap();
    }
    let file = std::fs::read_to_string(PATH).expect("tests/fixtures/realised_browser.json");
    assert_eq!(
        file, now,
        "realised_browser.json is out of date: see this test's docs"
    );
}
