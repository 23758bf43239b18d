//! Input fields: number fields that read the locale's way of writing numbers, what-if
//! sliders paired with a number field, and the grouped inputs panel.

use super::Ctx;
use crate::engine::model::{BenefitLine, Field, Group, Inputs, Problem, Unit};
use crate::i18n::{field_label, fill, group_label, line_label, parse_number, Msg, ParseError};
use leptos::prelude::*;
use rust_decimal::Decimal;
use std::str::FromStr;

/// What is wrong with the text in a field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum FieldIssue {
    Parse(ParseError),
    Range(Problem),
}

fn issue_text(ctx: Ctx, field: Field, issue: FieldIssue) -> String {
    let fmt = ctx.fmt.get();
    let (min, max) = field.range();
    let first = match issue {
        FieldIssue::Parse(ParseError::Empty) => ctx.t(Msg::ErrEmpty).to_string(),
        FieldIssue::Parse(ParseError::NotANumber) => ctx.t(Msg::ErrNotANumber).to_string(),
        FieldIssue::Range(Problem::BelowMin) => {
            fill(ctx.t(Msg::ErrBelowMin), &[&fmt.in_unit(field.unit(), min)])
        }
        FieldIssue::Range(Problem::AboveMax) => {
            fill(ctx.t(Msg::ErrAboveMax), &[&fmt.in_unit(field.unit(), max)])
        }
        FieldIssue::Range(Problem::NotWhole) => ctx.t(Msg::ErrNotWhole).to_string(),
    };
    format!("{first} {}", ctx.t(Msg::ErrKeptLast))
}

/// Unit shown after a number field (currency fields show the currency code).
fn suffix(ctx: Ctx, unit: Unit) -> String {
    match unit {
        Unit::Money => ctx.fmt.get().currency.code().to_string(),
        Unit::Percent => ctx.t(Msg::UnitPercent).to_string(),
        Unit::Hours => ctx.t(Msg::UnitHours).to_string(),
        Unit::Minutes => ctx.t(Msg::UnitMinutes).to_string(),
        Unit::Days => ctx.t(Msg::UnitDays).to_string(),
        Unit::Weeks => ctx.t(Msg::UnitWeeks).to_string(),
        Unit::Years => ctx.t(Msg::UnitYears).to_string(),
        Unit::Count => String::new(),
    }
}

fn field_value(ctx: Ctx, field: Field) -> Memo<Decimal> {
    Memo::new(move |_| ctx.inputs.with(|i| field.get(i)))
}

/// A text field for one input. Typed text is read in the current language; a valid value
/// goes straight into the scenario, an invalid one shows a message and the scenario keeps
/// its last valid value.
#[component]
fn NumberInput(
    ctx: Ctx,
    field: Field,
    id: String,
    #[prop(optional)] labelled_by: Option<String>,
) -> impl IntoView {
    let value = field_value(ctx, field);
    // What the user is typing, while it differs from the formatted value.
    let draft = RwSignal::new(None::<String>);
    let issue = RwSignal::new(None::<FieldIssue>);
    // A change from elsewhere (a slider, another field) or a whole new scenario (reset,
    // open, a link) replaces whatever was being typed.
    Effect::new(move |last_epoch: Option<u32>| {
        let epoch = ctx.session.epoch.get();
        let current = value.get();
        let lang = ctx.lang.get_untracked();
        let replaced = last_epoch.is_some_and(|e| e != epoch);
        if replaced
            || draft
                .get_untracked()
                .is_some_and(|text| parse_number(&text, lang) != Ok(current))
        {
            draft.set(None);
            issue.set(None);
        }
        epoch
    });
    let on_input = move |ev| {
        let text = event_target_value(&ev);
        let parsed = parse_number(&text, ctx.lang.get_untracked())
            .map_err(FieldIssue::Parse)
            .and_then(|v| field.check(v).map(|()| v).map_err(FieldIssue::Range));
        draft.set(Some(text));
        match parsed {
            Ok(v) => {
                issue.set(None);
                ctx.scenario.update(|s| field.set(&mut s.inputs, v));
            }
            Err(e) => issue.set(Some(e)),
        }
    };
    let on_blur = move |_| {
        if issue.get_untracked().is_none() {
            draft.set(None);
        }
    };
    let error_id = format!("{id}-error");
    let unit = field.unit();
    view! {
        <div class="number" class:invalid=move || issue.get().is_some()>
            <input
                id=id.clone()
                type="text"
                inputmode=if unit.is_whole() { "numeric" } else { "decimal" }
                autocomplete="off"
                data-testid=id.clone()
                aria-labelledby=labelled_by
                aria-invalid=move || issue.get().is_some().to_string()
                aria-describedby=error_id.clone()
                prop:value=move || draft.get().unwrap_or_else(|| ctx.fmt.get().plain(value.get()))
                on:input=on_input
                on:blur=on_blur
            />
            <span class="suffix" aria-hidden="true">{move || suffix(ctx, unit)}</span>
        </div>
        <p class="field-error" id=error_id role="alert">
            {move || issue.get().map(|i| issue_text(ctx, field, i))}
        </p>
    }
}

/// A labelled number field.
#[component]
pub fn NumberField(ctx: Ctx, field: Field) -> impl IntoView {
    let id = format!("f-{}", field.key());
    view! {
        <div class="field">
            <label for=id.clone()>{move || field_label(field, ctx.lang.get())}</label>
            <NumberInput ctx field id />
        </div>
    }
}

