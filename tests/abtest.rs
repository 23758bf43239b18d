//! The A/B test engine (issue 13): every figure against scipy and statsmodels
//! (`tests/fixtures/make_abtest_golden.py`), cases worked by hand, every error, and
//! properties for any input (proptest).
//!
//! Tolerances, as `|actual − expected| ≤ abs + rel × |expected|`:
//!
//! - **rates, lifts, SRM chi-square, target rates**: rel 1e-13. The same IEEE operations
//!   as the Python side, so equal up to serde_json's float parser, which may read a
//!   number one ulp (1.1e-16 relative) off, and a few roundings of that.
//! - **z, the intervals**: rel 1e-12, abs 1e-15. They go through Φ⁻¹ (Wichura's AS241
//!   here, cephes' `ndtri` in scipy: both about 1e-16 relative) and a square root; the
//!   absolute part covers bounds that land near zero, where a relative error of the
//!   summands is an absolute one of the difference.
//! - **p-values**: rel 1e-10, abs 1e-300. `erfc` of `libm` against cephes' `ndtr` at
//!   the same point agree to 1e-15, but a p-value amplifies the error of its statistic:
//!   `d ln p ÷ d z ≈ z`, so 1e-15 relative on z ≈ 10 becomes about 1e-13 on p; 1e-10
//!   leaves room and still catches any wrong formula (which is off in the 2nd digit).
//! - **Φ⁻¹ against `scipy.stats.norm.ppf`**: rel 1e-13 (the brief asks for 1e-12).
//!   **Φ**: rel 1e-13, abs 1e-300 (both tails included).
//! - **sample sizes**: the unrounded value rel 1e-12 (two Φ⁻¹ and a square), the rounded
//!   one exactly; **days**: exactly.

use proptest::prelude::*;
use retorno::engine::abtest::{
    analyse, chi_square_1_p_value, days_needed, normal_cdf, normal_quantile, progress,
    sample_ratio, sample_size, AbError, Arm, Mde, Plan, Settings, Variant, Verdict,
    DEFAULT_CONFIDENCE, DEFAULT_POWER, MAX_COUNT, MIN_EXPECTED, SRM_P_THRESHOLD,
};
use serde_json::Value;

const GOLDEN: &str = include_str!("fixtures/abtest_golden.json");

fn golden(key: &str) -> Vec<Value> {
    let doc: Value = serde_json::from_str(GOLDEN).expect("fixture is valid JSON");
    doc[key].as_array().expect("an array").clone()
}

fn num(case: &Value, key: &str) -> f64 {
    case[key]
        .as_f64()
        .unwrap_or_else(|| panic!("{key} is a number in {case}"))
}

fn count(case: &Value, key: &str) -> u64 {
    case[key]
        .as_u64()
        .unwrap_or_else(|| panic!("{key} is a count in {case}"))
}

fn pair(value: &Value) -> Option<(f64, f64)> {
    let array = value.as_array()?;
    Some((array[0].as_f64()?, array[1].as_f64()?))
}

#[track_caller]
fn close(what: &str, actual: f64, expected: f64, rel: f64, abs: f64) {
    let diff = (actual - expected).abs();
    assert!(
        diff <= abs + rel * expected.abs(),
        "{what}: {actual} against {expected} (off by {diff:e})"
    );
}

const RATE: f64 = 1e-13;
const STAT: f64 = 1e-12;
const STAT_ABS: f64 = 1e-15;
const P_VALUE: f64 = 1e-10;
const TINY: f64 = 1e-300;

fn ab(na: u64, ca: u64, nb: u64, cb: u64) -> (Variant, Variant) {
    (Variant::new(na, ca), Variant::new(nb, cb))
}

// ---------------------------------------------------------------------------------------
// Against scipy and statsmodels
// ---------------------------------------------------------------------------------------

