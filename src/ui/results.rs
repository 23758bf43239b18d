//! Results: headline cards with their math, the break-even solver, charts and the
//! year-by-year table.

use super::charts::{CostsBenefitsChart, CumulativeChart, TornadoChart};
use super::format::Fmt;
use super::lines::{BenefitsByLineChart, ByLineTable};
use super::risk::{RiskLine, RiskPanel, RiskRun};
use super::Ctx;
use crate::engine::model::{
    Field, GartnerBand, ModelError, Report, Returns, YearRow, GARTNER_BAND_USD,
};
use crate::engine::sensitivity::{break_even, BreakEven};
use crate::i18n::{fill, AppMsg, Msg, Text};
use crate::units::Currency;
use leptos::prelude::*;
use rust_decimal::Decimal;

pub fn payback_text(fmt: Fmt, months: Option<Decimal>) -> String {
    months.map_or_else(|| Msg::Never.text(fmt.lang).to_string(), |m| fmt.months(m))
}

/// Results column.
#[component]
pub fn Results(
    ctx: Ctx,
    risk: RiskRun,
    risk_details: fn(Ctx, RiskRun) -> AnyView,
) -> impl IntoView {
    let report = ctx.shown;
    let overflow = move || matches!(ctx.report.get(), Err(ModelError::Overflow));
    let live = move || {
        let fmt = ctx.fmt.get();
        report.get().map(|r| {
            fill(
                ctx.t(AppMsg::LiveSummary),
                &[
                    &r.roi_pct
                        .map_or_else(|| ctx.t(Msg::NoRoi).to_string(), |v| fmt.percent(v)),
                    &fmt.money(r.npv),
                    &payback_text(fmt, r.payback_months),
                ],
            )
        })
    };
    view! {
        <section class="results" id="results" aria-labelledby="results-title" tabindex="-1">
            <h2 id="results-title">{ctx.tr(Msg::Results)}</h2>
            <p class="sr-only" aria-live="polite" data-testid="live">{live}</p>
            <Show when=overflow>
                <p class="banner error" role="alert">{ctx.tr(AppMsg::ErrOverflow)}</p>
            </Show>
            <Cards ctx report texts=analyst_card_texts />
            <RiskLine ctx run=risk />
            <BreakEvenPanel ctx />
            <CumulativeChart ctx report />
            <CostsBenefitsChart ctx report />
            <BenefitsByLineChart ctx report />
            <TornadoChart ctx />
            <RiskPanel ctx run=risk details=risk_details />
            <CashFlowTable ctx report />
            <ByLineTable ctx report />
        </section>
    }
}

/// ROI, NPV and payback in one line that stays on screen while a phone user drags the
/// what-if sliders (the cards are further down there). Hidden from assistive technology:
/// the cards and the live region already say the same.
#[component]
pub fn SummaryStrip(ctx: Ctx) -> impl IntoView {
    let report = ctx.shown;
    move || {
        let fmt = ctx.fmt.get();
        report.get().map(|r| {
            view! {
                <div class="summary-strip" aria-hidden="true" data-testid="summary-strip">
                    <span><b>{ctx.t(Msg::Roi)}</b>" "{r.roi_pct.map_or_else(|| ctx.t(Msg::NoRoi).to_string(), |v| fmt.percent(v))}</span>
                    <span><b>{ctx.t(Msg::Npv)}</b>" "{fmt.money(r.npv)}</span>
                    <span><b>{ctx.t(Msg::Payback)}</b>" "{payback_text(fmt, r.payback_months)}</span>
                </div>
            }
        })
    }
}

/// What one headline card shows.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct CardText {
    /// The figure.
    pub value: String,
    /// A line under it.
    pub sub: String,
    /// "Show the math": the formula, then the figures in it.
    pub math: Vec<String>,
    /// `good`, `bad`, `wide` or nothing.
    pub tone: &'static str,
}

