//! Share links, stored JSON and export files: round trips over the whole valid input
//! space, hostile input (truncated, tampered, oversized, random), migrations and name
//! conflicts.
//!
//! Where expected values come from:
//! - ranges and defaults: `src/engine/model.rs` (`Field::range`, `Inputs::default`);
//! - text limits: `MAX_NAME_CHARS` (120) and `MAX_NOTES_CHARS` (4,000) in
//!   `src/scenario/mod.rs`;
//! - the link format (`<version>.<base64url of JSON>`, keys `v cur on num name company
//!   notes`): the module docs of `src/scenario/codec.rs`; links crafted here are built
//!   with this file's own base64url encoder (RFC 4648 §5), independent of the codec's;
//! - "a default link is well under 2,000 characters": the brief, and the length many
//!   chat apps and older browsers handle without cutting a URL.

use chrono::{DateTime, NaiveDate};
use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};
use retorno::engine::campaigns::Campaign;
use retorno::engine::deals::DateOrder;
use retorno::engine::measure::{
    ClvInputs, Measure, Measurement, MeasurementError, Period, Values, MAX_CAMPAIGNS,
    MAX_DEALS_CHARS, MEASURE_MAX,
};
use retorno::engine::model::{BenefitLine, Field, FieldError, Inputs, Problem};
use retorno::scenario::codec::{
    decode_link, decode_stored, encode_link, export_json, import_json, unique_name, DecodeError,
    LinkError, EXPORT_FORMAT, MAX_IMPORT_BYTES, MAX_LINK_CHARS,
};
use retorno::scenario::{
    Currency, Scenario, ScenarioError, MAX_NAME_CHARS, MAX_NOTES_CHARS, SCHEMA_VERSION,
};
use rust_decimal::Decimal;
use serde_json::{json, Value};
use std::cell::Cell;
use std::str::FromStr;

// ---------------------------------------------------------------------------------------
// Helpers

fn d(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap()
}

/// RFC 4648 §5 alphabet.
const B64: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// base64url without padding, written independently of the codec's.
fn b64(bytes: &[u8]) -> String {
    let mut bits = 0u32;
    let mut held = 0;
    let mut out = String::new();
    for &b in bytes {
        bits = (bits << 8) | u32::from(b);
        held += 8;
        while held >= 6 {
            held -= 6;
            out.push(B64[((bits >> held) & 63) as usize] as char);
        }
    }
    if held > 0 {
        out.push(B64[((bits << (6 - held)) & 63) as usize] as char);
    }
    out
}

/// FNV-1a 32-bit (offset basis 0x811c9dc5, prime 0x01000193, per the FNV reference),
/// written independently of the codec's, over the packed text; 6 base64url characters.
fn fnv_check(packed: &str) -> String {
    let mut hash: u32 = 2_166_136_261;
    for byte in packed.bytes() {
        hash ^= u32::from(byte);
        hash = hash.wrapping_mul(16_777_619);
    }
    b64(&hash.to_be_bytes())
}

/// A link of format 1 around any JSON text.
fn link_of_json(json: &str) -> String {
    let packed = b64(json.as_bytes());
    format!("1.{packed}.{}", fnv_check(&packed))
}

/// The JSON inside a link this app wrote (reads the payload with the same independent
/// decoder logic in reverse).
fn json_of_link(link: &str) -> Value {
    let (payload, check) = link.strip_prefix("1.").unwrap().rsplit_once('.').unwrap();
    assert_eq!(check, fnv_check(payload), "checksum of {link}");
    let mut bits = 0u32;
    let mut held = 0;
    let mut bytes = Vec::new();
    for c in payload.bytes() {
        let v = B64.iter().position(|&x| x == c).unwrap() as u32;
        bits = (bits << 6) | v;
        held += 6;
        if held >= 8 {
            held -= 8;
            bytes.push((bits >> held) as u8);
        }
    }
    serde_json::from_slice(&bytes).unwrap()
}

/// The numbers of `inputs` as a link writes them.
fn numbers_of(inputs: &Inputs) -> Vec<String> {
    Field::ALL
        .iter()
        .map(|f| f.get(inputs).normalize().to_string())
        .collect()
}

/// A link body with default inputs, as JSON, for tests to change one thing in.
fn default_body() -> Value {
    json!({
        "v": 1,
        "cur": "EUR",
        "on": "1111111",
        "num": numbers_of(&Inputs::default()).join("_"),
    })
}

