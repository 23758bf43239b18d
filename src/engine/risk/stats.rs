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
    let mut v = values.to_vec();
    v.sort_unstable_by(f64::total_cmp);
    v
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
pub(super) fn ranks(values: &[f64]) -> Vec<f64> {
    // Sorting (value, position) pairs rather than positions keeps each comparison's
    // values at hand, which sorts faster.
    let mut order: Vec<(f64, usize)> = values.iter().copied().zip(0..).collect();
    order.sort_unstable_by(|a, b| a.0.total_cmp(&b.0));
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
