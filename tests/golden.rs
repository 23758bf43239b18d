//! Golden tests: the finance functions and the ROI model against values computed by an
//! independent implementation (numpy-financial and Python's `decimal`), committed as
//! fixtures with the script that made them: see `tests/fixtures/README.md`.
//!
//! A fixture is never edited to match this crate: a disagreement means one of the two
//! implementations misreads the documented formula.
use retorno::engine::model::{evaluate, Inputs, Report};
use retorno::engine::{finance, irr};
use rust_decimal::Decimal;
use serde_json::Value;
use std::str::FromStr;

const FINANCE: &str = include_str!("fixtures/finance_golden.json");
const MODEL: &str = include_str!("fixtures/model_golden.json");

/// Tolerance for money, months and percentages: 1e-6.
const MONEY_TOL: Decimal = Decimal::from_parts(1, 0, 0, false, 6);
/// Tolerance for an IRR as a fraction: 1e-6.
const IRR_TOL: Decimal = Decimal::from_parts(1, 0, 0, false, 6);
/// Tolerance for every root, the single IRR and the MIRR against numpy: 1e-9.
const ROOT_TOL: Decimal = Decimal::from_parts(1, 0, 0, false, 9);

fn dec(value: &Value) -> Decimal {
    let text = value
        .as_str()
        .unwrap_or_else(|| panic!("not a decimal string: {value}"));
    Decimal::from_str(text).unwrap_or_else(|e| panic!("bad decimal {text:?}: {e}"))
}

fn cases(json: &str) -> Vec<Value> {
    section(json, "cases")
}

fn section(json: &str, key: &str) -> Vec<Value> {
    let doc: Value = serde_json::from_str(json).expect("fixture is valid JSON");
    doc[key]
        .as_array()
        .unwrap_or_else(|| panic!("fixture has {key}"))
        .clone()
}

fn decimals(value: &Value) -> Vec<Decimal> {
    value
        .as_array()
        .expect("an array")
        .iter()
        .map(dec)
        .collect()
}

/// Mismatches found so far, reported all at once by [`Mismatches::finish`].
#[derive(Default)]
struct Mismatches(Vec<String>);

impl Mismatches {
    /// Checks `got` against the fixture's `expected` (a decimal string, or null for
    /// `None`) within `tol`, recording case, field, expected and got on a mismatch.
    fn approx(
        &mut self,
        case: &str,
        field: &str,
        expected: &Value,
        got: Option<Decimal>,
        tol: Decimal,
    ) {
        let expected = (!expected.is_null()).then(|| dec(expected));
        let ok = match (expected, got) {
            (Some(e), Some(g)) => (e - g).abs() <= tol,
            (None, None) => true,
            _ => false,
        };
        if !ok {
            self.0.push(format!(
                "{case}: {field}: expected {expected:?}, got {got:?}"
            ));
        }
    }

    fn finish(self) {
        assert!(
            self.0.is_empty(),
            "{} mismatch(es):\n{}",
            self.0.len(),
            self.0.join("\n")
        );
    }
}

/// A finance case's name, rate (a fraction), flows and expected values.
fn load_series(case: &Value) -> (&str, Decimal, Vec<Decimal>, &Value) {
    let flows = case["flows"]
        .as_array()
        .expect("flows")
        .iter()
        .map(dec)
        .collect();
    (
        case["name"].as_str().expect("case name"),
        dec(&case["rate"]),
        flows,
        &case["expected"],
    )
}

/// A model case's name, expected values and report, its overrides merged into
/// `Inputs::default()`.
fn load_case(case: &Value) -> (&str, &Value, Report) {
    let name = case["name"].as_str().expect("case name");
    let mut inputs = serde_json::to_value(Inputs::default()).expect("inputs serialize");
    for (key, value) in case["overrides"].as_object().expect("overrides") {
        match (key.as_str(), value.as_object()) {
            ("lines", Some(lines)) => {
                for (line, on) in lines {
                    inputs["lines"][line] = on.clone();
                }
            }
            _ => inputs[key] = value.clone(),
        }
    }
    let inputs: Inputs = serde_json::from_value(inputs).expect("inputs deserialize");
    let report = evaluate(&inputs).unwrap_or_else(|e| panic!("{name}: evaluate failed: {e:?}"));
    (name, &case["expected"], report)
}

#[test]
fn finance_npv_matches_numpy_financial() {
    let mut m = Mismatches::default();
    for case in cases(FINANCE) {
        let (name, rate, flows, expected) = load_series(&case);
        let got = finance::npv(rate, &flows).ok();
        m.approx(name, "npv", &expected["npv"], got, MONEY_TOL);
    }
    m.finish();
}

#[test]
fn finance_irr_matches_numpy_financial() {
    let mut m = Mismatches::default();
    for case in cases(FINANCE) {
        let (name, _, flows, expected) = load_series(&case);
        m.approx(name, "irr", &expected["irr"], irr::irr(&flows), IRR_TOL);
    }
    m.finish();
}

