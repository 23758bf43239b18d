//! A KPI's trend across the periods, as SVG text (issue 13): a small line on its card,
//! coloured by the verdict against the baseline, and a larger chart with its axis and
//! the periods' names, opened on demand. The geometry is [`crate::chart::trend_line`];
//! written as text, like the risk charts, so a card costs no view code per point.

use super::kpi_value;
use crate::chart::{nice_ticks, tick_bounds, trend_line, Scale};
use crate::engine::measure::KpiUnit;
use crate::html::{el, text, void, Html};
use crate::ui::format::Fmt;
use rust_decimal::prelude::{FromPrimitive, ToPrimitive};
use rust_decimal::Decimal;

fn as_f64(values: &[Option<Decimal>]) -> Vec<Option<f64>> {
    values.iter().map(|v| v.and_then(|v| v.to_f64())).collect()
}

/// The segments as SVG: a polyline per segment and a dot per point, shifted by `(dx, dy)`.
fn lines(segments: &[Vec<(i32, i32)>], (dx, dy): (i32, i32), dot: i32) -> Html {
    let dot = dot.to_string();
    let mut out = Html::default();
    for segment in segments {
        let points: Vec<String> = segment
            .iter()
            .map(|(x, y)| format!("{},{}", x + dx, y + dy))
            .collect();
        if segment.len() > 1 {
            out.push(void("polyline", &[("points", &points.join(" "))]));
        }
        for (x, y) in segment {
            let (cx, cy) = ((x + dx).to_string(), (y + dy).to_string());
            out.push(void("circle", &[("cx", &cx), ("cy", &cy), ("r", &dot)]));
        }
    }
    out
}

/// The small line of a card; empty with fewer than two readings. `class` is the
/// verdict's (`better`, `worse`).
pub(super) fn spark(values: &[Option<Decimal>], class: &str) -> Html {
    let values = as_f64(values);
    if values.iter().flatten().count() < 2 {
        return Html::default();
    }
    let segments = trend_line(&values, 120.0, 28.0, None);
    el(
        "svg",
        &[
            ("class", &format!("spark {class}")),
            ("viewBox", "0 0 128 36"),
            ("aria-hidden", "true"),
        ],
        lines(&segments, (4, 4), 3),
    )
}

/// The larger chart: the readings against a value axis, each period named below its
/// point, each point's value on hover. `label` names the chart for screen readers.
pub(super) fn chart(
    fmt: Fmt,
    unit: KpiUnit,
    values: &[Option<Decimal>],
    periods: &[String],
    label: &str,
) -> Html {
    let numbers = as_f64(values);
    let present: Vec<f64> = numbers.iter().flatten().copied().collect();
    if present.len() < 2 {
        return Html::default();
    }
    let (low, high) = present
        .iter()
        .fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), v| {
            (lo.min(*v), hi.max(*v))
        });
    let ticks = nice_ticks(low, high, 4);
    let bounds = tick_bounds(&ticks);
    // The plot: x 72–320, y 12–142 of a 360 × 176 box (room for a name under each end).
    let (left, top, width, height) = (72, 12, 248.0, 130.0);
    let y = Scale::new(bounds, (height, 0.0));
    let value_text = |v: f64| {
        Decimal::from_f64(v)
            .map(|d| kpi_value(fmt, unit, d.round_dp(6)))
            .unwrap_or_default()
    };
    let mut out = Html::default();
    let lx = left.to_string();
    for tick in &ticks {
        let ty = (y.at(*tick).round() as i32 + top).to_string();
        let (tx, text_y) = (
            (left - 6).to_string(),
            (y.at(*tick).round() as i32 + top + 4).to_string(),
        );
        out.push(void(
            "line",
            &[
                ("class", "grid"),
                ("x1", &lx),
                ("x2", "320"),
                ("y1", &ty),
                ("y2", &ty),
            ],
        ));
        out.push(el(
            "text",
            &[
                ("class", "tick"),
                ("x", &tx),
                ("y", &text_y),
                ("text-anchor", "end"),
            ],
            text(&value_text(*tick)),
        ));
    }
    let segments = trend_line(&numbers, width, height, Some(bounds));
    out.push(el(
        "g",
        &[("class", "line")],
        lines(&segments, (left, top), 4),
    ));
    // Every period's name under its point; past eight periods, every other one or fewer.
    let count = periods.len().max(1);
    let every = count.div_ceil(8);
    let steps = count.saturating_sub(1).max(1) as f64;
    for (i, name) in periods.iter().enumerate() {
        let x = ((i as f64 / steps * width).round() as i32 + left).to_string();
        if let Some(v) = values.get(i).copied().flatten() {
            let cy = (y.at(v.to_f64().unwrap_or(0.0)).round() as i32 + top).to_string();
            let title = format!("{name}: {}", kpi_value(fmt, unit, v));
            out.push(el(
                "circle",
                &[("class", "hit"), ("cx", &x), ("cy", &cy), ("r", "9")],
                el("title", &[], text(&title)),
            ));
        }
        if i % every == 0 || i + 1 == count {
            let short: String = name.chars().take(12).collect();
            out.push(el(
                "text",
                &[
                    ("class", "period"),
                    ("x", &x),
                    ("y", "166"),
                    ("text-anchor", "middle"),
                ],
                text(&short),
            ));
        }
    }
    el(
        "svg",
        &[
            ("class", "trend-chart"),
            ("viewBox", "0 0 360 176"),
            ("role", "img"),
            ("aria-label", label),
        ],
        out,
    )
}