#[test]
fn quantile_matches_scipy() {
    let cases = golden("quantiles");
    assert!(cases.len() >= 25);
    for case in &cases {
        let p: f64 = case["p"].as_str().expect("p as text").parse().unwrap();
        let x = normal_quantile(p).expect("p in (0, 1)");
        close(&format!("ppf({p})"), x, num(case, "x"), 1e-13, 0.0);
    }
}

#[test]
fn cdf_matches_scipy() {
    for case in &golden("cdf") {
        let x = num(case, "x");
        close(
            &format!("cdf({x})"),
            normal_cdf(x),
            num(case, "p"),
            1e-13,
            TINY,
        );
    }
}

#[test]
fn analyses_match_statsmodels_and_scipy() {
    let cases = golden("analyses");
    assert!((15..=25).contains(&cases.len()));
    let mut srm_seen = [false, false];
    for case in &cases {
        let name = case["name"].as_str().unwrap();
        let (a, b) = ab(
            count(case, "n_a"),
            count(case, "c_a"),
            count(case, "n_b"),
            count(case, "c_b"),
        );
        let settings = Settings {
            confidence: num(case, "confidence"),
            share_a: num(case, "share_a"),
        };
        let r = analyse(a, b, settings).unwrap_or_else(|e| panic!("{name}: {e:?}"));
        let at = |what: &str| format!("{name}: {what}");

        close(&at("rate A"), r.rate_a, num(case, "rate_a"), RATE, 0.0);
        close(&at("rate B"), r.rate_b, num(case, "rate_b"), RATE, 0.0);
        close(
            &at("absolute lift"),
            r.absolute_lift,
            num(case, "absolute_lift"),
            RATE,
            STAT_ABS,
        );
        match case["relative_lift"].as_f64() {
            Some(expected) => close(
                &at("relative lift"),
                r.relative_lift.expect("a relative lift"),
                expected,
                RATE,
                STAT_ABS,
            ),
            None => assert_eq!(r.relative_lift, None, "{name}"),
        }

        let test = r.test.expect("a z-test");
        close(&at("z"), test.z, num(case, "z"), STAT, STAT_ABS);
        close(
            &at("p-value"),
            test.p_value,
            num(case, "p_value"),
            P_VALUE,
            TINY,
        );

        let (low, high) = pair(&case["diff_ci"]).unwrap();
        close(&at("diff CI low"), r.absolute_ci.low, low, STAT, STAT_ABS);
        close(
            &at("diff CI high"),
            r.absolute_ci.high,
            high,
            STAT,
            STAT_ABS,
        );
        match pair(&case["lift_ci"]) {
            Some((low, high)) => {
                let ci = r.relative_ci.expect("a relative interval");
                close(&at("lift CI low"), ci.low, low, STAT, STAT_ABS);
                close(&at("lift CI high"), ci.high, high, STAT, STAT_ABS);
                // And the ratio interval statsmodels reports, + 1.
                let (r_low, r_high) = pair(&case["ratio_ci"]).unwrap();
                close(&at("ratio CI low"), ci.low + 1.0, r_low, STAT, 0.0);
                close(&at("ratio CI high"), ci.high + 1.0, r_high, STAT, 0.0);
            }
            None => assert_eq!(r.relative_ci, None, "{name}"),
        }

        close(
            &at("SRM chi2"),
            r.srm.chi_square,
            num(case, "srm_chi2"),
            RATE,
            1e-12,
        );
        close(
            &at("SRM p"),
            r.srm.p_value,
            num(case, "srm_p"),
            P_VALUE,
            TINY,
        );
        let srm = case["srm"].as_bool().unwrap();
        assert_eq!(r.srm.mismatch, srm, "{name}: SRM flag");
        srm_seen[usize::from(srm)] = true;
        if srm {
            assert_eq!(r.verdict, Verdict::SampleRatioMismatch, "{name}");
        }
        assert_eq!(
            r.significant,
            num(case, "p_value") < 1.0 - settings.confidence,
            "{name}: significance"
        );
    }
    assert_eq!(srm_seen, [true, true], "cases with and without a mismatch");
}

