//! The simulation's figures as HTML text (a fraction of the code reactive views would
//! take, for figures redrawn whole when a simulation ends): the chance of a positive NPV,
//! the table of P10, P50, P90 and mean, NPV's histogram with P10, P50, P90 and zero
//! marked, its S-curve (cumulative share of trials), and the drivers' rank correlations
//! with NPV.

use super::{decimal, months, share};
use crate::chart::{nice_ticks, tick_bounds, Scale};
use crate::engine::risk::{Spread, Summary};
use crate::html::{el, text, void, Html};
use crate::i18n::{fill, AppMsg, Msg, RiskMsg, Text};
use crate::ui::charts::{px, BOTTOM, H, LEFT, RIGHT, TOP, W};
use crate::ui::format::Fmt;

/// Drivers shown in the contributions chart.
const CONTRIBUTION_ROWS: usize = 8;
/// Height of one contribution row.
const ROW_H: f64 = 30.0;

/// Everything a finished simulation shows, as HTML.
pub fn summary_html(fmt: Fmt, s: &Summary) -> Html {
    figures_html(fmt, s) + histogram(fmt, s) + s_curve(fmt, s) + contributions(fmt, s)
}

/// A pixel position as an attribute's text.
fn at(value: f64) -> String {
    px(value).to_string()
}

/// The chance of a positive NPV, the table of quantiles and the share that never pays
/// back. Each figure's cell carries `data-value`: the figure to the cent (a share in
/// percent to 0.01), for checks.
fn figures_html(fmt: Fmt, s: &Summary) -> Html {
    let lang = fmt.lang;
    let cell = |shown: String, raw: String| el("td", &[("data-value", &raw)], text(&shown));
    let head = |label: &str| el("th", &[("scope", "row")], text(label));
    let row = |label: &str, testid: &str, v: Spread, show: &dyn Fn(f64) -> String| {
        let cells: Html = [v.p10, v.p50, v.p90, v.mean]
            .into_iter()
            .map(|x| cell(show(x), decimal(x).to_string()))
            .collect();
        el("tr", &[("data-testid", testid)], head(label) + cells)
    };
    let npv = row(Msg::Npv.text(lang), "risk-npv", s.npv, &|x| {
        fmt.money(decimal(x))
    });
    let roi = s.roi_pct.map_or_else(Html::default, |v| {
        row(Msg::Roi.text(lang), "risk-roi", v, &|x| {
            fmt.percent(decimal(x).round_dp(1))
        })
    });
    let month = |x: Option<f64>| {
        let value = x.map_or_else(|| "never".to_string(), |m| decimal(m).to_string());
        cell(months(fmt, x), value)
    };
    let p = s.payback;
    let payback = el(
        "tr",
        &[("data-testid", "risk-payback")],
        head(Msg::Payback.text(lang))
            + month(p.p10)
            + month(p.p50)
            + month(p.p90)
            + el("td", &[], Html::default()),
    );
    let caption = RiskMsg::TableCaption.text(lang);
    let col = |title: &str| el("th", &[("scope", "col")], text(title));
    let heads = col("")
        + col("P10")
        + col(RiskMsg::Median.text(lang))
        + col("P90")
        + col(RiskMsg::Mean.text(lang));
    let chance = decimal(s.npv_positive_share * 100.0).to_string();
    let never = decimal(p.never_share * 100.0).to_string();
    el(
        "p",
        &[
            ("class", "risk-chance"),
            ("data-testid", "risk-chance"),
            ("data-value", &chance),
        ],
        el("b", &[], text(&share(fmt, s.npv_positive_share)))
            + text(" ")
            + text(RiskMsg::Chance.text(lang)),
    ) + el(
        "div",
        &[
            ("class", "table-scroll"),
            ("tabindex", "0"),
            ("role", "region"),
            ("aria-label", caption),
        ],
        el(
            "table",
            &[("class", "risk-table"), ("data-testid", "risk-table")],
            el("caption", &[], text(caption))
                + el("thead", &[], el("tr", &[], heads))
                + el("tbody", &[], npv + roi + payback),
        ),
    ) + el(
        "p",
        &[
            ("class", "hint"),
            ("data-testid", "risk-never"),
            ("data-value", &never),
        ],
        text(&fill(
            RiskMsg::Never.text(lang),
            &[&share(fmt, p.never_share)],
        )),
    )
}

