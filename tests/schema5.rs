//! Schema version 5: any number of measurement periods, each with a name and its actual
//! costs, the KPIs' targets and the plan's start (issue 13), in stored scenarios and
//! share links, with their checks at the edge and the edits of the list of periods.
//!
//! Where expected values come from: version-4 bodies are written here by hand as JSON
//! (a link's is packed by the test helpers' own base64url and FNV-1a, none of the app's
//! code); the KPIs of the two fixture periods are the hand-worked `EXPECTED` of
//! `tests/common/measure.rs`; the limits are those of `src/engine/measure/mod.rs`
//! (2–24 periods, pastes 4 × 50,000 characters in all) and `src/units.rs`.

mod common;

use chrono::NaiveDate;
use common::codec::*;
use common::measure::{compare_all, comparison, fixture, EXPECTED};
use retorno::engine::measure::{
    Kpi, Measurement, Period, PeriodLabel, PeriodsError, Target, Targets, MAX_PASTES_CHARS,
    MAX_PERIODS, MIN_PERIODS,
};
use retorno::engine::model::CostLine;
use retorno::scenario::codec::{decode_link, decode_stored, encode_link, DecodeError, LinkError};
use retorno::scenario::{MeasurementError, Scenario, ScenarioError, SCHEMA_VERSION};
use retorno::units::{MAX_DEALS_CHARS, MAX_NAME_CHARS, MEASURE_MAX};
use serde_json::{json, Value};

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// The measurements of `s` written as schema 4 wrote them: `baseline` and `current`.
fn as_version_4(m: &Measurement) -> Value {
    assert_eq!(m.periods.len(), 2, "schema 4 had two periods");
    let mut v = serde_json::to_value(m).unwrap();
    let map = v.as_object_mut().unwrap();
    let mut periods = map.remove("periods").unwrap();
    let periods = periods.as_array_mut().unwrap();
    map.insert("current".into(), periods.pop().unwrap());
    map.insert("baseline".into(), periods.pop().unwrap());
    v
}

fn stored_v4(measure: Value) -> String {
    let mut stored = stored_value(&Scenario::default());
    stored["version"] = json!(4);
    stored["measure"] = measure;
    stored.to_string()
}

fn invalid_stored(e: MeasurementError) -> Result<Scenario, DecodeError> {
    Err(DecodeError::Invalid(ScenarioError::InvalidMeasurement(e)))
}

fn invalid_link(e: MeasurementError) -> Result<Scenario, LinkError> {
    Err(LinkError::Invalid(ScenarioError::InvalidMeasurement(e)))
}

#[test]
fn two_empty_periods_by_default() {
    let m = Measurement::default();
    assert_eq!(m.periods, vec![Period::default(); MIN_PERIODS]);
    assert!(m.targets.is_empty() && m.plan_start.is_none());
    assert_eq!((MIN_PERIODS, MAX_PERIODS), (2, 24));
    assert_eq!(MAX_PASTES_CHARS, 4 * MAX_DEALS_CHARS);
}

