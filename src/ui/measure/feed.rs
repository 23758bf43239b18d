//! What the measured changes propose for the ROI model, the ROI they would give, and the
//! one action that applies them (with undo).

use super::Derived;
use crate::engine::measure::{apply, proposals};
use crate::engine::model::evaluate;
use crate::i18n::{fill, AppMsg, Msg, ScreenMsg, Text};
use crate::ui::workspace::{Screen, Workspace};
use leptos::prelude::*;
use rust_decimal::Decimal;

/// What the measured changes propose for the ROI model, the ROI they would give, and the
/// one action that applies them (with undo).
#[component]
pub(super) fn FeedPanel(ws: Workspace, d: Derived) -> impl IntoView {
    let (ctx, fed) = (ws.ctx, ws.session.fed);
    let proposed = Memo::new(move |_| {
        d.comparisons
            .with(|c| d.measure.with(|m| ctx.inputs.with(|i| proposals(c, m, i))))
    });
    let roi_with = Memo::new(move |_| {
        proposed.with(|p| {
            ctx.inputs
                .with(|i| evaluate(&apply(i, p)).ok().map(|r| (r.roi_pct, r.npv)))
        })
    });
    // Undo is offered while the model's inputs are still exactly what the action made
    // them, wherever the user went meanwhile; any later edit makes it disappear rather
    // than be overwritten by it.
    let undoable = Memo::new(move |_| {
        fed.with(|fed| {
            fed.as_ref()
                .filter(|(_, after)| ctx.inputs.with(|i| i == after))
                .map(|(before, _)| before.clone())
        })
    });
    let apply_all = move |_| {
        let before = ctx.inputs.get_untracked();
        let after = apply(&before, &proposed.get_untracked());
        ctx.rewrite(|s| s.inputs = after.clone());
        fed.set(Some((before, after)));
    };
    let undo_apply = move |_| {
        if let Some(before) = undoable.get_untracked() {
            ctx.rewrite(|s| s.inputs = before);
        }
        fed.set(None);
    };
    let rows = move || {
        let fmt = ctx.fmt.get();
        let lang = fmt.lang;
        proposed
            .get()
            .into_iter()
            .map(|p| {
                view! {
                    <tr data-testid=format!("proposal-{}", p.field.key())>
                        <th scope="row">{Msg::Field(p.field).text(lang)}</th>
                        <td>{fmt.in_unit(p.field.unit(), p.from.round_dp(2))}</td>
                        <td>{fmt.in_unit(p.field.unit(), p.to.round_dp(2))}</td>
                    </tr>
                }
            })
            .collect_view()
    };
    let outcome = move || {
        let fmt = ctx.fmt.get();
        let now = ctx.shown.get().map(|r| (r.roi_pct, r.npv));
        let then = roi_with.get();
        let roi = |x: Option<(Option<Decimal>, Decimal)>| {
            x.and_then(|(roi, _)| roi)
                .map(|r| fmt.percent(r))
                .unwrap_or_else(|| "—".into())
        };
        let npv = |x: Option<(Option<Decimal>, Decimal)>| {
            x.map(|(_, n)| fmt.money(n)).unwrap_or_else(|| "—".into())
        };
        fill(
            ctx.t(ScreenMsg::FeedOutcome),
            &[&roi(now), &roi(then), &npv(now), &npv(then)],
        )
    };
    view! {
        <section class="panel feed" id="feed" aria-labelledby="feed-title">
            <h2 id="feed-title">{ctx.tr(AppMsg::FeedTitle)}</h2>
            <p class="hint">{ctx.tr(ScreenMsg::FeedHint)}</p>
            <Show
                when=move || !proposed.with(Vec::is_empty)
                fallback=move || view! { <p data-testid="feed-empty">{ctx.tr(ScreenMsg::FeedNothing)}</p> }
            >
                <div class="table-scroll">
                    <table>
                        <thead>
                            <tr>
                                <th scope="col">{ctx.tr(ScreenMsg::RoiInput)}</th>
                                <th scope="col">{ctx.tr(ScreenMsg::InModel)}</th>
                                <th scope="col">{ctx.tr(ScreenMsg::Measured)}</th>
                            </tr>
                        </thead>
                        <tbody>{rows}</tbody>
                    </table>
                </div>
                <p class="feed-outcome" data-testid="feed-outcome">{outcome}</p>
                <div class="actions">
                    <button type="button" data-testid="feed-apply" on:click=apply_all>{ctx.tr(ScreenMsg::FeedApply)}</button>
                </div>
            </Show>
            <Show when=move || undoable.with(Option::is_some)>
                <div class="note" role="status" data-testid="feed-done">
                    <p>{ctx.tr(ScreenMsg::FeedDone)}</p>
                    <button type="button" class="secondary" data-testid="feed-undo" on:click=undo_apply>{ctx.tr(AppMsg::Undo)}</button>
                    <button type="button" class="secondary" data-testid="feed-see" on:click=move |_| {
                        ws.screen.set(Screen::Calculator);
                        window().scroll_to_with_x_and_y(0.0, 0.0);
                    }>{ctx.tr(ScreenMsg::FeedSee)}</button>
                </div>
            </Show>
        </section>
    }
}
