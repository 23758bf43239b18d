//! The leave-behind report: a document for print CSS and the browser's "Save as PDF",
//! in the order a buyer reads it: cover, executive summary, assumptions, costs and
//! benefits by year and line, charts, method, and the way back to the live scenario.
//!
//! A door of its own (`report.html#s=<share link>`, built from `src/bin/report.rs`): the
//! full app's "Report" action opens it with the scenario's link, so the full app never
//! carries its code. Everything comes from that scenario and the engine's report, as on
//! the calculator; the scenario's private notes are left out of the link, so of the text
//! and of the link printed in it.

use super::breakdown::flows_table;
use super::charts::{CostsBenefitsChart, CumulativeChart};
use super::format::Fmt;
use super::results::{analyst_card_texts, gartner_short, payback_text};
use super::risk::{RiskRun, RiskSection};
use super::widgets::{follow_language, LangSwitch};
use super::{prefs, Ctx};
use crate::engine::model::{BenefitLine, Field, Group, Inputs, Report, GARTNER_BAND_USD};
use crate::html::{el, table, text, void, Html};
use crate::i18n::{fill, AppMsg, Msg, ReportMsg, Text};
use crate::qr::qr_svg;
use crate::scenario::codec::{decode_link, encode_link};
use crate::scenario::Scenario;
use crate::units::MAX_NAME_CHARS;
use leptos::prelude::*;
use rust_decimal::Decimal;
use wasm_bindgen::JsCast;

/// How many benefit lines the summary names as carrying the value.
const TOP_LINES: usize = 3;

/// Where the full app opens a scenario: `index.html#s=<payload>`, beside this page.
fn app_url(payload: &str) -> String {
    let here = window().location().href().unwrap_or_default();
    web_sys::Url::new_with_base(&format!("index.html#s={payload}"), &here)
        .map(|u| u.href())
        .unwrap_or_default()
}

/// Opens the report of `scenario` (its private notes left out) in this tab: the full
/// app's "Report" action. Its own page, so the full app never carries its code.
pub fn open(scenario: &Scenario) {
    let shared = Scenario {
        notes: String::new(),
        ..scenario.clone()
    };
    let _ = window()
        .location()
        .assign(&format!("report.html?from=app#s={}", encode_link(&shared)));
}

/// The report page (`report.html#s=<link>`): a toolbar (not printed) over the document
/// of the scenario the link carries.
#[component]
pub fn ReportPage() -> impl IntoView {
    let hash = window().location().hash().unwrap_or_default();
    let decoded = decode_link(&hash);
    let ctx = Ctx::new(prefs::lang(), decoded.clone().unwrap_or_default());
    follow_language(ctx, ReportMsg::Title);
    Effect::new(move |_| prefs::set_lang(ctx.lang.get()));
    let author = RwSignal::new(prefs::author(MAX_NAME_CHARS));
    Effect::new(move |_| prefs::set_author(&author.get()));
    footer_name(ctx);
    let payload = hash
        .split_once("#s=")
        .map_or(String::new(), |(_, p)| p.to_string());
    // Back where the rep came from (the calculator, with whatever it showed: `open`
    // marks the address with `?from=app`, which no referrer policy can hide), or into the
    // full app with this scenario when the report was opened on its own.
    let back = move |_| {
        let from_app = window().location().search().is_ok_and(|q| q == "?from=app");
        match window().history() {
            Ok(history) if from_app && history.length().unwrap_or(0) > 1 => {
                let _ = history.back();
            }
            _ => {
                let _ = window().location().assign(&app_url(&payload));
            }
        }
    };
    let Ok(_) = decoded else {
        return view! {
            <main class="report-screen">
                <p class="banner error" role="alert" data-testid="report-bad-link">{ctx.tr(AppMsg::LinkBad)}</p>
                <p><a href="index.html">{ctx.tr(ReportMsg::Back)}</a></p>
            </main>
        }
        .into_any();
    };
    view! {
        <main class="report-screen">
            <div class="report-toolbar" data-testid="report-toolbar">
                <button type="button" class="secondary" data-testid="report-back" on:click=back>
                    {ctx.tr(ReportMsg::Back)}
                </button>
                <LangSwitch ctx />
                <div class="field">
                    <label for="report-author">{ctx.tr(ReportMsg::PreparedBy)}</label>
                    <input id="report-author" data-testid="report-author" type="text" maxlength=MAX_NAME_CHARS
                        prop:value=move || author.get()
                        on:input=move |ev| author.set(event_target_value(&ev).chars().take(MAX_NAME_CHARS).collect()) />
                </div>
                <button type="button" data-testid="report-print" on:click=move |_| { let _ = window().print(); }>
                    {ctx.tr(ReportMsg::Print)}
                </button>
                <p class="hint">{ctx.tr(ReportMsg::PrintHint)}</p>
            </div>
            <ReportDocument ctx author=author.into() />
        </main>
    }
    .into_any()
}