/// One headline card, built once; its texts follow `text`. The math is shown on demand.
#[component]
fn Card(ctx: Ctx, title: Msg, text: Signal<CardText>, testid: &'static str) -> impl IntoView {
    let value = move || text.with(|t| t.value.clone());
    view! {
        <article class=move || format!("card {}", text.with(|t| t.tone)) data-testid=testid>
            <h3>{move || ctx.t(title)}</h3>
            <p class="value" title=value>{value}</p>
            <p class="sub">{move || text.with(|t| t.sub.clone())}</p>
            <details>
                <summary>{ctx.tr(Msg::ShowMath)}</summary>
                {move || text.with(|t| t.math.iter().map(|line| view! { <p class="math">{line.clone()}</p> }).collect_view())}
            </details>
        </article>
    }
}

fn flows_list(fmt: Fmt, values: impl Iterator<Item = Decimal>) -> String {
    values.map(|v| fmt.money(v)).collect::<Vec<_>>().join("; ")
}

/// The texts of the seven headline cards, in display order: ROI, NPV, payback, IRR,
/// PV of benefits, PV of costs, cost per user; the IRR's left empty, for
/// [`analyst_card_texts`] to fill.
pub fn card_texts(ctx: Ctx, report: &Report) -> [CardText; 7] {
    let fmt = ctx.fmt.get();
    let lang = fmt.lang;
    let r = report;
    // Everything below reads the report, never the current inputs: the report shown may
    // be an older one (the last that could be computed).
    let rate = fmt.percent(r.discount_rate_pct);
    let money = |v| fmt.money(v);

    let roi_value = r
        .roi_pct
        .map_or_else(|| Msg::NoRoi.text(lang).to_string(), |v| fmt.percent(v));
    let roi_math = vec![
        Msg::MathRoi.text(lang).to_string(),
        format!(
            "= ({} − {}) ÷ {} = {}",
            money(r.pv_benefits),
            money(r.pv_costs),
            money(r.pv_costs),
            roi_value
        ),
    ];
    let npv_math = vec![
        fill(Msg::MathNpv.text(lang), &[&rate]),
        format!(
            "= {} = {}",
            flows_list(fmt, r.years.iter().map(|y| y.discounted_net)),
            money(r.npv)
        ),
    ];
    let payback_math = match (r.payback_months, r.payback_parts()) {
        (None, _) => vec![fill(
            Msg::MathPaybackNever.text(lang),
            &[&money(r.total_net)],
        )],
        (Some(_), Some(p)) => vec![fill(
            Msg::MathPayback.text(lang),
            &[&p.full_years.to_string(), &money(p.owed), &money(p.flow)],
        )],
        (Some(_), None) => vec![Msg::MathPaybackZero.text(lang).to_string()],
    };
    let pv_math = |pick: fn(&crate::engine::model::YearRow) -> Decimal, total: Decimal| {
        vec![
            fill(Msg::MathPv.text(lang), &[&rate]),
            format!(
                "= {} = {}",
                r.years
                    .iter()
                    .map(|y| format!("{} × {}", money(pick(y)), y.discount_factor.round_dp(4)))
                    .collect::<Vec<_>>()
                    .join(" + "),
                money(total)
            ),
        ]
    };
    let mut tco_sub = format!(
        "{} {}",
        gartner_text(r.gartner).text(lang),
        Msg::GartnerBand.text(lang)
    );
    if fmt.currency != Currency::USD {
        tco_sub = format!("{tco_sub} {}", Msg::GartnerNotUsd.text(lang));
    }
    let roi_tone = if r.npv.is_sign_negative() {
        "bad"
    } else {
        "good"
    };
    let card = |value: String, sub: String, math: Vec<String>| CardText {
        value,
        sub,
        math,
        tone: "",
    };
    [
        CardText {
            tone: roi_tone,
            ..card(roi_value, Msg::RoiSub.text(lang).into(), roi_math)
        },
        card(money(r.npv), Msg::NpvSub.text(lang).into(), npv_math),
        card(
            payback_text(fmt, r.payback_months),
            fill(
                Msg::PaybackDiscounted.text(lang),
                &[&payback_text(fmt, r.discounted_payback_months)],
            ),
            payback_math,
        ),
        // The IRR: see `analyst_card_texts` (the visitor's calculator shows none).
        CardText::default(),
        card(
            money(r.pv_benefits),
            String::new(),
            pv_math(|y| y.benefits, r.pv_benefits),
        ),
        card(
            money(r.pv_costs),
            String::new(),
            pv_math(|y| y.costs, r.pv_costs),
        ),
        CardText {
            tone: "wide",
            ..card(
                money(r.tco_per_user_3y),
                tco_sub,
                vec![fill(
                    Msg::MathTco.text(lang),
                    &[&money(r.tco_3y), &fmt.plain(r.seats)],
                )],
            )
        },
    ]
}

