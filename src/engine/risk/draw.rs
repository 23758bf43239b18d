//! The draws: a per-(trial, field) generator, uniform, normal and gamma variates, and
//! each driver's distribution (see the [module docs](super)).

use super::{DriverRange, Shape};
use crate::engine::money::Num;
use rand_pcg::rand_core::RngCore;
use rand_pcg::Pcg64Mcg;
use rust_decimal::Decimal;

/// 2⁻⁵³: a 53-bit integer times this is a double in [0, 1).
const UNIT: f64 = 1.0 / 9_007_199_254_740_992.0;

/// Rejection loops give up after this many tries (each accepts with probability above
/// π/4, so this is never reached in practice) and return the distribution's mean, so
/// that no input can make a draw loop for ever.
const MAX_TRIES: usize = 1_000;

/// The SplitMix64 step (Steele, Lea & Flood 2014): a bijection of u64 that mixes well.
pub(super) fn splitmix64(x: u64) -> u64 {
    let mut z = x.wrapping_add(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// A double in [0, 1) from 64 random bits: the top 53 × 2⁻⁵³.
fn unit_of(bits: u64) -> f64 {
    (bits >> 11) as f64 * UNIT
}

/// A double in (0, 1) from 64 random bits: the top 52 and a half, × 2⁻⁵² (with 53
/// bits the largest, 2⁵³ − ½, would round to 2⁵³ and give 1).
fn open_unit_of(bits: u64) -> f64 {
    ((bits >> 12) as f64 + 0.5) * (2.0 * UNIT)
}

/// A uniform double in [0, 1).
fn unit(rng: &mut Pcg64Mcg) -> f64 {
    unit_of(rng.next_u64())
}

/// A uniform double in (0, 1).
fn open_unit(rng: &mut Pcg64Mcg) -> f64 {
    open_unit_of(rng.next_u64())
}

/// A standard normal draw by Marsaglia's polar method.
fn normal(rng: &mut Pcg64Mcg) -> f64 {
    for _ in 0..MAX_TRIES {
        let u = 2.0 * unit(rng) - 1.0;
        let v = 2.0 * unit(rng) - 1.0;
        let s = u * u + v * v;
        if s > 0.0 && s < 1.0 {
            return u * (-2.0 * libm::log(s) / s).sqrt();
        }
    }
    0.0
}

/// Gamma(shape, 1) for shape ≥ 1 by Marsaglia & Tsang (2000): d = shape − 1/3,
/// c = 1 ÷ √(9d); accept d·v, v = (1 + c·x)³, x normal, when u < 1 − 0.0331 x⁴ or
/// ln u < x²/2 + d (1 − v + ln v).
#[derive(Debug, Clone, Copy)]
pub(super) struct Gamma {
    d: f64,
    c: f64,
}

impl Gamma {
    fn new(shape: f64) -> Self {
        let d = shape - 1.0 / 3.0;
        Gamma {
            d,
            c: 1.0 / (9.0 * d).sqrt(),
        }
    }

    fn draw(self, rng: &mut Pcg64Mcg) -> f64 {
        for _ in 0..MAX_TRIES {
            let x = normal(rng);
            let v = 1.0 + self.c * x;
            if v <= 0.0 {
                continue;
            }
            let v = v * v * v;
            let u = open_unit(rng);
            let x2 = x * x;
            if u < 1.0 - 0.0331 * x2 * x2
                || libm::log(u) < 0.5 * x2 + self.d * (1.0 - v + libm::log(v))
            {
                return self.d * v;
            }
        }
        self.d + 1.0 / 3.0
    }
}

/// How one driver is drawn, in `f64`.
#[derive(Debug, Clone, Copy)]
pub(super) enum Draw {
    /// The same value in every trial.
    Point(f64),
    /// Triangular(low, mode, high), low < high.
    Triangular { low: f64, mode: f64, high: f64 },
    /// low + (high − low) × Beta(α, β), low < high.
    Pert {
        low: f64,
        high: f64,
        alpha: Gamma,
        beta: Gamma,
    },
}

impl Draw {
    pub(super) fn new(range: &DriverRange, likely: Decimal) -> Draw {
        let (low, mode, high) = (f64::of(range.low), f64::of(likely), f64::of(range.high));
        let width = high - low;
        if !(width > 0.0 && width.is_finite()) {
            return Draw::Point(mode);
        }
        let mode = mode.max(low).min(high);
        match range.shape {
            Shape::Triangular => Draw::Triangular { low, mode, high },
            Shape::Pert => {
                let share = ((mode - low) / width).clamp(0.0, 1.0);
                Draw::Pert {
                    low,
                    high,
                    alpha: Gamma::new(1.0 + 4.0 * share),
                    beta: Gamma::new(1.0 + 4.0 * (1.0 - share)),
                }
            }
        }
    }

    pub(super) fn sample(self, rng: &mut Pcg64Mcg) -> f64 {
        match self {
            Draw::Point(x) => x,
            Draw::Triangular { low, mode, high } => {
                let u = unit(rng);
                let width = high - low;
                let x = if u * width < mode - low {
                    low + (u * width * (mode - low)).sqrt()
                } else {
                    high - ((1.0 - u) * width * (high - mode)).sqrt()
                };
                x.max(low).min(high)
            }
            Draw::Pert {
                low,
                high,
                alpha,
                beta,
            } => {
                let x = alpha.draw(rng);
                let y = beta.draw(rng);
                let b = x / (x + y);
                let b = if b.is_finite() { b } else { 0.5 };
                (low + (high - low) * b).max(low).min(high)
            }
        }
    }

    pub(super) fn is_point(self) -> bool {
        matches!(self, Draw::Point(_))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splitmix64_is_the_reference_generator() {
        // Rosetta Code, "Pseudo-random numbers/Splitmix64": the first five outputs of the
        // generator seeded with 1234567. Output k mixes seed + k × 0x9E3779B97F4A7C15,
        // which is `splitmix64(seed + (k − 1) × 0x9E3779B97F4A7C15)` here.
        let expected: [u64; 5] = [
            6457827717110365317,
            3203168211198807973,
            9817491932198370423,
            4593380528125082431,
            16408922859458223821,
        ];
        for (k, &want) in expected.iter().enumerate() {
            let state = 1_234_567u64.wrapping_add((k as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15));
            assert_eq!(splitmix64(state), want, "output {}", k + 1);
        }
    }

    #[test]
    fn uniforms_stay_in_their_intervals() {
        // The extreme outputs 0 and 2⁶⁴ − 1 give 0 and 1 − 2⁻⁵³ (unit), 2⁻⁵³ and
        // 1 − 2⁻⁵³ (open unit): by hand from the formulas.
        let half_ulp = 1.0 / 9_007_199_254_740_992.0;
        assert_eq!(unit_of(0), 0.0);
        assert_eq!(unit_of(u64::MAX), 1.0 - half_ulp);
        assert_eq!(open_unit_of(0), half_ulp);
        assert_eq!(open_unit_of(u64::MAX), 1.0 - half_ulp);
    }
}
