//! Rates of return of a series of yearly cash flows: every IRR, the IRR when it is
//! unique, and the MIRR. Apart from `finance` (discounting, NPV, payback) because the
//! root search is its own piece of numerics, run only where a rate is shown.
//!
//! A series is `flows[0]` (the initial investment, "year 0", now) followed by one flow
//! per year, each assumed to fall at the end of its year, as in [`super::finance`].

use super::money;
use rust_decimal::prelude::*;

/// Lowest rate (a fraction) searched for an IRR: −99.99 %.
const IRR_LOWEST: f64 = -0.9999;
/// Highest rate (a fraction) searched for an IRR: 1,000,000 %.
const IRR_HIGHEST: f64 = 10_000.0;
/// Grid points per doubling of `1 + rate` in the IRR search.
const IRR_STEPS_PER_DOUBLING: i32 = 256;
/// The IRR grid's interior points are `2^(k / 256) − 1` for `|k| ≤ 3401`: the widest
/// range strictly inside −99.99 % … 1,000,000 % (`2^(±3402/256)` falls outside; a unit
/// test checks both).
const IRR_GRID_K: i32 = 3401;

/// Every internal rate of return: each rate (a fraction) between −99.99 % and
/// 1,000,000 % at which [`npv`](super::finance::npv) is zero, ascending, rounded to 10 places.
///
/// Empty when the flows never change sign (no rate can make them net to zero), when they
/// are empty or all zero, and when no root lies in the range.
///
/// With `x = 1 / (1 + rate)` the NPV is the polynomial `Σ flows[t] xᵗ`, so the search
/// runs on a grid evenly spaced in `ln(1 + rate)` (= −ln x): 256 points per doubling of
/// `1 + rate`, 6,805 points over the range, each `1 + rate` about 0.27 % above the one
/// before (near 10 %, a step of 0.3 points). An even spacing in `ln x` treats a root
/// at −90 % (x = 10) and one at 900 % (x = 0.1) alike, where an even spacing in the rate
/// would spend almost every point on huge rates. Rates with `1 + rate` a power of two
/// (0 %, 100 %, −50 %, 300 % …) are exact grid points. Every grid step where the NPV
/// changes sign is bisected (at most 200 halvings, stopping once the bracket is
/// narrower than 1e-12); an NPV exactly zero at a grid point counts as one root there.
/// Roots closer than 1e-9 are merged.
///
/// By Descartes' rule of signs the polynomial has at most as many positive roots `x` as
/// the flows have sign changes (zeros skipped), and that many less an even number, so
/// the search stops once it has found that many. One sign change (an investment, then
/// returns: the usual case) means exactly one positive root, a simple one: it is then
/// bisected over the whole range, without the grid.
///
/// What it cannot find: a root where the NPV touches zero without changing sign (a
/// double root, e.g. −100, 220, −121 at 10 %) unless it falls exactly on a grid point,
/// and two roots inside the same grid step (closer than about 0.27 % in `1 + rate`),
/// where the NPV has the same sign at both ends. It runs in `f64`: an IRR is an estimate
/// to a tolerance, and `f64` carries ample digits for it. It never loops forever: the
/// grid and the halvings are bounded.
pub fn irrs(flows: &[Decimal]) -> Vec<Decimal> {
    let flows: Vec<f64> = flows.iter().map(|&f| money::to_f64(f)).collect();
    let roots = match sign_changes(&flows) {
        0 => Vec::new(),
        1 => only_root(&flows).into_iter().collect(),
        most => grid_roots(&flows, most),
    };
    let mut merged: Vec<f64> = Vec::with_capacity(roots.len());
    for root in roots {
        match merged.last() {
            Some(&last) if root - last < 1e-9 => {}
            _ => merged.push(root),
        }
    }
    let mut rounded: Vec<Decimal> = merged.into_iter().filter_map(fraction_of).collect();
    rounded.dedup();
    rounded
}

