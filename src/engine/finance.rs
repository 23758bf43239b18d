//! Discounting, NPV and payback on a series of yearly cash flows (rates of return:
//! [`super::irr`]).
//!
//! A series is `flows[0]` (the initial investment, "year 0", now) followed by one flow
//! per year, each assumed to fall at the end of its year.

use super::money::{self, Checked, Num};

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
    use rust_decimal::Decimal;

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
