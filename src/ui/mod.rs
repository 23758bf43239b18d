//! The browser UI: thin Leptos components over the engine.
//!
//! Three front doors share the pieces here: the full app (`app::App`, `index.html`, with the `app` feature),
//! the visitor's calculator ([`embed::Embed`], `embed.html`) and the leave-behind report
//! ([`report::ReportPage`], `report.html`). Each door holds one [`Ctx`]:
//! the single source of truth (the scenario and the language) and the memos every figure
//! shown derives from. What only the full app needs (storage, the library of scenarios,
//! the measurement screen) hangs off `workspace::Workspace`, so the light door never links it.
//!
//! - shared: [`format`](mod@format) (numbers through `Intl`), `number` (the number field), `fields`
//!   (labelled fields and sliders), `results` (headline cards and their math), `charts`,
//!   `breakdown` (tables written as HTML text: costs and benefits by line and year);
//! - full app: `app` (the shell), `session` and `storage` (keeping the user's work),
//!   `scenarios`, `site` ("put it on your website"), `measure` (the measurement screen),
//!   `present` (presentation mode); `risk` (risk ranges, also in the report);
//! - visitor's calculator: `embed`;
//! - the report: [`report`](mod@report), opened from the full app with a share link.

// Without the `app` feature (the other doors and the workers) the full app's screens are
// compiled but unused; dead code is checked in the app's build (scripts/test.sh).
#![cfg_attr(not(feature = "app"), allow(dead_code))]

mod ab_results;
mod abtest;
#[cfg(feature = "app")]
pub mod app;
mod breakdown;
mod charts;
mod comparison;
mod customers;
pub mod embed;
mod fields;
#[cfg(feature = "app")]
mod lazy;
mod lines;
mod measure;
mod number;
mod prefs;
mod present;
pub mod report;
mod results;
mod rfm;
mod risk;
#[cfg(feature = "app")]
mod route;
mod scenarios;
mod session;
mod site;
mod storage;
mod widgets;
mod worker;
mod workspace;

use crate::engine::model::{evaluate, Inputs, ModelError, Report};
pub use crate::i18n::format;
use crate::i18n::{Lang, Text};
use crate::scenario::Scenario;
use format::Fmt;
use leptos::prelude::*;

/// The state one front door shares with its components: copied freely (signals are
/// `Copy`).
#[derive(Clone, Copy)]
pub struct Ctx {
    /// The scenario being edited: the one source of truth.
    pub scenario: RwSignal<Scenario>,
    /// Display language.
    pub lang: RwSignal<Lang>,
    /// Bumped whenever the scenario is changed from outside its fields (a reset, a
    /// scenario opened, an example loaded, an undo), so fields drop whatever half-typed
    /// text they hold. See [`Ctx::rewrite`].
    pub epoch: RwSignal<u32>,
    /// Language and currency, for formatting; changes only when either changes.
    pub fmt: Memo<Fmt>,
    /// The model's inputs: changes only when an input does (not when the name or the
    /// notes are typed), so the engine runs once per real change. The scenario's own,
    /// except in the visitor's calculator ([`Ctx::with_model`]).
    pub inputs: Memo<Inputs>,
    /// The engine's report for the current inputs.
    pub report: Memo<Result<Report, ModelError>>,
    /// The report, or the last one that could be computed: an overflow keeps the old
    /// figures on screen, with a message, rather than blanking them.
    pub shown: Memo<Option<Report>>,
}

impl Ctx {
    /// A context holding `scenario`, shown in `lang`.
    pub fn new(lang: Lang, scenario: Scenario) -> Self {
        Self::with_model(lang, scenario, Inputs::clone)
    }

    /// A context whose model runs on `model(&scenario.inputs)` rather than on the
    /// scenario's inputs as they are: the visitor's calculator leaves out what the
    /// visitor cannot see ([`crate::engine::visitor`]).
    pub fn with_model(
        lang: Lang,
        scenario: Scenario,
        model: impl Fn(&Inputs) -> Inputs + Send + Sync + 'static,
    ) -> Self {
        let lang = RwSignal::new(lang);
        let scenario = RwSignal::new(scenario);
        let currency = Memo::new(move |_| scenario.with(|s| s.currency));
        let fmt = Memo::new(move |_| Fmt {
            lang: lang.get(),
            currency: currency.get(),
        });
        let inputs = Memo::new(move |_| scenario.with(|s| model(&s.inputs)));
        let report = Memo::new(move |_| inputs.with(evaluate));
        let shown = Memo::new(
            move |previous: Option<&Option<Report>>| match report.get() {
                Ok(r) => Some(r),
                Err(_) => previous.cloned().flatten(),
            },
        );
        Ctx {
            scenario,
            lang,
            epoch: RwSignal::new(0),
            fmt,
            inputs,
            report,
            shown,
        }
    }

    /// Changes the scenario from outside its fields (load an example, clear, undo, feed
    /// measured values, reorder rows): the one way to do so, so every field shows the
    /// new values instead of what was being typed.
    pub fn rewrite(self, change: impl FnOnce(&mut Scenario)) {
        self.scenario.update(change);
        self.epoch.update(|e| *e = e.wrapping_add(1));
    }

    /// Replaces the scenario as a whole ([`Ctx::rewrite`]).
    pub fn replace(self, with: Scenario) {
        self.rewrite(|s| *s = with);
    }

    /// `msg` in the current language (reactive).
    pub fn t(self, msg: impl Text) -> &'static str {
        msg.text(self.lang.get())
    }

    /// `msg` as a reactive text for a view. Every call returns the same closure type, so
    /// the many translated texts of the page share one compiled render path (a closure
    /// written inline at each place would be compiled anew for each).
    pub fn tr<M: Text>(self, msg: M) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
        move || msg.text(self.lang.get())
    }

    /// `msg` in the current language, outside reactive tracking (event handlers).
    pub fn t_untracked(self, msg: impl Text) -> &'static str {
        msg.text(self.lang.get_untracked())
    }
}
