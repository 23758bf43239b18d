//! The risk simulation (issue 15): its distributions against their closed forms, its
//! summary statistics against numpy and scipy, one fixed case against an independent
//! numpy simulation (`tests/fixtures/make_risk_golden.py`), reproducibility, refused
//! ranges, and no panic for any input (proptest).

use proptest::prelude::*;
use retorno::engine::model::{evaluate, BenefitLine, Field, Inputs};
use retorno::engine::money;
use retorno::engine::risk::{
    check_ranges, default_range, default_ranges, quantile, simulate, spearman, DriverRange,
    Histogram, RangeError, RangeKind, RangeProblem, RiskError, Settings, Shape, Simulation,
    Summary, DEFAULT_SEED, DEFAULT_TRIALS, HISTOGRAM_BINS, MAX_TRIALS, S_CURVE_POINTS,
};
use rust_decimal::Decimal;
use serde_json::Value;
use std::str::FromStr;

const GOLDEN: &str = include_str!("fixtures/risk_golden.json");

fn d(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap()
}

/// A `Decimal` as the engine converts it.
fn f(value: Decimal) -> f64 {
    money::to_f64(value)
}

fn range(field: Field, low: &str, high: &str, shape: Shape) -> DriverRange {
    DriverRange {
        field,
        low: d(low),
        high: d(high),
        shape,
    }
}

fn golden(key: &str) -> Value {
    let doc: Value = serde_json::from_str(GOLDEN).expect("fixture is valid JSON");
    doc[key].clone()
}

fn floats(value: &Value) -> Vec<f64> {
    value
        .as_array()
        .expect("an array")
        .iter()
        .map(|x| x.as_f64().expect("a number"))
        .collect()
}

fn field_of(key: &str) -> Field {
    *Field::ALL
        .iter()
        .find(|f| f.key() == key)
        .unwrap_or_else(|| panic!("no field {key}"))
}

fn settings(trials: usize) -> Settings {
    Settings {
        trials,
        seed: DEFAULT_SEED,
    }
}

/// `field` set to `likely`, ranged alone, run for `trials`: its draws.
fn draws(
    field: Field,
    low: &str,
    likely: &str,
    high: &str,
    shape: Shape,
    trials: usize,
) -> Vec<f64> {
    let mut inputs = Inputs::default();
    field.set(&mut inputs, d(likely));
    let mut sim =
        Simulation::new(&inputs, &[range(field, low, high, shape)], settings(trials)).unwrap();
    assert_eq!(sim.run_chunk(trials), Ok(trials));
    sim.samples(field).unwrap().to_vec()
}

fn mean(values: &[f64]) -> f64 {
    values.iter().sum::<f64>() / values.len() as f64
}

// ------------------------------------------------------------------ the distributions

/// 100,000 draws: 5 standard errors of a mean are 5σ/√n = 0.0158σ.
const N: usize = 100_000;

#[test]
fn triangular_mean_is_a_plus_b_plus_c_over_3() {
    // Triangular(20, 30, 60): mean (20 + 30 + 60) / 3 = 36.6667; variance (20² + 30² +
    // 60² − 20·30 − 20·60 − 30·60) / 18 = 1300 / 18 = 72.22, σ = 8.498. Tolerance: 5
    // standard errors of the mean of N draws, 5σ/√N = 0.134 (a correct sampler misses
    // it with probability 6e-7).
    let x = draws(Field::RepHourlyRate, "20", "30", "60", Shape::Triangular, N);
    let sigma = (1300.0_f64 / 18.0).sqrt();
    let tolerance = 5.0 * sigma / (N as f64).sqrt();
    assert!(
        (mean(&x) - 110.0 / 3.0).abs() <= tolerance,
        "mean {}",
        mean(&x)
    );
    assert!(x.iter().all(|&v| (20.0..=60.0).contains(&v)));
}