/// Keeps the printed footer's text (the `@page` margin box in style/report.css reads
/// `--report-footer`) on the scenario's name, as a CSS string.
fn footer_name(ctx: Ctx) {
    Effect::new(move |_| {
        let name = ctx.scenario.with(|s| {
            [&s.name, &s.company]
                .into_iter()
                .find(|t| !t.trim().is_empty())
                .map_or_else(|| "Retorno".to_string(), |t| format!("Retorno · {t}"))
        });
        // Quotes and backslashes escaped, control characters as spaces.
        let inner: String = name
            .chars()
            .map(|c| if c.is_control() { ' ' } else { c })
            .collect::<String>()
            .replace('\\', "\\\\")
            .replace('"', "\\\"");
        if let Some(root) = document().document_element() {
            let _ = root
                .unchecked_ref::<web_sys::HtmlElement>()
                .style()
                .set_property("--report-footer", &format!("\"{inner}\""));
        }
    });
}

/// The document: two stretches of static HTML (built as text, which costs a fraction of
/// the code reactive views of the same tables would) around the live charts and risk.
#[component]
fn ReportDocument(ctx: Ctx, author: Signal<String>) -> impl IntoView {
    let parts = Memo::new(move |_| {
        let fmt = ctx.fmt.get();
        let scenario = ctx.scenario.get();
        let report = ctx.shown.get()?;
        Some(document_html(ctx, fmt, &scenario, &report, &author.get()))
    });
    let lang = move || ctx.lang.get().code();
    let risk = RiskRun::follow(ctx, 0);
    view! {
        <article class="report" data-testid="report" lang=lang>
            <Show when=move || parts.with(Option::is_none)>
                <p class="banner error">{ctx.tr(AppMsg::ErrOverflow)}</p>
            </Show>
            <div inner_html=move || parts.with(|p| p.as_ref().map(|p| p.0.as_str().to_string()).unwrap_or_default())></div>
            <section class="report-charts">
                <h2>{ctx.tr(ReportMsg::Charts)}</h2>
                <CumulativeChart ctx report=ctx.shown />
                <CostsBenefitsChart ctx report=ctx.shown />
            </section>
            <RiskSection ctx run=risk />
            <div inner_html=move || parts.with(|p| p.as_ref().map(|p| p.1.as_str().to_string()).unwrap_or_default())></div>
        </article>
    }
}

/// The HTML before the charts (cover and summary) and after them (costs and benefits by
/// year, assumptions, method, link back): in the order a finance reader checks a case,
/// each section starting a page only when it would be cut there.
fn document_html(
    ctx: Ctx,
    fmt: Fmt,
    scenario: &Scenario,
    report: &Report,
    author: &str,
) -> (Html, Html) {
    let head = cover(
        fmt,
        scenario,
        author,
        summary(ctx, fmt, &scenario.inputs, report),
    );
    let tail = section(
        "report-flows",
        ReportMsg::Flows.text(fmt.lang),
        flows_table(fmt, report, "report"),
    ) + assumptions(fmt, &scenario.inputs)
        + method(fmt, &scenario.inputs, report)
        + link_back(fmt, scenario);
    (head, tail)
}

