//! The results of a scored file as HTML text, written in the worker so that neither the
//! page's code nor its texts carry them: what the page shows in its results box.
//!
//! Every text from the file (customer ids, example lines) goes through [`esc`].

use super::protocol::{View, ROLES};
use super::run::{Problem, State};
use crate::engine::deals::DateOrder;
use crate::engine::model::Field;
use crate::engine::rfm::export::{grid, segments, top, SegmentSummary};
use crate::engine::rfm::export::{win_back_churn, win_back_revenue};
use crate::engine::rfm::DecimalMark;
use crate::engine::rfm::{
    Cleaning, FrequencyBasis, Reason, RfmError, RfmResult, Segment, Thresholds, RFM_SQL,
};
use crate::html::legacy::{esc, table};
use crate::i18n::format::Fmt;
use crate::i18n::{fill, Lang, RfmMsg, Text};
use rust_decimal::Decimal;
use std::fmt::Write;

mod tables;

use tables::{heat_map, name, revenue_bars, rule, segment_table, top_table};

/// How many customers the top list shows.
pub const TOP: usize = 10;

fn iso(day: chrono::NaiveDate) -> String {
    crate::engine::measure::iso(day)
}

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

/// The scored file: summary, cleaning report, segments, bars, grid, top customers of
/// `segment`, the rule.
fn results(result: &RfmResult, fmt: Fmt, segment: Segment) -> String {
    let lang = fmt.lang;
    let t = |m: RfmMsg| m.text(lang);
    let basis = match result.frequency_basis {
        FrequencyBasis::Invoices => t(RfmMsg::BasisInvoices),
        FrequencyBasis::Dates => t(RfmMsg::BasisDates),
    };
    let summary = fill(
        t(RfmMsg::Summary),
        &[
            &count(fmt, result.customers.len() as u64),
            &fmt.money(result.revenue),
            &iso(result.first_purchase),
            &iso(result.last_purchase),
            &iso(result.reference),
            basis,
        ],
    );
    let summaries = segments(result);
    let mut out = String::new();
    let _ = write!(
        out,
        "<p class=\"rfm-summary\" data-testid=\"rfm-summary\">{}</p>",
        esc(&summary)
    );
    out.push_str(&cleaning(fmt, &result.cleaning));
    out.push_str(&segment_table(fmt, &summaries));
    out.push_str(&revenue_bars(fmt, &summaries));
    out.push_str(&heat_map(fmt, result));
    out.push_str(&top_table(fmt, result, segment));
    out.push_str(&rule(fmt, result));
    out
}

/// The cleaning report: rows read and kept, then each reason with its count, what was
/// done, and its first examples with their line numbers.
pub fn cleaning(fmt: Fmt, c: &Cleaning) -> String {
    let lang = fmt.lang;
    let t = |m: RfmMsg| m.text(lang);
    let mut rows = String::new();
    for reason in Reason::ALL {
        let n = c.count(reason);
        if n == 0 {
            continue;
        }
        let examples: String = c
            .excluded
            .iter()
            .filter(|e| e.reason == reason)
            .flat_map(|e| &e.examples)
            .map(|ex| {
                format!(
                    "<li><span class=\"rfm-line\">{}</span> <code>{}</code></li>",
                    esc(&fill(t(RfmMsg::Line), &[&ex.line.to_string()])),
                    esc(&ex.text)
                )
            })
            .collect();
        let _ = write!(
            rows,
            "<tr data-testid=\"rfm-clean-{}\"><th scope=\"row\">{}</th><td class=\"num\">{}</td><td>{}</td><td><ul class=\"rfm-examples\">{}</ul></td></tr>",
            reason_key(reason),
            esc(t(reason_msg(reason))),
            count(fmt, n),
            esc(t(RfmMsg::Excluded)),
            examples
        );
    }
    let head = fill(
        t(RfmMsg::CleaningSummary),
        &[
            &count(fmt, c.rows),
            &count(fmt, c.kept),
            &count(fmt, c.rows - c.kept.min(c.rows)),
        ],
    );
    let body = if rows.is_empty() {
        format!(
            "<p data-testid=\"rfm-clean-none\">{}</p>",
            esc(t(RfmMsg::CleaningNone))
        )
    } else {
        table(
            "rfm-cleaning",
            t(RfmMsg::CleaningCaption),
            &[
                t(RfmMsg::Reason),
                t(RfmMsg::Rows),
                t(RfmMsg::Done),
                t(RfmMsg::Examples),
            ],
            &rows,
        )
    };
    format!(
        "<section class=\"rfm-block\" data-testid=\"rfm-cleaning\"><h3>{}</h3><p>{}</p>{}</section>",
        esc(t(RfmMsg::CleaningTitle)),
        esc(&head),
        body
    )
}

