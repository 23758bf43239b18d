//! What the CRM actually cost in each period, by the plan's cost lines, and the
//! realised figures against the ROI plan for the same days ([`realised`]). The results
//! are HTML text, redrawn whole on each change.

use super::{period_heads, update_measure, Derived, Which};
use crate::engine::kpi;
use crate::engine::measure::{
    iso, parse_iso, realised, ActualCosts, Measurement, Realisation, Realised, RealisedError,
    Skipped,
};
use crate::engine::model::CostLine;
use crate::html::{el, table, text, Html};
use crate::i18n::format::Fmt;
use crate::i18n::{fill, AppMsg, Msg, Text, TrackMsg};
use crate::ui::fields::{rule_problem, suffix};
use crate::ui::number::NumberBox;
use crate::ui::Ctx;
use crate::units::Unit;
use leptos::prelude::*;
use rust_decimal::Decimal;

/// A ROI in per cent, or "—" without costs.
fn roi_text(fmt: Fmt, roi: Option<Decimal>) -> String {
    roi.map_or_else(|| "—".into(), |r| fmt.percent(r.round_dp(1)))
}

/// `actual − plan` with its sign, and the class that colours it (over budget is bad);
/// "—" when it is beyond `Decimal`.
fn variance_cell(fmt: Fmt, variance: Option<Decimal>) -> Html {
    let Some(variance) = variance else {
        return el("td", &[], text("—"));
    };
    let class = if variance > Decimal::ZERO {
        "verdict worse"
    } else if variance < Decimal::ZERO {
        "verdict better"
    } else {
        "verdict "
    };
    let sign = if variance > Decimal::ZERO { "+" } else { "" };
    el(
        "td",
        &[("class", class)],
        text(&format!("{sign}{}", fmt.money(variance))),
    )
}

/// "€1,200 over the plan, +8 %", "as planned".
fn variance_words(fmt: Fmt, r: &Realisation) -> String {
    let lang = fmt.lang;
    let Some(variance) = r.actual_costs.checked_sub(r.plan_costs) else {
        return AppMsg::ErrOverflow.text(lang).to_string();
    };
    let msg = match variance.cmp(&Decimal::ZERO) {
        std::cmp::Ordering::Greater => TrackMsg::Over,
        std::cmp::Ordering::Less => TrackMsg::Under,
        std::cmp::Ordering::Equal => return TrackMsg::OnPlan.text(lang).to_string(),
    };
    let words = fill(msg.text(lang), &[&fmt.money(variance.abs())]);
    match kpi::relative_change(r.plan_costs, r.actual_costs) {
        Ok(pct) => format!("{words}, {}", signed_percent(fmt, pct)),
        Err(_) => words,
    }
}

/// A change in per cent with its sign ("+8 %").
fn signed_percent(fmt: Fmt, pct: Decimal) -> String {
    let sign = if pct > Decimal::ZERO { "+" } else { "" };
    format!("{sign}{}", fmt.percent(pct.round_dp(1)))
}