#[test]
fn sample_sizes_match_the_formula_and_compare_with_cohens_h() {
    let cases = golden("sample_sizes");
    assert!(cases.len() >= 8);
    for case in &cases {
        let name = case["name"].as_str().unwrap();
        let mde = num(case, "mde");
        let plan = Plan {
            baseline_rate: num(case, "baseline"),
            mde: match case["kind"].as_str().unwrap() {
                "absolute" => Mde::Absolute(mde),
                "relative" => Mde::Relative(mde),
                other => panic!("kind {other}"),
            },
            confidence: num(case, "confidence"),
            power: num(case, "power"),
        };
        let s = sample_size(plan).unwrap_or_else(|e| panic!("{name}: {e:?}"));
        close(name, s.target_rate, num(case, "target"), RATE, 0.0);
        close(name, s.exact, num(case, "exact"), 1e-12, 0.0);
        assert_eq!(s.per_variant, count(case, "per_variant"), "{name}");
        // The module docs: statsmodels' NormalIndPower on Cohen's h asks for 0.004 % to
        // 3 % fewer visitors on these cases.
        let by_h = num(case, "statsmodels_n");
        let fewer = 1.0 - by_h / s.exact;
        assert!(fewer > 0.0 && fewer < 0.03, "{name}: {fewer}");
    }
}

#[test]
fn days_match_exact_fractions() {
    for case in &golden("days") {
        let days = days_needed(
            count(case, "per_variant"),
            count(case, "traffic"),
            num(case, "share_a"),
        )
        .unwrap();
        assert_eq!(days, count(case, "days"), "{case}");
    }
}

#[test]
fn fixture_threshold_is_the_crate_threshold() {
    let doc: Value = serde_json::from_str(GOLDEN).unwrap();
    assert_eq!(doc["srm_p_threshold"].as_f64(), Some(SRM_P_THRESHOLD));
}

// ---------------------------------------------------------------------------------------
// Worked by hand
// ---------------------------------------------------------------------------------------

/// A: 100 of 1,000 convert, B: 130 of 1,000.
///
/// - p_A = 0.10, p_B = 0.13, absolute lift 0.03, relative lift 0.03 ÷ 0.10 = 0.30.
/// - Pooled p = 230 ÷ 2,000 = 0.115; SE = √(0.115 × 0.885 × (1/1,000 + 1/1,000)) =
///   √0.00020355 = 0.0142671; z = 0.03 ÷ 0.0142671 = 2.10274; p-value =
///   2 (1 − Φ(2.10274)) = 2 × 0.017744 = 0.035488.
/// - Wald: √(0.1 × 0.9 ÷ 1,000 + 0.13 × 0.87 ÷ 1,000) = √0.0002031 = 0.0142513;
///   × 1.959964 = 0.027932: [0.002068, 0.057932].
/// - Katz: ln(1.3) = 0.262364; √(1/130 − 1/1,000 + 1/100 − 1/1,000) = √0.0156923 =
///   0.125269; × 1.959964 = 0.245523: exp(0.016841) − 1 = 0.016984 and
///   exp(0.507887) − 1 = 0.661776.
/// - SRM: 1,000 against 1,000 expected: χ² = 0, p = 1.
/// - Significant at 95 % (0.035 < 0.05): B wins; not at 99 %.
#[test]
fn hand_worked_100_of_1000_against_130_of_1000() {
    let (a, b) = ab(1000, 100, 1000, 130);
    let r = analyse(a, b, Settings::default()).unwrap();
    close("p_A", r.rate_a, 0.10, 1e-15, 0.0);
    close("p_B", r.rate_b, 0.13, 1e-15, 0.0);
    close("lift", r.absolute_lift, 0.03, 1e-12, 0.0);
    close("relative", r.relative_lift.unwrap(), 0.30, 1e-12, 0.0);
    let t = r.test.unwrap();
    close("z", t.z, 2.10274, 0.0, 5e-6);
    close("p", t.p_value, 0.035488, 0.0, 5e-7);
    close("CI low", r.absolute_ci.low, 0.002068, 0.0, 5e-7);
    close("CI high", r.absolute_ci.high, 0.057932, 0.0, 5e-7);
    let rel = r.relative_ci.unwrap();
    close("rel low", rel.low, 0.016984, 0.0, 5e-6);
    close("rel high", rel.high, 0.661776, 0.0, 5e-6);
    assert_eq!(r.srm.chi_square, 0.0);
    assert_eq!(r.srm.p_value, 1.0);
    assert!(!r.srm.mismatch);
    assert!(r.significant);
    assert_eq!(r.verdict, Verdict::BWins);

    let strict = Settings {
        confidence: 0.99,
        ..Settings::default()
    };
    let r99 = analyse(a, b, strict).unwrap();
    assert!(!r99.significant);
    assert_eq!(r99.verdict, Verdict::NoSignificantDifference);
    // The same p-value; a wider interval.
    assert_eq!(r99.test, r.test);
    assert!(r99.absolute_ci.low < 0.0 && r99.absolute_ci.high > r.absolute_ci.high);

    let (b_first, a_second) = ab(1000, 130, 1000, 100);
    assert_eq!(
        analyse(b_first, a_second, Settings::default())
            .unwrap()
            .verdict,
        Verdict::AWins
    );
}

