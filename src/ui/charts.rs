//! The SVG charts. Geometry comes from [`crate::chart`]; these components only draw it.
//! Each chart has a title, axis labels in the chosen language, and a text alternative.

use super::Ctx;
use crate::chart::{band, extent_with_zero, nice_ticks, tick_bounds, Scale};
use crate::engine::campaigns::{Campaign, Table};
use crate::engine::measure::{Comparison, KpiUnit};
use crate::engine::model::Report;
use crate::engine::money::to_f64;
use crate::engine::sensitivity::tornado;
use crate::i18n::{fill, AppMsg, Msg, Text};
use leptos::prelude::*;
use rust_decimal::Decimal;

pub(super) const W: f64 = 560.0;
pub(super) const H: f64 = 280.0;
pub(super) const LEFT: f64 = 70.0;
pub(super) const RIGHT: f64 = 14.0;
pub(super) const TOP: f64 = 26.0;
pub(super) const BOTTOM: f64 = 44.0;

/// A screen coordinate as a whole number: a viewBox unit is finer than a pixel here, and
/// whole numbers keep float formatting out of the bundle.
pub(super) fn px(value: f64) -> i32 {
    value.round() as i32
}

/// A chart value back to `Decimal` for the formatter (chart data is `f64`).
fn decimal(value: f64) -> Decimal {
    Decimal::try_from(value).unwrap_or_default()
}

pub(super) fn year_label(ctx: Ctx, year: usize) -> String {
    if year == 0 {
        ctx.t(Msg::Initial).to_string()
    } else {
        year.to_string()
    }
}

/// Horizontal grid lines with compact money labels, and the two axis titles.
pub(super) fn y_axis(
    ctx: Ctx,
    ticks: &[f64],
    y: Scale,
    x_title: String,
    y_title: String,
) -> impl IntoView {
    let fmt = ctx.fmt.get();
    let lines = ticks
        .iter()
        .map(|&t| {
            let py = y.at(t);
            let label = fmt.money_compact(decimal(t));
            view! {
                <line class=if t == 0.0 { "zero" } else { "gridline" } x1=px(LEFT) x2=px(W - RIGHT) y1=px(py) y2=px(py) />
                <text class="tick" x=px(LEFT - 6.0) y=px(py + 4.0) text-anchor="end">{label}</text>
            }
        })
        .collect_view();
    view! {
        {lines}
        <text class="axis-title" x=px((LEFT + W - RIGHT) / 2.0) y=px(H - 4.0) text-anchor="middle">{x_title}</text>
        // Above the tick labels rather than turned beside them, where long labels
        // ("-200 mil €") ran into it.
        <text class="axis-title" x="0" y="12">{y_title}</text>
    }
}

/// A chart's frame: heading, SVG with title and description, and a legend.
#[component]
pub(super) fn Figure(
    id: &'static str,
    title: Signal<&'static str>,
    desc: Signal<String>,
    #[prop(optional)] height: Option<Signal<f64>>,
    #[prop(optional)] note: Option<Signal<Option<String>>>,
    children: Children,
) -> impl IntoView {
    let height = height.unwrap_or_else(|| Signal::derive(|| H));
    view! {
        <figure class="panel chart" data-testid=id>
            <h3 id=format!("{id}-title")>{move || title.get()}</h3>
            {note.map(|note| view! { <p class="chart-note">{move || note.get()}</p> })}
            <svg
                viewBox=move || format!("0 0 {} {}", px(W), px(height.get()))
                role="img"
                aria-labelledby=format!("{id}-title {id}-desc")
            >
                <desc id=format!("{id}-desc")>{move || desc.get()}</desc>
                {children()}
            </svg>
        </figure>
    }
}

