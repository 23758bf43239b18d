//! Results: headline cards with their math, the break-even solver, charts and the
//! year-by-year table.

use super::charts::{CostsBenefitsChart, CumulativeChart, TornadoChart};
use super::format::Fmt;
use super::Ctx;
use crate::engine::model::{Field, GartnerBand, ModelError, Report};
use crate::engine::sensitivity::{break_even, BreakEven};
use crate::i18n::{field_label, fill, Msg};
use crate::scenario::Currency;
use leptos::prelude::*;
use rust_decimal::Decimal;

/// The report, or the last one that could be computed (an overflow keeps the old figures
/// on screen, with a message, rather than blanking the cards).
fn last_good_report(ctx: Ctx) -> Memo<Option<Report>> {
    Memo::new(
        move |previous: Option<&Option<Report>>| match ctx.report.get() {
            Ok(report) => Some(report),
            Err(_) => previous.cloned().flatten(),
        },
    )
}

fn payback_text(fmt: Fmt, months: Option<Decimal>) -> String {
    months.map_or_else(|| Msg::Never.text(fmt.lang).to_string(), |m| fmt.months(m))
}

/// Results column.
#[component]
pub fn Results(ctx: Ctx) -> impl IntoView {
    let report = last_good_report(ctx);
    let overflow = move || matches!(ctx.report.get(), Err(ModelError::Overflow));
    let live = move || {
        let fmt = ctx.fmt.get();
        report.get().map(|r| {
            fill(
                ctx.t(Msg::LiveSummary),
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
            <h2 id="results-title">{move || ctx.t(Msg::Results)}</h2>
            <p class="sr-only" aria-live="polite" data-testid="live">{live}</p>
            <Show when=overflow>
                <p class="banner error" role="alert">{move || ctx.t(Msg::ErrOverflow)}</p>
            </Show>
            {move || report.get().map(|r| view! { <Cards ctx report=r /> })}
            <BreakEvenPanel ctx />
            <CumulativeChart ctx report />
            <CostsBenefitsChart ctx report />
            <TornadoChart ctx />
            {move || report.get().map(|r| view! { <CashFlowTable ctx report=r /> })}
        </section>
    }
}

/// ROI, NPV and payback in one line that stays on screen while a phone user drags the
/// what-if sliders (the cards are further down there). Hidden from assistive technology:
/// the cards and the live region already say the same.
#[component]
pub fn SummaryStrip(ctx: Ctx) -> impl IntoView {
    let report = last_good_report(ctx);
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

/// One headline card; `math` is shown on demand.
#[component]
fn Card(
    title: Signal<&'static str>,
    value: String,
    sub: String,
    math: Vec<String>,
    show_math: Signal<&'static str>,
    #[prop(optional)] tone: &'static str,
    testid: &'static str,
) -> impl IntoView {
    view! {
        <article class=format!("card {tone}") data-testid=testid>
            <h3>{move || title.get()}</h3>
            <p class="value" title=value.clone()>{value.clone()}</p>
            <p class="sub">{sub}</p>
            <details>
                <summary>{move || show_math.get()}</summary>
                {math.into_iter().map(|line| view! { <p class="math">{line}</p> }).collect_view()}
            </details>
        </article>
    }
}

fn flows_list(fmt: Fmt, values: impl Iterator<Item = Decimal>) -> String {
    values.map(|v| fmt.money(v)).collect::<Vec<_>>().join("; ")
}

/// The headline cards. Re-rendered as a whole when the report changes: they are few and
/// every figure in them changes together anyway.
#[component]
fn Cards(ctx: Ctx, report: Report) -> impl IntoView {
    move || {
        let fmt = ctx.fmt.get();
        let lang = fmt.lang;
        let t = move |m: Msg| Signal::derive(move || ctx.t(m));
        let show = t(Msg::ShowMath);
        let r = &report;
        let rate = ctx
            .scenario
            .with(|s| fmt.percent(s.inputs.discount_rate_pct));
        let seats = ctx.scenario.with(|s| s.inputs.seats);
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
        let payback_math = match r.payback_months {
            None => vec![fill(
                Msg::MathPaybackNever.text(lang),
                &[&money(r.total_net)],
            )],
            Some(m) if m.is_zero() => vec![Msg::MathPaybackZero.text(lang).to_string()],
            Some(_) => {
                // The year in which the cumulative flow turns non-negative.
                let turn = r
                    .years
                    .iter()
                    .position(|y| !y.cumulative.is_sign_negative())
                    .unwrap_or(0);
                let owed = r
                    .years
                    .get(turn.saturating_sub(1))
                    .map_or(Decimal::ZERO, |y| -y.cumulative);
                let flow = r.years.get(turn).map_or(Decimal::ZERO, |y| y.net);
                vec![fill(
                    Msg::MathPayback.text(lang),
                    &[
                        &turn.saturating_sub(1).to_string(),
                        &money(owed),
                        &money(flow),
                    ],
                )]
            }
        };
        let irr_value = r
            .irr_pct
            .map_or_else(|| Msg::NoIrr.text(lang).to_string(), |v| fmt.percent(v));
        let irr_math = vec![if r.irr_pct.is_some() {
            fill(
                Msg::MathIrr.text(lang),
                &[&flows_list(fmt, r.years.iter().map(|y| y.net))],
            )
        } else {
            Msg::MathIrrNone.text(lang).to_string()
        }];
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
        let tco_total = r.tco_per_user_3y.checked_mul(seats).unwrap_or_default();
        let band = match r.gartner {
            GartnerBand::Below => Msg::GartnerBelow,
            GartnerBand::Within => Msg::GartnerWithin,
            GartnerBand::Above => Msg::GartnerAbove,
        };
        let mut tco_sub = format!("{} {}", band.text(lang), Msg::GartnerBand.text(lang));
        if fmt.currency != Currency::USD {
            tco_sub = format!("{tco_sub} {}", Msg::GartnerNotUsd.text(lang));
        }
        let roi_tone = if r.npv.is_sign_negative() {
            "bad"
        } else {
            "good"
        };
        view! {
            <div class="cards">
                <Card title=t(Msg::Roi) value=roi_value sub=Msg::RoiSub.text(lang).into() math=roi_math show_math=show tone=roi_tone testid="card-roi" />
                <Card title=t(Msg::Npv) value=money(r.npv) sub=Msg::NpvSub.text(lang).into() math=npv_math show_math=show testid="card-npv" />
                <Card
                    title=t(Msg::Payback)
                    value=payback_text(fmt, r.payback_months)
                    sub=fill(Msg::PaybackDiscounted.text(lang), &[&payback_text(fmt, r.discounted_payback_months)])
                    math=payback_math
                    show_math=show
                    testid="card-payback"
                />
                <Card title=t(Msg::Irr) value=irr_value sub=Msg::IrrSub.text(lang).into() math=irr_math show_math=show testid="card-irr" />
                <Card title=t(Msg::PvBenefits) value=money(r.pv_benefits) sub=String::new() math=pv_math(|y| y.benefits, r.pv_benefits) show_math=show testid="card-pv-benefits" />
                <Card title=t(Msg::PvCosts) value=money(r.pv_costs) sub=String::new() math=pv_math(|y| y.costs, r.pv_costs) show_math=show testid="card-pv-costs" />
                <Card
                    title=t(Msg::Tco)
                    value=money(r.tco_per_user_3y)
                    sub=tco_sub
                    math=vec![fill(Msg::MathTco.text(lang), &[&money(tco_total), &fmt.plain(seats)])]
                    show_math=show
                    tone="wide"
                    testid="card-tco"
                />
            </div>
        }
    }
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
        ctx.scenario
            .with(|s| (break_even(&s.inputs, field).ok(), field.get(&s.inputs)))
    });
    let text = move || {
        let fmt = ctx.fmt.get();
        let field = driver.get();
        let label = field_label(field, fmt.lang);
        match answer.get() {
            (Some(BreakEven::At(v)), now) => fill(
                ctx.t(Msg::BreakEvenAt),
                &[
                    label,
                    &fmt.in_unit(field.unit(), v.round_dp(2)),
                    &fmt.in_unit(field.unit(), now),
                ],
            ),
            (Some(BreakEven::NoneInRange), _) => fill(ctx.t(Msg::BreakEvenNone), &[label]),
            (None, _) => ctx.t(Msg::ErrOverflow).to_string(),
        }
    };
    view! {
        <section class="panel breakeven" aria-labelledby="breakeven-title">
            <h3 id="breakeven-title">{move || ctx.t(Msg::BreakEven)}</h3>
            <p class="hint">{move || ctx.t(Msg::BreakEvenHint)}</p>
            <label class="inline">
                <span>{move || ctx.t(Msg::BreakEvenDriver)}</span>
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
                            .map(|f| view! { <option value=f.key()>{field_label(f, lang)}</option> })
                            .collect_view()
                    }}
                </select>
            </label>
            <p class="answer" data-testid="breakeven-answer" aria-live="polite">{text}</p>
        </section>
    }
}