fn reason_key(reason: Reason) -> &'static str {
    match reason {
        Reason::ShortRow => "short",
        Reason::NoCustomer => "no-customer",
        Reason::BadDate => "bad-date",
        Reason::BadAmount => "bad-amount",
        Reason::Cancelled => "cancelled",
    }
}

fn reason_msg(reason: Reason) -> RfmMsg {
    match reason {
        Reason::ShortRow => RfmMsg::ReasonShort,
        Reason::NoCustomer => RfmMsg::ReasonNoCustomer,
        Reason::BadDate => RfmMsg::ReasonBadDate,
        Reason::BadAmount => RfmMsg::ReasonBadAmount,
        Reason::Cancelled => RfmMsg::ReasonCancelled,
    }
}

/// Why a file cannot be scored, in words.
pub fn error_text(lang: Lang, error: &RfmError) -> String {
    let t = |m: RfmMsg| m.text(lang);
    let n = |x: u64| x.to_string();
    match error {
        RfmError::Empty => t(RfmMsg::ErrEmpty).into(),
        RfmError::Binary => t(RfmMsg::ErrBinary).into(),
        RfmError::NotUtf8 { line } => fill(t(RfmMsg::ErrNotUtf8), &[&n(*line)]),
        RfmError::TooLarge { bytes, cap } => fill(
            t(RfmMsg::ErrTooLarge),
            &[&n(bytes / 1_048_576), &n(cap / 1_048_576)],
        ),
        RfmError::TooFewColumns { found } => {
            fill(t(RfmMsg::ErrTooFewColumns), &[&n(*found as u64)])
        }
        RfmError::MissingColumn(role) => fill(
            t(RfmMsg::ErrMissingColumn),
            &[RfmMsg::RoleName(*role).text(lang)],
        ),
        RfmError::NoRows => t(RfmMsg::ErrNoRows).into(),
        RfmError::NoValidRows(_) => t(RfmMsg::ErrNoValidRows).into(),
        RfmError::RecordTooLong { line } => fill(t(RfmMsg::ErrRecordTooLong), &[&n(*line)]),
        RfmError::TooManyFields { line } => fill(t(RfmMsg::ErrTooManyFields), &[&n(*line)]),
        RfmError::Overflow => t(RfmMsg::ErrOverflow).into(),
        RfmError::ReferenceBeforeLastPurchase { last } => {
            fill(t(RfmMsg::ErrReference), &[&iso(*last)])
        }
    }
}

/// The first rows of a file as a table, under its column names.
pub fn preview(lang: Lang, headers: &[String], rows: &[Vec<String>]) -> String {
    let body: String = rows
        .iter()
        .map(|row| {
            let cells: String = row.iter().map(|c| format!("<td>{}</td>", esc(c))).collect();
            format!("<tr>{cells}</tr>")
        })
        .collect();
    let heads: Vec<&str> = headers.iter().map(String::as_str).collect();
    table(
        "rfm-preview",
        RfmMsg::PreviewCaption.text(lang),
        &heads,
        &body,
    )
}

/// A `<select>` of the screen: `key` names its control (`data-set`, see
/// [`super::protocol::Control`]) and its id.
fn select(key: &str, label: &str, options: &[(String, String)], chosen: &str) -> String {
    let options: String = options
        .iter()
        .map(|(value, text)| {
            let selected = if value == chosen { " selected" } else { "" };
            format!(
                "<option value=\"{}\"{selected}>{}</option>",
                esc(value),
                esc(text)
            )
        })
        .collect();
    format!(
        "<div class=\"field\"><label for=\"rfm-{key}\">{}</label><select id=\"rfm-{key}\" data-testid=\"rfm-{key}\" data-set=\"{key}\">{options}</select></div>",
        esc(label)
    )
}

/// The whole screen below the file picker for `view`, and the churn it proposes.
pub fn screen(s: &State, view: View) -> (String, Option<Decimal>) {
    let fmt = Fmt {
        lang: view.lang,
        currency: view.currency,
    };
    let mut out = status(s, fmt);
    if let (Some(first), Some(reading)) = (&s.first, &s.reading) {
        out.push_str(&form(fmt, first, reading, s.result.as_ref()));
    }
    let mut proposal = None;
    if let Some(result) = &s.result {
        let (html, p) = win_back(fmt, s, result, view);
        out.push_str(&html);
        proposal = p;
        let segment = s.segment.unwrap_or(Segment::AtRisk);
        out.push_str(&tools(fmt.lang, segment));
        let _ = write!(
            out,
            "<section class=\"panel rfm-results\" data-testid=\"rfm-results\">{}</section>",
            results(result, fmt, segment)
        );
    }
    (out, proposal)
}