/// Cumulative net cash flow by year, with the break-even point marked.
#[component]
pub fn CumulativeChart(ctx: Ctx, report: Memo<Option<Report>>) -> impl IntoView {
    let desc = Signal::derive(move || {
        let fmt = ctx.fmt.get();
        let points = report
            .get()
            .map(|r| {
                r.years
                    .iter()
                    .map(|y| format!("{} {}", year_label(ctx, y.year), fmt.money(y.cumulative)))
                    .collect::<Vec<_>>()
                    .join(", ")
            })
            .unwrap_or_default();
        fill(ctx.t(Msg::ChartCumulativeAlt), &[&points])
    });
    let body = move || {
        let r = report.get()?;
        let values: Vec<f64> = r.years.iter().map(|y| to_f64(y.cumulative)).collect();
        let (lo, hi) = extent_with_zero(values.iter().copied());
        let ticks = nice_ticks(lo, hi, 5);
        let y = Scale::new(tick_bounds(&ticks), (H - BOTTOM, TOP));
        let last = (values.len().max(2) - 1) as f64;
        let x = Scale::new((0.0, last), (LEFT + 20.0, W - RIGHT - 20.0));
        let line: Vec<String> = values
            .iter()
            .enumerate()
            .map(|(i, v)| format!("{},{}", px(x.at(i as f64)), px(y.at(*v))))
            .collect();
        let area = format!(
            "M{},{} L{} L{},{} Z",
            px(x.at(0.0)),
            px(y.at(0.0)),
            line.join(" L"),
            px(x.at(last)),
            px(y.at(0.0))
        );
        let marker = r.payback_months.filter(|m| !m.is_zero()).map(|m| {
            let at = px(x.at(to_f64(m) / 12.0));
            view! {
                <g class="break-even" data-testid="break-even-marker">
                    <line x1=at x2=at y1=px(TOP) y2=px(H - BOTTOM) />
                    <circle cx=at cy=px(y.at(0.0)) r="6" />
                </g>
            }
        });
        let dots = values
            .iter()
            .enumerate()
            .map(|(i, v)| {
                let (cx, cy) = (px(x.at(i as f64)), px(y.at(*v)));
                view! {
                    <circle class=if *v < 0.0 { "dot neg" } else { "dot" } cx=cx cy=cy r="4" />
                    <text class="tick" x=cx y=px(H - BOTTOM + 16.0) text-anchor="middle">{year_label(ctx, i)}</text>
                }
            })
            .collect_view();
        let currency = ctx.fmt.get().currency.code();
        Some(view! {
            {y_axis(ctx, &ticks, y, ctx.t(Msg::AxisYear).to_string(), fill(ctx.t(Msg::AxisAmount), &[currency]))}
            <path class="area" d=area />
            <polyline class="line" points=line.join(" ") />
            {dots}
            {marker}
        })
    };
    let note = Signal::derive(move || {
        let months = report.get()?.payback_months.filter(|m| !m.is_zero())?;
        Some(format!(
            "● {}: {}",
            ctx.t(Msg::BreakEvenPoint),
            ctx.fmt.get().months(months)
        ))
    });
    view! {
        <Figure id="chart-cumulative" title=Signal::derive(ctx.tr(Msg::ChartCumulative)) desc note>
            {body}
        </Figure>
    }
}