/// The IRR as the full app shows it: the one rate, every rate when there are several
/// ("−22.5 % · 39.3 %"), or "none".
pub fn irr_value(fmt: Fmt, r: &Returns) -> String {
    match (r.irr_pct, r.irrs_pct.as_slice()) {
        (Some(v), _) => fmt.percent(v),
        (None, several @ [_, _, ..]) => several
            .iter()
            .map(|&v| fmt.percent(v))
            .collect::<Vec<_>>()
            .join(" · "),
        _ => Msg::NoIrr.text(fmt.lang).to_string(),
    }
}

/// The MIRR as the full app shows it, or "none".
pub fn mirr_value(fmt: Fmt, r: &Returns) -> String {
    r.mirr_pct
        .map_or_else(|| Msg::NoIrr.text(fmt.lang).to_string(), |v| fmt.percent(v))
}

/// The headline cards of the full app and the report: [`card_texts`] with the IRR card,
/// which tells several rates apart and gives the MIRR beside them (the root search and
/// texts the visitor's calculator, which shows no IRR, never links).
pub fn analyst_card_texts(ctx: Ctx, r: &Report) -> [CardText; 7] {
    let mut cards = card_texts(ctx, r);
    let fmt = ctx.fmt.get();
    let lang = fmt.lang;
    let returns = r.returns();
    let mirr = mirr_value(fmt, &returns);
    let flows = flows_list(fmt, r.years.iter().map(|y| y.net));
    let value = irr_value(fmt, &returns);
    let (sub, mut math) = match returns.irrs_pct.len() {
        0 => (
            AppMsg::IrrMirrSub,
            vec![AppMsg::MathIrrNone.text(lang).to_string()],
        ),
        1 => (
            AppMsg::IrrMirrSub,
            vec![fill(AppMsg::MathIrr.text(lang), &[&flows])],
        ),
        _ => (
            AppMsg::IrrSeveralSub,
            vec![fill(AppMsg::MathIrrSeveral.text(lang), &[&flows, &value])],
        ),
    };
    if returns.mirr_pct.is_some() {
        let rate = fmt.percent(r.discount_rate_pct);
        math.push(fill(AppMsg::MathMirr.text(lang), &[&rate, &mirr]));
    }
    cards[3] = CardText {
        value,
        sub: fill(sub.text(lang), &[&mirr]),
        math,
        tone: "",
    };
    cards
}

/// Where a cost per user falls against Gartner's band, in words.
fn gartner_text(band: GartnerBand) -> Msg {
    match band {
        GartnerBand::Below => Msg::GartnerBelow,
        GartnerBand::Within => Msg::GartnerWithin,
        GartnerBand::Above => Msg::GartnerAbove,
    }
}

/// The same in one short line with the band itself, for a projector or a summary
/// ("Below Gartner's reference band (US$ 15,000–30,000)").
pub fn gartner_short(fmt: Fmt, band: GartnerBand) -> String {
    format!(
        "{} (US$ {}–{})",
        gartner_text(band).text(fmt.lang).trim_end_matches('.'),
        fmt.plain(GARTNER_BAND_USD.0),
        fmt.plain(GARTNER_BAND_USD.1)
    )
}

