//! Stored JSON and export files: round trips, migrations, defaults for missing fields,
//! refusal of future versions, out-of-range and absurd values, oversized files, the
//! export envelope, and names that clash on import.
//!
//! Expected values come from the module docs of `src/scenario/codec.rs` (the stored
//! form and the export envelope) and the ranges of `src/engine/model/inputs.rs`.

mod common;

use chrono::DateTime;
use common::codec::*;
use proptest::prelude::*;
use proptest::test_runner::Config;
use retorno::engine::model::{Field, FieldError, Inputs};
use retorno::scenario::codec::{
    decode_stored, export_json, import_json, unique_name, DecodeError, EXPORT_FORMAT,
    MAX_IMPORT_BYTES,
};
use retorno::scenario::{Scenario, ScenarioError, SCHEMA_VERSION};
use retorno::units::{Currency, Problem, MAX_NAME_CHARS};
use serde_json::{json, Value};

proptest! {
    #![proptest_config(Config::with_cases(1_000))]

    /// Every list of valid scenarios comes back from an export file exactly.
    #[test]
    fn export_round_trip(list in proptest::collection::vec(scenario_strategy(), 1..4), now in millis()) {
        let file = export_json(&list, now);
        prop_assert_eq!(import_json(&file), Ok(list.clone()));
        for s in &list {
            prop_assert_eq!(decode_stored(&serde_json::to_string(s).unwrap()), Ok(s.clone()));
        }
    }

    /// A free name is kept; a taken one gets the first free number; the result is never
    /// taken and never longer than allowed.
    #[test]
    fn unique_name_is_free_and_short(
        wanted in prop_oneof!["[A-Za-z ()0-9]{0,12}", text(MAX_NAME_CHARS)],
        taken in proptest::collection::vec("[A-Za-z ()0-9]{0,12}", 0..20),
        suffixed in 0usize..6,
    ) {
        let mut taken = taken;
        if suffixed > 0 {
            taken.push(wanted.clone());
            for n in 2..=suffixed + 1 {
                taken.push(format!("{wanted} ({n})"));
            }
        }
        let refs: Vec<&str> = taken.iter().map(String::as_str).collect();
        let name = unique_name(&wanted, &refs);
        prop_assert!(!refs.contains(&name.as_str()));
        if !refs.contains(&wanted.as_str()) {
            prop_assert_eq!(&name, &wanted);
        }
        prop_assert!(name.chars().count() <= MAX_NAME_CHARS.max(wanted.chars().count()));
    }
}

// ---------------------------------------------------------------------------------------
// Stored JSON, migrations, import and export

#[test]
fn stored_scenarios_round_trip() {
    let s = sample();
    let text = serde_json::to_string(&s).unwrap();
    assert_eq!(decode_stored(&text), Ok(s.clone()));
    // With a byte-order mark, as some editors save files.
    assert_eq!(decode_stored(&format!("\u{feff}{text}")), Ok(s));
}

#[test]
fn old_data_missing_later_fields_gets_defaults() {
    // Simulates data written before these keys existed: top-level texts and a date,
    // one input, the benefit switches and the version itself (missing means 1).
    let s = sample();
    let mut v = stored_value(&s);
    let top = v.as_object_mut().unwrap();
    for key in ["notes", "company", "updated", "version"] {
        top.remove(key);
    }
    let inputs = top["inputs"].as_object_mut().unwrap();
    inputs.remove("risk_haircut_pct");
    inputs.remove("lines");
    let read = decode_stored(&v.to_string()).unwrap();

    let mut expected = s.clone();
    expected.notes = String::new();
    expected.company = String::new();
    expected.updated = None;
    expected.inputs.risk_haircut_pct = Inputs::default().risk_haircut_pct;
    // Version 1 (missing) predates the lines of schema 3: they open switched off.
    expected.inputs.lines = without_schema_3_lines(Inputs::default()).lines;
    assert_eq!(read, expected);

    // The oldest possible scenario: only its inputs, and only some of them.
    let minimal = json!({"inputs": {"seats": "12"}});
    let read = decode_stored(&minimal.to_string()).unwrap();
    let mut expected = Scenario::default();
    expected.inputs = without_schema_3_lines(expected.inputs);
    expected.inputs.seats = d("12");
    assert_eq!(read, expected);
}

