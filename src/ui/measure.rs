//! The measurement screen: KPIs of a baseline period against a current one, the sales
//! cycle from pasted deals, the campaign table, the CLV calculator, and the action that
//! feeds measured results into the ROI model. All state lives in `Scenario::measure`;
//! every figure comes from `engine::measure`.

use super::charts::{BeforeAfterChart, CampaignChart};
use super::fields::{range_problem, suffix};
use super::format::Fmt;
use super::number::NumberBox;
use super::{Ctx, Screen};
use crate::engine::campaigns::{
    evaluate_campaign, ranking, totals, Campaign, CampaignError, CampaignField, CampaignMetrics,
    RankBy,
};
use crate::engine::deals::{DateOrder, RowProblem};
use crate::engine::kpi::KpiError;
use crate::engine::measure::{
    apply, compare, iso, parse_iso, proposals, yearly_loss_pct, ClvField, Comparison, Gap, Kpi,
    KpiGroup, KpiUnit, Measure, Measurement, Period, PeriodDeals, Verdict, MAX_CAMPAIGNS,
    MAX_DEALS_CHARS, MEASURE_MAX,
};
use crate::engine::model::evaluate;
use crate::i18n::{field_label, fill, kpi_group_label, kpi_label, measure_label, Lang, Msg};
use crate::scenario::MAX_NAME_CHARS;
use leptos::prelude::*;
use rust_decimal::Decimal;
use std::str::FromStr;

/// Which period a control edits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Which {
    Baseline,
    Current,
}

impl Which {
    const BOTH: [Which; 2] = [Which::Baseline, Which::Current];

    fn of(self, m: &Measurement) -> &Period {
        match self {
            Which::Baseline => &m.baseline,
            Which::Current => &m.current,
        }
    }

    fn of_mut(self, m: &mut Measurement) -> &mut Period {
        match self {
            Which::Baseline => &mut m.baseline,
            Which::Current => &mut m.current,
        }
    }

    fn key(self) -> &'static str {
        match self {
            Which::Baseline => "baseline",
            Which::Current => "current",
        }
    }

    fn label(self) -> Msg {
        match self {
            Which::Baseline => Msg::Baseline,
            Which::Current => Msg::Current,
        }
    }
}

/// The date order a language writes dates in.
fn order_of(lang: Lang) -> DateOrder {
    match lang {
        Lang::Es => DateOrder::DayFirst,
        Lang::En => DateOrder::MonthFirst,
    }
}

/// What the whole screen derives from the scenario, once.
#[derive(Clone, Copy)]
struct Derived {
    measure: Memo<Measurement>,
    deals: [Memo<PeriodDeals>; 2],
    comparisons: Memo<Vec<Comparison>>,
}

impl Derived {
    fn new(ctx: Ctx) -> Self {
        let measure = Memo::new(move |_| ctx.scenario.with(|s| s.measure.clone()));
        let order = Memo::new(move |_| {
            measure
                .with(|m| m.date_order)
                .unwrap_or_else(|| order_of(ctx.lang.get()))
        });
        let deals = Which::BOTH.map(|which| {
            let text = Memo::new(move |_| measure.with(|m| which.of(m).deals.clone()));
            Memo::new(move |_| text.with(|t| PeriodDeals::read(t, order.get())))
        });
        let [before, after] = deals;
        let comparisons =
            Memo::new(move |_| measure.with(|m| before.with(|b| after.with(|a| compare(m, b, a)))));
        Derived {
            measure,
            deals,
            comparisons,
        }
    }

    fn deals_of(self, which: Which) -> Memo<PeriodDeals> {
        match which {
            Which::Baseline => self.deals[0],
            Which::Current => self.deals[1],
        }
    }
}

fn update_measure(ctx: Ctx, f: impl FnOnce(&mut Measurement)) {
    ctx.scenario.update(|s| f(&mut s.measure));
}

// ---------------------------------------------------------------------------------------
// Display of KPI values

fn kpi_value(fmt: Fmt, unit: KpiUnit, v: Decimal) -> String {
    let lang = fmt.lang;
    let with = |value: String, msg: Msg| format!("{value} {}", msg.text(lang));
    let one = |v: Decimal| fmt.plain(v.round_dp(1));
    match unit {
        KpiUnit::Percent => fmt.percent(v),
        KpiUnit::Points => one(v),
        KpiUnit::Money => fmt.money_precise(v.round_dp(2)),
        KpiUnit::Count => fmt.plain(v),
        KpiUnit::Ratio => fmt.plain(v.round_dp(2)),
        KpiUnit::Days => with(one(v), Msg::UnitDays),
        KpiUnit::Hours => with(one(v), Msg::UnitHours),
        KpiUnit::Minutes => with(one(v), Msg::UnitMinutes),
    }
}

fn signed(text: String, v: Decimal) -> String {
    if v > Decimal::ZERO {
        format!("+{text}")
    } else {
        text
    }
}

/// The absolute change in the KPI's unit (percentage points for rates).
fn change_text(fmt: Fmt, unit: KpiUnit, v: Decimal) -> String {
    let text = match unit {
        KpiUnit::Percent => format!(
            "{} {}",
            fmt.plain(v.round_dp(1)),
            Msg::UnitPoints.text(fmt.lang)
        ),
        _ => kpi_value(fmt, unit, v),
    };
    signed(text, v)
}