/// p1 = 0.10 → p2 = 0.12 at 95 % and 80 % power: z = 1.959964, z_β = 0.841621,
/// p̄ = 0.11: 1.959964 × √(2 × 0.11 × 0.89) = 1.959964 × 0.442493 = 0.867270;
/// 0.841621 × √(0.09 + 0.1056) = 0.841621 × 0.442267 = 0.372222; (1.239492)² ÷ 0.02² =
/// 1.536340 ÷ 0.0004 = 3,840.85 → 3,841 per variant. At 500 visitors a day split 50/50:
/// ⌈7,682 ÷ 500⌉ = 16 days; at 20/80, the 20 % side takes ⌈3,841 ÷ 100⌉ = 39 days.
#[test]
fn hand_worked_sample_size() {
    let plan = Plan {
        baseline_rate: 0.10,
        mde: Mde::Absolute(0.02),
        confidence: DEFAULT_CONFIDENCE,
        power: DEFAULT_POWER,
    };
    let s = sample_size(plan).unwrap();
    close("p2", s.target_rate, 0.12, 1e-15, 0.0);
    close("exact", s.exact, 3840.85, 0.0, 0.005);
    assert_eq!(s.per_variant, 3841);
    // 20 % relative is the same target.
    let relative = sample_size(Plan {
        mde: Mde::Relative(0.2),
        ..plan
    })
    .unwrap();
    assert_eq!(relative.per_variant, 3841);
    assert_eq!(days_needed(3841, 500, 0.5), Ok(16));
    assert_eq!(days_needed(3841, 500, 0.2), Ok(39));
    assert_eq!(days_needed(3841, 500, 0.8), Ok(39));

    // Half-way there: the warning against stopping early.
    let (a, b) = ab(2000, 210, 1900, 260);
    let p = progress(a, b, s.per_variant);
    assert!(!p.reached);
    assert_eq!((p.remaining_a, p.remaining_b), (1841, 1941));
    close("fraction", p.fraction, 1900.0 / 3841.0, 1e-15, 0.0);
    let done = progress(Variant::new(4000, 1), Variant::new(3841, 1), s.per_variant);
    assert!(done.reached);
    assert_eq!(
        (done.remaining_a, done.remaining_b, done.fraction),
        (0, 0, 1.0)
    );
}

