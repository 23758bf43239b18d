//! Random and mutated input for every decoder (links, stored JSON, import files): none
//! panics, and each either reads a valid scenario or returns a typed error.

mod common;

use common::codec::*;
use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};
use retorno::engine::model::{BenefitLine, Field, Inputs};
use retorno::scenario::codec::{decode_link, decode_stored, encode_link, export_json, import_json};
use retorno::scenario::Scenario;
use rust_decimal::Decimal;
use serde_json::{json, Value};
use std::cell::Cell;

// ---------------------------------------------------------------------------------------
// Random and mutated input: never a panic

/// Up to `max` arbitrary characters (cheaper than a regex strategy in debug builds).
fn any_chars(max: usize) -> impl Strategy<Value = String> {
    proptest::collection::vec(any::<char>(), 0..=max).prop_map(String::from_iter)
}

/// Up to `max` characters drawn from `set`.
fn chars_from(set: &str, max: usize) -> impl Strategy<Value = String> {
    let set: Vec<char> = set.chars().collect();
    proptest::collection::vec(proptest::sample::select(set), 0..=max).prop_map(String::from_iter)
}

/// Tokens that stress number parsing.
const NUMBER_TOKENS: &[&str] = &[
    "0",
    "1",
    "-5",
    "40",
    "11.5",
    "1e30",
    "1E-7",
    "NaN",
    "inf",
    "-0",
    "0.0000000000000000000000000001",
    "79228162514264337593543950335",
    "79228162514264337593543950336",
    "99999999999999999999999999999999",
    "",
    ".",
    "-",
    "1.2.3",
    "٣",
    "\u{0}",
    "1e4294967296",
];

fn link_bodies() -> impl Strategy<Value = String> {
    let number_list = proptest::collection::vec(
        prop_oneof![
            proptest::sample::select(NUMBER_TOKENS).prop_map(String::from),
            chars_from("0123456789.e-", 12)
        ],
        0..50,
    )
    .prop_map(|n| n.join("_"));
    let value = prop_oneof![
        number_list.prop_map(Value::from),
        chars_from("01", 9).prop_map(Value::from),
        proptest::sample::select(vec!["EUR", "USD", "XYZ", ""]).prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        any::<f64>().prop_map(|f| json!(f)),
        any::<bool>().prop_map(Value::from),
        Just(Value::Null),
        any_chars(40).prop_map(Value::from),
    ];
    let key = proptest::sample::select(vec![
        "v", "cur", "on", "num", "name", "company", "notes", "x",
    ]);
    proptest::collection::btree_map(key, value, 0..9).prop_map(|m| {
        let map: serde_json::Map<String, Value> =
            m.into_iter().map(|(k, v)| (k.to_string(), v)).collect();
        link_of_json(&Value::Object(map).to_string())
    })
}

fn json_values() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        any::<f64>().prop_map(|f| json!(f)),
        proptest::sample::select(NUMBER_TOKENS).prop_map(Value::from),
        any_chars(20).prop_map(Value::from),
    ];
    let keys = proptest::sample::select(vec![
        "version",
        "id",
        "name",
        "company",
        "notes",
        "created",
        "updated",
        "currency",
        "inputs",
        "seats",
        "horizon_years",
        "lines",
        "conversion",
        "format",
        "scenarios",
        "exported",
        "x",
    ]);
    leaf.prop_recursive(4, 48, 8, move |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..6).prop_map(Value::from),
            proptest::collection::btree_map(keys.clone(), inner, 0..8).prop_map(|m| {
                Value::Object(m.into_iter().map(|(k, v)| (k.to_string(), v)).collect())
            }),
        ]
    })
}

/// Edits to a valid text: (position, what) pairs applied in order.
fn mutate(text: &str, edits: &[(usize, u8, char)]) -> String {
    let mut chars: Vec<char> = text.chars().collect();
    for &(at, op, c) in edits {
        let at = if chars.is_empty() {
            0
        } else {
            at % (chars.len() + 1)
        };
        match op % 5 {
            0 if at < chars.len() => {
                chars.remove(at);
            }
            1 => chars.insert(at, c),
            2 if at < chars.len() => chars[at] = c,
            3 => chars.truncate(at),
            _ => {
                let tail: Vec<char> = chars[at..].to_vec();
                chars.extend(tail);
            }
        }
    }
    chars.into_iter().collect()
}

