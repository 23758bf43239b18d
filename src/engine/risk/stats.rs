//! Percentiles, histogram and rank correlation of the trials (see the [module docs](super)).

/// A histogram of equal-width bins, as `numpy.histogram(values, bins)`.
#[derive(Debug, Clone, PartialEq)]
pub struct Histogram {
    /// Bin edges, ascending, one more than the bins: from the smallest value to the
    /// largest (from v − 0.5 to v + 0.5 when every value is v).
    pub edges: Vec<f64>,
    /// Values in each bin: bin i holds `edges[i] ≤ x < edges[i + 1]`, the last bin also
    /// x = its right edge.
    pub counts: Vec<usize>,
}

impl Histogram {
    /// The histogram of `values` in `bins` bins; `None` when there are no values or no
    /// bins, or a value is not finite.
    pub fn of(values: &[f64], bins: usize) -> Option<Histogram> {
        if bins == 0 || values.is_empty() || values.iter().any(|x| !x.is_finite()) {
            return None;
        }
        let min = values.iter().copied().fold(f64::INFINITY, f64::min);
        let max = values.iter().copied().fold(f64::NEG_INFINITY, f64::max);
        let (first, last) = if min == max {
            (min - 0.5, max + 0.5)
        } else {
            (min, max)
        };
        if !(last - first).is_finite() {
            return None;
        }
        // numpy.linspace: first + i × step, the last edge exactly `last`.
        let step = (last - first) / bins as f64;
        let mut edges: Vec<f64> = (0..bins).map(|i| i as f64 * step + first).collect();
        edges.push(last);
        let mut histogram = Histogram {
            counts: vec![0; bins],
            edges,
        };
        for &x in values {
            if let Some(count) = histogram
                .bin_of(x)
                .and_then(|i| histogram.counts.get_mut(i))
            {
                *count += 1;
            }
        }
        Some(histogram)
    }

    /// The bin holding `x` (as numpy assigns it); `None` outside the edges.
    pub fn bin_of(&self, x: f64) -> Option<usize> {
        let bins = self.counts.len();
        let (&first, &last) = (self.edges.first()?, self.edges.last()?);
        if bins == 0 || !(x >= first && x <= last) {
            return None;
        }
        // numpy: ⌊(x − first) ÷ (last − first) × bins⌋, the last edge in the last bin,
        // then moved by one where rounding put x on the wrong side of an edge.
        let guess = ((x - first) / (last - first) * bins as f64) as usize;
        let mut i = guess.min(bins - 1);
        if i > 0 && x < *self.edges.get(i)? {
            i -= 1;
        }
        if i + 1 < bins && x >= *self.edges.get(i + 1)? {
            i += 1;
        }
        Some(i)
    }
}

/// `values` sorted ascending (`f64::total_cmp`: no panic, whatever the values).
pub(super) fn sorted(values: &[f64]) -> Vec<f64> {
    in_order(values).into_iter().map(|(x, _)| x).collect()
}

/// The `p` quantile of `sorted` (ascending) by numpy's default rule (see the
/// [module docs](super)), with numpy's interpolation `x₀ + (x₁ − x₀) g` for g < 0.5 and
/// `x₁ − (x₁ − x₀)(1 − g)` otherwise, and exactly x⌊h⌋ when g = 0. `None` when `sorted`
/// is empty or `p` is not within 0–1.
pub fn quantile(sorted: &[f64], p: f64) -> Option<f64> {
    let n = sorted.len();
    if n == 0 || !(0.0..=1.0).contains(&p) {
        return None;
    }
    let h = (n - 1) as f64 * p;
    if h >= (n - 1) as f64 {
        return sorted.last().copied();
    }
    let below = h.floor();
    let g = h - below;
    let i = below as usize;
    let a = *sorted.get(i)?;
    if g == 0.0 {
        return Some(a);
    }
    let b = *sorted.get(i + 1)?;
    let diff = b - a;
    Some(if g >= 0.5 {
        b - diff * (1.0 - g)
    } else {
        a + diff * g
    })
}

/// Spearman's rank correlation of `x` and `y` (Pearson's correlation of their ranks,
/// ties given their average rank); `None` when the lengths differ, there are fewer than
/// two values, or either side never varies.
pub fn spearman(x: &[f64], y: &[f64]) -> Option<f64> {
    if x.len() != y.len() {
        return None;
    }
    pearson(&ranks(x), &ranks(y))
}

/// Ranks 1..=n of `values`, ties given the average of the ranks they span.
///
/// The ranks only depend on the order of the values, not on how they were sorted, so
/// [`in_order`] may sort them any way that is correct.
pub(super) fn ranks(values: &[f64]) -> Vec<f64> {
    let order = in_order(values);
    let mut ranks = vec![0.0; values.len()];
    let mut start = 0;
    while let Some(&(value, _)) = order.get(start) {
        let end = start
            + order[start..]
                .iter()
                .take_while(|(v, _)| *v == value)
                .count();
        // Positions start..end hold ranks start + 1 ..= end: their average.
        let rank = (start + 1 + end) as f64 / 2.0;
        for &(_, k) in &order[start..end] {
            if let Some(r) = ranks.get_mut(k) {
                *r = rank;
            }
        }
        start = end;
    }
    ranks
}