/// The file's name and size, and why nothing is scored (if so).
fn status(s: &State, fmt: Fmt) -> String {
    let lang = fmt.lang;
    if s.file.is_none() {
        return String::new();
    }
    let label = match &s.name {
        Some(name) => fill(
            RfmMsg::FileInfo.text(lang),
            &[name, &count(fmt, (s.size / 1024.0).ceil() as u64)],
        ),
        None => RfmMsg::Pasted.text(lang).to_string(),
    };
    let problem = match &s.problem {
        None => String::new(),
        Some(Problem::Cancelled) => format!(
            "<p data-testid=\"rfm-cancelled\">{}</p>",
            esc(RfmMsg::Cancelled.text(lang))
        ),
        Some(p) => {
            let (message, detail) = match p {
                Problem::Rfm(e) => (
                    error_text(lang, e),
                    match e {
                        RfmError::NoValidRows(c) => cleaning(fmt, c),
                        _ => String::new(),
                    },
                ),
                _ => (RfmMsg::ErrUnreadable.text(lang).to_string(), String::new()),
            };
            format!(
                "<div class=\"rfm-error\" role=\"alert\" data-testid=\"rfm-error\"><p>{}</p></div>{detail}",
                esc(&message)
            )
        }
    };
    format!(
        "<section class=\"panel rfm-file\"><p class=\"rfm-file-label\" data-testid=\"rfm-file-label\">{}</p>{problem}</section>",
        esc(&label)
    )
}

/// How the file is read: the column of each role, date order, decimal mark, header,
/// reference date, and the first rows.
fn form(
    fmt: Fmt,
    first: &super::run::FirstRows,
    reading: &super::run::Reading,
    result: Option<&RfmResult>,
) -> String {
    let lang = fmt.lang;
    let t = |m: RfmMsg| m.text(lang);
    let headers: Vec<String> = (0..first
        .headers
        .len()
        .max(first.preview.first().map_or(0, Vec::len)))
        .map(|i| match first.headers.get(i) {
            Some(h) if !h.is_empty() => h.clone(),
            _ => fill(t(RfmMsg::ColumnN), &[&(i + 1).to_string()]),
        })
        .collect();
    let mut columns = vec![("-".to_string(), t(RfmMsg::NoColumn).to_string())];
    columns.extend(
        headers
            .iter()
            .enumerate()
            .map(|(i, h)| (i.to_string(), h.clone())),
    );
    let roles: String = ROLES
        .iter()
        .map(|(role, key)| {
            let chosen = reading
                .mapping
                .slot(*role)
                .map_or_else(|| "-".to_string(), |i| i.to_string());
            select(
                &format!("role-{key}"),
                RfmMsg::RoleName(*role).text(lang),
                &columns,
                &chosen,
            )
        })
        .collect();
    let guess = |certain: bool, id: &str| {
        if certain {
            String::new()
        } else {
            format!(
                "<p class=\"warn-text\" data-testid=\"rfm-{id}-guess\">{}</p>",
                esc(t(RfmMsg::Guessed))
            )
        }
    };
    let pair = |a: (&str, RfmMsg), b: (&str, RfmMsg)| {
        [
            (a.0.to_string(), t(a.1).to_string()),
            (b.0.to_string(), t(b.1).to_string()),
        ]
    };
    let date_order = select(
        "date-order",
        t(RfmMsg::DateOrder),
        &pair(("dmy", RfmMsg::DayFirst), ("mdy", RfmMsg::MonthFirst)),
        match reading.date_order {
            DateOrder::DayFirst => "dmy",
            DateOrder::MonthFirst => "mdy",
        },
    );
    let decimal = select(
        "decimal",
        t(RfmMsg::Decimal),
        &pair(
            ("point", RfmMsg::DecimalPoint),
            ("comma", RfmMsg::DecimalComma),
        ),
        match reading.decimal {
            DecimalMark::Point => "point",
            DecimalMark::Comma => "comma",
        },
    );
    let reference = result
        .map(|r| r.reference)
        .or(reading.reference)
        .map(iso)
        .unwrap_or_default();
    format!(
        "<section class=\"panel\" aria-labelledby=\"rfm-reading-title\"><h2 id=\"rfm-reading-title\">{}</h2><p class=\"hint\">{}</p><div class=\"rfm-roles\">{roles}</div><div class=\"rfm-roles\"><div>{date_order}{}</div><div>{decimal}{}</div><div class=\"field\"><label for=\"rfm-reference\">{}</label><input type=\"date\" id=\"rfm-reference\" data-testid=\"rfm-reference\" data-set=\"reference\" value=\"{reference}\"><p class=\"hint\">{}</p></div><label class=\"check\"><input type=\"checkbox\" id=\"rfm-header\" data-testid=\"rfm-header\" data-set=\"header\"{}> {}</label></div><details class=\"rfm-preview\"><summary>{}</summary>{}</details></section>",
        esc(t(RfmMsg::MappingTitle)),
        esc(t(RfmMsg::MappingHint)),
        guess(first.date_order_certain, "date"),
        guess(first.decimal_certain, "decimal"),
        esc(t(RfmMsg::Reference)),
        esc(t(RfmMsg::ReferenceHint)),
        if reading.has_header { " checked" } else { "" },
        esc(t(RfmMsg::HasHeader)),
        esc(t(RfmMsg::PreviewSummary)),
        preview(lang, &headers, &first.preview)
    )
}