/// Slider range and step for the what-if fields: narrower than the valid range, so a
/// drag moves through believable values.
fn slider_range(field: Field) -> (Decimal, Decimal, Decimal) {
    let n = Decimal::from;
    let half = Decimal::new(5, 1);
    match field {
        Field::Seats => (n(1), n(500), n(1)),
        Field::LicencePerSeatMonth => (n(0), n(300), n(1)),
        Field::Implementation => (n(0), n(300_000), n(1_000)),
        Field::ChurnBeforePct | Field::ChurnAfterPct => (n(0), n(50), half),
        Field::ConversionBeforePct | Field::ConversionAfterPct => (n(0), n(40), half),
        _ => (n(0), n(100), n(1)),
    }
}

/// The what-if fields, in the order a demo walks through them.
const WHAT_IF: [Field; 10] = [
    Field::ChurnBeforePct,
    Field::ChurnAfterPct,
    Field::ConversionBeforePct,
    Field::ConversionAfterPct,
    Field::LicencePerSeatMonth,
    Field::Seats,
    Field::Implementation,
    Field::AdoptionYear1Pct,
    Field::AdoptionSteadyPct,
    Field::RiskHaircutPct,
];

/// A slider paired with a number field (WCAG 2.5.7: dragging is never the only way).
#[component]
fn SliderField(ctx: Ctx, field: Field) -> impl IntoView {
    let value = field_value(ctx, field);
    let (min, max, step) = slider_range(field);
    let label_id = format!("w-{}-label", field.key());
    let on_input = move |ev| {
        if let Ok(v) = Decimal::from_str(&event_target_value(&ev)) {
            ctx.scenario
                .update(|s| field.set(&mut s.inputs, field.clamp(v)));
        }
    };
    view! {
        <div class="slider-field">
            <div class="slider-head">
                <span class="label" id=label_id.clone()>{move || field_label(field, ctx.lang.get())}</span>
                <NumberInput ctx field id=format!("w-{}", field.key()) labelled_by=label_id.clone() />
            </div>
            <input
                type="range"
                data-testid=format!("slider-{}", field.key())
                min=min.to_string()
                max=max.to_string()
                step=step.to_string()
                aria-labelledby=label_id
                aria-valuetext=move || ctx.fmt.get().in_unit(field.unit(), value.get())
                prop:value=move || value.get().to_string()
                on:input=on_input
            />
        </div>
    }
}

/// The what-if sliders.
#[component]
pub fn WhatIf(ctx: Ctx) -> impl IntoView {
    view! {
        <section class="panel whatif" aria-labelledby="whatif-title">
            <h2 id="whatif-title">{ctx.tr(Msg::WhatIf)}</h2>
            <p class="hint">{ctx.tr(Msg::WhatIfHint)}</p>
            <div class="sliders">
                {WHAT_IF.into_iter().map(|field| view! { <SliderField ctx field /> }).collect_view()}
            </div>
        </section>
    }
}

fn fields_of(group: Group, line: Option<BenefitLine>) -> impl Iterator<Item = Field> {
    Field::ALL
        .iter()
        .copied()
        .filter(move |f| f.group() == group && (line.is_none() || f.line() == line))
}

/// A benefit line: its switch, formula and drivers (drivers shared with other lines,
/// such as deal value, live in the company group).
#[component]
fn BenefitBlock(ctx: Ctx, line: BenefitLine) -> impl IntoView {
    let on = Memo::new(move |_| ctx.inputs.with(|i| i.lines.is_on(line)));
    let switch_id = format!("line-{}", line.index());
    view! {
        <fieldset class="benefit" class:off=move || !on.get()>
            <legend>
                <input
                    type="checkbox"
                    id=switch_id.clone()
                    data-testid=switch_id.clone()
                    prop:checked=move || on.get()
                    on:change=move |ev| {
                        let checked = event_target_checked(&ev);
                        ctx.scenario.update(|s| s.inputs.lines.set(line, checked));
                    }
                />
                <label for=switch_id>{move || line_label(line, ctx.lang.get()).0}</label>
            </legend>
            <p class="formula">{move || line_label(line, ctx.lang.get()).1}</p>
            <div class="grid">
                {fields_of(Group::Benefits, Some(line)).map(|field| view! { <NumberField ctx field /> }).collect_view()}
            </div>
        </fieldset>
    }
}

/// Every input, grouped the way a buyer thinks, with a reset to defaults.
#[component]
pub fn InputsPanel(ctx: Ctx) -> impl IntoView {
    let status = RwSignal::new(false);
    let plain_group = move |group: Group| {
        view! {
            <section class="group" aria-labelledby=format!("group-{group:?}")>
                <h3 id=format!("group-{group:?}")>{move || group_label(group, ctx.lang.get())}</h3>
                <div class="grid">
                    {fields_of(group, None).map(|field| view! { <NumberField ctx field /> }).collect_view()}
                </div>
            </section>
        }
    };
    view! {
        <section class="panel inputs" aria-labelledby="inputs-title">
            <div class="panel-head">
                <h2 id="inputs-title">{ctx.tr(Msg::Inputs)}</h2>
                <button
                    type="button"
                    class="secondary"
                    data-testid="reset"
                    on:click=move |_| {
                        let mut fresh = ctx.scenario.get_untracked();
                        fresh.inputs = Inputs::default();
                        ctx.session.replace(ctx.scenario, fresh);
                        status.set(true);
                    }
                >
                    {ctx.tr(Msg::ResetDefaults)}
                </button>
            </div>
            <p class="status" role="status">{move || status.get().then(|| ctx.t(Msg::ResetDone))}</p>
            {plain_group(Group::Company)}
            {plain_group(Group::Costs)}
            <section class="group" aria-labelledby="group-Benefits">
                <h3 id="group-Benefits">{move || group_label(Group::Benefits, ctx.lang.get())}</h3>
                {BenefitLine::ALL.into_iter().map(|line| view! { <BenefitBlock ctx line /> }).collect_view()}
            </section>
            {plain_group(Group::Assumptions)}
        </section>
    }
}