#[test]
fn pert_mean_is_a_plus_4m_plus_b_over_6() {
    // PERT(20, 30, 60): mean (20 + 4·30 + 60) / 6 = 33.3333; variance (μ − a)(b − μ) / 7
    // = 13.333 × 26.667 / 7 = 50.79, σ = 7.127. Tolerance 5σ/√N = 0.113. The
    // triangular's mean, 36.67, is 30 tolerances away.
    let x = draws(Field::RepHourlyRate, "20", "30", "60", Shape::Pert, N);
    let mu: f64 = 200.0 / 6.0;
    let sigma = ((mu - 20.0) * (60.0 - mu) / 7.0).sqrt();
    let tolerance = 5.0 * sigma / (N as f64).sqrt();
    assert!((mean(&x) - mu).abs() <= tolerance, "mean {}", mean(&x));
    assert!(x.iter().all(|&v| (20.0..=60.0).contains(&v)));
}

/// The Dvoretzky–Kiefer–Wolfowitz bound: P(sup |Fₙ − F| > ε) ≤ 2 exp(−2nε²), so with
/// ε = √(ln(2 / 10⁻⁶) / 2n) a correct sampler's empirical CDF strays further than ε
/// anywhere with probability at most 10⁻⁶. For n = 100,000, ε = 0.0085.
fn dkw_epsilon(n: usize) -> f64 {
    ((2.0_f64 / 1e-6).ln() / (2.0 * n as f64)).sqrt()
}

fn empirical_cdf(sorted_draws: &[f64], x: f64) -> f64 {
    sorted_draws.partition_point(|&v| v <= x) as f64 / sorted_draws.len() as f64
}

fn assert_cdf(draws: &mut [f64], points: &[f64], cdf: impl Fn(f64) -> f64) {
    draws.sort_by(f64::total_cmp);
    let eps = dkw_epsilon(draws.len());
    for &x in points {
        let (got, want) = (empirical_cdf(draws, x), cdf(x));
        assert!(
            (got - want).abs() <= eps,
            "F({x}) = {got}, closed form {want}, ε {eps}"
        );
    }
}

#[test]
fn triangular_cdf_within_the_dkw_bound() {
    // Triangular(a = 20, c = 30, b = 60), by hand: F(x) = (x − a)² / ((b − a)(c − a)) up
    // to c, 1 − (b − x)² / ((b − a)(b − c)) after.
    let (a, c, b) = (20.0, 30.0, 60.0);
    let cdf = |x: f64| {
        if x <= c {
            (x - a).powi(2) / ((b - a) * (c - a))
        } else {
            1.0 - (b - x).powi(2) / ((b - a) * (b - c))
        }
    };
    let mut x = draws(Field::RepHourlyRate, "20", "30", "60", Shape::Triangular, N);
    assert_cdf(&mut x, &[22.0, 25.0, 30.0, 35.0, 40.0, 50.0, 58.0], cdf);
}

#[test]
fn pert_cdf_within_the_dkw_bound() {
    // PERT(20, 30, 60): α = 1 + 4 × 10/40 = 2, β = 1 + 4 × 30/40 = 4, so with
    // z = (x − 20)/40 the CDF is the regularised incomplete beta I_z(2, 4) =
    // 1 − (1 − z)⁵ − 5z(1 − z)⁴ (the binomial sum for integer shapes, by hand). The
    // triangular's CDF differs from it by up to 0.05, six bounds.
    let cdf = |x: f64| {
        let z = (x - 20.0) / 40.0;
        1.0 - (1.0 - z).powi(5) - 5.0 * z * (1.0 - z).powi(4)
    };
    let mut x = draws(Field::RepHourlyRate, "20", "30", "60", Shape::Pert, N);
    assert_cdf(&mut x, &[22.0, 25.0, 30.0, 35.0, 40.0, 50.0, 58.0], cdf);

    // PERT(2, 3, 10): α = 1.5, β = 4.5, the CDF from scipy.stats.beta (fixture).
    let case = golden("pert_cdf");
    let points = floats(&case["points"]);
    let expected = floats(&case["cdf"]);
    let mut x = draws(Field::HoursSavedPerRepWeek, "2", "3", "10", Shape::Pert, N);
    let at = |p: f64| expected[points.iter().position(|&q| q == p).unwrap()];
    assert_cdf(&mut x, &points, at);
}

