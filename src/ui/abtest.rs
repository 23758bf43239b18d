//! The A/B test screen (issue 13): two variants' visitors and conversions, the verdict
//! with its intervals, the sample a test needs, and a winning lift carried into a
//! campaign row.
//!
//! Leptos components like every screen: the fields are the app's number fields
//! ([`NumberBox`]: typing is never interrupted, an invalid value stays with its message
//! while the scenario keeps the last valid one), and the results ([`super::ab_results`])
//! are computed in this screen's lazily loaded part from the scenario's [`AbTest`].

use super::ab_results;
use super::fields::rule_problem;
use super::number::NumberBox;
use super::workspace::{Lifted, Screen, Workspace};
use super::Ctx;
use crate::engine::abtest::Arm;
use crate::engine::measure::{with_lift, AbField, AbTest, LiftError};
use crate::i18n::{example_names, fill, AbMsg as M, AppMsg, Msg, Text};
use crate::units::MAX_NAME_CHARS;
use leptos::prelude::*;
use rust_decimal::Decimal;

/// The A/B test screen.
#[component]
pub fn AbScreen(ws: Workspace) -> impl IntoView {
    let ctx = ws.ctx;
    let test = Memo::new(move |_| ctx.scenario.with(|s| s.measure.ab.clone()));
    let lift = Memo::new(move |_| test.with(AbTest::winning_lift));
    let example = move |_| {
        let names = example_names(ctx.lang.get_untracked());
        ctx.rewrite(|s| s.measure.ab = AbTest::example(names.ab_test));
        ws.lifted.set(None);
    };
    // The name is written again only by a rewrite (the example, an undo, another
    // scenario), never while it is typed.
    let name = move || {
        ctx.epoch.track();
        test.with_untracked(|t| t.name.clone())
    };
    let on_name = move |ev: leptos::ev::Event| {
        let name: String = event_target_value(&ev)
            .chars()
            .take(MAX_NAME_CHARS)
            .collect();
        ctx.scenario.update(|s| s.measure.ab.name = name);
    };
    let variant = move |arm: Arm, visitors: AbField, conversions: AbField| {
        view! {
            <fieldset class="ab-variant">
                <legend>{ctx.tr(M::VariantName(arm))}</legend>
                {number(ctx, visitors, M::Visitors)}
                {number(ctx, conversions, M::Conversions)}
            </fieldset>
        }
    };
    let relative = Memo::new(move |_| test.with(|t| t.mde_relative));
    let on_kind = move |ev: leptos::ev::Event| {
        let relative = event_target_value(&ev) == "1";
        ctx.scenario
            .update(|s| s.measure.ab.mde_relative = relative);
    };
    view! {
        <main class="ab-screen">
            <section class="panel" aria-labelledby="ab-title">
                <div class="ab-head">
                    <h2 id="ab-title">{ctx.tr(M::Title)}</h2>
                    <button type="button" class="secondary" data-testid="ab-example" on:click=example>
                        {ctx.tr(M::Example)}
                    </button>
                </div>
                <p class="hint">{ctx.tr(M::Hint)}</p>
                <div class="field ab-name">
                    <label for="ab-name">{ctx.tr(M::Name)}</label>
                    <input id="ab-name" type="text" maxlength=MAX_NAME_CHARS data-testid="ab-name"
                        prop:value=name on:input=on_name />
                </div>
                <div class="ab-variants">
                    {variant(Arm::A, AbField::VisitorsA, AbField::ConversionsA)}
                    {variant(Arm::B, AbField::VisitorsB, AbField::ConversionsB)}
                </div>
                <div class="ab-settings">
                    {number(ctx, AbField::Confidence, M::Confidence)}
                    {number(ctx, AbField::ShareA, M::ShareA)}
                </div>
                <div aria-live="polite">
                    {move || {
                        let fmt = ctx.fmt.get();
                        test.with(|t| ab_results::result(fmt, t))
                    }}
                </div>
                <Feed ws lift />
            </section>
            <section class="panel" aria-labelledby="ab-plan-title">
                <h2 id="ab-plan-title">{ctx.tr(M::PlanTitle)}</h2>
                <p class="hint">{ctx.tr(M::PlanHint)}</p>
                <div class="ab-settings">
                    {number(ctx, AbField::Baseline, M::Baseline)}
                    <div class="ab-mde">
                        {number(ctx, AbField::Mde, M::Mde)}
                        <select data-testid="ab-mde-kind" aria-label=ctx.tr(M::Mde) on:change=on_kind>
                            <option value="1" prop:selected=move || relative.get()>{ctx.tr(M::MdeRelative)}</option>
                            <option value="0" prop:selected=move || !relative.get()>{ctx.tr(M::MdeAbsolute)}</option>
                        </select>
                    </div>
                    {number(ctx, AbField::Power, M::Power)}
                    {number(ctx, AbField::DailyTraffic, M::Traffic)}
                </div>
                <p class="ab-sample" aria-live="polite" data-testid="ab-sample">
                    {move || {
                        let fmt = ctx.fmt.get();
                        test.with(|t| ab_results::plan(fmt, t))
                    }}
                </p>
            </section>
        </main>
    }
}