/// Internal rate of return: the rate (a fraction) at which [`npv`](super::finance::npv) is zero, when there
/// is exactly one (see [`irrs`] for the range, the method and its limits).
///
/// `None` when there is no root, and also when there are several: flows that change sign
/// more than once can have several IRRs, none of them more "the" IRR than another, so
/// rather than pick one (a spreadsheet's IRR picks the one nearest its guess,
/// numpy-financial the one nearest zero) this says there is no single answer; [`irrs`]
/// lists them and [`mirr`] gives a single rate under stated assumptions. One sign change
/// (an investment, then returns) always has at most one root.
pub fn irr(flows: &[Decimal]) -> Option<Decimal> {
    match irrs(flows).as_slice() {
        [root] => Some(*root),
        _ => None,
    }
}

/// Modified internal rate of return, as a spreadsheet's `MIRR(values; finance_rate;
/// reinvest_rate)` (Excel, LibreOffice Calc) and numpy-financial's `mirr` document it:
/// over `n = flows.len() − 1` years, the negative flows are discounted to year 0 at
/// `finance_rate` (PV), the positive ones compounded to year `n` at `reinvest_rate`
/// (FV), and `MIRR = (FV / −PV)^(1/n) − 1`. Rates are fractions.
///
/// Unlike the IRR it has a single value however often the flows change sign, because it
/// states the rates money is borrowed and reinvested at instead of assuming every flow
/// earns the IRR itself. `None` when there is no
/// positive or no negative flow, when there is a single flow (`n = 0`), when either rate
/// is −100 % or lower (discounting is meaningless there), or when the arithmetic
/// overflows. Computed in `f64` like [`irrs`]; the result is rounded to 10 places.
pub fn mirr(flows: &[Decimal], finance_rate: Decimal, reinvest_rate: Decimal) -> Option<Decimal> {
    let periods = u32::try_from(flows.len().checked_sub(1)?).ok()?;
    let has_positive = flows.iter().any(|&f| f > Decimal::ZERO);
    let has_negative = flows.iter().any(|&f| f < Decimal::ZERO);
    if periods == 0 || !(has_positive && has_negative) {
        return None;
    }
    let finance = 1.0 + money::to_f64(finance_rate);
    let reinvest = 1.0 + money::to_f64(reinvest_rate);
    if !(finance > 0.0 && reinvest > 0.0) {
        return None;
    }
    let (mut pv_negative, mut fv_positive, mut discount) = (0.0_f64, 0.0_f64, 1.0_f64);
    for flow in flows.iter().map(|&f| money::to_f64(f)) {
        if flow < 0.0 {
            pv_negative += flow * discount;
        }
        discount /= finance;
        fv_positive = fv_positive * reinvest + flow.max(0.0);
    }
    if !(pv_negative < 0.0 && pv_negative.is_finite() && fv_positive.is_finite()) {
        return None;
    }
    let rate = nth_root(fv_positive / -pv_negative, periods) - 1.0;
    if !rate.is_finite() {
        return None;
    }
    fraction_of(rate)
}

/// Sign changes in `flows`, zeros skipped: Descartes' bound on the number of IRRs.
fn sign_changes(flows: &[f64]) -> usize {
    let mut signs = flows.iter().filter(|&&f| f != 0.0).map(|&f| f > 0.0);
    let Some(mut last) = signs.next() else {
        return 0;
    };
    let mut changes = 0;
    for positive in signs {
        if positive != last {
            changes += 1;
            last = positive;
        }
    }
    changes
}

/// With one sign change there is exactly one positive root `x` (Descartes' bound is 1,
/// and the count has its parity), a simple one, so the NPV changes sign across it: it
/// lies in the range exactly when the NPV has opposite signs at the two ends (or is zero
/// at one), and bisecting the whole range finds it without scanning the grid.
fn only_root(flows: &[f64]) -> Option<f64> {
    let (lo, hi) = (npv_sign(flows, IRR_LOWEST), npv_sign(flows, IRR_HIGHEST));
    if !(lo.is_finite() && hi.is_finite()) {
        None
    } else if lo == 0.0 {
        Some(IRR_LOWEST)
    } else if hi == 0.0 {
        Some(IRR_HIGHEST)
    } else {
        ((lo > 0.0) != (hi > 0.0)).then(|| bisect(flows, IRR_LOWEST, IRR_HIGHEST, lo > 0.0))
    }
}

