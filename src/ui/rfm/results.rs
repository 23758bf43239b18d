//! The customer screen's results as Leptos views, from the worker's data
//! ([`Scored`]): the summary, the cleaning report, the segments, the revenue bars, the
//! R×F grid, the top customers and the rule with its SQL. Read-only, redrawn whole on
//! every reply. Every text from the file (customer ids, example lines, column names) is
//! shown as text, never as HTML.

use crate::engine::measure::iso;
use crate::engine::rfm::export::SegmentSummary;
use crate::engine::rfm::{
    Cleaning, FrequencyBasis, Reason, RfmError, Segment, Thresholds, RFM_SQL,
};
use crate::i18n::format::Fmt;
use crate::i18n::{fill, Lang, RfmMsg as R, Text};
use crate::worker::rfm::protocol::Scored;
use leptos::prelude::*;
use rust_decimal::Decimal;

/// A count grouped as the language writes it.
fn count(fmt: Fmt, n: u64) -> String {
    fmt.plain(Decimal::from(n))
}

/// A fraction (0–1) as a percentage.
fn share(fmt: Fmt, fraction: Decimal) -> String {
    fmt.percent(fraction * Decimal::ONE_HUNDRED)
}

/// An average with at most one decimal, or a dash.
fn average(fmt: Fmt, value: Option<Decimal>) -> String {
    value.map_or_else(|| "—".into(), |v| fmt.plain(v.round_dp(1)))
}

/// A segment's name.
fn name(lang: Lang, segment: Segment) -> &'static str {
    R::SegmentName(segment).text(lang)
}

/// A table with a caption and a header row, in a box that scrolls sideways on a phone
/// rather than the page (the same markup as [`crate::html::table`]).
fn table(class: &'static str, caption: String, heads: Vec<String>, rows: AnyView) -> impl IntoView {
    let label = caption.clone();
    view! {
        <div class="report-scroll" tabindex="0" role="region" aria-label=label>
            <table class=format!("report-table {class}")>
                <caption>{caption}</caption>
                <thead>
                    <tr>{heads.into_iter().map(|h| view! { <th scope="col">{h}</th> }).collect_view()}</tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}

fn heads(lang: Lang, list: &[R]) -> Vec<String> {
    list.iter().map(|m| m.text(lang).to_string()).collect()
}

/// The scored file: summary, cleaning report, segments, bars, grid, top customers, the
/// rule.
pub fn results(fmt: Fmt, scored: &Scored) -> impl IntoView {
    let lang = fmt.lang;
    let basis = match scored.basis {
        FrequencyBasis::Invoices => R::BasisInvoices,
        FrequencyBasis::Dates => R::BasisDates,
    };
    let summary = fill(
        R::Summary.text(lang),
        &[
            &count(fmt, scored.customers),
            &fmt.money(scored.revenue),
            &iso(scored.first_purchase),
            &iso(scored.last_purchase),
            &iso(scored.reference),
            basis.text(lang),
        ],
    );
    view! {
        <p class="rfm-summary" data-testid="rfm-summary">{summary}</p>
        {cleaning(fmt, &scored.cleaning)}
        {segment_table(fmt, &scored.segments)}
        {revenue_bars(fmt, &scored.segments)}
        {heat_map(fmt, scored)}
        {top_table(fmt, scored)}
        {rule(fmt, scored)}
    }
}

/// The key of a reason in its row's `data-testid`.
fn reason_key(reason: Reason) -> &'static str {
    match reason {
        Reason::ShortRow => "rfm-clean-short",
        Reason::NoCustomer => "rfm-clean-no-customer",
        Reason::BadDate => "rfm-clean-bad-date",
        Reason::BadAmount => "rfm-clean-bad-amount",
        Reason::Cancelled => "rfm-clean-cancelled",
    }
}

fn reason_msg(reason: Reason) -> R {
    match reason {
        Reason::ShortRow => R::ReasonShort,
        Reason::NoCustomer => R::ReasonNoCustomer,
        Reason::BadDate => R::ReasonBadDate,
        Reason::BadAmount => R::ReasonBadAmount,
        Reason::Cancelled => R::ReasonCancelled,
    }
}

