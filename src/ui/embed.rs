//! The visitor's calculator (`embed.html`): a few sliders, the headline figures with
//! their math, the cumulative cash flow, and a link to the full analysis. Light by
//! design: it links none of the full app's storage, library, measurement or import code.
//!
//! It can live in another site's `<iframe>`. Its options come from its URL
//! ([`crate::scenario::embed`]); it tells the embedding page its height (so the frame
//! never needs an inner scrollbar) and, when the owner opts in, each result, both with
//! `postMessage` to one named origin only. Nothing is sent anywhere else. Storage is
//! optional: when the browser allows it, the visitor's values are kept under their own
//! key ([`SAVED_KEY`]), never the full app's.

use super::charts::CumulativeChart;
use super::fields::SliderField;
use super::format::Fmt;
use super::results::{payback_text, Cards, SummaryStrip, VISITOR_CARDS};
use super::storage::local_storage_works;
use super::widgets::{follow_language, CurrencySelect, LangSwitch};
use super::Ctx;
use crate::engine::model::{BenefitLine, CostLine, Field, Inputs, Report};
use crate::engine::visitor::{Basis, Known};
use crate::html::Html;
use crate::i18n::{fill, Lang, Msg, Text, VisitorMsg};
use crate::scenario::codec::encode_inputs_link;
use crate::scenario::embed::{cta_href, parse_options, CtaResult, EmbedOptions, Theme};
use crate::scenario::Scenario;
use crate::units::Currency;
use gloo_storage::{LocalStorage, Storage};
use leptos::prelude::*;
use rust_decimal::Decimal;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// Where the visitor's values are kept, apart from the full app's keys: one text value,
/// the frame's options on the first line and the visitor's values after it, written as
/// options too (`currency=EUR&v.seats=40&…`), so they are read back, and checked, by the
/// same [`parse_options`]. They are used only by a frame with the same options (an
/// owner's presets are never overridden by a visit to a differently set-up frame).
pub const SAVED_KEY: &str = "retorno.embed";

/// The page's query string (`?lang=en&…`), as given.
fn search() -> String {
    window().location().search().unwrap_or_default()
}

/// The decoded pairs of a query string, in order.
fn pairs_of(query: &str) -> Vec<(String, String)> {
    web_sys::UrlSearchParams::new_with_str(query)
        .ok()
        .and_then(|p| js_sys::try_iter(&p).ok().flatten())
        .into_iter()
        .flatten()
        .filter_map(|entry| {
            let pair: js_sys::Array = entry.ok()?.dyn_into().ok()?;
            Some((pair.get(0).as_string()?, pair.get(1).as_string()?))
        })
        .collect()
}

/// The options of this frame's URL, and the keys of those left out.
fn read_options(search: &str) -> (EmbedOptions, Vec<String>) {
    let (options, problems) = parse_options(pairs_of(search));
    let keys: Vec<String> = problems.iter().map(|p| p.key().to_string()).collect();
    for key in &keys {
        web_sys::console::warn_1(&format!("Retorno: option \"{key}\" ignored").into());
    }
    (options, keys)
}

/// The scenario to start from: the saved one for these options, else the presets.
/// `stored` says whether storage can be read ([`local_storage_works`]).
fn starting_scenario(options: &EmbedOptions, search: &str, stored: bool) -> Scenario {
    let mut s = Scenario::new(options.currency.unwrap_or_default());
    for (field, value) in &options.presets {
        field.set(&mut s.inputs, *value);
    }
    let saved: Option<String> = stored
        .then(|| LocalStorage::raw().get_item(SAVED_KEY).ok().flatten())
        .flatten();
    let values = saved.as_deref().and_then(|text| {
        let (options, values) = text.split_once('\n')?;
        (options == search).then_some(values)
    });
    if let Some(values) = values {
        // Stored data is untrusted too: the same checks as the URL's.
        let (saved, _) = parse_options(pairs_of(values));
        for (field, value) in saved.presets {
            field.set(&mut s.inputs, value);
        }
        s.currency = saved.currency.unwrap_or(s.currency);
    }
    s
}

/// Whether the frame is the full app's own preview ("put it on your website"): its
/// parent is of this origin, which a third-party page never is.
fn in_own_preview() -> bool {
    in_frame()
        && window()
            .parent()
            .ok()
            .flatten()
            .and_then(|p| p.location().origin().ok())
            .is_some_and(|origin| Some(origin) == window().location().origin().ok())
}

