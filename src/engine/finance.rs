//! Discounting, NPV, IRR and payback on a series of yearly cash flows.
//!
//! A series is `flows[0]` (the initial investment, "year 0", now) followed by one flow
//! per year, each assumed to fall at the end of its year.

use super::money::{self, Checked, Num};
use rust_decimal::prelude::*;

/// Discount factors `1 / (1 + rate)^t` for `t = 0..n`, where `rate` is a fraction
/// (`0.10` for 10 %).
pub fn discount_factors<N: Num>(rate: N, n: usize) -> Checked<Vec<N>> {
    let step = N::ONE.over(N::ONE.plus(rate)?)?;
    let mut factors = Vec::with_capacity(n);
    let mut factor = N::ONE;
    for _ in 0..n {
        factors.push(factor);
        factor = factor.times(step)?;
    }
    Ok(factors)
}

/// Net present value: `Σ flows[t] / (1 + rate)^t`, with `flows[0]` undiscounted.
///
/// A spreadsheet's `NPV(rate; v1; …; vn)` discounts its *first* value by one period, so
/// the same figure there is `flows[0] + NPV(rate; flows[1]; …; flows[n])`, or
/// `NPV(rate; flows[0]; …) × (1 + rate)`.
pub fn npv<N: Num>(rate: N, flows: &[N]) -> Checked<N> {
    let factors = discount_factors(rate, flows.len())?;
    flows
        .iter()
        .zip(&factors)
        .try_fold(N::ZERO, |acc, (&f, &d)| acc.plus(f.times(d)?))
}

/// Lowest and highest rate (as fractions) searched for an IRR: −99.99 % to 1,000,000 %.
const IRR_SEARCH: [f64; 24] = [
    -0.9999, -0.99, -0.9, -0.75, -0.5, -0.25, -0.1, 0.0, 0.05, 0.1, 0.2, 0.35, 0.5, 0.75, 1.0, 1.5,
    2.0, 3.0, 5.0, 10.0, 30.0, 100.0, 1_000.0, 10_000.0,
];

/// Internal rate of return: the rate (a fraction) at which [`npv`] is zero.
///
/// `None` when the flows never change sign (no rate can make them net to zero) or when
/// no root lies between −99.99 % and 1,000,000 %. When the flows change sign more than
/// once there can be several roots; this returns the lowest one. The root is found by
/// bisection on a bracket, so it always ends: at most 200 halvings, stopping once the
/// bracket is narrower than 1e-12. The search runs in `f64`: an IRR is an estimate to a
/// tolerance, and `f64` carries ample digits for it; the result is a `Decimal` rounded to
/// 10 places.
pub fn irr(flows: &[Decimal]) -> Option<Decimal> {
    let flows: Vec<f64> = flows.iter().map(|&f| money::to_f64(f)).collect();
    let has_positive = flows.iter().any(|&f| f > 0.0);
    let has_negative = flows.iter().any(|&f| f < 0.0);
    if !(has_positive && has_negative) {
        return None;
    }
    let npv_at = |rate: f64| -> f64 {
        let step = 1.0 / (1.0 + rate);
        let mut factor = 1.0;
        let mut total = 0.0;
        for &f in &flows {
            total += f * factor;
            factor *= step;
        }
        total
    };
    let (mut lo, mut hi) = IRR_SEARCH.windows(2).find_map(|w| {
        let (a, b) = (npv_at(w[0]), npv_at(w[1]));
        if a == 0.0 {
            Some((w[0], w[0]))
        } else if a.signum() != b.signum() {
            Some((w[0], w[1]))
        } else {
            None
        }
    })?;
    let lo_sign = npv_at(lo).signum();
    for _ in 0..200 {
        if hi - lo < 1e-12 {
            break;
        }
        let mid = 0.5 * (lo + hi);
        if npv_at(mid).signum() == lo_sign {
            lo = mid;
        } else {
            hi = mid;
        }
    }
    let root = 0.5 * (lo + hi);
    Decimal::from_f64(root).map(|r| r.round_dp(10))
}

/// Months until the cumulative sum of `flows` turns from negative to non-negative,
/// assuming each year's flow arrives evenly through that year (linear interpolation
/// inside the year).
///
/// `Some(0)` when the cumulative sum is never negative; `None` when it is still negative
/// at the end of the series. When it dips below zero again after paying back, the first
/// crossing counts. Pass discounted flows for the discounted payback.
pub fn payback_months<N: Num>(flows: &[N]) -> Checked<Option<N>> {
    let twelve = N::int(12);
    let mut cumulative = N::ZERO;
    let mut ever_negative = false;
    for (year, &flow) in flows.iter().enumerate() {
        let before = cumulative;
        cumulative = cumulative.plus(flow)?;
        if year > 0 && before.is_negative() && !cumulative.is_negative() {
            // Part of this year needed to cover what was still owed at its start.
            let fraction = N::ZERO.minus(before)?.over(flow)?;
            let full_years = N::int(i32::try_from(year - 1).map_err(|_| money::Overflow)?);
            return Ok(Some(twelve.times(full_years.plus(fraction)?)?));
        }
        ever_negative |= cumulative.is_negative();
    }
    Ok(if ever_negative { None } else { Some(N::ZERO) })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn whole(values: &[i64]) -> Vec<Decimal> {
        values.iter().map(|&v| Decimal::from(v)).collect()
    }

    #[test]
    fn npv_by_hand() {
        // -1000 + 600/1.1 + 600/1.21 = -1000 + 545.4545… + 495.8677… = 41.3223… (hand-worked)
        let v = npv(Decimal::new(1, 1), &whole(&[-1000, 600, 600]));
        assert_eq!(v.map(|x| x.round_dp(4)), Ok(Decimal::new(413223, 4)));
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

    #[test]
    fn payback_interpolates_inside_the_year() {
        // cumulative: -1000, -400, +200 → 12 + 12 × 400/600 = 20 months
        assert_eq!(
            payback_months(&whole(&[-1000, 600, 600])),
            Ok(Some(Decimal::from(20)))
        );
        assert_eq!(payback_months(&whole(&[-1000, 100, 100])), Ok(None));
        assert_eq!(payback_months(&whole(&[0, 100])), Ok(Some(Decimal::ZERO)));
        // No investment up front, a loss in year 1: cumulative 0, −100, +100 → 12 + 12 × 100/200.
        assert_eq!(
            payback_months(&whole(&[0, -100, 200])),
            Ok(Some(Decimal::from(18)))
        );
    }
}