#[component]
fn CashFlowTable(ctx: Ctx, report: Report) -> impl IntoView {
    move || {
        let fmt = ctx.fmt.get();
        let lang = fmt.lang;
        let money = |v| fmt.money(v);
        let rows = report
            .years
            .iter()
            .map(|y| {
                let label = if y.year == 0 {
                    Msg::Initial.text(lang).to_string()
                } else {
                    fill(Msg::YearN.text(lang), &[&y.year.to_string()])
                };
                view! {
                    <tr>
                        <th scope="row">{label}</th>
                        <td>{money(y.costs)}</td>
                        <td>{money(y.benefits)}</td>
                        <td class:neg=y.net.is_sign_negative()>{money(y.net)}</td>
                        <td class:neg=y.cumulative.is_sign_negative()>{money(y.cumulative)}</td>
                        <td class:neg=y.discounted_net.is_sign_negative()>{money(y.discounted_net)}</td>
                    </tr>
                }
            })
            .collect_view();
        view! {
            <section class="panel table-panel" aria-labelledby="table-title">
                <h3 id="table-title">{Msg::CashFlowTable.text(lang)}</h3>
                <div class="table-scroll" tabindex="0" role="region" aria-labelledby="table-title">
                    <table data-testid="cashflow">
                        <caption>{Msg::CashFlowCaption.text(lang)}</caption>
                        <thead>
                            <tr>
                                <th scope="col">{Msg::Year.text(lang)}</th>
                                <th scope="col">{Msg::Costs.text(lang)}</th>
                                <th scope="col">{Msg::Benefits.text(lang)}</th>
                                <th scope="col">{Msg::Net.text(lang)}</th>
                                <th scope="col">{Msg::Cumulative.text(lang)}</th>
                                <th scope="col">{Msg::DiscountedNet.text(lang)}</th>
                            </tr>
                        </thead>
                        <tbody>{rows}</tbody>
                        <tfoot>
                            <tr>
                                <th scope="row">{Msg::Total.text(lang)}</th>
                                <td>{money(report.total_costs)}</td>
                                <td>{money(report.total_benefits)}</td>
                                <td>{money(report.total_net)}</td>
                                <td></td>
                                <td></td>
                            </tr>
                            <tr>
                                <th scope="row">{Msg::PresentValue.text(lang)}</th>
                                <td>{money(report.pv_costs)}</td>
                                <td>{money(report.pv_benefits)}</td>
                                <td>{money(report.npv)}</td>
                                <td></td>
                                <td></td>
                            </tr>
                        </tfoot>
                    </table>
                </div>
            </section>
        }
    }
}
