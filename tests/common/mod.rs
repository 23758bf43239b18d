//! Helpers shared by the native test files (`mod common;` in each). Each file uses only
//! some of them, so unused ones are allowed here.
#![allow(dead_code)]

pub mod codec;
pub mod kpi;
pub mod measure;

use proptest::prelude::*;
use rust_decimal::Decimal;

/// Non-negative decimals: mostly small counts and amounts, with zero, huge values of any
/// scale and `Decimal::MAX` mixed in to reach the overflow paths.
pub fn non_negative() -> impl Strategy<Value = Decimal> {
    prop_oneof![
        4 => (0i64..1_000_000, 0u32..4).prop_map(|(m, s)| Decimal::new(m, s)),
        1 => Just(Decimal::ZERO),
        1 => Just(Decimal::MAX),
        2 => (any::<u32>(), any::<u32>(), any::<u32>(), 0u32..=28)
            .prop_map(|(lo, mid, hi, s)| Decimal::from_parts(lo, mid, hi, false, s)),
    ]
}
