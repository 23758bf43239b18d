//! Share links that must be refused: truncated, tampered, oversized, from a newer app,
//! crafted bodies with bad values or bad measurements, and old links that still read.
//!
//! Where expected values come from:
//! - ranges and defaults: `src/engine/model/inputs.rs` (`Field::range`, `Inputs::default`);
//! - text limits: `MAX_NAME_CHARS` (120) and `MAX_NOTES_CHARS` (4,000) in `src/units.rs`;
//! - the link format (`<version>.<base64url of JSON>.<checksum>`, keys `v cur on num name
//!   company notes m`): the module docs of `src/scenario/codec.rs`; links crafted here
//!   are built with the tests' own base64url encoder (RFC 4648 §5) and FNV-1a checksum
//!   (`tests/common/codec.rs`), independent of the codec's;
//! - "a default link is well under 2,000 characters": the brief, and the length many
//!   chat apps and older browsers handle without cutting a URL.

mod common;

use chrono::NaiveDate;
use common::codec::*;
use retorno::engine::campaigns::Campaign;
use retorno::engine::measure::{ClvInputs, Measurement};
use retorno::engine::model::{BenefitLine, Field, FieldError, Inputs};
use retorno::scenario::codec::{
    decode_link, decode_stored, encode_link, LinkError, MAX_LINK_CHARS,
};
use retorno::scenario::{MeasurementError, Scenario, ScenarioError, SCHEMA_VERSION};
use retorno::units::{
    Currency, Problem, MAX_CAMPAIGNS, MAX_DEALS_CHARS, MAX_NAME_CHARS, MAX_NOTES_CHARS, MEASURE_MAX,
};
use serde_json::{json, Value};

// ---------------------------------------------------------------------------------------
// Hostile links

#[test]
fn every_truncation_of_a_link_is_refused() {
    let link = format!("#s={}", encode_link(&sample()));
    for end in 0..link.len() {
        let cut = &link[..end];
        let result = decode_link(cut);
        assert!(
            matches!(result, Err(LinkError::NotALink | LinkError::Corrupt)),
            "{end}: {result:?}"
        );
    }
    println!("{} truncations refused", link.len());
}

#[test]
fn every_single_character_change_is_refused() {
    let link = encode_link(&sample());
    let (mut ok, mut refused) = (0, 0);
    for (k, original) in link.char_indices() {
        for &c in B64.iter().chain(b".~") {
            let c = c as char;
            if c == original {
                continue;
            }
            let mut tampered = link.clone();
            tampered.replace_range(k..k + 1, c.encode_utf8(&mut [0; 4]));
            match decode_link(&tampered) {
                Ok(s) => {
                    assert_eq!(s.validate(), Ok(()));
                    assert!(s.id.is_empty() && s.created.is_none() && s.updated.is_none());
                    ok += 1;
                }
                Err(_) => refused += 1,
            }
        }
    }
    println!("single-character changes: {ok} read as another valid scenario, {refused} refused");
    // The checksum catches every one of them.
    assert_eq!(ok, 0);
    assert!(refused > 0);
}

#[test]
fn oversized_links_are_refused_before_decoding() {
    // Over the cap with characters that are not even base64: TooLong, not Corrupt, so
    // the length was checked first.
    assert_eq!(
        decode_link(&"!".repeat(MAX_LINK_CHARS + 1)),
        Err(LinkError::TooLong)
    );
    let big = format!("1.{}", "A".repeat(MAX_LINK_CHARS));
    assert_eq!(decode_link(&big), Err(LinkError::TooLong));
    // At the cap, the same junk is read (and refused for what it is).
    assert_eq!(
        decode_link(&"!".repeat(MAX_LINK_CHARS)),
        Err(LinkError::NotALink)
    );
    // Multi-byte characters count by bytes: 16,384 × 4 bytes is over the cap.
    assert_eq!(
        decode_link(&"😀".repeat(MAX_LINK_CHARS / 4 + 1)),
        Err(LinkError::TooLong)
    );
    // A valid link padded with text past the cap.
    let padded = format!(
        "#s={}{}",
        encode_link(&sample()),
        " ".repeat(MAX_LINK_CHARS)
    );
    assert_eq!(decode_link(&padded), Err(LinkError::TooLong));
}