#[test]
fn draws_at_the_ends_of_a_range() {
    // Likely at low or high: PERT's α or β is 1, the triangle a right triangle; every
    // draw stays within the range, and the mean is (a + 4m + b)/6 or (a + m + b)/3.
    for (likely, pert_mean, tri_mean) in [
        ("0", 10.0 / 6.0, 10.0 / 3.0),
        ("10", 50.0 / 6.0, 20.0 / 3.0),
    ] {
        for (shape, want) in [(Shape::Pert, pert_mean), (Shape::Triangular, tri_mean)] {
            let x = draws(
                Field::HoursSavedPerRepWeek,
                "0",
                likely,
                "10",
                shape,
                20_000,
            );
            assert!(x.iter().all(|&v| (0.0..=10.0).contains(&v)));
            // σ ≤ 10/√12 (the uniform's, the widest of either shape here); 5σ/√n ≤ 0.102.
            assert!(
                (mean(&x) - want).abs() <= 0.102,
                "{shape:?} at {likely}: {}",
                mean(&x)
            );
        }
    }
}

// ------------------------------------------------------------- the summary statistics

#[test]
fn quantiles_follow_numpy() {
    // numpy.quantile's default (linear) rule, from the fixture; the second case by hand:
    // [10, 20] at p = 0.25 is 10 + 0.25 × 10 = 12.5.
    assert_eq!(quantile(&[10.0, 20.0], 0.25), Some(12.5));
    for case in golden("quantiles").as_array().unwrap() {
        let mut values = floats(&case["values"]);
        values.sort_by(f64::total_cmp);
        for (p, want) in floats(&case["p"])
            .into_iter()
            .zip(floats(&case["expected"]))
        {
            let got = quantile(&values, p).unwrap();
            assert!(
                (got - want).abs() <= 1e-9 * want.abs().max(1.0),
                "{} at {p}: {got} vs {want}",
                case["name"]
            );
        }
    }
    assert_eq!(quantile(&[], 0.5), None);
    assert_eq!(quantile(&[1.0], 1.5), None);
    assert_eq!(quantile(&[1.0], f64::NAN), None);
}

#[test]
fn histograms_follow_numpy() {
    for case in golden("histograms").as_array().unwrap() {
        let bins = case["bins"].as_u64().unwrap() as usize;
        let h = Histogram::of(&floats(&case["values"]), bins).unwrap();
        let counts: Vec<usize> = case["counts"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c.as_u64().unwrap() as usize)
            .collect();
        assert_eq!(h.counts, counts, "{}", case["name"]);
        for (got, want) in h.edges.iter().zip(floats(&case["edges"])) {
            assert!(
                (got - want).abs() <= 1e-9 * want.abs().max(1.0),
                "{}: edge {got} vs {want}",
                case["name"]
            );
        }
        assert_eq!(h.edges.len(), bins + 1);
    }
    assert_eq!(Histogram::of(&[], 5), None);
    assert_eq!(Histogram::of(&[1.0], 0), None);
    assert_eq!(Histogram::of(&[1.0, f64::INFINITY], 5), None);
}

#[test]
fn spearman_follows_scipy() {
    // scipy.stats.spearmanr, from the fixture. The first case by hand: the rank
    // differences are ±1 six times, ρ = 1 − 6 Σd² / (n(n² − 1)) = 1 − 36/210 = 0.828571.
    for case in golden("spearman").as_array().unwrap() {
        let got = spearman(&floats(&case["x"]), &floats(&case["y"])).unwrap();
        let want = case["rho"].as_f64().unwrap();
        assert!(
            (got - want).abs() <= 1e-12,
            "{}: {got} vs {want}",
            case["name"]
        );
    }
    assert!(
        (spearman(
            &[1.0, 2.0, 3.0, 4.0, 5.0, 6.0],
            &[2.0, 1.0, 4.0, 3.0, 6.0, 5.0]
        )
        .unwrap()
            - 0.828_571_428_571)
            .abs()
            < 1e-9
    );
    assert_eq!(spearman(&[1.0, 1.0, 1.0], &[1.0, 2.0, 3.0]), None);
    assert_eq!(spearman(&[1.0, 2.0], &[1.0]), None);
}

