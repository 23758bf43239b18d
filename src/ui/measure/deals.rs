//! Pasted deals and leads of both periods: the sales cycle (mean and median days) and the
//! speed to lead (share answered within five minutes, median minutes), with the bad rows.

use super::{order_of, update_measure, Derived, Which};
use crate::engine::deals::{DateOrder, RowProblem};
use crate::engine::measure::{Period, PeriodDeals};
use crate::engine::speed::LeadProblem;
use crate::i18n::{fill, AppMsg, Lang, ScreenMsg, Text};
use crate::ui::Ctx;
use crate::units::MAX_DEALS_CHARS;
use leptos::prelude::*;
use rust_decimal::Decimal;

/// What a paste panel reads: rows of deals (created, closed) or of leads (created, first
/// response).
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Paste {
    /// Deals, for the sales cycle.
    Deals,
    /// Leads, for the speed to lead.
    Leads,
}

impl Paste {
    fn key(self) -> &'static str {
        match self {
            Paste::Deals => "deals",
            Paste::Leads => "leads",
        }
    }

    fn text(self, p: &Period) -> &String {
        match self {
            Paste::Deals => &p.deals,
            Paste::Leads => &p.leads,
        }
    }

    fn text_mut(self, p: &mut Period) -> &mut String {
        match self {
            Paste::Deals => &mut p.deals,
            Paste::Leads => &mut p.leads,
        }
    }

    /// Title, hint and the too-long message.
    fn texts(self) -> [AppMsg; 3] {
        match self {
            Paste::Deals => [AppMsg::DealsTitle, AppMsg::DealsHint, AppMsg::DealsTooLong],
            Paste::Leads => [AppMsg::LeadsTitle, AppMsg::LeadsHint, AppMsg::LeadsTooLong],
        }
    }

    /// The paste's figures in a sentence.
    fn stats(self, ctx: Ctx, p: &PeriodDeals) -> String {
        let fmt = ctx.fmt.get();
        let lang = fmt.lang;
        let none = match self {
            Paste::Deals if p.parse.bad.is_empty() => AppMsg::DealsNone,
            Paste::Deals => AppMsg::GapNoDeals,
            Paste::Leads if p.leads.bad.is_empty() => AppMsg::LeadsNone,
            Paste::Leads => AppMsg::GapNoLeads,
        };
        let figures = match self {
            Paste::Deals => p.cycle.map(|c| {
                fill(
                    AppMsg::DealsStats.text(lang),
                    &[
                        &c.count.to_string(),
                        &fmt.plain(c.mean_days.round_dp(1)),
                        &fmt.plain(c.median_days.round_dp(1)),
                    ],
                )
            }),
            Paste::Leads => p.speed.map(|s| {
                let median = s
                    .median_minutes
                    .map_or_else(|| "—".into(), |m| fmt.plain(m.round_dp(1)));
                fill(
                    ScreenMsg::LeadsStats.text(lang),
                    &[
                        &s.leads.to_string(),
                        &s.within_five_minutes.to_string(),
                        &fmt.percent(s.within_five_minutes_pct.round_dp(1)),
                        &s.unanswered.to_string(),
                        &median,
                    ],
                )
            }),
        };
        figures.unwrap_or_else(|_| none.text(lang).to_string())
    }

    /// The bad rows: line number, reason, text.
    fn bad_rows(self, lang: Lang, p: &PeriodDeals) -> Vec<(usize, String, String)> {
        match self {
            Paste::Deals => p
                .parse
                .bad
                .iter()
                .map(|r| (r.line, deal_problem(lang, r.reason), r.text.clone()))
                .collect(),
            Paste::Leads => p
                .leads
                .bad
                .iter()
                .map(|r| (r.line, lead_problem(lang, r.reason), r.text.clone()))
                .collect(),
        }
    }
}

fn deal_problem(lang: Lang, p: RowProblem) -> String {
    match p {
        RowProblem::WrongColumnCount => ScreenMsg::RowColumns.text(lang).to_string(),
        RowProblem::BadDate(col) => fill(AppMsg::RowBadDate.text(lang), &[&col.to_string()]),
        RowProblem::ClosedBeforeCreated => ScreenMsg::RowClosedBefore.text(lang).to_string(),
    }
}