#[test]
fn unknown_keys_are_ignored() {
    let s = sample();
    let mut v = stored_value(&s);
    v["theme"] = json!("dark");
    v["inputs"]["future_field"] = json!("7");
    v["inputs"]["lines"]["future_line"] = json!(true);
    assert_eq!(decode_stored(&v.to_string()), Ok(s));
}

#[test]
fn future_and_unknown_versions_are_refused() {
    let mut v = stored_value(&sample());
    v["version"] = json!(SCHEMA_VERSION + 1);
    assert_eq!(
        decode_stored(&v.to_string()),
        Err(DecodeError::FutureVersion(SCHEMA_VERSION + 1))
    );
    v["version"] = json!(u32::MAX);
    assert_eq!(
        decode_stored(&v.to_string()),
        Err(DecodeError::FutureVersion(u32::MAX))
    );
    for version in [
        json!(0),
        json!(-1),
        json!("1"),
        json!(1.5),
        json!(u64::MAX),
        Value::Null,
    ] {
        v["version"] = version.clone();
        assert!(
            matches!(
                decode_stored(&v.to_string()),
                Err(DecodeError::NotAScenario(_))
            ),
            "{version}"
        );
    }
}

/// Amounts are written, and read, as decimal strings only ("40", never 40): JSON numbers
/// are binary floats (12.1 is not 12.1 in one), so reading them would need a float
/// printer in every door (Cargo.toml, rust_decimal's `serde-str`). A hand-edited file
/// with a number where an amount belongs is refused, with the reader's reason.
#[test]
fn amounts_are_decimal_strings_and_a_number_is_refused() {
    let v = stored_value(&Scenario::default());
    assert_eq!(
        v["inputs"]["seats"],
        json!("40"),
        "the stored form writes a string"
    );
    for number in [json!(40), json!(40.5)] {
        let mut w = v.clone();
        w["inputs"]["seats"] = number.clone();
        match decode_stored(&w.to_string()) {
            Err(DecodeError::NotAScenario(why)) => {
                assert!(why.contains("invalid type"), "{number}: {why}");
            }
            other => panic!("{number}: {other:?}"),
        }
    }
}

#[test]
fn stored_values_out_of_range_or_absurd_are_refused() {
    let base = stored_value(&Scenario::default());
    let with = |key: &str, value: Value| {
        let mut v = base.clone();
        v["inputs"][key] = value;
        decode_stored(&v.to_string())
    };
    let invalid = |field, problem| {
        Err(DecodeError::Invalid(ScenarioError::InvalidInputs(vec![
            FieldError { field, problem },
        ])))
    };
    assert_eq!(
        with("seats", json!("-5")),
        invalid(Field::Seats, Problem::BelowMin)
    );
    assert_eq!(
        with("seats", json!("2.5")),
        invalid(Field::Seats, Problem::NotWhole)
    );
    assert_eq!(
        with("gross_margin_pct", json!("100.01")),
        invalid(Field::GrossMarginPct, Problem::AboveMax)
    );
    // rust_decimal also reads "1e3" (scientific) in stored data: in range, so accepted.
    assert_eq!(
        with("seats", json!("1e3")).map(|s| s.inputs.seats),
        Ok(d("1000"))
    );
    for absurd in [
        json!("1e30"),
        json!(1e30),
        json!("NaN"),
        json!("inf"),
        json!("-Infinity"),
        json!("1e4294967296"),
        json!("1e-4294967296"),
        json!("9".repeat(100)),
        json!(""),
        json!(null),
        json!([]),
        json!({}),
        json!(true),
    ] {
        let result = with("seats", absurd.clone());
        assert!(
            matches!(
                result,
                Err(DecodeError::NotAScenario(_) | DecodeError::Invalid(_))
            ),
            "{absurd}: {result:?}"
        );
    }
    let mut v = base.clone();
    v["name"] = json!("x".repeat(MAX_NAME_CHARS + 1));
    assert_eq!(
        decode_stored(&v.to_string()),
        Err(DecodeError::Invalid(ScenarioError::TextTooLong))
    );
    v["name"] = json!("ok");
    v["created"] = json!(i64::MAX);
    assert!(matches!(
        decode_stored(&v.to_string()),
        Err(DecodeError::NotAScenario(_))
    ));
    v["created"] = json!("2024-01-01");
    assert!(matches!(
        decode_stored(&v.to_string()),
        Err(DecodeError::NotAScenario(_))
    ));
    v["created"] = Value::Null;
    v["currency"] = json!("XYZ");
    assert!(matches!(
        decode_stored(&v.to_string()),
        Err(DecodeError::NotAScenario(_))
    ));
}