fn gap_text(lang: Lang, gap: Gap) -> &'static str {
    match gap {
        Gap::NotEntered => "—",
        Gap::Invalid(e) => match e {
            KpiError::DivisionByZero => Msg::GapZero,
            KpiError::Inconsistent => Msg::GapInconsistent,
            KpiError::Empty => Msg::GapNoDeals,
            KpiError::Overflow => Msg::ErrOverflow,
            KpiError::Negative | KpiError::EndBeforeStart => Msg::GapInconsistent,
        }
        .text(lang),
    }
}

fn reading_text(fmt: Fmt, unit: KpiUnit, r: Result<Decimal, Gap>) -> String {
    match r {
        Ok(v) => kpi_value(fmt, unit, v),
        Err(g) => gap_text(fmt.lang, g).to_string(),
    }
}

fn verdict_class(v: Option<Verdict>) -> &'static str {
    match v {
        Some(Verdict::Better) => "verdict better",
        Some(Verdict::Worse) => "verdict worse",
        _ => "verdict",
    }
}

/// "↓ Better": the arrow says which way the value moved, the word whether that is good.
fn verdict_text(lang: Lang, c: &Comparison) -> String {
    let Some(verdict) = c.verdict else {
        return String::new();
    };
    let arrow = match c.absolute {
        Some(d) if d > Decimal::ZERO => "↑ ",
        Some(d) if d < Decimal::ZERO => "↓ ",
        _ => "",
    };
    let word = match verdict {
        Verdict::Better => Msg::Better,
        Verdict::Worse => Msg::Worse,
        Verdict::Same => Msg::Same,
        Verdict::Changed => Msg::Changed,
    };
    format!("{arrow}{}", word.text(lang))
}

// ---------------------------------------------------------------------------------------
// The screen

/// The measurement screen.
#[component]
pub fn MeasureScreen(ctx: Ctx) -> impl IntoView {
    let d = Derived::new(ctx);
    let empty = Memo::new(move |_| d.measure.with(Measurement::is_empty));
    let replace_all = move |with: Measurement| {
        update_measure(ctx, |m| *m = with);
        ctx.session.epoch.update(|e| *e = e.wrapping_add(1));
    };
    let clear = move |_| {
        ctx.session.cleared.set(Some(d.measure.get_untracked()));
        replace_all(Measurement::default());
    };
    // Undo is offered while nothing has been measured since clearing.
    let can_restore = move || empty.get() && ctx.session.cleared.with(Option::is_some);
    let restore = move |_| {
        if let Some(previous) = ctx.session.cleared.get_untracked() {
            replace_all(previous);
        }
        ctx.session.cleared.set(None);
    };
    let section_link = move |href: &'static str, msg: Msg| {
        view! { <li><a href=href>{ctx.tr(msg)}</a></li> }
    };
    view! {
        <main class="measure-screen">
            <section class="panel intro" aria-labelledby="measure-title">
                <h2 id="measure-title">{ctx.tr(Msg::MeasureTitle)}</h2>
                <p>{ctx.tr(Msg::MeasureIntro)}</p>
                <nav aria-label=ctx.tr(Msg::MeasureSections)>
                    <ul class="jump">
                        {section_link("#periods", Msg::PeriodsTitle)}
                        {section_link("#scorecard", Msg::ScorecardTitle)}
                        {section_link("#deals", Msg::DealsTitle)}
                        {section_link("#campaigns", Msg::CampaignsTitle)}
                        {section_link("#clv", Msg::ClvTitle)}
                        {section_link("#feed", Msg::FeedTitle)}
                    </ul>
                </nav>
                <div class="actions">
                    <Show
                        when=move || empty.get()
                        fallback=move || view! {
                            <button type="button" class="secondary danger" data-testid="clear-measurements" on:click=clear>
                                {ctx.tr(Msg::ClearMeasurements)}
                            </button>
                        }
                    >
                        <button type="button" class="secondary" data-testid="load-example" on:click=move |_| replace_all(Measurement::example())>
                            {ctx.tr(Msg::LoadExample)}
                        </button>
                    </Show>
                    <Show when=can_restore>
                        <button type="button" class="secondary" data-testid="restore-measurements" on:click=restore>
                            {ctx.tr(Msg::RestoreMeasurements)}
                        </button>
                    </Show>
                </div>
            </section>
            <Periods ctx d />
            {KpiGroup::ALL.into_iter().map(|group| view! { <GroupPanel ctx d group /> }).collect_view()}
            <Scorecard ctx d />
            <DealsPanel ctx d />
            <Campaigns ctx d />
            <ClvPanel ctx d />
            <FeedPanel ctx d />
        </main>
    }
}