// ------------------------------------------------------------------ whole simulations

fn collapsed(inputs: &Inputs) -> Vec<DriverRange> {
    Field::ALL
        .iter()
        .filter(|&&f| f != Field::HorizonYears)
        .map(|&f| DriverRange {
            field: f,
            low: f.get(inputs),
            high: f.get(inputs),
            shape: Shape::Pert,
        })
        .collect()
}

#[test]
fn point_ranges_give_the_exact_figures() {
    // Every range one value: each percentile and the mean are the deterministic figures
    // of `evaluate` (NPV to the cent), every trial in the middle bin of numpy's ±0.5
    // histogram, nothing contributes.
    // The golden never-pays-back case (tests/fixtures/make_golden.py) and a long one.
    let never = Inputs {
        leads_per_year: d("100"),
        sales_reps: d("1"),
        customers: d("10"),
        tickets_per_year: d("100"),
        marketing_spend: d("1000"),
        opportunities_per_year: d("10"),
        ..Inputs::default()
    };
    let ten_years = Inputs {
        horizon_years: d("10"),
        discount_rate_pct: d("12"),
        ..Inputs::default()
    };
    for inputs in [Inputs::default(), ten_years, never] {
        let report = evaluate(&inputs).unwrap();
        let s = simulate(&inputs, &collapsed(&inputs), settings(500)).unwrap();
        let npv = f(report.npv);
        for got in [s.npv.p10, s.npv.p50, s.npv.p90, s.npv.mean] {
            assert!((got - npv).abs() < 0.005, "{got} vs {npv}");
        }
        let roi = f(report.roi_pct.unwrap());
        let roi_spread = s.roi_pct.unwrap();
        for got in [
            roi_spread.p10,
            roi_spread.p50,
            roi_spread.p90,
            roi_spread.mean,
        ] {
            assert!((got - roi).abs() < 1e-9, "{got} vs {roi}");
        }
        match report.payback_months {
            Some(months) => {
                for got in [s.payback.p10, s.payback.p50, s.payback.p90] {
                    assert!((got.unwrap() - f(months)).abs() < 1e-9);
                }
                assert_eq!(s.payback.never_share, 0.0);
            }
            None => {
                assert_eq!(
                    (s.payback.p10, s.payback.p50, s.payback.p90),
                    (None, None, None)
                );
                assert_eq!(s.payback.never_share, 1.0);
            }
        }
        assert_eq!(s.npv_positive_share, if npv > 0.0 { 1.0 } else { 0.0 });
        assert_eq!(s.histogram.counts[HISTOGRAM_BINS / 2], 500);
        assert!(s.contributions.is_empty());
    }
}

/// A fixture entry's value and tolerance.
fn entry(value: &Value) -> (f64, f64) {
    (
        value["value"].as_f64().unwrap(),
        value["tolerance"].as_f64().unwrap(),
    )
}

