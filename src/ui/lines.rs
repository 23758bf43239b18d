//! The calculator's breakdown by line: each year's benefits stacked by line, and the
//! costs and benefits by line and year (the report's table) behind a disclosure.

use super::breakdown::flows_table;
use super::charts::{px, y_axis, year_label, Figure, BOTTOM, H, LEFT, RIGHT, TOP, W};
use super::Ctx;
use crate::chart::{band, extent_with_zero, nice_ticks, stack, tick_bounds, Scale};
use crate::engine::model::{BenefitLine, Report};
use crate::engine::money::to_f64;
use crate::i18n::{fill, AppMsg, Msg, Text};
use leptos::prelude::*;

/// Each year's benefits as one bar stacked by line (a colour per line, `seg-<index>` in
/// style/charts.css), the lines worth nothing left out of the legend.
#[component]
pub(super) fn BenefitsByLineChart(ctx: Ctx, report: Memo<Option<Report>>) -> impl IntoView {
    // The lines with any amount, in display order: the only ones drawn and named.
    let shown = Memo::new(move |_| {
        report.with(|r| {
            r.as_ref().map_or_else(Vec::new, |r| {
                BenefitLine::ALL
                    .into_iter()
                    .filter(|l| {
                        r.years
                            .iter()
                            .any(|y| !y.benefit_lines[l.index()].is_zero())
                    })
                    .collect::<Vec<_>>()
            })
        })
    });
    let desc = Signal::derive(move || {
        let fmt = ctx.fmt.get();
        let lang = fmt.lang;
        let rows = report
            .get()
            .map(|r| {
                r.years
                    .iter()
                    .skip(1)
                    .map(|y| {
                        let parts: Vec<String> = shown
                            .get()
                            .iter()
                            .map(|l| {
                                format!(
                                    "{} {}",
                                    Msg::LineName(*l).text(lang),
                                    fmt.money(y.benefit_lines[l.index()])
                                )
                            })
                            .collect();
                        format!("{}: {}", year_label(ctx, y.year), parts.join(", "))
                    })
                    .collect::<Vec<_>>()
                    .join("; ")
            })
            .unwrap_or_default();
        fill(ctx.t(AppMsg::ChartByLineAlt), &[&rows])
    });
    let body = move || {
        let r = report.get()?;
        let lines = shown.get();
        let years: Vec<_> = r.years.iter().skip(1).collect();
        let stacks: Vec<Vec<(f64, f64)>> = years
            .iter()
            .map(|y| {
                stack(
                    &lines
                        .iter()
                        .map(|l| to_f64(y.benefit_lines[l.index()]))
                        .collect::<Vec<_>>(),
                )
            })
            .collect();
        let (lo, hi) = extent_with_zero(stacks.iter().flatten().flat_map(|&(a, b)| [a, b]));
        let ticks = nice_ticks(lo, hi, 5);
        let y = Scale::new(tick_bounds(&ticks), (H - BOTTOM, TOP));
        let plot = W - LEFT - RIGHT;
        let bars = years
            .iter()
            .zip(&stacks)
            .enumerate()
            .map(|(i, (row, segments))| {
                let (bx, bw) = band(i, years.len(), plot, 0.35);
                let bx = LEFT + bx;
                let rects = lines
                    .iter()
                    .zip(segments)
                    .map(|(line, &(bottom, top))| {
                        let (y0, y1) = (y.at(bottom), y.at(top));
                        view! { <rect class=format!("seg-{}", line.index()) x=px(bx) y=px(y1.min(y0)) width=px(bw) height=px((y0 - y1).abs()) /> }
                    })
                    .collect_view();
                view! {
                    {rects}
                    <text class="tick" x=px(bx + bw / 2.0) y=px(H - BOTTOM + 16.0) text-anchor="middle">{year_label(ctx, row.year)}</text>
                }
            })
            .collect_view();
        let currency = ctx.fmt.get().currency.code();
        Some(view! {
            {y_axis(ctx, &ticks, y, ctx.t(Msg::AxisYear).to_string(), fill(ctx.t(Msg::AxisAmount), &[currency]))}
            {bars}
        })
    };
    let legend = move || {
        let lang = ctx.lang.get();
        shown
            .get()
            .into_iter()
            .map(|l| view! { <li class=format!("seg-{}", l.index())>{Msg::LineName(l).text(lang)}</li> })
            .collect_view()
    };
    view! {
        <Figure id="chart-by-line" title=Signal::derive(ctx.tr(AppMsg::ChartByLine)) desc>
            {body}
        </Figure>
        <ul class="legend by-line" aria-hidden="true">{legend}</ul>
    }
}

/// Costs and benefits by line and year (the report's table), behind a disclosure.
#[component]
pub(super) fn ByLineTable(ctx: Ctx, report: Memo<Option<Report>>) -> impl IntoView {
    // Written only while open: a slider step then costs nothing here.
    let open = RwSignal::new(false);
    let html = move || {
        open.get()
            .then(|| {
                report.with(|r| {
                    r.as_ref()
                        .map(|r| String::from(flows_table(ctx.fmt.get(), r, "lines")))
                })
            })
            .flatten()
            .unwrap_or_default()
    };
    view! {
        <details class="panel by-line" data-testid="by-line" on:toggle=move |ev| open.set(is_open(&ev))>
            <summary>{ctx.tr(AppMsg::ByLine)}</summary>
            <div inner_html=html></div>
        </details>
    }
}

/// Whether the `<details>` a `toggle` event came from is now open.
pub(crate) fn is_open(ev: &leptos::ev::Event) -> bool {
    event_target::<web_sys::Element>(ev).has_attribute("open")
}
