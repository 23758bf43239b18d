//! The two periods' dates, and warnings about them.

use super::{update_measure, Derived, Which};
use crate::engine::measure::{iso, parse_iso};
use crate::i18n::{fill, AppMsg, Text};
use crate::ui::Ctx;
use leptos::prelude::*;

/// The two periods' dates, and warnings about them.
#[component]
pub(super) fn Periods(ctx: Ctx, d: Derived) -> impl IntoView {
    let date_input = move |which: Which, end: bool| {
        let id = format!("{}-{}", which.key(), if end { "end" } else { "start" });
        let value = move || {
            d.measure.with(|m| {
                let p = which.of(m);
                (if end { p.end } else { p.start })
                    .map(iso)
                    .unwrap_or_default()
            })
        };
        let on_change = move |ev| {
            let date = parse_iso(&event_target_value(&ev));
            update_measure(ctx, |m| {
                if let Some(p) = which.of_mut(m) {
                    if end {
                        p.end = date;
                    } else {
                        p.start = date;
                    }
                }
            });
        };
        view! {
            <div class="field">
                <label for=id.clone()>{ctx.tr(if end { AppMsg::PeriodEnd } else { AppMsg::PeriodStart })}</label>
                <input type="date" id=id.clone() data-testid=id prop:value=value on:change=on_change />
            </div>
        }
    };
    let warnings = move || {
        let lang = ctx.lang.get();
        d.measure.with(|m| {
            let mut out = Vec::new();
            for which in Which::BOTH {
                if which.of(m).dates_reversed() {
                    out.push(fill(
                        AppMsg::DatesReversed.text(lang),
                        &[which.label().text(lang)],
                    ));
                }
            }
            if let (Some(a), Some(b)) = (m.baseline().days(), m.current().days()) {
                if a != b {
                    out.push(fill(
                        AppMsg::PeriodsDiffer.text(lang),
                        &[&a.to_string(), &b.to_string()],
                    ));
                }
            }
            out.into_iter()
                .map(|w| view! { <p class="warn-text">{w}</p> })
                .collect_view()
        })
    };
    view! {
        <section class="panel" id="periods" aria-labelledby="periods-title">
            <h2 id="periods-title">{ctx.tr(AppMsg::PeriodsTitle)}</h2>
            <p class="hint">{ctx.tr(AppMsg::PeriodsHint)}</p>
            <div class="periods">
                {Which::BOTH.into_iter().map(|which| view! {
                    <fieldset class="period">
                        <legend>{ctx.tr(which.label())}</legend>
                        {date_input(which, false)}
                        {date_input(which, true)}
                    </fieldset>
                }).collect_view()}
            </div>
            <div role="status">{warnings}</div>
        </section>
    }
}
