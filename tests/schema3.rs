//! Schema version 3: the lifetime-value and AI benefit lines, and the migration that
//! opens every older scenario with them switched off, so it shows the figures it showed.
//!
//! Where expected values come from:
//! - the version-2 link below was written by `tests/fixtures/make_v2_link.py` (Python's
//!   own JSON, base64url and FNV-1a, none of the app's code): every default of schema 2,
//!   all seven lines on, seats and licence pinned, one campaign;
//! - its figures: the case `schema_2_lines` of `tests/fixtures/model_golden.json`, the
//!   ROI model re-implemented in Python's decimal module by `make_golden.py`.

mod common;

use common::codec::*;
use retorno::engine::model::{evaluate, BenefitLine, Field, Inputs};
use retorno::scenario::codec::{decode_link, decode_stored, encode_link};
use retorno::scenario::{Pins, Scenario, SCHEMA_VERSION};
use rust_decimal::Decimal;
use serde_json::{json, Value};

/// Written by version 2 of the schema, before the lines of schema 3 (see the module docs).
const V2_LINK: &str = "1.eyJ2IjoyLCJjdXIiOiJFVVIiLCJvbiI6IjExMTExMTEiLCJudW0iOiI0MF8xNV8xNTAwXzUwMDBfMzAwMF80MF8yNDAwXzY1XzNfMjBfNDUwMDBfMjAwMDBfMTIwMDBfMTUwMDBfMTAwMDBfNjAwMF82MF80NV8xMF8xMF8xMS41XzRfMTVfMTNfMl80Nl8zNV8xMDAwMF80XzI4XzEyMDAwMF84XzgwMF8yNV82MF81NV8zXzEwXzYwXzg1XzEwMF8xMCIsIm5hbWUiOiJEZW1vIHYyIiwibSI6eyJjYW1wYWlnbnMiOlt7Im5hbWUiOiJGZXJpYSIsInNwZW5kIjoiMTAwMDAiLCJjbGlja3MiOiIwIiwibGVhZHMiOiIwIiwiY3VzdG9tZXJzIjoiMCIsInJldmVudWUiOiIxMjAwMCIsIm1hcmdpbl9wY3QiOiI0MCJ9XX0sInBpbiI6IjBfNyJ9.-Yg06Q";

const MODEL: &str = include_str!("fixtures/model_golden.json");

/// The expected headline figures of a case of `model_golden.json`.
fn golden(case: &str) -> Value {
    let doc: Value = serde_json::from_str(MODEL).unwrap();
    doc["cases"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["name"] == case)
        .unwrap_or_else(|| panic!("no case {case}"))["expected"]
        .clone()
}

fn close(got: Decimal, expected: &Value) -> bool {
    (got - d(expected.as_str().unwrap())).abs() < d("0.000001")
}

#[test]
fn new_scenarios_count_the_ai_lines_not_lifetime_value() {
    // New scenarios count the AI lines (the AI add-on is in the costs) but not the
    // lifetime-value line, which would double the retention line's churn gain.
    let on = Inputs::default().lines;
    assert!(on.is_on(BenefitLine::AiChurn) && on.is_on(BenefitLine::AiScoring));
    assert!(on.is_on(BenefitLine::AiOffers) && !on.is_on(BenefitLine::Lifetime));
}

#[test]
fn a_version_2_link_opens_with_its_lines_and_its_figures() {
    let s = decode_link(V2_LINK).unwrap();
    assert_eq!(s.version, SCHEMA_VERSION);
    assert_eq!(s.name, "Demo v2");
    assert_eq!(s.inputs, without_schema_3_lines(Inputs::default()));
    assert_eq!(s.pins.fields(), &[Field::Seats, Field::LicencePerSeatMonth]);
    assert_eq!(s.measure.campaigns.len(), 1);

    let report = evaluate(&s.inputs).unwrap();
    let expected = golden("schema_2_lines");
    assert!(close(report.npv, &expected["npv"]), "{}", report.npv);
    assert!(close(report.roi_pct.unwrap(), &expected["roi_pct"]));
    assert!(close(report.pv_benefits, &expected["pv_benefits"]));

    // Shared again, it is a version-3 link that reads back the same.
    assert_eq!(json_of_link(&encode_link(&s))["v"], json!(SCHEMA_VERSION));
    assert_eq!(decode_link(&encode_link(&s)), Ok(s));
}

#[test]
fn stored_version_2_scenarios_get_the_new_lines_off() {
    // Stored by version 2: no keys for the new lines, and their defaults would be on.
    let mut v = stored_value(&sample());
    v["version"] = json!(2);
    let lines = v["inputs"]["lines"].as_object_mut().unwrap();
    for key in ["lifetime", "ai_churn", "ai_scoring", "ai_offers"] {
        assert!(lines.remove(key).is_some(), "{key}");
    }
    let read = decode_stored(&v.to_string()).unwrap();
    assert_eq!(read.version, SCHEMA_VERSION);
    for line in SCHEMA_3_LINES {
        assert!(!read.inputs.lines.is_on(line), "{line:?}");
    }
    assert_eq!(
        Scenario {
            inputs: without_schema_3_lines(sample().inputs),
            ..sample()
        },
        read
    );
}

#[test]
fn version_3_keeps_the_new_lines_and_drivers() {
    let mut s = sample();
    s.inputs.lines.set(BenefitLine::Lifetime, true);
    s.inputs.lines.set(BenefitLine::AiOffers, false);
    s.inputs.ai_precision_pct = d("72.5");
    s.inputs.clv_uplift = d("125.5");
    s.pins = Pins::none();
    s.pins.set(Field::AiPrecisionPct, true);
    assert_eq!(decode_link(&encode_link(&s)), Ok(as_shared(&s)));
    assert_eq!(decode_stored(&stored_value(&s).to_string()), Ok(s));
}
