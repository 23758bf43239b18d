//! The full app (`index.html`): the calculator, the measurement screen and the library
//! of scenarios, with autosave, share links and tabs kept in step.

use super::rfm::Customers;
use super::risk::{RiskRun, SETTLE_MS};
use super::session::Session;
use super::widgets::{follow_language, CurrencySelect, LangSwitch};
use super::workspace::{Screen, Workspace};
use super::{fields, lazy, prefs, results, route, scenarios, Ctx};
use crate::i18n::{AppMsg, Msg};
use crate::scenario::Scenario;
use leptos::prelude::*;

/// The whole app.
#[component]
pub fn App() -> impl IntoView {
    let ctx = Ctx::new(prefs::lang(), Scenario::default());
    let ws = Workspace {
        ctx,
        session: Session::start(ctx),
        screen: RwSignal::new(route::current()),
        risk: RiskRun::follow(ctx, SETTLE_MS),
        customers: Customers::new(),
        lifted: RwSignal::new(None),
    };
    route::follow(ws.screen);
    follow_language(ctx, AppMsg::PageTitle);
    Effect::new(move |_| prefs::set_lang(ctx.lang.get()));

    // Presentation mode replaces the whole page; the other screens share the shell,
    // which stays in place (and keeps the focus) as the tabs change.
    let presenting = Memo::new(move |_| ws.screen.get() == Screen::Present);
    move || {
        if presenting.get() {
            lazy::present(ws)
        } else {
            view! { <Shell ws /> }.into_any()
        }
    }
}

/// The usual screens: the top bar with the tabs, the screen on show, the footer. A
/// component of its own, so its view is built once, not inlined into the page switch.
#[component]
fn Shell(ws: Workspace) -> impl IntoView {
    let ctx = ws.ctx;
    view! {
        <a class="skip" href="#results">{ctx.tr(AppMsg::SkipToResults)}</a>
        <header class="topbar">
            <div class="brand">
                <svg class="logo" viewBox="0 0 64 64" aria-hidden="true">
                    <rect width="64" height="64" rx="14" />
                    <path d="M14 44l12-12 9 8 15-18M42 22h8v8" />
                </svg>
                <div>
                    <p class="name">"Retorno"</p>
                    <p class="tagline">{ctx.tr(AppMsg::AppTagline)}</p>
                </div>
            </div>
            <nav class="tabs" aria-label=ctx.tr(AppMsg::NavLabel)>
                {tab(ws, Screen::Calculator, AppMsg::NavCalculator, "nav-calculator")}
                {tab(ws, Screen::Measure, AppMsg::NavMeasure, "nav-measure")}
                {tab(ws, Screen::Scenarios, AppMsg::NavScenarios, "nav-scenarios")}
                {tab(ws, Screen::Customers, AppMsg::NavCustomers, "nav-customers")}
                {tab(ws, Screen::AbTests, AppMsg::NavAbTests, "nav-abtests")}
            </nav>
            <div class="settings">
                <LangSwitch ctx />
                <CurrencySelect ctx />
            </div>
        </header>
        <scenarios::Notes ws />
        {move || match ws.screen.get() {
            Screen::Measure => lazy::measure(ws),
            Screen::Customers => lazy::customers(ws),
            Screen::AbTests => lazy::ab_tests(ws),
            Screen::Scenarios => lazy::library(ws),
            _ => view! {
                <main class="calc">
                    <results::SummaryStrip ctx />
                    <div class="left">
                        <scenarios::ScenarioBar ws export=lazy::export_current />
                        <fields::WhatIf ctx />
                    </div>
                    <results::Results ctx risk=ws.risk risk_details=lazy::risk_panel />
                    <fields::InputsPanel ctx />
                </main>
            }
            .into_any(),
        }}
        <footer class="foot">
            <p>{ctx.tr(Msg::Privacy)}</p>
            <p>{ctx.tr(AppMsg::Sources)}</p>
        </footer>
    }
}

fn tab(ws: Workspace, screen: Screen, label: AppMsg, testid: &'static str) -> impl IntoView {
    view! {
        <button
            type="button"
            data-testid=testid
            aria-current=move || (ws.screen.get() == screen).then_some("page")
            on:click=move |_| ws.screen.set(screen)
        >
            {ws.ctx.tr(label)}
        </button>
    }
}