/// 10,000 against 10,600 planned 50/50: expected 10,300 each, χ² = 2 × 300² ÷ 10,300 =
/// 17.476, p = erfc(√8.738) = 2.9e-5 < 0.001: a mismatch, whatever the rates say.
#[test]
fn hand_worked_sample_ratio_mismatch() {
    let srm = sample_ratio(10_000, 10_600, 0.5).unwrap();
    close("chi2", srm.chi_square, 17.476, 0.0, 5e-4);
    close("p", srm.p_value, 2.9e-5, 0.0, 1e-6);
    assert!(srm.mismatch);
    close(
        "observed",
        srm.observed_share_a,
        10_000.0 / 20_600.0,
        1e-15,
        0.0,
    );
    // Planned 49/51, the same split fits.
    assert!(!sample_ratio(10_000, 10_600, 0.49).unwrap().mismatch);
    // The p-value of 1 dof is that of a squared normal.
    close(
        "chi2 p",
        chi_square_1_p_value(1.0),
        0.317_310_507_862_914,
        1e-14,
        0.0,
    );
}

#[test]
fn nobody_or_everybody_converting_has_no_test() {
    for (a, b) in [ab(500, 0, 500, 0), ab(300, 300, 310, 310)] {
        let r = analyse(a, b, Settings::default()).unwrap();
        assert_eq!(r.test, None);
        assert!(!r.significant);
        assert_eq!(r.verdict, Verdict::NotEnoughData);
        assert_eq!(r.absolute_lift, 0.0);
    }
    // Nobody: no relative lift. Everybody: a ratio of 1 known exactly.
    let none = analyse(
        Variant::new(500, 0),
        Variant::new(500, 0),
        Settings::default(),
    );
    assert_eq!(none.unwrap().relative_ci, None);
    let all = analyse(
        Variant::new(300, 300),
        Variant::new(310, 310),
        Settings::default(),
    );
    let ci = all.unwrap().relative_ci.unwrap();
    assert_eq!((ci.low, ci.high), (0.0, 0.0));
}

/// Cochran's rule on the pooled rate: 3 of 200 against 4 of 200 pools to 7 ÷ 400, an
/// expected 3.5 conversions per variant, below 5: not enough data. 0 of 1,000 against
/// 50 of 1,000 pools to 2.5 %, 25 expected: enough, and B wins.
#[test]
fn not_enough_data_follows_cochrans_rule() {
    let (a, b) = ab(200, 3, 200, 4);
    const { assert!(200.0 * 7.0 / 400.0 < MIN_EXPECTED) };
    assert_eq!(
        analyse(a, b, Settings::default()).unwrap().verdict,
        Verdict::NotEnoughData
    );
    let (a, b) = ab(1000, 0, 1000, 50);
    let r = analyse(a, b, Settings::default()).unwrap();
    assert_eq!(r.verdict, Verdict::BWins);
    assert_eq!(r.relative_lift, None);
    assert_eq!(r.relative_ci, None);
}

// ---------------------------------------------------------------------------------------
// Errors
// ---------------------------------------------------------------------------------------

#[test]
fn bad_variants_are_typed_errors() {
    let ok = Settings::default();
    let cases = [
        (ab(0, 0, 10, 1), AbError::NoVisitors(Arm::A)),
        (ab(10, 1, 0, 0), AbError::NoVisitors(Arm::B)),
        (
            ab(10, 11, 10, 1),
            AbError::MoreConversionsThanVisitors(Arm::A),
        ),
        (
            ab(10, 1, 10, 11),
            AbError::MoreConversionsThanVisitors(Arm::B),
        ),
        (ab(MAX_COUNT + 1, 1, 10, 1), AbError::TooLarge),
        (ab(10, 1, u64::MAX, 0), AbError::TooLarge),
        (ab(0, 5, 0, 0), AbError::NoVisitors(Arm::A)),
    ];
    for ((a, b), error) in cases {
        assert_eq!(analyse(a, b, ok), Err(error), "{a:?} {b:?}");
    }
    let (a, b) = ab(100, 10, 100, 12);
    for confidence in [0.0, 1.0, -0.5, 1.5, f64::NAN, f64::INFINITY] {
        let s = Settings {
            confidence,
            ..Settings::default()
        };
        assert_eq!(analyse(a, b, s), Err(AbError::Confidence), "{confidence}");
    }
    for share_a in [0.0, 1.0, f64::NAN] {
        let s = Settings {
            share_a,
            ..Settings::default()
        };
        assert_eq!(analyse(a, b, s), Err(AbError::Share), "{share_a}");
        assert_eq!(sample_ratio(10, 10, share_a), Err(AbError::Share));
    }
    assert_eq!(sample_ratio(0, 0, 0.5), Err(AbError::NoVisitors(Arm::A)));
    assert_eq!(sample_ratio(u64::MAX, 1, 0.5), Err(AbError::TooLarge));
}