/// Keeps the visitor's values for the next visit (only called when storage works and
/// the frame is not the full app's preview, which is the owner trying options).
fn save(options: &str, currency: Currency, inputs: &Inputs, shown: &[Field]) {
    let mut values = format!("{options}\ncurrency={}", currency.code());
    for field in shown {
        values.push_str(&format!(
            "&v.{}={}",
            field.key(),
            field.get(inputs).normalize()
        ));
    }
    // A full storage only means the values are not remembered.
    let _ = LocalStorage::raw().set_item(SAVED_KEY, &values);
}

/// The browser's language.
fn browser_lang() -> Lang {
    Lang::from_browser(&window().navigator().language().unwrap_or_default())
}

/// The origin the frame talks to: the one the owner named, else the embedding page's
/// (from the referrer), else none (not in a frame, or a referrer-less page).
fn parent_origin(options: &EmbedOptions) -> Option<String> {
    if !in_frame() {
        return None;
    }
    options.host.clone().or_else(|| {
        let referrer = document().referrer();
        web_sys::Url::new(&referrer)
            .ok()
            .map(|u| u.origin())
            .filter(|o| o.starts_with("http"))
    })
}

fn in_frame() -> bool {
    window()
        .parent()
        .ok()
        .flatten()
        .is_some_and(|parent| !js_sys::Object::is(&parent, &window()))
}

/// Posts `fields` as an object to the parent window, to `origin` only.
fn post(origin: &str, fields: &[(&str, JsValue)]) {
    let message = js_sys::Object::new();
    for (key, value) in fields {
        let _ = js_sys::Reflect::set(&message, &(*key).into(), value);
    }
    if let Ok(Some(parent)) = window().parent() {
        let _ = parent.post_message(&message, origin);
    }
}

/// Tells the parent the page's height whenever it changes. The body's, not the root's:
/// the root is at least as tall as the frame, so it would never report a shrink.
fn post_height(origin: String) {
    let last = StoredValue::new(0);
    let send = move || {
        let height = document().body().map_or(0, |b| b.scroll_height());
        if height != last.get_value() {
            last.set_value(height);
            post(
                &origin,
                &[("type", "retorno:resize".into()), ("height", height.into())],
            );
        }
    };
    send();
    let callback = Closure::<dyn FnMut()>::new(send);
    if let (Ok(observer), Some(body)) = (
        web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()),
        document().body(),
    ) {
        observer.observe(&body);
        // Both live as long as the page.
        std::mem::forget(observer);
    }
    callback.forget();
}

/// The full analysis: the full app with these inputs in a share link, as an absolute URL
/// next to this page.
fn full_analysis_url(currency: Currency, inputs: &Inputs) -> String {
    let relative = format!("index.html#s={}", encode_inputs_link(currency, inputs));
    let here = window().location().href().unwrap_or_default();
    web_sys::Url::new_with_base(&relative, &here)
        .map(|u| u.href())
        .unwrap_or(relative)
}

/// What the call-to-action and the result events carry; `link` is the full analysis.
fn result_of(r: &Report, currency: Currency, link: String) -> CtaResult {
    CtaResult {
        roi_pct: r.roi_pct,
        npv: r.npv,
        payback_months: r.payback_months,
        currency,
        link,
    }
}

fn number(v: Option<Decimal>, dp: u32) -> JsValue {
    v.map_or(JsValue::NULL, |v| {
        JsValue::from_f64(crate::engine::money::to_f64(v.round_dp(dp)))
    })
}

/// Calls `then` with each settled report, `delay_ms` after the last change, so a
/// slider's drag gives one call, not hundreds; with `from_start` also for the report the
/// page opens with. One boxed callback type, so its users share one compiled effect.
fn when_settled(ctx: Ctx, delay_ms: u64, from_start: bool, then: Box<dyn Fn(Report)>) {
    let then = std::rc::Rc::new(then);
    let pending = StoredValue::new(None::<TimeoutHandle>);
    Effect::new(move |ran: Option<()>| {
        let report = ctx.shown.get();
        let Some(report) = report.filter(|_| from_start || ran.is_some()) else {
            return;
        };
        if let Some(handle) = pending.get_value() {
            handle.clear();
        }
        let then = then.clone();
        let handle = set_timeout_with_handle(
            move || then(report),
            std::time::Duration::from_millis(delay_ms),
        );
        pending.set_value(handle.ok());
    });
}