#[test]
fn links_from_a_newer_app_are_refused_as_future() {
    // Link format 2 (whatever it holds).
    assert_eq!(decode_link("2.anything"), Err(LinkError::FutureVersion(2)));
    assert_eq!(decode_link("#s=99.eyJ9"), Err(LinkError::FutureVersion(99)));
    // Link format 1 holding schema version 2.
    let future = link_with(|b| b["v"] = json!(SCHEMA_VERSION + 1));
    assert_eq!(
        decode_link(&future),
        Err(LinkError::FutureVersion(SCHEMA_VERSION + 1))
    );
    // A newer schema may have more numbers and switches: still "future", not "corrupt".
    let future = link_with(|b| {
        b["v"] = json!(SCHEMA_VERSION + 1);
        b["num"] = json!("1_2_3");
        b["on"] = json!("10");
    });
    assert_eq!(
        decode_link(&future),
        Err(LinkError::FutureVersion(SCHEMA_VERSION + 1))
    );
}

#[test]
fn malformed_links_are_typed_errors() {
    use LinkError::{Corrupt, NotALink};
    let good = encode_link(&Scenario::default());
    let cases: Vec<(String, LinkError)> = vec![
        (String::new(), NotALink),
        ("#s=".into(), NotALink),
        ("s=".into(), NotALink),
        ("   ".into(), NotALink),
        ("https://crm.example/roi/".into(), NotALink),
        ("https://crm.example/roi/#s=".into(), NotALink),
        ("hello".into(), NotALink),
        ("0.eyJ9".into(), NotALink),
        ("-1.eyJ9".into(), NotALink),
        ("99999999999.eyJ9".into(), NotALink),
        ("#s=1.".into(), Corrupt),
        ("1".into(), NotALink),
        // Not base64url: standard-alphabet characters, padding, spaces, non-ASCII.
        (good.replacen('A', "+", 1), Corrupt),
        (good.replacen('A', "/", 1), Corrupt),
        (format!("{good}="), Corrupt),
        (format!("{good}=="), Corrupt),
        (good.replacen('A', " ", 1), Corrupt),
        (good.replacen('A', "ñ", 1), Corrupt),
        (format!("{good}%20"), Corrupt),
        (format!("{good}&x=1"), Corrupt),
        // Base64 of something that is not UTF-8 or not the JSON expected.
        (format!("1.{}", b64(&[0xff, 0xfe, 0xfd])), Corrupt),
        (link_of_json("[]"), Corrupt),
        (link_of_json("null"), Corrupt),
        (link_of_json("{}"), Corrupt),
        (link_of_json(&"[".repeat(10_000)), Corrupt),
    ];
    for (input, expected) in cases {
        assert_eq!(decode_link(&input), Err(expected), "{input:?}");
    }
}