/// The two periods' dates, and warnings about them.
#[component]
fn Periods(ctx: Ctx, d: Derived) -> impl IntoView {
    let date_input = move |which: Which, end: bool| {
        let id = format!("{}-{}", which.key(), if end { "end" } else { "start" });
        let value = move || {
            d.measure.with(|m| {
                let p = which.of(m);
                (if end { p.end } else { p.start })
                    .map(iso)
                    .unwrap_or_default()
            })
        };
        let on_change = move |ev| {
            let date = parse_iso(&event_target_value(&ev));
            update_measure(ctx, |m| {
                let p = which.of_mut(m);
                if end {
                    p.end = date;
                } else {
                    p.start = date;
                }
            });
        };
        view! {
            <div class="field">
                <label for=id.clone()>{ctx.tr(if end { Msg::PeriodEnd } else { Msg::PeriodStart })}</label>
                <input type="date" id=id.clone() data-testid=id prop:value=value on:change=on_change />
            </div>
        }
    };
    let warnings = move || {
        let lang = ctx.lang.get();
        d.measure.with(|m| {
            let mut out = Vec::new();
            for which in Which::BOTH {
                if which.of(m).dates_reversed() {
                    out.push(fill(
                        Msg::DatesReversed.text(lang),
                        &[which.label().text(lang)],
                    ));
                }
            }
            if let (Some(a), Some(b)) = (m.baseline.days(), m.current.days()) {
                if a != b {
                    out.push(fill(
                        Msg::PeriodsDiffer.text(lang),
                        &[&a.to_string(), &b.to_string()],
                    ));
                }
            }
            out.into_iter()
                .map(|w| view! { <p class="warn-text">{w}</p> })
                .collect_view()
        })
    };
    view! {
        <section class="panel" id="periods" aria-labelledby="periods-title">
            <h2 id="periods-title">{ctx.tr(Msg::PeriodsTitle)}</h2>
            <p class="hint">{ctx.tr(Msg::PeriodsHint)}</p>
            <div class="periods">
                {Which::BOTH.into_iter().map(|which| view! {
                    <fieldset class="period">
                        <legend>{ctx.tr(which.label())}</legend>
                        {date_input(which, false)}
                        {date_input(which, true)}
                    </fieldset>
                }).collect_view()}
            </div>
            <div role="status">{warnings}</div>
        </section>
    }
}

