//! Share links: round trips over the whole valid input space, their length and format,
//! hostile links (truncated, tampered, oversized, from a newer app, crafted bodies) and
//! the measurements they carry.
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
use proptest::prelude::*;
use proptest::test_runner::Config;
use retorno::engine::campaigns::Campaign;
use retorno::engine::deals::DateOrder;
use retorno::engine::measure::{
    AbField, AbTest, ClvInputs, Kpi, Measure, Measurement, Period, Target, Targets, MAX_PERIODS,
};
use retorno::engine::model::{BenefitLine, CostLine, Field, Inputs};
use retorno::scenario::codec::{
    decode_link, decode_stored, encode_inputs_link, encode_link, export_json, import_json,
    LinkError, MAX_IMPORT_BYTES, MAX_LINK_CHARS,
};
use retorno::scenario::{validate_measurement, Scenario, ScenarioError, SCHEMA_VERSION};
use retorno::units::{
    Currency, MAX_CAMPAIGNS, MAX_DEALS_CHARS, MAX_NAME_CHARS, MAX_NOTES_CHARS, MEASURE_MAX,
};
use rust_decimal::Decimal;
use serde_json::json;

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
    // Measurements at their widest: every figure of every period at MEASURE_MAX (less
    // 10^-16 where fractions are allowed: 28 digits), the pastes at their limit in
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
        leads: "\u{1}".repeat(MAX_DEALS_CHARS),
        ..Period::default()
    };
    for &m in Measure::ALL {
        m.set(&mut period.values, Some(widest(m.unit().is_whole())));
    }
    // Schema 5: every period named at the limit, with every actual cost at 28 digits.
    period.name = "\u{1}".repeat(MAX_NAME_CHARS);
    for line in CostLine::ALL {
        period.costs.set(line, Some(widest(false)));
    }
    // The most periods; the pastes' total is capped at what two full periods held, so
    // the first two carry full pastes and the others none.
    let mut periods = vec![period.clone(); 2];
    period.deals.clear();
    period.leads.clear();
    periods.resize(MAX_PERIODS, period);
    // A target for every KPI that can have one, at a 28-digit value within its rule.
    let mut targets = Targets::default();
    for k in Kpi::ALL {
        if let Some(rule) = k.target_rule() {
            let value = if rule.max == MEASURE_MAX {
                widest(false)
            } else {
                rule.max - Decimal::new(1, 26)
            };
            targets.set(
                k,
                Some(Target {
                    value,
                    by: NaiveDate::from_ymd_opt(2030, 12, 31),
                }),
            );
        }
    }
    let campaign = Campaign {
        name: "\u{1}".repeat(MAX_NAME_CHARS),
        spend: widest(false),
        operating_cost: widest(false),
        clicks: widest(true),
        leads: widest(true),
        customers: widest(true),
        revenue: widest(false),
        margin_pct: widest_pct,
    };
    worst.measure = Measurement {
        periods,
        targets,
        plan_start: NaiveDate::from_ymd_opt(2025, 1, 1),
        campaigns: vec![campaign; MAX_CAMPAIGNS],
        clv: ClvInputs {
            margin_per_year: -widest(false),
            retention_pct: widest_pct,
            discount_pct: widest_pct,
            acquisition_cost: widest(false),
            serve_cost_per_year: widest(false),
        },
        // Every A/B field at the longest value its rule takes.
        ab: {
            let mut ab = AbTest {
                name: "\u{1}".repeat(MAX_NAME_CHARS),
                mde_relative: false,
                ..AbTest::default()
            };
            for field in AbField::ALL {
                let rule = field.rule();
                // Counts: the largest; percentages: four decimals past the minimum.
                let longest = if rule.unit.is_whole() {
                    rule.max
                } else {
                    rule.min + Decimal::new(1_111, 4)
                };
                field.set(&mut ab, longest);
            }
            assert!(ab.is_valid());
            ab
        },
        date_order: Some(DateOrder::MonthFirst),
    };
    assert_eq!(validate_measurement(&worst.measure), Ok(()));
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
    // service, marketing (off), sales cycle — set in `sample` — then the lines of schema
    // 3 at their defaults: lifetime value (off), AI churn, scoring, offers (on).
    assert_eq!(body["on"], "10111010111");
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

#[test]
fn the_visitors_link_is_the_link_of_its_scenario() {
    // The visitor's calculator packs only a currency and inputs; the result must be the
    // very link the full app would write for that scenario (no texts, no measurements).
    let mut inputs = Inputs::default();
    Field::Seats.set(&mut inputs, d("25"));
    Field::ChurnAfterPct.set(&mut inputs, d("11.5"));
    let scenario = Scenario {
        currency: Currency::USD,
        inputs: inputs.clone(),
        ..Scenario::default()
    };
    let link = encode_inputs_link(Currency::USD, &inputs);
    assert_eq!(link, encode_link(&scenario));
    assert_eq!(decode_link(&link), Ok(scenario));
}
