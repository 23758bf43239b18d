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
use super::results::{Cards, VISITOR_CARDS};
use super::storage::local_storage_works;
use super::widgets::{follow_language, CurrencySelect, LangSwitch};
use super::Ctx;
use crate::engine::model::{BenefitLine, CostLine, Field, Inputs, Report};
use crate::i18n::{fill, Lang, Msg, Text};
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

/// Posts each settled result to `origin` (a quarter of a second after the last change,
/// so a slider's drag sends one event, not hundreds).
fn post_results(ctx: Ctx, origin: String, link: Memo<String>) {
    let pending = StoredValue::new(None::<TimeoutHandle>);
    Effect::new(move |_| {
        let Some(report) = ctx.shown.get() else {
            return;
        };
        let origin = origin.clone();
        if let Some(handle) = pending.get_value() {
            handle.clear();
        }
        let handle = set_timeout_with_handle(
            move || {
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
            },
            std::time::Duration::from_millis(250),
        );
        pending.set_value(handle.ok());
    });
}

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
    let ctx = Ctx::new(
        options.lang.unwrap_or_else(browser_lang),
        starting_scenario(&options, &search, stored),
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
                <section class="embed-cards" aria-label=ctx.tr(Msg::Results)>
                    <Cards ctx report=ctx.shown which=&VISITOR_CARDS />
                </section>
                <section class="panel sliders" aria-label=ctx.tr(Msg::Inputs)>{sliders}</section>
                <section class="embed-more">
                    <CumulativeChart ctx report=ctx.shown />
                    <Counted ctx />
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

/// What the estimate counts besides the visitor's figures: every cost and benefit line
/// over the horizon, so no figure comes from an assumption the visitor cannot see.
#[component]
fn Counted(ctx: Ctx) -> impl IntoView {
    let body = move || {
        let r = ctx.shown.get()?;
        let fmt = ctx.fmt.get();
        let lang = fmt.lang;
        let total = |pick: &dyn Fn(&crate::engine::model::YearRow) -> Decimal| {
            r.years.iter().fold(Decimal::ZERO, |sum, y| {
                sum.checked_add(pick(y)).unwrap_or(sum)
            })
        };
        let costs = CostLine::ALL
            .iter()
            .enumerate()
            .map(|(i, &line)| {
                let v = total(&|y| y.cost_lines.get(i).copied().unwrap_or_default());
                view! { <li>{Msg::Cost(line).text(lang)} ": " {fmt.money(v)}</li> }
            })
            .collect_view();
        let benefits = BenefitLine::ALL
            .iter()
            .enumerate()
            .map(|(i, &line)| {
                let v = total(&|y| y.benefit_lines.get(i).copied().unwrap_or_default());
                view! { <li>{Msg::LineName(line).text(lang)} ": " {fmt.money(v)}</li> }
            })
            .collect_view();
        let years = (r.years.len().saturating_sub(1)).to_string();
        Some(view! {
            <p>{fill(Msg::CountedHint.text(lang), &[&years])}</p>
            <div class="counted">
                <div><h3>{Msg::CostsBy.text(lang)}</h3><ul>{costs}</ul></div>
                <div><h3>{Msg::BenefitsBy.text(lang)}</h3><ul>{benefits}</ul></div>
            </div>
        })
    };
    view! {
        <details class="panel counted-panel" data-testid="counted">
            <summary>{ctx.tr(Msg::Counted)}</summary>
            {body}
        </details>
    }
}