#[test]
fn version_4_stored_measurements_open_as_the_first_and_last_period() {
    // Written by hand as schema 4 stored it: 1000 customers at the start, 950 at the
    // end, 100 new → retention (950 − 100) ÷ 1000 = 85 %; then 1020 and 120 → 90 %.
    let text = stored_v4(json!({
        "baseline": {
            "start": "2025-01-01", "end": "2025-03-31",
            "values": {"customers_start": "1000", "customers_end": "950", "customers_new": "100"},
            "deals": "2025-01-02\t2025-01-12"
        },
        "current": {
            "values": {"customers_start": "1000", "customers_end": "1020", "customers_new": "120"}
        },
        "date_order": "DayFirst"
    }));
    let s = decode_stored(&text).unwrap();
    assert_eq!(s.version, SCHEMA_VERSION);
    let m = &s.measure;
    assert_eq!(m.periods.len(), 2);
    assert_eq!(m.baseline().start, Some(day(2025, 1, 1)));
    assert_eq!(m.baseline().end, Some(day(2025, 3, 31)));
    assert_eq!(m.baseline().deals, "2025-01-02\t2025-01-12");
    assert_eq!(m.current().values.customers_end, Some(d("1020")));
    assert_eq!(m.periods[0].name, "", "schema 4 had no names");
    assert!(m.periods.iter().all(|p| p.costs.is_empty()));
    let all = compare_all(m);
    assert_eq!(comparison(&all, Kpi::Retention).baseline, Ok(d("85")));
    assert_eq!(comparison(&all, Kpi::Retention).current, Ok(d("90")));

    // A version-4 scenario with one period missing, or no measurements at all.
    let s = decode_stored(&stored_v4(
        json!({"current": {"values": {"revenue": "10"}}}),
    ))
    .unwrap();
    assert_eq!(s.measure.periods[0], Period::default());
    assert_eq!(s.measure.periods[1].values.revenue, Some(d("10")));
    let mut bare = stored_value(&Scenario::default());
    bare["version"] = json!(4);
    bare.as_object_mut().unwrap().remove("measure");
    assert_eq!(
        decode_stored(&bare.to_string()).unwrap().measure,
        Measurement::default()
    );
}

#[test]
fn the_whole_fixture_stored_as_version_4_gives_the_same_kpis() {
    let m = fixture();
    let s = decode_stored(&stored_v4(as_version_4(&m))).unwrap();
    assert_eq!(s.measure, m, "nothing lost");
    let all = compare_all(&s.measure);
    for (k, before, after) in EXPECTED {
        let c = comparison(&all, k);
        assert_eq!(
            (c.baseline, c.current),
            (Ok(d(before)), Ok(d(after))),
            "{k:?}"
        );
    }
    // Versions before 4 follow the same chain (schema 3 had the same two periods).
    let mut v3: Value = serde_json::from_str(&stored_v4(as_version_4(&m))).unwrap();
    v3["version"] = json!(3);
    assert_eq!(decode_stored(&v3.to_string()).unwrap().measure, m);
}

#[test]
fn version_4_links_open_with_the_same_periods() {
    let m = fixture();
    let link = link_with(|b| {
        b["v"] = json!(4);
        b["m"] = as_version_4(&m);
    });
    let s = decode_link(&link).unwrap();
    assert_eq!(s.version, SCHEMA_VERSION);
    assert_eq!(s.measure, m);
    // Written back, the link is of the current schema, with a list of periods.
    let again = encode_link(&s);
    let body = json_of_link(&again);
    assert_eq!(body["v"], json!(SCHEMA_VERSION));
    assert!(body["m"].get("baseline").is_none());
    assert_eq!(body["m"]["periods"].as_array().unwrap().len(), 2);
    assert_eq!(decode_link(&again), Ok(s));
    // A version-1 link with measurements (they existed from schema 1 on).
    let v1 = link_with(|b| {
        b["v"] = json!(1);
        b["m"] = json!({"baseline": {"values": {"orders": "5"}}});
    });
    assert_eq!(
        decode_link(&v1).unwrap().measure.periods[0].values.orders,
        Some(d("5"))
    );
}

/// Five periods with names, dates, figures, costs; targets and a plan start.
fn five_periods() -> Measurement {
    let names = ["Línea base", "Piloto", "Despliegue", "T1 2026", ""];
    let mut m = Measurement {
        periods: names
            .iter()
            .enumerate()
            .map(|(k, name)| {
                let mut p = Period {
                    name: name.to_string(),
                    start: Some(day(2025, 1 + 2 * k as u32, 1)),
                    end: Some(day(2025, 2 + 2 * k as u32, 28)),
                    ..Period::default()
                };
                p.values.orders = Some(d(&format!("{}", 100 + k)));
                p
            })
            .collect(),
        plan_start: Some(day(2025, 3, 1)),
        ..Measurement::default()
    };
    m.periods[1].costs.set(CostLine::OneTime, Some(d("92000")));
    m.periods[1]
        .costs
        .set(CostLine::Licences, Some(d("1234.56")));
    m.periods[3].costs.set(CostLine::Staff, Some(d("0")));
    m.targets.set(
        Kpi::Churn,
        Some(Target {
            value: d("5"),
            by: Some(day(2026, 12, 31)),
        }),
    );
    m.targets.set(
        Kpi::Nps,
        Some(Target {
            value: d("-10"),
            by: None,
        }),
    );
    m
}

