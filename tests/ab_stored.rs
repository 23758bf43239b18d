//! The A/B test a scenario keeps (schema 6, issue 13): its fields' rules, how its inputs
//! reach the engine, a winning lift carried into a campaign row, and its storage and
//! links with their checks at the edge.
//!
//! Where expected values come from: the test's figures are the hand-worked case and the
//! sample sizes of `tests/fixtures/abtest_golden.json` (statsmodels and scipy, written by
//! `make_abtest_golden.py`); the lifted campaign rows are worked by hand in each test;
//! version-5 bodies are written here by hand as JSON.

mod common;

use common::codec::*;
use retorno::engine::campaigns::Campaign;
use retorno::engine::measure::ab::lift_of;
use retorno::engine::measure::{with_lift, AbField, AbTest, LiftError, Measurement};
use retorno::scenario::codec::{decode_link, decode_stored, encode_link, DecodeError};
use retorno::scenario::{MeasurementError, Scenario, ScenarioError, SCHEMA_VERSION};
use retorno::units::{Problem, MAX_NAME_CHARS};
use serde_json::{json, Value};

/// The example as the English screen loads it.
fn example() -> AbTest {
    AbTest::example("Email nurturing: new offer")
}

fn golden() -> Value {
    let text = std::fs::read_to_string("tests/fixtures/abtest_golden.json").unwrap();
    serde_json::from_str(&text).unwrap()
}

fn case<'a>(g: &'a Value, list: &str, name: &str) -> &'a Value {
    g[list]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["name"] == name)
        .unwrap_or_else(|| panic!("no {list} case {name:?}"))
}

fn close(actual: f64, expected: &Value) {
    let expected = expected.as_f64().unwrap();
    assert!(
        (actual - expected).abs() <= 1e-9 * expected.abs().max(1e-3),
        "{actual} against {expected}"
    );
}

fn row(leads: &str, customers: &str, revenue: &str) -> Campaign {
    Campaign {
        name: "Email nurturing".into(),
        spend: d("8000"),
        clicks: d("12000"),
        leads: d(leads),
        customers: d(customers),
        revenue: d(revenue),
        margin_pct: d("40"),
        ..Campaign::default()
    }
}

#[test]
fn the_example_reaches_the_engine_as_statsmodels_reads_it() {
    let g = golden();
    let hand = case(&g, "analyses", "hand-worked 100/1000 vs 130/1000");
    let a = example().analysis().unwrap();
    close(a.rate_a, &hand["rate_a"]);
    close(a.rate_b, &hand["rate_b"]);
    close(a.test.unwrap().z, &hand["z"]);
    close(a.test.unwrap().p_value, &hand["p_value"]);
    close(a.absolute_ci.low, &hand["diff_ci"][0]);
    close(a.relative_ci.unwrap().high, &hand["lift_ci"][1]);
    // The default plan is 10 % + 20 % relative at 95 % and 80 % power.
    let plan = case(&g, "sample_sizes", "10 % + 20 % relative");
    let sample = example().sample().unwrap();
    assert_eq!(json!(sample.per_variant), plan["per_variant"]);
    // 3,841 per variant at 500 a day split 50/50: ⌈7,682 ÷ 500⌉ = 16 days (golden too).
    assert_eq!(example().days(sample.per_variant), Some(Ok(16)));
    assert_eq!(AbTest::default().days(3_841), None, "no traffic, no days");
}

#[test]
fn an_absolute_effect_is_read_in_rate_points() {
    let g = golden();
    let plan = case(&g, "sample_sizes", "10 % + 2 points");
    let t = AbTest {
        mde: d("2"),
        mde_relative: false,
        ..AbTest::default()
    };
    assert_eq!(json!(t.sample().unwrap().per_variant), plan["per_variant"]);
}

#[test]
fn each_field_keeps_its_rule() {
    let check = |field: AbField, text: &str| field.rule().check(d(text));
    assert_eq!(check(AbField::Confidence, "99.9"), Ok(()));
    assert_eq!(check(AbField::Confidence, "100"), Err(Problem::AboveMax));
    assert_eq!(check(AbField::Power, "49"), Err(Problem::BelowMin));
    assert_eq!(check(AbField::ShareA, "0"), Err(Problem::BelowMin));
    assert_eq!(check(AbField::Baseline, "0"), Err(Problem::BelowMin));
    assert_eq!(
        check(AbField::Mde, "-20"),
        Ok(()),
        "a drop can be planned for"
    );
    assert_eq!(check(AbField::VisitorsA, "10.5"), Err(Problem::NotWhole));
    assert_eq!(
        check(AbField::VisitorsB, "9007199254740993"),
        Err(Problem::AboveMax),
        "2⁵³ + 1 is past what an f64 counts exactly"
    );
    for field in AbField::ALL {
        assert_eq!(AbField::from_key(field.key()), Some(field));
        let mut t = AbTest::default();
        field.set(&mut t, d("77"));
        assert_eq!(field.get(&t), d("77"));
    }
    assert!(AbTest::default().is_valid() && example().is_valid());
    let long = AbTest {
        name: "x".repeat(MAX_NAME_CHARS + 1),
        ..AbTest::default()
    };
    assert!(!long.is_valid());
}