/// The realised figures, or why there are none, as HTML.
fn realised_html(fmt: Fmt, m: &Measurement, result: &Result<Realised, RealisedError>) -> Html {
    let lang = fmt.lang;
    let t = |msg: TrackMsg| msg.text(lang);
    let note = |msg: &str| el("p", &[("class", "warn-text")], text(msg));
    let r = match result {
        Err(RealisedError::NoPlanStart) => return note(t(TrackMsg::NoPlanStart)),
        Err(RealisedError::Model(_)) => return note(t(TrackMsg::ModelRefused)),
        Err(RealisedError::Overflow) => return note(AppMsg::ErrOverflow.text(lang)),
        Ok(r) => r,
    };
    let counted = r.periods.iter().filter(|p| p.is_ok()).count();
    if counted == 0 {
        return el("p", &[], text(t(TrackMsg::NothingCounted)));
    }
    let to_date = &r.to_date;
    let td = |s: &str| el("td", &[], text(s));
    let money = |v: Decimal| td(&fmt.money(v));
    let summary = [
        fill(
            t(TrackMsg::SummaryCosts),
            &[
                &counted.to_string(),
                &fmt.money(to_date.actual_costs),
                &fmt.money(to_date.plan_costs),
                &variance_words(fmt, to_date),
            ],
        ),
        fill(
            t(TrackMsg::SummaryBenefits),
            &[
                &fmt.money(to_date.realised_benefits),
                &fmt.money(to_date.plan_benefits),
            ],
        ),
        fill(
            t(TrackMsg::SummaryRoi),
            &[
                &roi_text(fmt, to_date.roi_pct),
                &roi_text(fmt, to_date.plan_roi_pct),
            ],
        ),
    ]
    .map(|s| el("p", &[], text(&s)))
    .into_iter()
    .collect::<Html>();

    let small = |s: &str| text(" ") + el("small", &[], text(s));
    let figures = |head: Html, days: String, f: &Realisation| {
        el(
            "tr",
            &[],
            el("th", &[("scope", "row")], head)
                + td(&days)
                + money(f.plan_costs)
                + money(f.actual_costs)
                + variance_cell(fmt, f.actual_costs.checked_sub(f.plan_costs))
                + money(f.plan_benefits)
                + money(f.realised_benefits)
                + td(&roi_text(fmt, f.roi_pct)),
        )
    };
    let mut rows = Html::default();
    for (index, period) in r.periods.iter().enumerate() {
        let label = Which(index).label(lang, m);
        match period {
            Ok(p) => {
                let what = if index == 0 {
                    t(TrackMsg::Baseline).to_string()
                } else if p.measured.is_empty() {
                    t(TrackMsg::NothingMeasured).to_string()
                } else {
                    let fields: Vec<&str> = p
                        .measured
                        .iter()
                        .map(|&f| Msg::Field(f).text(lang))
                        .collect();
                    fill(t(TrackMsg::Measured), &[&fields.join(", ")])
                };
                let head = text(&label) + small(&what);
                rows.push(figures(head, p.days.to_string(), &p.figures));
            }
            Err(skipped) => {
                let why = match skipped {
                    Skipped::NoDates => TrackMsg::SkippedNoDates,
                    Skipped::DatesReversed => TrackMsg::SkippedReversed,
                    Skipped::NoActualCosts => TrackMsg::SkippedNoCosts,
                };
                rows.push(el(
                    "tr",
                    &[("class", "skipped")],
                    el("th", &[("scope", "row")], text(&label))
                        + el("td", &[("colspan", "7")], text(t(why))),
                ));
            }
        }
    }
    rows.push(figures(text(t(TrackMsg::Total)), String::new(), to_date));
    let by_period = table(
        "realised-periods",
        t(TrackMsg::ByPeriod),
        &[
            t(TrackMsg::Period),
            t(TrackMsg::Days),
            t(TrackMsg::PlanCosts),
            t(TrackMsg::ActualCosts),
            t(TrackMsg::Variance),
            t(TrackMsg::PlanBenefits),
            t(TrackMsg::RealisedBenefits),
            t(TrackMsg::Roi),
        ],
        rows,
    );
    let line_rows = to_date
        .lines
        .iter()
        .map(|l| {
            let entered = if l.entered {
                Html::default()
            } else {
                small(t(TrackMsg::NotEntered))
            };
            let pct = l
                .variance_pct
                .map_or_else(|| "—".into(), |p| signed_percent(fmt, p));
            el(
                "tr",
                &[],
                el(
                    "th",
                    &[("scope", "row")],
                    text(Msg::Cost(l.line).text(lang)),
                ) + money(l.plan)
                    + el("td", &[], text(&fmt.money(l.actual)) + entered)
                    + variance_cell(fmt, Some(l.variance))
                    + td(&pct),
            )
        })
        .collect();
    let by_line = table(
        "realised-lines",
        t(TrackMsg::ByLine),
        &[
            t(TrackMsg::Line),
            t(TrackMsg::Planned),
            t(TrackMsg::Actual),
            t(TrackMsg::Variance),
            t(TrackMsg::VariancePct),
        ],
        line_rows,
    );
    el(
        "div",
        &[("class", "realised-summary"), ("role", "status")],
        summary,
    ) + by_period
        + by_line
}

