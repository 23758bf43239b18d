//! One KPI group: its raw figures for every period, then its KPIs: each across the
//! periods, the latest against the baseline.

use super::trend_chart::{chart, spark};
use super::{
    change_text, period_heads, reading_text, signed, update_measure, verdict_class, verdict_text,
    Derived, Which,
};
use crate::engine::measure::{find, Comparison, Kpi, KpiGroup, Measure};
use crate::i18n::{fill, AppMsg, ScreenMsg, Text};
use crate::ui::fields::{rule_problem, suffix};
use crate::ui::number::NumberBox;
use crate::ui::Ctx;
use leptos::prelude::*;

/// One KPI group: its raw figures for every period, then its KPIs.
#[component]
pub(super) fn GroupPanel(ctx: Ctx, d: Derived, group: KpiGroup) -> impl IntoView {
    let title_id = format!("group-{group:?}");
    let rows = Measure::ALL
        .iter()
        .copied()
        .filter(|m| m.group() == group)
        .map(|m| {
            let label_id = format!("m-{}", m.key());
            let label_for = label_id.clone();
            let cell = move |which: Which| {
                let label_id = label_for.clone();
                let count = d.count.get_untracked();
                let value = Signal::derive(move || d.measure.with(|x| m.get(&which.of(x).values)));
                let set = Callback::new(move |v| update_measure(ctx, |x| if let Some(p) = which.of_mut(x) { m.set(&mut p.values, v) }));
                let check = Callback::new(move |v| rule_problem(ctx, v, m.rule()));
                let head = format!("col-{group:?}-{}", which.key(count));
                view! {
                    <div class="cell">
                        <NumberBox
                            ctx
                            id=format!("{}-{}", which.key(count), m.key())
                            value
                            set
                            check
                            optional=true
                            whole=m.unit().is_whole()
                            suffix=Signal::derive(move || suffix(ctx, m.unit()))
                            labelled_by=Some(format!("{label_id} {head}"))
                        />
                    </div>
                }
            };
            view! {
                <div class="measure-row">
                    <span class="label" id=label_id.clone()>{move || AppMsg::Measure(m).text(ctx.lang.get())}</span>
                    {move || Which::all(d.count.get()).map(cell.clone()).collect_view()}
                </div>
            }
        })
        .collect_view();
    let kpis: Vec<Kpi> = Kpi::ALL
        .into_iter()
        .filter(|k| k.group() == group)
        .collect();
    view! {
        <section class="panel group-panel" aria-labelledby=title_id.clone() data-testid=title_id.clone()>
            <h2 id=title_id.clone()>{move || AppMsg::KpiGroup(group).text(ctx.lang.get())}</h2>
            <div class="group-body">
                <div class="measure-table">
                    {period_heads(ctx, d, format!("{group:?}"))}
                    {rows}
                    {(group == KpiGroup::Sales).then(|| view! { <p class="hint"><a href="#deals">{ctx.tr(ScreenMsg::CycleFromDeals)}</a></p> })}
                </div>
                <div class="kpi-cards">
                    {kpis.into_iter().map(|k| view! { <KpiCard ctx d kpi=k /> }).collect_view()}
                </div>
            </div>
        </section>
    }
}

fn comparison_of(d: Derived, k: Kpi) -> Memo<Option<Comparison>> {
    Memo::new(move |_| d.comparisons.with(|all| find(all, k).copied()))
}

/// One KPI: baseline, current, change and verdict, with its formula.
#[component]
fn KpiCard(ctx: Ctx, d: Derived, kpi: Kpi) -> impl IntoView {
    let c = comparison_of(d, kpi);
    let unit = kpi.unit();
    // Every period's reading, in order: the KPI's trend.
    let values = move || {
        let fmt = ctx.fmt.get();
        d.trends.with(|all| {
            all.iter().find(|t| t.kpi == kpi).map(|t| {
                t.steps
                    .iter()
                    .map(|s| reading_text(fmt, unit, s.reading))
                    .collect::<Vec<_>>()
                    .join(" → ")
            })
        })
    };
    // With more than two periods, the latest's change from the one before it.
    let previous = move || {
        let fmt = ctx.fmt.get();
        let lang = fmt.lang;
        d.trends.with(|all| {
            let t = all.iter().find(|t| t.kpi == kpi)?;
            if t.steps.len() <= 2 {
                return None;
            }
            let change = t.steps.last()?.vs_previous?;
            let from = d.measure.with(|m| Which(change.from).label(lang, m));
            let abs = change_text(fmt, unit, change.absolute);
            let text = match change.relative {
                Some(rel) => format!("{abs} ({})", signed(fmt.percent(rel), rel)),
                None => abs,
            };
            Some(fill(ScreenMsg::SincePeriod.text(lang), &[&from, &text]))
        })
    };
    let change = move || {
        let fmt = ctx.fmt.get();
        c.get().and_then(|c| {
            let abs = change_text(fmt, unit, c.absolute?);
            Some(match c.relative {
                Some(rel) => format!("{abs} ({})", signed(fmt.percent(rel), rel)),
                None => abs,
            })
        })
    };
    // The readings, for the charts (a gap where a period has none).
    let readings = move || {
        d.trends.with(|all| {
            all.iter()
                .find(|t| t.kpi == kpi)
                .map(|t| t.steps.iter().map(|s| s.reading.ok()).collect::<Vec<_>>())
                .unwrap_or_default()
        })
    };
    let spark_line = move || {
        let class = verdict_class(c.get().and_then(|c| c.verdict));
        String::from(spark(
            &readings(),
            class.trim_start_matches("verdict").trim(),
        ))
    };
    let big = move || {
        let fmt = ctx.fmt.get();
        let lang = fmt.lang;
        let periods: Vec<String> = d.measure.with(|m| {
            (0..m.periods.len())
                .map(|i| Which(i).label(lang, m))
                .collect()
        });
        let name = AppMsg::KpiName(kpi).text(lang);
        let label = fill(
            ScreenMsg::TrendLabel.text(lang),
            &[name, &values().unwrap_or_default()],
        );
        String::from(chart(fmt, unit, &readings(), &periods, &label))
    };
    view! {
        <article class="kpi-card" data-testid=format!("kpi-{kpi:?}")>
            <h3>{move || AppMsg::KpiName(kpi).text(ctx.lang.get())}</h3>
            <p class="kpi-values" data-testid="values">{values}</p>
            <p class="kpi-change">
                <span data-testid="change">{change}</span>
                " "
                <span class=move || verdict_class(c.get().and_then(|c| c.verdict)) data-testid="verdict">
                    {move || c.get().map(|c| verdict_text(ctx.lang.get(), &c))}
                </span>
            </p>
            <p class="kpi-previous" data-testid="previous">{previous}</p>
            <div class="kpi-spark" data-testid="spark" inner_html=spark_line></div>
            <details class="kpi-chart">
                <summary>{ctx.tr(ScreenMsg::TrendChart)}</summary>
                <div data-testid="trend-chart" inner_html=big></div>
            </details>
            <p class="formula">{move || AppMsg::KpiFormula(kpi).text(ctx.lang.get())}</p>
        </article>
    }
}