/// Posts each settled result to `origin`, a quarter of a second after the last change.
fn post_results(ctx: Ctx, origin: String, link: Memo<String>) {
    when_settled(
        ctx,
        250,
        true,
        Box::new(move |report| {
            let currency = ctx.fmt.get_untracked().currency;
            let r = result_of(&report, currency, link.get_untracked());
            post(
                &origin,
                &[
                    ("type", "retorno:result".into()),
                    ("roi_pct", number(r.roi_pct, 1)),
                    ("npv", number(Some(r.npv), 0)),
                    ("payback_months", number(r.payback_months, 1)),
                    ("currency", r.currency.code().into()),
                    ("link", r.link.into()),
                ],
            );
        }),
    );
}

/// Says the headline figures in words to screen readers a second after the last change
/// (the strip and the cards change with every keystroke, which a live region would read
/// out each time); not on load, when they are on screen with the page.
fn announce_results(ctx: Ctx) {
    when_settled(
        ctx,
        1_000,
        false,
        Box::new(move |r| {
            let fmt = ctx.fmt.get_untracked();
            let text = fill(
                VisitorMsg::Live.text(fmt.lang),
                &[
                    &r.roi_pct
                        .map_or_else(|| Msg::NoRoi.text(fmt.lang).to_string(), |v| fmt.percent(v)),
                    &fmt.money(r.npv),
                    &payback_text(fmt, r.payback_months),
                ],
            );
            if let Some(live) = document().get_element_by_id(LIVE_ID) {
                live.set_text_content(Some(&text));
            }
        }),
    );
}

/// The visitor's polite live region ([`announce_results`]).
const LIVE_ID: &str = "visitor-live";

/// The accent colour and theme the owner chose.
fn apply_look(options: &EmbedOptions) {
    let Some(root) = document()
        .document_element()
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    else {
        return;
    };
    if let Some(accent) = &options.accent {
        // Through the CSSOM, which the page's CSP allows (a style attribute it would not).
        let _ = root.style().set_property("--brand", accent);
        let _ = root.style().set_property("--accent", accent);
    }
    if options.theme == Theme::Dark {
        let _ = root.set_attribute("data-theme", "dark");
    }
}

/// The visitor's calculator.
#[component]
pub fn Embed() -> impl IntoView {
    let search = search();
    let (options, ignored) = read_options(&search);
    // Probed once: every probe is a test write to storage.
    let stored = local_storage_works();
    let preset: Vec<Field> = options.presets.iter().map(|&(field, _)| field).collect();
    let known = Known::new(&options.shown, &preset);
    // The owner's presets the visitor does not see as fields: "What is counted" says them.
    let set_by_site: Vec<Field> = preset
        .into_iter()
        .filter(|f| !options.shown.contains(f))
        .collect();
    let ctx = Ctx::with_model(
        options.lang.unwrap_or_else(browser_lang),
        starting_scenario(&options, &search, stored),
        move |inputs| known.model_inputs(inputs),
    );
    follow_language(ctx, Msg::EmbedTitle);
    apply_look(&options);
    let shown = options.shown.clone();
    if stored && !in_own_preview() {
        let shown = shown.clone();
        Effect::new(move |_| {
            let currency = ctx.fmt.get().currency;
            ctx.inputs
                .with(|inputs| save(&search, currency, inputs, &shown));
        });
    }
    let link = Memo::new(move |_| {
        let currency = ctx.fmt.get().currency;
        ctx.inputs
            .with(|inputs| full_analysis_url(currency, inputs))
    });
    if let Some(origin) = parent_origin(&options) {
        post_height(origin.clone());
        if options.events && options.host.is_some() {
            post_results(ctx, origin, link);
        }
    }
    announce_results(ctx);
    let locked = options.locked.clone();
    let sliders = shown
        .iter()
        .map(|&field| {
            let locked = locked.contains(&field);
            view! { <SliderField ctx field locked /> }
        })
        .collect_view();
    let cta = options.cta.clone().map(|cta| {
        let href = move || {
            ctx.shown
                .get()
                .map(|r| cta_href(&cta.url, &result_of(&r, ctx.fmt.get().currency, link.get())))
                .unwrap_or_else(|| cta.url.clone())
        };
        view! {
            <a class="button cta" data-testid="cta" href=href target="_top" rel="noopener">{cta.text.clone()}</a>
        }
    });
    let ignored = (!ignored.is_empty()).then(|| {
        let keys = ignored.join(", ");
        view! { <p class="banner warn" role="status" data-testid="options-ignored">{move || fill(ctx.t(Msg::OptionsIgnored), &[&keys])}</p> }
    });
    view! {
        <main class="embed">
            <header class="embed-head">
                <h1>{ctx.tr(Msg::EmbedHeading)}</h1>
                <div class="settings">
                    <LangSwitch ctx />
                    <CurrencySelect ctx />
                </div>
            </header>
            <p class="hint">{ctx.tr(Msg::EmbedIntro)}</p>
            {ignored}
            <div class="embed-body">
                <SummaryStrip ctx />
                <p class="sr-only" id=LIVE_ID aria-live="polite" data-testid="live"></p>
                <section class="embed-cards" aria-label=ctx.tr(Msg::Results)>
                    <Cards ctx report=ctx.shown which=&VISITOR_CARDS />
                </section>
                <section class="panel sliders" aria-label=ctx.tr(Msg::Inputs)>{sliders}</section>
                <section class="embed-more">
                    <CumulativeChart ctx report=ctx.shown />
                    <Counted ctx known set_by_site />
                    <div class="actions">
                        <a class="button secondary" data-testid="full-analysis" href=move || link.get() target="_blank" rel="noopener">
                            {ctx.tr(Msg::FullAnalysis)}
                        </a>
                        {cta}
                    </div>
                    <p class="hint">{ctx.tr(Msg::FullAnalysisHint)}</p>
                </section>
            </div>
            <footer class="embed-foot"><p>{ctx.tr(Msg::Privacy)}</p></footer>
        </main>
    }
}

