//! Periods pasted from a spreadsheet ([`parse_periods`]): what the table gives, the
//! lines it cannot use and why, and "use these periods", with undo.

use super::{Derived, Which};
use crate::engine::deals::DateOrder;
use crate::engine::measure::{
    merge_pasted, parse_periods, Layout, Measurement, PasteProblem, PasteRow, Period, PeriodsParse,
    MIN_PERIODS,
};
use crate::html::{el, text, Html};
use crate::i18n::{fill, AppMsg, Lang, ScreenMsg, Text, TrackMsg};
use crate::ui::Ctx;
use crate::units::Problem;
use leptos::prelude::*;

/// Why a pasted line was not used, in words.
fn problem_text(lang: Lang, problem: PasteProblem) -> String {
    let at = |msg: TrackMsg, column: usize| fill(msg.text(lang), &[&column.to_string()]);
    match problem {
        PasteProblem::NoHeader => TrackMsg::NoHeader.text(lang).to_string(),
        PasteProblem::UnknownColumn(c) => at(TrackMsg::UnknownColumn, c),
        PasteProblem::DuplicateColumn(c) => at(TrackMsg::DuplicateColumn, c),
        PasteProblem::BadDate(c) => at(TrackMsg::BadDate, c),
        PasteProblem::EndBeforeStart(c) => at(TrackMsg::EndBeforeStart, c),
        PasteProblem::BadNumber(c) => at(TrackMsg::BadNumber, c),
        PasteProblem::BadValue(c, Problem::BelowMin) => at(TrackMsg::BelowMin, c),
        PasteProblem::BadValue(c, Problem::AboveMax) => at(TrackMsg::AboveMax, c),
        PasteProblem::BadValue(c, Problem::NotWhole) => at(TrackMsg::NotWhole, c),
        PasteProblem::NameTooLong(c) => at(TrackMsg::NameTooLong, c),
        PasteProblem::TooManyPeriods => TrackMsg::TooManyPeriods.text(lang).to_string(),
    }
}

/// The lines not used, with their number and why, as HTML (at most 50 listed).
fn bad_lines(lang: Lang, bad: &[PasteRow]) -> Html {
    if bad.is_empty() {
        return Html::default();
    }
    let items = bad
        .iter()
        .take(50)
        .map(|row| {
            let line = fill(ScreenMsg::RowLine.text(lang), &[&row.line.to_string()]);
            let shown: String = row.text.chars().take(80).collect();
            el(
                "li",
                &[],
                el("b", &[], text(&line))
                    + text(&format!(" {} ", problem_text(lang, row.reason)))
                    + el("code", &[], text(&shown)),
            )
        })
        .collect();
    let skipped = fill(ScreenMsg::RowsSkipped.text(lang), &[&bad.len().to_string()]);
    el(
        "div",
        &[("class", "bad-rows"), ("data-testid", "periods-paste-bad")],
        el("p", &[("class", "warn-text")], text(&skipped)) + el("ul", &[], items),
    )
}

/// What a table gives, in words and as HTML: how it was read, the periods it gives
/// (named as they would be), too few of them, and the lines not used.
fn preview(lang: Lang, parse: &PeriodsParse, periods: &[Period]) -> Html {
    let count = periods.len();
    let mut lines = Vec::new();
    match parse.layout {
        None if parse.bad.is_empty() => {}
        Some(layout) if count > 0 => {
            let m = Measurement {
                periods: periods.to_vec(),
                ..Measurement::default()
            };
            let names: Vec<String> = (0..count).map(|k| Which(k).label(lang, &m)).collect();
            let msg = match layout {
                Layout::PeriodRows => TrackMsg::PasteReadRows,
                Layout::FigureRows => TrackMsg::PasteReadFigures,
            };
            lines.push(fill(
                msg.text(lang),
                &[&count.to_string(), &names.join(", ")],
            ));
            if count < MIN_PERIODS {
                lines.push(fill(
                    TrackMsg::PasteTooFew.text(lang),
                    &[&count.to_string()],
                ));
            }
        }
        _ => lines.push(TrackMsg::PasteNone.text(lang).to_string()),
    }
    if parse.truncated {
        lines.push(TrackMsg::PasteTruncated.text(lang).to_string());
    }
    el(
        "p",
        &[
            ("class", "deals-stats"),
            ("data-testid", "periods-paste-summary"),
        ],
        text(&lines.join(" ")),
    ) + bad_lines(lang, &parse.bad)
}

