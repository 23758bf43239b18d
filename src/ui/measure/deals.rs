//! Pasted deals of both periods, with their mean and median cycle and the bad rows.

use super::{order_of, update_measure, Derived, Which};
use crate::engine::deals::{DateOrder, RowProblem};
use crate::i18n::{fill, AppMsg, Lang, Text};
use crate::ui::Ctx;
use crate::units::MAX_DEALS_CHARS;
use leptos::prelude::*;
use rust_decimal::Decimal;

fn problem_text(lang: Lang, p: RowProblem) -> String {
    match p {
        RowProblem::WrongColumnCount => AppMsg::RowColumns.text(lang).to_string(),
        RowProblem::BadDate(col) => fill(AppMsg::RowBadDate.text(lang), &[&col.to_string()]),
        RowProblem::ClosedBeforeCreated => AppMsg::RowClosedBefore.text(lang).to_string(),
    }
}

/// Pasted deals of both periods, with their mean and median cycle and the bad rows.
#[component]
pub(super) fn DealsPanel(ctx: Ctx, d: Derived) -> impl IntoView {
    let box_for = move |which: Which| {
        let id = format!("deals-{}", which.key());
        let too_long = RwSignal::new(None::<usize>);
        let parsed = d.deals_of(which);
        let on_input = move |ev| {
            let text = event_target_value(&ev);
            let chars = text.chars().count();
            if chars > MAX_DEALS_CHARS {
                too_long.set(Some(chars));
                return;
            }
            too_long.set(None);
            let lang_order = order_of(ctx.lang.get_untracked());
            update_measure(ctx, |m| {
                m.date_order.get_or_insert(lang_order);
                which.of_mut(m).deals = text;
            });
        };
        let stats = move || {
            let fmt = ctx.fmt.get();
            let lang = fmt.lang;
            parsed.with(|p| match p.cycle {
                Ok(c) => fill(
                    AppMsg::DealsStats.text(lang),
                    &[
                        &c.count.to_string(),
                        &fmt.plain(c.mean_days.round_dp(1)),
                        &fmt.plain(c.median_days.round_dp(1)),
                    ],
                ),
                Err(_) if p.parse.bad.is_empty() => AppMsg::DealsNone.text(lang).to_string(),
                Err(_) => AppMsg::GapNoDeals.text(lang).to_string(),
            })
        };
        let bad = move || {
            let lang = ctx.lang.get();
            parsed.with(|p| {
                let count = p.parse.bad.len();
                (count > 0).then(|| {
                    let items = p
                        .parse
                        .bad
                        .iter()
                        .take(50)
                        .map(|row| {
                            let line = fill(AppMsg::RowLine.text(lang), &[&row.line.to_string()]);
                            view! {
                                <li>
                                    <b>{line}</b> " " {problem_text(lang, row.reason)}
                                    " " <code>{row.text.chars().take(80).collect::<String>()}</code>
                                </li>
                            }
                        })
                        .collect_view();
                    view! {
                        <div class="bad-rows" data-testid=format!("bad-rows-{}", which.key())>
                            <p class="warn-text">{fill(AppMsg::RowsSkipped.text(lang), &[&count.to_string()])}</p>
                            <ul>{items}</ul>
                        </div>
                    }
                })
            })
        };
        let error_id = format!("{id}-error");
        view! {
            <div class="field deals-field">
                <label for=id.clone()>{ctx.tr(which.label())}</label>
                <textarea
                    id=id.clone()
                    data-testid=id.clone()
                    rows="7"
                    spellcheck="false"
                    aria-describedby=format!("deals-hint {error_id}")
                    prop:value=move || d.measure.with(|m| which.of(m).deals.clone())
                    on:input=on_input
                ></textarea>
                <p class="field-error" id=error_id role="alert">
                    {move || too_long.get().map(|n| {
                        let fmt = ctx.fmt.get();
                        fill(ctx.t(AppMsg::DealsTooLong), &[&fmt.plain(Decimal::from(n)), &fmt.plain(Decimal::from(MAX_DEALS_CHARS))])
                    })}
                </p>
                <p class="deals-stats" data-testid=format!("deals-stats-{}", which.key()) role="status">{stats}</p>
                {bad}
            </div>
        }
    };
    let set_order = move |ev| {
        let chosen = match event_target_value(&ev).as_str() {
            "mdy" => DateOrder::MonthFirst,
            _ => DateOrder::DayFirst,
        };
        update_measure(ctx, |m| m.date_order = Some(chosen));
    };
    view! {
        <section class="panel" id="deals" aria-labelledby="deals-title">
            <h2 id="deals-title">{ctx.tr(AppMsg::DealsTitle)}</h2>
            <p class="hint" id="deals-hint">{ctx.tr(AppMsg::DealsHint)}</p>
            <label class="inline-select">
                <span>{ctx.tr(AppMsg::DateFormat)}</span>
                <select
                    data-testid="date-order"
                    prop:value=move || if d.order.get() == DateOrder::MonthFirst { "mdy" } else { "dmy" }
                    on:change=set_order
                >
                    <option value="dmy">{ctx.tr(AppMsg::DayFirst)}</option>
                    <option value="mdy">{ctx.tr(AppMsg::MonthFirst)}</option>
                </select>
            </label>
            <div class="deals">
                {box_for(Which::Baseline)}
                {box_for(Which::Current)}
            </div>
        </section>
    }
}