fn lead_problem(lang: Lang, p: LeadProblem) -> String {
    let col = |msg: AppMsg, col: usize| fill(msg.text(lang), &[&col.to_string()]);
    match p {
        LeadProblem::WrongColumnCount => ScreenMsg::RowColumns.text(lang).to_string(),
        LeadProblem::BadDateTime(c) => col(AppMsg::RowBadDate, c),
        LeadProblem::MissingTime(c) => col(AppMsg::RowNoTime, c),
        LeadProblem::RespondedBeforeCreated => ScreenMsg::RowRespondedBefore.text(lang).to_string(),
    }
}

/// Pasted deals or leads of every period, with their figures and the bad rows.
#[component]
pub(super) fn PastePanel(ctx: Ctx, d: Derived, paste: Paste) -> impl IntoView {
    let [title, hint, too_long_msg] = paste.texts();
    let kind = paste.key();
    let box_for = move |which: Which| {
        let key = which.key(d.count.get_untracked());
        let id = format!("{kind}-{key}");
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
                if let Some(p) = which.of_mut(m) {
                    *paste.text_mut(p) = text;
                }
            });
        };
        let stats = move || parsed.with(|p| p.as_ref().map(|p| paste.stats(ctx, p)));
        let bad_id = format!("bad-{kind}-{key}");
        let bad = move || {
            let lang = ctx.lang.get();
            let rows = parsed.with(|p| {
                p.as_ref()
                    .map(|p| paste.bad_rows(lang, p))
                    .unwrap_or_default()
            });
            (!rows.is_empty()).then(|| {
                let count = rows.len();
                let items = rows
                    .into_iter()
                    .take(50)
                    .map(|(line, reason, text)| {
                        let line = fill(ScreenMsg::RowLine.text(lang), &[&line.to_string()]);
                        view! {
                            <li>
                                <b>{line}</b> " " {reason}
                                " " <code>{text.chars().take(80).collect::<String>()}</code>
                            </li>
                        }
                    })
                    .collect_view();
                view! {
                    <div class="bad-rows" data-testid=bad_id.clone()>
                        <p class="warn-text">{fill(ScreenMsg::RowsSkipped.text(lang), &[&count.to_string()])}</p>
                        <ul>{items}</ul>
                    </div>
                }
            })
        };
        let error_id = format!("{id}-error");
        view! {
            <div class="field deals-field">
                <label for=id.clone()>{move || { let lang = ctx.lang.get(); d.measure.with(|m| which.label(lang, m)) }}</label>
                <textarea
                    id=id.clone()
                    data-testid=id.clone()
                    rows="7"
                    spellcheck="false"
                    aria-describedby=format!("{kind}-hint {error_id}")
                    prop:value=move || d.measure.with(|m| paste.text(which.of(m)).clone())
                    on:input=on_input
                ></textarea>
                <p class="field-error" id=error_id role="alert">
                    {move || too_long.get().map(|n| {
                        let fmt = ctx.fmt.get();
                        fill(ctx.t(too_long_msg), &[&fmt.plain(Decimal::from(n)), &fmt.plain(Decimal::from(MAX_DEALS_CHARS))])
                    })}
                </p>
                <p class="deals-stats" data-testid=format!("{kind}-stats-{key}") role="status">{stats}</p>
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
    // One date format for both pastes: the first panel has the choice.
    let order_choice = (paste == Paste::Deals).then(|| {
        view! {
            <label class="inline-select">
                <span>{ctx.tr(ScreenMsg::DateFormat)}</span>
                <select
                    data-testid="date-order"
                    prop:value=move || if d.order.get() == DateOrder::MonthFirst { "mdy" } else { "dmy" }
                    on:change=set_order
                >
                    <option value="dmy">{ctx.tr(ScreenMsg::DayFirst)}</option>
                    <option value="mdy">{ctx.tr(ScreenMsg::MonthFirst)}</option>
                </select>
            </label>
        }
    });
    view! {
        <section class="panel" id=kind aria-labelledby=format!("{kind}-title")>
            <h2 id=format!("{kind}-title")>{ctx.tr(title)}</h2>
            <p class="hint" id=format!("{kind}-hint")>{ctx.tr(hint)}</p>
            {order_choice}
            <div class="deals">
                {move || Which::all(d.count.get()).map(box_for).collect_view()}
            </div>
        </section>
    }
}
