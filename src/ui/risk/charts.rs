//! The simulation's figures as HTML text (a fraction of the code reactive views would
//! take, for figures redrawn whole when a simulation ends): the chance of a positive NPV,
//! the table of P10, P50, P90 and mean, NPV's histogram with P10, P50, P90 and zero
//! marked, its S-curve (cumulative share of trials), and the drivers' rank correlations
//! with NPV.

use super::{decimal, months, share};
use crate::chart::{nice_ticks, tick_bounds, Scale};
use crate::engine::risk::{Spread, Summary};
use crate::html::esc;
use crate::i18n::{fill, AppMsg, Msg, RiskMsg, Text};
use crate::ui::charts::{px, BOTTOM, H, LEFT, RIGHT, TOP, W};
use crate::ui::format::Fmt;

/// Drivers shown in the contributions chart.
const CONTRIBUTION_ROWS: usize = 8;
/// Height of one contribution row.
const ROW_H: f64 = 30.0;

/// Everything a finished simulation shows, as HTML.
pub fn summary_html(fmt: Fmt, s: &Summary) -> String {
    let mut html = figures_html(fmt, s);
    html.push_str(&histogram(fmt, s));
    html.push_str(&s_curve(fmt, s));
    html.push_str(&contributions(fmt, s));
    html
}

/// The chance of a positive NPV, the table of quantiles and the share that never pays
/// back. Each figure's cell carries `data-value`: the figure to the cent (a share in
/// percent to 0.01), for checks.
fn figures_html(fmt: Fmt, s: &Summary) -> String {
    let lang = fmt.lang;
    let cell =
        |text: String, raw: f64| format!("<td data-value=\"{}\">{}</td>", decimal(raw), esc(&text));
    let row = |label: &str, testid: &str, v: Spread, show: &dyn Fn(f64) -> String| {
        format!(
            "<tr data-testid=\"{testid}\"><th scope=\"row\">{}</th>{}{}{}{}</tr>",
            esc(label),
            cell(show(v.p10), v.p10),
            cell(show(v.p50), v.p50),
            cell(show(v.p90), v.p90),
            cell(show(v.mean), v.mean)
        )
    };
    let npv = row(Msg::Npv.text(lang), "risk-npv", s.npv, &|x| {
        fmt.money(decimal(x))
    });
    let roi = s.roi_pct.map_or_else(String::new, |v| {
        row(Msg::Roi.text(lang), "risk-roi", v, &|x| {
            fmt.percent(decimal(x).round_dp(1))
        })
    });
    let month = |x: Option<f64>| {
        let value = x.map_or_else(|| "never".to_string(), |m| decimal(m).to_string());
        format!("<td data-value=\"{value}\">{}</td>", esc(&months(fmt, x)))
    };
    let p = s.payback;
    let caption = esc(RiskMsg::TableCaption.text(lang));
    format!(
        "<p class=\"risk-chance\" data-testid=\"risk-chance\" data-value=\"{}\"><b>{}</b> {}</p>\
         <div class=\"table-scroll\" tabindex=\"0\" role=\"region\" aria-label=\"{caption}\"><table class=\"risk-table\" data-testid=\"risk-table\"><caption>{caption}</caption>\
         <thead><tr><th scope=\"col\"></th><th scope=\"col\">P10</th><th scope=\"col\">{}</th><th scope=\"col\">P90</th><th scope=\"col\">{}</th></tr></thead>\
         <tbody>{npv}{roi}<tr data-testid=\"risk-payback\"><th scope=\"row\">{}</th>{}{}{}<td></td></tr></tbody></table></div>\
         <p class=\"hint\" data-testid=\"risk-never\" data-value=\"{}\">{}</p>",
        decimal(s.npv_positive_share * 100.0),
        esc(&share(fmt, s.npv_positive_share)),
        esc(RiskMsg::Chance.text(lang)),
        esc(RiskMsg::Median.text(lang)),
        esc(RiskMsg::Mean.text(lang)),
        esc(Msg::Payback.text(lang)),
        month(p.p10),
        month(p.p50),
        month(p.p90),
        decimal(p.never_share * 100.0),
        esc(&fill(RiskMsg::Never.text(lang), &[&share(fmt, p.never_share)])),
    )
}

/// A chart: its frame, heading, and an SVG of `height` with a title and description.
fn figure(id: &str, title: &str, desc: &str, height: f64, body: &str) -> String {
    format!(
        "<figure class=\"panel chart\" data-testid=\"{id}\"><h3 id=\"{id}-title\">{}</h3>\
         <svg viewBox=\"0 0 {} {}\" role=\"img\" aria-labelledby=\"{id}-title {id}-desc\"><desc id=\"{id}-desc\">{}</desc>{body}</svg></figure>",
        esc(title),
        px(W),
        px(height),
        esc(desc)
    )
}