#[test]
fn periods_targets_and_costs_round_trip_in_files_and_links() {
    let mut s = sample();
    s.measure = five_periods();
    let stored = serde_json::to_string(&s).unwrap();
    assert_eq!(decode_stored(&stored), Ok(s.clone()));
    assert_eq!(decode_link(&encode_link(&s)), Ok(as_shared(&s)));

    // The stored form, as written (so other tools can read it).
    let v = stored_value(&s);
    let m = &v["measure"];
    assert_eq!(m["plan_start"], "2025-03-01");
    assert_eq!(m["periods"][0]["name"], "Línea base");
    assert!(
        m["periods"][4].get("name").is_none(),
        "an empty name is left out"
    );
    assert_eq!(
        m["periods"][1]["costs"],
        json!({"one_time": "92000", "licences": "1234.56"})
    );
    assert_eq!(m["periods"][3]["costs"], json!({"staff": "0"}));
    assert!(m["periods"][0].get("costs").is_none());
    assert_eq!(
        m["targets"],
        json!({"churn": {"value": "5", "by": "2026-12-31"}, "nps": {"value": "-10"}})
    );
}

#[test]
fn targets_keep_one_per_kpi_in_kpi_order() {
    let mut t = Targets::default();
    let at = |v: &str| {
        Some(Target {
            value: d(v),
            by: None,
        })
    };
    t.set(Kpi::Nps, at("30"));
    t.set(Kpi::Retention, at("90"));
    t.set(Kpi::Nps, at("40"));
    let listed: Vec<(Kpi, Target)> = t.iter().collect();
    assert_eq!(
        listed,
        vec![
            (Kpi::Retention, at("90").unwrap()),
            (Kpi::Nps, at("40").unwrap())
        ]
    );
    t.set(Kpi::Retention, None);
    assert_eq!(t.get(Kpi::Retention), None);
    assert_eq!(t.get(Kpi::Nps), at("40"));
}

