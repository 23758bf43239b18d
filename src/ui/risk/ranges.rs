//! The ranges of the drivers, editable in place: low and high around the likely value
//! (the field's current value), and the distribution between them.

use crate::engine::model::{Field, Inputs};
use crate::engine::risk::{DriverRange, Shape};
use crate::i18n::{Msg, RiskPanelMsg, Text};
use crate::ui::fields::{rule_problem, suffix};
use crate::ui::number::NumberBox;
use crate::ui::Ctx;
use leptos::prelude::*;
use rust_decimal::Decimal;

/// The fields offered a range: every input but the horizon (whole years) and the
/// haircut (an allowance for uncertainty already, fixed like the discount rate), without
/// the drivers of lines switched off.
fn rangeable(inputs: &Inputs) -> Vec<Field> {
    Field::ALL
        .iter()
        .copied()
        .filter(|&f| f != Field::HorizonYears && f != Field::RiskHaircutPct)
        .filter(|f| f.line().is_none_or(|l| inputs.lines.is_on(l)))
        .collect()
}

/// Which end of a range a box edits.
#[derive(Clone, Copy, PartialEq, Eq)]
enum End {
    Low,
    High,
}

/// The table of ranges.
#[component]
pub fn RangesEditor(ctx: Ctx) -> impl IntoView {
    let fields = Memo::new(move |_| ctx.inputs.with(rangeable));
    let reset_all = move |_| ctx.rewrite(|s| s.risk.custom.clear());
    view! {
        <div class="table-scroll" tabindex="0" role="region" aria-label=ctx.tr(RiskPanelMsg::RangesCaption)>
            <table class="risk-ranges-table" data-testid="risk-ranges-table">
                <caption class="sr-only">{ctx.tr(RiskPanelMsg::RangesCaption)}</caption>
                <thead>
                    <tr>
                        <th scope="col">{ctx.tr(RiskPanelMsg::Driver)}</th>
                        <th scope="col" id="risk-col-low">{ctx.tr(RiskPanelMsg::Low)}</th>
                        <th scope="col">{ctx.tr(RiskPanelMsg::Likely)}</th>
                        <th scope="col" id="risk-col-high">{ctx.tr(RiskPanelMsg::High)}</th>
                        <th scope="col" id="risk-col-shape">{ctx.tr(RiskPanelMsg::Shape)}</th>
                        <th scope="col"><span class="sr-only">{ctx.tr(RiskPanelMsg::Default)}</span></th>
                    </tr>
                </thead>
                <tbody>
                    <For each=move || fields.get() key=|f| *f let:field>
                        <RangeRow ctx field />
                    </For>
                </tbody>
            </table>
        </div>
        <button type="button" class="secondary" data-testid="risk-reset-ranges" on:click=reset_all>
            {ctx.tr(RiskPanelMsg::ResetRanges)}
        </button>
    }
}

/// One driver's row.
#[component]
fn RangeRow(ctx: Ctx, field: Field) -> impl IntoView {
    let key = field.key();
    let likely = Memo::new(move |_| ctx.inputs.with(|i| field.get(i)));
    let range = Memo::new(move |_| ctx.scenario.with(|s| s.risk.range_of(field, likely.get())));
    let custom = Memo::new(move |_| ctx.scenario.with(|s| s.risk.is_custom(field)));
    let change = move |edit: &dyn Fn(&mut DriverRange)| {
        ctx.scenario.update(|s| {
            let mut r = s.risk.range_of(field, field.get(&s.inputs));
            edit(&mut r);
            s.risk.set(r);
        });
    };
    let end_box = move |end: End| {
        let (id, col) = match end {
            End::Low => (format!("risk-low-{key}"), "risk-col-low"),
            End::High => (format!("risk-high-{key}"), "risk-col-high"),
        };
        let value = Signal::derive(move || {
            let r = range.get();
            Some(if end == End::Low { r.low } else { r.high })
        });
        let set = Callback::new(move |v: Option<Decimal>| {
            if let Some(v) = v {
                change(&|r: &mut DriverRange| match end {
                    End::Low => r.low = v,
                    End::High => r.high = v,
                });
            }
        });
        let check = Callback::new(move |v: Decimal| {
            rule_problem(ctx, v, field.rule()).or_else(|| {
                let m = likely.get_untracked();
                match end {
                    End::Low if v > m => {
                        Some(ctx.t_untracked(RiskPanelMsg::LowAboveLikely).to_string())
                    }
                    End::High if v < m => {
                        Some(ctx.t_untracked(RiskPanelMsg::HighBelowLikely).to_string())
                    }
                    _ => None,
                }
            })
        });
        view! {
            <td>
                <NumberBox
                    ctx
                    id
                    value
                    set
                    check
                    whole=field.unit().is_whole()
                    suffix=Signal::derive(move || suffix(ctx, field.unit()))
                    labelled_by=Some(format!("risk-row-{key} {col}"))
                />
            </td>
        }
    };
    let shape = move |ev| {
        let shape = match event_target_value(&ev).as_str() {
            "triangular" => Shape::Triangular,
            _ => Shape::Pert,
        };
        change(&|r: &mut DriverRange| r.shape = shape);
    };
    let shape_key = move || match range.get().shape {
        Shape::Pert => "pert",
        Shape::Triangular => "triangular",
    };
    view! {
        <tr class:custom=custom data-testid=format!("risk-range-{key}")>
            <th scope="row" id=format!("risk-row-{key}")>{move || Msg::Field(field).text(ctx.lang.get())}</th>
            {end_box(End::Low)}
            <td class="likely">{move || ctx.fmt.get().in_unit(field.unit(), likely.get())}</td>
            {end_box(End::High)}
            <td>
                <select
                    data-testid=format!("risk-shape-{key}")
                    aria-labelledby=format!("risk-row-{key} risk-col-shape")
                    prop:value=shape_key
                    on:change=shape
                >
                    <option value="pert">{ctx.tr(RiskPanelMsg::Pert)}</option>
                    <option value="triangular">{ctx.tr(RiskPanelMsg::Triangular)}</option>
                </select>
            </td>
            <td>
                <Show when=move || custom.get()>
                    <button
                        type="button"
                        class="link"
                        data-testid=format!("risk-default-{key}")
                        on:click=move |_| ctx.rewrite(|s| s.risk.reset(field))
                    >
                        {ctx.tr(RiskPanelMsg::Default)}
                    </button>
                </Show>
            </td>
        </tr>
    }
}
