//! Engine speed: a full 10-year evaluation, the tornado, one break-even solve, and the
//! risk simulation's 10,000 trials.
//! Run with `cargo bench`; the figures are recorded in docs/PERFORMANCE.md.

use retorno::engine::model::{evaluate, Field, Inputs};
use retorno::engine::risk::{default_ranges, simulate, DriverRange, Settings, Shape, Simulation};
use retorno::engine::sensitivity::{break_even, tornado};
use rust_decimal::Decimal;

fn main() {
    divan::main();
}

fn ten_years() -> Inputs {
    Inputs {
        horizon_years: Decimal::from(10),
        ..Inputs::default()
    }
}

#[divan::bench]
fn evaluate_10_years() -> impl Sized {
    evaluate(divan::black_box(&ten_years()))
}

#[divan::bench]
fn tornado_10_years() -> impl Sized {
    tornado(divan::black_box(&ten_years()))
}

#[divan::bench(args = [Field::ConversionAfterPct, Field::LicencePerSeatMonth, Field::ChurnAfterPct])]
fn break_even_10_years(field: Field) -> impl Sized {
    break_even(divan::black_box(&ten_years()), field)
}

/// What one slider step costs the engine: evaluation + tornado + one break-even.
#[divan::bench]
fn full_recompute_10_years() -> impl Sized {
    let inputs = divan::black_box(ten_years());
    (
        evaluate(&inputs),
        tornado(&inputs),
        break_even(&inputs, Field::ConversionAfterPct),
    )
}

/// The risk simulation's default 10,000 trials and their summary, with every default
/// range of the 10-year case (45 drivers).
#[divan::bench(sample_count = 20)]
fn risk_10000_trials_default_ranges_10_years() -> impl Sized {
    let inputs = divan::black_box(ten_years());
    simulate(&inputs, &default_ranges(&inputs), Settings::default())
}

/// The same on the default 3-year case, as the browser measures it
/// (`tests/e2e/perf/risk.mjs`).
#[divan::bench(sample_count = 20)]
fn risk_10000_trials_default_ranges_3_years() -> impl Sized {
    let inputs = divan::black_box(Inputs::default());
    simulate(&inputs, &default_ranges(&inputs), Settings::default())
}

/// Every default range, 10,000 trials without their summary (`Simulation::new` and
/// `run_chunk`), 10 and 3 years.
#[divan::bench(sample_count = 20, args = [10, 3])]
fn risk_trials_only_default_ranges(years: i64) -> impl Sized {
    let inputs = Inputs {
        horizon_years: Decimal::from(years),
        ..Inputs::default()
    };
    let mut simulation =
        Simulation::new(&inputs, &default_ranges(&inputs), Settings::default()).unwrap();
    simulation.run_chunk(10_000).unwrap();
    simulation
}

/// The summary of those 10,000 trials alone, 10 and 3 years.
#[divan::bench(sample_count = 20, args = [10, 3])]
fn risk_summary_only_default_ranges(bencher: divan::Bencher, years: i64) {
    let inputs = Inputs {
        horizon_years: Decimal::from(years),
        ..Inputs::default()
    };
    let mut simulation =
        Simulation::new(&inputs, &default_ranges(&inputs), Settings::default()).unwrap();
    simulation.run_chunk(10_000).unwrap();
    bencher.bench(|| divan::black_box(&simulation).summary());
}

/// The same with three ranged drivers on the default 3-year case.
#[divan::bench(sample_count = 20)]
fn risk_10000_trials_3_ranges_3_years() -> impl Sized {
    let inputs = divan::black_box(Inputs::default());
    let range = |field, low: i64, high: i64| DriverRange {
        field,
        low: Decimal::from(low),
        high: Decimal::from(high),
        shape: Shape::Pert,
    };
    let ranges = [
        range(Field::ConversionAfterPct, 10, 14),
        range(Field::Implementation, 40_000, 70_000),
        range(Field::ChurnAfterPct, 11, 15),
    ];
    simulate(&inputs, &ranges, Settings::default())
}