/// One line of "What is counted" and whether it counts: its name and total, with the
/// parts left out; or, for a line that does not count, what it needs.
fn counted_item(name: &str, basis: &Basis, total: Decimal, fmt: Fmt) -> (bool, String) {
    let lang = fmt.lang;
    let list = |fields: &[Field]| {
        fields
            .iter()
            .map(|&f| Msg::Field(f).text(lang))
            .collect::<Vec<_>>()
            .join("; ")
    };
    let (counts, tail) = match basis {
        Basis::Counted => (true, fmt.money(total)),
        Basis::Without(parts) => (
            true,
            format!(
                "{}, {}",
                fmt.money(total),
                fill(VisitorMsg::Without.text(lang), &[&list(parts)])
            ),
        ),
        Basis::Needs(inputs) => (false, fill(VisitorMsg::Needs.text(lang), &[&list(inputs)])),
        Basis::Off => (false, VisitorMsg::SwitchedOff.text(lang).to_string()),
    };
    (counts, format!("{name}: {tail}"))
}

/// The stated assumptions the estimate keeps although the visitor does not see them as
/// fields, each with its value and source ([`crate::engine::visitor::ASSUMPTIONS`]: an
/// assumption not shown or preset is at its default, which its text states).
fn assumptions(known: Known) -> impl Iterator<Item = VisitorMsg> {
    let ramp = [
        Field::AdoptionYear1Pct,
        Field::AdoptionYear2Pct,
        Field::AdoptionSteadyPct,
    ];
    [
        (known.assumed(Field::GrossMarginPct), VisitorMsg::Margin),
        (known.assumed(Field::HorizonYears), VisitorMsg::Horizon),
        (known.assumed(Field::DiscountRatePct), VisitorMsg::Discount),
        // The text states the whole ramp: an owner who presets part of it states it.
        (
            ramp.into_iter().all(|f| known.assumed(f)),
            VisitorMsg::Adoption,
        ),
        (known.assumed(Field::RiskHaircutPct), VisitorMsg::Risk),
    ]
    .into_iter()
    .filter_map(|(stated, msg)| stated.then_some(msg))
}