/// One KPI group: its raw figures for both periods, then its KPIs compared.
#[component]
fn GroupPanel(ctx: Ctx, d: Derived, group: KpiGroup) -> impl IntoView {
    let title_id = format!("group-{group:?}");
    let rows = Measure::ALL
        .iter()
        .copied()
        .filter(|m| m.group() == group)
        .map(|m| {
            let label_id = format!("m-{}", m.key());
            let cell = |which: Which| {
                let value = Signal::derive(move || d.measure.with(|x| m.get(&which.of(x).values)));
                let set = Callback::new(move |v| update_measure(ctx, |x| m.set(&mut which.of_mut(x).values, v)));
                let check = Callback::new(move |v| range_problem(ctx, v, m.range(), m.unit()));
                let head = format!("col-{}", which.key());
                view! {
                    <div class="cell">
                        <NumberBox
                            ctx
                            id=format!("{}-{}", which.key(), m.key())
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
                    <span class="label" id=label_id.clone()>{move || measure_label(m, ctx.lang.get())}</span>
                    {cell(Which::Baseline)}
                    {cell(Which::Current)}
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
            <h2 id=title_id.clone()>{move || kpi_group_label(group, ctx.lang.get())}</h2>
            <div class="group-body">
                <div class="measure-table">
                    <div class="measure-row head" aria-hidden="true">
                        <span></span>
                        <span id="col-baseline">{ctx.tr(Msg::Baseline)}</span>
                        <span id="col-current">{ctx.tr(Msg::Current)}</span>
                    </div>
                    {rows}
                    {(group == KpiGroup::Sales).then(|| view! { <p class="hint"><a href="#deals">{ctx.tr(Msg::CycleFromDeals)}</a></p> })}
                </div>
                <div class="kpi-cards">
                    {kpis.into_iter().map(|k| view! { <KpiCard ctx d kpi=k /> }).collect_view()}
                </div>
            </div>
        </section>
    }
}

fn comparison_of(d: Derived, k: Kpi) -> Memo<Option<Comparison>> {
    Memo::new(move |_| {
        d.comparisons
            .with(|all| all.iter().find(|c| c.kpi == k).copied())
    })
}

/// One KPI: baseline, current, change and verdict, with its formula.
#[component]
fn KpiCard(ctx: Ctx, d: Derived, kpi: Kpi) -> impl IntoView {
    let c = comparison_of(d, kpi);
    let unit = kpi.unit();
    let values = move || {
        let fmt = ctx.fmt.get();
        c.get().map(|c| {
            format!(
                "{} → {}",
                reading_text(fmt, unit, c.baseline),
                reading_text(fmt, unit, c.current)
            )
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
    view! {
        <article class="kpi-card" data-testid=format!("kpi-{kpi:?}")>
            <h3>{move || kpi_label(kpi, ctx.lang.get()).0}</h3>
            <p class="kpi-values" data-testid="values">{values}</p>
            <p class="kpi-change">
                <span data-testid="change">{change}</span>
                " "
                <span class=move || verdict_class(c.get().and_then(|c| c.verdict)) data-testid="verdict">
                    {move || c.get().map(|c| verdict_text(ctx.lang.get(), &c))}
                </span>
            </p>
            <p class="formula">{move || kpi_label(kpi, ctx.lang.get()).1}</p>
        </article>
    }
}

/// Every KPI at a glance, and the before/after chart of the rates.
#[component]
fn Scorecard(ctx: Ctx, d: Derived) -> impl IntoView {
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
                    view! {
                        <tr data-testid=format!("score-{:?}", c.kpi)>
                            <th scope="row">{kpi_label(c.kpi, lang).0}</th>
                            <td>{reading_text(fmt, unit, c.baseline)}</td>
                            <td>{reading_text(fmt, unit, c.current)}</td>
                            <td>{change}</td>
                            <td class=verdict_class(c.verdict)>{verdict_text(lang, c)}</td>
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
                Msg::ScoreSummary.text(lang),
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
            <h2 id="scorecard-title">{ctx.tr(Msg::ScorecardTitle)}</h2>
            <p class="score-summary" data-testid="score-summary">{counts}</p>
            <div class="table-scroll">
                <table class="scorecard">
                    <thead>
                        <tr>
                            <th scope="col">{ctx.tr(Msg::Kpi)}</th>
                            <th scope="col">{ctx.tr(Msg::Baseline)}</th>
                            <th scope="col">{ctx.tr(Msg::Current)}</th>
                            <th scope="col">{ctx.tr(Msg::Change)}</th>
                            <th scope="col">{ctx.tr(Msg::Verdict)}</th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
            <BeforeAfterChart ctx comparisons=d.comparisons />
        </section>
    }
}

// ---------------------------------------------------------------------------------------
// Deals

fn problem_text(lang: Lang, p: RowProblem) -> String {
    match p {
        RowProblem::WrongColumnCount => Msg::RowColumns.text(lang).to_string(),
        RowProblem::BadDate(col) => fill(Msg::RowBadDate.text(lang), &[&col.to_string()]),
        RowProblem::ClosedBeforeCreated => Msg::RowClosedBefore.text(lang).to_string(),
    }
}

/// Pasted deals of both periods, with their mean and median cycle and the bad rows.
#[component]
fn DealsPanel(ctx: Ctx, d: Derived) -> impl IntoView {
    let order = move || {
        d.measure
            .with(|m| m.date_order)
            .unwrap_or_else(|| order_of(ctx.lang.get()))
    };
    let box_for = move |which: Which| {
        let id = format!("deals-{}", which.key());
        let too_long = RwSignal::new(None::<usize>);
        let parsed = d.deals_of(which);
        let on_input = move |ev| {
            let text = event_target_value(&ev);
            let chars = text.chars().count();
            if chars > MAX_DEALS_CHARS {
                too_long.set(Some(chars));
                return;
            }
            too_long.set(None);
            let lang_order = order_of(ctx.lang.get_untracked());
            update_measure(ctx, |m| {
                m.date_order.get_or_insert(lang_order);
                which.of_mut(m).deals = text;
            });
        };
        let stats = move || {
            let fmt = ctx.fmt.get();
            let lang = fmt.lang;
            parsed.with(|p| match p.cycle {
                Ok(c) => fill(
                    Msg::DealsStats.text(lang),
                    &[
                        &c.count.to_string(),
                        &fmt.plain(c.mean_days.round_dp(1)),
                        &fmt.plain(c.median_days.round_dp(1)),
                    ],
                ),
                Err(_) if p.parse.bad.is_empty() => Msg::DealsNone.text(lang).to_string(),
                Err(_) => Msg::GapNoDeals.text(lang).to_string(),
            })
        };
        let bad = move || {
            let lang = ctx.lang.get();
            parsed.with(|p| {
                let count = p.parse.bad.len();
                (count > 0).then(|| {
                    let items = p
                        .parse
                        .bad
                        .iter()
                        .take(50)
                        .map(|row| {
                            let line = fill(Msg::RowLine.text(lang), &[&row.line.to_string()]);
                            view! {
                                <li>
                                    <b>{line}</b> " " {problem_text(lang, row.reason)}
                                    " " <code>{row.text.chars().take(80).collect::<String>()}</code>
                                </li>
                            }
                        })
                        .collect_view();
                    view! {
                        <div class="bad-rows" data-testid=format!("bad-rows-{}", which.key())>
                            <p class="warn-text">{fill(Msg::RowsSkipped.text(lang), &[&count.to_string()])}</p>
                            <ul>{items}</ul>
                        </div>
                    }
                })
            })
        };
        let error_id = format!("{id}-error");
        view! {
            <div class="field deals-field">
                <label for=id.clone()>{ctx.tr(which.label())}</label>
                <textarea
                    id=id.clone()
                    data-testid=id.clone()
                    rows="7"
                    spellcheck="false"
                    aria-describedby=format!("deals-hint {error_id}")
                    prop:value=move || d.measure.with(|m| which.of(m).deals.clone())
                    on:input=on_input
                ></textarea>
                <p class="field-error" id=error_id role="alert">
                    {move || too_long.get().map(|n| {
                        let fmt = ctx.fmt.get();
                        fill(ctx.t(Msg::DealsTooLong), &[&fmt.plain(Decimal::from(n)), &fmt.plain(Decimal::from(MAX_DEALS_CHARS))])
                    })}
                </p>
                <p class="deals-stats" data-testid=format!("deals-stats-{}", which.key()) role="status">{stats}</p>
                {bad}
            </div>
        }
    };
    let set_order = move |ev| {
        let chosen = match event_target_value(&ev).as_str() {
            "mdy" => DateOrder::MonthFirst,
            _ => DateOrder::DayFirst,
        };
        update_measure(ctx, |m| m.date_order = Some(chosen));
    };
    view! {
        <section class="panel" id="deals" aria-labelledby="deals-title">
            <h2 id="deals-title">{ctx.tr(Msg::DealsTitle)}</h2>
            <p class="hint" id="deals-hint">{ctx.tr(Msg::DealsHint)}</p>
            <label class="inline-select">
                <span>{ctx.tr(Msg::DateFormat)}</span>
                <select
                    data-testid="date-order"
                    prop:value=move || if order() == DateOrder::MonthFirst { "mdy" } else { "dmy" }
                    on:change=set_order
                >
                    <option value="dmy">{ctx.tr(Msg::DayFirst)}</option>
                    <option value="mdy">{ctx.tr(Msg::MonthFirst)}</option>
                </select>
            </label>
            <div class="deals">
                {box_for(Which::Baseline)}
                {box_for(Which::Current)}
            </div>
        </section>
    }
}

// ---------------------------------------------------------------------------------------
// Campaigns

/// A campaign field's test-id suffix.
fn campaign_key(f: CampaignField) -> &'static str {
    match f {
        CampaignField::Spend => "spend",
        CampaignField::Clicks => "clicks",
        CampaignField::Leads => "leads",
        CampaignField::Customers => "customers",
        CampaignField::Revenue => "revenue",
        CampaignField::MarginPct => "margin",
    }
}

/// A campaign field's column label.
fn campaign_label(f: CampaignField) -> Msg {
    match f {
        CampaignField::Spend => Msg::ColSpend,
        CampaignField::Clicks => Msg::ColClicks,
        CampaignField::Leads => Msg::ColLeads,
        CampaignField::Customers => Msg::ColCustomers,
        CampaignField::Revenue => Msg::ColRevenue,
        CampaignField::MarginPct => Msg::ColMargin,
    }
}

/// Why a campaign row has no metrics. The fields and the scenario's validation already
/// refuse negative amounts and margins outside 0–100 %; those two are here for
/// completeness.
fn campaign_error_text(lang: Lang, e: CampaignError) -> String {
    match e {
        CampaignError::CustomersExceedLeads => Msg::ErrCustomersExceedLeads.text(lang).to_string(),
        CampaignError::Overflow => Msg::ErrOverflow.text(lang).to_string(),
        CampaignError::Negative(_) => fill(Msg::ErrBelowMin.text(lang), &["0"]),
        CampaignError::MarginOutOfRange => fill(Msg::ErrRange.text(lang), &["0", "100"]),
    }
}

fn optional_money(fmt: Fmt, v: Option<Decimal>) -> String {
    v.map(|v| fmt.money_precise(v.round_dp(2)))
        .unwrap_or_else(|| "—".into())
}

fn optional_percent(fmt: Fmt, v: Option<Decimal>) -> String {
    v.map(|v| fmt.percent(v)).unwrap_or_else(|| "—".into())
}

/// The metrics of a campaign row or of the total, as a definition list.
fn metrics_view(ctx: Ctx, m: CampaignMetrics) -> impl IntoView {
    let fmt = ctx.fmt.get();
    let item = |label: Msg, value: String, key: &'static str| {
        view! { <div><dt>{ctx.t(label)}</dt><dd data-testid=key>{value}</dd></div> }
    };
    view! {
        <dl class="metrics">
            {item(Msg::MetricCpc, optional_money(fmt, m.cpc), "cpc")}
            {item(Msg::MetricCpl, optional_money(fmt, m.cpl), "cpl")}
            {item(Msg::MetricCpa, optional_money(fmt, m.cpa), "cpa")}
            {item(Msg::MetricLeadToCustomer, optional_percent(fmt, m.lead_to_customer_pct), "conversion")}
            {item(Msg::MetricRoi, optional_percent(fmt, m.roi_pct), "roi")}
            {item(Msg::MetricRomi, optional_percent(fmt, m.romi_pct), "romi")}
        </dl>
    }
}

/// The campaign table: rows to add, remove and reorder, their metrics, the total, the
/// ranking and the chart.
#[component]
fn Campaigns(ctx: Ctx, d: Derived) -> impl IntoView {
    let rank_by = RwSignal::new(RankBy::Roi);
    let count = Memo::new(move |_| d.measure.with(|m| m.campaigns.len()));
    let campaigns = Memo::new(move |_| d.measure.with(|m| m.campaigns.clone()));
    let order = Memo::new(move |_| campaigns.with(|rows| ranking(rows, rank_by.get())));
    let full = move || count.get() >= MAX_CAMPAIGNS;
    let has_rows = move || count.get() > 0;
    let add = move |_| {
        let lang = ctx.lang.get_untracked();
        update_measure(ctx, |m| {
            if m.campaigns.len() < MAX_CAMPAIGNS {
                let name = fill(
                    Msg::CampaignN.text(lang),
                    &[&(m.campaigns.len() + 1).to_string()],
                );
                m.campaigns.push(Campaign {
                    name,
                    ..Campaign::default()
                });
            }
        });
    };
    let row = move |i: usize| {
        let get = move |f: fn(&Campaign) -> String| {
            move || campaigns.with(|rows| rows.get(i).map(f).unwrap_or_default())
        };
        let metrics = Memo::new(move |_| campaigns.with(|rows| rows.get(i).map(evaluate_campaign)));
        let rank = move || {
            order
                .with(|o| o.iter().position(|&r| r == i))
                .map(|p| format!("#{}", p + 1))
        };
        let swap = move |other: Option<usize>| {
            if let Some(j) = other {
                update_measure(ctx, |m| {
                    if j < m.campaigns.len() && i < m.campaigns.len() {
                        m.campaigns.swap(i, j);
                    }
                });
                ctx.session.epoch.update(|e| *e = e.wrapping_add(1));
            }
        };
        let remove = move |_| {
            update_measure(ctx, |m| {
                if i < m.campaigns.len() {
                    m.campaigns.remove(i);
                }
            });
            ctx.session.epoch.update(|e| *e = e.wrapping_add(1));
        };
        let is_last = move || i + 1 >= count.get();
        let name_id = format!("campaign-{i}-name");
        let cells = CampaignField::ALL
            .into_iter()
            .map(|col| {
                let id = format!("campaign-{i}-{}", campaign_key(col));
                let value =
                    Signal::derive(move || campaigns.with(|rows| rows.get(i).map(|c| col.get(c))));
                let set = Callback::new(move |v: Option<Decimal>| {
                    update_measure(ctx, |m| {
                        if let (Some(c), Some(v)) = (m.campaigns.get_mut(i), v) {
                            col.set(c, v);
                        }
                    })
                });
                let check = Callback::new(move |v| range_problem(ctx, v, col.range(), col.unit()));
                view! {
                    <div class="field">
                        <label for=id.clone()>{ctx.tr(campaign_label(col))}</label>
                        <NumberBox
                            ctx
                            id
                            value
                            set
                            check
                            whole=col.unit().is_whole()
                            suffix=Signal::derive(move || suffix(ctx, col.unit()))
                        />
                    </div>
                }
            })
            .collect_view();
        view! {
            <article class="campaign" data-testid=format!("campaign-{i}")>
                <div class="campaign-head">
                    <span class="rank" data-testid="rank">{rank}</span>
                    <label class="sr-only" for=name_id.clone()>{ctx.tr(Msg::CampaignName)}</label>
                    <input
                        type="text"
                        class="campaign-name"
                        id=name_id.clone()
                        data-testid=name_id
                        maxlength=MAX_NAME_CHARS.to_string()
                        prop:value=get(|c| c.name.clone())
                        on:input=move |ev| {
                            let text: String = event_target_value(&ev).chars().take(MAX_NAME_CHARS).collect();
                            update_measure(ctx, |m| if let Some(c) = m.campaigns.get_mut(i) { c.name = text; });
                        }
                    />
                    <button type="button" class="icon secondary" aria-label=ctx.tr(Msg::MoveUp)
                        disabled=move || i == 0 on:click=move |_| swap(i.checked_sub(1))>"↑"</button>
                    <button type="button" class="icon secondary" aria-label=ctx.tr(Msg::MoveDown)
                        disabled=is_last on:click=move |_| swap(Some(i + 1))>"↓"</button>
                    <button type="button" class="icon secondary danger" aria-label=ctx.tr(Msg::Remove)
                        data-testid="remove" on:click=remove>"×"</button>
                </div>
                <div class="campaign-inputs">{cells}</div>
                {move || match metrics.get() {
                    Some(Ok(m)) => metrics_view(ctx, m).into_any(),
                    Some(Err(e)) => view! { <p class="warn-text">{campaign_error_text(ctx.lang.get(), e)}</p> }.into_any(),
                    None => ().into_any(),
                }}
            </article>
        }
    };
    let total = move || {
        campaigns.with(|rows| {
            if rows.is_empty() {
                return ().into_any();
            }
            match totals(rows) {
                Ok((t, m)) => {
                    let fmt = ctx.fmt.get();
                    view! {
                        <article class="campaign total" data-testid="campaign-total">
                            <h3>{ctx.tr(Msg::Total)}</h3>
                            <p class="total-line">
                                {fill(ctx.t(Msg::TotalLine), &[&fmt.money(t.spend), &fmt.money(t.revenue), &fmt.money(m.gross_profit)])}
                            </p>
                            {metrics_view(ctx, m)}
                        </article>
                    }
                    .into_any()
                }
                Err(e) => view! { <p class="warn-text">{campaign_error_text(ctx.lang.get(), e)}</p> }.into_any(),
            }
        })
    };
    let ranking_list = move || {
        let fmt = ctx.fmt.get();
        campaigns.with(|rows| {
            order
                .get()
                .into_iter()
                .filter_map(|i| {
                    let row = rows.get(i)?;
                    let m = evaluate_campaign(row).ok();
                    let value = m.and_then(|m| match rank_by.get() {
                        RankBy::Roi => m.roi_pct,
                        RankBy::Romi => m.romi_pct,
                    });
                    Some(view! { <li>{row.name.clone()} ": " <b>{optional_percent(fmt, value)}</b></li> })
                })
                .collect_view()
        })
    };
    view! {
        <section class="panel" id="campaigns" aria-labelledby="campaigns-title">
            <h2 id="campaigns-title">{ctx.tr(Msg::CampaignsTitle)}</h2>
            <p class="hint">{ctx.tr(Msg::CampaignsHint)}</p>
            <div class="campaigns">
                <For each=move || 0..count.get() key=|i| *i let:i>
                    {row(i)}
                </For>
                {total}
            </div>
            <div class="actions">
                <button type="button" data-testid="add-campaign" on:click=add disabled=full>
                    {ctx.tr(Msg::AddCampaign)}
                </button>
            </div>
            <Show when=has_rows>
                <div class="ranking">
                    <label class="inline-select">
                        <span>{ctx.tr(Msg::RankBy)}</span>
                        <select
                            data-testid="rank-by"
                            prop:value=move || if rank_by.get() == RankBy::Romi { "romi" } else { "roi" }
                            on:change=move |ev| rank_by.set(if event_target_value(&ev) == "romi" { RankBy::Romi } else { RankBy::Roi })
                        >
                            <option value="roi">{ctx.tr(Msg::MetricRoi)}</option>
                            <option value="romi">{ctx.tr(Msg::MetricRomi)}</option>
                        </select>
                    </label>
                    <ol data-testid="ranking">{ranking_list}</ol>
                </div>
                <CampaignChart ctx campaigns />
            </Show>
        </section>
    }
}

// ---------------------------------------------------------------------------------------
// Customer lifetime value

/// A CLV input's id suffix.
fn clv_key(f: ClvField) -> &'static str {
    match f {
        ClvField::Margin => "margin",
        ClvField::Retention => "retention",
        ClvField::Discount => "discount",
        ClvField::Acquisition => "acquisition",
    }
}

/// A CLV input's label.
fn clv_label(f: ClvField) -> Msg {
    match f {
        ClvField::Margin => Msg::ClvMargin,
        ClvField::Retention => Msg::ClvRetention,
        ClvField::Discount => Msg::ClvDiscount,
        ClvField::Acquisition => Msg::ClvAcquisition,
    }
}

/// Slider minimum, maximum and step, where a slider helps: narrower than the valid
/// range, so a drag moves through believable values.
fn clv_slider(f: ClvField) -> Option<(i64, i64, &'static str)> {
    match f {
        ClvField::Margin => Some((0, 5_000, "10")),
        ClvField::Retention => Some((0, 99, "0.5")),
        ClvField::Discount => Some((0, 30, "0.5")),
        ClvField::Acquisition => None,
    }
}

/// One CLV input: a number field, and a slider where one helps.
fn clv_control(ctx: Ctx, d: Derived, field: ClvField) -> impl IntoView {
    let unit = field.unit();
    let id = format!("clv-{}", clv_key(field));
    let label_id = format!("{id}-label");
    let value = Signal::derive(move || d.measure.with(|m| Some(field.get(&m.clv))));
    let store = move |v: Decimal| update_measure(ctx, |m| field.set(&mut m.clv, v));
    let check = Callback::new(move |v| range_problem(ctx, v, field.range(), unit));
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
fn ClvPanel(ctx: Ctx, d: Derived) -> impl IntoView {
    let report = Memo::new(move |_| d.measure.with(|m| m.clv.evaluate()));
    let clv = Memo::new(move |_| d.measure.with(|m| m.clv.clone()));
    let figure = move |r: Result<Decimal, KpiError>| {
        let fmt = ctx.fmt.get();
        match r {
            Ok(v) => fmt.money(v),
            Err(_) => ctx.t(Msg::ClvInfinite).to_string(),
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
            ctx.t(Msg::ClvSimpleMath),
            &[
                &fmt.money(c.margin_per_year),
                &life,
                &fmt.money(c.acquisition_cost),
            ],
        )
    };
    let discounted_math = move || {
        let fmt = ctx.fmt.get();
        let c = clv.get();
        fill(
            ctx.t(Msg::ClvDiscountedMath),
            &[
                &fmt.money(c.margin_per_year),
                &fmt.percent(c.retention_pct),
                &fmt.percent(c.discount_pct),
                &fmt.money(c.acquisition_cost),
            ],
        )
    };
    let use_measured = move |_| {
        let current = d.comparisons.with_untracked(|all| {
            let get = |k: Kpi| all.iter().find(|c| c.kpi == k).and_then(|c| c.current.ok());
            (get(Kpi::Churn), get(Kpi::Cac))
        });
        update_measure(ctx, |m| {
            if let Some(margin) = m.current.values.margin_per_customer {
                m.clv.margin_per_year = margin;
            }
            if let Some(churn) = current.0.and_then(|c| yearly_loss_pct(c, m.current.days())) {
                m.clv.retention_pct = (Decimal::ONE_HUNDRED - churn)
                    .round_dp(2)
                    .clamp(Decimal::ZERO, Decimal::ONE_HUNDRED);
            }
            if let Some(cac) = current.1 {
                m.clv.acquisition_cost = cac.round_dp(2).min(MEASURE_MAX);
            }
        });
        ctx.session.epoch.update(|e| *e = e.wrapping_add(1));
    };
    view! {
        <section class="panel clv" id="clv" aria-labelledby="clv-title">
            <h2 id="clv-title">{ctx.tr(Msg::ClvTitle)}</h2>
            <p class="hint">{ctx.tr(Msg::ClvHint)}</p>
            <div class="clv-body">
                <div class="sliders">
                    {ClvField::ALL.map(|field| clv_control(ctx, d, field)).collect_view()}
                    <button type="button" class="secondary" data-testid="clv-use-measured" on:click=use_measured>
                        {ctx.tr(Msg::ClvUseMeasured)}
                    </button>
                </div>
                <div class="cards">
                    <div class="card">
                        <h3>{ctx.tr(Msg::ClvLifetime)}</h3>
                        <p class="value" data-testid="clv-lifetime">
                            {move || report.get().lifetime_years.map(|y| fill(ctx.t(Msg::YearsN), &[&ctx.fmt.get().plain(y.round_dp(1))])).unwrap_or_else(|| "∞".into())}
                        </p>
                        <p class="sub">{move || fill(ctx.t(Msg::ClvChurnIs), &[&ctx.fmt.get().percent(Decimal::ONE_HUNDRED - clv.get().retention_pct)])}</p>
                    </div>
                    <div class="card">
                        <h3>{ctx.tr(Msg::ClvSimple)}</h3>
                        <p class="value" data-testid="clv-simple">{move || figure(report.get().simple)}</p>
                        <p class="math">{simple_math}</p>
                    </div>
                    <div class="card">
                        <h3>{ctx.tr(Msg::ClvDiscounted)}</h3>
                        <p class="value" data-testid="clv-discounted">{move || figure(report.get().discounted)}</p>
                        <p class="math">{discounted_math}</p>
                    </div>
                </div>
            </div>
        </section>
    }
}

// ---------------------------------------------------------------------------------------
// Feeding the ROI model

/// What the measured changes propose for the ROI model, the ROI they would give, and the
/// one action that applies them (with undo).
#[component]
fn FeedPanel(ctx: Ctx, d: Derived) -> impl IntoView {
    let proposed = Memo::new(move |_| {
        d.comparisons
            .with(|c| d.measure.with(|m| ctx.inputs.with(|i| proposals(c, m, i))))
    });
    let roi_with = Memo::new(move |_| {
        proposed.with(|p| {
            ctx.inputs
                .with(|i| evaluate(&apply(i, p)).ok().map(|r| (r.roi_pct, r.npv)))
        })
    });
    // Undo is offered while the model's inputs are still exactly what the action made
    // them, wherever the user went meanwhile; any later edit makes it disappear rather
    // than be overwritten by it.
    let undoable = Memo::new(move |_| {
        ctx.session.fed.with(|fed| {
            fed.as_ref()
                .filter(|(_, after)| ctx.inputs.with(|i| i == after))
                .map(|(before, _)| before.clone())
        })
    });
    let apply_all = move |_| {
        let before = ctx.inputs.get_untracked();
        let after = apply(&before, &proposed.get_untracked());
        ctx.scenario.update(|s| s.inputs = after.clone());
        ctx.session.epoch.update(|e| *e = e.wrapping_add(1));
        ctx.session.fed.set(Some((before, after)));
    };
    let undo_apply = move |_| {
        if let Some(before) = undoable.get_untracked() {
            ctx.scenario.update(|s| s.inputs = before);
            ctx.session.epoch.update(|e| *e = e.wrapping_add(1));
        }
        ctx.session.fed.set(None);
    };
    let rows = move || {
        let fmt = ctx.fmt.get();
        let lang = fmt.lang;
        proposed
            .get()
            .into_iter()
            .map(|p| {
                view! {
                    <tr data-testid=format!("proposal-{}", p.field.key())>
                        <th scope="row">{field_label(p.field, lang)}</th>
                        <td>{fmt.in_unit(p.field.unit(), p.from.round_dp(2))}</td>
                        <td>{fmt.in_unit(p.field.unit(), p.to.round_dp(2))}</td>
                    </tr>
                }
            })
            .collect_view()
    };
    let outcome = move || {
        let fmt = ctx.fmt.get();
        let now = ctx.shown.get().map(|r| (r.roi_pct, r.npv));
        let then = roi_with.get();
        let roi = |x: Option<(Option<Decimal>, Decimal)>| {
            x.and_then(|(roi, _)| roi)
                .map(|r| fmt.percent(r))
                .unwrap_or_else(|| "—".into())
        };
        let npv = |x: Option<(Option<Decimal>, Decimal)>| {
            x.map(|(_, n)| fmt.money(n)).unwrap_or_else(|| "—".into())
        };
        fill(
            ctx.t(Msg::FeedOutcome),
            &[&roi(now), &roi(then), &npv(now), &npv(then)],
        )
    };
    view! {
        <section class="panel feed" id="feed" aria-labelledby="feed-title">
            <h2 id="feed-title">{ctx.tr(Msg::FeedTitle)}</h2>
            <p class="hint">{ctx.tr(Msg::FeedHint)}</p>
            <Show
                when=move || !proposed.with(Vec::is_empty)
                fallback=move || view! { <p data-testid="feed-empty">{ctx.tr(Msg::FeedNothing)}</p> }
            >
                <div class="table-scroll">
                    <table>
                        <thead>
                            <tr>
                                <th scope="col">{ctx.tr(Msg::RoiInput)}</th>
                                <th scope="col">{ctx.tr(Msg::InModel)}</th>
                                <th scope="col">{ctx.tr(Msg::Measured)}</th>
                            </tr>
                        </thead>
                        <tbody>{rows}</tbody>
                    </table>
                </div>
                <p class="feed-outcome" data-testid="feed-outcome">{outcome}</p>
                <div class="actions">
                    <button type="button" data-testid="feed-apply" on:click=apply_all>{ctx.tr(Msg::FeedApply)}</button>
                </div>
            </Show>
            <Show when=move || undoable.with(Option::is_some)>
                <div class="note" role="status" data-testid="feed-done">
                    <p>{ctx.tr(Msg::FeedDone)}</p>
                    <button type="button" class="secondary" data-testid="feed-undo" on:click=undo_apply>{ctx.tr(Msg::Undo)}</button>
                    <button type="button" class="secondary" data-testid="feed-see" on:click=move |_| {
                        ctx.screen.set(Screen::Calculator);
                        window().scroll_to_with_x_and_y(0.0, 0.0);
                    }>{ctx.tr(Msg::FeedSee)}</button>
                </div>
            </Show>
        </section>
    }
}
