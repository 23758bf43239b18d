//! The draws: a per-(trial, field) generator, uniform variates, PERT's tabulated CDF,
//! and each driver's distribution (see the [module docs](super)).

use super::{DriverRange, Shape};
use crate::engine::money::Num;
use rust_decimal::Decimal;
use std::sync::Arc;

/// 2⁻⁵³: a 53-bit integer times this is a double in [0, 1).
const UNIT: f64 = 1.0 / 9_007_199_254_740_992.0;

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

/// PCG-64's multiplier (O'Neill 2014; `rand_pcg`'s), as its high and low 64 bits.
const PCG_MULTIPLIER: (u64, u64) = (0x2360_ED05_1FC6_5DA4, 0x4385_DF64_9FCC_F645);

/// The high 64 bits of the 128-bit product a × b.
#[cfg(not(target_arch = "wasm32"))]
#[inline(always)]
fn mul_high(a: u64, b: u64) -> u64 {
    ((u128::from(a) * u128::from(b)) >> 64) as u64
}

/// On wasm, [`mul_high_by_halves`]: wasm has no 64-bit high multiply, and a `u128`
/// product there is a call to a whole 128 × 128-bit multiplication (`__multi3`).
#[cfg(target_arch = "wasm32")]
#[inline(always)]
fn mul_high(a: u64, b: u64) -> u64 {
    mul_high_by_halves(a, b)
}

/// The high 64 bits of the 128-bit product a × b, from four 32 × 32-bit products.
#[cfg(any(target_arch = "wasm32", test))]
#[inline(always)]
fn mul_high_by_halves(a: u64, b: u64) -> u64 {
    const LOW: u64 = 0xFFFF_FFFF;
    let (a0, a1, b0, b1) = (a & LOW, a >> 32, b & LOW, b >> 32);
    let (p00, p01, p10, p11) = (a0 * b0, a0 * b1, a1 * b0, a1 * b1);
    // The middle column: at most 3 × (2³² − 1), no overflow.
    let middle = (p00 >> 32) + (p01 & LOW) + (p10 & LOW);
    p11 + (p01 >> 32) + (p10 >> 32) + (middle >> 32)
}

/// The first output of the PCG-64 MCG generator (`rand_pcg::Pcg64Mcg`: 128-bit state,
/// multiplicative, output XSL RR) seeded with the state `high` × 2⁶⁴ + `low`: the state
/// made odd, multiplied by [`PCG_MULTIPLIER`] modulo 2¹²⁸, then its two halves xored
/// and rotated right by its top six bits. Written out on 64-bit halves (the same bits
/// as `rand_pcg`'s, checked in the tests) so a draw needs no 128-bit arithmetic.
#[inline(always)]
fn pcg64_mcg_first(high: u64, low: u64) -> u64 {
    let (m_high, m_low) = PCG_MULTIPLIER;
    let low = low | 1;
    let product_low = low.wrapping_mul(m_low);
    let product_high = mul_high(low, m_low)
        .wrapping_add(low.wrapping_mul(m_high))
        .wrapping_add(high.wrapping_mul(m_low));
    (product_high ^ product_low).rotate_right((product_high >> 58) as u32)
}

/// The uniform in [0, 1) of trial `trial` for the driver whose key is `key`: the first
/// output of its own generator, seeded with (h, s(h)), h = s(key ⊕ trial) (see the
/// [module docs](super)).
#[inline(always)]
pub(super) fn uniform(key: u64, trial: u64) -> f64 {
    let h = splitmix64(key ^ trial);
    unit_of(pcg64_mcg_first(h, splitmix64(h)))
}

/// Bins of a PERT driver's tabulated distribution: its CDF is known exactly (up to the
/// trapezoid rule) at 1,025 evenly spaced points of 0–1 and linear in between, which
/// keeps it within 10⁻⁴ of the Beta's (checked in the tests) while a draw costs
/// one uniform and a look-up ([`Tabulated`]).
pub(super) const PERT_BINS: usize = 1024;

