//! The standard normal distribution and the chi-square tail the A/B figures need, on the
//! pure-Rust `libm` so every target computes the same digits (see the parent module).

use super::AbError;

/// Φ(x), the standard normal CDF: `erfc(−x ÷ √2) ÷ 2`, accurate in both tails.
pub fn normal_cdf(x: f64) -> f64 {
    0.5 * libm::erfc(-x / core::f64::consts::SQRT_2)
}

/// Φ⁻¹(p) for `p` strictly between 0 and 1 (`None` otherwise, NaN included): Wichura's
/// algorithm AS241, PPND16 (*Applied Statistics* 37, 1988, 477–484), accurate to about
/// 1 part in 10¹⁶. Tested against `scipy.stats.norm.ppf` to 1e-13 relative.
// The coefficients are written as published, digit for digit, so that they can be checked
// against the paper; the compiler rounds each to the nearest f64.
#[allow(clippy::excessive_precision)]
pub fn normal_quantile(p: f64) -> Option<f64> {
    if !(p > 0.0 && p < 1.0) {
        return None;
    }
    const A: [f64; 8] = [
        3.387_132_872_796_366_608,
        1.331_416_678_917_843_774_5e2,
        1.971_590_950_306_551_442_7e3,
        1.373_169_376_550_946_112_5e4,
        4.592_195_393_154_987_145_7e4,
        6.726_577_092_700_870_085_3e4,
        3.343_057_558_358_812_810_5e4,
        2.509_080_928_730_122_672_7e3,
    ];
    const B: [f64; 8] = [
        1.0,
        4.231_333_070_160_091_125_2e1,
        6.871_870_074_920_579_083e2,
        5.394_196_021_424_751_107_7e3,
        2.121_379_430_158_659_586_7e4,
        3.930_789_580_009_271_061e4,
        2.872_908_573_572_194_267_4e4,
        5.226_495_278_852_854_561e3,
    ];
    const C: [f64; 8] = [
        1.423_437_110_749_683_577_34,
        4.630_337_846_156_545_295_9,
        5.769_497_221_460_691_405_5,
        3.647_848_324_763_204_605_04,
        1.270_458_252_452_368_382_58,
        2.417_807_251_774_506_117_7e-1,
        2.272_384_498_926_918_458_33e-2,
        7.745_450_142_783_414_076_4e-4,
    ];
    const D: [f64; 8] = [
        1.0,
        2.053_191_626_637_758_821_87,
        1.676_384_830_183_803_849_4,
        6.897_673_349_851_000_045_5e-1,
        1.481_039_764_274_800_745_9e-1,
        1.519_866_656_361_645_719_66e-2,
        5.475_938_084_995_344_946e-4,
        1.050_750_071_644_416_843_24e-9,
    ];
    const E: [f64; 8] = [
        6.657_904_643_501_103_777_2,
        5.463_784_911_164_114_369_9,
        1.784_826_539_917_291_335_8,
        2.965_605_718_285_048_912_3e-1,
        2.653_218_952_657_612_309_3e-2,
        1.242_660_947_388_078_438_6e-3,
        2.711_555_568_743_487_578_15e-5,
        2.010_334_399_292_288_132_65e-7,
    ];
    const F: [f64; 8] = [
        1.0,
        5.998_322_065_558_879_376_9e-1,
        1.369_298_809_227_358_053_1e-1,
        1.487_536_129_085_061_485_25e-2,
        7.868_691_311_456_132_591e-4,
        1.846_318_317_510_054_681_8e-5,
        1.421_511_758_316_445_888_7e-7,
        2.044_263_103_389_939_785_64e-15,
    ];
    /// `c[0] + c[1] x + … + c[7] x⁷`, by Horner's rule.
    fn poly(c: &[f64; 8], x: f64) -> f64 {
        c.iter().rev().fold(0.0, |acc, &k| acc * x + k)
    }
    let q = p - 0.5;
    if q.abs() <= 0.425 {
        let r = 0.180_625 - q * q;
        return Some(q * poly(&A, r) / poly(&B, r));
    }
    let tail = if q < 0.0 { p } else { 1.0 - p };
    let mut r = libm::sqrt(-libm::log(tail));
    let x = if r <= 5.0 {
        r -= 1.6;
        poly(&C, r) / poly(&D, r)
    } else {
        r -= 5.0;
        poly(&E, r) / poly(&F, r)
    };
    Some(if q < 0.0 { -x } else { x })
}

/// z_{1−q}, the upper-`q` point: `−Φ⁻¹(q)`, computed from the small tail for accuracy.
pub(super) fn upper_point(q: f64) -> Result<f64, AbError> {
    normal_quantile(q).map(|x| -x).ok_or(AbError::NotFinite)
}

/// The p-value of a chi-square statistic with 1 degree of freedom: `erfc(√(x ÷ 2))`.
pub fn chi_square_1_p_value(x: f64) -> f64 {
    libm::erfc(libm::sqrt(x.max(0.0) / 2.0))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quantile_inverts_the_cdf() {
        for &p in &[1e-12, 0.001, 0.025, 0.3, 0.5, 0.7, 0.975, 0.999] {
            let x = normal_quantile(p).unwrap();
            assert!((normal_cdf(x) - p).abs() <= 1e-14 * p.max(1e-3), "{p}");
        }
        assert_eq!(normal_quantile(0.5), Some(0.0));
        assert_eq!(normal_quantile(0.0), None);
        assert_eq!(normal_quantile(1.0), None);
        assert_eq!(normal_quantile(f64::NAN), None);
    }

    #[test]
    fn chi_square_of_a_squared_normal() {
        // χ²₁ = Z², so P(χ² > z²) = 2 (1 − Φ(z)).
        let z: f64 = 1.959_963_984_540_054;
        assert!((chi_square_1_p_value(z * z) - 0.05).abs() < 1e-15);
        assert_eq!(chi_square_1_p_value(0.0), 1.0);
    }
}