/// The cleaning report: rows read and kept, then each reason with its count, what was
/// done, and its first examples with their line numbers.
pub fn cleaning(fmt: Fmt, c: &Cleaning) -> AnyView {
    let lang = fmt.lang;
    let rows: Vec<AnyView> = Reason::ALL
        .into_iter()
        .filter(|reason| c.count(*reason) > 0)
        .map(|reason| {
            let examples = c
                .excluded
                .iter()
                .filter(|e| e.reason == reason)
                .flat_map(|e| &e.examples)
                .map(|ex| {
                    view! {
                        <li>
                            <span class="rfm-line">{fill(R::Line.text(lang), &[&ex.line.to_string()])}</span>
                            " "
                            <code>{ex.text.clone()}</code>
                        </li>
                    }
                })
                .collect_view();
            view! {
                <tr data-testid=reason_key(reason)>
                    <th scope="row">{reason_msg(reason).text(lang)}</th>
                    <td class="num">{count(fmt, c.count(reason))}</td>
                    <td>{R::Excluded.text(lang)}</td>
                    <td><ul class="rfm-examples">{examples}</ul></td>
                </tr>
            }
            .into_any()
        })
        .collect();
    let head = fill(
        R::CleaningSummary.text(lang),
        &[
            &count(fmt, c.rows),
            &count(fmt, c.kept),
            &count(fmt, c.rows - c.kept.min(c.rows)),
        ],
    );
    let body = if rows.is_empty() {
        view! { <p data-testid="rfm-clean-none">{R::CleaningNone.text(lang)}</p> }.into_any()
    } else {
        table(
            "rfm-cleaning",
            R::CleaningCaption.text(lang).to_string(),
            heads(lang, &[R::Reason, R::Rows, R::Done, R::Examples]),
            rows.into_any(),
        )
        .into_any()
    };
    view! {
        <section class="rfm-block" data-testid="rfm-cleaning">
            <h3>{R::CleaningTitle.text(lang)}</h3>
            <p>{head}</p>
            {body}
        </section>
    }
    .into_any()
}

/// Why a file cannot be scored, in words.
pub fn error_text(lang: Lang, error: &RfmError) -> String {
    let t = |m: R| m.text(lang);
    let n = |x: u64| x.to_string();
    match error {
        RfmError::Empty => t(R::ErrEmpty).into(),
        RfmError::Binary => t(R::ErrBinary).into(),
        RfmError::NotUtf8 { line } => fill(t(R::ErrNotUtf8), &[&n(*line)]),
        RfmError::TooLarge { bytes, cap } => fill(
            t(R::ErrTooLarge),
            &[&n(bytes / 1_048_576), &n(cap / 1_048_576)],
        ),
        RfmError::TooFewColumns { found } => fill(t(R::ErrTooFewColumns), &[&n(*found as u64)]),
        RfmError::MissingColumn(role) => {
            fill(t(R::ErrMissingColumn), &[R::RoleName(*role).text(lang)])
        }
        RfmError::NoRows => t(R::ErrNoRows).into(),
        RfmError::NoValidRows(_) => t(R::ErrNoValidRows).into(),
        RfmError::RecordTooLong { line } => fill(t(R::ErrRecordTooLong), &[&n(*line)]),
        RfmError::TooManyFields { line } => fill(t(R::ErrTooManyFields), &[&n(*line)]),
        RfmError::Overflow => t(R::ErrOverflow).into(),
        RfmError::ReferenceBeforeLastPurchase { last } => fill(t(R::ErrReference), &[&iso(*last)]),
    }
}

/// The first rows of a file as a table, under its column names.
pub fn preview(lang: Lang, heads: Vec<String>, rows: Vec<Vec<String>>) -> impl IntoView {
    let body = rows
        .into_iter()
        .map(|row| {
            view! { <tr>{row.into_iter().map(|c| view! { <td>{c}</td> }).collect_view()}</tr> }
        })
        .collect_view();
    table(
        "rfm-preview",
        R::PreviewCaption.text(lang).to_string(),
        heads,
        body.into_any(),
    )
}