/// "What is counted", written as HTML text (read-only, redrawn whole): the lines that
/// count with their totals over the horizon, those that do not with what they need,
/// then the assumptions. `entered` are the visitor's inputs, `r` the report of the
/// model's ([`Known::model_inputs`]).
fn counted_html(
    known: Known,
    set_by_site: &[Field],
    entered: &Inputs,
    r: &Report,
    fmt: Fmt,
) -> String {
    let lang = fmt.lang;
    // Costs that count, benefits that count, lines that do not, assumptions, the inputs
    // the site set: each a list.
    let mut lists: [Html; 5] = Default::default();
    let li = |list: &mut Html, text: &str| {
        list.element("li", &[], text);
    };
    let lines = CostLine::ALL
        .iter()
        .map(|&line| (Msg::Cost(line), known.cost_basis(line)))
        .chain(
            BenefitLine::ALL
                .iter()
                .map(|&line| (Msg::LineName(line), known.benefit_basis(line, entered))),
        );
    for (k, (name, basis)) in lines.enumerate() {
        let (benefit, i) = (k >= CostLine::ALL.len(), k % CostLine::ALL.len());
        let total = r.years.iter().fold(Decimal::ZERO, |sum, y| {
            let v = if benefit {
                y.benefit_lines.get(k - CostLine::ALL.len())
            } else {
                y.cost_lines.get(i)
            };
            sum.checked_add(v.copied().unwrap_or_default())
                .unwrap_or(sum)
        });
        let (counts, text) = counted_item(name.text(lang), &basis, total, fmt);
        let list = if !counts { 2 } else { usize::from(benefit) };
        li(&mut lists[list], &text);
    }
    for msg in assumptions(known) {
        li(&mut lists[3], msg.text(lang));
    }
    for &field in set_by_site {
        let value = fmt.in_unit(field.unit(), field.get(entered));
        li(
            &mut lists[4],
            &format!("{}: {value}", Msg::Field(field).text(lang)),
        );
    }
    let sections = [
        (Msg::CostsBy.text(lang), "counted-costs"),
        (Msg::BenefitsBy.text(lang), "counted-benefits"),
        (VisitorMsg::LeftOut.text(lang), "left-out"),
        (VisitorMsg::Assumptions.text(lang), "assumptions"),
        (VisitorMsg::SetBySite.text(lang), "set-by-site"),
    ];
    let mut html = Html::new();
    html.element(
        "p",
        &[],
        &fill(
            Msg::CountedHint.text(lang),
            &[&r.years.len().saturating_sub(1).to_string()],
        ),
    )
    .open("div", &[("class", "counted")]);
    for (k, ((title, id), list)) in sections.iter().zip(&lists).enumerate() {
        // The two lists that count side by side, the others below them when not empty.
        if k == 2 {
            html.close("div");
        }
        if k >= 2 && list.is_empty() {
            continue;
        }
        if k < 2 {
            html.open("div", &[]);
        }
        html.element("h3", &[], title)
            .open("ul", &[("data-testid", id)])
            .html(list)
            .close("ul");
        if k < 2 {
            html.close("div");
        }
    }
    html.into_string()
}

/// How many benefit and cost lines count, in the panel's summary.
fn counted_summary(known: Known, entered: &Inputs, lang: Lang) -> String {
    let costs = CostLine::ALL
        .iter()
        .filter(|&&l| matches!(known.cost_basis(l), Basis::Counted | Basis::Without(_)))
        .count();
    let benefits = BenefitLine::ALL
        .iter()
        .filter(|&&l| known.benefit_basis(l, entered) == Basis::Counted)
        .count();
    fill(
        VisitorMsg::Summary.text(lang),
        &[
            &benefits.to_string(),
            &BenefitLine::COUNT.to_string(),
            &costs.to_string(),
            &CostLine::ALL.len().to_string(),
        ],
    )
}

/// What the estimate counts ([`Known`]: only what the visitor sees or the owner set), so
/// no figure comes from an input the visitor cannot see.
#[component]
fn Counted(ctx: Ctx, known: Known, set_by_site: Vec<Field>) -> impl IntoView {
    let summary = move || {
        ctx.scenario
            .with(|s| counted_summary(known, &s.inputs, ctx.lang.get()))
    };
    let body = move || {
        let fmt = ctx.fmt.get();
        ctx.shown.get().map(|r| {
            ctx.scenario
                .with(|s| counted_html(known, &set_by_site, &s.inputs, &r, fmt))
        })
    };
    view! {
        <details class="panel counted-panel" data-testid="counted">
            <summary>{summary}</summary>
            <div inner_html=body></div>
        </details>
    }
}