/// A section of the report: `class` is also its test id; a heading, then `body`.
fn section(class: &'static str, title: &str, body: Html) -> Html {
    el(
        "section",
        &[("class", class), ("data-testid", class)],
        el("h2", &[], text(title)) + body,
    )
}

/// The cover, with the summary that follows it on the same page. Its heading is the
/// prospect, else the scenario's name, else the report's title; a detail not set is
/// left out rather than shown as a dash.
fn cover(fmt: Fmt, scenario: &Scenario, author: &str, summary: Html) -> Html {
    let lang = fmt.lang;
    let title = ReportMsg::Title.text(lang);
    let (company, name) = (scenario.company.trim(), scenario.name.trim());
    let heading = [company, name].into_iter().find(|s| !s.is_empty());
    let today = fmt.today();
    let details = [
        // The scenario's name, when it is not the heading already.
        (
            AppMsg::Scenario.text(lang),
            if company.is_empty() { "" } else { name },
        ),
        (ReportMsg::Date.text(lang), today.as_str()),
        (ReportMsg::PreparedBy.text(lang), author.trim()),
        (Msg::Currency.text(lang), scenario.currency.code()),
    ];
    let meta: Html = details
        .into_iter()
        .filter(|(_, v)| !v.is_empty())
        .map(|(k, v)| el("dt", &[], text(k)) + el("dd", &[], text(v)))
        .collect();
    let kicker = match heading {
        Some(_) => el("p", &[("class", "report-kicker")], text(title)),
        None => Html::default(),
    };
    el(
        "section",
        &[("class", "report-cover"), ("data-testid", "report-cover")],
        kicker
            + el(
                "h1",
                &[("data-testid", "report-prospect")],
                text(heading.unwrap_or(title)),
            )
            + el("dl", &[("class", "report-meta")], meta)
            + summary,
    )
}

/// The executive summary: the headline figures, where the value comes from, the risk
/// allowances.
fn summary(ctx: Ctx, fmt: Fmt, inputs: &Inputs, report: &Report) -> Html {
    let lang = fmt.lang;
    let mut cards = analyst_card_texts(ctx, report);
    cards[6].sub = gartner_short(fmt, report.gartner);
    let figure = |i: usize, title: Msg, testid: &str| {
        let card = cards.get(i).cloned().unwrap_or_default();
        let p = |class, s: &str| el("p", &[("class", class)], text(s));
        el(
            "div",
            &[
                ("class", &format!("report-figure {}", card.tone)),
                ("data-testid", testid),
            ],
            p("figure-title", title.text(lang))
                + p("figure-value", &card.value)
                + p("figure-sub", &card.sub),
        )
    };
    let top = top_lines(report);
    let value_lines = if top.is_empty() {
        ReportMsg::NoBenefits.text(lang).to_string()
    } else {
        let named: Vec<String> = top
            .iter()
            .map(|(line, share)| {
                format!(
                    "{} ({})",
                    Msg::LineName(*line).text(lang),
                    fmt.percent(share.round_dp(1))
                )
            })
            .collect();
        fill(ReportMsg::TopLines.text(lang), &[&named.join(", ")])
    };
    let risk = fill(
        ReportMsg::Risk.text(lang),
        &[
            &fmt.percent(inputs.risk_haircut_pct),
            &fmt.percent(inputs.adoption_year1_pct),
            &fmt.percent(inputs.adoption_year2_pct),
            &fmt.percent(inputs.adoption_steady_pct),
        ],
    );
    let horizon = fill(
        ReportMsg::Horizon.text(lang),
        &[
            &inputs.horizon().to_string(),
            &fmt.percent(report.discount_rate_pct),
        ],
    );
    section(
        "report-summary",
        ReportMsg::Summary.text(lang),
        el(
            "div",
            &[("class", "report-figures")],
            figure(0, Msg::Roi, "report-roi")
                + figure(1, Msg::Npv, "report-npv")
                + figure(3, Msg::Irr, "report-irr")
                + figure(2, Msg::Payback, "report-payback")
                + figure(6, Msg::Tco, "report-tco"),
        ) + el("p", &[], text(&horizon))
            + el(
                "p",
                &[("data-testid", "report-top-lines")],
                text(&value_lines),
            )
            + el("p", &[], text(&risk)),
    )
}