fn link_with(change: impl FnOnce(&mut Value)) -> String {
    let mut body = default_body();
    change(&mut body);
    link_of_json(&body.to_string())
}

/// What a link carries of `s`: everything but the id and timestamps.
fn as_shared(s: &Scenario) -> Scenario {
    Scenario {
        version: SCHEMA_VERSION,
        id: String::new(),
        created: None,
        updated: None,
        ..s.clone()
    }
}

fn sample() -> Scenario {
    let mut s = Scenario::new(Currency::MXN);
    s.id = "a1b2".into();
    s.name = "Plan 2027 — ñandú".into();
    s.company = "ACME S.A. de C.V.".into();
    s.notes = "Línea 1\nLínea 2 \"citada\" <b>negrita</b> & 😀".into();
    s.created = DateTime::from_timestamp_millis(1_700_000_000_123);
    s.updated = DateTime::from_timestamp_millis(1_700_000_100_456);
    s.inputs.seats = d("125");
    s.inputs.conversion_after_pct = d("12.375");
    s.inputs.avg_deal_value = d("1234567.89");
    s.inputs.lines.set(BenefitLine::Marketing, false);
    s.inputs.lines.set(BenefitLine::DealSize, false);
    s
}

fn is_url_safe(text: &str) -> bool {
    text.bytes()
        .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~'))
}

// ---------------------------------------------------------------------------------------
// Strategies

/// Any value in `field`'s range, at any precision a `Decimal` holds there: a whole
/// mantissa in [min × 10^scale, max × 10^scale] at a scale of 0–16 (whole-number fields:
/// 0). 10^12 (the largest maximum) × 10^16 stays below a Decimal's 2^96 mantissa. The
/// range ends themselves are drawn often.
fn value_in(field: Field) -> BoxedStrategy<Decimal> {
    let (min, max) = field.range();
    assert_eq!(
        (min.scale(), max.scale()),
        (0, 0),
        "ranges are whole numbers"
    );
    let (lo, hi) = (min.mantissa(), max.mantissa());
    let max_scale = if field.unit().is_whole() { 0 } else { 16u32 };
    let any = (0..=max_scale, any::<u128>())
        .prop_map(move |(scale, raw)| {
            let k = 10i128.pow(scale);
            let span = ((hi - lo) * k + 1) as u128;
            let m = lo * k + (raw % span) as i128;
            Decimal::from_i128_with_scale(m, scale)
        })
        .boxed();
    prop_oneof![1 => Just(min), 1 => Just(max), 6 => any].boxed()
}

fn inputs_strategy() -> impl Strategy<Value = Inputs> {
    let values: Vec<BoxedStrategy<Decimal>> = Field::ALL.iter().map(|&f| value_in(f)).collect();
    (values, proptest::array::uniform7(any::<bool>())).prop_map(|(values, on)| {
        let mut inputs = Inputs::default();
        for (f, v) in Field::ALL.iter().zip(values) {
            f.set(&mut inputs, v);
        }
        for (line, on) in BenefitLine::ALL.iter().zip(on) {
            inputs.lines.set(*line, on);
        }
        inputs
    })
}

/// Text of at most `max` characters: arbitrary Unicode (controls, RTL, combining
/// marks, astral emoji), markup, and the limit itself in costly characters.
fn text(max: usize) -> BoxedStrategy<String> {
    prop_oneof![
        4 => proptest::collection::vec(any::<char>(), 0..=max.min(300)).prop_map(String::from_iter),
        1 => proptest::collection::vec(any::<char>(), 0..=max).prop_map(String::from_iter),
        1 => Just("<script>alert(1)</script>".to_string()),
        1 => Just("\"><img src=x onerror=alert(1)>&amp;#s=1.AAAA".to_string()),
        1 => Just("👩🏽‍💻 Ünïcødé ✓ 中文 العربية".to_string()),
        1 => Just("😀".repeat(max)),
        1 => Just("\u{1}".repeat(max)),
        1 => Just(String::new()),
    ]
    .boxed()
}

fn currency() -> impl Strategy<Value = Currency> {
    proptest::sample::select(Currency::ALL.to_vec())
}

