//! The browser UI: thin Leptos components over the engine.
//!
//! One [`Ctx`] holds the single source of truth (the scenario and the language); every
//! figure shown derives from it through memos over the engine.

mod charts;
mod fields;
pub mod format;
mod prefs;
mod results;

use crate::engine::model::{evaluate, ModelError, Report};
use crate::i18n::{Lang, Msg};
use crate::scenario::{Currency, Scenario};
use format::Fmt;
use leptos::prelude::*;

/// The app's shared state: copied freely into components (signals are `Copy`).
#[derive(Clone, Copy)]
pub struct Ctx {
    /// The scenario being edited: the one source of truth.
    pub scenario: RwSignal<Scenario>,
    /// Display language.
    pub lang: RwSignal<Lang>,
    /// Language and currency, for formatting; changes only when either changes.
    pub fmt: Memo<Fmt>,
    /// The engine's report for the current inputs.
    pub report: Memo<Result<Report, ModelError>>,
}

impl Ctx {
    fn new() -> Self {
        let lang = RwSignal::new(prefs::lang());
        let scenario = RwSignal::new(Scenario::new(prefs::currency()));
        let currency = Memo::new(move |_| scenario.with(|s| s.currency));
        let fmt = Memo::new(move |_| Fmt {
            lang: lang.get(),
            currency: currency.get(),
        });
        let report = Memo::new(move |_| scenario.with(|s| evaluate(&s.inputs)));
        Ctx {
            scenario,
            lang,
            fmt,
            report,
        }
    }

    /// `msg` in the current language (reactive).
    pub fn t(self, msg: Msg) -> &'static str {
        msg.text(self.lang.get())
    }
}

/// The whole app.
#[component]
pub fn App() -> impl IntoView {
    let ctx = Ctx::new();
    Effect::new(move |_| {
        let lang = ctx.lang.get();
        prefs::set_lang(lang);
        if let Some(root) = document().document_element() {
            let _ = root.set_attribute("lang", lang.code());
        }
        document().set_title(lang.pick(
            "Retorno · ROI y KPI de tu CRM",
            "Retorno · CRM ROI and KPIs",
        ));
    });
    Effect::new(move |_| prefs::set_currency(ctx.fmt.get().currency));

    view! {
        <a class="skip" href="#results">{move || ctx.t(Msg::SkipToResults)}</a>
        <header class="topbar">
            <div class="brand">
                <svg class="logo" viewBox="0 0 64 64" aria-hidden="true">
                    <rect width="64" height="64" rx="14" />
                    <path d="M14 44l12-12 9 8 15-18M42 22h8v8" />
                </svg>
                <div>
                    <p class="name">"Retorno"</p>
                    <p class="tagline">{move || ctx.t(Msg::AppTagline)}</p>
                </div>
            </div>
            <div class="settings">
                <LangSwitch ctx />
                <CurrencySelect ctx />
            </div>
        </header>
        <main class="calc">
            <results::SummaryStrip ctx />
            <fields::WhatIf ctx />
            <results::Results ctx />
            <fields::InputsPanel ctx />
        </main>
        <footer class="foot">
            <p>{move || ctx.t(Msg::Privacy)}</p>
            <p>{move || ctx.t(Msg::Sources)}</p>
        </footer>
    }
}

#[component]
fn LangSwitch(ctx: Ctx) -> impl IntoView {
    let button = move |lang: Lang, label: &'static str, name: &'static str| {
        view! {
            <button
                type="button"
                lang=lang.code()
                aria-pressed=move || (ctx.lang.get() == lang).to_string()
                aria-label=name
                on:click=move |_| ctx.lang.set(lang)
            >
                {label}
            </button>
        }
    };
    view! {
        <div class="lang" role="group" aria-label=move || ctx.t(Msg::Language)>
            {button(Lang::Es, "ES", "Español")}
            {button(Lang::En, "EN", "English")}
        </div>
    }
}

#[component]
fn CurrencySelect(ctx: Ctx) -> impl IntoView {
    view! {
        <label class="currency">
            <span>{move || ctx.t(Msg::Currency)}</span>
            <select
                data-testid="currency"
                prop:value=move || ctx.fmt.get().currency.code()
                on:change=move |ev| {
                    if let Some(currency) = Currency::from_code(&event_target_value(&ev)) {
                        ctx.scenario.update(|s| s.currency = currency);
                    }
                }
            >
                {Currency::ALL
                    .into_iter()
                    .map(|c| view! { <option value=c.code()>{c.code()}</option> })
                    .collect_view()}
            </select>
        </label>
    }
}
