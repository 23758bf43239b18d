//! The A/B test screen (issue 13): two variants' visitors and conversions, the verdict
//! with its intervals, the sample a test needs, and a winning lift carried into a
//! campaign row.
//!
//! The page holds the scenario's [`AbTest`] and its fields; the figures come from
//! [`crate::engine::abtest`] in the analysis worker, which writes the results and the
//! sample plan as HTML (`ui::ab_results`, `worker::ab`), so the full app carries
//! neither the statistics nor their texts. Like the customer screen, every part is
//! HTML text and one listener per kind of event reads what was used (`data-ab` on each
//! field, `data-action` on each button): the fields are written once per language or
//! rewrite and never re-rendered while typing, and the results are one text each.

use super::widgets::{action_of, event_element};
use super::workspace::{Lifted, Screen, Workspace};
use super::{fields::problem_text, format::Fmt, Ctx};
use crate::engine::abtest::Arm;
use crate::engine::measure::{with_lift, AbField, AbTest, LiftError};
use crate::html::legacy::esc;
use crate::i18n::{fill, parse_number, AbMsg as M, AppMsg, Lang, Msg, ParseError, Text};
use crate::units::MAX_NAME_CHARS;
use leptos::prelude::*;
use rust_decimal::Decimal;
use wasm_bindgen::JsCast;
use web_sys::{HtmlInputElement, HtmlSelectElement};

/// The A/B test screen.
#[component]
pub fn AbScreen(ws: Workspace) -> impl IntoView {
    let ctx = ws.ctx;
    let test = Memo::new(move |_| ctx.scenario.with(|s| s.measure.ab.clone()));
    let (applied, results) = (ws.lifted, ws.ab);
    // The fields are written again only for another language or a rewrite (the example,
    // an undo, another scenario), so typing is never interrupted.
    let fields = move |part: fn(Fmt, &AbTest) -> String| {
        move || {
            ctx.epoch.track();
            part(ctx.fmt.get(), &test.get_untracked())
        }
    };
    // Every change of the test, the language or the currency asks the worker again.
    Effect::new(move |_| {
        ctx.fmt.track();
        test.with(|t| results.ask(ctx, t));
    });
    let unavailable = move || {
        results.unavailable.get().then(|| {
            format!(
                "<p class=\"ab-error\" role=\"alert\" data-testid=\"ab-unavailable\">{}</p>",
                t(ctx.lang.get(), M::WorkerFailed)
            )
        })
    };
    view! {
        <main
            class="ab-screen"
            on:input=move |ev| typed(ctx, &ev)
            on:click=move |ev| clicked(ws, &ev)
        >
            <section class="panel" aria-labelledby="ab-title">
                <div inner_html=fields(test_fields)></div>
                <div inner_html=unavailable></div>
                <div aria-live="polite" inner_html=move || results.result.get()></div>
                <div inner_html=move || feed(ctx, results.lift.get(), applied)></div>
            </section>
            <section class="panel" aria-labelledby="ab-plan-title">
                <div inner_html=fields(plan_fields)></div>
                <p class="ab-sample" aria-live="polite" data-testid="ab-sample" inner_html=move || results.plan.get()></p>
            </section>
        </main>
    }
}

fn t(lang: Lang, m: M) -> String {
    esc(m.text(lang))
}

/// A number field with its label, unit and the place of its message.
fn number(fmt: Fmt, test: &AbTest, field: AbField, label: &str, unit: &str) -> String {
    let key = field.key();
    let value = fmt.plain(field.get(test));
    let mode = if field.rule().unit.is_whole() {
        "numeric"
    } else {
        "decimal"
    };
    format!(
        "<div class=\"field\"><label for=\"ab-{key}\">{label}</label><div class=\"number\">\
         <input id=\"ab-{key}\" type=\"text\" inputmode=\"{mode}\" autocomplete=\"off\" data-ab=\"{key}\" data-testid=\"ab-{key}\" value=\"{}\" aria-describedby=\"ab-{key}-error\">\
         <span class=\"suffix\" aria-hidden=\"true\">{unit}</span></div><p class=\"field-error\" id=\"ab-{key}-error\" role=\"alert\"></p></div>",
        esc(&value)
    )
}