/// The revenue of the win-back segments, the share won back, and the churn it
/// proposes ([`win_back_churn`]); the apply button is handled by the page
/// (`data-action="apply"`), which holds the scenario and its undo.
fn win_back(fmt: Fmt, s: &State, result: &RfmResult, view: View) -> (String, Option<Decimal>) {
    let lang = fmt.lang;
    let t = |m: RfmMsg| m.text(lang);
    let (revenue, at_risk) = win_back_revenue(result);
    let held = fill(
        t(RfmMsg::WinBackHeld),
        &[&share(fmt, at_risk), &fmt.money(revenue)],
    );
    let (typed, won) = &s.won_back;
    let proposed = won
        .and_then(|w| win_back_churn(view.churn_before, w, at_risk))
        .map(|to| Field::ChurnAfterPct.clamp(to));
    let body = match (won, proposed) {
        (Some(w), Some(to)) => {
            let line = fill(
                t(RfmMsg::WinBackProposal),
                &[&fmt.percent(view.churn_after), &fmt.percent(to)],
            );
            let math = fill(
                t(RfmMsg::WinBackMath),
                &[&fmt.percent(view.churn_before), &fmt.percent(*w), &share(fmt, at_risk)],
            );
            let action = if to == view.churn_after {
                format!("<p data-testid=\"rfm-same\">{}</p>", esc(t(RfmMsg::WinBackSame)))
            } else {
                format!(
                    "<div class=\"actions\"><button type=\"button\" data-action=\"apply\" data-testid=\"rfm-apply\">{}</button></div>",
                    esc(t(RfmMsg::WinBackApply))
                )
            };
            format!(
                "<p class=\"rfm-proposal\" data-testid=\"rfm-proposal\">{}</p><p class=\"hint\">{}</p>{action}",
                esc(&line),
                esc(&math)
            )
        }
        _ => format!(
            "<p class=\"warn-text\" id=\"rfm-won-back-error\" data-testid=\"rfm-won-back-error\">{}</p>",
            esc(t(RfmMsg::WinBackShareBad))
        ),
    };
    let invalid = if won.is_none() {
        " aria-invalid=\"true\" aria-describedby=\"rfm-won-back-error\""
    } else {
        ""
    };
    let html = format!(
        "<section class=\"panel feed\" aria-labelledby=\"rfm-winback-title\"><h2 id=\"rfm-winback-title\">{}</h2><p data-testid=\"rfm-held\">{}</p><div class=\"field\"><label for=\"rfm-won-back\">{}</label><input type=\"number\" id=\"rfm-won-back\" data-testid=\"rfm-won-back\" data-set=\"won-back\" min=\"0\" max=\"100\" step=\"any\" value=\"{}\"{invalid}></div>{body}</section>",
        esc(t(RfmMsg::WinBackTitle)),
        esc(&held),
        esc(t(RfmMsg::WinBackShare)),
        esc(typed)
    );
    (
        html,
        proposed.filter(|to| won.is_some() && *to != view.churn_after),
    )
}

/// The segment menu of the top customers, and the two exports.
fn tools(lang: Lang, segment: Segment) -> String {
    let t = |m: RfmMsg| m.text(lang);
    let options: Vec<(String, String)> = Segment::ALL
        .iter()
        .map(|s| (s.key().to_string(), name(lang, *s).to_string()))
        .collect();
    format!(
        "<section class=\"panel rfm-tools\">{}<div class=\"actions\"><button type=\"button\" class=\"secondary\" data-action=\"export-customers\" data-testid=\"rfm-export-customers\">{}</button><button type=\"button\" class=\"secondary\" data-action=\"export-segments\" data-testid=\"rfm-export-segments\">{}</button></div></section>",
        select("segment", t(RfmMsg::TopSegment), &options, segment.key()),
        esc(t(RfmMsg::ExportCustomers)),
        esc(t(RfmMsg::ExportSegments))
    )
}