fn segment_table(fmt: Fmt, summaries: &[SegmentSummary]) -> impl IntoView {
    let lang = fmt.lang;
    let rows = summaries
        .iter()
        .map(|s| {
            view! {
                <tr data-testid=format!("rfm-seg-{}", s.segment.key()) data-customers=s.customers.to_string()>
                    <th scope="row">{name(lang, s.segment)}</th>
                    <td class="num">{count(fmt, s.customers)}</td>
                    <td class="num">{share(fmt, s.customer_share)}</td>
                    <td class="num">{fmt.money(s.revenue)}</td>
                    <td class="num">{share(fmt, s.revenue_share)}</td>
                    <td class="num">{average(fmt, s.avg_recency)}</td>
                    <td class="num">{average(fmt, s.avg_frequency)}</td>
                    <td class="num">{s.avg_monetary.map_or_else(|| "—".into(), |m| fmt.money(m))}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <section class="rfm-block" data-testid="rfm-segments">
            <h3>{R::SegmentsTitle.text(lang)}</h3>
            {table(
                "rfm-segments",
                R::SegmentsCaption.text(lang).to_string(),
                heads(
                    lang,
                    &[
                        R::SegmentHead,
                        R::Customers,
                        R::CustomerShare,
                        R::Revenue,
                        R::RevenueShare,
                        R::AvgRecency,
                        R::AvgFrequency,
                        R::AvgMonetary,
                    ],
                ),
                rows.into_any(),
            )}
        </section>
    }
}

/// Revenue share by segment as horizontal bars (SVG: the page's style policy allows no
/// inline styles), largest first, with the share written beside each bar.
fn revenue_bars(fmt: Fmt, summaries: &[SegmentSummary]) -> impl IntoView {
    let lang = fmt.lang;
    // Largest share first, equal shares in segment order (ten items: an insertion links
    // far less code than the library's sort).
    let mut sorted: Vec<&SegmentSummary> = Vec::with_capacity(summaries.len());
    for s in summaries {
        let at = sorted
            .iter()
            .position(|x| x.revenue_share < s.revenue_share)
            .unwrap_or(sorted.len());
        sorted.insert(at, s);
    }
    let (row, label_w, bar_w) = (26_usize, 150_usize, 260_i64);
    let height = row * sorted.len();
    let bars = sorted
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let y = i * row;
            let width = (s.revenue_share * Decimal::from(bar_w))
                .round_dp(1)
                .max(Decimal::ZERO);
            let class = if s.segment.is_win_back() {
                "bar win-back"
            } else {
                "bar"
            };
            view! {
                <text x=(label_w - 6).to_string() y=(y + 17).to_string() text-anchor="end">{name(lang, s.segment)}</text>
                <rect class=class x=label_w.to_string() y=(y + 5).to_string() width=width.to_string() height=(row - 8).to_string() />
                <text x=(Decimal::from(label_w + 6) + width).to_string() y=(y + 17).to_string()>{share(fmt, s.revenue_share)}</text>
            }
        })
        .collect_view();
    view! {
        <section class="rfm-block" data-testid="rfm-bars">
            <h3>{R::BarsTitle.text(lang)}</h3>
            <svg
                class="rfm-bars"
                viewBox=format!("0 0 {} {height}", label_w as i64 + bar_w + 70)
                role="img"
                aria-label=R::BarsAlt.text(lang)
            >
                {bars}
            </svg>
        </section>
    }
}