#[test]
fn one_case_agrees_with_an_independent_numpy_simulation() {
    // tests/fixtures/make_risk_golden.py: the defaults with seven ranged drivers, the
    // model re-implemented in numpy (checked there against make_golden.py's decimal
    // model), 400,000 numpy draws. Each tolerance is 5 standard errors of the difference
    // between this run's 100,000 trials and those (see the script's docstring).
    let case = golden("simulation");
    let inputs = Inputs::default();
    let ranges: Vec<DriverRange> = case["ranges"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| DriverRange {
            field: field_of(r["field"].as_str().unwrap()),
            low: d(r["low"].as_str().unwrap()),
            high: d(r["high"].as_str().unwrap()),
            shape: match r["shape"].as_str().unwrap() {
                "pert" => Shape::Pert,
                _ => Shape::Triangular,
            },
        })
        .collect();
    let trials = case["rust_trials"].as_u64().unwrap() as usize;
    let s = simulate(&inputs, &ranges, settings(trials)).unwrap();

    let mut misses = Vec::new();
    let mut check = |name: &str, got: f64, (want, tol): (f64, f64)| {
        if (got - want).abs() > tol {
            misses.push(format!("{name}: {got} vs {want} ± {tol}"));
        }
    };
    let roi = s.roi_pct.unwrap();
    for (name, spread, key) in [("npv", s.npv, "npv"), ("roi", roi, "roi_pct")] {
        check(&format!("{name} p10"), spread.p10, entry(&case[key]["p10"]));
        check(&format!("{name} p50"), spread.p50, entry(&case[key]["p50"]));
        check(&format!("{name} p90"), spread.p90, entry(&case[key]["p90"]));
        check(
            &format!("{name} mean"),
            spread.mean,
            entry(&case[key]["mean"]),
        );
    }
    check(
        "payback p10",
        s.payback.p10.unwrap(),
        entry(&case["payback"]["p10"]),
    );
    check(
        "payback p50",
        s.payback.p50.unwrap(),
        entry(&case["payback"]["p50"]),
    );
    check(
        "payback p90",
        s.payback.p90.unwrap(),
        entry(&case["payback"]["p90"]),
    );
    check(
        "never pays back",
        s.payback.never_share,
        entry(&case["payback"]["never_share"]),
    );
    check(
        "npv > 0",
        s.npv_positive_share,
        entry(&case["npv_positive_share"]),
    );
    for c in &s.contributions {
        let want = &case["spearman"][c.field.key()];
        let z_tol = want["z_tolerance"].as_f64().unwrap();
        let want = want["value"].as_f64().unwrap();
        check(
            &format!("spearman {:?} (z)", c.field),
            c.spearman.atanh(),
            (want.atanh(), z_tol),
        );
    }
    assert!(misses.is_empty(), "{misses:#?}");
    assert_eq!(s.contributions.len(), ranges.len());
    assert_eq!(s.contributions[0].field, Field::ConversionAfterPct);
}

fn default_case() -> (Inputs, Vec<DriverRange>) {
    let inputs = Inputs::default();
    let ranges = default_ranges(&inputs);
    (inputs, ranges)
}

#[test]
fn chunks_give_the_one_shot_figures() {
    let (inputs, ranges) = default_case();
    let one_shot = simulate(&inputs, &ranges, settings(3_000)).unwrap();
    for chunk in [1, 7, 999, 2_999, 5_000] {
        let mut sim = Simulation::new(&inputs, &ranges, settings(3_000)).unwrap();
        let mut ran = 0;
        while !sim.is_finished() {
            ran += sim.run_chunk(chunk).unwrap();
        }
        assert_eq!(ran, 3_000);
        assert_eq!(sim.run_chunk(chunk), Ok(0));
        assert_eq!(sim.summary().unwrap(), one_shot, "chunks of {chunk}");
    }
}

#[test]
fn the_seed_decides_the_figures() {
    let (inputs, ranges) = default_case();
    let run = |seed| {
        let mut sim = Simulation::new(
            &inputs,
            &ranges,
            Settings {
                trials: 2_000,
                seed,
            },
        )
        .unwrap();
        sim.run_chunk(2_000).unwrap();
        (sim.npvs().to_vec(), sim.summary().unwrap())
    };
    let (a, summary_a) = run(7);
    let (b, summary_b) = run(7);
    let (c, summary_c) = run(8);
    assert_eq!(a, b);
    assert_eq!(summary_a, summary_b);
    // Another seed: every trial's NPV differs (continuous draws), and so do the figures.
    assert!(a.iter().zip(&c).all(|(x, y)| x != y));
    assert_ne!(summary_a.npv.p50, summary_c.npv.p50);
}