fn millis() -> impl Strategy<Value = Option<DateTime<chrono::Utc>>> {
    // 1901–2100, including before 1970.
    proptest::option::of(
        (-2_177_452_800_000i64..=4_102_444_800_000)
            .prop_map(|ms| DateTime::from_timestamp_millis(ms).unwrap()),
    )
}

/// `MEASURE_MAX` as a whole number (its scale is 0).
fn measure_max() -> u128 {
    assert_eq!(MEASURE_MAX.scale(), 0);
    MEASURE_MAX.mantissa() as u128
}

/// A decimal in [lo, hi] (whole numbers, `hi − lo` at most 2 × 10^12) picked by `raw` at
/// `scale` (0–16): a whole mantissa in [lo × 10^scale, hi × 10^scale]; 2 × 10^28 stays
/// below a Decimal's 2^96 mantissa.
fn decimal_in(lo: i128, hi: i128, raw: u128, scale: u32) -> Decimal {
    let k = 10i128.pow(scale);
    let span = ((hi - lo) * k + 1) as u128;
    Decimal::from_i128_with_scale(lo * k + (raw % span) as i128, scale)
}

/// A value in [lo, hi] at a scale of 0–16, the ends drawn often.
fn ranged(lo: i128, hi: i128) -> BoxedStrategy<Decimal> {
    let any =
        (any::<u128>(), 0u32..=16).prop_map(move |(raw, scale)| decimal_in(lo, hi, raw, scale));
    prop_oneof![
        1 => Just(Decimal::from_i128_with_scale(lo, 0)),
        1 => Just(Decimal::from_i128_with_scale(hi, 0)),
        4 => any,
    ]
    .boxed()
}

/// A period's figures: each measure blank (3 in 8), 0, `MEASURE_MAX` or anything in
/// between, whole for counts and at a scale of 0–16 otherwise.
fn values_strategy() -> impl Strategy<Value = Values> {
    let max = measure_max() as i128;
    proptest::collection::vec((0u8..8, any::<u128>(), 0u32..=16), Measure::ALL.len()).prop_map(
        move |raw| {
            let mut values = Values::default();
            for (&m, (pick, r, scale)) in Measure::ALL.iter().zip(raw) {
                let scale = if m.unit().is_whole() { 0 } else { scale };
                let value = match pick {
                    0..=2 => None,
                    3 => Some(Decimal::ZERO),
                    4 => Some(MEASURE_MAX),
                    _ => Some(decimal_in(0, max, r, scale)),
                };
                m.set(&mut values, value);
            }
            values
        },
    )
}

/// A date of year 0000–9999 (what `YYYY-MM-DD` can hold), or none.
fn iso_date() -> impl Strategy<Value = Option<NaiveDate>> {
    // Day −365 from the common era is 0000-01-01; day 3,652,059 is 9999-12-31.
    proptest::option::of(
        (-365i32..=3_652_059).prop_map(|n| NaiveDate::from_num_days_from_ce_opt(n).unwrap()),
    )
}

/// A short deals paste: arbitrary characters, or rows of two dates in any format.
fn deals_text() -> impl Strategy<Value = String> {
    let row = (iso_date(), iso_date(), any::<bool>()).prop_map(|(a, b, slash)| {
        let cell = |d: Option<NaiveDate>| match d {
            Some(d) if slash => d.format("%d/%m/%Y").to_string(),
            Some(d) => d.to_string(),
            None => "n/a".to_string(),
        };
        format!("{}\t{}", cell(a), cell(b))
    });
    prop_oneof![
        2 => Just(String::new()),
        2 => proptest::collection::vec(any::<char>(), 0..=120).prop_map(String::from_iter),
        3 => proptest::collection::vec(row, 0..6).prop_map(|rows| rows.join("\n")),
    ]
}

fn period_strategy() -> impl Strategy<Value = Period> {
    (iso_date(), iso_date(), values_strategy(), deals_text()).prop_map(
        |(start, end, values, deals)| Period {
            start,
            end,
            values,
            deals,
        },
    )
}

/// A campaign row as the table accepts it: amounts 0 to `MEASURE_MAX`, margin 0–100 %.
fn campaign_strategy() -> impl Strategy<Value = Campaign> {
    let max = measure_max() as i128;
    let name = prop_oneof![
        4 => proptest::collection::vec(any::<char>(), 0..=20).prop_map(String::from_iter),
        1 => text(MAX_NAME_CHARS),
    ];
    (
        name,
        [
            ranged(0, max),
            ranged(0, max),
            ranged(0, max),
            ranged(0, max),
            ranged(0, max),
        ],
        ranged(0, 100),
    )
        .prop_map(
            |(name, [spend, clicks, leads, customers, revenue], margin_pct)| Campaign {
                name,
                spend,
                clicks,
                leads,
                customers,
                revenue,
                margin_pct,
            },
        )
}