#[test]
fn a_lift_scales_customers_and_revenue_of_a_row() {
    // +30 %: 60 × 1.3 = 78 customers (within 600 leads), 72,000 × 1.3 = 93,600.
    let lifted = with_lift(&row("600", "60", "72000"), d("0.3")).unwrap();
    assert_eq!((lifted.customers, lifted.revenue), (d("78"), d("93600")));
    assert_eq!(lifted.spend, d("8000"), "the rest of the row is unchanged");
    // −25 %: 60 → 45, 72,000 → 54,000.
    let lowered = with_lift(&row("600", "60", "72000"), d("-0.25")).unwrap();
    assert_eq!((lowered.customers, lowered.revenue), (d("45"), d("54000")));
    // Rounding: 7 × 1.3 = 9.1 → 9 customers; 333.33 × 1.3 = 433.329 → 433.33.
    let small = with_lift(&row("0", "7", "333.33"), d("0.3")).unwrap();
    assert_eq!((small.customers, small.revenue), (d("9"), d("433.33")));
    // 60 × 1.3 = 78 > 70 tracked leads: refused, as the table refuses it.
    assert_eq!(
        with_lift(&row("70", "60", "72000"), d("0.3")),
        Err(LiftError::ExceedsLeads)
    );
    assert_eq!(
        with_lift(&row("600", "0", "0"), d("0.3")),
        Err(LiftError::NoCustomers)
    );
    // The lift as the screen shows it: four decimals.
    assert_eq!(lift_of(0.299_999_999_7), Some(d("0.3")));
    assert_eq!(lift_of(0.123_456), Some(d("0.1235")));
    assert_eq!(lift_of(f64::NAN), None);
}

#[test]
fn only_a_winning_b_offers_its_lift() {
    // The example: 13 % against 10 %, significant (the golden case), but 1,000 of the
    // planned 3,841 per variant: not conclusive yet, nothing to carry.
    assert_eq!(example().winning_lift(), None);
    // The same rates at 4,000 each, past the plan: +30 %, carried as 1.3 × the row.
    let done = AbTest {
        visitors_a: d("4000"),
        conversions_a: d("400"),
        visitors_b: d("4000"),
        conversions_b: d("520"),
        ..example()
    };
    assert_eq!(done.winning_lift(), Some(d("0.3")));
    // The same figures the other way round: A wins, nothing to carry.
    let swapped = AbTest {
        conversions_a: d("520"),
        conversions_b: d("400"),
        ..done.clone()
    };
    assert_eq!(swapped.winning_lift(), None);
    // No data, or too few to read (3 of 50 each: an expected count below 5).
    assert_eq!(AbTest::default().winning_lift(), None);
    let small = AbTest {
        visitors_a: d("50"),
        conversions_a: d("3"),
        visitors_b: d("50"),
        conversions_b: d("6"),
        ..AbTest::default()
    };
    assert_eq!(small.winning_lift(), None);
}