#[test]
fn finance_irrs_matches_numpy_roots() {
    let mut m = Mismatches::default();
    let roots = section(FINANCE, "roots");
    for case in &roots {
        let name = case["name"].as_str().expect("case name");
        let expected = decimals(&case["roots"]);
        let got = irr::irrs(&decimals(&case["flows"]));
        if got.len() != expected.len() {
            m.0.push(format!("{name}: roots: expected {expected:?}, got {got:?}"));
            continue;
        }
        for (i, g) in got.into_iter().enumerate() {
            let field = format!("roots[{i}]");
            m.approx(name, &field, &case["roots"][i], Some(g), ROOT_TOL);
        }
    }
    m.finish();
    // The fixture keeps its multi-root series: two with two roots or more, one with three.
    let counts: Vec<usize> = roots
        .iter()
        .map(|c| c["roots"].as_array().map_or(0, Vec::len))
        .collect();
    assert!(
        counts.iter().filter(|&&n| n >= 2).count() >= 2,
        "{counts:?}"
    );
    assert!(counts.contains(&3), "{counts:?}");
}

#[test]
fn finance_irr_is_the_only_root_or_none() {
    let mut m = Mismatches::default();
    for case in section(FINANCE, "roots") {
        let name = case["name"].as_str().expect("case name");
        let got = irr::irr(&decimals(&case["flows"]));
        match case["roots"].as_array().map_or(0, Vec::len) {
            // One root: numpy-financial's pick is that root.
            1 => m.approx(name, "irr", &case["numpy_financial_irr"], got, ROOT_TOL),
            // None, or several: no single IRR, whatever numpy-financial picks.
            _ => m.approx(name, "irr", &Value::Null, got, ROOT_TOL),
        }
    }
    // Every single-root series of the original cases, at the tighter tolerance.
    for case in cases(FINANCE) {
        let (name, _, flows, expected) = load_series(&case);
        m.approx(name, "irr", &expected["irr"], irr::irr(&flows), ROOT_TOL);
    }
    m.finish();
}

#[test]
fn finance_mirr_matches_numpy_financial() {
    let mut m = Mismatches::default();
    for case in section(FINANCE, "mirr") {
        let name = case["name"].as_str().expect("case name");
        let got = irr::mirr(
            &decimals(&case["flows"]),
            dec(&case["finance_rate"]),
            dec(&case["reinvest_rate"]),
        );
        m.approx(name, "mirr", &case["mirr"], got, ROOT_TOL);
    }
    m.finish();
}

#[test]
fn finance_payback_matches_python() {
    let mut m = Mismatches::default();
    for case in cases(FINANCE) {
        let (name, rate, flows, expected) = load_series(&case);
        let factors = finance::discount_factors(rate, flows.len()).expect("factors");
        let discounted: Vec<Decimal> = flows.iter().zip(&factors).map(|(f, d)| f * d).collect();
        for (field, flows) in [
            ("payback_months", flows),
            ("discounted_payback_months", discounted),
        ] {
            let got = finance::payback_months(&flows).expect("no overflow");
            m.approx(name, field, &expected[field], got, MONEY_TOL);
        }
    }
    m.finish();
}

#[test]
fn model_defaults_match_the_python_model() {
    let doc: Value = serde_json::from_str(MODEL).expect("fixture is valid JSON");
    let python = doc["defaults"].as_object().expect("defaults");
    let rust = serde_json::to_value(Inputs::default()).expect("inputs serialize");
    let mut m = Mismatches::default();
    for (field, value) in rust.as_object().expect("inputs object") {
        if field == "lines" {
            assert_eq!(
                value, &doc["default_lines"],
                "benefit switches on by default, Rust vs the Python model"
            );
        } else {
            let expected = python.get(field).unwrap_or(&Value::Null);
            m.approx("defaults", field, expected, Some(dec(value)), Decimal::ZERO);
        }
    }
    for field in python.keys().filter(|&k| rust.get(k).is_none()) {
        m.0.push(format!(
            "defaults: {field}: in the Python model but not an input"
        ));
    }
    m.finish();
}

#[test]
fn model_yearly_flows_match_the_python_model() {
    let mut m = Mismatches::default();
    for case in cases(MODEL) {
        let (name, expected, report) = load_case(&case);
        let years = expected["net"].as_array().expect("net").len();
        assert_eq!(report.years.len(), years, "{name}: number of years (0..=N)");
        for row in &report.years {
            for (field, got) in [
                ("costs", row.costs),
                ("benefits", row.benefits),
                ("net", row.net),
            ] {
                let label = format!("{field}[{}]", row.year);
                m.approx(
                    name,
                    &label,
                    &expected[field][row.year],
                    Some(got),
                    MONEY_TOL,
                );
            }
        }
    }
    m.finish();
}

#[test]
fn model_headline_figures_match_the_python_model() {
    let mut m = Mismatches::default();
    for case in cases(MODEL) {
        let (name, expected, r) = load_case(&case);
        let figures = [
            ("total_costs", Some(r.total_costs)),
            ("total_benefits", Some(r.total_benefits)),
            ("pv_costs", Some(r.pv_costs)),
            ("pv_benefits", Some(r.pv_benefits)),
            ("npv", Some(r.npv)),
            ("roi_pct", r.roi_pct),
            ("payback_months", r.payback_months),
            ("discounted_payback_months", r.discounted_payback_months),
            ("tco_per_user_3y", Some(r.tco_per_user_3y)),
        ];
        for (field, got) in figures {
            m.approx(name, field, &expected[field], got, MONEY_TOL);
        }
    }
    m.finish();
}

#[test]
fn model_irr_matches_numpy_financial() {
    let mut m = Mismatches::default();
    for case in cases(MODEL) {
        let (name, expected, report) = load_case(&case);
        let got = report
            .returns()
            .irr_pct
            .map(|pct| pct / Decimal::ONE_HUNDRED);
        m.approx(name, "irr_pct / 100", &expected["irr"], got, IRR_TOL);
    }
    m.finish();
}
