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
/// Also `None` beyond [`EXACT_RANKS`] values.
pub fn spearman(x: &[f64], y: &[f64]) -> Option<f64> {
    if x.len() != y.len() {
        return None;
    }
    Ranked::of(&in_order(y)).spearman(&in_order(x))
}

/// Most values [`spearman`] (and the summary's ranks) correlate: sums of n³ fit `i64`.
pub const EXACT_RANKS: usize = 2_000_000;

/// One series' ranks, ready to be correlated with others' ([`Ranked::spearman`]): the
/// summary ranks NPV once for every driver.
///
/// Ranks are kept doubled, 2r (ties share the average of the ranks they span, so r may
/// end in ½), as integers. Pearson's sums on ranks 1..=n are then exact: the mean rank
/// is (n + 1) ÷ 2 whatever the ties, each deviation 2r − (n + 1) an integer of at most
/// n − 1, and four times each sum of products, Σ (2r − n − 1)(2s − n − 1), an integer
/// of at most n³ (so `i64` holds it up to [`EXACT_RANKS`] values). Up to
/// [`super::MAX_TRIALS`] values, n³ = 10¹⁵ < 2⁵³: the plain formula on `f64` ranks
/// (each partial sum a multiple of ¼ below 2⁵¹) summed the same values exactly too, so
/// the correlation is bit for bit the same as its.
pub(super) struct Ranked {
    /// 2r − (n + 1) of each value, in the series' order.
    deviations: Vec<i64>,
    /// Σ (2r − n − 1)².
    squares: i64,
}

impl Ranked {
    /// The ranks of the values whose order ([`in_order`]) is `order`.
    pub(super) fn of(order: &[(f64, usize)]) -> Ranked {
        let mut deviations = vec![0; order.len()];
        let mut squares = 0;
        for_each_tie(order, |deviation, group| {
            for &(_, k) in group {
                if let Some(d) = deviations.get_mut(k) {
                    *d = deviation;
                }
            }
            squares += deviation * deviation * group.len() as i64;
        });
        Ranked {
            deviations,
            squares,
        }
    }

    /// Spearman's correlation of this series with the one whose order is `order` (as
    /// long as this one): Pearson's `sxy ÷ √(sxx × syy)` on their ranks. `None` when
    /// shorter than two, longer than [`EXACT_RANKS`], or either side never varies.
    pub(super) fn spearman(&self, order: &[(f64, usize)]) -> Option<f64> {
        let n = order.len();
        if !(2..=EXACT_RANKS).contains(&n) || self.deviations.len() != n {
            return None;
        }
        let (mut products, mut squares) = (0i64, 0i64);
        for_each_tie(order, |deviation, group| {
            let others: i64 = group
                .iter()
                .map(|&(_, k)| self.deviations.get(k).copied().unwrap_or(0))
                .sum();
            products += deviation * others;
            squares += deviation * deviation * group.len() as i64;
        });
        // Each sum is four times Pearson's (deviations from the mean rank, doubled), and
        // exact in f64.
        let (sxy, sxx, syy) = (
            products as f64 / 4.0,
            squares as f64 / 4.0,
            self.squares as f64 / 4.0,
        );
        let r = sxy / (sxx * syy).sqrt();
        r.is_finite().then_some(r.clamp(-1.0, 1.0))
    }
}

/// Calls `f` with each run of equal values of `order` (sorted values and their
/// positions) and their doubled rank less n + 1: the run at positions start..end
/// shares ranks start + 1 ..= end, whose average doubled is start + 1 + end.
fn for_each_tie(order: &[(f64, usize)], mut f: impl FnMut(i64, &[(f64, usize)])) {
    let n = order.len() as i64;
    let mut start = 0;
    while let Some(&(value, _)) = order.get(start) {
        let mut end = start + 1;
        while order.get(end).is_some_and(|&(v, _)| v == value) {
            end += 1;
        }
        if let Some(group) = order.get(start..end) {
            f(start as i64 + 1 + end as i64 - (n + 1), group);
        }
        start = end;
    }
}

/// `values` with their positions, sorted by value (`f64::total_cmp`; equal values in
/// any order).
///
/// A simulation ranks every driver's draws, 10,000 to 100,000 of them, so this is the
/// summary's main cost. Finite values are first spread over one bucket per value by
/// ⌊(x − min) × (n ÷ (max − min))⌋ (at most the last bucket), which never decreases as
/// x grows (every step is exactly rounded, hence monotone), so bucket order is value
/// order; each bucket is then sorted on its own. Draws of a smooth distribution put
/// about one value in each bucket: linear time instead of n log n comparisons. However
/// the values fall, each bucket is sorted by `sort_unstable_by`, so n log n stays the
/// worst case. Anything not finite (not from a simulation) is sorted whole.
pub(super) fn in_order(values: &[f64]) -> Vec<(f64, usize)> {
    let n = values.len();
    let (mut min, mut max, mut finite) = (f64::INFINITY, f64::NEG_INFINITY, true);
    for &x in values {
        min = if x < min { x } else { min };
        max = if x > max { x } else { max };
        finite &= x.is_finite();
    }
    let scale = n as f64 / (max - min);
    if n < 64 || !finite || !(scale.is_finite() && scale > 0.0) {
        let mut order: Vec<(f64, usize)> = values.iter().copied().zip(0..).collect();
        order.sort_unstable_by(|a, b| a.0.total_cmp(&b.0));
        return order;
    }
    // 0 ≤ x − min ≤ max − min, so the product is within 0–n (give or take rounding);
    // the largest value shares the last bucket.
    let buckets: Vec<u32> = values
        .iter()
        .map(|&x| (((x - min) * scale) as usize).min(n - 1) as u32)
        .collect();
    // After counting, ends[b + 1] is the size of bucket b; after the running sum, where
    // bucket b begins; after placing every value, where it ends.
    let mut ends = vec![0u32; n + 1];
    for &b in &buckets {
        if let Some(count) = ends.get_mut(b as usize + 1) {
            *count += 1;
        }
    }
    let mut sum = 0;
    for end in &mut ends {
        sum += *end;
        *end = sum;
    }
    let mut order = vec![(0.0, 0); n];
    for ((&x, &b), k) in values.iter().zip(&buckets).zip(0..) {
        if let Some(slot) = ends.get_mut(b as usize) {
            if let Some(place) = order.get_mut(*slot as usize) {
                *place = (x, k);
            }
            *slot += 1;
        }
    }
    let mut begin = 0;
    for &end in ends.iter().take(n) {
        let end = end as usize;
        if end > begin + 1 {
            if let Some(run) = order.get_mut(begin..end) {
                run.sort_unstable_by(|a, b| a.0.total_cmp(&b.0));
            }
        }
        begin = end;
    }
    order
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
            let n = values.len() as f64;
            let doubled: Vec<f64> = Ranked::of(&in_order(&values))
                .deviations
                .iter()
                .map(|&d| (d as f64 + n + 1.0) / 2.0)
                .collect();
            assert_eq!(doubled, ranks_by_one_sort(&values));
            let mut plain = values.clone();
            plain.sort_by(f64::total_cmp);
            let bits = |v: &[f64]| v.iter().map(|x| x.to_bits()).collect::<Vec<_>>();
            assert_eq!(bits(&sorted(&values)), bits(&plain));
        }
    }
}