#[test]
fn crafted_link_bodies() {
    use LinkError::{Corrupt, Invalid};
    let nums = numbers_of(&Inputs::default());
    let with_seats = |seats: &str| {
        let mut n = nums.clone();
        n[0] = seats.to_string();
        link_with(|b| b["num"] = json!(n.join("_")))
    };
    let seats_error = |problem| {
        Err(Invalid(ScenarioError::InvalidInputs(vec![FieldError {
            field: Field::Seats,
            problem,
        }])))
    };
    // Absurd numbers: not numbers at all (Corrupt) or out of range (Invalid).
    for seats in [
        "1e30",
        "NaN",
        "nan",
        "inf",
        "-inf",
        "Infinity",
        "",
        " 40",
        "40 ",
        "+40",
        "4_0",
        "0x28",
        "٤٠",
        "40.",
        ".5",
        "1.2.3",
        "--1",
        "100000000000000000000000000000000", // more digits than a Decimal holds
    ] {
        assert_eq!(decode_link(&with_seats(seats)), Err(Corrupt), "{seats:?}");
    }
    assert_eq!(
        decode_link(&with_seats("-5")),
        seats_error(Problem::BelowMin)
    );
    assert_eq!(
        decode_link(&with_seats("0")),
        seats_error(Problem::BelowMin)
    );
    assert_eq!(
        decode_link(&with_seats("1000001")),
        seats_error(Problem::AboveMax)
    );
    assert_eq!(
        decode_link(&with_seats("40.5")),
        seats_error(Problem::NotWhole)
    );
    assert_eq!(
        decode_link(&with_seats("79228162514264337593543950335")),
        seats_error(Problem::AboveMax)
    );
    assert!(decode_link(&with_seats("1000000")).is_ok());
    assert!(decode_link(&with_seats("0040")).is_ok());

    // Wrong counts: 41 numbers (the format-1 minimum is 42), one more than there are
    // fields, switches other than 7 to BenefitLine::COUNT × "0"/"1".
    let short = nums[..41].join("_");
    assert_eq!(
        decode_link(&link_with(|b| b["num"] = json!(short))),
        Err(Corrupt)
    );
    let long = format!("{}_1", nums.join("_"));
    assert_eq!(
        decode_link(&link_with(|b| b["num"] = json!(long))),
        Err(Corrupt)
    );
    let trailing = format!("{}_", nums.join("_"));
    assert_eq!(
        decode_link(&link_with(|b| b["num"] = json!(trailing))),
        Err(Corrupt)
    );
    let one_too_many = "1".repeat(BenefitLine::COUNT + 1);
    for on in [
        "",
        "111111",
        one_too_many.as_str(),
        "1111112",
        "111111 ",
        "yyyyyyy",
    ] {
        assert_eq!(
            decode_link(&link_with(|b| b["on"] = json!(on))),
            Err(Corrupt),
            "{on:?}"
        );
    }
    // Wrong types, missing keys, unknown currency, version 0.
    for (key, value) in [
        ("v", json!("1")),
        ("v", json!(-1)),
        ("v", json!(1.5)),
        ("v", json!(0)),
        ("cur", json!("XYZ")),
        ("cur", json!("eur")),
        ("on", json!([true])),
        ("num", json!(40)),
        ("name", json!(5)),
        ("notes", Value::Null),
    ] {
        let link = link_with(|b| b[key] = value.clone());
        assert_eq!(decode_link(&link), Err(Corrupt), "{key}: {value}");
    }
    for key in ["v", "cur", "on", "num"] {
        let link = link_with(|b| {
            b.as_object_mut().unwrap().remove(key);
        });
        assert_eq!(decode_link(&link), Err(Corrupt), "without {key}");
    }
    // Text over the limits.
    let long_name = link_with(|b| b["name"] = json!("x".repeat(MAX_NAME_CHARS + 1)));
    assert_eq!(
        decode_link(&long_name),
        Err(Invalid(ScenarioError::TextTooLong))
    );
    let long_notes = link_with(|b| b["notes"] = json!("x".repeat(MAX_NOTES_CHARS + 1)));
    assert_eq!(
        decode_link(&long_notes),
        Err(Invalid(ScenarioError::TextTooLong))
    );
    // Unknown keys (from a newer app of the same schema) are ignored.
    let extra = link_with(|b| b["later"] = json!({"x": [1, 2]}));
    assert_eq!(decode_link(&extra), Ok(Scenario::default()));
    // Exactly the 42 numbers of link format 1 read; fields added later take defaults.
    let v1 = link_with(|b| b["num"] = json!(nums[..42].join("_")));
    assert_eq!(decode_link(&v1), Ok(Scenario::default()));
}

/// A scenario whose measurement `change` makes invalid, sent through a link: encode_link
/// does not validate, so this is what a hand-edited or hostile link would carry.
fn measurement_link(change: impl FnOnce(&mut Measurement)) -> Result<Scenario, LinkError> {
    let mut s = sample();
    change(&mut s.measure);
    decode_link(&encode_link(&s))
}

