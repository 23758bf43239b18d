//! Input fields: number fields that read the locale's way of writing numbers, what-if
//! sliders paired with a number field, and the grouped inputs panel.

use super::number::NumberBox;
use super::Ctx;
use crate::engine::model::{BenefitLine, Field, Group, Inputs};
use crate::i18n::{fill, AppMsg, Msg, Text};
use crate::units::{Problem, Rule, Unit};
use leptos::prelude::*;
use rust_decimal::Decimal;
use std::str::FromStr;

/// Why `value` breaks `rule`, in the current language; `None` when it is accepted. The
/// one message of every number field.
pub fn rule_problem(ctx: Ctx, value: Decimal, rule: Rule) -> Option<String> {
    rule.check(value)
        .err()
        .map(|problem| problem_text(ctx, problem, rule))
}

/// What is wrong with a value that broke `rule` with `problem`.
pub fn problem_text(ctx: Ctx, problem: Problem, rule: Rule) -> String {
    let fmt = ctx.fmt.get_untracked();
    match problem {
        Problem::BelowMin => fill(
            ctx.t_untracked(Msg::ErrBelowMin),
            &[&fmt.in_unit(rule.unit, rule.min)],
        ),
        Problem::AboveMax => fill(
            ctx.t_untracked(Msg::ErrAboveMax),
            &[&fmt.in_unit(rule.unit, rule.max)],
        ),
        Problem::NotWhole => ctx.t_untracked(Msg::ErrNotWhole).to_string(),
    }
}

/// Unit shown after a number field (currency fields show the currency code).
pub fn suffix(ctx: Ctx, unit: Unit) -> String {
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

/// A text field for one input of the model: a valid value goes straight into the
/// scenario, an invalid one shows a message and the scenario keeps its last valid value.
#[component]
fn NumberInput(
    ctx: Ctx,
    field: Field,
    id: String,
    #[prop(optional)] labelled_by: Option<String>,
    #[prop(optional)] locked: bool,
) -> impl IntoView {
    let value = field_value(ctx, field);
    let set = Callback::new(move |v: Option<Decimal>| {
        if let Some(v) = v {
            ctx.scenario.update(|s| field.set(&mut s.inputs, v));
        }
    });
    let unit = field.unit();
    view! {
        <NumberBox
            ctx
            id
            value=Signal::derive(move || Some(value.get()))
            set
            check=Callback::new(move |v| rule_problem(ctx, v, field.rule()))
            whole=unit.is_whole()
            suffix=Signal::derive(move || suffix(ctx, unit))
            labelled_by
            locked
        />
    }
}

/// A labelled number field.
#[component]
pub fn NumberField(ctx: Ctx, field: Field) -> impl IntoView {
    let id = format!("f-{}", field.key());
    view! {
        <div class="field">
            <label for=id.clone()>{move || Msg::Field(field).text(ctx.lang.get())}</label>
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
        Field::Customers => (n(0), n(20_000), n(10)),
        Field::RevenuePerCustomer | Field::AvgDealValue => (n(0), n(20_000), n(10)),
        Field::LeadsPerYear => (n(0), n(50_000), n(50)),
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
/// A `locked` one shows its value but cannot be changed.
#[component]
pub fn SliderField(ctx: Ctx, field: Field, #[prop(optional)] locked: bool) -> impl IntoView {
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
                <span class="label" id=label_id.clone()>{move || Msg::Field(field).text(ctx.lang.get())}</span>
                <NumberInput ctx field id=format!("w-{}", field.key()) labelled_by=label_id.clone() locked />
            </div>
            <input
                type="range"
                disabled=locked
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
            <h2 id="whatif-title">{ctx.tr(AppMsg::WhatIf)}</h2>
            <p class="hint">{ctx.tr(AppMsg::WhatIfHint)}</p>
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
                <label for=switch_id>{move || Msg::LineName(line).text(ctx.lang.get())}</label>
            </legend>
            <p class="formula">{move || AppMsg::LineFormula(line).text(ctx.lang.get())}</p>
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
                <h3 id=format!("group-{group:?}")>{move || AppMsg::Group(group).text(ctx.lang.get())}</h3>
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
                        ctx.rewrite(|s| s.inputs = Inputs::default());
                        status.set(true);
                    }
                >
                    {ctx.tr(AppMsg::ResetDefaults)}
                </button>
            </div>
            <p class="status" role="status">{move || status.get().then(|| ctx.t(AppMsg::ResetDone))}</p>
            {plain_group(Group::Company)}
            {plain_group(Group::Costs)}
            <section class="group" aria-labelledby="group-Benefits">
                <h3 id="group-Benefits">{move || AppMsg::Group(Group::Benefits).text(ctx.lang.get())}</h3>
                {BenefitLine::ALL.into_iter().map(|line| view! { <BenefitBlock ctx line /> }).collect_view()}
            </section>
            {plain_group(Group::Assumptions)}
        </section>
    }
}