/// The benefit lines carrying most of the present value of benefits, with their share
/// of it (%), largest first; lines worth nothing are left out.
fn top_lines(report: &Report) -> Vec<(BenefitLine, Decimal)> {
    let (Ok(totals), total) = (report.benefit_line_totals(), report.pv_benefits) else {
        return Vec::new();
    };
    if total <= Decimal::ZERO {
        return Vec::new();
    }
    // Largest first, by insertion (seven lines: no sort routine worth linking).
    let mut lines: Vec<(BenefitLine, Decimal)> = Vec::new();
    for (line, t) in BenefitLine::ALL.into_iter().zip(totals) {
        let share = t
            .present_value
            .checked_div(total)
            .and_then(|s| s.checked_mul(Decimal::ONE_HUNDRED));
        if let Some(share) = share.filter(|s| *s > Decimal::ZERO) {
            let at = lines
                .iter()
                .position(|(_, s)| *s < share)
                .unwrap_or(lines.len());
            lines.insert(at, (line, share));
        }
    }
    lines.truncate(TOP_LINES);
    lines
}

/// Every input with its value and unit, by group (benefit drivers by line), the ones
/// changed from the defaults marked; and which benefit lines count.
fn assumptions(fmt: Fmt, inputs: &Inputs) -> Html {
    let lang = fmt.lang;
    let defaults = Inputs::default();
    // The defaults' column only when some input differs from its default: then in every
    // table, so the columns stand at the same place on every page.
    let any_changed = Field::ALL.iter().any(|f| f.get(inputs) != f.get(&defaults));
    let heads = [
        ReportMsg::Input.text(lang),
        ReportMsg::Value.text(lang),
        ReportMsg::DefaultIfChanged.text(lang),
    ];
    let heads = &heads[..if any_changed { 3 } else { 2 }];
    let shown = |f: Field, v: Decimal| fmt.exact(f.unit(), v);
    let group_table = |caption: &str, group: Group, line: Option<BenefitLine>| {
        let rows = Field::ALL
            .iter()
            .filter(|f| f.group() == group && (line.is_none() || f.line() == line))
            .map(|&f| {
                let (value, default) = (f.get(inputs), f.get(&defaults));
                let changed = value != default;
                let testid = format!("report-input-{}", f.key());
                let was = match (any_changed, changed) {
                    (false, _) => Html::default(),
                    (true, false) => el("td", &[], Html::default()),
                    (true, true) => el("td", &[], text(&shown(f, default))),
                };
                el(
                    "tr",
                    &[
                        ("class", if changed { "changed" } else { "" }),
                        ("data-testid", &testid),
                    ],
                    el("th", &[("scope", "row")], text(Msg::Field(f).text(lang)))
                        + el("td", &[], text(&shown(f, value)))
                        + was,
                )
            })
            .collect();
        table("inputs", caption, heads, rows)
    };
    let plain = |group: Group| group_table(AppMsg::Group(group).text(lang), group, None);
    let lines: Html = BenefitLine::ALL
        .into_iter()
        .map(|line| {
            let on = if inputs.lines.is_on(line) {
                ReportMsg::On
            } else {
                ReportMsg::Off
            };
            let caption = format!("{} — {}", Msg::LineName(line).text(lang), on.text(lang));
            group_table(&caption, Group::Benefits, Some(line))
        })
        .collect();
    section(
        "report-assumptions",
        ReportMsg::Assumptions.text(lang),
        el(
            "p",
            &[("class", "hint")],
            text(match any_changed {
                true => ReportMsg::ChangedNote.text(lang),
                false => ReportMsg::AllDefaults.text(lang),
            }),
        ) + plain(Group::Company)
            + plain(Group::Costs)
            + lines
            + plain(Group::Assumptions),
    )
}