#[test]
fn hostile_periods_are_refused_with_a_clear_error() {
    use MeasurementError::*;
    let stored_with = |change: &dyn Fn(&mut Value)| {
        let mut s = sample();
        s.measure = five_periods();
        let mut v = stored_value(&s);
        change(&mut v["measure"]);
        decode_stored(&v.to_string())
    };
    let empty = json!({"values": {}});
    // Counts of periods: 24 is the most, 25 too many; one or none too few.
    assert!(stored_with(&|m| m["periods"] = json!(vec![empty.clone(); 24])).is_ok());
    for n in [0, 1, 25, 1000] {
        assert_eq!(
            stored_with(&|m| m["periods"] = json!(vec![empty.clone(); n])),
            invalid_stored(PeriodCount),
            "{n} periods"
        );
    }
    // A name at the limit in characters, and one over it.
    let name = |n: usize| "ñ".repeat(n);
    assert!(stored_with(&|m| m["periods"][2]["name"] = json!(name(MAX_NAME_CHARS))).is_ok());
    assert_eq!(
        stored_with(&|m| m["periods"][2]["name"] = json!(name(MAX_NAME_CHARS + 1))),
        invalid_stored(NameTooLong)
    );
    // Actual costs: negative or above the maximum are invalid; text for a number or an
    // unknown cost line is not a scenario at all.
    assert_eq!(
        stored_with(&|m| m["periods"][1]["costs"]["staff"] = json!("-0.01")),
        invalid_stored(BadCost)
    );
    let above = (MEASURE_MAX + d("1")).to_string();
    assert_eq!(
        stored_with(&|m| m["periods"][1]["costs"]["licences"] = json!(above)),
        invalid_stored(BadCost)
    );
    for change in [
        &(|m: &mut Value| m["periods"][1]["costs"]["staff"] = json!("lots")) as &dyn Fn(&mut Value),
        &|m| m["periods"][1]["costs"]["catering"] = json!("10"),
        &|m| m["periods"][1]["costs"] = json!(["10"]),
        &|m| m["periods"] = json!({"baseline": {}}),
        &|m| m["targets"]["happiness"] = json!({"value": "5"}),
        &|m| m["targets"]["churn"]["value"] = json!("five"),
        &|m| m["targets"]["churn"]["by"] = json!("31/12/2026"),
        &|m| m["targets"]["churn"]["by"] = json!("2026-02-30"),
        &|m| m["targets"]["churn"]["when"] = json!("2026-12-31"),
        &|m| m["targets"]["churn"] = json!("5"),
        &|m| m["plan_start"] = json!(20250301),
    ] {
        assert!(
            matches!(stored_with(change), Err(DecodeError::NotAScenario(_))),
            "{:?}",
            stored_with(change)
        );
    }
    // Targets out of their KPI's range, or for a KPI without a better direction.
    for (key, value) in [
        ("churn", "101"),
        ("churn", "-1"),
        ("nps", "-101"),
        ("nps", "100.01"),
        ("romi", "-100.5"),
        ("cac", "-5"),
        ("interactions", "5"),
    ] {
        assert_eq!(
            stored_with(&|m| m["targets"][key] = json!({"value": value})),
            invalid_stored(BadTarget),
            "{key} {value}"
        );
    }
    for (key, value) in [
        ("romi", "-100"),
        ("romi", "250"),
        ("downloads", "150"),
        ("nps", "-100"),
    ] {
        assert!(
            stored_with(&|m| m["targets"][key] = json!({"value": value})).is_ok(),
            "{key} {value}"
        );
    }
    // Pastes: each within 50,000 characters, all of them within 200,000.
    let full = "x".repeat(MAX_DEALS_CHARS);
    let four_full = |m: &mut Value| {
        for k in 0..2 {
            m["periods"][k]["deals"] = json!(full);
            m["periods"][k]["leads"] = json!(full);
        }
    };
    assert!(stored_with(&four_full).is_ok());
    assert_eq!(
        stored_with(&|m| {
            four_full(m);
            m["periods"][4]["deals"] = json!("x");
        }),
        invalid_stored(TooLong)
    );
    // Reversed dates are shown on the periods, not refused.
    assert!(stored_with(&|m| {
        m["periods"][2]["start"] = json!("2025-12-31");
        m["periods"][2]["end"] = json!("2025-01-01");
    })
    .is_ok());
    // A version-4 measurement that is not an object.
    assert!(matches!(
        decode_stored(&stored_v4(json!([1, 2]))),
        Err(DecodeError::NotAScenario(_))
    ));
}

#[test]
fn hostile_links_are_refused_the_same_way() {
    use MeasurementError::*;
    let hand = |m: Value| decode_link(&link_with(|b| b["m"] = m));
    assert_eq!(
        hand(json!({"periods": [{}, {}, {"costs": {"training": "-5"}}]})),
        invalid_link(BadCost)
    );
    assert_eq!(hand(json!({"periods": [{}]})), invalid_link(PeriodCount));
    assert_eq!(
        hand(json!({"periods": vec![json!({}); 25]})),
        invalid_link(PeriodCount)
    );
    assert_eq!(
        hand(json!({"targets": {"churn": {"value": "200"}}})),
        invalid_link(BadTarget)
    );
    for m in [
        json!({"targets": {"mood": {"value": "5"}}}),
        json!({"periods": [{}, {"costs": {"staff": "many"}}]}),
        json!({"periods": "two"}),
        json!("periods"),
    ] {
        assert_eq!(hand(m.clone()), Err(LinkError::Corrupt), "{m}");
    }
    // A schema-4 link with its two periods in a list it never wrote: the list is
    // replaced by the two periods it names (here none: both empty).
    let odd = decode_link(&link_with(|b| {
        b["v"] = json!(4);
        b["m"] = json!({"periods": [{"name": "x"}, {}, {}]});
    }))
    .unwrap();
    assert_eq!(odd.measure.periods, vec![Period::default(); 2]);
}