#[test]
fn bad_plans_are_typed_errors() {
    let good = Plan {
        baseline_rate: 0.1,
        mde: Mde::Relative(0.1),
        confidence: 0.95,
        power: 0.8,
    };
    assert!(sample_size(good).is_ok());
    let cases = [
        (
            Plan {
                baseline_rate: 0.0,
                ..good
            },
            AbError::BaselineRate,
        ),
        (
            Plan {
                baseline_rate: 1.0,
                ..good
            },
            AbError::BaselineRate,
        ),
        (
            Plan {
                baseline_rate: f64::NAN,
                ..good
            },
            AbError::BaselineRate,
        ),
        (
            Plan {
                confidence: 1.0,
                ..good
            },
            AbError::Confidence,
        ),
        (Plan { power: 0.0, ..good }, AbError::Power),
        (Plan { power: 1.0, ..good }, AbError::Power),
        (
            Plan {
                mde: Mde::Absolute(0.0),
                ..good
            },
            AbError::NoEffect,
        ),
        (
            Plan {
                mde: Mde::Relative(f64::NAN),
                ..good
            },
            AbError::NoEffect,
        ),
        // 10 % + 90 points = 100 %; 10 % − 100 % = 0; 10 % × 11 > 1.
        (
            Plan {
                mde: Mde::Absolute(0.9),
                ..good
            },
            AbError::TargetRate,
        ),
        (
            Plan {
                mde: Mde::Relative(-1.0),
                ..good
            },
            AbError::TargetRate,
        ),
        (
            Plan {
                mde: Mde::Relative(10.0),
                ..good
            },
            AbError::TargetRate,
        ),
        (
            Plan {
                mde: Mde::Absolute(f64::INFINITY),
                ..good
            },
            AbError::TargetRate,
        ),
        // Too small to move the rate at all in floats, and merely tiny.
        (
            Plan {
                mde: Mde::Absolute(1e-300),
                ..good
            },
            AbError::NoEffect,
        ),
        (
            Plan {
                mde: Mde::Absolute(1e-9),
                ..good
            },
            AbError::TooLarge,
        ),
    ];
    for (plan, error) in cases {
        assert_eq!(sample_size(plan), Err(error), "{plan:?}");
    }
    assert_eq!(days_needed(100, 0, 0.5), Err(AbError::NoTraffic));
    assert_eq!(days_needed(100, 10, 1.0), Err(AbError::Share));
    assert_eq!(days_needed(u64::MAX, 1, 0.5), Err(AbError::TooLarge));
    assert_eq!(days_needed(u64::MAX, 1, 0.3), Err(AbError::TooLarge));
}

// ---------------------------------------------------------------------------------------
// Properties
// ---------------------------------------------------------------------------------------

/// Variants with up to a million visitors, conversions among them.
fn variant() -> impl Strategy<Value = Variant> {
    (1u64..1_000_000)
        .prop_flat_map(|n| (Just(n), 0..=n))
        .prop_map(|(n, c)| Variant::new(n, c))
}