#[test]
fn one_range_changed_keeps_the_other_draws() {
    // Each field's draws come from its own streams: narrowing the implementation's range
    // leaves the conversion's draws as they were.
    let inputs = Inputs::default();
    let conversion = range(Field::ConversionAfterPct, "10", "13", Shape::Pert);
    let run = |implementation: DriverRange| {
        let mut sim =
            Simulation::new(&inputs, &[implementation, conversion], settings(500)).unwrap();
        sim.run_chunk(500).unwrap();
        (
            sim.samples(Field::ConversionAfterPct).unwrap().to_vec(),
            sim.samples(Field::Implementation).unwrap().to_vec(),
        )
    };
    let (conv_a, impl_a) = run(range(Field::Implementation, "40000", "70000", Shape::Pert));
    let (conv_b, impl_b) = run(range(
        Field::Implementation,
        "44000",
        "50000",
        Shape::Triangular,
    ));
    assert_eq!(conv_a, conv_b);
    assert_ne!(impl_a, impl_b);
}

fn check_summary(s: &Summary, trials: usize) {
    assert_eq!(s.trials, trials);
    assert!(s.npv.p10 <= s.npv.p50 && s.npv.p50 <= s.npv.p90);
    assert_eq!(s.histogram.counts.iter().sum::<usize>(), trials);
    assert_eq!(s.histogram.counts.len(), HISTOGRAM_BINS);
    assert!(s.histogram.edges.windows(2).all(|w| w[0] <= w[1]));
    assert_eq!(s.s_curve.len(), S_CURVE_POINTS);
    assert!(s
        .s_curve
        .windows(2)
        .all(|w| w[0].npv <= w[1].npv && w[0].share < w[1].share));
    for (mark, value) in [
        (s.marks.p10, s.npv.p10),
        (s.marks.p50, s.npv.p50),
        (s.marks.p90, s.npv.p90),
    ] {
        let bin = mark.unwrap();
        assert!(s.histogram.edges[bin] <= value && value <= s.histogram.edges[bin + 1]);
    }
    assert!((0.0..=1.0).contains(&s.npv_positive_share));
    assert!((0.0..=1.0).contains(&s.payback.never_share));
    assert!(s
        .contributions
        .iter()
        .all(|c| (-1.0..=1.0).contains(&c.spearman)));
    assert!(s
        .contributions
        .windows(2)
        .all(|w| w[0].spearman.abs() >= w[1].spearman.abs()));
}

#[test]
fn the_summary_holds_together() {
    let (inputs, ranges) = default_case();
    let s = simulate(&inputs, &ranges, Settings::default()).unwrap();
    check_summary(&s, DEFAULT_TRIALS);
    // The S-curve runs from the smallest NPV to the largest: the histogram's first and
    // last edges (numpy's rule, when the NPVs differ).
    assert_eq!(s.s_curve[0].npv, s.histogram.edges[0]);
    assert_eq!(
        s.s_curve[S_CURVE_POINTS - 1].npv,
        s.histogram.edges[HISTOGRAM_BINS]
    );
    // Zero is marked only when some trial is on each side of it.
    let zero_inside = s.histogram.edges[0] <= 0.0 && 0.0 <= s.histogram.edges[HISTOGRAM_BINS];
    assert_eq!(s.marks.zero.is_some(), zero_inside);
}

#[test]
fn progress_can_be_summed_up_part_way() {
    let (inputs, ranges) = default_case();
    let mut sim = Simulation::new(&inputs, &ranges, settings(1_000)).unwrap();
    assert_eq!(sim.summary(), None);
    assert_eq!(sim.run_chunk(250), Ok(250));
    assert_eq!(
        (sim.done(), sim.trials(), sim.is_finished()),
        (250, 1_000, false)
    );
    check_summary(&sim.summary().unwrap(), 250);
}

// ------------------------------------------------------------------- default ranges