/// The headline cards, by their place in [`card_texts`], with their titles and test ids.
const ALL_CARDS: [(usize, Msg, &str); 7] = [
    (0, Msg::Roi, "card-roi"),
    (1, Msg::Npv, "card-npv"),
    (2, Msg::Payback, "card-payback"),
    (3, Msg::Irr, "card-irr"),
    (4, Msg::PvBenefits, "card-pv-benefits"),
    (5, Msg::PvCosts, "card-pv-costs"),
    (6, Msg::Tco, "card-tco"),
];

/// The visitor's four: ROI, NPV, payback and the cost per user against Gartner's band.
pub const VISITOR_CARDS: [(usize, Msg, &str); 4] =
    [ALL_CARDS[0], ALL_CARDS[1], ALL_CARDS[2], ALL_CARDS[6]];

/// The headline cards: built once, their texts updated in place as the report changes.
/// `texts` makes them ([`card_texts`] unless given): a function, not a flag, so a door
/// that passes the plain one never links the other.
#[component]
pub fn Cards(
    ctx: Ctx,
    report: Memo<Option<Report>>,
    #[prop(default = &ALL_CARDS)] which: &'static [(usize, Msg, &'static str)],
    #[prop(default = card_texts)] texts: fn(Ctx, &Report) -> [CardText; 7],
) -> impl IntoView {
    let texts = Memo::new(move |_| report.get().map(|r| texts(ctx, &r)).unwrap_or_default());
    let card = move |&(i, title, testid): &(usize, Msg, &'static str)| {
        let text = Signal::derive(move || texts.with(|t| t.get(i).cloned().unwrap_or_default()));
        view! { <Card ctx title text testid /> }
    };
    view! { <div class="cards">{which.iter().map(card).collect_view()}</div> }
}

/// Drivers offered to the break-even solver: every field but the horizon.
fn break_even_fields() -> impl Iterator<Item = Field> {
    Field::ALL
        .iter()
        .copied()
        .filter(|f| *f != Field::HorizonYears)
}

#[component]
fn BreakEvenPanel(ctx: Ctx) -> impl IntoView {
    let driver = RwSignal::new(Field::ConversionAfterPct);
    let answer = Memo::new(move |_| {
        let field = driver.get();
        ctx.inputs
            .with(|i| (break_even(i, field).ok(), field.get(i)))
    });
    let text = move || {
        let fmt = ctx.fmt.get();
        let field = driver.get();
        let label = Msg::Field(field).text(fmt.lang);
        match answer.get() {
            (Some(BreakEven::At(v)), now) => fill(
                ctx.t(AppMsg::BreakEvenAt),
                &[
                    label,
                    &fmt.in_unit(field.unit(), v.round_dp(2)),
                    &fmt.in_unit(field.unit(), now),
                ],
            ),
            (Some(BreakEven::NoneInRange), _) => fill(ctx.t(AppMsg::BreakEvenNone), &[label]),
            (None, _) => ctx.t(AppMsg::ErrOverflow).to_string(),
        }
    };
    view! {
        <section class="panel breakeven" aria-labelledby="breakeven-title">
            <h3 id="breakeven-title">{ctx.tr(AppMsg::BreakEven)}</h3>
            <p class="hint">{ctx.tr(AppMsg::BreakEvenHint)}</p>
            <label class="inline">
                <span>{ctx.tr(AppMsg::BreakEvenDriver)}</span>
                <select
                    data-testid="breakeven-driver"
                    prop:value=move || driver.get().key()
                    on:change=move |ev| {
                        let key = event_target_value(&ev);
                        if let Some(field) = Field::ALL.iter().find(|f| f.key() == key) {
                            driver.set(*field);
                        }
                    }
                >
                    {move || {
                        let lang = ctx.lang.get();
                        break_even_fields()
                            .map(|f| view! { <option value=f.key()>{Msg::Field(f).text(lang)}</option> })
                            .collect_view()
                    }}
                </select>
            </label>
            <p class="answer" data-testid="breakeven-answer" aria-live="polite">{text}</p>
        </section>
    }
}