/// The NPV axis of both distribution charts: the trials' range, widened to zero when zero
/// is within one range's width of it (farther, the chance of a loss is plain from the
/// figures, and zero would squeeze the bars into a sliver).
fn npv_axis(s: &Summary) -> (Vec<f64>, Scale) {
    let edges = &s.histogram.edges;
    let (lo, hi) = (
        edges.first().copied().unwrap_or(0.0),
        edges.last().copied().unwrap_or(0.0),
    );
    let width = (hi - lo).max(1.0);
    let (lo, hi) = if lo - width <= 0.0 && 0.0 <= hi + width {
        (lo.min(0.0), hi.max(0.0))
    } else {
        (lo, hi)
    };
    let ticks = nice_ticks(lo, hi, 4);
    let x = Scale::new(tick_bounds(&ticks), (LEFT, W - RIGHT));
    (ticks, x)
}

/// Money ticks along the bottom, the axis titles, and zero marked when on the axis.
fn x_axis(fmt: Fmt, ticks: &[f64], x: Scale, y_title: &str) -> String {
    let mut out: String = ticks
        .iter()
        .map(|&t| {
            format!(
                "<text class=\"tick\" x=\"{}\" y=\"{}\" text-anchor=\"middle\">{}</text>",
                px(x.at(t)),
                px(H - BOTTOM + 18.0),
                esc(&fmt.money_compact(decimal(t)))
            )
        })
        .collect();
    // Zero, when on the axis: a line (its tick label names it).
    let zero = x.at(0.0);
    if (LEFT..=W - RIGHT).contains(&zero) {
        out.push_str(&marker(zero, "zero", ""));
    }
    out.push_str(&format!(
        "<text class=\"axis-title\" x=\"{}\" y=\"{}\" text-anchor=\"middle\">{}</text><text class=\"axis-title\" x=\"0\" y=\"12\">{}</text>",
        px((LEFT + W - RIGHT) / 2.0),
        px(H - 4.0),
        esc(&fill(AppMsg::AxisNpv.text(fmt.lang), &[fmt.currency.code()])),
        esc(y_title)
    ));
    out
}

/// A vertical marker across the plot with its label at the top.
fn marker(x: f64, class: &str, label: &str) -> String {
    format!(
        "<line class=\"{class}\" x1=\"{0}\" x2=\"{0}\" y1=\"{1}\" y2=\"{2}\"/><text class=\"marker-label\" x=\"{3}\" y=\"{4}\">{label}</text>",
        px(x),
        px(TOP),
        px(H - BOTTOM),
        px(x + 3.0),
        px(TOP - 4.0)
    )
}

/// NPV's histogram, losses in their own colour.
fn histogram(fmt: Fmt, s: &Summary) -> String {
    let (ticks, x) = npv_axis(s);
    let most = s.histogram.counts.iter().copied().max().unwrap_or(0).max(1) as f64;
    let y = Scale::new((0.0, most), (H - BOTTOM, TOP));
    let mut body: String = s
        .histogram
        .counts
        .iter()
        .zip(s.histogram.edges.windows(2))
        .map(|(&count, edge)| {
            let (a, b) = (x.at(edge[0]), x.at(edge[1]));
            let top = y.at(count as f64);
            let class = if edge[1] <= 0.0 { "bin loss" } else { "bin" };
            format!(
                "<rect class=\"{class}\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\"/>",
                px(a),
                px(top),
                px((b - a - 1.0).max(1.0)),
                px(H - BOTTOM - top)
            )
        })
        .collect();
    for (label, value) in [("P10", s.npv.p10), ("P50", s.npv.p50), ("P90", s.npv.p90)] {
        body.push_str(&marker(x.at(value), "mark", label));
    }
    body.push_str(&x_axis(fmt, &ticks, x, RiskMsg::AxisTrials.text(fmt.lang)));
    let desc = fill(
        RiskMsg::ChartHistogramAlt.text(fmt.lang),
        &[
            &fmt.plain(s.trials.into()),
            &fmt.money(decimal(s.npv.p10)),
            &fmt.money(decimal(s.npv.p50)),
            &fmt.money(decimal(s.npv.p90)),
            &share(fmt, s.npv_positive_share),
        ],
    );
    figure(
        "chart-risk-histogram",
        RiskMsg::ChartHistogram.text(fmt.lang),
        &desc,
        H,
        &body,
    )
}

