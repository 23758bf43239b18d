//! The customer lifetime value calculator: simple and discounted, with sliders.

use super::{update_measure, Derived};
use crate::engine::kpi::KpiError;
use crate::engine::measure::ClvField;
use crate::i18n::{fill, AppMsg, ScreenMsg};
use crate::ui::fields::{rule_problem, suffix};
use crate::ui::number::NumberBox;
use crate::ui::Ctx;
use leptos::prelude::*;
use rust_decimal::Decimal;
use std::str::FromStr;

/// A CLV input's label.
fn clv_label(f: ClvField) -> AppMsg {
    match f {
        ClvField::Margin => AppMsg::ClvMargin,
        ClvField::Retention => AppMsg::ClvRetention,
        ClvField::Discount => AppMsg::ClvDiscount,
        ClvField::Acquisition => AppMsg::ClvAcquisition,
        ClvField::ServeCost => AppMsg::ClvServeCost,
    }
}

/// Slider minimum, maximum and step, where a slider helps: narrower than the valid
/// range, so a drag moves through believable values.
fn clv_slider(f: ClvField) -> Option<(i64, i64, &'static str)> {
    match f {
        ClvField::Margin => Some((0, 5_000, "10")),
        ClvField::Retention => Some((0, 99, "0.5")),
        ClvField::Discount => Some((0, 30, "0.5")),
        ClvField::ServeCost => Some((0, 2_000, "10")),
        ClvField::Acquisition => None,
    }
}

/// One CLV input: a number field, and a slider where one helps.
fn clv_control(ctx: Ctx, d: Derived, field: ClvField) -> impl IntoView {
    let unit = field.unit();
    let id = format!("clv-{}", field.key());
    let label_id = format!("{id}-label");
    let value = Signal::derive(move || d.measure.with(|m| Some(field.get(&m.clv))));
    let store = move |v: Decimal| update_measure(ctx, |m| field.set(&mut m.clv, v));
    let check = Callback::new(move |v| rule_problem(ctx, v, field.rule()));
    let slider = clv_slider(field);
    let label = clv_label(field);
    let range = slider.map(|(min, max, step)| {
        view! {
            <input
                type="range"
                data-testid=format!("{id}-slider")
                min=min.to_string()
                max=max.to_string()
                step=step
                aria-labelledby=label_id.clone()
                aria-valuetext=move || value.get().map(|v| ctx.fmt.get().in_unit(unit, v))
                prop:value=move || value.get().map(|v| v.to_string()).unwrap_or_default()
                on:input=move |ev| {
                    if let Ok(v) = Decimal::from_str(&event_target_value(&ev)) {
                        store(v);
                    }
                }
            />
        }
    });
    view! {
        <div class="slider-field">
            <div class="slider-head">
                <span class="label" id=label_id.clone()>{ctx.tr(label)}</span>
                <NumberBox
                    ctx
                    id
                    value
                    set=Callback::new(move |v: Option<Decimal>| if let Some(v) = v { store(v) })
                    check
                    suffix=Signal::derive(move || suffix(ctx, unit))
                    labelled_by=Some(label_id)
                />
            </div>
            {range}
        </div>
    }
}

/// The CLV calculator: simple and discounted, with sliders.
#[component]
pub(super) fn ClvPanel(ctx: Ctx, d: Derived) -> impl IntoView {
    let report = Memo::new(move |_| d.measure.with(|m| m.clv.evaluate()));
    let clv = Memo::new(move |_| d.measure.with(|m| m.clv.clone()));
    let figure = move |r: Result<Decimal, KpiError>| {
        let fmt = ctx.fmt.get();
        match r {
            Ok(v) => fmt.money(v),
            Err(_) => ctx.t(ScreenMsg::ClvInfinite).to_string(),
        }
    };
    let simple_math = move || {
        let fmt = ctx.fmt.get();
        let c = clv.get();
        let life = report
            .get()
            .lifetime_years
            .map(|y| fmt.plain(y.round_dp(2)))
            .unwrap_or_else(|| "∞".into());
        fill(
            ctx.t(ScreenMsg::ClvSimpleMath),
            &[
                &fmt.money(c.margin_per_year),
                &fmt.money(c.serve_cost_per_year),
                &life,
                &fmt.money(c.acquisition_cost),
            ],
        )
    };
    let discounted_math = move || {
        let fmt = ctx.fmt.get();
        let c = clv.get();
        fill(
            ctx.t(ScreenMsg::ClvDiscountedMath),
            &[
                &fmt.money(c.margin_per_year),
                &fmt.money(c.serve_cost_per_year),
                &fmt.percent(c.retention_pct),
                &fmt.percent(c.discount_pct),
                &fmt.money(c.acquisition_cost),
            ],
        )
    };
    let use_measured = move |_| {
        let readings = d.comparisons.get_untracked();
        ctx.rewrite(|s| {
            let m = &mut s.measure;
            m.clv = m.clv.with_measured(m.current(), &readings);
        });
    };
    view! {
        <section class="panel clv" id="clv" aria-labelledby="clv-title">
            <h2 id="clv-title">{ctx.tr(AppMsg::ClvTitle)}</h2>
            <p class="hint">{ctx.tr(ScreenMsg::ClvHint)}</p>
            <div class="clv-body">
                <div class="sliders">
                    {ClvField::ALL.map(|field| clv_control(ctx, d, field)).collect_view()}
                    <button type="button" class="secondary" data-testid="clv-use-measured" on:click=use_measured>
                        {ctx.tr(ScreenMsg::ClvUseMeasured)}
                    </button>
                </div>
                <div class="cards">
                    <div class="card">
                        <h3>{ctx.tr(ScreenMsg::ClvLifetime)}</h3>
                        <p class="value" data-testid="clv-lifetime">
                            {move || report.get().lifetime_years.map(|y| fill(ctx.t(ScreenMsg::YearsN), &[&ctx.fmt.get().plain(y.round_dp(1))])).unwrap_or_else(|| "∞".into())}
                        </p>
                        <p class="sub">{move || fill(ctx.t(ScreenMsg::ClvChurnIs), &[&ctx.fmt.get().percent(Decimal::ONE_HUNDRED - clv.get().retention_pct)])}</p>
                    </div>
                    <div class="card">
                        <h3>{ctx.tr(ScreenMsg::ClvSimple)}</h3>
                        <p class="value" data-testid="clv-simple">{move || figure(report.get().simple)}</p>
                        <p class="math">{simple_math}</p>
                    </div>
                    <div class="card">
                        <h3>{ctx.tr(ScreenMsg::ClvDiscounted)}</h3>
                        <p class="value" data-testid="clv-discounted">{move || figure(report.get().discounted)}</p>
                        <p class="math">{discounted_math}</p>
                    </div>
                </div>
            </div>
        </section>
    }
}