#[test]
fn periods_are_added_moved_renamed_and_removed_within_the_limits() {
    let mut m = Measurement::default();
    assert_eq!(m.remove_period(0), Err(PeriodsError::TooFew));
    assert_eq!(
        m.insert_period(3, Period::default()),
        Err(PeriodsError::NoSuchPeriod)
    );
    m.rename_period(1, "Piloto").unwrap();
    m.insert_period(
        2,
        Period {
            name: "Despliegue".into(),
            ..Period::default()
        },
    )
    .unwrap();
    m.insert_period(
        1,
        Period {
            name: "Prueba".into(),
            ..Period::default()
        },
    )
    .unwrap();
    let names = |m: &Measurement| m.periods.iter().map(|p| p.name.clone()).collect::<Vec<_>>();
    assert_eq!(names(&m), ["", "Prueba", "Piloto", "Despliegue"]);
    // The last period is the one compared with the baseline.
    assert_eq!(m.current().name, "Despliegue");
    m.move_period(3, 0).unwrap();
    assert_eq!(names(&m), ["Despliegue", "", "Prueba", "Piloto"]);
    assert_eq!(m.baseline().name, "Despliegue");
    assert_eq!(m.move_period(0, 4), Err(PeriodsError::NoSuchPeriod));
    let removed = m.remove_period(2).unwrap();
    assert_eq!(removed.name, "Prueba");
    assert_eq!(m.rename_period(9, "x"), Err(PeriodsError::NoSuchPeriod));
    // Up to 24, not one more; nothing changes on a refusal.
    while m.periods.len() < MAX_PERIODS {
        m.insert_period(m.periods.len(), Period::default()).unwrap();
    }
    let full = m.clone();
    assert_eq!(
        m.insert_period(0, Period::default()),
        Err(PeriodsError::TooMany)
    );
    assert_eq!(m, full);
    // Replacing: too many refused; fewer than two padded with empty periods.
    assert_eq!(
        m.replace_periods(vec![Period::default(); 25]),
        Err(PeriodsError::TooMany)
    );
    assert_eq!(m, full);
    m.replace_periods(vec![Period {
        name: "Solo".into(),
        ..Period::default()
    }])
    .unwrap();
    assert_eq!(names(&m), ["Solo", ""]);
}

#[test]
fn unnamed_periods_get_a_label_the_interface_words() {
    let mut m = Measurement::default();
    assert_eq!(m.label(0), PeriodLabel::Baseline);
    assert_eq!(
        m.label(1),
        PeriodLabel::Current,
        "two periods read as before"
    );
    m.insert_period(2, Period::default()).unwrap();
    assert_eq!(m.label(1), PeriodLabel::Numbered(2));
    assert_eq!(m.label(2), PeriodLabel::Numbered(3));
    m.rename_period(2, "  Q1  ").unwrap();
    assert_eq!(m.label(2), PeriodLabel::Named("Q1"));
    m.rename_period(0, "   ").unwrap();
    assert_eq!(m.label(0), PeriodLabel::Baseline, "blank is no name");
    // Accessors never panic, even on unvalidated data without periods.
    let none = Measurement {
        periods: Vec::new(),
        ..Measurement::default()
    };
    assert_eq!(none.baseline(), &Period::default());
    assert_eq!(none.current(), &Period::default());
    assert_eq!(none.period(7), &Period::default());
    assert_eq!(none.label(0), PeriodLabel::Baseline);
}
