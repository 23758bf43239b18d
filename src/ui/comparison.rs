//! The comparison of 2–4 saved scenarios side by side: headline figures, each benefit
//! line's present value, and the inputs, lines and pins that differ.

use super::format::Fmt;
use super::results::{irr_value, mirr_value};
use super::risk::{headline_range, share, summaries, Job};
use super::workspace::Workspace;
use crate::engine::model::{evaluate, BenefitLine, Report};
use crate::i18n::{Msg, RiskPanelMsg, ScreenMsg, Text};
use crate::scenario::compare::differences;
use crate::scenario::Scenario;
use leptos::prelude::*;

/// 2–4 scenarios side by side: headline figures, then the inputs that differ.
#[component]
pub(super) fn Comparison(ws: Workspace, selected: RwSignal<Vec<String>>) -> impl IntoView {
    let ctx = ws.ctx;
    let chosen = move || {
        let ids = selected.get();
        let library = ws.session.library.get();
        ids.iter()
            .filter_map(|id| library.iter().find(|s| &s.id == id).cloned())
            .collect::<Vec<_>>()
    };
    // The simulations of the scenarios with ranges on, run in the background.
    let jobs = Memo::new(move |_| chosen().iter().filter_map(Job::of).collect::<Vec<_>>());
    let simulated = summaries(jobs);
    move || {
        let list = chosen();
        let first = list.first().filter(|_| list.len() >= 2)?.clone();
        let fmt = ctx.fmt.get();
        let lang = fmt.lang;
        // Each scenario's amounts in its own currency (amounts are never converted).
        let columns: Vec<(Fmt, Option<Report>)> = list
            .iter()
            .map(|s| {
                (
                    Fmt {
                        currency: s.currency,
                        ..fmt
                    },
                    figures(s),
                )
            })
            .collect();
        let figure_row = |label: &'static str, pick: &dyn Fn(Fmt, &Report) -> String| {
            let cells = columns
                .iter()
                .map(|(f, r)| view! { <td>{r.as_ref().map(|r| pick(*f, r)).unwrap_or_default()}</td> })
                .collect_view();
            view! { <tr><th scope="row">{label}</th>{cells}</tr> }
        };
        // The present value of benefits by line (the calculator's breakdown), for every
        // line that brings something in one of the scenarios.
        let line_pv = |r: &Report, line: BenefitLine| {
            r.benefit_line_totals()
                .ok()
                .map(|t| t[line.index()].present_value)
        };
        let line_rows = BenefitLine::ALL
            .into_iter()
            .filter(|&l| {
                columns
                    .iter()
                    .any(|(_, r)| r.as_ref().and_then(|r| line_pv(r, l)).is_some_and(|v| !v.is_zero()))
            })
            .map(|l| {
                let cells = columns
                    .iter()
                    .map(|(f, r)| view! { <td>{r.as_ref().and_then(|r| line_pv(r, l)).map(|v| f.money(v))}</td> })
                    .collect_view();
                view! {
                    <tr class="line-row" data-testid=format!("compare-line-{}", l.index())>
                        <th scope="row">{Msg::LineName(l).text(lang)}</th>{cells}
                    </tr>
                }
            })
            .collect_view();
        // With ranges on in any scenario: NPV's P10–P90 and the chance of a positive NPV.
        let any_ranges = list.iter().any(|s| s.risk.on);
        let risk_rows = any_ranges.then(|| {
            let cell = |s: &Scenario, pick: &dyn Fn(Fmt, &crate::engine::risk::Summary) -> String| {
                let f = Fmt { currency: s.currency, ..fmt };
                let text = match Job::of(s) {
                    None => RiskPanelMsg::CompareOff.text(lang).to_string(),
                    Some(job) => simulated.with(|d| {
                        d.iter().find(|(j, _)| *j == job).map_or_else(
                            || "…".to_string(),
                            |(_, summary)| summary.as_ref().map(|x| pick(f, x)).unwrap_or_else(|| "—".to_string()),
                        )
                    }),
                };
                view! { <td>{text}</td> }
            };
            let range_cells = list.iter().map(|s| cell(s, &headline_range)).collect_view();
            let chance_cells = list.iter().map(|s| cell(s, &|f, x| share(f, x.npv_positive_share))).collect_view();
            view! {
                <tr data-testid="compare-risk-range"><th scope="row">{RiskPanelMsg::CompareNpvRange.text(lang)}</th>{range_cells}</tr>
                <tr data-testid="compare-risk-chance"><th scope="row">{RiskPanelMsg::CompareChance.text(lang)}</th>{chance_cells}</tr>
            }
        });
        let diff = differences(&list);
        let currency_cells = list
            .iter()
            .map(|s| view! { <td class:differs=s.currency != first.currency>{s.currency.code()}</td> })
            .collect_view();
        let headline = view! {
            {figure_row(Msg::Roi.text(lang), &|f, r| r.roi_pct.map(|v| f.percent(v)).unwrap_or_default())}
            {figure_row(Msg::Npv.text(lang), &|f, r| f.money(r.npv))}
            {risk_rows}
            {figure_row(Msg::Payback.text(lang), &|f, r| r.payback_months.map(|m| f.months(m)).unwrap_or_else(|| Msg::Never.text(lang).into()))}
            {figure_row(Msg::Irr.text(lang), &|f, r| irr_value(f, &r.returns()))}
            {figure_row(ScreenMsg::Mirr.text(lang), &|f, r| mirr_value(f, &r.returns()))}
            {figure_row(Msg::PvBenefits.text(lang), &|f, r| f.money(r.pv_benefits))}
            {line_rows}
            {figure_row(Msg::PvCosts.text(lang), &|f, r| f.money(r.pv_costs))}
            {figure_row(Msg::Tco.text(lang), &|f, r| f.money(r.tco_per_user_3y))}
            <tr class="input-row"><th scope="row">{Msg::Currency.text(lang)}</th>{currency_cells}</tr>
        };
        let differing = diff
            .fields
            .into_iter()
            .map(|f| {
                let cells = list
                    .iter()
                    .map(|s| {
                        let v = f.get(&s.inputs);
                        let fmt = Fmt { currency: s.currency, ..fmt };
                        view! { <td class:differs=v != f.get(&first.inputs)>{fmt.in_unit(f.unit(), v)}</td> }
                    })
                    .collect_view();
                view! { <tr class="input-row"><th scope="row">{Msg::Field(f).text(lang)}</th>{cells}</tr> }
            })
            .collect_view();
        let switches = diff
            .lines
            .into_iter()
            .map(|l| {
                let cells = list
                    .iter()
                    .map(|s| {
                        let on = s.inputs.lines.is_on(l);
                        view! { <td class:differs=on != first.inputs.lines.is_on(l)>{if on { "✓" } else { "—" }}</td> }
                    })
                    .collect_view();
                view! { <tr class="input-row"><th scope="row">{Msg::LineName(l).text(lang)}</th>{cells}</tr> }
            })
            .collect_view();
        let pins = diff.pins.then(|| {
            let cells = list
                .iter()
                .map(|s| {
                    let names: Vec<&str> = s.pins.fields().iter().map(|&f| Msg::Field(f).text(lang)).collect();
                    view! { <td class:differs=s.pins != first.pins>{names.join(", ")}</td> }
                })
                .collect_view();
            view! { <tr class="input-row" data-testid="compare-pins"><th scope="row">{ScreenMsg::PinnedRow.text(lang)}</th>{cells}</tr> }
        });
        let heads = list
            .iter()
            .map(|s| view! { <th scope="col">{s.name.clone()}</th> })
            .collect_view();
        Some(view! {
            <section class="panel compare" aria-labelledby="compare-title">
                <h2 id="compare-title">{ScreenMsg::CompareTitle.text(lang)}</h2>
                <div class="table-scroll" tabindex="0" role="region" aria-labelledby="compare-title">
                    <table data-testid="comparison">
                        <thead><tr><th scope="col"></th>{heads}</tr></thead>
                        <tbody>{headline}{differing}{switches}{pins}</tbody>
                    </table>
                </div>
                {any_ranges.then(|| view! { <p class="hint" data-testid="compare-risk-rule">{ScreenMsg::CompareRiskRule.text(lang)}</p> })}
            </section>
        })
    }
}

/// Headline figures of a scenario, for the list and the comparison.
pub(super) fn figures(scenario: &Scenario) -> Option<Report> {
    evaluate(&scenario.inputs).ok()
}