#[test]
fn the_verdict_waits_for_the_planned_sample() {
    use retorno::engine::abtest::Verdict;
    // Expected values worked apart from the engine (Python's math.erfc on the pooled
    // z-test's formula): 100/1,000 against 130/1,000 gives z = 2.1027, p = 0.0355, and
    // 400/4,000 against 520/4,000 gives z = 4.2055, p = 0.000026, both below α = 0.05
    // (the golden file has the first: "hand-worked"). The plan is the default one:
    // 10 % + 20 % relative at 95 % and 80 % power, 3,841 per variant (golden
    // "10 % + 20 % relative").
    let with = |na: &str, ca: &str, nb: &str, cb: &str| AbTest {
        visitors_a: d(na),
        conversions_a: d(ca),
        visitors_b: d(nb),
        conversions_b: d(cb),
        ..example()
    };
    let verdict = |t: &AbTest| {
        let a = t.analysis().unwrap();
        (a.verdict, t.verdict(&a))
    };
    // Before the plan: significant at 26 % of the sample, yet not conclusive.
    assert_eq!(
        verdict(&with("1000", "100", "1000", "130")),
        (Verdict::BWins, Verdict::NotConclusiveYet)
    );
    // Not significant before the plan: not conclusive either (not "no difference").
    assert_eq!(
        verdict(&with("1000", "100", "1000", "101")).1,
        Verdict::NotConclusiveYet
    );
    // One variant one visitor short (3,840 of 3,841; z = 2.8038, p = 0.0051): still not.
    assert_eq!(
        verdict(&with("3840", "384", "3841", "461")).1,
        Verdict::NotConclusiveYet
    );
    // Both at the plan (z = 2.8078, p = 0.0050) and past it: the verdict stands.
    assert_eq!(
        verdict(&with("3841", "384", "3841", "461")).1,
        Verdict::BWins
    );
    assert_eq!(
        verdict(&with("4000", "400", "4000", "520")).1,
        Verdict::BWins
    );
    assert_eq!(
        verdict(&with("4000", "520", "4000", "400")).1,
        Verdict::AWins
    );
    // 400 against 410 of 4,000: z = 0.3706, p = 0.711, no difference at the plan.
    assert_eq!(
        verdict(&with("4000", "400", "4000", "410")).1,
        Verdict::NoSignificantDifference
    );
    // A broken split and too few data say so at any sample (golden "SRM on": 10,000
    // against 10,600 at 50/50, p < 0.001; 3 of 50: an expected count below 5).
    assert_eq!(
        verdict(&with("10000", "520", "10600", "600")).1,
        Verdict::SampleRatioMismatch
    );
    assert_eq!(
        verdict(&with("50", "3", "50", "6")).1,
        Verdict::NotEnoughData
    );
    // No valid plan (a change of zero) fixes no sample: never conclusive.
    let no_plan = AbTest {
        mde: d("0"),
        ..with("4000", "400", "4000", "520")
    };
    assert_eq!(verdict(&no_plan).1, Verdict::NotConclusiveYet);
}

#[test]
fn version_5_scenarios_open_without_a_test_and_the_test_is_kept() {
    assert_eq!(SCHEMA_VERSION, 6);
    let mut stored = stored_value(&Scenario::default());
    stored["version"] = json!(5);
    let opened = decode_stored(&stored.to_string()).unwrap();
    assert_eq!(opened.measure.ab, AbTest::default());
    assert_eq!(opened.version, 6);

    let mut s = Scenario::default();
    s.measure.ab = example();
    let link = encode_link(&s);
    assert_eq!(decode_link(&link).unwrap().measure.ab, example());
    let json = serde_json::to_value(&s).unwrap();
    assert_eq!(json["measure"]["ab"]["visitors_b"], json!("1000"));
    assert_eq!(decode_stored(&json.to_string()).unwrap(), s);
    // An untouched test is left out of what is written.
    let empty = serde_json::to_value(Measurement::default()).unwrap();
    assert!(empty.get("ab").is_none());
}

#[test]
fn a_broken_test_in_storage_is_refused_with_its_reason() {
    let mut stored = stored_value(&Scenario::default());
    stored["measure"] = json!({"ab": {"confidence_pct": "100"}});
    assert_eq!(
        decode_stored(&stored.to_string()),
        Err(DecodeError::Invalid(ScenarioError::InvalidMeasurement(
            MeasurementError::BadAbTest
        )))
    );
    stored["measure"] = json!({"ab": {"visitors_a": "-1"}});
    assert!(decode_stored(&stored.to_string()).is_err());
    stored["measure"] = json!({"ab": {"visitors_a": "many"}});
    assert!(decode_stored(&stored.to_string()).is_err());
}

#[test]
fn the_example_follows_the_language_it_is_loaded_in() {
    use retorno::i18n::{example_names, Lang};
    // Issue 27: in Spanish the example's campaigns and test were English.
    let es = Measurement::example(example_names(Lang::Es));
    let en = Measurement::example(example_names(Lang::En));
    let names = |m: &Measurement| {
        m.campaigns
            .iter()
            .map(|c| c.name.clone())
            .collect::<Vec<_>>()
    };
    assert_eq!(
        names(&es),
        ["Nurturing por email", "Google Ads", "Feria comercial"]
    );
    assert_eq!(names(&en), ["Email nurturing", "Google Ads", "Trade fair"]);
    assert_eq!(es.ab.name, "Nurturing por email: nueva oferta");
    assert_eq!(en.ab, example());
    // Only the names differ.
    let mut renamed = es.clone();
    renamed.campaigns = en.campaigns.clone();
    renamed.ab.name = en.ab.name.clone();
    assert_eq!(renamed, en);
    assert_eq!(retorno::scenario::validate_measurement(&es), Ok(()));
}