#[test]
fn not_a_scenario() {
    for text in [
        "[]",
        "null",
        "42",
        "\"scenario\"",
        "{}",
        r#"{"inputs": 3}"#,
        r#"{"name": "x"}"#,
    ] {
        assert!(
            matches!(decode_stored(text), Err(DecodeError::NotAScenario(_))),
            "{text}"
        );
        assert!(
            matches!(import_json(text), Err(DecodeError::NotAScenario(_))),
            "{text}"
        );
    }
    for text in [
        "",
        "{",
        "not json",
        "{\"inputs\": {}} trailing",
        &"[".repeat(100_000),
    ] {
        assert!(
            matches!(decode_stored(text), Err(DecodeError::Syntax(_))),
            "{text:.20}"
        );
        assert!(
            matches!(import_json(text), Err(DecodeError::Syntax(_))),
            "{text:.20}"
        );
    }
    // A huge string in the wrong place does not make a huge error message.
    let v = json!({"inputs": {}, "name": ["x".repeat(1_000_000)]});
    let Err(DecodeError::NotAScenario(message)) = decode_stored(&v.to_string()) else {
        panic!("expected NotAScenario");
    };
    assert!(message.chars().count() <= 201, "{}", message.len());
}

#[test]
fn oversized_files_are_refused_before_parsing() {
    let junk = "x".repeat(MAX_IMPORT_BYTES + 1);
    assert_eq!(import_json(&junk), Err(DecodeError::TooLarge));
    assert_eq!(decode_stored(&junk), Err(DecodeError::TooLarge));
    // A real export padded with whitespace past the cap.
    let padded = format!(
        "{}{}",
        export_json(&[sample()], None),
        " ".repeat(MAX_IMPORT_BYTES)
    );
    assert_eq!(import_json(&padded), Err(DecodeError::TooLarge));
}

#[test]
fn export_file_shape() {
    let now = DateTime::from_timestamp_millis(1_767_225_600_000); // 2026-01-01T00:00:00Z
    let mut old = sample();
    old.version = 0; // in memory a scenario is current; the file says so
    let text = export_json(&[old, Scenario::default()], now);
    assert!(text.contains("\n  \""), "pretty-printed");
    let v: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(v["format"], EXPORT_FORMAT);
    assert_eq!(v["format"], "retorno-scenarios");
    assert_eq!(v["version"], 1);
    assert_eq!(v["exported"], 1_767_225_600_000i64);
    assert_eq!(v["scenarios"].as_array().unwrap().len(), 2);
    assert_eq!(v["scenarios"][0]["version"], json!(SCHEMA_VERSION));
    assert_eq!(v["scenarios"][0]["id"], "a1b2");
    let unstamped: Value = serde_json::from_str(&export_json(&[], None)).unwrap();
    assert_eq!(unstamped["exported"], Value::Null);
}

#[test]
fn import_accepts_an_export_or_one_bare_scenario() {
    let list = vec![sample(), Scenario::new(Currency::GBP)];
    assert_eq!(import_json(&export_json(&list, None)), Ok(list.clone()));
    let bare = serde_json::to_string_pretty(&list[0]).unwrap();
    assert_eq!(import_json(&bare), Ok(vec![list[0].clone()]));
    // An export written by hand: no version (means 1), no date.
    let by_hand =
        json!({"format": "retorno-scenarios", "scenarios": [{"name": "A", "inputs": {}}]});
    let read = import_json(&by_hand.to_string()).unwrap();
    assert_eq!(read.len(), 1);
    assert_eq!(read[0].name, "A");
}