#[test]
fn default_ranges_follow_the_rule() {
    // By hand from the defaults and the rule's table.
    let cases = [
        (Field::LicencePerSeatMonth, "65", "61.75", "71.5"), // licence −5 % / +10 %
        (Field::Implementation, "45000", "40500", "56250"),  // cost −10 % / +25 %
        (Field::Seats, "40", "36", "44"),                    // fact ±10 %
        (Field::ChurnBeforePct, "15", "13.5", "16.5"),       // fact ±10 %
        (Field::ConversionAfterPct, "11.5", "8.625", "14.375"), // estimate ±25 %
        (Field::AdoptionYear1Pct, "60", "48", "66"),         // adoption −20 % / +10 %
        (Field::AdoptionSteadyPct, "100", "80", "100"),      // capped at 100 %
        (Field::DiscountRatePct, "10", "10", "10"),          // fixed
        (Field::Customers, "1500", "1350", "1650"),
    ];
    for (field, value, low, high) in cases {
        let r = default_range(field, d(value));
        assert_eq!(
            (r.low, r.high, r.shape),
            (d(low), d(high), Shape::Pert),
            "{field:?}"
        );
    }
    // Counts stay whole: 7 seats → 6.3 and 7.7 rounded to 6 and 8.
    let r = default_range(Field::Seats, d("7"));
    assert_eq!((r.low, r.high), (d("6"), d("8")));
    assert_eq!(RangeKind::of(Field::HorizonYears), RangeKind::Fixed);
    assert_eq!(RangeKind::of(Field::WorkingWeeks), RangeKind::Fact);
    assert_eq!(RangeKind::of(Field::AiPrecisionPct), RangeKind::Estimate);
}

#[test]
fn default_ranges_are_valid_and_skip_what_cannot_move() {
    let inputs = Inputs::default();
    let ranges = default_ranges(&inputs);
    assert_eq!(check_ranges(&inputs, &ranges), Ok(()));
    // No fixed field, no driver of the lifetime line (off by default), no single value.
    assert!(ranges
        .iter()
        .all(|r| RangeKind::of(r.field) != RangeKind::Fixed));
    assert!(ranges
        .iter()
        .all(|r| r.field.line() != Some(BenefitLine::Lifetime)));
    assert!(ranges.iter().all(|r| r.low < r.high));
    assert!(ranges.iter().any(|r| r.field == Field::Implementation));
    // Every field's default range is valid around its default, whatever its kind.
    for &field in Field::ALL {
        let r = default_range(field, field.get(&inputs));
        let ok = field == Field::HorizonYears || check_ranges(&inputs, &[r]).is_ok();
        assert!(ok, "{field:?}");
    }
}

// -------------------------------------------------------------------- refused input

#[test]
fn hostile_ranges_are_refused() {
    let inputs = Inputs::default(); // churn after 13 %, licence 65
    let refused =
        |ranges: &[DriverRange]| match Simulation::new(&inputs, ranges, Settings::default()) {
            Err(RiskError::Ranges(errors)) => errors,
            other => panic!("accepted: {other:?}"),
        };
    let err = |field, problem| RangeError { field, problem };
    let churn = Field::ChurnAfterPct;
    assert_eq!(
        refused(&[range(churn, "10", "101", Shape::Pert)]),
        [err(churn, RangeProblem::AboveMax)]
    );
    assert_eq!(
        refused(&[range(churn, "-1", "20", Shape::Pert)]),
        [err(churn, RangeProblem::BelowMin)]
    );
    assert_eq!(
        refused(&[range(churn, "14", "20", Shape::Pert)]),
        [err(churn, RangeProblem::LowAboveLikely)]
    );
    assert_eq!(
        refused(&[range(churn, "5", "12", Shape::Triangular)]),
        [err(churn, RangeProblem::LikelyAboveHigh)]
    );
    assert_eq!(
        refused(&[range(churn, "20", "5", Shape::Pert)]),
        [
            err(churn, RangeProblem::LowAboveLikely),
            err(churn, RangeProblem::LikelyAboveHigh)
        ]
    );
    assert_eq!(
        refused(&[range(Field::HorizonYears, "1", "10", Shape::Pert)]),
        [err(Field::HorizonYears, RangeProblem::Fixed)]
    );
    let licence = range(Field::LicencePerSeatMonth, "60", "70", Shape::Pert);
    assert_eq!(
        refused(&[licence, licence]),
        [err(Field::LicencePerSeatMonth, RangeProblem::Duplicate)]
    );
    // Every problem is reported, not only the first.
    assert_eq!(
        refused(&[
            range(churn, "10", "101", Shape::Pert),
            range(Field::Seats, "0", "40", Shape::Pert)
        ])
        .len(),
        2
    );
    // A huge Decimal end is refused like any other out-of-range one.
    let huge = DriverRange {
        field: Field::Implementation,
        low: Decimal::MIN,
        high: Decimal::MAX,
        shape: Shape::Pert,
    };
    assert_eq!(refused(&[huge]).len(), 2);
}

