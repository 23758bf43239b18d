//! The results' tables and charts: the segments, the revenue bars, the R×F grid, the top
//! customers and the rule with its SQL.

use super::*;

/// A segment's name.
pub(super) fn name(lang: Lang, segment: Segment) -> &'static str {
    RfmMsg::SegmentName(segment).text(lang)
}

pub(super) fn segment_table(fmt: Fmt, summaries: &[SegmentSummary]) -> String {
    let lang = fmt.lang;
    let t = |m: RfmMsg| m.text(lang);
    let rows: String = summaries
        .iter()
        .map(|s| {
            format!(
                "<tr data-testid=\"rfm-seg-{}\" data-customers=\"{}\"><th scope=\"row\">{}</th><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td></tr>",
                s.segment.key(),
                s.customers,
                esc(name(lang, s.segment)),
                count(fmt, s.customers),
                share(fmt, s.customer_share),
                esc(&fmt.money(s.revenue)),
                share(fmt, s.revenue_share),
                average(fmt, s.avg_recency),
                average(fmt, s.avg_frequency),
                esc(&s.avg_monetary.map_or_else(|| "—".into(), |m| fmt.money(m))),
            )
        })
        .collect();
    format!(
        "<section class=\"rfm-block\" data-testid=\"rfm-segments\"><h3>{}</h3>{}</section>",
        esc(t(RfmMsg::SegmentsTitle)),
        table(
            "rfm-segments",
            t(RfmMsg::SegmentsCaption),
            &[
                t(RfmMsg::SegmentHead),
                t(RfmMsg::Customers),
                t(RfmMsg::CustomerShare),
                t(RfmMsg::Revenue),
                t(RfmMsg::RevenueShare),
                t(RfmMsg::AvgRecency),
                t(RfmMsg::AvgFrequency),
                t(RfmMsg::AvgMonetary),
            ],
            &rows,
        )
    )
}

/// Revenue share by segment as horizontal bars (SVG: the page's style policy allows no
/// inline styles), largest first, with the share written beside each bar.
pub(super) fn revenue_bars(fmt: Fmt, summaries: &[SegmentSummary]) -> String {
    let lang = fmt.lang;
    let mut sorted: Vec<&SegmentSummary> = summaries.iter().collect();
    sorted.sort_by_key(|s| std::cmp::Reverse(s.revenue_share));
    let (row, label_w, bar_w) = (26, 150, 260);
    let height = row * sorted.len();
    let mut svg = format!(
        "<svg class=\"rfm-bars\" viewBox=\"0 0 {} {height}\" role=\"img\" aria-label=\"{}\">",
        label_w + bar_w + 70,
        esc(RfmMsg::BarsAlt.text(lang))
    );
    for (i, s) in sorted.iter().enumerate() {
        let y = i * row;
        let width = (s.revenue_share * Decimal::from(bar_w))
            .round_dp(1)
            .max(Decimal::ZERO);
        let class = if s.segment.is_win_back() {
            "bar win-back"
        } else {
            "bar"
        };
        let _ = write!(
            svg,
            "<text x=\"{}\" y=\"{}\" text-anchor=\"end\">{}</text><rect class=\"{class}\" x=\"{}\" y=\"{}\" width=\"{width}\" height=\"{}\"/><text x=\"{}\" y=\"{}\">{}</text>",
            label_w - 6,
            y + 17,
            esc(name(lang, s.segment)),
            label_w,
            y + 5,
            row - 8,
            Decimal::from(label_w + 6) + width,
            y + 17,
            share(fmt, s.revenue_share)
        );
    }
    svg.push_str("</svg>");
    format!(
        "<section class=\"rfm-block\" data-testid=\"rfm-bars\"><h3>{}</h3>{svg}</section>",
        esc(RfmMsg::BarsTitle.text(lang))
    )
}