/// The CDF of Beta(α, β), α, β ≥ 1, at z = i ÷ [`PERT_BINS`] for i = 0..=PERT_BINS:
/// 0 at z = 0, then the running trapezoid-rule integral of the density
/// z^(α−1) (1 − z)^(β−1), divided by its total so that it ends at exactly 1.
///
/// The powers are `libm::pow` (pure Rust, the same code on every target), so the table,
/// and every draw from it, is bit-identical on every IEEE 754 target. With α, β ≥ 1 the
/// density is finite everywhere, so every step is finite and the table never decreases.
/// `None` if it ever came out otherwise (not reached by shapes within 1–5).
pub(super) fn beta_cdf_table(alpha: f64, beta: f64) -> Option<Vec<f64>> {
    let density = |z: f64| libm::pow(z, alpha - 1.0) * libm::pow(1.0 - z, beta - 1.0);
    let bins = PERT_BINS as f64;
    let mut table = Vec::with_capacity(PERT_BINS + 1);
    let (mut total, mut left) = (0.0, density(0.0));
    table.push(0.0);
    for i in 1..=PERT_BINS {
        let right = density(i as f64 / bins);
        total += (left + right) * 0.5;
        table.push(total);
        left = right;
    }
    if !(total.is_finite() && total > 0.0) {
        return None;
    }
    for c in &mut table {
        *c /= total;
    }
    if let Some(last) = table.last_mut() {
        *last = 1.0;
    }
    Some(table)
}

/// The last bin i (of the table's, 0 ≤ i < bins) whose left end's CDF is ≤ `u`, by
/// bisection.
fn last_at_or_below(table: &[f64], u: f64) -> usize {
    let bins = table.len().saturating_sub(1);
    table
        .partition_point(|&c| c <= u)
        .saturating_sub(1)
        .min(bins.saturating_sub(1))
}

/// Slices of u in a [`Tabulated`]'s guide table: four per bin, so a draw's walk from
/// its slice's bin to its own is about a quarter of a step on average.
const GUIDE_SLICES: usize = 4 * PERT_BINS;

/// A tabulated CDF (from [`beta_cdf_table`], [`PERT_BINS`] bins) ready to invert, with a
/// guide table (Chen & Asau 1974, "On generating random variates from an empirical
/// distribution"; Devroye 1986, § III.2.4): for each of [`GUIDE_SLICES`] equal slices of
/// u, the bin of the slice's lower end. A draw starts there and steps up, a quarter of a
/// comparison on average whatever the shape, where bisection took ten dependent loads
/// from a table that, for 45 drivers, does not stay in the nearest cache: the bisection
/// cost as much as the gamma draws it replaced. Both find the same bin, so the draws are
/// the same.
#[derive(Debug)]
pub(super) struct Tabulated {
    cdf: Vec<f64>,
    guide: Vec<u16>,
}

impl Tabulated {
    /// `None` unless `cdf` has [`PERT_BINS`] + 1 points.
    pub(super) fn new(cdf: Vec<f64>) -> Option<Tabulated> {
        if cdf.len() != PERT_BINS + 1 {
            return None;
        }
        let guide = (0..GUIDE_SLICES)
            .map(|j| last_at_or_below(&cdf, j as f64 / GUIDE_SLICES as f64) as u16)
            .collect();
        Some(Tabulated { cdf, guide })
    }

    /// The last bin whose left end's CDF is ≤ u, as [`last_at_or_below`]: the guide's
    /// start, for the slice ⌊u × slices⌋ ÷ slices ≤ u (exact: the slices are a power of
    /// two), is at or before it, and the CDF never decreases, so stepping up while the
    /// next bin's left end is ≤ u ends on it.
    #[inline(always)]
    fn bin(&self, u: f64) -> usize {
        let slice = (u * GUIDE_SLICES as f64) as usize;
        let mut i = self.guide.get(slice).map_or(0, |&b| usize::from(b));
        while i + 1 < PERT_BINS && self.cdf.get(i + 1).is_some_and(|&c| c <= u) {
            i += 1;
        }
        i
    }

    /// The draw in 0–1 for a uniform `u` in [0, 1): the inverse of the CDF that is the
    /// table at its points and linear in between (inversion, Devroye, *Non-Uniform Random
    /// Variate Generation*, 1986, § II.2). A bin with no mass (never chosen but by a u on
    /// its edge) gives its left end.
    #[inline(always)]
    fn invert(&self, u: f64) -> f64 {
        let i = self.bin(u);
        let (Some(&below), Some(&above)) = (self.cdf.get(i), self.cdf.get(i + 1)) else {
            return 0.5;
        };
        let within = if above > below {
            ((u - below) / (above - below)).clamp(0.0, 1.0)
        } else {
            0.0
        };
        // Over a power of two: exact, the same as a product by its inverse.
        (i as f64 + within) / PERT_BINS as f64
    }
}

/// How one driver is drawn, in `f64`.
#[derive(Debug, Clone)]
pub(super) enum Draw {
    /// The same value in every trial.
    Point(f64),
    /// Triangular(low, mode, high), low < high.
    Triangular { low: f64, mode: f64, high: f64 },
    /// low + (high − low) × Beta(α, β), low < high, Beta's CDF tabulated
    /// ([`beta_cdf_table`]).
    Pert {
        low: f64,
        high: f64,
        table: Arc<Tabulated>,
    },
}