#[test]
fn links_with_bad_measurements_are_invalid() {
    use MeasurementError::{BadCampaign, BadClv, BadValue, TooLong};
    let invalid = |e| Err(LinkError::Invalid(ScenarioError::InvalidMeasurement(e)));
    let row = Campaign {
        name: "Ads".into(),
        spend: d("1000"),
        margin_pct: d("40"),
        ..Campaign::default()
    };
    // A good one first, so the refusals below are about the one thing changed.
    let good = measurement_link(|m| {
        m.periods[0].values.customers_start = Some(d("1000"));
        m.campaigns = vec![row.clone(); MAX_CAMPAIGNS];
    });
    assert!(good.is_ok(), "{good:?}");

    let cases: Vec<(&str, Result<Scenario, LinkError>, MeasurementError)> = vec![
        (
            "negative measure",
            measurement_link(|m| m.periods[0].values.customers_start = Some(d("-1"))),
            BadValue,
        ),
        (
            "measure over the maximum",
            measurement_link(|m| m.periods[1].values.revenue = Some(MEASURE_MAX + d("0.01"))),
            BadValue,
        ),
        (
            "fractional count",
            measurement_link(|m| m.periods[1].values.orders = Some(d("2.5"))),
            BadValue,
        ),
        (
            "oversized deals paste",
            measurement_link(|m| m.periods[1].deals = "x".repeat(MAX_DEALS_CHARS + 1)),
            TooLong,
        ),
        (
            "51 campaigns",
            measurement_link(|m| m.campaigns = vec![row.clone(); MAX_CAMPAIGNS + 1]),
            TooLong,
        ),
        (
            "121-character campaign name",
            measurement_link(|m| {
                m.campaigns = vec![Campaign {
                    name: "x".repeat(MAX_NAME_CHARS + 1),
                    ..row.clone()
                }]
            }),
            TooLong,
        ),
        (
            // Regression: links used to accept what the campaign field refuses.
            "a campaign with 1.5 clicks",
            measurement_link(|m| {
                m.campaigns = vec![Campaign {
                    clicks: d("1.5"),
                    ..row.clone()
                }]
            }),
            BadCampaign,
        ),
        (
            "margin of 101",
            measurement_link(|m| {
                m.campaigns = vec![Campaign {
                    margin_pct: d("101"),
                    ..row.clone()
                }]
            }),
            BadCampaign,
        ),
        (
            "negative spend",
            measurement_link(|m| {
                m.campaigns = vec![Campaign {
                    spend: d("-1"),
                    ..row.clone()
                }]
            }),
            BadCampaign,
        ),
        (
            "CLV retention 101",
            measurement_link(|m| m.clv.retention_pct = d("101")),
            BadClv,
        ),
    ];
    for (what, result, error) in cases {
        assert_eq!(result, invalid(error), "{what}");
    }

    // The same, written by hand into the JSON of a link: refused as invalid, not corrupt.
    let hand = |m: Value| decode_link(&link_with(|b| b["m"] = m));
    assert_eq!(
        hand(json!({"periods": [{"values": {"leads": "-3"}}, {}]})),
        invalid(BadValue)
    );
    assert_eq!(
        hand(json!({"campaigns": [{"name": "A", "margin_pct": "101"}]})),
        invalid(BadCampaign)
    );
    assert_eq!(
        hand(json!({"periods": [{}, {"deals": "x".repeat(MAX_DEALS_CHARS + 1)}]})),
        invalid(TooLong)
    );
    // Wrong types inside `m` are damage.
    for m in [
        json!(5),
        json!({"periods": [{"values": {"leads": "many"}}, {}]}),
        json!({"periods": [{"deals": 7}, {}]}),
        json!({"periods": {"deals": "x"}}),
        json!({"campaigns": {"name": "A"}}),
        json!({"date_order": "Sideways"}),
    ] {
        assert_eq!(hand(m.clone()), Err(LinkError::Corrupt), "{m}");
    }
}