/// The year-by-year table: rows keyed by year, cells updated in place.
#[component]
fn CashFlowTable(ctx: Ctx, report: Memo<Option<Report>>) -> impl IntoView {
    let years = Memo::new(move |_| report.with(|r| r.as_ref().map_or(0, |r| r.years.len())));
    let amount = move |pick: fn(&Report) -> Option<Decimal>| {
        move || {
            report
                .with(|r| r.as_ref().and_then(pick))
                .map(|v| ctx.fmt.get().money(v))
                .unwrap_or_default()
        }
    };
    let negative = move |pick: fn(&Report) -> Option<Decimal>| {
        move || {
            report
                .with(|r| r.as_ref().and_then(pick))
                .is_some_and(|v| v.is_sign_negative())
        }
    };
    let row = move |i: usize| {
        let year = move |r: &Report| r.years.get(i).cloned();
        let at = move |pick: fn(&YearRow) -> Decimal| {
            move || {
                report
                    .with(|r| r.as_ref().and_then(year))
                    .map(|y| ctx.fmt.get().money(pick(&y)))
                    .unwrap_or_default()
            }
        };
        let neg = move |pick: fn(&YearRow) -> Decimal| {
            move || {
                report
                    .with(|r| r.as_ref().and_then(year))
                    .is_some_and(|y| pick(&y).is_sign_negative())
            }
        };
        let label = move || {
            if i == 0 {
                ctx.t(Msg::Initial).to_string()
            } else {
                fill(ctx.t(AppMsg::YearN), &[&i.to_string()])
            }
        };
        view! {
            <tr>
                <th scope="row">{label}</th>
                <td>{at(|y| y.costs)}</td>
                <td>{at(|y| y.benefits)}</td>
                <td class:neg=neg(|y| y.net)>{at(|y| y.net)}</td>
                <td class:neg=neg(|y| y.cumulative)>{at(|y| y.cumulative)}</td>
                <td class:neg=neg(|y| y.discounted_net)>{at(|y| y.discounted_net)}</td>
            </tr>
        }
    };
    view! {
        <section class="panel table-panel" aria-labelledby="table-title">
            <h3 id="table-title">{ctx.tr(AppMsg::CashFlowTable)}</h3>
            <div class="table-scroll" tabindex="0" role="region" aria-labelledby="table-title">
                <table data-testid="cashflow">
                    <caption>{ctx.tr(AppMsg::CashFlowCaption)}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{ctx.tr(AppMsg::Year)}</th>
                            <th scope="col">{ctx.tr(AppMsg::Costs)}</th>
                            <th scope="col">{ctx.tr(AppMsg::Benefits)}</th>
                            <th scope="col">{ctx.tr(AppMsg::Net)}</th>
                            <th scope="col">{ctx.tr(AppMsg::Cumulative)}</th>
                            <th scope="col">{ctx.tr(AppMsg::DiscountedNet)}</th>
                        </tr>
                    </thead>
                    <tbody>
                        <For each=move || 0..years.get() key=|i| *i let:i>
                            {row(i)}
                        </For>
                    </tbody>
                    <tfoot>
                        <tr>
                            <th scope="row">{ctx.tr(AppMsg::Total)}</th>
                            <td>{amount(|r| Some(r.total_costs))}</td>
                            <td>{amount(|r| Some(r.total_benefits))}</td>
                            <td class:neg=negative(|r| Some(r.total_net))>{amount(|r| Some(r.total_net))}</td>
                            <td></td>
                            <td></td>
                        </tr>
                        <tr>
                            <th scope="row">{ctx.tr(AppMsg::PresentValue)}</th>
                            <td>{amount(|r| Some(r.pv_costs))}</td>
                            <td>{amount(|r| Some(r.pv_benefits))}</td>
                            <td class:neg=negative(|r| Some(r.npv))>{amount(|r| Some(r.npv))}</td>
                            <td></td>
                            <td></td>
                        </tr>
                    </tfoot>
                </table>
            </div>
        </section>
    }
}