/// The R×F grid as a table: R 5 (most recent) on top, F 1…5 left to right; each cell's
/// shade is its share of the largest cell, in six steps (classes `heat-0`…`heat-5`).
fn heat_map(fmt: Fmt, scored: &Scored) -> impl IntoView {
    let lang = fmt.lang;
    let g = &scored.grid;
    let most = g.customers.iter().flatten().copied().max().unwrap_or(0);
    let rows = (1..=5usize)
        .rev()
        .map(|r| {
            let cells = (1..=5usize)
                .map(|f| {
                    let n = g.customers[r - 1][f - 1];
                    let step = if most == 0 { 0 } else { (n * 5).div_ceil(most) };
                    let revenue = g.revenue[r - 1][f - 1];
                    view! {
                        <td class=format!("heat-{step}") data-testid=format!("rfm-cell-{r}-{f}") title=fmt.money(revenue)>
                            {count(fmt, n)}
                            <span class="rfm-cell-seg">{name(lang, Segment::of(r as u8, f as u8))}</span>
                        </td>
                    }
                })
                .collect_view();
            view! { <tr><th scope="row">{format!("R{r}")}</th>{cells}</tr> }
        })
        .collect_view();
    let mut all_heads = vec![String::new()];
    all_heads.extend((1..=5).map(|f| format!("F{f}")));
    view! {
        <section class="rfm-block" data-testid="rfm-heat">
            <h3>{R::HeatTitle.text(lang)}</h3>
            <p class="hint">{R::HeatHint.text(lang)}</p>
            {table("rfm-heat", R::HeatCaption.text(lang).to_string(), all_heads, rows.into_any())}
        </section>
    }
}

fn top_table(fmt: Fmt, scored: &Scored) -> impl IntoView {
    let lang = fmt.lang;
    let caption = fill(R::TopCaption.text(lang), &[name(lang, scored.segment)]);
    let body = if scored.top.is_empty() {
        view! { <p data-testid="rfm-top-empty">{R::TopEmpty.text(lang)}</p> }.into_any()
    } else {
        let rows = scored
            .top
            .iter()
            .map(|c| {
                view! {
                    <tr>
                        <th scope="row">{c.customer.clone()}</th>
                        <td class="num">{count(fmt, c.recency.unsigned_abs())}</td>
                        <td class="num">{count(fmt, c.frequency)}</td>
                        <td class="num">{fmt.money_precise(c.monetary)}</td>
                        <td class="num">{format!("{}{}{}", c.r, c.f, c.m)}</td>
                    </tr>
                }
            })
            .collect_view();
        let mut columns = heads(lang, &[R::Customer, R::Recency, R::Frequency, R::Monetary]);
        columns.push("RFM".into());
        table("rfm-top", caption.clone(), columns, rows.into_any()).into_any()
    };
    view! {
        <section class="rfm-block" data-testid="rfm-top">
            <h3>{caption}</h3>
            {body}
        </section>
    }
}

/// The scoring rule in words, this file's thresholds, and the same rule as SQL.
fn rule(fmt: Fmt, scored: &Scored) -> impl IntoView {
    let lang = fmt.lang;
    let th = &scored.thresholds;
    let line = |label: R, x: &Thresholds| {
        let cells = x
            .iter()
            .map(|v| view! { <td class="num">{fmt.plain(v.round_dp(2))}</td> })
            .collect_view();
        view! { <tr><th scope="row">{label.text(lang)}</th>{cells}</tr> }
    };
    let rows = view! {
        {line(R::Recency, &th.recency)}
        {line(R::Frequency, &th.frequency)}
        {line(R::Monetary, &th.monetary)}
    };
    let columns = ["", "q20", "q40", "q60", "q80"].map(String::from).to_vec();
    view! {
        <section class="rfm-block" data-testid="rfm-rule">
            <h3>{R::RuleTitle.text(lang)}</h3>
            <p>{R::RuleMeasures.text(lang)}</p>
            <p>{R::RuleScores.text(lang)}</p>
            <p>{R::RuleSegments.text(lang)}</p>
            {table("rfm-thresholds", R::ThresholdsCaption.text(lang).to_string(), columns, rows.into_any())}
            <details data-testid="rfm-sql">
                <summary>{R::SqlTitle.text(lang)}</summary>
                <p>{R::SqlHint.text(lang)}</p>
                <pre><code>{RFM_SQL}</code></pre>
            </details>
        </section>
    }
}
