//! The presentation pins (schema version 2): their rules, their place in share links and
//! stored data, and the migration that gives version-1 scenarios the default pins.
//!
//! Where expected values come from:
//! - the version-1 link below was written by `tests/fixtures/make_v1_link.py` (Python's
//!   own JSON, base64url and FNV-1a, none of the app's code), with the values it names;
//! - the default pins, `MAX_PINS` and the link key `pin` (positions in `Field::ALL`
//!   joined by `_`, left out for the default pins): `src/scenario/pins.rs` and the
//!   module docs of `src/scenario/codec.rs`;
//! - positions in `Field::ALL`: the declaration order in `src/engine/model/inputs.rs`
//!   (seats 0, sales reps 1, …; licence price 7; churn with the CRM 23).

mod common;

use common::codec::*;
use retorno::engine::model::{BenefitLine, Field, Inputs};
use retorno::scenario::codec::{decode_link, decode_stored, encode_link, DecodeError, LinkError};
use retorno::scenario::compare::differences;
use retorno::scenario::{Pins, Scenario, ScenarioError, MAX_PINS, SCHEMA_VERSION};
use retorno::units::Currency;
use serde_json::json;

/// Written by version 1 of the schema, before pins existed (see the module docs).
const V1_LINK: &str = "1.eyJ2IjoxLCJjdXIiOiJFVVIiLCJvbiI6IjEwMTExMTEiLCJudW0iOiIyNV8xNV8xNTAwXzUwMDBfMzAwMF80MF8yNDAwXzgwXzNfMjBfNDUwMDBfMjAwMDBfMTIwMDBfMTUwMDBfMTAwMDBfNjAwMF82MF80NV8xMF8xMF8xMS41XzRfMTVfMTIuNV8yXzQ2XzM1XzEwMDAwXzRfMjhfMTIwMDAwXzhfODAwXzI1XzYwXzU1XzNfMTBfNjBfODVfMTAwXzEwIiwibmFtZSI6IkRlbW8gdjEiLCJjb21wYW55IjoiQUNNRSJ9.Sufz2g";

#[test]
fn the_default_pins_are_what_a_demo_moves() {
    assert_eq!(
        Pins::default().fields(),
        &[
            Field::Seats,
            Field::LicencePerSeatMonth,
            Field::ConversionAfterPct,
            Field::ChurnAfterPct,
            Field::AdoptionYear1Pct,
        ]
    );
    assert_eq!(Scenario::default().pins, Pins::default());
}

#[test]
fn pinning_keeps_order_and_the_limit() {
    let mut pins = Pins::none();
    assert!(pins.set(Field::RiskHaircutPct, true));
    assert!(pins.set(Field::Seats, true));
    assert!(pins.set(Field::Seats, true), "pinning twice is a no-op");
    assert_eq!(pins.fields(), &[Field::Seats, Field::RiskHaircutPct]);
    for field in &Field::ALL[1..MAX_PINS - 1] {
        assert!(pins.set(*field, true));
    }
    assert_eq!(pins.fields().len(), MAX_PINS);
    assert!(pins.is_full());
    assert!(
        !pins.set(Field::HorizonYears, true),
        "a seventh pin is refused"
    );
    assert!(!pins.has(Field::HorizonYears));
    assert!(pins.set(Field::Seats, false));
    assert!(!pins.has(Field::Seats) && !pins.is_full());
    assert!(pins.is_valid());
}

#[test]
fn a_version_1_link_opens_with_the_default_pins() {
    let s = decode_link(V1_LINK).unwrap();
    let mut expected_inputs = Inputs {
        seats: d("25"),
        licence_per_seat_month: d("80"),
        churn_after_pct: d("12.5"),
        ..Inputs::default()
    };
    expected_inputs.lines.set(BenefitLine::DealSize, false);
    // Version 1 had none of the lines schema 3 added: they open switched off.
    assert_eq!(s.inputs, without_schema_3_lines(expected_inputs));
    assert_eq!((s.name.as_str(), s.company.as_str()), ("Demo v1", "ACME"));
    assert_eq!(s.currency, Currency::EUR);
    assert_eq!(s.pins, Pins::default());
    assert_eq!(s.version, SCHEMA_VERSION);
    // Shared again, it is a link of the current version that reads back the same.
    assert_eq!(decode_link(&encode_link(&s)), Ok(s));
}