/// Actual costs by period and cost line, the plan's start, and the realised figures.
#[component]
pub(super) fn CostsPanel(ctx: Ctx, d: Derived) -> impl IntoView {
    let rows = CostLine::ALL
        .into_iter()
        .map(|line| {
            let label_id = format!("cost-{}", line.key());
            let cell = move |which: Which| {
                let count = d.count.get_untracked();
                let key = which.key(count);
                let value =
                    Signal::derive(move || d.measure.with(|m| which.of(m).costs.get(line)));
                let set = Callback::new(move |v| {
                    update_measure(ctx, |m| {
                        if let Some(p) = which.of_mut(m) {
                            p.costs.set(line, v);
                        }
                    })
                });
                let check = Callback::new(move |v| rule_problem(ctx, v, ActualCosts::rule()));
                view! {
                    <div class="cell">
                        <NumberBox
                            ctx
                            id=format!("{key}-cost-{}", line.key())
                            value
                            set
                            check
                            optional=true
                            suffix=Signal::derive(move || suffix(ctx, Unit::Money))
                            labelled_by=Some(format!("cost-{} col-costs-{key}", line.key()))
                        />
                    </div>
                }
            };
            view! {
                <div class="measure-row">
                    <span class="label" id=label_id>{move || Msg::Cost(line).text(ctx.lang.get())}</span>
                    {move || Which::all(d.count.get()).map(cell).collect_view()}
                </div>
            }
        })
        .collect_view();
    let plan_start = move || {
        d.measure
            .with(|m| m.plan_start.map(iso).unwrap_or_default())
    };
    let set_plan_start = move |ev| {
        let day = parse_iso(&event_target_value(&ev));
        update_measure(ctx, |m| m.plan_start = day);
    };
    let default_start = move || {
        let fmt = ctx.fmt.get();
        match d.measure.with(|m| m.periods.get(1).and_then(|p| p.start)) {
            Some(day) => fill(TrackMsg::PlanStartDefault.text(fmt.lang), &[&fmt.date(day)]),
            None => TrackMsg::PlanStartNone.text(fmt.lang).to_string(),
        }
    };
    // Worked out again on each change, without a memo of its own (see `PeriodsPaste`).
    let html = move || {
        let fmt = ctx.fmt.get();
        d.measure.with(|m| {
            ctx.inputs.with(|inputs| {
                d.deals.with(|pastes| {
                    String::from(realised_html(fmt, m, &realised(m, inputs, pastes)))
                })
            })
        })
    };
    view! {
        <section class="panel" id="costs" aria-labelledby="costs-title">
            <h2 id="costs-title">{ctx.tr(TrackMsg::CostsTitle)}</h2>
            <p class="hint">{ctx.tr(TrackMsg::CostsHint)}</p>
            <div class="field plan-start">
                <label for="plan-start">{ctx.tr(TrackMsg::PlanStart)}</label>
                <input type="date" id="plan-start" data-testid="plan-start" aria-describedby="plan-start-hint"
                    prop:value=plan_start on:change=set_plan_start />
                <p class="hint" id="plan-start-hint">{default_start}</p>
            </div>
            <div class="measure-table" role="group" aria-label=ctx.tr(TrackMsg::CostsTable)>
                {period_heads(ctx, d, "costs".into())}
                {rows}
            </div>
            <h3>{ctx.tr(TrackMsg::RealisedTitle)}</h3>
            <div class="realised" data-testid="realised" inner_html=html></div>
            <p class="formula">{ctx.tr(TrackMsg::RealisedHow)}</p>
        </section>
    }
}
