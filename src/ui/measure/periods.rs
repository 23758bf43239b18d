//! The periods, in order: a name and dates each; add, rename, move, remove (with undo);
//! and warnings about their dates.

use super::{periods_paste, update_measure, Derived, Which};
use crate::engine::measure::Measurement;
use crate::engine::measure::{iso, parse_iso, Period, MAX_PERIODS, MIN_PERIODS};
use crate::i18n::{fill, AppMsg, ScreenMsg, Text, TrackMsg};
use crate::ui::Ctx;
use leptos::prelude::*;

/// A change to the list of periods: a rewrite, so no field keeps half-typed text of the
/// period that was in its place.
fn restructure(ctx: Ctx, f: impl FnOnce(&mut Measurement)) {
    ctx.rewrite(|s| f(&mut s.measure));
}

/// The periods, in order, and warnings about their dates.
#[component]
pub(super) fn Periods(ctx: Ctx, d: Derived) -> impl IntoView {
    // The last period removed and where it was, for undo.
    let removed = RwSignal::new(None::<(usize, Period, String)>);
    let period = move |which: Which| {
        let count = d.count.get_untracked();
        let key = which.key(count);
        let label = move || {
            let lang = ctx.lang.get();
            d.measure.with(|m| which.label(lang, m))
        };
        let date_key = key.clone();
        let date_input = move |end: bool| {
            let id = format!("{date_key}-{}", if end { "end" } else { "start" });
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
                    <label for=id.clone()>{ctx.tr(if end { ScreenMsg::PeriodEnd } else { ScreenMsg::PeriodStart })}</label>
                    <input type="date" id=id.clone() data-testid=id prop:value=value on:change=on_change />
                </div>
            }
        };
        let name_id = format!("{key}-name");
        let rename = move |ev| {
            let name = event_target_value(&ev);
            update_measure(ctx, |m| {
                let _ = m.rename_period(which.0, name.trim());
            });
        };
        let shift = move |by: isize| {
            let to = which.0.checked_add_signed(by);
            restructure(ctx, |m| {
                if let Some(to) = to {
                    let _ = m.move_period(which.0, to);
                }
            });
        };
        let remove = move |_| {
            let lang = ctx.lang.get_untracked();
            let name = d.measure.with_untracked(|m| which.label(lang, m));
            let mut taken = None;
            restructure(ctx, |m| taken = m.remove_period(which.0).ok());
            removed.set(taken.map(|p| (which.0, p, name)));
        };
        let last = which.0 + 1 == count;
        view! {
            <fieldset class="period" data-testid=format!("period-{key}")>
                <legend>{label}</legend>
                <div class="field">
                    <label for=name_id.clone()>{ctx.tr(ScreenMsg::PeriodName)}</label>
                    <input
                        type="text"
                        id=name_id.clone()
                        data-testid=name_id
                        maxlength="80"
                        prop:value=move || d.measure.with(|m| which.of(m).name.clone())
                        on:change=rename
                    />
                </div>
                {date_input(false)}
                {date_input(true)}
                <div class="period-actions">
                    <button type="button" class="secondary" data-testid=format!("{key}-earlier")
                        disabled={which.0 == 0} aria-label=move || fill(ctx.t(ScreenMsg::MoveEarlier), &[&label()])
                        on:click=move |_| shift(-1)>"↑"</button>
                    <button type="button" class="secondary" data-testid=format!("{key}-later")
                        disabled=last aria-label=move || fill(ctx.t(ScreenMsg::MoveLater), &[&label()])
                        on:click=move |_| shift(1)>"↓"</button>
                    <button type="button" class="secondary danger" data-testid=format!("{key}-remove")
                        disabled={count <= MIN_PERIODS} aria-label=move || fill(ctx.t(ScreenMsg::RemovePeriod), &[&label()])
                        on:click=remove>"✕"</button>
                </div>
            </fieldset>
        }
    };
    let add = move |_: leptos::ev::MouseEvent| {
        restructure(ctx, |m| {
            let at = m.periods.len();
            let _ = m.insert_period(at, Period::default());
        });
    };
    let undo = move |_: leptos::ev::MouseEvent| {
        if let Some((at, p, _)) = removed.get_untracked() {
            restructure(ctx, |m| {
                let _ = m.insert_period(at.min(m.periods.len()), p);
            });
        }
        removed.set(None);
    };
    let warnings = move || {
        let lang = ctx.lang.get();
        d.measure.with(|m| {
            let mut out = Vec::new();
            for which in Which::all(m.periods.len()) {
                if which.of(m).dates_reversed() {
                    out.push(fill(
                        ScreenMsg::DatesReversed.text(lang),
                        &[&which.label(lang, m)],
                    ));
                }
            }
            // Every period against the baseline, not only the latest.
            if let Some(base) = m.baseline().days() {
                for which in Which::all(m.periods.len()).skip(1) {
                    match which.of(m).days() {
                        Some(days) if days != base => out.push(fill(
                            ScreenMsg::PeriodsDiffer.text(lang),
                            &[&which.label(lang, m), &days.to_string(), &base.to_string()],
                        )),
                        _ => {}
                    }
                }
            }
            for k in m.overlaps() {
                out.push(fill(
                    TrackMsg::Overlap.text(lang),
                    &[
                        &Which(k).label(lang, m),
                        &Which(k.saturating_sub(1)).label(lang, m),
                    ],
                ));
            }
            out.into_iter()
                .map(|w| view! { <p class="warn-text">{w}</p> })
                .collect_view()
        })
    };
    view! {
        <section class="panel" id="periods" aria-labelledby="periods-title">
            <h2 id="periods-title">{ctx.tr(AppMsg::PeriodsTitle)}</h2>
            <p class="hint">{ctx.tr(ScreenMsg::PeriodsHint)}</p>
            // Built again only when the number of periods changes, so typing keeps focus.
            <div class="periods">
                {move || Which::all(d.count.get()).map(period).collect_view()}
            </div>
            <div class="actions">
                <button type="button" class="secondary" data-testid="add-period"
                    disabled={move || d.count.get() >= MAX_PERIODS} on:click=add>
                    {ctx.tr(ScreenMsg::AddPeriod)}
                </button>
            </div>
            <periods_paste::PeriodsPaste ctx d />
            {move || removed.get().map(|(_, _, name)| view! {
                <div class="note" role="status" data-testid="period-removed">
                    <p>{fill(ctx.t(ScreenMsg::PeriodRemoved), &[&name])}</p>
                    <button type="button" class="secondary" data-testid="period-undo" on:click=undo>{ctx.tr(AppMsg::Undo)}</button>
                </div>
            })}
            <div role="status">{warnings}</div>
        </section>
    }
}
