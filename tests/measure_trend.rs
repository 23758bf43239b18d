//! KPIs across many periods (`src/engine/measure/trend.rs`) and the scorecard of targets
//! (`scorecard` in `src/engine/measure/targets.rs`).
//!
//! Where expected values come from: every reading and change is worked out by hand in
//! the comment next to it, from the KPI formulas of `src/engine/kpi.rs` (conversion =
//! won ÷ leads × 100; churn = customers of the start lost ÷ start × 100; relative
//! change = (b − a) ÷ |a| × 100).

mod common;

use chrono::NaiveDate;
use common::measure::{close, d, period};
use retorno::engine::deals::DateOrder;
use retorno::engine::measure::{
    compare, pastes_of, scorecard, trend, Change, Gap, Kpi, Measure as M, Measurement, Period,
    Status, Target, Trend, Verdict,
};

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// Four quarters: baseline, pilot, rollout (nothing measured), quarter 1.
fn four() -> Measurement {
    let dated = |mut p: Period, name: &str, start: NaiveDate, end: NaiveDate| {
        p.name = name.into();
        p.start = Some(start);
        p.end = Some(end);
        p
    };
    Measurement {
        periods: vec![
            dated(
                period(&[
                    // Conversion 100 ÷ 1000 = 10 %; churn (1000 − (950 − 100)) ÷ 1000 = 15 %.
                    (M::WonDeals, "100"),
                    (M::Leads, "1000"),
                    (M::CustomersStart, "1000"),
                    (M::CustomersEnd, "950"),
                    (M::CustomersNew, "100"),
                    // Interactions per customer 4750 ÷ 950 = 5.
                    (M::Interactions, "4750"),
                ]),
                "Línea base",
                day(2025, 1, 1),
                day(2025, 3, 31),
            ),
            dated(
                period(&[
                    // Conversion 120 ÷ 1000 = 12 %; CSAT 150 ÷ 200 = 75 %.
                    (M::WonDeals, "120"),
                    (M::Leads, "1000"),
                    (M::Satisfied, "150"),
                    (M::SurveyResponses, "200"),
                ]),
                "Piloto",
                day(2025, 4, 1),
                day(2025, 6, 30),
            ),
            dated(
                // CSAT 160 ÷ 200 = 80 %; nothing else.
                period(&[(M::Satisfied, "160"), (M::SurveyResponses, "200")]),
                "Despliegue",
                day(2025, 7, 1),
                day(2025, 9, 30),
            ),
            dated(
                period(&[
                    // Conversion 110 ÷ 1000 = 11 %; churn (1000 − (1020 − 120)) ÷ 1000 = 10 %.
                    (M::WonDeals, "110"),
                    (M::Leads, "1000"),
                    (M::CustomersStart, "1000"),
                    (M::CustomersEnd, "1020"),
                    (M::CustomersNew, "120"),
                    // Interactions 6120 ÷ 1020 = 6.
                    (M::Interactions, "6120"),
                ]),
                "T1",
                day(2026, 1, 1),
                day(2026, 3, 31),
            ),
        ],
        ..Measurement::default()
    }
}

fn of(all: &[Trend], k: Kpi) -> &Trend {
    all.iter().find(|t| t.kpi == k).unwrap()
}

fn ch(from: usize, absolute: &str, relative: Option<&str>, verdict: Verdict) -> Option<Change> {
    Some(Change {
        from,
        absolute: d(absolute),
        relative: relative.map(d),
        verdict,
    })
}

#[test]
fn a_trend_compares_each_period_with_the_baseline_and_the_one_before() {
    let m = four();
    let all = trend(&m, &pastes_of(&m, DateOrder::DayFirst));
    assert_eq!(all.len(), Kpi::ALL.len());
    let conv = of(&all, Kpi::Conversion);
    assert_eq!(conv.steps.len(), 4);
    let readings: Vec<_> = conv.steps.iter().map(|s| s.reading).collect();
    assert_eq!(
        readings,
        [Ok(d("10")), Ok(d("12")), Err(Gap::NotEntered), Ok(d("11"))]
    );
    // The baseline has nothing to compare with.
    assert_eq!(
        (conv.steps[0].vs_baseline, conv.steps[0].vs_previous),
        (None, None)
    );
    // Pilot: 12 − 10 = +2, 2 ÷ 10 = +20 %, better, against both.
    let up = ch(0, "2", Some("20"), Verdict::Better);
    assert_eq!(
        (conv.steps[1].vs_baseline, conv.steps[1].vs_previous),
        (up, up)
    );
    // Rollout: no reading, no change.
    assert_eq!(
        (conv.steps[2].vs_baseline, conv.steps[2].vs_previous),
        (None, None)
    );
    // Quarter 1: against the baseline 11 − 10 = +1, +10 %, better; against the pilot
    // (the rollout has no reading) 11 − 12 = −1, −1 ÷ 12 = −8.33… %, worse.
    assert_eq!(
        conv.steps[3].vs_baseline,
        ch(0, "1", Some("10"), Verdict::Better)
    );
    let back = conv.steps[3].vs_previous.unwrap();
    assert_eq!(
        (back.from, back.absolute, back.verdict),
        (1, d("-1"), Verdict::Worse)
    );
    assert!(close(
        back.relative.unwrap(),
        d("-8.3333333333333333333"),
        "1e-18"
    ));
    assert_eq!(conv.latest(), Some((3, d("11"))));

    // Churn goes down: 15 % → 10 %, −5 points, −33.3… %, better (lower is better).
    let churn = of(&all, Kpi::Churn).steps[3].vs_baseline.unwrap();
    assert_eq!((churn.absolute, churn.verdict), (d("-5"), Verdict::Better));
    assert!(close(
        churn.relative.unwrap(),
        d("-33.333333333333333333"),
        "1e-18"
    ));
    // Interactions 5 → 6: neither better nor worse.
    assert_eq!(
        of(&all, Kpi::Interactions).steps[3].vs_baseline,
        ch(0, "1", Some("20"), Verdict::Changed)
    );
    // CSAT has no baseline: no change against it, but 75 → 80 against the pilot
    // (+5, 5 ÷ 75 = +6.66… %).
    let csat = of(&all, Kpi::Csat);
    assert!(csat.steps.iter().all(|s| s.vs_baseline.is_none()));
    let rise = csat.steps[2].vs_previous.unwrap();
    assert_eq!(
        (rise.from, rise.absolute, rise.verdict),
        (1, d("5"), Verdict::Better)
    );
    assert!(close(
        rise.relative.unwrap(),
        d("6.6666666666666666667"),
        "1e-18"
    ));
    assert_eq!(csat.latest(), Some((2, d("80"))));
}

