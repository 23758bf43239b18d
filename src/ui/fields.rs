//! Input fields: number fields that read the locale's way of writing numbers, what-if
//! sliders paired with a number field, and the grouped inputs panel.

use super::lines::is_open;
use super::number::NumberBox;
use super::Ctx;
use crate::engine::model::{BenefitLine, Field, Group, Inputs};
use crate::i18n::{fill, AppMsg, Msg, Text};
use crate::scenario::MAX_PINS;
use crate::units::{Problem, Rule, Unit};
use leptos::prelude::*;
use rust_decimal::Decimal;

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
        // The plural form, as a unit's name.
        Unit::Days => fill(ctx.t(Msg::UnitDays), &[""]),
        Unit::Weeks => fill(ctx.t(Msg::UnitWeeks), &[""]),
        Unit::Years => fill(ctx.t(Msg::UnitYears), &[""]),
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

/// A labelled number field, with its pin for presentation mode.
#[component]
pub fn NumberField(ctx: Ctx, field: Field) -> impl IntoView {
    let id = format!("f-{}", field.key());
    view! {
        <div class="field">
            <div class="field-head">
                <label for=id.clone()>{move || Msg::Field(field).text(ctx.lang.get())}</label>
                <PinButton ctx field />
            </div>
            <NumberInput ctx field id />
        </div>
    }
}

/// Pins `field` to presentation mode, or unpins it. Refused (disabled) when
/// [`MAX_PINS`] are pinned already; the what-if panel says how many are.
#[component]
fn PinButton(ctx: Ctx, field: Field) -> impl IntoView {
    let pinned = Memo::new(move |_| ctx.scenario.with(|s| s.pins.has(field)));
    let full = Memo::new(move |_| ctx.scenario.with(|s| s.pins.is_full()));
    let label = move || {
        let lang = ctx.lang.get();
        let template = if pinned.get() {
            AppMsg::Unpin
        } else if full.get() {
            AppMsg::PinFull
        } else {
            AppMsg::Pin
        };
        fill(
            template.text(lang),
            &[Msg::Field(field).text(lang), &MAX_PINS.to_string()],
        )
    };
    view! {
        <button
            type="button"
            class="pin"
            data-testid=format!("pin-{}", field.key())
            aria-pressed=move || if pinned.get() { "true" } else { "false" }
            disabled=move || full.get() && !pinned.get()
            aria-label=label
            title=label
            on:click=move |_| ctx.scenario.update(|s| {
                s.pins.set(field, !s.pins.has(field));
            })
        >
            <svg viewBox="0 0 24 24" aria-hidden="true">
                <path d="M9 3h6l-1 6 4 4v2h-5v6l-1 1-1-1v-6H6v-2l4-4z" />
            </svg>
        </button>
    }
}

/// Slider range and step of the fields a demo moves most: narrower than the valid range,
/// so a drag moves through believable values.
fn known_range(field: Field) -> Option<(Decimal, Decimal, Decimal)> {
    let n = Decimal::from;
    let half = Decimal::new(5, 1);
    Some(match field {
        Field::Seats => (n(1), n(500), n(1)),
        Field::LicencePerSeatMonth => (n(0), n(300), n(1)),
        Field::Implementation => (n(0), n(300_000), n(1_000)),
        Field::ChurnBeforePct | Field::ChurnAfterPct => (n(0), n(50), half),
        Field::ConversionBeforePct | Field::ConversionAfterPct => (n(0), n(40), half),
        Field::Customers => (n(0), n(20_000), n(10)),
        Field::RevenuePerCustomer | Field::AvgDealValue => (n(0), n(20_000), n(10)),
        Field::LeadsPerYear => (n(0), n(50_000), n(50)),
        _ => return None,
    })
}

/// The what-if sliders' range and step (the others are percentages: 0–100 by 1).
fn slider_range(field: Field) -> (Decimal, Decimal, Decimal) {
    known_range(field).unwrap_or((Decimal::ZERO, Decimal::ONE_HUNDRED, Decimal::ONE))
}

/// A range for a slider of any field (a presentation pin can be any input): the known
/// ones, percentages 0–100 by 0.5, the rest from 0 to three times the default, rounded
/// up to 1, 2 or 5 × 10ⁿ. Each range reaches the current `value`; it is computed once,
/// when the slider is made, so it stays put while the slider is dragged.
pub fn any_slider_range(field: Field, value: Decimal) -> (Decimal, Decimal, Decimal) {
    let n = Decimal::from;
    let (min, max) = field.range();
    let (low, high, step) = known_range(field).unwrap_or_else(|| {
        if field.unit() == Unit::Percent {
            return (min, max.min(n(100)), Decimal::new(5, 1));
        }
        let default = field.get(&Inputs::default());
        let top = round_up_nice(default.saturating_mul(n(3)).max(n(10)));
        let fine = if field.unit().is_whole() {
            Decimal::ONE
        } else {
            Decimal::new(1, 1)
        };
        (min, top, round_up_nice(top / n(100)).max(fine))
    });
    (low, high.max(value).min(max), step)
}