#[test]
fn links_carry_measurements_under_m() {
    // Nothing measured: no `m` at all (see also link_format_is_versioned_json_in_base64url).
    assert!(Measurement::default().is_empty());
    let plain = json_of_link(&encode_link(&sample()));
    assert!(plain.get("m").is_none(), "{plain}");
    // Something measured: `m` in the stored form, dates as YYYY-MM-DD, blanks left out.
    let mut s = sample();
    s.measure.periods[0].start = NaiveDate::from_ymd_opt(2025, 1, 1);
    s.measure.periods[0].end = NaiveDate::from_ymd_opt(2025, 3, 31);
    s.measure.periods[0].values.customers_start = Some(d("1000"));
    s.measure.periods[1].deals = "2025-04-01\t2025-04-05".into();
    let body = json_of_link(&encode_link(&s));
    assert_eq!(body["m"]["periods"][0]["start"], "2025-01-01");
    assert_eq!(body["m"]["periods"][0]["end"], "2025-03-31");
    assert_eq!(
        body["m"]["periods"][0]["values"].as_object().unwrap().len(),
        1,
        "{body}"
    );
    assert_eq!(body["m"]["periods"][1]["deals"], "2025-04-01\t2025-04-05");
    // No names, costs or targets entered: none written.
    assert!(body["m"].get("targets").is_none(), "{body}");
    assert!(body["m"]["periods"][0].get("name").is_none(), "{body}");
    assert!(body["m"]["periods"][0].get("costs").is_none(), "{body}");
    assert_eq!(decode_link(&encode_link(&s)), Ok(as_shared(&s)));
    // A measurement written by hand reads as written; what it leaves out takes defaults.
    let by_hand = link_with(|b| {
        b["m"] = json!({
            "periods": [
                {"start": "2024-02-29", "values": {"customers_start": "1000"}},
                {"end": "2025-02-29", "values": {"revenue": "12.5"}, "deals": "x"},
            ],
        })
    });
    let read = decode_link(&by_hand).unwrap();
    let mut expected = Measurement::default();
    expected.periods[0].start = NaiveDate::from_ymd_opt(2024, 2, 29);
    expected.periods[0].values.customers_start = Some(d("1000"));
    // 2025-02-29 does not exist: no date.
    expected.periods[1].values.revenue = Some(d("12.5"));
    expected.periods[1].deals = "x".into();
    assert_eq!(read.measure, expected);
    assert_eq!(read.measure.clv, ClvInputs::default());
}

#[test]
fn old_links_without_measurements_read_with_none() {
    // A link as written before measurements existed: link format 1, schema 1, the 42
    // numbers of format 1 and no `m`. Built by hand (this file's own base64url and
    // checksum), with non-default texts and switches so that it is not the default.
    let nums = numbers_of(&Inputs::default());
    let old = link_of_json(
        &json!({
            "v": 1,
            "cur": "USD",
            "on": "1011101",
            "num": nums[..42].join("_"),
            "name": "Plan 2025",
            "notes": "antes de medir",
        })
        .to_string(),
    );
    let read = decode_link(&old).expect("an old link reads");
    assert_eq!(read.measure, Measurement::default());
    assert!(read.measure.is_empty());
    assert_eq!(read.currency, Currency::USD);
    assert_eq!(read.name, "Plan 2025");
    assert_eq!(read.notes, "antes de medir");
    assert!(!read.inputs.lines.is_on(BenefitLine::DealSize));
    assert_eq!(read.inputs, {
        let mut i = without_schema_3_lines(Inputs::default());
        i.lines.set(BenefitLine::DealSize, false);
        i.lines.set(BenefitLine::Marketing, false);
        i
    });
    // And it writes back without `m`, so it stays as short as it was.
    let again = json_of_link(&encode_link(&read));
    assert!(again.get("m").is_none(), "{again}");
    // Old stored scenarios without `measure` also read with none.
    let mut v = stored_value(&sample());
    v.as_object_mut().unwrap().remove("measure");
    assert_eq!(decode_stored(&v.to_string()), Ok(sample()));
}