/// The method in words: the formulas with this scenario's rates, each benefit line, the
/// TEI allowances and where the reference figures come from.
fn method(fmt: Fmt, inputs: &Inputs, report: &Report) -> Html {
    let lang = fmt.lang;
    let t = |m: ReportMsg| m.text(lang);
    let band = fill(
        t(ReportMsg::Gartner),
        &[
            &fmt.plain(GARTNER_BAND_USD.0),
            &fmt.plain(GARTNER_BAND_USD.1),
        ],
    );
    let payback = fill(
        t(ReportMsg::PaybackSentence),
        &[
            &payback_text(fmt, report.payback_months),
            &payback_text(fmt, report.discounted_payback_months),
        ],
    );
    let lines: Html = BenefitLine::ALL
        .into_iter()
        .filter(|&l| inputs.lines.is_on(l))
        .map(|l| {
            el(
                "li",
                &[],
                el("b", &[], text(Msg::LineName(l).text(lang)))
                    + text(": ")
                    + text(AppMsg::LineFormula(l).text(lang)),
            )
        })
        .collect();
    let figures = fill(
        t(ReportMsg::MethodFigures),
        &[&fmt.percent(report.discount_rate_pct)],
    );
    let p = |s: &str| el("p", &[], text(s));
    section(
        "report-method",
        t(ReportMsg::Method),
        p(&figures)
            + p(&payback)
            + p(t(ReportMsg::MethodCosts))
            + el("ul", &[], lines)
            + p(t(ReportMsg::MethodTei))
            + p(&band),
    )
}

/// A link too long for a QR code, as printed: its start and end around an ellipsis (the
/// whole link stays in the PDF as the target of the printed text).
fn shortened(url: &str) -> String {
    match (url.get(..64), url.get(url.len().saturating_sub(12)..)) {
        (Some(start), Some(end)) => format!("{start}…{end}"),
        _ => url.to_string(),
    }
}

/// The scenario's link into the full app (the link this page was opened with, which
/// [`open`] made without the private notes) and its QR code.
fn link_back(fmt: Fmt, scenario: &Scenario) -> Html {
    let lang = fmt.lang;
    let url = app_url(&encode_link(scenario));
    let code = qr_svg(&url);
    let printed = match code {
        Some(_) => url.clone(),
        None => shortened(&url),
    };
    let (qr, no_qr) = match code {
        Some(qr) => {
            let side = qr.side.to_string();
            let view_box = format!("0 0 {side} {side}");
            let svg = el(
                "svg",
                &[
                    ("class", "report-qr"),
                    ("data-testid", "report-qr"),
                    ("viewBox", &view_box),
                    ("role", "img"),
                    ("aria-label", ReportMsg::Qr.text(lang)),
                ],
                void(
                    "rect",
                    &[("width", &side), ("height", &side), ("fill", "#fff")],
                ) + void("path", &[("d", &qr.path), ("fill", "#000")]),
            );
            (svg, Html::default())
        }
        None => (
            Html::default(),
            el("p", &[("class", "hint")], text(ReportMsg::NoQr.text(lang))),
        ),
    };
    section(
        "report-link",
        ReportMsg::LinkTitle.text(lang),
        el(
            "div",
            &[("class", "report-link-body")],
            qr + el(
                "div",
                &[],
                el("p", &[], text(ReportMsg::LinkHint.text(lang)))
                    + el(
                        "p",
                        &[],
                        el(
                            "a",
                            &[
                                ("class", "report-url"),
                                ("data-testid", "report-url"),
                                ("href", &url),
                            ],
                            text(&printed),
                        ),
                    )
                    + no_qr,
            ),
        ),
    )
}