fn clv_strategy() -> impl Strategy<Value = ClvInputs> {
    let max = measure_max() as i128;
    (
        ranged(-max, max),
        ranged(0, 100),
        ranged(0, 100),
        ranged(0, max),
    )
        .prop_map(
            |(margin_per_year, retention_pct, discount_pct, acquisition_cost)| ClvInputs {
                margin_per_year,
                retention_pct,
                discount_pct,
                acquisition_cost,
            },
        )
}

/// Valid measurements: nothing measured (often), or two periods with some figures,
/// dates and short pastes, 0–4 campaigns and any CLV inputs in range.
fn measurement_strategy() -> BoxedStrategy<Measurement> {
    let order = proptest::option::of(prop_oneof![
        Just(DateOrder::DayFirst),
        Just(DateOrder::MonthFirst)
    ]);
    let some = (
        period_strategy(),
        period_strategy(),
        proptest::collection::vec(campaign_strategy(), 0..=4),
        prop_oneof![Just(ClvInputs::default()), clv_strategy()],
        order,
    )
        .prop_map(
            |(baseline, current, campaigns, clv, date_order)| Measurement {
                baseline,
                current,
                campaigns,
                clv,
                date_order,
            },
        );
    prop_oneof![1 => Just(Measurement::default()), 3 => some].boxed()
}

fn scenario_strategy() -> impl Strategy<Value = Scenario> {
    (
        text(MAX_NAME_CHARS),
        text(MAX_NAME_CHARS),
        text(MAX_NAME_CHARS),
        text(MAX_NOTES_CHARS),
        (millis(), millis()),
        currency(),
        inputs_strategy(),
        measurement_strategy(),
    )
        .prop_map(
            |(id, name, company, notes, (created, updated), currency, inputs, measure)| Scenario {
                version: SCHEMA_VERSION,
                id,
                name,
                company,
                notes,
                created,
                updated,
                currency,
                inputs,
                measure,
            },
        )
}

// ---------------------------------------------------------------------------------------
// Round trips