/// The test's name, the two variants and how the test is read.
fn test_fields(fmt: Fmt, test: &AbTest) -> String {
    let lang = fmt.lang;
    let pct = esc(Msg::UnitPercent.text(lang));
    let variant = |arm: Arm, visitors: AbField, conversions: AbField| {
        let name = t(lang, M::VariantName(arm));
        format!(
            "<fieldset class=\"ab-variant\"><legend>{name}</legend>{}{}</fieldset>",
            number(fmt, test, visitors, &t(lang, M::Visitors), ""),
            number(fmt, test, conversions, &t(lang, M::Conversions), ""),
        )
    };
    format!(
        "<div class=\"ab-head\"><h2 id=\"ab-title\">{}</h2><button type=\"button\" class=\"secondary\" data-action=\"example\" data-testid=\"ab-example\">{}</button></div>\
         <p class=\"hint\">{}</p><div class=\"field ab-name\"><label for=\"ab-name\">{}</label>\
         <input id=\"ab-name\" type=\"text\" maxlength=\"{MAX_NAME_CHARS}\" data-ab=\"name\" data-testid=\"ab-name\" value=\"{}\"></div>\
         <div class=\"ab-variants\">{}{}</div><div class=\"ab-settings\">{}{}</div>",
        t(lang, M::Title),
        t(lang, M::Example),
        t(lang, M::Hint),
        t(lang, M::Name),
        esc(&test.name),
        variant(Arm::A, AbField::VisitorsA, AbField::ConversionsA),
        variant(Arm::B, AbField::VisitorsB, AbField::ConversionsB),
        number(fmt, test, AbField::Confidence, &t(lang, M::Confidence), &pct),
        number(fmt, test, AbField::ShareA, &t(lang, M::ShareA), &pct),
    )
}

/// What the sample is planned for.
fn plan_fields(fmt: Fmt, test: &AbTest) -> String {
    let lang = fmt.lang;
    let pct = esc(Msg::UnitPercent.text(lang));
    let option = |relative: bool, m: M| {
        let selected = if test.mde_relative == relative {
            " selected"
        } else {
            ""
        };
        format!(
            "<option value=\"{}\"{selected}>{}</option>",
            relative as u8,
            t(lang, m)
        )
    };
    format!(
        "<h2 id=\"ab-plan-title\">{}</h2><p class=\"hint\">{}</p><div class=\"ab-settings\">{}\
         <div class=\"ab-mde\">{}<select data-ab=\"mde-kind\" data-testid=\"ab-mde-kind\" aria-label=\"{}\">{}{}</select></div>{}{}</div>",
        t(lang, M::PlanTitle),
        t(lang, M::PlanHint),
        number(fmt, test, AbField::Baseline, &t(lang, M::Baseline), &pct),
        number(fmt, test, AbField::Mde, &t(lang, M::Mde), ""),
        t(lang, M::Mde),
        option(true, M::MdeRelative),
        option(false, M::MdeAbsolute),
        number(fmt, test, AbField::Power, &t(lang, M::Power), &pct),
        number(fmt, test, AbField::DailyTraffic, &t(lang, M::Traffic), ""),
    )
}

/// B's lift offered to a campaign row, or the note of the one applied.
fn feed(ctx: Ctx, lift: Option<Decimal>, applied: RwSignal<Lifted>) -> String {
    let fmt = ctx.fmt.get();
    let lang = fmt.lang;
    let note = applied.with(|n| n.as_ref().map(|(_, note)| note.clone()));
    let refused = match note {
        Some(Ok(text)) => {
            return format!(
                "<div class=\"note\" role=\"status\" data-testid=\"ab-fed\"><p>{}</p>\
                 <button type=\"button\" class=\"secondary\" data-action=\"undo\" data-testid=\"ab-undo\">{}</button>\
                 <button type=\"button\" class=\"secondary\" data-action=\"see\" data-testid=\"ab-see\">{}</button></div>",
                esc(&text),
                esc(AppMsg::Undo.text(lang)),
                t(lang, M::FeedSee)
            )
        }
        Some(Err(text)) => format!(
            "<p class=\"ab-error\" role=\"status\" data-testid=\"ab-fed\">{}</p>",
            esc(&text)
        ),
        None => String::new(),
    };
    let Some(lift) = lift else {
        return String::new();
    };
    let names = ctx.scenario.with(|s| {
        s.measure
            .campaigns
            .iter()
            .map(|c| c.name.clone())
            .collect::<Vec<_>>()
    });
    let head = format!("<h3>{}</h3>", t(lang, M::FeedTitle));
    if names.is_empty() {
        return format!(
            "<div class=\"ab-feed\">{head}<p class=\"hint\">{}</p></div>",
            t(lang, M::FeedNone)
        );
    }
    let options: String = names
        .iter()
        .enumerate()
        .map(|(i, name)| format!("<option value=\"{i}\">{}</option>", esc(name)))
        .collect();
    format!(
        "<div class=\"ab-feed\">{head}<p class=\"hint\">{}</p><label for=\"ab-campaign\">{}</label>\
         <select id=\"ab-campaign\" data-testid=\"ab-campaign\">{options}</select>\
         <button type=\"button\" data-action=\"apply\" data-testid=\"ab-apply\">{}</button>{refused}</div>",
        esc(&fill(M::FeedHint.text(lang), &[&fmt.plain(Decimal::ONE + lift)])),
        t(lang, M::FeedCampaign),
        t(lang, M::FeedApply),
    )
}