impl Draw {
    /// How `range` is drawn around `likely`; `tables` keeps the PERT tables made so far
    /// by (α, β), since default ranges share a handful of shapes.
    pub(super) fn new(
        range: &DriverRange,
        likely: Decimal,
        tables: &mut Vec<((u64, u64), Arc<Tabulated>)>,
    ) -> Draw {
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
                let (alpha, beta) = (1.0 + 4.0 * share, 1.0 + 4.0 * (1.0 - share));
                let key = (alpha.to_bits(), beta.to_bits());
                let table = match tables.iter().find(|(k, _)| *k == key) {
                    Some((_, table)) => Arc::clone(table),
                    None => match beta_cdf_table(alpha, beta).and_then(Tabulated::new) {
                        Some(table) => {
                            let table = Arc::new(table);
                            tables.push((key, Arc::clone(&table)));
                            table
                        }
                        // Not reached (shapes within 1–5): the likely value every time.
                        None => return Draw::Point(mode),
                    },
                };
                Draw::Pert { low, high, table }
            }
        }
    }

    /// The draws of trials `trials` for the driver whose generators derive from `key`
    /// ([`uniform`]), appended to `out` in trial order: one driver at a time, so its
    /// table stays in the nearest cache and the loop has no branch on the shape.
    pub(super) fn fill(&self, key: u64, trials: std::ops::Range<u64>, out: &mut Vec<f64>) {
        match *self {
            Draw::Point(x) => out.extend(trials.map(|_| x)),
            Draw::Triangular { low, mode, high } => out.extend(trials.map(|t| {
                let u = uniform(key, t);
                let width = high - low;
                let x = if u * width < mode - low {
                    low + (u * width * (mode - low)).sqrt()
                } else {
                    high - ((1.0 - u) * width * (high - mode)).sqrt()
                };
                x.max(low).min(high)
            })),
            Draw::Pert {
                low,
                high,
                ref table,
            } => out.extend(trials.map(|t| {
                let b = table.invert(uniform(key, t));
                (low + (high - low) * b).max(low).min(high)
            })),
        }
    }

    pub(super) fn is_point(&self) -> bool {
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
    fn the_written_out_generator_is_rand_pcg() {
        // `pcg64_mcg_first` against `rand_pcg::Pcg64Mcg` itself (whose own tests check it
        // against the reference implementation), on the draws' seeds and on the extreme
        // halves; and the high product against u128 arithmetic.
        use rand_pcg::rand_core::RngCore;
        use rand_pcg::Pcg64Mcg;
        let mut seeds: Vec<(u64, u64)> = (0..20_000u64)
            .map(|t| {
                let h = splitmix64(splitmix64(splitmix64(15) ^ 7) ^ t);
                (h, splitmix64(h))
            })
            .collect();
        for a in [
            0,
            1,
            2,
            u64::MAX - 1,
            u64::MAX,
            1 << 63,
            (1 << 32) - 1,
            1 << 32,
        ] {
            for b in [0, 1, u64::MAX, 1 << 63, (1 << 32) + 1] {
                seeds.push((a, b));
                let wide = ((u128::from(a) * u128::from(b)) >> 64) as u64;
                assert_eq!((mul_high(a, b), mul_high_by_halves(a, b)), (wide, wide));
            }
        }
        for (high, low) in seeds {
            let mut rng = Pcg64Mcg::new((u128::from(high) << 64) | u128::from(low));
            assert_eq!(pcg64_mcg_first(high, low), rng.next_u64(), "{high} {low}");
        }
    }

    #[test]
    fn uniforms_stay_in_their_interval() {
        // The extreme outputs 0 and 2⁶⁴ − 1 give 0 and 1 − 2⁻⁵³: by hand from the
        // formula.
        let half_ulp = 1.0 / 9_007_199_254_740_992.0;
        assert_eq!(unit_of(0), 0.0);
        assert_eq!(unit_of(u64::MAX), 1.0 - half_ulp);
    }

    /// A closed-form CDF.
    type Cdf = fn(f64) -> f64;

    /// The CDF the table's draws follow at z: the table, linear between its points.
    fn cdf_of(table: &[f64], z: f64) -> f64 {
        let at = z * PERT_BINS as f64;
        let i = (at as usize).min(PERT_BINS - 1);
        table[i] + (table[i + 1] - table[i]) * (at - i as f64)
    }

    fn largest_gap(alpha: f64, beta: f64, exact: impl Fn(f64) -> f64, points: &[f64]) -> f64 {
        let table = beta_cdf_table(alpha, beta).unwrap();
        assert_eq!((table[0], table[PERT_BINS]), (0.0, 1.0));
        assert!(table.windows(2).all(|w| w[0] <= w[1]));
        points
            .iter()
            .map(|&z| (cdf_of(&table, z) - exact(z)).abs())
            .fold(0.0, f64::max)
    }

    #[test]
    fn tabulated_cdf_is_the_beta_cdf_within_1e_4() {
        // Integer shapes, by hand (the regularised incomplete beta's binomial sum):
        // I_z(2, 4) = 1 − (1 − z)⁵ − 5z(1 − z)⁴; I_z(1, 5) = 1 − (1 − z)⁵;
        // I_z(3, 3) = 10z³ − 15z⁴ + 6z⁵. Checked between the table's points too. With
        // α < 2 the density's slope is unbounded at 0, where the trapezoid rule is least
        // exact: 6.5 × 10⁻⁵ for α = 1.5, 10⁻⁵ or less for integer shapes.
        let points: Vec<f64> = (0..=4000).map(|k| k as f64 / 4000.0).collect();
        let cases: [(f64, f64, Cdf); 4] = [
            (2.0, 4.0, |z| {
                1.0 - (1.0 - z).powi(5) - 5.0 * z * (1.0 - z).powi(4)
            }),
            (1.0, 5.0, |z| 1.0 - (1.0 - z).powi(5)),
            (5.0, 1.0, |z| z.powi(5)),
            (3.0, 3.0, |z| {
                10.0 * z.powi(3) - 15.0 * z.powi(4) + 6.0 * z.powi(5)
            }),
        ];
        for (alpha, beta, exact) in cases {
            let gap = largest_gap(alpha, beta, exact, &points);
            assert!(gap < 1e-5, "Beta({alpha}, {beta}): {gap}");
        }
        // Non-integer shapes (PERT(2, 3, 10): α = 1.5, β = 4.5), scipy.stats.beta.cdf
        // from the fixture (tests/fixtures/make_risk_golden.py).
        let golden: serde_json::Value =
            serde_json::from_str(include_str!("../../../tests/fixtures/risk_golden.json")).unwrap();
        let case = &golden["pert_cdf"];
        let floats = |v: &serde_json::Value| -> Vec<f64> {
            v.as_array()
                .unwrap()
                .iter()
                .map(|x| x.as_f64().unwrap())
                .collect()
        };
        let (points, cdf) = (floats(&case["points"]), floats(&case["cdf"]));
        let (alpha, beta) = (
            case["alpha"].as_f64().unwrap(),
            case["beta"].as_f64().unwrap(),
        );
        let z: Vec<f64> = points.iter().map(|x| (x - 2.0) / 8.0).collect();
        let exact = |q: f64| cdf[z.iter().position(|&p| p == q).unwrap()];
        let gap = largest_gap(alpha, beta, exact, &z);
        assert!(gap < 1e-4, "Beta({alpha}, {beta}): {gap}");
    }

    #[test]
    fn inversion_undoes_the_tabulated_cdf() {
        // invert(F(z)) = z for the table's own CDF F, up to rounding (which matters most
        // in the flat tail, where F barely moves); u = 0 gives 0.
        let table = Tabulated::new(beta_cdf_table(1.5, 4.5).unwrap()).unwrap();
        assert_eq!(table.invert(0.0), 0.0);
        for k in 1..1000 {
            let z = k as f64 / 1000.0;
            let back = table.invert(cdf_of(&table.cdf, z));
            assert!((back - z).abs() < 1e-8, "{z} → {back}");
        }
        assert!(table.invert(1.0 - 1.0 / 9_007_199_254_740_992.0) <= 1.0);
    }

    #[test]
    fn the_guide_finds_the_bin_bisection_finds() {
        // Every slice edge, the table's own values and their neighbours, and a sweep of u,
        // for the steepest shapes (mass piled at one end: long walks) and a symmetric one.
        for (alpha, beta) in [(5.0, 1.0), (1.0, 5.0), (3.0, 3.0), (1.5, 4.5)] {
            let table = Tabulated::new(beta_cdf_table(alpha, beta).unwrap()).unwrap();
            let edges = (0..GUIDE_SLICES).map(|j| j as f64 / GUIDE_SLICES as f64);
            let values = table
                .cdf
                .iter()
                .flat_map(|&c| [c.next_down(), c, c.next_up()]);
            let sweep = (0..100_000).map(|k| k as f64 / 100_000.0);
            for u in edges
                .chain(values)
                .chain(sweep)
                .filter(|u| (0.0..1.0).contains(u))
            {
                assert_eq!(table.bin(u), last_at_or_below(&table.cdf, u), "{u}");
            }
        }
    }
}
