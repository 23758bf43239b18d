//! Which drivers weigh most on NPV (tornado data), and break-even values.
//!
//! Both re-run the model many times (the tornado about 80 times, the break-even solver
//! up to 100), so they run the same formulas on `f64` (see [`Num`]): fifteen significant
//! digits, far beyond what a chart or a value rounded for display can show. Every
//! headline figure still comes from the exact `Decimal` run in [`model::evaluate`].

use super::model::{self, Field, Inputs, ModelError, Values};
use super::money::{self, Checked, Num};
use rust_decimal::Decimal;

/// Relative change applied to each driver for the tornado: ±20 %.
pub const SWING_PCT: i64 = 20;

/// NPV with one driver moved down and up by [`SWING_PCT`] percent of its value. The two
/// NPVs are chart data, so they stay `f64`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Swing {
    /// The driver.
    pub field: Field,
    /// The driver's value at −20 % (clamped to its range).
    pub low_value: Decimal,
    /// The driver's value at +20 % (clamped to its range).
    pub high_value: Decimal,
    /// NPV with the driver at `low_value`.
    pub npv_low: f64,
    /// NPV with the driver at `high_value`.
    pub npv_high: f64,
}

impl Swing {
    /// |NPV high − NPV low|: how much this driver weighs.
    pub fn width(&self) -> f64 {
        (self.npv_high - self.npv_low).abs()
    }
}

/// The model of one set of inputs, ready to be re-run with one driver moved.
struct Runner<'a> {
    inputs: &'a Inputs,
    values: Values<f64>,
}

impl<'a> Runner<'a> {
    fn new(inputs: &'a Inputs) -> Result<Self, ModelError> {
        inputs.validate().map_err(ModelError::Invalid)?;
        Ok(Runner {
            inputs,
            values: Values::of(inputs),
        })
    }

    /// NPV with `field` at `value`, all else unchanged.
    fn npv_with(&self, field: Field, value: f64) -> Checked<f64> {
        let mut moved = self.values.clone();
        moved.set(field, value);
        model::npv_of(&moved, &self.inputs.lines, self.inputs.horizon())
    }
}

/// Drivers that move NPV when their value changes: every field except the horizon
/// (a whole number of years, where ±20 % is not meaningful) and drivers of benefit lines
/// that are switched off.
fn drivers(inputs: &Inputs) -> impl Iterator<Item = Field> + '_ {
    Field::ALL.iter().copied().filter(move |f| {
        *f != Field::HorizonYears && f.line().is_none_or(|line| inputs.lines.is_on(line))
    })
}

/// NPV at −20 % and +20 % of each driver, widest swing first; drivers with no effect are
/// left out.
pub fn tornado(inputs: &Inputs) -> Result<Vec<Swing>, ModelError> {
    let runner = Runner::new(inputs)?;
    let down = Decimal::new(100 - SWING_PCT, 2);
    let up = Decimal::new(100 + SWING_PCT, 2);
    let mut swings = Vec::new();
    for field in drivers(inputs) {
        let value = field.get(inputs);
        let low_value = field.clamp(money::mul(value, down)?);
        let high_value = field.clamp(money::mul(value, up)?);
        let swing = Swing {
            field,
            low_value,
            high_value,
            npv_low: runner.npv_with(field, f64::of(low_value))?,
            npv_high: runner.npv_with(field, f64::of(high_value))?,
        };
        if swing.width() > 0.0 {
            swings.push(swing);
        }
    }
    swings.sort_by(|a, b| b.width().total_cmp(&a.width()));
    Ok(swings)
}

/// The answer of the break-even solver.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum BreakEven {
    /// NPV is zero with the driver at this value (within its range).
    At(Decimal),
    /// NPV keeps one sign across the driver's whole range.
    NoneInRange,
}

/// The value of `field`, within its valid range, at which NPV = 0, all else unchanged.
///
/// Solved with the Illinois variant of regula falsi on the field's whole range: it keeps
/// the root bracketed (so it always ends), takes a step or two when NPV is linear in the
/// driver (most drivers), and stops after 100 steps, or once NPV is within 0.0001 of zero
/// or the bracket is narrower than 1e-12 of the range. When NPV changes sign more than
/// once across the range, this finds one of the roots.
pub fn break_even(inputs: &Inputs, field: Field) -> Result<BreakEven, ModelError> {
    let runner = Runner::new(inputs)?;
    let (min, max) = field.range();
    let (mut a, mut b) = (f64::of(min), f64::of(max));
    let (mut fa, mut fb) = (runner.npv_with(field, a)?, runner.npv_with(field, b)?);
    if fa == 0.0 {
        return Ok(BreakEven::At(min));
    }
    if fb == 0.0 {
        return Ok(BreakEven::At(max));
    }
    if fa.is_sign_negative() == fb.is_sign_negative() {
        return Ok(BreakEven::NoneInRange);
    }
    let width_floor = (b - a) * 1e-12;
    let mut x = a;
    let mut last_side = 0i8;
    for _ in 0..100 {
        x = b - fb * (b - a) / (fb - fa);
        if !(x > a && x < b) {
            x = 0.5 * (a + b);
        }
        let fx = runner.npv_with(field, x)?;
        if fx.abs() <= 1e-4 || b - a <= width_floor {
            break;
        }
        // Keep the bracket; halve the stale end's value when the same end moves twice
        // (the Illinois step that stops regula falsi from stalling).
        if fx.is_sign_negative() == fb.is_sign_negative() {
            (b, fb) = (x, fx);
            if last_side == 1 {
                fa *= 0.5;
            }
            last_side = 1;
        } else {
            (a, fa) = (x, fx);
            if last_side == -1 {
                fb *= 0.5;
            }
            last_side = -1;
        }
    }
    Ok(BreakEven::At(field.clamp(x.to_decimal()?)))
}