/// The table read, and the periods the measurement would have with it. Never inlined:
/// the two views that call it would each carry a copy of the whole reader.
#[inline(never)]
fn read_table(text: &str, order: DateOrder, m: &Measurement) -> (PeriodsParse, Vec<Period>) {
    let parse = parse_periods(text, order);
    let periods = merge_pasted(&m.periods, &parse.periods);
    (parse, periods)
}

/// A table of periods to paste, what it gives, and the action that takes it in.
///
/// No memo: a paste is read again by each of the two views that need it, which keeps
/// this screen's code small (each memo type costs the bundle its own copy of the
/// reactive machinery).
#[component]
pub(super) fn PeriodsPaste(ctx: Ctx, d: Derived) -> impl IntoView {
    let text = RwSignal::new(String::new());
    let read = move || text.with(|t| d.measure.with(|m| read_table(t, d.order.get(), m)));
    // The periods before the last paste was used, for undo.
    let replaced = RwSignal::new(None::<Vec<Period>>);
    let shown = move || {
        let (parse, periods) = read();
        String::from(preview(ctx.lang.get(), &parse, &periods))
    };
    let apply = move |_: leptos::ev::MouseEvent| {
        let (_, periods) = text.with_untracked(|t| {
            d.measure
                .with_untracked(|m| read_table(t, d.order.get_untracked(), m))
        });
        if periods.len() < MIN_PERIODS {
            return;
        }
        let order = d.order.get_untracked();
        let previous = d.measure.with_untracked(|m| m.periods.clone());
        let mut done = false;
        ctx.rewrite(|s| {
            s.measure.date_order.get_or_insert(order);
            done = s.measure.replace_periods(periods).is_ok();
        });
        if done {
            replaced.set(Some(previous));
            text.set(String::new());
        }
    };
    let undo = move |_: leptos::ev::MouseEvent| {
        if let Some(previous) = replaced.get_untracked() {
            ctx.rewrite(|s| {
                let _ = s.measure.replace_periods(previous);
            });
        }
        replaced.set(None);
    };
    view! {
        <details class="periods-paste" data-testid="periods-paste">
            <summary>{ctx.tr(TrackMsg::PasteTitle)}</summary>
            <p class="hint" id="periods-paste-hint">{ctx.tr(TrackMsg::PasteHint)}</p>
            <div class="field">
                <label for="periods-paste-text">{ctx.tr(TrackMsg::PasteLabel)}</label>
                <textarea
                    id="periods-paste-text"
                    data-testid="periods-paste-text"
                    rows="6"
                    spellcheck="false"
                    aria-describedby="periods-paste-hint"
                    prop:value=move || text.get()
                    on:input=move |ev| text.set(event_target_value(&ev))
                ></textarea>
            </div>
            <div role="status" inner_html=shown></div>
            <div class="actions">
                <button type="button" class="secondary" data-testid="periods-paste-apply"
                    disabled=move || read().1.len() < MIN_PERIODS on:click=apply>
                    {ctx.tr(TrackMsg::PasteApply)}
                </button>
            </div>
            {move || replaced.get().map(|_| view! {
                <div class="note" role="status" data-testid="periods-pasted">
                    <p>{ctx.tr(TrackMsg::PasteDone)}</p>
                    <button type="button" class="secondary" data-testid="periods-paste-undo" on:click=undo>{ctx.tr(AppMsg::Undo)}</button>
                </div>
            })}
        </details>
    }
}