/// Costs and benefits side by side for each year.
#[component]
pub fn CostsBenefitsChart(ctx: Ctx, report: Memo<Option<Report>>) -> impl IntoView {
    let desc = Signal::derive(move || {
        let fmt = ctx.fmt.get();
        let rows = report
            .get()
            .map(|r| {
                r.years
                    .iter()
                    .map(|y| {
                        format!(
                            "{}: {} {}, {} {}",
                            year_label(ctx, y.year),
                            ctx.t(AppMsg::Costs),
                            fmt.money(y.costs),
                            ctx.t(AppMsg::Benefits),
                            fmt.money(y.benefits)
                        )
                    })
                    .collect::<Vec<_>>()
                    .join("; ")
            })
            .unwrap_or_default();
        fill(ctx.t(AppMsg::ChartCostsBenefitsAlt), &[&rows])
    });
    let body = move || {
        let r = report.get()?;
        let (lo, hi) = extent_with_zero(
            r.years
                .iter()
                .flat_map(|y| [to_f64(y.costs), to_f64(y.benefits)]),
        );
        let ticks = nice_ticks(lo, hi, 5);
        let y = Scale::new(tick_bounds(&ticks), (H - BOTTOM, TOP));
        let plot = W - LEFT - RIGHT;
        let bars = r
            .years
            .iter()
            .enumerate()
            .map(|(i, row)| {
                let (bx, bw) = band(i, r.years.len(), plot, 0.3);
                let bx = LEFT + bx;
                let half = bw / 2.0;
                let rect = |class: &'static str, left: f64, value: Decimal| {
                    let top = y.at(to_f64(value));
                    let base = y.at(0.0);
                    view! { <rect class=class x=px(left) y=px(top.min(base)) width=px(half) height=px((base - top).abs()) /> }
                };
                view! {
                    {rect("cost", bx, row.costs)}
                    {rect("benefit", bx + half, row.benefits)}
                    <text class="tick" x=px(bx + half) y=px(H - BOTTOM + 16.0) text-anchor="middle">{year_label(ctx, row.year)}</text>
                }
            })
            .collect_view();
        let currency = ctx.fmt.get().currency.code();
        Some(view! {
            {y_axis(ctx, &ticks, y, ctx.t(Msg::AxisYear).to_string(), fill(ctx.t(Msg::AxisAmount), &[currency]))}
            {bars}
        })
    };
    view! {
        <Figure id="chart-costs-benefits" title=Signal::derive(ctx.tr(AppMsg::ChartCostsBenefits)) desc>
            {body}
        </Figure>
        <ul class="legend" aria-hidden="true">
            <li class="cost">{ctx.tr(AppMsg::Costs)}</li>
            <li class="benefit">{ctx.tr(AppMsg::Benefits)}</li>
        </ul>
    }
}

/// How many drivers the tornado shows.
const TORNADO_ROWS: usize = 8;
const ROW_H: f64 = 46.0;