/// The roots found on the grid (see [`irrs`]), ascending, stopping after `most`.
fn grid_roots(flows: &[f64], most: usize) -> Vec<f64> {
    let mut roots = Vec::new();
    let mut previous: Option<(f64, f64)> = None;
    for rate in irr_grid() {
        if roots.len() >= most {
            break;
        }
        let value = npv_sign(flows, rate);
        if !value.is_finite() {
            previous = None;
            continue;
        }
        if value == 0.0 {
            roots.push(rate);
        } else if let Some((lo, lo_value)) = previous {
            if lo_value != 0.0 && (lo_value > 0.0) != (value > 0.0) {
                roots.push(bisect(flows, lo, rate, lo_value > 0.0));
            }
        }
        previous = Some((rate, value));
    }
    roots
}

/// A rate as a `Decimal` rounded to 10 places, never −0.
fn fraction_of(rate: f64) -> Option<Decimal> {
    let rounded = Decimal::from_f64(rate)?.round_dp(10);
    Some(if rounded.is_zero() {
        Decimal::ZERO
    } else {
        rounded
    })
}

/// `2^(1/256)`, the ratio between neighbouring grid points of `1 + rate`.
const IRR_STEP: f64 = 1.002_711_275_050_202_5;

/// The IRR search grid, ascending: the two ends of the range and `2^(k/256) − 1` between.
///
/// Made without `exp2` or `powf`, which would link a software maths library into every
/// front door (about 5 KB gzip): each doubling starts at an exact power of two, written
/// from its bits, and steps up by [`IRR_STEP`] (at most 255 multiplications, a relative
/// error under 1e-13, far inside a grid step).
fn irr_grid() -> impl Iterator<Item = f64> {
    let doublings = (-IRR_GRID_K).div_euclid(IRR_STEPS_PER_DOUBLING)
        ..=IRR_GRID_K.div_euclid(IRR_STEPS_PER_DOUBLING);
    let interior = doublings.flat_map(|whole| {
        // 2^whole exactly: the exponent field of an f64 (|whole| ≤ 14, always normal).
        let base = f64::from_bits(((1023 + i64::from(whole)) as u64) << 52);
        (0..IRR_STEPS_PER_DOUBLING).scan(base, move |point, part| {
            let k = whole * IRR_STEPS_PER_DOUBLING + part;
            let value = (k, *point - 1.0);
            *point *= IRR_STEP;
            Some(value)
        })
    });
    let interior = interior
        .filter(|&(k, _)| (-IRR_GRID_K..=IRR_GRID_K).contains(&k))
        .map(|(_, rate)| rate);
    std::iter::once(IRR_LOWEST)
        .chain(interior)
        .chain(std::iter::once(IRR_HIGHEST))
}

/// `q^(1/n)` for `q > 0` by Newton's method on `yⁿ = q`, without `powf` (see
/// [`irr_grid`] for why). It starts at a power of two at most twice the root and above
/// it (read from `q`'s exponent bits), from where each step decreases towards the root
/// (`yⁿ − q` is convex for `y > 0`) and quadratically; it stops when a step no longer
/// moves it down, or after 100 steps.
fn nth_root(q: f64, n: u32) -> f64 {
    let n_i = i64::from(n.max(1));
    // q < 2^(exponent + 1), so q^(1/n) < 2^((exponent + 1) / n) ≤ 2^start.
    let exponent = ((q.to_bits() >> 52) & 0x7ff) as i64 - 1023;
    let start = ((exponent + 1).div_euclid(n_i) + 1).clamp(-1022, 1023);
    let mut y = f64::from_bits(((1023 + start) as u64) << 52);
    let (n_f, below) = (n_i as f64, i32::try_from(n_i - 1).unwrap_or(i32::MAX));
    for _ in 0..100 {
        let next = ((n_f - 1.0) * y + q / y.powi(below)) / n_f;
        // Stops also on NaN (`next < y` is false).
        if next.partial_cmp(&y) != Some(std::cmp::Ordering::Less) {
            break;
        }
        y = next;
    }
    y
}