/// A field typed in: a valid value goes into the scenario at once; an invalid one stays
/// in the field with its message, and the scenario keeps the last valid value.
fn typed(ctx: Ctx, ev: &web_sys::Event) {
    let Some(el) = event_element(ev) else {
        return;
    };
    let Some(key) = el.get_attribute("data-ab") else {
        return;
    };
    if let Some(select) = el.dyn_ref::<HtmlSelectElement>() {
        let relative = select.value() == "1";
        ctx.scenario
            .update(|s| s.measure.ab.mde_relative = relative);
        return;
    }
    let Some(input) = el.dyn_ref::<HtmlInputElement>() else {
        return;
    };
    let text = input.value();
    if key == "name" {
        let name: String = text.chars().take(MAX_NAME_CHARS).collect();
        ctx.scenario.update(|s| s.measure.ab.name = name);
        return;
    }
    let Some(field) = AbField::from_key(&key) else {
        return;
    };
    let lang = ctx.lang.get_untracked();
    let rule = field.rule();
    let outcome = match parse_number(&text, lang) {
        // An empty count is none counted yet.
        Err(ParseError::Empty) if rule.unit.is_whole() => Ok(Decimal::ZERO),
        Err(ParseError::Empty) => Err(Msg::ErrEmpty.text(lang).to_string()),
        Err(ParseError::NotANumber) => Err(Msg::ErrNotANumber.text(lang).to_string()),
        Ok(v) => rule
            .check(v)
            .map(|()| v)
            .map_err(|p| problem_text(ctx, p, rule)),
    };
    let message = match outcome {
        Ok(v) => {
            ctx.scenario.update(|s| field.set(&mut s.measure.ab, v));
            String::new()
        }
        Err(why) => format!("{why} {}", Msg::ErrKeptLast.text(lang)),
    };
    let _ = input.set_attribute(
        "aria-invalid",
        if message.is_empty() { "false" } else { "true" },
    );
    if let Some(p) = document().get_element_by_id(&format!("ab-{key}-error")) {
        p.set_text_content(Some(&message));
    }
}

/// A button of the screen.
fn clicked(ws: Workspace, ev: &leptos::ev::MouseEvent) {
    let (ctx, applied) = (ws.ctx, ws.lifted);
    let action = action_of(ev);
    match action.as_deref() {
        Some("example") => {
            ctx.rewrite(|s| s.measure.ab = AbTest::example());
            applied.set(None);
        }
        Some("apply") => {
            let index = document()
                .get_element_by_id("ab-campaign")
                .and_then(|e| e.dyn_into::<HtmlSelectElement>().ok())
                .and_then(|s| s.value().parse::<usize>().ok());
            let lift = ws.ab.lift.get_untracked();
            if let (Some(index), Some(lift)) = (index, lift) {
                apply_lift(ctx, applied, index, lift);
            }
        }
        Some("undo") => {
            if let Some((before, Ok(_))) = applied.get_untracked() {
                ctx.rewrite(|s| s.measure.campaigns = before);
            }
            applied.set(None);
        }
        Some("see") => {
            ws.screen.set(Screen::Measure);
            set_timeout(
                || {
                    if let Some(el) = document().get_element_by_id("campaigns") {
                        el.scroll_into_view();
                    }
                },
                std::time::Duration::ZERO,
            );
        }
        _ => {}
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