/// A number field of the test with its label and unit. An empty count is none counted
/// yet (0), and the field stays empty while it is.
fn number(ctx: Ctx, field: AbField, label: M) -> impl IntoView {
    let id = format!("ab-{}", field.key());
    let rule = field.rule();
    let whole = rule.unit.is_whole();
    let blank = RwSignal::new(false);
    // A rewrite (the example, another scenario) shows its value, zero included.
    Effect::new(move |_| {
        ctx.epoch.track();
        blank.set(false);
    });
    let value = Signal::derive(move || {
        let v = ctx.scenario.with(|s| field.get(&s.measure.ab));
        (!(blank.get() && v.is_zero())).then_some(v)
    });
    let set = Callback::new(move |v: Option<Decimal>| {
        blank.set(v.is_none());
        ctx.scenario
            .update(|s| field.set(&mut s.measure.ab, v.unwrap_or_default()));
    });
    let suffix = Signal::derive(move || match whole {
        true => String::new(),
        false if field == AbField::Mde => String::new(),
        false => ctx.t(Msg::UnitPercent).to_string(),
    });
    view! {
        <div class="field">
            <label for=id.clone()>{ctx.tr(label)}</label>
            <NumberBox
                ctx
                id
                value
                set
                check=Callback::new(move |v| rule_problem(ctx, v, rule))
                optional=whole
                whole
                suffix
            />
        </div>
    }
}

/// B's lift offered to a campaign row, or the note of the one applied, with its undo.
#[component]
fn Feed(ws: Workspace, lift: Memo<Option<Decimal>>) -> impl IntoView {
    let (ctx, applied) = (ws.ctx, ws.lifted);
    let chosen = RwSignal::new(0_usize);
    let names = Memo::new(move |_| {
        ctx.scenario.with(|s| {
            s.measure
                .campaigns
                .iter()
                .map(|c| c.name.clone())
                .collect::<Vec<_>>()
        })
    });
    let undo = move |_| {
        if let Some((before, Ok(_))) = applied.get_untracked() {
            ctx.rewrite(|s| s.measure.campaigns = before);
        }
        applied.set(None);
    };
    let see = move |_| {
        ws.screen.set(Screen::Measure);
        set_timeout(
            || {
                if let Some(el) = document().get_element_by_id("campaigns") {
                    el.scroll_into_view();
                }
            },
            std::time::Duration::ZERO,
        );
    };
    let apply = move |_| {
        if let Some(lift) = lift.get_untracked() {
            apply_lift(ctx, applied, chosen.get_untracked(), lift);
        }
    };
    move || {
        let note = applied.with(|n| n.as_ref().map(|(_, note)| note.clone()));
        let refused = match note {
            Some(Ok(text)) => return Some(
                view! {
                    <div class="note" role="status" data-testid="ab-fed">
                        <p>{text}</p>
                        <button type="button" class="secondary" data-testid="ab-undo" on:click=undo>
                            {ctx.tr(AppMsg::Undo)}
                        </button>
                        <button type="button" class="secondary" data-testid="ab-see" on:click=see>
                            {ctx.tr(M::FeedSee)}
                        </button>
                    </div>
                }
                .into_any(),
            ),
            Some(Err(text)) => Some(text),
            None => None,
        };
        let lift = lift.get()?;
        let head = view! { <h3>{ctx.tr(M::FeedTitle)}</h3> };
        if names.with(Vec::is_empty) {
            return Some(
                view! {
                    <div class="ab-feed">
                        {head}
                        <p class="hint">{ctx.tr(M::FeedNone)}</p>
                    </div>
                }
                .into_any(),
            );
        }
        let hint = move || {
            fill(
                ctx.t(M::FeedHint),
                &[&ctx.fmt.get().plain(Decimal::ONE + lift)],
            )
        };
        let options = move || {
            names
                .get()
                .into_iter()
                .enumerate()
                .map(|(i, name)| {
                    view! { <option value=i.to_string() prop:selected=move || chosen.get() == i>{name}</option> }
                })
                .collect_view()
        };
        Some(
            view! {
                <div class="ab-feed">
                    {head}
                    <p class="hint">{hint}</p>
                    <label for="ab-campaign">{ctx.tr(M::FeedCampaign)}</label>
                    <select id="ab-campaign" data-testid="ab-campaign"
                        on:change=move |ev| chosen.set(event_target_value(&ev).parse().unwrap_or(0))>
                        {options}
                    </select>
                    <button type="button" data-testid="ab-apply" on:click=apply>{ctx.tr(M::FeedApply)}</button>
                    {refused.map(|text| view! { <p class="ab-error" role="status" data-testid="ab-fed">{text}</p> })}
                </div>
            }
            .into_any(),
        )
    }
}

/// Scales campaign `index` by `1 + lift`, with undo, and says what changed.
fn apply_lift(ctx: Ctx, applied: RwSignal<Lifted>, index: usize, lift: Decimal) {
    let before = ctx.scenario.with_untracked(|s| s.measure.campaigns.clone());
    let Some(row) = before.get(index) else {
        return;
    };
    let lang = ctx.lang.get_untracked();
    let note = match with_lift(row, lift) {
        Ok(lifted) => {
            let fmt = ctx.fmt.get_untracked();
            let text = fill(
                M::FeedDone.text(lang),
                &[
                    &row.name,
                    &fmt.plain(row.customers),
                    &fmt.plain(lifted.customers),
                    &fmt.money_precise(row.revenue),
                    &fmt.money_precise(lifted.revenue),
                ],
            );
            ctx.rewrite(|s| {
                if let Some(slot) = s.measure.campaigns.get_mut(index) {
                    *slot = lifted;
                }
            });
            Ok(text)
        }
        Err(e) => Err(match e {
            LiftError::NoCustomers => M::LiftNoCustomers.text(lang),
            LiftError::ExceedsLeads => M::LiftExceedsLeads.text(lang),
            LiftError::Overflow => AppMsg::ErrOverflow.text(lang),
        }
        .to_string()),
    };
    applied.set(Some((before, note)));
}
