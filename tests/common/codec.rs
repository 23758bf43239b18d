//! Helpers and proptest strategies shared by the codec tests (links, stored JSON,
//! hostile input): a base64url encoder and checksum of their own, link bodies built by
//! hand, and strategies over the whole valid input space.

use chrono::{DateTime, NaiveDate};
use proptest::prelude::*;
use retorno::engine::campaigns::Campaign;
use retorno::engine::deals::DateOrder;
use retorno::engine::measure::{
    AbField, AbTest, ActualCosts, ClvInputs, Kpi, Measure, Measurement, Period, Target, Targets,
    Values, MIN_PERIODS,
};
use retorno::engine::model::{BenefitLine, CostLine, Field, Inputs};
use retorno::engine::risk::{DriverRange, Shape, MAX_TRIALS};
use retorno::scenario::{Pins, Risk, Scenario, MAX_PINS, SCHEMA_VERSION};
use retorno::units::{Currency, MAX_NAME_CHARS, MAX_NOTES_CHARS, MEASURE_MAX};
use rust_decimal::Decimal;
use serde_json::{json, Value};
use std::str::FromStr;

// ---------------------------------------------------------------------------------------
// Helpers

pub fn d(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap()
}

/// RFC 4648 §5 alphabet.
pub const B64: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// base64url without padding, written independently of the codec's.
pub fn b64(bytes: &[u8]) -> String {
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
pub fn fnv_check(packed: &str) -> String {
    let mut hash: u32 = 2_166_136_261;
    for byte in packed.bytes() {
        hash ^= u32::from(byte);
        hash = hash.wrapping_mul(16_777_619);
    }
    b64(&hash.to_be_bytes())
}

/// A link of format 1 around any JSON text.
pub fn link_of_json(json: &str) -> String {
    let packed = b64(json.as_bytes());
    format!("1.{packed}.{}", fnv_check(&packed))
}

/// The JSON inside a link this app wrote (reads the payload with the same independent
/// decoder logic in reverse).
pub fn json_of_link(link: &str) -> Value {
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
pub fn numbers_of(inputs: &Inputs) -> Vec<String> {
    Field::ALL
        .iter()
        .map(|f| f.get(inputs).normalize().to_string())
        .collect()
}

/// A link body of the current schema with default inputs, as JSON, for tests to change
/// one thing in.
pub fn default_body() -> Value {
    let lines = Inputs::default().lines;
    let on: String = BenefitLine::ALL
        .iter()
        .map(|&line| if lines.is_on(line) { '1' } else { '0' })
        .collect();
    json!({
        "v": SCHEMA_VERSION,
        "cur": "EUR",
        "on": on,
        "num": numbers_of(&Inputs::default()).join("_"),
    })
}

pub fn link_with(change: impl FnOnce(&mut Value)) -> String {
    let mut body = default_body();
    change(&mut body);
    link_of_json(&body.to_string())
}

/// What a link carries of `s`: everything but the id and timestamps.
pub fn as_shared(s: &Scenario) -> Scenario {
    Scenario {
        version: SCHEMA_VERSION,
        id: String::new(),
        created: None,
        updated: None,
        ..s.clone()
    }
}

pub fn sample() -> Scenario {
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

pub fn is_url_safe(text: &str) -> bool {
    text.bytes()
        .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~'))
}

// ---------------------------------------------------------------------------------------
// Strategies

/// Any value in `field`'s range, at any precision a `Decimal` holds there: a whole
/// mantissa in [min × 10^scale, max × 10^scale] at a scale of 0–16 (whole-number fields:
/// 0). 10^12 (the largest maximum) × 10^16 stays below a Decimal's 2^96 mantissa. The
/// range ends themselves are drawn often.
pub fn value_in(field: Field) -> BoxedStrategy<Decimal> {
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

pub fn inputs_strategy() -> impl Strategy<Value = Inputs> {
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
pub fn text(max: usize) -> BoxedStrategy<String> {
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

pub fn currency() -> impl Strategy<Value = Currency> {
    proptest::sample::select(Currency::ALL.to_vec())
}

pub fn millis() -> impl Strategy<Value = Option<DateTime<chrono::Utc>>> {
    // 1901–2100, including before 1970.
    proptest::option::of(
        (-2_177_452_800_000i64..=4_102_444_800_000)
            .prop_map(|ms| DateTime::from_timestamp_millis(ms).unwrap()),
    )
}

/// `MEASURE_MAX` as a whole number (its scale is 0).
pub fn measure_max() -> u128 {
    assert_eq!(MEASURE_MAX.scale(), 0);
    MEASURE_MAX.mantissa() as u128
}

/// A decimal in [lo, hi] (whole numbers, `hi − lo` at most 2 × 10^12) picked by `raw` at
/// `scale` (0–16): a whole mantissa in [lo × 10^scale, hi × 10^scale]; 2 × 10^28 stays
/// below a Decimal's 2^96 mantissa.
pub fn decimal_in(lo: i128, hi: i128, raw: u128, scale: u32) -> Decimal {
    let k = 10i128.pow(scale);
    let span = ((hi - lo) * k + 1) as u128;
    Decimal::from_i128_with_scale(lo * k + (raw % span) as i128, scale)
}

/// A value in [lo, hi] at a scale of 0–16, the ends drawn often.
pub fn ranged(lo: i128, hi: i128) -> BoxedStrategy<Decimal> {
    let any =
        (any::<u128>(), 0u32..=16).prop_map(move |(raw, scale)| decimal_in(lo, hi, raw, scale));
    prop_oneof![
        1 => Just(Decimal::from_i128_with_scale(lo, 0)),
        1 => Just(Decimal::from_i128_with_scale(hi, 0)),
        4 => any,
    ]
    .boxed()
}

/// A whole number in [lo, hi], the ends drawn often.
pub fn whole_in(lo: i128, hi: i128) -> BoxedStrategy<Decimal> {
    let any = any::<u128>().prop_map(move |raw| decimal_in(lo, hi, raw, 0));
    prop_oneof![
        1 => Just(Decimal::from_i128_with_scale(lo, 0)),
        1 => Just(Decimal::from_i128_with_scale(hi, 0)),
        4 => any,
    ]
    .boxed()
}

/// A period's figures: each measure blank (3 in 8), 0, `MEASURE_MAX` or anything in
/// between, whole for counts and at a scale of 0–16 otherwise.
pub fn values_strategy() -> impl Strategy<Value = Values> {
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
pub fn iso_date() -> impl Strategy<Value = Option<NaiveDate>> {
    // Day −365 from the common era is 0000-01-01; day 3,652,059 is 9999-12-31.
    proptest::option::of(
        (-365i32..=3_652_059).prop_map(|n| NaiveDate::from_num_days_from_ce_opt(n).unwrap()),
    )
}

/// A short deals paste: arbitrary characters, or rows of two dates in any format.
pub fn deals_text() -> impl Strategy<Value = String> {
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

/// Actual costs: nothing entered (often), or any lines entered at amounts 0 to
/// `MEASURE_MAX`.
pub fn costs_strategy() -> impl Strategy<Value = ActualCosts> {
    let max = measure_max() as i128;
    let some =
        proptest::collection::vec(proptest::option::of(ranged(0, max)), 6).prop_map(|amounts| {
            let mut costs = ActualCosts::default();
            for (line, amount) in CostLine::ALL.into_iter().zip(amounts) {
                costs.set(line, amount);
            }
            costs
        });
    prop_oneof![1 => Just(ActualCosts::default()), 2 => some]
}

pub fn period_strategy() -> impl Strategy<Value = Period> {
    let name = prop_oneof![
        2 => Just(String::new()),
        3 => proptest::collection::vec(any::<char>(), 0..=20).prop_map(String::from_iter),
        1 => text(MAX_NAME_CHARS),
    ];
    (
        name,
        iso_date(),
        iso_date(),
        values_strategy(),
        deals_text(),
        deals_text(),
        costs_strategy(),
    )
        .prop_map(|(name, start, end, values, deals, leads, costs)| Period {
            name,
            start,
            end,
            values,
            deals,
            leads,
            costs,
        })
}

/// Targets: none (often), or some of the KPIs that can have one, each at a value
/// picked on a 1/1000 grid of its rule, with or without a date.
pub fn targets_strategy() -> impl Strategy<Value = Targets> {
    let directed: Vec<Kpi> = Kpi::ALL
        .into_iter()
        .filter(|k| k.target_rule().is_some())
        .collect();
    let some = proptest::sample::subsequence(directed, 0..=6).prop_flat_map(|kpis| {
        let n = kpis.len();
        (
            Just(kpis),
            proptest::collection::vec((0u32..=1000, iso_date()), n),
        )
            .prop_map(|(kpis, picks)| {
                let mut targets = Targets::default();
                for (k, (at, by)) in kpis.into_iter().zip(picks) {
                    let Some(rule) = k.target_rule() else {
                        continue;
                    };
                    let value =
                        rule.min + (rule.max - rule.min) / Decimal::from(1000) * Decimal::from(at);
                    targets.set(k, Some(Target { value, by }));
                }
                targets
            })
    });
    prop_oneof![1 => Just(Targets::default()), 2 => some]
}

/// A campaign row as the table accepts it: amounts 0 to `MEASURE_MAX`, whole counts,
/// margin 0–100 %.
pub fn campaign_strategy() -> impl Strategy<Value = Campaign> {
    let max = measure_max() as i128;
    let name = prop_oneof![
        4 => proptest::collection::vec(any::<char>(), 0..=20).prop_map(String::from_iter),
        1 => text(MAX_NAME_CHARS),
    ];
    (
        name,
        [
            ranged(0, max),
            whole_in(0, max),
            whole_in(0, max),
            whole_in(0, max),
            ranged(0, max),
        ],
        ranged(0, 100),
        ranged(0, max),
    )
        .prop_map(
            |(name, [spend, clicks, leads, customers, revenue], margin_pct, operating_cost)| {
                Campaign {
                    name,
                    spend,
                    operating_cost,
                    clicks,
                    leads,
                    customers,
                    revenue,
                    margin_pct,
                }
            },
        )
}

pub fn clv_strategy() -> impl Strategy<Value = ClvInputs> {
    let max = measure_max() as i128;
    (
        ranged(-max, max),
        ranged(0, 100),
        ranged(0, 100),
        ranged(0, max),
        ranged(0, max),
    )
        .prop_map(
            |(
                margin_per_year,
                retention_pct,
                discount_pct,
                acquisition_cost,
                serve_cost_per_year,
            )| ClvInputs {
                margin_per_year,
                retention_pct,
                discount_pct,
                acquisition_cost,
                serve_cost_per_year,
            },
        )
}

/// A/B tests with every field anywhere in its rule (up to four decimals), and a name.
pub fn ab_strategy() -> BoxedStrategy<AbTest> {
    (
        proptest::collection::vec(0u32..=1_000_000, AbField::ALL.len()),
        any::<bool>(),
        "[a-zA-Zñ ]{0,20}",
    )
        .prop_map(|(picks, mde_relative, name)| {
            let mut ab = AbTest {
                name,
                mde_relative,
                ..AbTest::default()
            };
            for (field, pick) in AbField::ALL.into_iter().zip(picks) {
                let rule = field.rule();
                let span = rule.max - rule.min;
                let step = Decimal::from(pick) / Decimal::from(1_000_000);
                let mut value = (rule.min + span * step).round_dp(4);
                if rule.unit.is_whole() {
                    value = value.round();
                }
                field.set(&mut ab, value.clamp(rule.min, rule.max));
            }
            ab
        })
        .boxed()
}

/// Valid measurements: nothing measured (often), or 2–6 periods with some figures,
/// names, dates, short pastes and costs, targets, a plan start, 0–4 campaigns and any
/// CLV inputs in range.
pub fn measurement_strategy() -> BoxedStrategy<Measurement> {
    let order = proptest::option::of(prop_oneof![
        Just(DateOrder::DayFirst),
        Just(DateOrder::MonthFirst)
    ]);
    let some = (
        proptest::collection::vec(period_strategy(), MIN_PERIODS..=6),
        targets_strategy(),
        iso_date(),
        proptest::collection::vec(campaign_strategy(), 0..=4),
        prop_oneof![Just(ClvInputs::default()), clv_strategy()],
        prop_oneof![Just(AbTest::default()), ab_strategy()],
        order,
    )
        .prop_map(
            |(periods, targets, plan_start, campaigns, clv, ab, date_order)| Measurement {
                periods,
                targets,
                plan_start,
                campaigns,
                clv,
                ab,
                date_order,
            },
        );
    prop_oneof![1 => Just(Measurement::default()), 3 => some].boxed()
}

/// Pins: the defaults (often), or any set of up to `MAX_PINS` fields, none included.
pub fn pins_strategy() -> impl Strategy<Value = Pins> {
    let some = proptest::sample::subsequence((0..Field::COUNT).collect::<Vec<_>>(), 0..=MAX_PINS)
        .prop_map(|positions| Pins::from_positions(positions).unwrap());
    prop_oneof![1 => Just(Pins::default()), 2 => some]
}

/// Risk settings: the defaults (often), or ranges on with up to five custom ranges, each
/// within its field's valid range (low ≤ high, both picked on a 1/1000 grid of it), any
/// seed, any number of trials allowed, a haircut put aside within its range.
pub fn risk_strategy() -> impl Strategy<Value = Risk> {
    let fields: Vec<Field> = Field::ALL
        .iter()
        .copied()
        .filter(|&f| f != Field::HorizonYears)
        .collect();
    let ranges = proptest::sample::subsequence(fields, 0..=5).prop_flat_map(|fields| {
        let n = fields.len();
        (
            Just(fields),
            proptest::collection::vec((0u32..=1000, 0u32..=1000, any::<bool>()), n),
        )
    });
    let (min_cut, max_cut) = Field::RiskHaircutPct.range();
    let some = (
        ranges,
        any::<u64>(),
        1..=MAX_TRIALS as u32,
        0u32..=100,
        any::<bool>(),
    )
        .prop_map(move |((fields, picks), seed, trials, cut, on)| {
            let custom = fields
                .into_iter()
                .zip(picks)
                .map(|(field, (a, b, pert))| {
                    let (min, max) = field.range();
                    let at = |k: u32| min + (max - min) / Decimal::from(1000) * Decimal::from(k);
                    DriverRange {
                        field,
                        low: at(a.min(b)),
                        high: at(a.max(b)),
                        shape: if pert { Shape::Pert } else { Shape::Triangular },
                    }
                })
                .collect();
            Risk {
                on,
                haircut_pct: min_cut
                    + (max_cut - min_cut) / Decimal::from(100) * Decimal::from(cut),
                custom,
                seed,
                trials,
            }
        });
    prop_oneof![1 => Just(Risk::default()), 2 => some]
}

pub fn scenario_strategy() -> impl Strategy<Value = Scenario> {
    (
        text(MAX_NAME_CHARS),
        text(MAX_NAME_CHARS),
        text(MAX_NAME_CHARS),
        text(MAX_NOTES_CHARS),
        (millis(), millis()),
        currency(),
        inputs_strategy(),
        measurement_strategy(),
        pins_strategy(),
        risk_strategy(),
    )
        .prop_map(
            |(
                id,
                name,
                company,
                notes,
                (created, updated),
                currency,
                inputs,
                measure,
                pins,
                risk,
            )| {
                Scenario {
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
                    pins,
                    risk,
                }
            },
        )
}

/// A scenario in its stored form, as a JSON value.
pub fn stored_value(s: &Scenario) -> Value {
    serde_json::to_value(s).unwrap()
}

/// The benefit lines schema 3 added: what a scenario of an older schema opens without.
pub const SCHEMA_3_LINES: [BenefitLine; 4] = [
    BenefitLine::Lifetime,
    BenefitLine::AiChurn,
    BenefitLine::AiScoring,
    BenefitLine::AiOffers,
];

/// `inputs` with the lines of [`SCHEMA_3_LINES`] off, as a migrated older scenario has them.
pub fn without_schema_3_lines(mut inputs: Inputs) -> Inputs {
    for line in SCHEMA_3_LINES {
        inputs.lines.set(line, false);
    }
    inputs
}