/// The R×F grid as a table: R 5 (most recent) on top, F 1…5 left to right; each cell's
/// shade is its share of the largest cell, in six steps (classes `heat-0`…`heat-5`).
pub(super) fn heat_map(fmt: Fmt, result: &RfmResult) -> String {
    let lang = fmt.lang;
    let t = |m: RfmMsg| m.text(lang);
    let g = grid(result);
    let most = g.customers.iter().flatten().copied().max().unwrap_or(0);
    let mut rows = String::new();
    for r in (1..=5usize).rev() {
        let _ = write!(rows, "<tr><th scope=\"row\">R{r}</th>");
        for f in 1..=5usize {
            let n = g.customers[r - 1][f - 1];
            let step = if most == 0 { 0 } else { (n * 5).div_ceil(most) };
            let revenue = g.revenue[r - 1][f - 1];
            let _ = write!(
                rows,
                "<td class=\"heat-{step}\" data-testid=\"rfm-cell-{r}-{f}\" title=\"{}\">{}<span class=\"rfm-cell-seg\">{}</span></td>",
                esc(&fmt.money(revenue)),
                count(fmt, n),
                esc(name(lang, Segment::of(r as u8, f as u8)))
            );
        }
        rows.push_str("</tr>");
    }
    let heads: Vec<String> = (1..=5).map(|f| format!("F{f}")).collect();
    let mut all_heads = vec![""];
    all_heads.extend(heads.iter().map(String::as_str));
    format!(
        "<section class=\"rfm-block\" data-testid=\"rfm-heat\"><h3>{}</h3><p class=\"hint\">{}</p>{}</section>",
        esc(t(RfmMsg::HeatTitle)),
        esc(t(RfmMsg::HeatHint)),
        table("rfm-heat", t(RfmMsg::HeatCaption), &all_heads, &rows)
    )
}

pub(super) fn top_table(fmt: Fmt, result: &RfmResult, segment: Segment) -> String {
    let lang = fmt.lang;
    let t = |m: RfmMsg| m.text(lang);
    let members = top(result, segment, TOP);
    let rows: String = members
        .iter()
        .map(|c| {
            format!(
                "<tr><th scope=\"row\">{}</th><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}{}{}</td></tr>",
                esc(&c.customer),
                count(fmt, c.recency.unsigned_abs()),
                count(fmt, c.frequency),
                esc(&fmt.money_precise(c.monetary)),
                c.r,
                c.f,
                c.m
            )
        })
        .collect();
    let caption = fill(t(RfmMsg::TopCaption), &[name(lang, segment)]);
    let body = if members.is_empty() {
        format!(
            "<p data-testid=\"rfm-top-empty\">{}</p>",
            esc(t(RfmMsg::TopEmpty))
        )
    } else {
        table(
            "rfm-top",
            &caption,
            &[
                t(RfmMsg::Customer),
                t(RfmMsg::Recency),
                t(RfmMsg::Frequency),
                t(RfmMsg::Monetary),
                "RFM",
            ],
            &rows,
        )
    };
    format!(
        "<section class=\"rfm-block\" data-testid=\"rfm-top\"><h3>{}</h3>{body}</section>",
        esc(&caption)
    )
}

/// The scoring rule in words, this file's thresholds, and the same rule as SQL.
pub(super) fn rule(fmt: Fmt, result: &RfmResult) -> String {
    let lang = fmt.lang;
    let t = |m: RfmMsg| m.text(lang);
    let th = &result.thresholds;
    let line = |label: &str, x: &Thresholds| {
        let cells: String = x
            .iter()
            .map(|v| format!("<td class=\"num\">{}</td>", fmt.plain(v.round_dp(2))))
            .collect();
        format!("<tr><th scope=\"row\">{}</th>{cells}</tr>", esc(label))
    };
    let rows = [
        line(t(RfmMsg::Recency), &th.recency),
        line(t(RfmMsg::Frequency), &th.frequency),
        line(t(RfmMsg::Monetary), &th.monetary),
    ]
    .concat();
    format!(
        "<section class=\"rfm-block\" data-testid=\"rfm-rule\"><h3>{}</h3><p>{}</p><p>{}</p><p>{}</p>{}<details data-testid=\"rfm-sql\"><summary>{}</summary><p>{}</p><pre><code>{}</code></pre></details></section>",
        esc(t(RfmMsg::RuleTitle)),
        esc(t(RfmMsg::RuleMeasures)),
        esc(t(RfmMsg::RuleScores)),
        esc(t(RfmMsg::RuleSegments)),
        table(
            "rfm-thresholds",
            t(RfmMsg::ThresholdsCaption),
            &["", "q20", "q40", "q60", "q80"],
            &rows
        ),
        esc(t(RfmMsg::SqlTitle)),
        esc(t(RfmMsg::SqlHint)),
        esc(RFM_SQL)
    )
}