/// Valid inputs, cheaply (the full-range strategy above is slow in debug builds): raw
/// numbers clamped into each field's range.
fn quick_inputs() -> impl Strategy<Value = Inputs> {
    (
        proptest::collection::vec((any::<i64>(), 0u32..6), Field::COUNT),
        any::<u16>(),
    )
        .prop_map(|(raw, on)| {
            let mut inputs = Inputs::default();
            for (f, (m, scale)) in Field::ALL.iter().zip(raw) {
                f.set(
                    &mut inputs,
                    f.clamp(Decimal::new(m % 10_000_000_000_000, scale)),
                );
            }
            for (k, line) in BenefitLine::ALL.iter().enumerate() {
                inputs.lines.set(*line, on & (1 << k) != 0);
            }
            inputs
        })
}

fn small_scenario() -> impl Strategy<Value = Scenario> {
    (text(30), text(200), currency(), quick_inputs()).prop_map(|(name, notes, currency, inputs)| {
        Scenario {
            name,
            notes,
            currency,
            inputs,
            ..Scenario::default()
        }
    })
}

fn hostile_inputs() -> impl Strategy<Value = String> {
    let edits = proptest::collection::vec((any::<usize>(), any::<u8>(), any::<char>()), 1..6);
    let b64_char = proptest::sample::select(B64.to_vec()).prop_map(char::from);
    let b64_edits = proptest::collection::vec((any::<usize>(), any::<u8>(), b64_char), 1..4);
    prop_oneof![
        // Arbitrary Unicode.
        any_chars(300),
        // Link-shaped: random payloads, random bytes, random JSON bodies.
        (
            any::<bool>(),
            0u32..1000,
            chars_from(std::str::from_utf8(B64).unwrap(), 600)
        )
            .prop_map(|(hash, v, b)| format!("{}{v}.{b}", if hash { "#s=" } else { "" })),
        proptest::collection::vec(any::<u8>(), 0..600).prop_map(|b| format!("1.{}", b64(&b))),
        link_bodies(),
        // Real links, mutated anyhow or within the alphabet.
        (small_scenario(), edits.clone()).prop_map(|(s, e)| mutate(&encode_link(&s), &e)),
        (small_scenario(), b64_edits).prop_map(|(s, e)| mutate(&encode_link(&s), &e)),
        // JSON: random trees, and real files mutated.
        json_values().prop_map(|v| v.to_string()),
        json_values()
            .prop_map(|v| json!({"format": "retorno-scenarios", "scenarios": [v]}).to_string()),
        (small_scenario(), edits).prop_map(|(s, e)| mutate(&export_json(&[s], None), &e)),
    ]
}

/// 20,000 random and mutated inputs through every decoder. A panic fails the test; any
/// `Ok` must be a valid scenario.
#[test]
fn hostile_input_never_panics() {
    const CASES: u32 = 20_000;
    let mut runner = TestRunner::new(Config::with_cases(CASES));
    let seen = Cell::new(0u32);
    let accepted = Cell::new(0u32);
    runner
        .run(&hostile_inputs(), |input| {
            seen.set(seen.get() + 1);
            if let Ok(s) = decode_link(&input) {
                prop_assert_eq!(s.validate(), Ok(()));
                prop_assert!(s.id.is_empty() && s.created.is_none());
                accepted.set(accepted.get() + 1);
            }
            if let Ok(s) = decode_stored(&input) {
                prop_assert_eq!(s.validate(), Ok(()));
                accepted.set(accepted.get() + 1);
            }
            if let Ok(list) = import_json(&input) {
                prop_assert!(!list.is_empty());
                for s in list {
                    prop_assert_eq!(s.validate(), Ok(()));
                }
                accepted.set(accepted.get() + 1);
            }
            Ok(())
        })
        .unwrap();
    println!(
        "hostile input: {} cases × 3 decoders, {} accepted as valid",
        seen.get(),
        accepted.get()
    );
    assert!(seen.get() >= CASES);
}
