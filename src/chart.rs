//! Pure chart geometry: scales, tick values and bar layout, in `f64` screen units.
//!
//! The SVG components in `ui::charts` only draw what this computes, so the arithmetic
//! is tested natively. Chart coordinates are the one place `f64` is right: a pixel is
//! far coarser than its rounding error.

/// A linear map from data values onto screen coordinates.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Scale {
    /// Data value mapped to `range.0`.
    pub domain: (f64, f64),
    /// Screen coordinates of the two domain ends.
    pub range: (f64, f64),
}

impl Scale {
    /// Scale mapping `domain` onto `range`.
    pub fn new(domain: (f64, f64), range: (f64, f64)) -> Self {
        Scale { domain, range }
    }

    /// Screen coordinate of `value`. A zero-width domain maps everything to the middle.
    pub fn at(&self, value: f64) -> f64 {
        let (d0, d1) = self.domain;
        let (r0, r1) = self.range;
        if d1 == d0 || !value.is_finite() {
            return (r0 + r1) / 2.0;
        }
        r0 + (value - d0) / (d1 - d0) * (r1 - r0)
    }
}

/// "Nice" tick values (1, 2 or 5 × a power of ten apart) covering `min..=max`, about
/// `target` of them. The first tick is ≤ `min` and the last ≥ `max`, so the ticks double
/// as the axis bounds.
pub fn nice_ticks(min: f64, max: f64, target: usize) -> Vec<f64> {
    let (min, max) = if min.is_finite() && max.is_finite() {
        (min.min(max), min.max(max))
    } else {
        (0.0, 1.0)
    };
    let span = if max > min {
        max - min
    } else {
        min.abs().max(1.0)
    };
    let raw_step = span / target.max(1) as f64;
    let magnitude = 10f64.powf(raw_step.log10().floor());
    let step = [1.0, 2.0, 5.0, 10.0]
        .iter()
        .map(|m| m * magnitude)
        .find(|s| *s >= raw_step)
        .unwrap_or(10.0 * magnitude);
    let first = (min / step).floor() * step;
    let last = if max > min {
        (max / step).ceil() * step
    } else {
        first + step
    };
    let count = ((last - first) / step).round() as usize;
    // Guard against a degenerate step producing a huge tick list.
    (0..=count.min(50))
        .map(|i| first + i as f64 * step)
        .collect()
}

/// First and last tick: the axis bounds ([`nice_ticks`] always returns at least one).
pub fn tick_bounds(ticks: &[f64]) -> (f64, f64) {
    let first = ticks.first().copied().unwrap_or(0.0);
    (first, ticks.last().copied().unwrap_or(first + 1.0))
}

/// The lowest and highest of `values` and zero: bar and area charts start at zero.
pub fn extent_with_zero(values: impl IntoIterator<Item = f64>) -> (f64, f64) {
    values
        .into_iter()
        .filter(|v| v.is_finite())
        .fold((0.0, 0.0), |(lo, hi), v| (lo.min(v), hi.max(v)))
}

/// Position and width of bar `index` of `count` equal bands across `0..width`, leaving
/// `gap` (a fraction of the band) empty between bands.
pub fn band(index: usize, count: usize, width: f64, gap: f64) -> (f64, f64) {
    let band = width / count.max(1) as f64;
    let inner = band * (1.0 - gap.clamp(0.0, 0.9));
    (index as f64 * band + (band - inner) / 2.0, inner)
}

/// Bottom and top of each segment of a stacked bar of `values`: positive values stack up
/// from zero and negative ones down from it, each in the order given, so a negative
/// segment never hides a positive one.
pub fn stack(values: &[f64]) -> Vec<(f64, f64)> {
    let (mut up, mut down) = (0.0, 0.0);
    values
        .iter()
        .map(|&v| {
            let v = if v.is_finite() { v } else { 0.0 };
            if v >= 0.0 {
                let bottom = up;
                up += v;
                (bottom, up)
            } else {
                let top = down;
                down += v;
                (down, top)
            }
        })
        .collect()
}

/// The line of a trend across a `width` × `height` box, in whole pixels: one point per
/// value (a period's reading), evenly spaced from x = 0 to `width`, the lowest value at
/// the bottom and the highest at the top (a flat line sits in the middle). A missing
/// value breaks the line, so it comes as segments; a segment of one point is a lone
/// reading. `bounds` fixes the vertical range (an axis's ticks); `None` spans the
/// values.
pub fn trend_line(
    values: &[Option<f64>],
    width: f64,
    height: f64,
    bounds: Option<(f64, f64)>,
) -> Vec<Vec<(i32, i32)>> {
    let present = || values.iter().flatten().copied().filter(|v| v.is_finite());
    let (low, high) = bounds.unwrap_or_else(|| {
        present().fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), v| {
            (lo.min(v), hi.max(v))
        })
    });
    let y = Scale::new((low, high), (height, 0.0));
    let steps = values.len().saturating_sub(1).max(1) as f64;
    let mut segments = Vec::new();
    let mut current: Vec<(i32, i32)> = Vec::new();
    for (i, value) in values.iter().enumerate() {
        match value.filter(|v| v.is_finite()) {
            Some(v) => {
                let x = (i as f64 / steps * width).round() as i32;
                current.push((x, y.at(v).round() as i32));
            }
            None if !current.is_empty() => segments.push(std::mem::take(&mut current)),
            None => {}
        }
    }
    if !current.is_empty() {
        segments.push(current);
    }
    segments
}
