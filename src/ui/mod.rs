//! The browser UI: thin Leptos components over the engine.
//!
//! One [`Ctx`] holds the single source of truth (the scenario and the language); every
//! figure shown derives from it through memos over the engine.

mod charts;
mod fields;
pub mod format;
mod measure;
mod number;
mod prefs;
mod results;
mod scenarios;
mod session;
mod storage;

use crate::engine::model::{evaluate, Inputs, ModelError, Report};
use crate::i18n::{Lang, Msg};
use crate::scenario::{Currency, Scenario};
use format::Fmt;
use leptos::prelude::*;
use session::Session;

/// The app's screens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Screen {
    /// The ROI calculator.
    Calculator,
    /// KPIs before and after, campaigns, CLV.
    Measure,
    /// Saved scenarios, comparison, export and import.
    Scenarios,
}

/// The app's shared state: copied freely into components (signals are `Copy`).
#[derive(Clone, Copy)]
pub struct Ctx {
    /// Storage, the library of named scenarios, and notices.
    pub session: Session,
    /// The screen on show.
    pub screen: RwSignal<Screen>,
    /// The scenario being edited: the one source of truth.
    pub scenario: RwSignal<Scenario>,
    /// Display language.
    pub lang: RwSignal<Lang>,
    /// Language and currency, for formatting; changes only when either changes.
    pub fmt: Memo<Fmt>,
    /// The model's inputs: changes only when an input does (not when the name or the
    /// notes are typed), so the engine runs once per real change.
    pub inputs: Memo<Inputs>,
    /// The engine's report for the current inputs.
    pub report: Memo<Result<Report, ModelError>>,
    /// The report, or the last one that could be computed: an overflow keeps the old
    /// figures on screen, with a message, rather than blanking them.
    pub shown: Memo<Option<Report>>,
}

impl Ctx {
    fn new() -> Self {
        let lang = RwSignal::new(prefs::lang());
        let scenario = RwSignal::new(Scenario::default());
        let session = Session::start(scenario);
        let currency = Memo::new(move |_| scenario.with(|s| s.currency));
        let fmt = Memo::new(move |_| Fmt {
            lang: lang.get(),
            currency: currency.get(),
        });
        let inputs = Memo::new(move |_| scenario.with(|s| s.inputs.clone()));
        let report = Memo::new(move |_| inputs.with(evaluate));
        let shown = Memo::new(
            move |previous: Option<&Option<Report>>| match report.get() {
                Ok(r) => Some(r),
                Err(_) => previous.cloned().flatten(),
            },
        );
        Ctx {
            session,
            screen: RwSignal::new(Screen::Calculator),
            scenario,
            lang,
            fmt,
            inputs,
            report,
            shown,
        }
    }

    /// `msg` in the current language (reactive).
    pub fn t(self, msg: Msg) -> &'static str {
        msg.text(self.lang.get())
    }

    /// `msg` as a reactive text for a view. Every call returns the same closure type, so
    /// the many translated texts of the page share one compiled render path (a closure
    /// written inline at each place would be compiled anew for each).
    pub fn tr(self, msg: Msg) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
        move || msg.text(self.lang.get())
    }

    /// `msg` in the current language, outside reactive tracking (event handlers).
    pub fn t_untracked(self, msg: Msg) -> &'static str {
        msg.text(self.lang.get_untracked())
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

    view! {
        <a class="skip" href="#results">{ctx.tr(Msg::SkipToResults)}</a>
        <header class="topbar">
            <div class="brand">
                <svg class="logo" viewBox="0 0 64 64" aria-hidden="true">
                    <rect width="64" height="64" rx="14" />
                    <path d="M14 44l12-12 9 8 15-18M42 22h8v8" />
                </svg>
                <div>
                    <p class="name">"Retorno"</p>
                    <p class="tagline">{ctx.tr(Msg::AppTagline)}</p>
                </div>
            </div>
            <nav class="tabs" aria-label=ctx.tr(Msg::NavLabel)>
                {tab(ctx, Screen::Calculator, Msg::NavCalculator, "nav-calculator")}
                {tab(ctx, Screen::Measure, Msg::NavMeasure, "nav-measure")}
                {tab(ctx, Screen::Scenarios, Msg::NavScenarios, "nav-scenarios")}
            </nav>
            <div class="settings">
                <LangSwitch ctx />
                <CurrencySelect ctx />
            </div>
        </header>
        <scenarios::Notes ctx />
        {move || match ctx.screen.get() {
            Screen::Calculator => view! {
                <main class="calc">
                    <results::SummaryStrip ctx />
                    <div class="left">
                        <scenarios::ScenarioBar ctx />
                        <fields::WhatIf ctx />
                    </div>
                    <results::Results ctx />
                    <fields::InputsPanel ctx />
                </main>
            }
            .into_any(),
            Screen::Measure => view! { <measure::MeasureScreen ctx /> }.into_any(),
            Screen::Scenarios => view! { <main class="library-screen"><scenarios::Library ctx /></main> }.into_any(),
        }}
        <footer class="foot">
            <p>{ctx.tr(Msg::Privacy)}</p>
            <p>{ctx.tr(Msg::Sources)}</p>
        </footer>
    }
}

fn tab(ctx: Ctx, screen: Screen, label: Msg, testid: &'static str) -> impl IntoView {
    view! {
        <button
            type="button"
            data-testid=testid
            aria-current=move || (ctx.screen.get() == screen).then_some("page")
            on:click=move |_| ctx.screen.set(screen)
        >
            {move || ctx.t(label)}
        </button>
    }
}

#[component]
fn LangSwitch(ctx: Ctx) -> impl IntoView {
    // The visible code comes first in the accessible name (WCAG 2.5.3, label in name).
    let button = move |lang: Lang, code: &'static str, name: &'static str| {
        view! {
            <button
                type="button"
                lang=lang.code()
                aria-pressed=move || (ctx.lang.get() == lang).to_string()
                on:click=move |_| ctx.lang.set(lang)
            >
                {code}
                <span class="sr-only">" " {name}</span>
            </button>
        }
    };
    view! {
        <div class="lang" role="group" aria-label=ctx.tr(Msg::Language)>
            {button(Lang::Es, "ES", "Español")}
            {button(Lang::En, "EN", "English")}
        </div>
    }
}

#[component]
fn CurrencySelect(ctx: Ctx) -> impl IntoView {
    view! {
        <label class="currency">
            <span>{ctx.tr(Msg::Currency)}</span>
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