/// `values` with their positions, sorted by value (`f64::total_cmp`; equal values in
/// any order).
///
/// A simulation ranks every driver's draws, 10,000 to 100,000 of them, so this is the
/// summary's main cost. Finite values are first spread over one bucket per value by
/// ⌊(x − min) ÷ (max − min) × n⌋, which never decreases as x grows (every step is
/// exactly rounded, hence monotone), so bucket order is value order; each bucket is
/// then sorted on its own. Draws of a smooth distribution put about one value in each
/// bucket: linear time instead of n log n comparisons. However the values fall, each
/// bucket is sorted by `sort_unstable_by`, so n log n stays the worst case. Anything not
/// finite (not from a simulation) is sorted whole.
fn in_order(values: &[f64]) -> Vec<(f64, usize)> {
    let n = values.len();
    let min = values.iter().copied().fold(f64::INFINITY, f64::min);
    let max = values.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    let width = max - min;
    let pairs = values.iter().copied().zip(0..);
    if n < 64 || !(width.is_finite() && width > 0.0) || values.iter().any(|x| !x.is_finite()) {
        let mut order: Vec<(f64, usize)> = pairs.collect();
        order.sort_unstable_by(|a, b| a.0.total_cmp(&b.0));
        return order;
    }
    let scale = n as f64;
    // min ≤ x ≤ max, so the quotient is within 0–1 and the bucket within 0..=n; the
    // largest value shares the last bucket.
    let bucket = |x: f64| (((x - min) / width * scale) as usize).min(n - 1);
    // starts[b] is where bucket b begins in the sorted order, starts[n] = n.
    let mut starts = vec![0usize; n + 1];
    for &x in values {
        if let Some(count) = starts.get_mut(bucket(x) + 1) {
            *count += 1;
        }
    }
    for b in 1..=n {
        starts[b] += starts[b - 1];
    }
    let mut next = starts.clone();
    let mut order = vec![(0.0, 0); n];
    for (x, k) in pairs {
        let b = bucket(x);
        if let Some(slot) = next.get_mut(b) {
            if let Some(place) = order.get_mut(*slot) {
                *place = (x, k);
            }
            *slot += 1;
        }
    }
    for pair in starts.windows(2) {
        if let Some(run) = order.get_mut(pair[0]..pair[1]) {
            if run.len() > 1 {
                run.sort_unstable_by(|a, b| a.0.total_cmp(&b.0));
            }
        }
    }
    order
}

/// Pearson's correlation of two equally long series; `None` when shorter than two or
/// either never varies.
pub(super) fn pearson(x: &[f64], y: &[f64]) -> Option<f64> {
    let n = x.len();
    if n < 2 || y.len() != n {
        return None;
    }
    let mean = |v: &[f64]| v.iter().fold(0.0, |acc, a| acc + a) / n as f64;
    let (mx, my) = (mean(x), mean(y));
    let (mut sxy, mut sxx, mut syy) = (0.0, 0.0, 0.0);
    for (a, b) in x.iter().zip(y) {
        let (dx, dy) = (a - mx, b - my);
        sxy += dx * dy;
        sxx += dx * dx;
        syy += dy * dy;
    }
    let r = sxy / (sxx * syy).sqrt();
    r.is_finite().then_some(r.clamp(-1.0, 1.0))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Ranks by the plain definition: sort everything, then average the ranks of ties.
    fn ranks_by_one_sort(values: &[f64]) -> Vec<f64> {
        let mut order: Vec<(f64, usize)> = values.iter().copied().zip(0..).collect();
        order.sort_by(|a, b| a.0.total_cmp(&b.0));
        let mut ranks = vec![0.0; values.len()];
        let mut start = 0;
        while start < order.len() {
            let end = start
                + order[start..]
                    .iter()
                    .take_while(|p| p.0 == order[start].0)
                    .count();
            for &(_, k) in &order[start..end] {
                ranks[k] = (start + 1 + end) as f64 / 2.0;
            }
            start = end;
        }
        ranks
    }

    #[test]
    fn bucketed_ranks_are_the_ranks_of_one_sort() {
        // Smooth values, heavy ties, ±0, values bunched in one bucket but for an outlier,
        // values one ulp apart, and an infinity (sorted whole): the bucketing must not
        // change a single rank or sorted value.
        let smooth: Vec<f64> = (0..1000)
            .map(|k| ((k * 7919) % 1000) as f64 / 3.0)
            .collect();
        let ties: Vec<f64> = (0..500).map(|k| (k % 7) as f64).collect();
        let zeros: Vec<f64> = (0..200)
            .map(|k| if k % 2 == 0 { 0.0 } else { -0.0 })
            .collect();
        let mut bunched: Vec<f64> = (0..300).map(|k| 1.0 + (k % 17) as f64 * 1e-12).collect();
        bunched.push(1e12);
        let ulps: Vec<f64> = (0..100u64)
            .map(|k| f64::from_bits(1.0f64.to_bits() + (k * 37) % 100))
            .collect();
        let mut infinite = smooth.clone();
        infinite[3] = f64::INFINITY;
        for values in [smooth, ties, zeros, bunched, ulps, infinite] {
            assert_eq!(ranks(&values), ranks_by_one_sort(&values));
            let mut plain = values.clone();
            plain.sort_by(f64::total_cmp);
            let bits = |v: &[f64]| v.iter().map(|x| x.to_bits()).collect::<Vec<_>>();
            assert_eq!(bits(&sorted(&values)), bits(&plain));
        }
    }
}