/// A chart: its frame, heading, and an SVG of `height` with a title and description.
fn figure(id: &str, title: &str, desc: &str, height: f64, body: Html) -> Html {
    let (title_id, desc_id) = (format!("{id}-title"), format!("{id}-desc"));
    let labelled_by = format!("{title_id} {desc_id}");
    let view_box = format!("0 0 {} {}", px(W), px(height));
    el(
        "figure",
        &[("class", "panel chart"), ("data-testid", id)],
        el("h3", &[("id", &title_id)], text(title))
            + el(
                "svg",
                &[
                    ("viewBox", &view_box),
                    ("role", "img"),
                    ("aria-labelledby", &labelled_by),
                ],
                el("desc", &[("id", &desc_id)], text(desc)) + body,
            ),
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

/// A label at (`x`, `y`) with its class and anchor (`""` for the start).
fn label(class: &'static str, x: String, y: String, anchor: &str, words: &str) -> Html {
    let mut attrs = vec![("class", class), ("x", x.as_str()), ("y", y.as_str())];
    if !anchor.is_empty() {
        attrs.push(("text-anchor", anchor));
    }
    el("text", &attrs, text(words))
}

/// Money ticks along the bottom, the axis titles, and zero marked when on the axis.
fn x_axis(fmt: Fmt, ticks: &[f64], x: Scale, y_title: &str) -> Html {
    let mut out: Html = ticks
        .iter()
        .map(|&t| {
            let money = fmt.money_compact(decimal(t));
            label("tick", at(x.at(t)), at(H - BOTTOM + 18.0), "middle", &money)
        })
        .collect();
    // Zero, when on the axis: a line (its tick label names it).
    let zero = x.at(0.0);
    if (LEFT..=W - RIGHT).contains(&zero) {
        out.push(marker(zero, "zero", ""));
    }
    let title = fill(AppMsg::AxisNpv.text(fmt.lang), &[fmt.currency.code()]);
    out + label(
        "axis-title",
        at((LEFT + W - RIGHT) / 2.0),
        at(H - 4.0),
        "middle",
        &title,
    ) + label("axis-title", "0".into(), "12".into(), "", y_title)
}

/// A line from (`x1`, `y1`) to (`x2`, `y2`).
fn line(class: &'static str, x1: f64, x2: f64, y1: f64, y2: f64) -> Html {
    void(
        "line",
        &[
            ("class", class),
            ("x1", &at(x1)),
            ("x2", &at(x2)),
            ("y1", &at(y1)),
            ("y2", &at(y2)),
        ],
    )
}

/// A vertical marker across the plot with its label at the top.
fn marker(x: f64, class: &'static str, words: &str) -> Html {
    line(class, x, x, TOP, H - BOTTOM)
        + label("marker-label", at(x + 3.0), at(TOP - 4.0), "", words)
}

/// NPV's histogram, losses in their own colour.
fn histogram(fmt: Fmt, s: &Summary) -> Html {
    let (ticks, x) = npv_axis(s);
    let most = s.histogram.counts.iter().copied().max().unwrap_or(0).max(1) as f64;
    let y = Scale::new((0.0, most), (H - BOTTOM, TOP));
    let mut body: Html = s
        .histogram
        .counts
        .iter()
        .zip(s.histogram.edges.windows(2))
        .map(|(&count, edge)| {
            let (a, b) = (x.at(edge[0]), x.at(edge[1]));
            let top = y.at(count as f64);
            let class = if edge[1] <= 0.0 { "bin loss" } else { "bin" };
            void(
                "rect",
                &[
                    ("class", class),
                    ("x", &at(a)),
                    ("y", &at(top)),
                    ("width", &at((b - a - 1.0).max(1.0))),
                    ("height", &at(H - BOTTOM - top)),
                ],
            )
        })
        .collect();
    for (name, value) in [("P10", s.npv.p10), ("P50", s.npv.p50), ("P90", s.npv.p90)] {
        body.push(marker(x.at(value), "mark", name));
    }
    body.push(x_axis(fmt, &ticks, x, RiskMsg::AxisTrials.text(fmt.lang)));
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
        body,
    )
}

/// NPV's S-curve: the share of trials whose NPV is at most each value.
fn s_curve(fmt: Fmt, s: &Summary) -> Html {
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
    let mut body: Html = [0.1, 0.5, 0.9]
        .into_iter()
        .map(|level| {
            let py = y.at(level);
            line("gridline", LEFT, W - RIGHT, py, py)
                + label(
                    "tick",
                    at(LEFT - 6.0),
                    (px(py) + 4).to_string(),
                    "end",
                    &share(fmt, level),
                )
        })
        .collect();
    body.push(void("path", &[("class", "curve"), ("d", &path)]));
    body.push(x_axis(fmt, &ticks, x, RiskMsg::AxisShare.text(fmt.lang)));
    let point = |k: usize| {
        s.s_curve
            .get(k)
            .map(|p| fmt.money(decimal(p.npv)))
            .unwrap_or_default()
    };
    let desc = fill(
        RiskMsg::ChartSCurveAlt.text(fmt.lang),
        &[&point(10), &point(50), &point(90)],
    );
    figure(
        "chart-risk-scurve",
        RiskMsg::ChartSCurve.text(fmt.lang),
        &desc,
        H,
        body,
    )
}

/// The drivers that move NPV most across the trials: Spearman's ρ, −1 to 1.
fn contributions(fmt: Fmt, s: &Summary) -> Html {
    let lang = fmt.lang;
    let rows = &s.contributions[..s.contributions.len().min(CONTRIBUTION_ROWS)];
    let rho = |v: f64| fmt.plain(decimal(v).round_dp(2));
    let x = Scale::new((-1.0, 1.0), (16.0, W - 16.0));
    let zero = x.at(0.0);
    let bottom = TOP + rows.len() as f64 * ROW_H;
    let mut body: Html = rows
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let top = TOP + i as f64 * ROW_H;
            let end = x.at(c.spearman);
            let class = if c.spearman < 0.0 {
                "rho-neg"
            } else {
                "rho-pos"
            };
            let words = format!("{} ({})", Msg::Field(c.field).text(lang), rho(c.spearman));
            label("bar-label", "16".into(), at(top + 11.0), "", &words)
                + void(
                    "rect",
                    &[
                        ("class", class),
                        ("x", &at(zero.min(end))),
                        ("y", &at(top + 15.0)),
                        ("width", &at((zero - end).abs().max(1.0))),
                        ("height", "10"),
                    ],
                )
        })
        .collect();
    body.push(line("zero", zero, zero, TOP, bottom));
    for t in [-1.0, -0.5, 0.0, 0.5, 1.0] {
        let tick = fmt.plain(decimal(t));
        body.push(label(
            "tick",
            at(x.at(t)),
            at(bottom + 18.0),
            "middle",
            &tick,
        ));
    }
    body.push(label(
        "axis-title",
        at(W / 2.0),
        at(bottom + 36.0),
        "middle",
        RiskMsg::AxisRho.text(lang),
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
        body,
    )
}
