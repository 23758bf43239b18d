//! Every KPI at a glance, against its target, and the before/after chart of the rates.

use super::{change_text, reading_text, targets, verdict_class, verdict_text, Derived, Which};
use crate::engine::measure::Verdict;
use crate::i18n::{fill, AppMsg, ScreenMsg, Text};
use crate::ui::charts::BeforeAfterChart;
use crate::ui::Ctx;
use leptos::prelude::*;

/// Every KPI at a glance, and the before/after chart of the rates.
#[component]
pub(super) fn Scorecard(ctx: Ctx, d: Derived) -> impl IntoView {
    let scores = targets::scores(d);
    let rows = move || {
        let fmt = ctx.fmt.get();
        let lang = fmt.lang;
        d.comparisons.with(|all| {
            all.iter()
                .map(|c| {
                    let unit = c.kpi.unit();
                    let change = c
                        .absolute
                        .map(|a| change_text(fmt, unit, a))
                        .unwrap_or_default();
                    let score = scores.with(|all| all.iter().find(|s| s.kpi == c.kpi).cloned());
                    let (target, status, class) = score
                        .map(|s| {
                            (
                                targets::target_text(fmt, c.kpi, s.target),
                                targets::status_text(fmt, &s),
                                targets::status_class(&s),
                            )
                        })
                        .unwrap_or_default();
                    view! {
                        <tr data-testid=format!("score-{:?}", c.kpi)>
                            <th scope="row">{AppMsg::KpiName(c.kpi).text(lang)}</th>
                            <td>{reading_text(fmt, unit, c.baseline)}</td>
                            <td>{reading_text(fmt, unit, c.current)}</td>
                            <td>{change}</td>
                            <td class=verdict_class(c.verdict)>{verdict_text(lang, c)}</td>
                            <td data-testid="target">{target}</td>
                            <td class=class data-testid="target-status">{status}</td>
                        </tr>
                    }
                })
                .collect_view()
        })
    };
    let counts = move || {
        let lang = ctx.lang.get();
        d.comparisons.with(|all| {
            let count = |v: Verdict| {
                all.iter()
                    .filter(|c| c.verdict == Some(v))
                    .count()
                    .to_string()
            };
            fill(
                ScreenMsg::ScoreSummary.text(lang),
                &[
                    &count(Verdict::Better),
                    &count(Verdict::Worse),
                    &count(Verdict::Same),
                ],
            )
        })
    };
    view! {
        <section class="panel" id="scorecard" aria-labelledby="scorecard-title">
            <h2 id="scorecard-title">{ctx.tr(AppMsg::ScorecardTitle)}</h2>
            <p class="score-summary" data-testid="score-summary">{counts}</p>
            <div class="table-scroll">
                <table class="scorecard">
                    <thead>
                        <tr>
                            <th scope="col">{ctx.tr(ScreenMsg::Kpi)}</th>
                            <th scope="col">{move || { let lang = ctx.lang.get(); d.measure.with(|m| Which(0).label(lang, m)) }}</th>
                            <th scope="col">{move || { let lang = ctx.lang.get(); d.measure.with(|m| Which(m.last_index()).label(lang, m)) }}</th>
                            <th scope="col">{ctx.tr(ScreenMsg::Change)}</th>
                            <th scope="col">{ctx.tr(ScreenMsg::Verdict)}</th>
                            <th scope="col">{ctx.tr(ScreenMsg::TargetHead)}</th>
                            <th scope="col">{ctx.tr(ScreenMsg::TargetStatus)}</th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
            <targets::TargetForm ctx d />
            <BeforeAfterChart ctx comparisons=d.comparisons />
        </section>
    }
}