#[test]
fn compare_is_the_first_period_against_the_last() {
    let m = four();
    let pastes = pastes_of(&m, DateOrder::DayFirst);
    let all = compare(&m, &pastes[0], &pastes[3]);
    let conv = all.iter().find(|c| c.kpi == Kpi::Conversion).unwrap();
    // 10 % then 11 % (quarter 1), not the pilot's 12 %.
    assert_eq!((conv.baseline, conv.current), (Ok(d("10")), Ok(d("11"))));
    assert_eq!(
        (conv.absolute, conv.relative),
        (Some(d("1")), Some(d("10")))
    );
    // The trend's last step against the baseline says the same.
    let t = trend(&m, &pastes);
    assert_eq!(
        of(&t, Kpi::Conversion).steps[3]
            .vs_baseline
            .map(|c| c.absolute),
        conv.absolute
    );
}

#[test]
fn a_trend_without_the_parsed_pastes_parses_them() {
    let mut m = four();
    m.periods[1].deals = "2025-04-01\t2025-04-11".into();
    // With the pastes: a cycle of 10 days in the pilot (04-01 → 04-11).
    let with = trend(&m, &pastes_of(&m, DateOrder::DayFirst));
    assert_eq!(of(&with, Kpi::SalesCycle).steps[1].reading, Ok(d("10")));
    // Not given the parsed pastes, the trend parses them itself, in the measurement's
    // date order: the same 10 days.
    let without = trend(&m, &[]);
    assert_eq!(of(&without, Kpi::SalesCycle).steps[1].reading, Ok(d("10")));
    assert_eq!(
        of(&without, Kpi::SalesCycle).steps[0].reading,
        Err(Gap::NotEntered)
    );
}

#[test]
fn the_scorecard_judges_each_target_by_the_latest_reading() {
    let mut m = four();
    let target = |value: &str, by: Option<NaiveDate>| {
        Some(Target {
            value: d(value),
            by,
        })
    };
    m.targets
        .set(Kpi::Conversion, target("12", Some(day(2025, 12, 31))));
    m.targets.set(Kpi::Churn, target("12", None));
    m.targets
        .set(Kpi::Csat, target("80", Some(day(2026, 6, 30))));
    m.targets.set(Kpi::Resolution, target("8", None));
    let trends = trend(&m, &pastes_of(&m, DateOrder::DayFirst));
    let today = day(2026, 4, 15);
    let card = scorecard(&m, &trends, today);
    assert_eq!(card.len(), Kpi::ALL.len());
    let score = |k: Kpi| *card.iter().find(|s| s.kpi == k).unwrap();

    // Conversion: latest 11 % (quarter 1, as of 2026-03-31), target 12 %: off by 1 point,
    // 1 ÷ 12 = 8.33… %, and overdue (2026-04-15 is after 2025-12-31).
    let conv = score(Kpi::Conversion);
    let latest = conv.latest.unwrap();
    assert_eq!(
        (latest.period, latest.value, latest.date),
        (3, d("11"), Some(day(2026, 3, 31)))
    );
    let Some(Ok(Status::OffTarget {
        gap,
        gap_pct,
        overdue,
    })) = conv.status
    else {
        panic!("{conv:?}")
    };
    assert_eq!((gap, overdue), (d("1"), true));
    assert!(close(gap_pct.unwrap(), d("8.3333333333333333333"), "1e-18"));
    // Churn 10 % against at most 12 %: on target.
    assert_eq!(score(Kpi::Churn).status, Some(Ok(Status::OnTarget)));
    // CSAT: latest in the rollout (80 %, the quarter has none): exactly on target.
    assert_eq!(score(Kpi::Csat).latest.map(|l| l.period), Some(2));
    assert_eq!(score(Kpi::Csat).status, Some(Ok(Status::OnTarget)));
    // A target with nothing measured: no judgement yet.
    let resolution = score(Kpi::Resolution);
    assert_eq!((resolution.latest, resolution.status), (None, None));
    // No target: said so, whatever was measured.
    assert_eq!(score(Kpi::Retention).status, Some(Ok(Status::NoTarget)));
    assert_eq!(score(Kpi::Nps).status, Some(Ok(Status::NoTarget)));
    // Judged earlier, the same miss is not overdue yet.
    let early = scorecard(&m, &trends, day(2025, 12, 31));
    let conv = early.iter().find(|s| s.kpi == Kpi::Conversion).unwrap();
    assert!(matches!(
        conv.status,
        Some(Ok(Status::OffTarget { overdue: false, .. }))
    ));
}