/// NPV with each of the heaviest drivers 20 % lower and higher, centred on today's NPV.
#[component]
pub fn TornadoChart(ctx: Ctx) -> impl IntoView {
    let swings = Memo::new(move |_| {
        ctx.inputs.with(|i| {
            tornado(i).map(|mut v| {
                v.truncate(TORNADO_ROWS);
                v
            })
        })
    });
    let npv = Memo::new(move |_| ctx.report.get().map(|r| r.npv).unwrap_or_default());
    let height = Signal::derive(move || {
        let rows = swings.get().map(|v| v.len()).unwrap_or(0) as f64;
        TOP + rows * ROW_H + 40.0
    });
    let desc = Signal::derive(move || {
        let fmt = ctx.fmt.get();
        let rows = swings
            .get()
            .map(|v| {
                v.iter()
                    .map(|s| {
                        format!(
                            "{}: {} / {}",
                            Msg::Field(s.field).text(fmt.lang),
                            fmt.money(decimal(s.npv_low)),
                            fmt.money(decimal(s.npv_high))
                        )
                    })
                    .collect::<Vec<_>>()
                    .join("; ")
            })
            .unwrap_or_default();
        fill(ctx.t(AppMsg::ChartTornadoAlt), &[&rows])
    });
    let body = move || {
        let list = swings.get().ok()?;
        let fmt = ctx.fmt.get();
        let base = to_f64(npv.get());
        let (lo, hi) = list
            .iter()
            .flat_map(|s| [s.npv_low, s.npv_high])
            .fold((base, base), |(lo, hi), v| (lo.min(v), hi.max(v)));
        let ticks = nice_ticks(lo, hi, 4);
        let x = Scale::new(tick_bounds(&ticks), (16.0, W - 16.0));
        let bottom = TOP + list.len() as f64 * ROW_H;
        let rows = list
            .iter()
            .enumerate()
            .map(|(i, s)| {
                let top = TOP + i as f64 * ROW_H;
                let bar = |class: &'static str, value: f64| {
                    let (a, b) = (x.at(base), x.at(value));
                    view! { <rect class=class x=px(a.min(b)) y=px(top + 20.0) width=px((a - b).abs().max(1.0)) height="18" /> }
                };
                view! {
                    <text class="bar-label" x="16" y=px(top + 14.0)>{Msg::Field(s.field).text(fmt.lang)}</text>
                    {bar("low", s.npv_low)}
                    {bar("high", s.npv_high)}
                }
            })
            .collect_view();
        let axis = ticks
            .iter()
            .map(|&t| {
                view! {
                    <text class="tick" x=px(x.at(t)) y=px(bottom + 18.0) text-anchor="middle">
                        {fmt.money_compact(decimal(t))}
                    </text>
                }
            })
            .collect_view();
        Some(view! {
            {rows}
            <line class="zero" x1=px(x.at(base)) x2=px(x.at(base)) y1=px(TOP) y2=px(bottom) />
            {axis}
            <text class="axis-title" x=px(W / 2.0) y=px(bottom + 36.0) text-anchor="middle">
                {fill(ctx.t(AppMsg::AxisNpv), &[fmt.currency.code()])}
            </text>
        })
    };
    view! {
        <Figure id="chart-tornado" title=Signal::derive(ctx.tr(AppMsg::ChartTornado)) desc height>
            {body}
        </Figure>
        <ul class="legend" aria-hidden="true">
            <li class="low">{ctx.tr(AppMsg::TornadoLow)}</li>
            <li class="high">{ctx.tr(AppMsg::TornadoHigh)}</li>
        </ul>
    }
}

/// A horizontal bar chart with two bars per labelled row, on a shared value axis that
/// includes zero. `rows` holds `(label, first bar, second bar)`.
fn horizontal_bars(
    rows: &[(String, f64, f64)],
    classes: (&'static str, &'static str),
    tick_label: impl Fn(f64) -> String,
    axis_title: String,
) -> impl IntoView {
    let (lo, hi) = extent_with_zero(rows.iter().flat_map(|(_, a, b)| [*a, *b]));
    let ticks = nice_ticks(lo, hi, 4);
    let x = Scale::new(tick_bounds(&ticks), (16.0, W - 16.0));
    let bottom = TOP + rows.len() as f64 * ROW_H;
    let zero = x.at(0.0);
    let bars = rows
        .iter()
        .enumerate()
        .map(|(i, (label, a, b))| {
            let top = TOP + i as f64 * ROW_H;
            let bar = |class: &'static str, value: f64, y: f64, h: f64| {
                let end = x.at(value);
                view! { <rect class=class x=px(zero.min(end)) y=px(y) width=px((zero - end).abs().max(1.0)) height=px(h) /> }
            };
            view! {
                <text class="bar-label" x="16" y=px(top + 14.0)>{label.clone()}</text>
                {bar(classes.0, *a, top + 19.0, 10.0)}
                {bar(classes.1, *b, top + 30.0, 10.0)}
            }
        })
        .collect_view();
    let axis = ticks
        .iter()
        .map(|&t| view! { <text class="tick" x=px(x.at(t)) y=px(bottom + 18.0) text-anchor="middle">{tick_label(t)}</text> })
        .collect_view();
    view! {
        {bars}
        <line class="zero" x1=px(zero) x2=px(zero) y1=px(TOP) y2=px(bottom) />
        {axis}
        <text class="axis-title" x=px(W / 2.0) y=px(bottom + 36.0) text-anchor="middle">{axis_title}</text>
    }
}

/// The height of a [`horizontal_bars`] chart of `rows` rows.
fn bars_height(rows: usize) -> f64 {
    TOP + rows.max(1) as f64 * ROW_H + 40.0
}

