//! The fixture the browser tests of the risk ranges read (tests/fixtures/risk_browser.json):
//! two share links and the figures this native build of the engine computes for them.
//! specs/risk.spec.js opens each link and checks that the page (the wasm build, in the
//! background worker) shows the same figures to the cent: the same seed and ranges give
//! the same figures on every machine.
//!
//! - `default`: the default scenario with ranges switched on (every default range, seed
//!   15, 10,000 trials), drawn around the risk-adjusted model (the 10 % haircut kept);
//! - `legacy`: the same, as a link of the version before 2026-12-08, which set the
//!   haircut aside when ranges were switched on ([`LEGACY_LINK`], frozen): it opens with
//!   the figures it always had (haircut 0 %);
//! - `collapsed`: every range a single point at its value, the haircut kept: every
//!   quantile is the deterministic NPV, which specs/risk.spec.js also checks against the
//!   independent Python model (model_golden.json, case "defaults").
//!
//! The file is this test's output: `RETORNO_WRITE_FIXTURES=1 cargo test --test
//! risk_browser` rewrites it; otherwise the test fails when it is out of date.

use retorno::engine::risk::{simulate, DriverRange, Summary};
use retorno::scenario::codec::{decode_link, encode_link};
use retorno::scenario::Scenario;
use rust_decimal::Decimal;
use serde_json::{json, Value};

const PATH: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/risk_browser.json"
);

/// The `default` case's link as the version before 2026-12-08 wrote it: the haircut set
/// aside (`num`'s 10 → 0, `r.haircut_pct` 10).
const LEGACY_LINK: &str = "1.eyJ2Ijo2LCJjdXIiOiJFVVIiLCJvbiI6IjExMTExMTEwMTExIiwibnVtIjoiNDBfMTVfMTUwMF81MDAwXzMwMDBfNDBfMjQwMF82NV8zXzIwXzQ1MDAwXzIwMDAwXzEyMDAwXzE1MDAwXzEwMDAwXzYwMDBfNjBfNDVfMTBfMTBfMTEuNV80XzE1XzEzXzJfNDZfMzVfMTAwMDBfNF8yOF8xMjAwMDBfOF84MDBfMjVfNjBfNTVfM18xMF82MF84NV8xMDBfMF8yMDBfNjBfMTUwXzYwXzE1XzIwXzVfMzBfMiIsInIiOnsib24iOnRydWUsImhhaXJjdXRfcGN0IjoiMTAiLCJjdXN0b20iOltdLCJzZWVkIjoxNSwidHJpYWxzIjoxMDAwMH19.HFpUZw";

/// A figure as the page's `data-value` writes it: to the cent.
fn cents(x: f64) -> String {
    Decimal::try_from(x).unwrap().round_dp(2).to_string()
}

fn figures(s: &Scenario) -> Value {
    let ranges = s.risk.ranges(&s.inputs);
    let r: Summary = simulate(&s.inputs, &ranges, s.risk.settings()).unwrap();
    let spread = |v: retorno::engine::risk::Spread| {
        json!([cents(v.p10), cents(v.p50), cents(v.p90), cents(v.mean)])
    };
    let month = |m: Option<f64>| m.map_or_else(|| "never".to_string(), cents);
    json!({
        "link": encode_link(s),
        "npv": spread(r.npv),
        "roi": r.roi_pct.map(spread),
        "payback": [month(r.payback.p10), month(r.payback.p50), month(r.payback.p90)],
        "chance": cents(r.npv_positive_share * 100.0),
        "never": cents(r.payback.never_share * 100.0),
    })
}

fn fixture() -> Value {
    let mut default = Scenario::default();
    default.set_ranges_on(true);
    let mut collapsed = Scenario::default();
    collapsed.risk.on = true;
    collapsed.risk.trials = 1_000;
    for r in collapsed.risk.ranges(&collapsed.inputs) {
        let value = r.field.get(&collapsed.inputs);
        collapsed.risk.set(DriverRange {
            low: value,
            high: value,
            ..r
        });
    }
    json!({
        "about": "Written by tests/risk_browser.rs (RETORNO_WRITE_FIXTURES=1 cargo test --test risk_browser); read by tests/e2e/specs/risk.spec.js.",
        "default": figures(&default),
        "legacy": figures(&decode_link(LEGACY_LINK).unwrap()),
        "collapsed": figures(&collapsed),
    })
}

#[test]
fn the_browser_fixture_is_what_the_native_engine_computes() {
    let now = serde_json::to_string_pretty(&fixture()).unwrap() + "\n";
    if std::env::var_os("RETORNO_WRITE_FIXTURES").is_some() {
        std::fs::write(PATH, &now).unwrap();
    }
    let file = std::fs::read_to_string(PATH).expect("tests/fixtures/risk_browser.json");
    assert_eq!(
        file, now,
        "risk_browser.json is out of date: see the module docs"
    );
}

#[test]
fn ranges_keep_the_haircut_and_a_legacy_link_keeps_its_figures() {
    let mut on = Scenario::default();
    on.set_ranges_on(true);
    assert_eq!(
        on.inputs,
        Scenario::default().inputs,
        "switching on changes no input"
    );
    let legacy = decode_link(LEGACY_LINK).unwrap();
    assert_eq!(
        encode_link(&legacy),
        LEGACY_LINK,
        "the frozen link reads and writes back unchanged"
    );
    assert_eq!(legacy.inputs.risk_haircut_pct, Decimal::ZERO);
    // Its simulation is the one it always had: NPV P50 210,571.25, the figure the
    // fixture held for this very link before the rule changed (git history of
    // tests/fixtures/risk_browser.json, "default" case).
    assert_eq!(fixture()["legacy"]["npv"][1], json!("210571.25"));
    let mut off = legacy;
    off.set_ranges_on(false);
    assert_eq!(
        off.inputs,
        Scenario::default().inputs,
        "off puts the 10 % back"
    );
}

#[test]
fn collapsed_ranges_give_the_deterministic_npv_to_the_cent() {
    let f = fixture();
    let s = Scenario::default();
    let npv = retorno::engine::model::evaluate(&s.inputs)
        .unwrap()
        .npv
        .round_dp(2)
        .to_string();
    for k in 0..4 {
        assert_eq!(f["collapsed"]["npv"][k], json!(npv), "quantile {k}");
    }
}