proptest! {
    #![proptest_config(Config::with_cases(1_000))]

    /// Every valid scenario comes back from its link exactly, minus id and timestamps.
    #[test]
    fn link_round_trip(s in scenario_strategy()) {
        prop_assert_eq!(s.validate(), Ok(()));
        let link = encode_link(&s);
        prop_assert!(is_url_safe(&link), "not URL-safe: {}", link);
        prop_assert!(link.len() <= MAX_LINK_CHARS);
        let expected = as_shared(&s);
        prop_assert_eq!(decode_link(&link), Ok(expected.clone()));
        prop_assert_eq!(decode_link(&format!("#s={link}")), Ok(expected.clone()));
        prop_assert_eq!(decode_link(&format!("https://example.com/app/?x=1#s={link}")), Ok(expected));
    }

    /// Every list of valid scenarios comes back from an export file exactly.
    #[test]
    fn export_round_trip(list in proptest::collection::vec(scenario_strategy(), 1..4), now in millis()) {
        let file = export_json(&list, now);
        prop_assert_eq!(import_json(&file), Ok(list.clone()));
        for s in &list {
            prop_assert_eq!(decode_stored(&serde_json::to_string(s).unwrap()), Ok(s.clone()));
        }
    }

    /// Any Decimal at all (out of range, negative, 28 decimals) is carried exactly: the
    /// link reads back equal, or is refused as invalid, never as corrupt.
    #[test]
    fn any_decimal_is_carried_exactly(
        k in 0..Field::COUNT,
        lo in any::<u32>(), mid in any::<u32>(), hi in any::<u32>(),
        negative in any::<bool>(), scale in 0u32..=28,
    ) {
        let field = Field::ALL[k];
        let value = Decimal::from_parts(lo, mid, hi, negative, scale);
        let mut s = Scenario::default();
        field.set(&mut s.inputs, value);
        match decode_link(&encode_link(&s)) {
            Ok(back) => {
                prop_assert_eq!(field.check(value), Ok(()));
                prop_assert_eq!(field.get(&back.inputs), value);
            }
            Err(LinkError::Invalid(ScenarioError::InvalidInputs(errors))) => {
                prop_assert_eq!(errors.len(), 1);
                prop_assert_eq!(errors[0].field, field);
                prop_assert!(field.check(value).is_err());
            }
            Err(other) => prop_assert!(false, "{:?} for {}", other, value),
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

#[test]
fn link_lengths() {
    let default = encode_link(&Scenario::default());
    println!("default scenario link: {} characters", default.len());
    assert!(default.len() < 2_000, "{}", default.len());
    assert!(
        default.len() < 500,
        "aim: a few hundred; got {}",
        default.len()
    );

    // 4,000 characters of Spanish prose with accents: the longest notes allowed.
    let prose = "La adopción del CRM redujo el ciclo de ventas; señalamos riesgos. ";
    let mut s = sample();
    s.notes = prose.chars().cycle().take(MAX_NOTES_CHARS).collect();
    let long = encode_link(&s);
    println!(
        "link with {MAX_NOTES_CHARS} characters of notes: {} characters",
        long.len()
    );
    assert_eq!(decode_link(&long), Ok(as_shared(&s)));

    // The worst case: every text at its limit in characters JSON escapes to six bytes,
    // every number at full precision. It must still fit under the cap.
    let mut worst = Scenario {
        name: "\u{1}".repeat(MAX_NAME_CHARS),
        company: "\u{1}".repeat(MAX_NAME_CHARS),
        notes: "\u{1}".repeat(MAX_NOTES_CHARS),
        ..Scenario::default()
    };
    for &f in Field::ALL {
        let (min, max) = f.range();
        let value = if f.unit().is_whole() {
            max
        } else {
            // max − 10^-16: 28 significant digits for the largest ranges.
            max - Decimal::new(1, 16)
        };
        assert!(value >= min);
        f.set(&mut worst.inputs, value);
    }
    // Measurements at their widest: every figure of both periods at MEASURE_MAX (less
    // 10^-16 where fractions are allowed: 28 digits), both pastes at their limit in
    // escaped characters, every campaign with the longest name and widest numbers, the
    // CLV inputs at 28 digits and signed.
    let widest = |whole: bool| {
        if whole {
            MEASURE_MAX
        } else {
            MEASURE_MAX - Decimal::new(1, 16)
        }
    };
    // 100 − 10^-26: 28 digits, within 0–100 %.
    let widest_pct = Decimal::ONE_HUNDRED - Decimal::new(1, 26);
    let mut period = Period {
        start: NaiveDate::from_ymd_opt(2025, 1, 1),
        end: NaiveDate::from_ymd_opt(2025, 12, 31),
        deals: "\u{1}".repeat(MAX_DEALS_CHARS),
        ..Period::default()
    };
    for &m in Measure::ALL {
        m.set(&mut period.values, Some(widest(m.unit().is_whole())));
    }
    let campaign = Campaign {
        name: "\u{1}".repeat(MAX_NAME_CHARS),
        spend: widest(false),
        clicks: widest(false),
        leads: widest(false),
        customers: widest(false),
        revenue: widest(false),
        margin_pct: widest_pct,
    };
    worst.measure = Measurement {
        baseline: period.clone(),
        current: period,
        campaigns: vec![campaign; MAX_CAMPAIGNS],
        clv: ClvInputs {
            margin_per_year: -widest(false),
            retention_pct: widest_pct,
            discount_pct: widest_pct,
            acquisition_cost: widest(false),
        },
        date_order: Some(DateOrder::MonthFirst),
    };
    assert_eq!(worst.measure.validate(), Ok(()));
    assert_eq!(worst.validate(), Ok(()));
    let link = encode_link(&worst);
    let started = std::time::Instant::now();
    let decoded = decode_link(&link);
    let took = started.elapsed();
    println!(
        "worst-case valid link: {} characters (cap {MAX_LINK_CHARS}, {:.1} % of it); \
         decoded in {took:?}",
        link.len(),
        link.len() as f64 * 100.0 / MAX_LINK_CHARS as f64
    );
    assert!(link.len() < MAX_LINK_CHARS);
    assert_eq!(decoded, Ok(as_shared(&worst)));
    // The same scenario stored and exported reads back too (5 MiB cap).
    let stored = serde_json::to_string(&worst).unwrap();
    assert!(stored.len() < MAX_IMPORT_BYTES, "{}", stored.len());
    assert_eq!(decode_stored(&stored), Ok(worst.clone()));
    let exported = export_json(std::slice::from_ref(&worst), None);
    println!(
        "worst-case stored form: {} bytes; export file: {} bytes (cap {MAX_IMPORT_BYTES})",
        stored.len(),
        exported.len()
    );
    assert_eq!(import_json(&exported), Ok(vec![worst]));
}

#[test]
fn link_format_is_versioned_json_in_base64url() {
    let s = sample();
    let link = encode_link(&s);
    assert!(link.starts_with("1."), "{link}");
    let body = json_of_link(&link);
    assert_eq!(body["v"], json!(SCHEMA_VERSION));
    assert_eq!(body["cur"], "MXN");
    // BenefitLine::ALL order: conversion, deal size (off), retention, productivity,
    // service, marketing (off), sales cycle — set in `sample`.
    assert_eq!(body["on"], "1011101");
    assert_eq!(body["num"], numbers_of(&s.inputs).join("_"));
    assert_eq!(body["name"], s.name.as_str());
    // A link is a copy: no id, no timestamps.
    let keys: Vec<&str> = body
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    for absent in ["id", "created", "updated"] {
        assert!(!keys.contains(&absent), "{keys:?}");
    }
    // Empty texts are left out.
    let plain = json_of_link(&encode_link(&Scenario::default()));
    assert_eq!(plain.as_object().unwrap().len(), 4, "{plain}");
}

#[test]
fn links_carry_fields_in_the_order_link_format_1_fixed() {
    // `Field::ALL` order in src/engine/model.rs when link format 1 was introduced. Links
    // are positional: reordering these breaks every link already shared. New fields
    // go at the end (old links then take their defaults).
    let v1 = [
        "seats",
        "sales_reps",
        "customers",
        "leads_per_year",
        "avg_deal_value",
        "gross_margin_pct",
        "revenue_per_customer",
        "licence_per_seat_month",
        "licence_escalation_pct",
        "ai_addon_per_seat_month",
        "implementation",
        "integration",
        "data_migration",
        "initial_training",
        "maintenance_per_year",
        "continuous_training_per_year",
        "admin_hours_per_month",
        "admin_hourly_rate",
        "contingency_pct",
        "conversion_before_pct",
        "conversion_after_pct",
        "deal_size_uplift_pct",
        "churn_before_pct",
        "churn_after_pct",
        "hours_saved_per_rep_week",
        "working_weeks",
        "rep_hourly_rate",
        "tickets_per_year",
        "handle_minutes_saved",
        "service_cost_per_hour",
        "marketing_spend",
        "cpa_reduction_pct",
        "opportunities_per_year",
        "win_rate_pct",
        "cycle_days_before",
        "cycle_days_after",
        "horizon_years",
        "discount_rate_pct",
        "adoption_year1_pct",
        "adoption_year2_pct",
        "adoption_steady_pct",
        "risk_haircut_pct",
    ];
    let now: Vec<&str> = Field::ALL.iter().map(|f| f.key()).collect();
    assert!(now.len() >= v1.len());
    assert_eq!(&now[..v1.len()], &v1[..]);
    let lines = [
        BenefitLine::Conversion,
        BenefitLine::DealSize,
        BenefitLine::Retention,
        BenefitLine::Productivity,
        BenefitLine::Service,
        BenefitLine::Marketing,
        BenefitLine::SalesCycle,
    ];
    assert_eq!(&BenefitLine::ALL[..7], &lines[..]);
}

#[test]
fn markup_in_text_is_kept_verbatim() {
    let s = Scenario {
        name: "<script>alert(1)</script>".into(),
        company: "\"><img src=x onerror=alert(1)>".into(),
        notes: "</textarea><svg onload=alert(1)> &lt; 😀 \u{202e}RTL \u{0}".into(),
        ..Scenario::default()
    };
    let back = decode_link(&encode_link(&s)).unwrap();
    assert_eq!(back.name, s.name);
    assert_eq!(back.company, s.company);
    assert_eq!(back.notes, s.notes);
    assert_eq!(
        import_json(&export_json(std::slice::from_ref(&s), None)).unwrap(),
        vec![s]
    );
}

#[test]
fn link_forms_accepted() {
    let s = sample();
    let link = encode_link(&s);
    for form in [
        link.clone(),
        format!("#s={link}"),
        format!("s={link}"),
        format!("https://crm.example/roi/#s={link}"),
        format!("  #s={link}\n"),
    ] {
        assert_eq!(decode_link(&form), Ok(as_shared(&s)), "{form}");
    }
}

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
    // fields, switches other than 7 × "0"/"1".
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
    for on in ["", "111111", "11111111", "1111112", "111111 ", "yyyyyyy"] {
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
        m.baseline.values.customers_start = Some(d("1000"));
        m.campaigns = vec![row.clone(); MAX_CAMPAIGNS];
    });
    assert!(good.is_ok(), "{good:?}");

    let cases: Vec<(&str, Result<Scenario, LinkError>, MeasurementError)> = vec![
        (
            "negative measure",
            measurement_link(|m| m.baseline.values.customers_start = Some(d("-1"))),
            BadValue,
        ),
        (
            "measure over the maximum",
            measurement_link(|m| m.current.values.revenue = Some(MEASURE_MAX + d("0.01"))),
            BadValue,
        ),
        (
            "fractional count",
            measurement_link(|m| m.current.values.orders = Some(d("2.5"))),
            BadValue,
        ),
        (
            "oversized deals paste",
            measurement_link(|m| m.current.deals = "x".repeat(MAX_DEALS_CHARS + 1)),
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
        hand(json!({"baseline": {"values": {"leads": "-3"}}})),
        invalid(BadValue)
    );
    assert_eq!(
        hand(json!({"campaigns": [{"name": "A", "margin_pct": "101"}]})),
        invalid(BadCampaign)
    );
    assert_eq!(
        hand(json!({"current": {"deals": "x".repeat(MAX_DEALS_CHARS + 1)}})),
        invalid(TooLong)
    );
    // Wrong types inside `m` are damage.
    for m in [
        json!(5),
        json!({"baseline": {"values": {"leads": "many"}}}),
        json!({"baseline": {"deals": 7}}),
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
    s.measure.baseline.start = NaiveDate::from_ymd_opt(2025, 1, 1);
    s.measure.baseline.end = NaiveDate::from_ymd_opt(2025, 3, 31);
    s.measure.baseline.values.customers_start = Some(d("1000"));
    s.measure.current.deals = "2025-04-01\t2025-04-05".into();
    let body = json_of_link(&encode_link(&s));
    assert_eq!(body["m"]["baseline"]["start"], "2025-01-01");
    assert_eq!(body["m"]["baseline"]["end"], "2025-03-31");
    assert_eq!(
        body["m"]["baseline"]["values"].as_object().unwrap().len(),
        1,
        "{body}"
    );
    assert_eq!(body["m"]["current"]["deals"], "2025-04-01\t2025-04-05");
    assert_eq!(decode_link(&encode_link(&s)), Ok(as_shared(&s)));
    // A measurement written by hand reads as written; what it leaves out takes defaults.
    let by_hand = link_with(|b| {
        b["m"] = json!({
            "baseline": {"start": "2024-02-29", "values": {"customers_start": "1000"}},
            "current": {"end": "2025-02-29", "values": {"revenue": "12.5"}, "deals": "x"},
        })
    });
    let read = decode_link(&by_hand).unwrap();
    let mut expected = Measurement::default();
    expected.baseline.start = NaiveDate::from_ymd_opt(2024, 2, 29);
    expected.baseline.values.customers_start = Some(d("1000"));
    // 2025-02-29 does not exist: no date.
    expected.current.values.revenue = Some(d("12.5"));
    expected.current.deals = "x".into();
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
        let mut i = Inputs::default();
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

// ---------------------------------------------------------------------------------------
// Stored JSON, migrations, import and export

fn stored_value(s: &Scenario) -> Value {
    serde_json::to_value(s).unwrap()
}

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
    expected.inputs.lines = Inputs::default().lines;
    assert_eq!(read, expected);

    // The oldest possible scenario: only its inputs, and only some of them.
    let minimal = json!({"inputs": {"seats": "12"}});
    let read = decode_stored(&minimal.to_string()).unwrap();
    let mut expected = Scenario::default();
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
        with("seats", json!(-5)),
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
        any::<u8>(),
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