#[test]
fn links_carry_pins_by_position() {
    let mut s = Scenario::default();
    // The default pins are left out of the link.
    assert!(json_of_link(&encode_link(&s)).get("pin").is_none());

    s.pins = Pins::none();
    s.pins.set(Field::ChurnAfterPct, true);
    s.pins.set(Field::Seats, true);
    s.pins.set(Field::LicencePerSeatMonth, true);
    let body = json_of_link(&encode_link(&s));
    assert_eq!(body["pin"], json!("0_7_23"));
    assert_eq!(body["v"], json!(SCHEMA_VERSION));
    assert_eq!(decode_link(&encode_link(&s)).unwrap().pins, s.pins);

    // Nothing pinned is an empty list, not the defaults.
    s.pins = Pins::none();
    assert_eq!(json_of_link(&encode_link(&s))["pin"], json!(""));
    assert_eq!(decode_link(&encode_link(&s)).unwrap().pins, Pins::none());
}

#[test]
fn hostile_pins_in_a_link_are_refused() {
    let with = |pin: serde_json::Value| {
        decode_link(&link_with(|b| {
            b["v"] = json!(2);
            b["pin"] = pin;
        }))
    };
    assert_eq!(
        with(json!("7_0")).unwrap().pins.fields(),
        &[Field::Seats, Field::LicencePerSeatMonth]
    );
    let past_the_end = Field::COUNT.to_string();
    for corrupt in [
        past_the_end.as_str(),
        "999",
        "1000000",
        "a",
        "0__1",
        "_",
        "-1",
        "1.5",
        " 1",
    ] {
        assert_eq!(with(json!(corrupt)), Err(LinkError::Corrupt), "{corrupt:?}");
    }
    assert_eq!(with(json!(7)), Err(LinkError::Corrupt), "not a string");
    let bad = Err(LinkError::Invalid(ScenarioError::BadPins));
    assert_eq!(with(json!("3_3")), bad, "twice");
    assert_eq!(with(json!("0_1_2_3_4_5_6")), bad, "seven");
}

#[test]
fn stored_version_1_scenarios_get_the_default_pins() {
    let mut s = sample();
    s.pins = Pins::none();
    // Version 1 had none of the lines schema 3 added (they open switched off).
    s.inputs = without_schema_3_lines(s.inputs);
    let mut v = stored_value(&s);
    // Written by version 1: no pins key (and one there would not have been read).
    v["version"] = json!(1);
    v.as_object_mut().unwrap().remove("pins");
    let read = decode_stored(&v.to_string()).unwrap();
    assert_eq!(read.pins, Pins::default());
    assert_eq!(read.version, SCHEMA_VERSION);
    assert_eq!(
        Scenario {
            pins: Pins::none(),
            ..read
        },
        s
    );

    // The current version keeps what it says, an empty list included.
    let now = stored_value(&s);
    assert_eq!(now["version"], json!(SCHEMA_VERSION));
    assert_eq!(now["pins"], json!([]));
    assert_eq!(decode_stored(&now.to_string()), Ok(s));
}

#[test]
fn hostile_stored_pins_are_refused() {
    let with = |pins: serde_json::Value| {
        let mut v = stored_value(&sample());
        v["pins"] = pins;
        decode_stored(&v.to_string())
    };
    assert_eq!(
        with(json!(["churn_after_pct", "seats"]))
            .unwrap()
            .pins
            .fields(),
        &[Field::Seats, Field::ChurnAfterPct],
        "order is normalised"
    );
    let bad = Err(DecodeError::Invalid(ScenarioError::BadPins));
    assert_eq!(with(json!(["seats", "seats"])), bad);
    let seven: Vec<&str> = Field::ALL[..7].iter().map(|f| f.key()).collect();
    assert_eq!(with(json!(seven)), bad);
    for not_pins in [
        json!(["no_such_field"]),
        json!("seats"),
        json!([3]),
        json!({}),
    ] {
        assert!(
            matches!(with(not_pins.clone()), Err(DecodeError::NotAScenario(_))),
            "{not_pins}"
        );
    }
}

#[test]
fn comparison_notices_other_pins() {
    let first = Scenario::default();
    let mut second = first.clone();
    assert!(!differences(&[first.clone(), second.clone()]).pins);
    second.pins.set(Field::Seats, false);
    assert!(differences(&[first, second]).pins);
}