/// NPV's S-curve: the share of trials whose NPV is at most each value.
fn s_curve(fmt: Fmt, s: &Summary) -> String {
    let (ticks, x) = npv_axis(s);
    let y = Scale::new((0.0, 1.0), (H - BOTTOM, TOP));
    let path: String = s
        .s_curve
        .iter()
        .enumerate()
        .map(|(k, p)| {
            format!(
                "{}{},{}",
                if k == 0 { 'M' } else { 'L' },
                px(x.at(p.npv)),
                px(y.at(p.share))
            )
        })
        .collect();
    let mut body: String = [0.1, 0.5, 0.9]
        .into_iter()
        .map(|level| {
            let py = px(y.at(level));
            format!(
                "<line class=\"gridline\" x1=\"{}\" x2=\"{}\" y1=\"{py}\" y2=\"{py}\"/><text class=\"tick\" x=\"{}\" y=\"{}\" text-anchor=\"end\">{}</text>",
                px(LEFT),
                px(W - RIGHT),
                px(LEFT - 6.0),
                py + 4,
                esc(&share(fmt, level))
            )
        })
        .collect();
    body.push_str(&format!("<path class=\"curve\" d=\"{path}\"/>"));
    body.push_str(&x_axis(fmt, &ticks, x, RiskMsg::AxisShare.text(fmt.lang)));
    let at = |k: usize| {
        s.s_curve
            .get(k)
            .map(|p| fmt.money(decimal(p.npv)))
            .unwrap_or_default()
    };
    let desc = fill(
        RiskMsg::ChartSCurveAlt.text(fmt.lang),
        &[&at(10), &at(50), &at(90)],
    );
    figure(
        "chart-risk-scurve",
        RiskMsg::ChartSCurve.text(fmt.lang),
        &desc,
        H,
        &body,
    )
}

/// The drivers that move NPV most across the trials: Spearman's ρ, −1 to 1.
fn contributions(fmt: Fmt, s: &Summary) -> String {
    let lang = fmt.lang;
    let rows = &s.contributions[..s.contributions.len().min(CONTRIBUTION_ROWS)];
    let rho = |v: f64| fmt.plain(decimal(v).round_dp(2));
    let x = Scale::new((-1.0, 1.0), (16.0, W - 16.0));
    let zero = x.at(0.0);
    let bottom = TOP + rows.len() as f64 * ROW_H;
    let mut body: String = rows
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let top = TOP + i as f64 * ROW_H;
            let end = x.at(c.spearman);
            let class = if c.spearman < 0.0 { "rho-neg" } else { "rho-pos" };
            format!(
                "<text class=\"bar-label\" x=\"16\" y=\"{}\">{} ({})</text><rect class=\"{class}\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"10\"/>",
                px(top + 11.0),
                esc(Msg::Field(c.field).text(lang)),
                esc(&rho(c.spearman)),
                px(zero.min(end)),
                px(top + 15.0),
                px((zero - end).abs().max(1.0))
            )
        })
        .collect();
    body.push_str(&format!(
        "<line class=\"zero\" x1=\"{0}\" x2=\"{0}\" y1=\"{1}\" y2=\"{2}\"/>",
        px(zero),
        px(TOP),
        px(bottom)
    ));
    for t in [-1.0, -0.5, 0.0, 0.5, 1.0] {
        body.push_str(&format!(
            "<text class=\"tick\" x=\"{}\" y=\"{}\" text-anchor=\"middle\">{}</text>",
            px(x.at(t)),
            px(bottom + 18.0),
            esc(&fmt.plain(decimal(t)))
        ));
    }
    body.push_str(&format!(
        "<text class=\"axis-title\" x=\"{}\" y=\"{}\" text-anchor=\"middle\">{}</text>",
        px(W / 2.0),
        px(bottom + 36.0),
        esc(RiskMsg::AxisRho.text(lang))
    ));
    let list = rows
        .iter()
        .map(|c| format!("{}: {}", Msg::Field(c.field).text(lang), rho(c.spearman)))
        .collect::<Vec<_>>()
        .join("; ");
    let desc = fill(RiskMsg::ChartContributionsAlt.text(lang), &[&list]);
    let height = TOP + rows.len().max(1) as f64 * ROW_H + 40.0;
    figure(
        "chart-risk-contributions",
        RiskMsg::ChartContributions.text(lang),
        &desc,
        height,
        &body,
    )
}