/// Rows of a two-bar percentage chart: label, first bar, second bar.
type PairRows = Vec<(String, f64, f64)>;

/// A horizontal chart of two percentages per row, with its legend; nothing when there
/// are no rows.
#[component]
fn PercentPairs(
    ctx: Ctx,
    id: &'static str,
    title: AppMsg,
    alt: AppMsg,
    rows: Memo<PairRows>,
    /// CSS class and legend of the first and second bar.
    first: (&'static str, AppMsg),
    second: (&'static str, AppMsg),
) -> impl IntoView {
    let height = Signal::derive(move || bars_height(rows.with(Vec::len)));
    let desc = Signal::derive(move || {
        let fmt = ctx.fmt.get();
        let (a_name, b_name) = (ctx.t(first.1), ctx.t(second.1));
        let list = rows.with(|r| {
            r.iter()
                .map(|(label, a, b)| {
                    let (a, b) = (fmt.percent(decimal(*a)), fmt.percent(decimal(*b)));
                    format!("{label}: {a_name} {a}, {b_name} {b}")
                })
                .collect::<Vec<_>>()
                .join("; ")
        });
        fill(ctx.t(alt), &[&list])
    });
    let body = move || {
        let fmt = ctx.fmt.get();
        rows.with(|r| {
            horizontal_bars(
                r,
                (first.0, second.0),
                move |t| fmt.percent(decimal(t)),
                ctx.t(AppMsg::AxisPercent).to_string(),
            )
        })
    };
    view! {
        <Show when=move || !rows.with(Vec::is_empty)>
            <Figure id title=Signal::derive(ctx.tr(title)) desc height>
                {body}
            </Figure>
            <ul class="legend" aria-hidden="true">
                <li class=first.0>{ctx.tr(first.1)}</li>
                <li class=second.0>{ctx.tr(second.1)}</li>
            </ul>
        </Show>
    }
}

/// Baseline against current for every rate KPI measured in both periods.
#[component]
pub fn BeforeAfterChart(ctx: Ctx, comparisons: Memo<Vec<Comparison>>) -> impl IntoView {
    let rows = Memo::new(move |_| {
        let lang = ctx.lang.get();
        comparisons.with(|all| {
            all.iter()
                .filter(|c| c.kpi.unit() == KpiUnit::Percent)
                .filter_map(|c| {
                    let (b, a) = (c.baseline.ok()?, c.current.ok()?);
                    Some((
                        AppMsg::KpiName(c.kpi).text(lang).to_string(),
                        to_f64(b),
                        to_f64(a),
                    ))
                })
                .collect()
        })
    });
    view! {
        <PercentPairs
            ctx
            id="chart-before-after"
            title=AppMsg::ChartBeforeAfter
            alt=AppMsg::ChartBeforeAfterAlt
            rows
            first=("before", AppMsg::Baseline)
            second=("after", AppMsg::Current)
        />
    }
}

/// ROI and ROMI of each campaign with a spend.
#[component]
pub fn CampaignChart(
    ctx: Ctx,
    campaigns: Memo<Vec<Campaign>>,
    table: Memo<Table>,
) -> impl IntoView {
    let rows = Memo::new(move |_| {
        campaigns.with(|list| {
            table.with(|t| {
                list.iter()
                    .zip(&t.rows)
                    .filter_map(|(c, m)| {
                        let m = m.as_ref().ok()?;
                        Some((c.name.clone(), to_f64(m.romi_pct?), to_f64(m.roas_pct()?)))
                    })
                    .collect()
            })
        })
    });
    view! {
        <PercentPairs
            ctx
            id="chart-campaigns"
            title=AppMsg::ChartCampaigns
            alt=AppMsg::ChartCampaignsAlt
            rows
            first=("romi", AppMsg::MetricRomi)
            second=("roas", AppMsg::MetricRoas)
        />
    }
}