/// A number with the sign of `npv(rate, flows)`, which never overflows: `Σ flows[t] xᵗ`
/// for `x = 1/(1 + rate) ≤ 1`, and that times `(1 + rate)ⁿ`, `Σ flows[t] (1 + rate)ⁿ⁻ᵗ`,
/// when `x > 1`. Either way no power exceeds 1, so each term is at most its flow.
fn npv_sign(flows: &[f64], rate: f64) -> f64 {
    if rate >= 0.0 {
        let x = 1.0 / (1.0 + rate);
        flows.iter().rev().fold(0.0, |acc, &f| acc * x + f)
    } else {
        let y = 1.0 + rate;
        flows.iter().fold(0.0, |acc, &f| acc * y + f)
    }
}

/// The root of the NPV between `lo` and `hi`, where its sign is positive at `lo` exactly
/// when `lo_positive`, and the opposite at `hi`. At most 200 halvings, stopping once the
/// bracket is narrower than 1e-12 or no longer splits in `f64`.
fn bisect(flows: &[f64], mut lo: f64, mut hi: f64, lo_positive: bool) -> f64 {
    for _ in 0..200 {
        if hi - lo < 1e-12 {
            break;
        }
        let mid = 0.5 * (lo + hi);
        if mid <= lo || mid >= hi {
            break;
        }
        let value = npv_sign(flows, mid);
        if value == 0.0 {
            return mid;
        }
        if (value > 0.0) == lo_positive {
            lo = mid;
        } else {
            hi = mid;
        }
    }
    0.5 * (lo + hi)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn whole(values: &[i64]) -> Vec<Decimal> {
        values.iter().map(|&v| Decimal::from(v)).collect()
    }
    #[test]
    fn irr_of_a_two_year_series() {
        // -1000, 600, 600: 600/(1+r) + 600/(1+r)^2 = 1000 → r = 0.130662… (quadratic by hand:
        // with x = 1/(1+r), 600x² + 600x − 1000 = 0, x = 0.884429…)
        let r = irr(&whole(&[-1000, 600, 600]));
        assert_eq!(r.map(|x| x.round_dp(6)), Some(Decimal::new(130662, 6)));
    }

    #[test]
    fn irr_is_none_without_a_sign_change() {
        assert_eq!(irr(&whole(&[100, 200])), None);
        assert_eq!(irr(&whole(&[-100, -200])), None);
        assert_eq!(irr(&whole(&[0, 0])), None);
    }

    fn fraction(text: &str) -> Decimal {
        Decimal::from_str(text).expect("a decimal literal")
    }

    fn fractions(values: &[&str]) -> Vec<Decimal> {
        values.iter().map(|v| fraction(v)).collect()
    }

    #[test]
    fn nth_roots_without_powf() {
        // Against f64::powf (native), across magnitudes and degrees.
        for q in [1e-300, 1e-9, 0.5, 1.0, 2.0, 3.37, 1e6, 1e40, 1e300] {
            for n in 1..=12 {
                let want = f64::powf(q, 1.0 / f64::from(n));
                let got = nth_root(q, n);
                assert!(
                    ((got - want) / want).abs() < 1e-13,
                    "{q}^(1/{n}): {got} vs {want}"
                );
            }
        }
    }

    #[test]
    fn the_grid_spans_the_range_and_no_more() {
        let rate = |k: i32| (f64::from(k) / 256.0).exp2() - 1.0;
        assert!(rate(-IRR_GRID_K) > IRR_LOWEST && rate(-IRR_GRID_K - 1) < IRR_LOWEST);
        assert!(rate(IRR_GRID_K) < IRR_HIGHEST && rate(IRR_GRID_K + 1) > IRR_HIGHEST);
        let grid: Vec<f64> = irr_grid().collect();
        assert_eq!(grid.len(), 6805);
        assert!(grid.windows(2).all(|w| w[0] < w[1]), "strictly ascending");
        assert_eq!((grid[0], grid[grid.len() - 1]), (IRR_LOWEST, IRR_HIGHEST));
        for exact in [-0.5, 0.0, 1.0, 3.0, 1023.0] {
            assert!(grid.contains(&exact), "{exact} is a grid point");
        }
        // Each step multiplies 1 + rate by at most 2^(1/256) = 1.0027…
        let widest = grid
            .windows(2)
            .map(|w| (1.0 + w[1]) / (1.0 + w[0]))
            .fold(0.0, f64::max);
        assert!(widest < 1.0028, "{widest}");
    }

    #[test]
    fn irrs_is_empty_without_both_signs() {
        for flows in [
            &[][..],
            &[-100],
            &[100],
            &[0, 0],
            &[0],
            &[100, 200],
            &[-100, -200],
        ] {
            assert_eq!(irrs(&whole(flows)), vec![], "{flows:?}");
            assert_eq!(irr(&whole(flows)), None, "{flows:?}");
        }
    }

    #[test]
    fn irr_of_one_year_at_ten_percent() {
        // -100 + 110/(1+r) = 0 → r = 0.1 (not a grid point: found by bisection)
        assert_eq!(irrs(&whole(&[-100, 110])), vec![fraction("0.1")]);
        assert_eq!(irr(&whole(&[-100, 110])), Some(fraction("0.1")));
    }

    #[test]
    fn a_root_on_a_grid_point_counts_once() {
        // 1 + r a power of two is a grid point, where the f64 NPV is exactly zero. One
        // sign change skips the grid (bisecting the whole range) and lands there too.
        for (flows, root) in [
            (&[-100, 100][..], "0"),
            (&[-100, 200], "1"),
            (&[-100, 50], "-0.5"),
            (&[-100, 400], "3"),
            (&[-100, 0, 400], "1"),
        ] {
            assert_eq!(irrs(&whole(flows)), vec![fraction(root)], "{flows:?}");
        }
        // Two sign changes, the grid search: −100 (1+r)² + 300 (1+r) − 200 = −100 r (r − 1)
        // has two roots, both on the grid; −10 (1+r)² + 31 (1+r) − 22 =
        // −10 (1+r − 2)(1+r − 1.1) one on the grid (100 %) and one bisected (10 %).
        assert_eq!(irrs(&whole(&[-100, 300, -200])), fractions(&["0", "1"]));
        assert_eq!(irrs(&whole(&[-10, 31, -22])), fractions(&["0.1", "1"]));
    }

    #[test]
    fn several_roots_are_all_listed_and_irr_is_none() {
        // (1+r − 0.11)(1+r − 0.84) × −10000: −89 % and −16 % (by hand: the roots of the
        // quadratic, see tests/fixtures/make_golden.py)
        let flows = whole(&[-10000, 9500, -924]);
        let rounded: Vec<Decimal> = irrs(&flows).iter().map(|r| r.round_dp(8)).collect();
        assert_eq!(rounded, fractions(&["-0.89", "-0.16"]));
        assert_eq!(irr(&flows), None);
        // −100, 230, −132: 10 % and 20 %.
        let rounded: Vec<Decimal> = irrs(&whole(&[-100, 230, -132]))
            .iter()
            .map(|r| r.round_dp(8))
            .collect();
        assert_eq!(rounded, fractions(&["0.1", "0.2"]));
    }

    #[test]
    fn a_double_root_is_found_only_on_a_grid_point() {
        // −(1.1 − (1+r))² ≤ 0 touches zero at 10 % without crossing: not found.
        assert_eq!(irrs(&whole(&[-100, 220, -121])), vec![]);
        // −(2 − (1+r))² touches zero at 100 %, a grid point: found there.
        assert_eq!(irrs(&whole(&[-1, 4, -4])), vec![Decimal::ONE]);
    }

    #[test]
    fn roots_outside_the_range_are_not_listed() {
        // r = 19,999 (1,999,900 %) and r = −99.999 %
        assert_eq!(irrs(&whole(&[-1, 20000])), vec![]);
        assert_eq!(irrs(&fractions(&["-1", "0.00001"])), vec![]);
        assert_eq!(irr(&whole(&[-1, 20000])), None);
    }

    #[test]
    fn irrs_survives_extreme_flows() {
        let max = Decimal::MAX;
        assert_eq!(irrs(&[-max, max]), vec![Decimal::ZERO]);
        assert_eq!(irrs(&[max, -max]), vec![Decimal::ZERO]);
        let tiny = Decimal::new(1, 28);
        assert_eq!(irrs(&[-tiny, tiny + tiny]), vec![Decimal::ONE]);
        // Mixed magnitudes and long series: no panic, roots in range and ascending.
        let long: Vec<Decimal> = (0..2000)
            .map(|t| if t % 3 == 0 { -max } else { max })
            .collect();
        let mut mixed = vec![-max, tiny, max, -tiny, Decimal::ONE];
        mixed.extend(std::iter::repeat_n(Decimal::ZERO, 500));
        mixed.push(-max);
        for flows in [long, mixed] {
            let roots = irrs(&flows);
            assert!(roots.windows(2).all(|w| w[0] < w[1]), "{roots:?}");
            assert!(roots
                .iter()
                .all(|r| (fraction("-0.9999")..=fraction("10000")).contains(r)));
        }
    }

    #[test]
    fn irrs_never_panics_and_respects_descartes() {
        // A fixed pseudo-random walk over lengths, magnitudes and signs (64-bit LCG).
        let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
        let mut next = || {
            seed = seed
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            seed >> 33
        };
        for _ in 0..300 {
            let len = usize::try_from(next() % 12).unwrap_or(0);
            let flows: Vec<Decimal> = (0..len)
                .map(|_| {
                    let magnitude = u32::try_from(next() % 20).unwrap_or(0);
                    let mantissa = i64::try_from(next() % 2001).unwrap_or(0) - 1000;
                    Decimal::from(mantissa) * Decimal::from(10_i64.pow(magnitude / 2))
                })
                .collect();
            let floats: Vec<f64> = flows.iter().map(|&f| money::to_f64(f)).collect();
            let roots = irrs(&flows);
            assert!(roots.len() <= sign_changes(&floats), "{flows:?}: {roots:?}");
            assert!(
                roots.windows(2).all(|w| w[0] < w[1]),
                "{flows:?}: {roots:?}"
            );
            if roots.len() == 1 {
                assert_eq!(irr(&flows), roots.first().copied());
            } else {
                assert_eq!(irr(&flows), None);
            }
        }
    }

    #[test]
    fn mirr_by_hand() {
        // FV of the gains at 0 % = 121, PV of the cost = 100: 1.21^(1/2) − 1 = 0.1
        assert_eq!(
            mirr(&whole(&[-100, 0, 121]), fraction("0.07"), Decimal::ZERO),
            Some(fraction("0.1"))
        );
        // FV = 50 × 1.2 + 60 = 120, PV = 100: √1.2 − 1 = 0.0954451150103…
        assert_eq!(
            mirr(&whole(&[-100, 50, 60]), fraction("0.1"), fraction("0.2")),
            Some(fraction("0.0954451150"))
        );
        // A later cost is discounted at the finance rate: PV = 100 + 110/1.1 = 200,
        // FV = 242 → √(242/200) − 1 = 0.1
        assert_eq!(
            mirr(&whole(&[-100, -110, 242]), fraction("0.1"), fraction("0.5")),
            Some(fraction("0.1"))
        );
    }

    #[test]
    fn mirr_is_none_when_undefined() {
        let (ten, twelve) = (fraction("0.1"), fraction("0.12"));
        for flows in [
            &[][..],
            &[-100],
            &[100],
            &[0, 0],
            &[100, 200],
            &[-100, -200, 0],
        ] {
            assert_eq!(mirr(&whole(flows), ten, twelve), None, "{flows:?}");
        }
        let flows = whole(&[-100, 50, 60]);
        assert_eq!(mirr(&flows, Decimal::NEGATIVE_ONE, twelve), None);
        assert_eq!(mirr(&flows, ten, fraction("-1.5")), None);
        // 1 + 10^6 compounded over 100 years overflows f64.
        let mut long = vec![Decimal::MAX; 101];
        long[0] = -Decimal::MAX;
        assert_eq!(mirr(&long, ten, Decimal::from(1_000_000)), None);
        assert_eq!(
            mirr(&[-Decimal::MAX, Decimal::MAX], ten, ten),
            Some(Decimal::ZERO)
        );
    }
}