#[test]
fn invalid_inputs_and_trial_counts_are_refused() {
    let inputs = Inputs {
        churn_after_pct: d("120"),
        ..Inputs::default()
    };
    let refused = Simulation::new(&inputs, &[], Settings::default());
    assert!(matches!(refused, Err(RiskError::Inputs(e)) if e[0].field == Field::ChurnAfterPct));
    let inputs = Inputs::default();
    for trials in [0, MAX_TRIALS + 1] {
        assert_eq!(
            Simulation::new(&inputs, &[], settings(trials)).err(),
            Some(RiskError::Trials)
        );
    }
    assert!(Simulation::new(&inputs, &[], settings(MAX_TRIALS)).is_ok());
}

/// A range for `field` from two draws spread over the field's range and beyond.
fn any_range() -> impl Strategy<Value = DriverRange> {
    (0usize..64, -2.0f64..3.0, -2.0f64..3.0, any::<bool>()).prop_map(|(pick, a, b, pert)| {
        let field = Field::ALL[pick % Field::ALL.len()];
        let (min, max) = field.range();
        let at = |share: f64| {
            let share = Decimal::from_f64_retain(share)
                .unwrap_or_default()
                .round_dp(6);
            min + (max - min) * share
        };
        DriverRange {
            field,
            low: at(a.min(b)),
            high: at(a.max(b)),
            shape: if pert { Shape::Pert } else { Shape::Triangular },
        }
    })
}

/// Inputs anywhere within the declared ranges, lines randomly on or off.
fn any_inputs() -> impl Strategy<Value = Inputs> {
    (
        prop::collection::vec(0u32..=1_000, Field::ALL.len()),
        prop::array::uniform11(any::<bool>()),
    )
        .prop_map(|(draws, switches)| {
            let mut inputs = Inputs::default();
            for (&f, &k) in Field::ALL.iter().zip(&draws) {
                let (min, max) = f.range();
                f.set(
                    &mut inputs,
                    f.clamp(min + (max - min) * Decimal::from(k) / Decimal::from(1_000)),
                );
            }
            for (line, on) in BenefitLine::ALL.into_iter().zip(switches) {
                inputs.lines.set(line, on);
            }
            inputs
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn nothing_panics(
        inputs in any_inputs(),
        ranges in prop::collection::vec(any_range(), 0..8),
        seed in any::<u64>(),
        trials in 1usize..40,
        chunk in 1usize..50,
    ) {
        // Ok with a coherent summary, or a typed error: never a panic, never a hang.
        match Simulation::new(&inputs, &ranges, Settings { trials, seed }) {
            Ok(mut sim) => {
                while !sim.is_finished() {
                    match sim.run_chunk(chunk) {
                        Ok(n) => prop_assert!(n > 0),
                        Err(e) => { prop_assert_eq!(e, RiskError::Overflow); return Ok(()); }
                    }
                }
                check_summary(&sim.summary().unwrap(), trials);
                for r in &ranges {
                    let (low, high) = (f(r.low), f(r.high));
                    prop_assert!(sim.samples(r.field).unwrap().iter().all(|&x| low <= x && x <= high));
                }
            }
            Err(RiskError::Ranges(errors)) => prop_assert!(!errors.is_empty()),
            Err(e) => prop_assert!(false, "unexpected {:?}", e),
        }
    }
}
