//! The measurement screen: KPIs of any number of periods (a baseline, then pilots,
//! rollouts, quarters…), the latest against the baseline, the sales
//! cycle from pasted deals, the campaign table, the CLV calculator, and the action that
//! feeds measured results into the ROI model. All state lives in `Scenario::measure`;
//! every figure comes from `engine::measure`. One file per panel; what they share (the
//! memos derived once for the whole screen, how KPI values are written) is here.

mod campaigns;
mod clv;
mod costs;
mod deals;
mod feed;
mod groups;
mod periods;
mod periods_paste;
mod scorecard;
mod targets;
mod trend_chart;

use super::format::Fmt;
use super::workspace::Workspace;
use super::Ctx;
use crate::engine::deals::DateOrder;
use crate::engine::kpi::KpiError;
use crate::engine::measure::{
    compare, trend, Comparison, Gap, KpiGroup, KpiUnit, Measurement, Period, PeriodDeals,
    PeriodLabel, Trend, Verdict,
};
use crate::i18n::{example_names, fill, AppMsg, Lang, Msg, ScreenMsg, Text, TrackMsg};
use leptos::prelude::*;
use rust_decimal::Decimal;

/// Which period a control edits: its position in the measurement's periods.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Which(usize);

impl Which {
    /// Every period of a measurement with `count` periods, in order.
    fn all(count: usize) -> impl Iterator<Item = Which> {
        (0..count).map(Which)
    }

    fn of(self, m: &Measurement) -> &Period {
        m.period(self.0)
    }

    /// The period to edit; `None` past the last (a control of a period just removed).
    fn of_mut(self, m: &mut Measurement) -> Option<&mut Period> {
        m.period_mut(self.0)
    }

    /// The period in ids: `baseline` for the first, `current` for the last (the latest,
    /// which the scorecard compares with the baseline), `p2`, `p3`… for those between.
    fn key(self, count: usize) -> String {
        match self.0 {
            0 => "baseline".into(),
            i if i + 1 == count => "current".into(),
            i => format!("p{}", i + 1),
        }
    }

    /// Its label: the name the user gave it, or "Baseline", "Current", "Period 3".
    fn label(self, lang: Lang, m: &Measurement) -> String {
        match m.label(self.0) {
            PeriodLabel::Named(name) => name.to_string(),
            PeriodLabel::Baseline => AppMsg::Baseline.text(lang).into(),
            PeriodLabel::Current => AppMsg::Current.text(lang).into(),
            PeriodLabel::Numbered(n) => fill(ScreenMsg::PeriodN.text(lang), &[&n.to_string()]),
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
    /// How pasted dates are read: the scenario's choice, else the language's.
    order: Memo<DateOrder>,
    /// How many periods there are: what the tables' columns follow.
    count: Memo<usize>,
    /// Every period's pasted deals and leads, parsed.
    deals: Memo<Vec<PeriodDeals>>,
    /// The baseline against the latest period.
    comparisons: Memo<Vec<Comparison>>,
    /// Every KPI across every period.
    trends: Memo<Vec<Trend>>,
}

impl Derived {
    fn new(ctx: Ctx) -> Self {
        let measure = Memo::new(move |_| ctx.scenario.with(|s| s.measure.clone()));
        let order = Memo::new(move |_| {
            measure
                .with(|m| m.date_order)
                .unwrap_or_else(|| order_of(ctx.lang.get()))
        });
        let count = Memo::new(move |_| measure.with(|m| m.periods.len()));
        // Parsed again only when a paste (or the date order) changes, not on every figure.
        let texts = Memo::new(move |_| {
            measure.with(|m| {
                m.periods
                    .iter()
                    .map(|p| (p.deals.clone(), p.leads.clone()))
                    .collect::<Vec<_>>()
            })
        });
        let deals = Memo::new(move |_| {
            texts.with(|t| {
                t.iter()
                    .map(|(deals, leads)| PeriodDeals::read(deals, leads, order.get()))
                    .collect::<Vec<_>>()
            })
        });
        let comparisons = Memo::new(move |_| {
            measure.with(|m| {
                deals.with(|all| match (all.first(), all.last()) {
                    (Some(b), Some(a)) => compare(m, b, a),
                    _ => Vec::new(),
                })
            })
        });
        let trends = Memo::new(move |_| measure.with(|m| deals.with(|all| trend(m, all))));
        Derived {
            measure,
            order,
            count,
            deals,
            comparisons,
            trends,
        }
    }

    /// One period's pasted deals and leads, parsed.
    fn deals_of(self, which: Which) -> Memo<Option<PeriodDeals>> {
        let deals = self.deals;
        Memo::new(move |_| deals.with(|all| all.get(which.0).cloned()))
    }
}

/// The head row of a table with one column per period: each period's label, with the id
/// `col-<table>-<period>` that its cells' labels point to.
fn period_heads(ctx: Ctx, d: Derived, table: String) -> impl IntoView {
    view! {
        <div class="measure-row head" aria-hidden="true">
            <span></span>
            {move || {
                let count = d.count.get();
                Which::all(count).map(|which| view! {
                    <span id=format!("col-{table}-{}", which.key(count))>
                        {move || { let lang = ctx.lang.get(); d.measure.with(|m| which.label(lang, m)) }}
                    </span>
                }).collect_view()
            }}
        </div>
    }
}

fn update_measure(ctx: Ctx, f: impl FnOnce(&mut Measurement)) {
    ctx.scenario.update(|s| f(&mut s.measure));
}

// ---------------------------------------------------------------------------------------
// Display of KPI values

fn kpi_value(fmt: Fmt, unit: KpiUnit, v: Decimal) -> String {
    let lang = fmt.lang;
    let with = |value: String, msg: Msg| format!("{value} {}", fill(msg.text(lang), &[&value]));
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
            AppMsg::UnitPoints.text(fmt.lang)
        ),
        _ => kpi_value(fmt, unit, v),
    };
    signed(text, v)
}

