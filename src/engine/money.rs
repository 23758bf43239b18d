//! Checked `Decimal` arithmetic and the rounding rule.
//!
//! `rust_decimal`'s operators panic on overflow and on division by zero, and in wasm a
//! panic kills the whole app. Everything that user input, a stored scenario or a share
//! link can reach goes through these helpers instead, which turn both cases into
//! [`Overflow`].
//!
//! **Rounding rule.** The engine never rounds: every figure keeps the full precision of
//! `Decimal` (28 significant digits). Rounding happens once, at display, to the currency's
//! minor unit (or to the number of decimals shown for a rate), half away from zero.
//! [`round_for_display`] is that rule, for callers that format outside the browser.

use rust_decimal::prelude::*;
use std::fmt;

/// An amount so large (or a divisor of zero) that exact arithmetic cannot go on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Overflow;

/// Result of a checked operation.
pub type Checked<T = Decimal> = Result<T, Overflow>;

/// `a + b`, or [`Overflow`].
pub fn add(a: Decimal, b: Decimal) -> Checked {
    a.checked_add(b).ok_or(Overflow)
}

/// `a - b`, or [`Overflow`].
pub fn sub(a: Decimal, b: Decimal) -> Checked {
    a.checked_sub(b).ok_or(Overflow)
}

/// `a × b`, or [`Overflow`].
pub fn mul(a: Decimal, b: Decimal) -> Checked {
    a.checked_mul(b).ok_or(Overflow)
}

/// `a ÷ b`, or [`Overflow`] when `b` is zero or the quotient does not fit.
pub fn div(a: Decimal, b: Decimal) -> Checked {
    a.checked_div(b).ok_or(Overflow)
}

/// The sum of all terms, checked.
pub fn sum(terms: impl IntoIterator<Item = Decimal>) -> Checked {
    terms.into_iter().try_fold(Decimal::ZERO, add)
}

/// `p` percent as a fraction: `pct(12.5) = 0.125`.
pub fn pct(p: Decimal) -> Decimal {
    // Dividing by 100 only moves the decimal point; it cannot overflow for any Decimal
    // whose scale is below 27, which the input ranges guarantee. Fall back to a checked
    // division for the remaining case.
    p.checked_div(Decimal::ONE_HUNDRED).unwrap_or(Decimal::ZERO)
}

/// The display rounding rule: `dp` decimals, half away from zero.
pub fn round_for_display(value: Decimal, dp: u32) -> Decimal {
    value.round_dp_with_strategy(dp, RoundingStrategy::MidpointAwayFromZero)
}

/// A `Decimal` as `f64`, for chart coordinates only (precision does not matter there).
pub fn to_f64(value: Decimal) -> f64 {
    value.to_f64().unwrap_or(0.0)
}

/// The arithmetic the model needs, so the same formulas run exactly on [`Decimal`] (every
/// figure shown) and fast on `f64` (sensitivity and break-even, which re-run the model
/// dozens of times and feed a chart or a value rounded for display). Both fail with
/// [`Overflow`] instead of panicking or producing NaN or infinity.
pub trait Num: Copy + PartialOrd + fmt::Debug {
    /// Zero.
    const ZERO: Self;
    /// One.
    const ONE: Self;
    /// The value of a `Decimal` input.
    fn of(value: Decimal) -> Self;
    /// A small whole number (cheap: no conversion from `Decimal`).
    fn int(value: i32) -> Self;
    /// Back to `Decimal` (exact for `Decimal`; `f64` results are rounded to 10 places).
    fn to_decimal(self) -> Checked;
    /// `self + other`, checked.
    fn plus(self, other: Self) -> Checked<Self>;
    /// `self - other`, checked.
    fn minus(self, other: Self) -> Checked<Self>;
    /// `self × other`, checked.
    fn times(self, other: Self) -> Checked<Self>;
    /// `self ÷ other`, checked.
    fn over(self, other: Self) -> Checked<Self>;
    /// Whether the value is below zero.
    fn is_negative(self) -> bool {
        self < Self::ZERO
    }
}

impl Num for Decimal {
    const ZERO: Self = Decimal::ZERO;
    const ONE: Self = Decimal::ONE;
    fn of(value: Decimal) -> Self {
        value
    }
    fn int(value: i32) -> Self {
        Decimal::from(value)
    }
    fn to_decimal(self) -> Checked {
        Ok(self)
    }
    fn plus(self, other: Self) -> Checked<Self> {
        add(self, other)
    }
    fn minus(self, other: Self) -> Checked<Self> {
        sub(self, other)
    }
    fn times(self, other: Self) -> Checked<Self> {
        mul(self, other)
    }
    fn over(self, other: Self) -> Checked<Self> {
        div(self, other)
    }
}

fn finite(value: f64) -> Checked<f64> {
    if value.is_finite() {
        Ok(value)
    } else {
        Err(Overflow)
    }
}

impl Num for f64 {
    const ZERO: Self = 0.0;
    const ONE: Self = 1.0;
    fn of(value: Decimal) -> Self {
        to_f64(value)
    }
    fn int(value: i32) -> Self {
        f64::from(value)
    }
    fn to_decimal(self) -> Checked {
        Decimal::from_f64(self)
            .map(|d| d.round_dp(10))
            .ok_or(Overflow)
    }
    fn plus(self, other: Self) -> Checked<Self> {
        finite(self + other)
    }
    fn minus(self, other: Self) -> Checked<Self> {
        finite(self - other)
    }
    fn times(self, other: Self) -> Checked<Self> {
        finite(self * other)
    }
    fn over(self, other: Self) -> Checked<Self> {
        if other == 0.0 {
            Err(Overflow)
        } else {
            finite(self / other)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn overflow_and_zero_division_are_errors_not_panics() {
        assert_eq!(mul(Decimal::MAX, Decimal::TWO), Err(Overflow));
        assert_eq!(add(Decimal::MAX, Decimal::ONE), Err(Overflow));
        assert_eq!(div(Decimal::ONE, Decimal::ZERO), Err(Overflow));
    }

    #[test]
    fn percent_as_a_fraction() {
        assert_eq!(pct(Decimal::new(125, 1)), Decimal::new(125, 3));
    }

    #[test]
    fn display_rounding_is_half_away_from_zero() {
        assert_eq!(
            round_for_display(Decimal::new(2345, 3), 2),
            Decimal::new(235, 2)
        );
        assert_eq!(
            round_for_display(Decimal::new(-2345, 3), 2),
            Decimal::new(-235, 2)
        );
        assert_eq!(
            round_for_display(Decimal::new(2344, 3), 2),
            Decimal::new(234, 2)
        );
    }
}