#[test]
fn import_refuses_a_file_with_any_bad_scenario() {
    let good = stored_value(&sample());
    let mut bad = stored_value(&Scenario::default());
    bad["name"] = json!("Bad one");
    bad["inputs"]["horizon_years"] = json!("11");
    let file = json!({"format": "retorno-scenarios", "version": 1, "scenarios": [good, bad, good]});
    assert_eq!(
        import_json(&file.to_string()),
        Err(DecodeError::InScenario {
            index: 1,
            name: "Bad one".into(),
            error: Box::new(DecodeError::Invalid(ScenarioError::InvalidInputs(vec![
                FieldError {
                    field: Field::HorizonYears,
                    problem: Problem::AboveMax
                }
            ]))),
        })
    );

    let mut future = stored_value(&sample());
    future["version"] = json!(SCHEMA_VERSION + 1);
    let file = json!({"format": "retorno-scenarios", "scenarios": [future]});
    assert_eq!(
        import_json(&file.to_string()),
        Err(DecodeError::InScenario {
            index: 0,
            name: sample().name,
            error: Box::new(DecodeError::FutureVersion(SCHEMA_VERSION + 1)),
        })
    );

    let file = json!({"format": "retorno-scenarios", "scenarios": [good, 7]});
    assert!(matches!(
        import_json(&file.to_string()),
        Err(DecodeError::InScenario { index: 1, error, .. }) if matches!(*error, DecodeError::NotAScenario(_))
    ));
}

#[test]
fn import_envelope_errors() {
    let s = stored_value(&sample());
    let cases = [
        (
            json!({"format": "retorno-scenarios", "scenarios": []}),
            DecodeError::Empty,
        ),
        (
            json!({"format": "retorno-scenarios", "version": 2, "scenarios": [s]}),
            DecodeError::FutureVersion(2),
        ),
    ];
    for (file, expected) in cases {
        assert_eq!(import_json(&file.to_string()), Err(expected), "{file}");
    }
    for file in [
        json!({"format": "something-else", "scenarios": [s]}),
        json!({"format": 1, "scenarios": [s]}),
        json!({"format": "retorno-scenarios"}),
        json!({"format": "retorno-scenarios", "scenarios": s}),
        json!({"format": "retorno-scenarios", "version": 0, "scenarios": [s]}),
        json!({"format": "retorno-scenarios", "version": "1", "scenarios": [s]}),
        json!([s]),
    ] {
        assert!(
            matches!(
                import_json(&file.to_string()),
                Err(DecodeError::NotAScenario(_))
            ),
            "{file}"
        );
    }
    // An export of nothing is written, but refused on import.
    assert_eq!(
        import_json(&export_json(&[], None)),
        Err(DecodeError::Empty)
    );
}

// ---------------------------------------------------------------------------------------
// Names

#[test]
fn unique_names() {
    assert_eq!(unique_name("Plan", &[]), "Plan");
    assert_eq!(unique_name("Plan", &["Other"]), "Plan");
    assert_eq!(unique_name("Plan", &["Plan"]), "Plan (2)");
    assert_eq!(unique_name("Plan", &["Plan", "Plan (2)"]), "Plan (3)");
    assert_eq!(unique_name("Plan", &["Plan", "Plan (3)"]), "Plan (2)");
    assert_eq!(unique_name("Plan (2)", &["Plan", "Plan (2)"]), "Plan (3)");
    assert_eq!(
        unique_name("Plan (9)", &["Plan (9)", "Plan (10)"]),
        "Plan (11)"
    );
    // Not a counter: "(1)", "(02)", no space, text in the brackets.
    assert_eq!(unique_name("Plan (1)", &["Plan (1)"]), "Plan (1) (2)");
    assert_eq!(unique_name("Plan (02)", &["Plan (02)"]), "Plan (02) (2)");
    assert_eq!(unique_name("Plan(2)", &["Plan(2)"]), "Plan(2) (2)");
    assert_eq!(unique_name("Plan (B)", &["Plan (B)"]), "Plan (B) (2)");
    // Exact comparison.
    assert_eq!(unique_name("plan", &["Plan"]), "plan");
    assert_eq!(unique_name("", &[""]), "(2)");
    // Never over the limit: a long name is shortened before its number.
    let long = "é".repeat(MAX_NAME_CHARS);
    let renamed = unique_name(&long, &[&long]);
    assert_eq!(renamed.chars().count(), MAX_NAME_CHARS);
    assert!(renamed.ends_with("é (2)"), "{renamed}");
    // A huge counter does not overflow.
    assert_eq!(
        unique_name("A (999999999)", &["A (999999999)"]),
        "A (1000000000)"
    );
    assert_eq!(
        unique_name("A (9999999999)", &["A (9999999999)"]),
        "A (9999999999) (2)"
    );
}