fn gap_text(lang: Lang, gap: Gap) -> &'static str {
    match gap {
        Gap::NotEntered => "—",
        Gap::Invalid(e) => match e {
            KpiError::DivisionByZero => AppMsg::GapZero,
            KpiError::Inconsistent => AppMsg::GapInconsistent,
            KpiError::Empty => AppMsg::GapNoDeals,
            KpiError::Overflow => AppMsg::ErrOverflow,
            KpiError::Negative | KpiError::EndBeforeStart => AppMsg::GapInconsistent,
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
        Verdict::Better => ScreenMsg::Better,
        Verdict::Worse => ScreenMsg::Worse,
        Verdict::Same => ScreenMsg::Same,
        Verdict::Changed => ScreenMsg::Changed,
    };
    format!("{arrow}{}", word.text(lang))
}

// ---------------------------------------------------------------------------------------
// The screen

/// The measurement screen.
#[component]
pub fn MeasureScreen(ws: Workspace) -> impl IntoView {
    let (ctx, cleared) = (ws.ctx, ws.session.cleared);
    let d = Derived::new(ctx);
    let empty = Memo::new(move |_| d.measure.with(Measurement::is_empty));
    let replace_all = move |with: Measurement| ctx.rewrite(|s| s.measure = with);
    // "Load an example" and "Clear" take turns in one place: the second click of a
    // double click (`detail` 2) lands on the other and must not undo the first.
    let repeated = |ev: &leptos::ev::MouseEvent| ev.detail() > 1;
    let clear = move |ev: leptos::ev::MouseEvent| {
        if repeated(&ev) {
            return;
        }
        cleared.set(Some(d.measure.get_untracked()));
        replace_all(Measurement::default());
    };
    // Undo is offered while nothing has been measured since clearing.
    let can_restore = move || empty.get() && cleared.with(Option::is_some);
    let restore = move |_| {
        if let Some(previous) = cleared.get_untracked() {
            replace_all(previous);
        }
        cleared.set(None);
    };
    let section_link = move |href: &'static str, msg: AppMsg| {
        view! { <li><a href=href>{ctx.tr(msg)}</a></li> }
    };
    view! {
        <main class="measure-screen">
            <section class="panel intro" aria-labelledby="measure-title">
                <h2 id="measure-title">{ctx.tr(ScreenMsg::MeasureTitle)}</h2>
                <p>{ctx.tr(ScreenMsg::MeasureIntro)}</p>
                <nav aria-label=ctx.tr(ScreenMsg::MeasureSections)>
                    <ul class="jump">
                        {section_link("#periods", AppMsg::PeriodsTitle)}
                        {section_link("#scorecard", AppMsg::ScorecardTitle)}
                        {section_link("#deals", AppMsg::DealsTitle)}
                        {section_link("#campaigns", AppMsg::CampaignsTitle)}
                        {section_link("#clv", AppMsg::ClvTitle)}
                        {section_link("#feed", AppMsg::FeedTitle)}
                        <li><a href="#costs">{ctx.tr(TrackMsg::CostsTitle)}</a></li>
                    </ul>
                </nav>
                <div class="actions">
                    <Show
                        when=move || empty.get()
                        fallback=move || view! {
                            <button type="button" class="secondary danger" data-testid="clear-measurements" on:click=clear>
                                {ctx.tr(ScreenMsg::ClearMeasurements)}
                            </button>
                        }
                    >
                        <button type="button" class="secondary" data-testid="load-example" on:click=move |ev| if !repeated(&ev) {
                            replace_all(Measurement::example(example_names(ctx.lang.get_untracked())))
                        }>
                            {ctx.tr(ScreenMsg::LoadExample)}
                        </button>
                    </Show>
                    <Show when=can_restore>
                        <button type="button" class="secondary" data-testid="restore-measurements" on:click=restore>
                            {ctx.tr(ScreenMsg::RestoreMeasurements)}
                        </button>
                    </Show>
                </div>
            </section>
            <periods::Periods ctx d />
            {KpiGroup::ALL.into_iter().map(|group| view! { <groups::GroupPanel ctx d group /> }).collect_view()}
            <scorecard::Scorecard ctx d />
            <deals::PastePanel ctx d paste=deals::Paste::Deals />
            <deals::PastePanel ctx d paste=deals::Paste::Leads />
            <campaigns::Campaigns ctx d />
            <clv::ClvPanel ctx d />
            <feed::FeedPanel ws d />
            <costs::CostsPanel ctx d />
        </main>
    }
}