proptest! {
    #[test]
    fn swapping_a_and_b_mirrors_everything(a in variant(), b in variant(),
                                           confidence in 0.5f64..0.9999) {
        let s = Settings { confidence, ..Settings::default() };
        let ab = analyse(a, b, s).unwrap();
        let ba = analyse(b, a, s).unwrap();
        prop_assert_eq!(ba.absolute_lift, -ab.absolute_lift);
        prop_assert_eq!(ba.absolute_ci.low, -ab.absolute_ci.high);
        prop_assert_eq!(ba.absolute_ci.high, -ab.absolute_ci.low);
        prop_assert_eq!(ba.test.map(|t| t.p_value), ab.test.map(|t| t.p_value));
        prop_assert_eq!(ba.test.map(|t| t.z), ab.test.map(|t| -t.z));
        prop_assert_eq!(ba.srm.p_value, ab.srm.p_value);
        let mirrored = match ab.verdict {
            Verdict::AWins => Verdict::BWins,
            Verdict::BWins => Verdict::AWins,
            other => other,
        };
        prop_assert_eq!(ba.verdict, mirrored);
    }

    #[test]
    fn figures_are_in_range(a in variant(), b in variant(), confidence in 0.5f64..0.9999,
                            share_a in 0.05f64..0.95) {
        let r = analyse(a, b, Settings { confidence, share_a }).unwrap();
        prop_assert!((0.0..=1.0).contains(&r.rate_a) && (0.0..=1.0).contains(&r.rate_b));
        if let Some(t) = r.test {
            prop_assert!((0.0..=1.0).contains(&t.p_value) && t.z.is_finite());
        }
        prop_assert!((0.0..=1.0).contains(&r.srm.p_value));
        prop_assert!(r.absolute_ci.contains(r.absolute_lift));
        if let (Some(lift), Some(ci)) = (r.relative_lift, r.relative_ci) {
            prop_assert!(ci.low > -1.0 && ci.low <= ci.high);
            prop_assert!(ci.low - 1e-12 <= lift && lift <= ci.high + 1e-12);
        }
        if r.significant {
            prop_assert!(matches!(r.verdict, Verdict::AWins | Verdict::BWins
                | Verdict::SampleRatioMismatch | Verdict::NotEnoughData));
        }
    }

    #[test]
    fn nothing_panics(na in any::<u64>(), ca in any::<u64>(), nb in any::<u64>(),
                      cb in any::<u64>(), confidence in any::<f64>(), share in any::<f64>(),
                      power in any::<f64>(), mde in any::<f64>(), traffic in any::<u64>()) {
        let _ = analyse(Variant::new(na, ca), Variant::new(nb, cb),
                        Settings { confidence, share_a: share });
        let _ = sample_ratio(na, nb, share);
        for mde in [Mde::Absolute(mde), Mde::Relative(mde)] {
            if let Ok(s) = sample_size(Plan { baseline_rate: share, mde, confidence, power }) {
                prop_assert!(s.per_variant >= 1 && s.exact.is_finite());
                let _ = days_needed(s.per_variant, traffic, share);
            }
        }
        let _ = days_needed(na, traffic, share);
        let _ = progress(Variant::new(na, ca), Variant::new(nb, cb), traffic);
    }

    #[test]
    fn more_power_or_a_smaller_effect_needs_more_visitors(
        p1 in 0.01f64..0.5, mde in 0.01f64..0.4, power in 0.5f64..0.95,
    ) {
        let plan = Plan { baseline_rate: p1, mde: Mde::Absolute(mde), confidence: 0.95, power };
        let n = sample_size(plan).unwrap().per_variant;
        let more_power = sample_size(Plan { power: power + 0.04, ..plan }).unwrap();
        let smaller = sample_size(Plan { mde: Mde::Absolute(mde * 0.9), ..plan }).unwrap();
        prop_assert!(more_power.per_variant >= n);
        prop_assert!(smaller.per_variant >= n);
    }
}
