//! Engine speed: a full 10-year evaluation, the tornado, and one break-even solve.
//! Run with `cargo bench`; the figures are recorded in docs/PERFORMANCE.md.

use retorno::engine::model::{evaluate, Field, Inputs};
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