/// The smallest of 1, 2 or 5 × 10ⁿ at or above `value` (positive): a round slider end.
fn round_up_nice(value: Decimal) -> Decimal {
    let mut nice = Decimal::new(1, 2);
    while nice < value && nice < Decimal::from(1_000_000_000_000_i64) {
        for k in [1, 2, 5] {
            if nice * Decimal::from(k) >= value {
                return nice * Decimal::from(k);
            }
        }
        nice *= Decimal::TEN;
    }
    nice
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
/// A `locked` one shows its value but cannot be changed; `extra` goes beside its label
/// (the full app's pin, which the visitor's calculator does not link).
#[component]
pub fn SliderField(
    ctx: Ctx,
    field: Field,
    #[prop(optional)] locked: bool,
    #[prop(optional, into)] extra: Option<ViewFn>,
) -> impl IntoView {
    let value = field_value(ctx, field);
    let (min, max, step) = slider_range(field);
    let label_id = format!("w-{}-label", field.key());
    let on_input = move |ev| {
        if let Ok(v) = Decimal::from_str_exact(&event_target_value(&ev)) {
            ctx.scenario
                .update(|s| field.set(&mut s.inputs, field.clamp(v)));
        }
    };
    view! {
        <div class="slider-field">
            <div class="slider-head">
                <span class="label" id=label_id.clone()>{move || Msg::Field(field).text(ctx.lang.get())}</span>
                {extra.map(|extra| extra.run())}
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

/// The what-if sliders, each with its pin, and how many are pinned.
#[component]
pub fn WhatIf(ctx: Ctx) -> impl IntoView {
    let pinned = move || {
        let count = ctx.scenario.with(|s| s.pins.fields().len());
        fill(
            ctx.t(AppMsg::PinnedCount),
            &[&count.to_string(), &MAX_PINS.to_string()],
        )
    };
    view! {
        <section class="panel whatif" aria-labelledby="whatif-title">
            <h2 id="whatif-title">{ctx.tr(AppMsg::WhatIf)}</h2>
            <p class="hint">{ctx.tr(AppMsg::WhatIfHint)}</p>
            <p class="hint pinned-count" data-testid="pinned-count">{pinned}</p>
            <div class="sliders">
                {WHAT_IF.into_iter().map(|field| view! {
                    <SliderField ctx field extra=move || view! { <PinButton ctx field /> } />
                }).collect_view()}
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
    // The math is written only while shown: eleven lines' texts on every slider step
    // would cost more than the rest of the block.
    let math_open = RwSignal::new(false);
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
            <details class="line-math" data-testid=format!("line-math-{}", line.index())
                on:toggle=move |ev| math_open.set(is_open(&ev))>
                <summary>{ctx.tr(Msg::ShowMath)}</summary>
                <p>{move || math_open.get().then(|| line_math(ctx, line))}</p>
            </details>
        </fieldset>
    }
}

/// A benefit line's drivers with their values, then what it brings in year 1 and in the
/// last year, after adoption and the risk haircut (from the engine's report).
fn line_math(ctx: Ctx, line: BenefitLine) -> String {
    let fmt = ctx.fmt.get();
    let lang = fmt.lang;
    let inputs = ctx.inputs.get();
    if !inputs.lines.is_on(line) {
        return ctx.t(AppMsg::LineOff).to_string();
    }
    let drivers: Vec<String> = line
        .drivers()
        .iter()
        .map(|&f| {
            format!(
                "{} {}",
                Msg::Field(f).text(lang),
                fmt.in_unit(f.unit(), f.get(&inputs))
            )
        })
        .collect();
    let Some(report) = ctx.shown.get() else {
        return drivers.join(" · ");
    };
    let at = |year: usize| {
        report
            .years
            .get(year)
            .map(|y| fmt.money(y.benefit_lines[line.index()]))
            .unwrap_or_default()
    };
    let last = report.years.len().saturating_sub(1);
    fill(
        ctx.t(AppMsg::LineMath),
        &[&drivers.join(" · "), &at(1), &last.to_string(), &at(last)],
    )
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
