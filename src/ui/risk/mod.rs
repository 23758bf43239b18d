//! Risk ranges on screen (issue 15): the Monte Carlo simulation of the scenario's ranges
//! and what shows its figures wherever the headline figures are (calculator,
//! presentation, comparison, report).
//!
//! The simulation runs in the background worker ([`crate::worker`]), so neither this
//! bundle nor the page's thread carries it: it reruns when the inputs or ranges settle
//! ([`SETTLE_MS`] after the last change), a new run cancels the old one, and the last
//! figures stay on screen, marked as updating, until the new ones are ready.

mod charts;
mod client;
pub mod panel;
mod ranges;

pub use panel::RiskPanel;
use panel::{Figures, METHOD};

use super::format::Fmt;
use super::Ctx;
use crate::engine::model::Field;
use crate::engine::risk::{check, RangeError, RangeProblem, RiskError, Summary};
use crate::i18n::{fill, Msg, RiskMsg, RiskPanelMsg, Text};
use crate::scenario::codec::encode_simulation_link;
use crate::scenario::Scenario;
use crate::worker::protocol::{Reply, Request};
use leptos::prelude::*;
use leptos::task::spawn_local;
use rust_decimal::Decimal;

/// How long the inputs must stay still before the simulation reruns, in milliseconds.
pub const SETTLE_MS: i32 = 300;

/// What one simulation needs: the same job always gives the same figures.
#[derive(Debug, Clone, PartialEq)]
pub struct Job {
    /// The scenario's inputs and ranges for the worker
    /// ([`encode_simulation_link`]).
    link: String,
    /// Its trials, or why it cannot run (checked here, so the page can say which range
    /// is wrong).
    trials: Result<usize, RiskError>,
}

impl Job {
    /// The simulation of `scenario`, when its ranges are on.
    pub fn of(scenario: &Scenario) -> Option<Job> {
        let risk = &scenario.risk;
        risk.on.then(|| {
            let settings = risk.settings();
            let ranges = risk.ranges(&scenario.inputs);
            Job {
                link: encode_simulation_link(scenario),
                trials: check(&scenario.inputs, &ranges, settings).map(|()| settings.trials),
            }
        })
    }

    /// Sends the job to the worker, once checked here; `on_state` gets every change
    /// (progress, then the figures or why there are none). Returns the request's id.
    fn start(self, on_state: impl Fn(RiskState) + 'static) -> Option<u32> {
        let trials = match self.trials {
            Ok(trials) => trials,
            Err(error) => {
                on_state(RiskState::failed(error));
                return None;
            }
        };
        on_state(RiskState::running(0, trials));
        Some(client::send(
            move |id| Request::Risk {
                id,
                link: self.link,
            },
            move |reply| {
                on_state(match reply {
                    Reply::Progress { done, total, .. } => RiskState::running(done, total),
                    Reply::Risk { summary, .. } => RiskState {
                        summary: Some(summary),
                        ..RiskState::default()
                    },
                    Reply::Failed { .. } => RiskState::failed(RiskError::Overflow),
                })
            },
        ))
    }
}

/// Where a simulation stands.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct RiskState {
    /// The figures of the last finished simulation (kept while the next one runs).
    pub summary: Option<Summary>,
    /// Why the simulation cannot run; the figures are cleared then.
    pub error: Option<RiskError>,
    /// Trials run and asked for, while a simulation runs.
    pub progress: Option<(usize, usize)>,
}

impl RiskState {
    fn running(done: usize, total: usize) -> Self {
        RiskState {
            progress: Some((done, total)),
            ..RiskState::default()
        }
    }

    fn failed(error: RiskError) -> Self {
        RiskState {
            error: Some(error),
            ..RiskState::default()
        }
    }

    /// This state after `next`: progress keeps the last figures on show.
    fn then(&mut self, next: RiskState) {
        if next.progress.is_some() {
            self.progress = next.progress;
            self.error = None;
        } else {
            *self = next;
        }
    }
}

/// A simulation that follows a context's scenario.
#[derive(Clone, Copy)]
pub struct RiskRun {
    /// Where it stands.
    pub state: RwSignal<RiskState>,
}

impl RiskRun {
    /// Simulates `ctx`'s scenario whenever its job changes, `settle_ms` after the change;
    /// a new job cancels the one running.
    pub fn follow(ctx: Ctx, settle_ms: i32) -> RiskRun {
        let state = RwSignal::new(RiskState::default());
        let generation = StoredValue::new(0u32);
        let running = StoredValue::new(None::<u32>);
        let job = Memo::new(move |_| ctx.scenario.with(Job::of));
        Effect::new(move |_| {
            let job = job.get();
            generation.update_value(|g| *g = g.wrapping_add(1));
            let current = generation.get_value();
            if let Some(id) = running.get_value() {
                client::cancel(id);
                running.set_value(None);
            }
            let Some(job) = job else {
                state.set(RiskState::default());
                return;
            };
            // Marked as updating at once; sent once the inputs settle.
            if let Ok(trials) = job.trials {
                state.update(|s| s.then(RiskState::running(0, trials)));
            }
            spawn_local(async move {
                sleep(settle_ms).await;
                if generation.get_value() == current {
                    let id = job.start(move |next| state.update(|s| s.then(next)));
                    running.set_value(id);
                }
            });
        });
        RiskRun { state }
    }
}

/// Waits `ms` milliseconds, letting the browser paint and handle input meanwhile.
pub async fn sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let _ = window().set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms);
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// An `f64` figure for the formatter.
pub fn decimal(value: f64) -> Decimal {
    Decimal::try_from(value).unwrap_or_default().round_dp(2)
}

/// A share of trials, 0–1, as a percentage.
pub fn share(fmt: Fmt, value: f64) -> String {
    fmt.percent(decimal(value * 100.0).round_dp(1))
}

/// Months of a payback quantile, or "never" when it falls on trials that never pay back.
pub fn months(fmt: Fmt, value: Option<f64>) -> String {
    value.map_or_else(
        || Msg::Never.text(fmt.lang).to_string(),
        |m| fmt.months(decimal(m)),
    )
}

/// NPV's P10 to P90, "… – …".
pub fn headline_range(fmt: Fmt, s: &Summary) -> String {
    format!(
        "{} – {}",
        fmt.money(decimal(s.npv.p10)),
        fmt.money(decimal(s.npv.p90))
    )
}

/// The range's headline in one line: "80 % of trials: NPV between … and … · 87 % chance
/// NPV > 0".
pub fn headline(fmt: Fmt, s: &Summary) -> String {
    fill(
        RiskMsg::Headline.text(fmt.lang),
        &[
            &fmt.money(decimal(s.npv.p10)),
            &fmt.money(decimal(s.npv.p90)),
            &share(fmt, s.npv_positive_share),
        ],
    )
}

/// The rule that ties the ranges to the headline, in words
/// ([`Scenario::set_ranges_on`]): the same sentence wherever simulated figures show.
pub fn rule(fmt: Fmt, scenario: &Scenario) -> String {
    fill(
        RiskMsg::Rule.text(fmt.lang),
        &[
            &fmt.percent(scenario.inputs.risk_haircut_pct),
            &fmt.plain(scenario.risk.trials.into()),
        ],
    )
}

/// Why a simulation cannot run, in words.
pub fn error_text(ctx: Ctx, error: &RiskError) -> Vec<String> {
    let fmt = ctx.fmt.get();
    let lang = fmt.lang;
    match error {
        RiskError::Inputs(_) => vec![RiskMsg::ErrInputs.text(lang).to_string()],
        RiskError::Trials => vec![RiskMsg::ErrTrials.text(lang).to_string()],
        RiskError::Overflow => vec![RiskMsg::ErrOverflow.text(lang).to_string()],
        RiskError::Ranges(errors) => errors
            .iter()
            .map(|e| range_error_text(fmt, e, ctx.inputs.with(|i| e.field.get(i)), ctx))
            .collect(),
    }
}

/// One refused range, in words.
fn range_error_text(fmt: Fmt, e: &RangeError, likely: Decimal, ctx: Ctx) -> String {
    let lang = fmt.lang;
    let field: Field = e.field;
    let unit = field.unit();
    let range = ctx.scenario.with(|s| s.risk.range_of(field, likely));
    let (min, max) = field.range();
    let name = Msg::Field(field).text(lang);
    let value = |v| fmt.in_unit(unit, v);
    let (msg, args) = match e.problem {
        RangeProblem::LowAboveLikely => (
            RiskMsg::ErrLowAboveLikely,
            [value(range.low), value(likely)],
        ),
        RangeProblem::LikelyAboveHigh => (
            RiskMsg::ErrLikelyAboveHigh,
            [value(likely), value(range.high)],
        ),
        RangeProblem::BelowMin => (RiskMsg::ErrBelowMin, [value(range.low), value(min)]),
        RangeProblem::AboveMax => (RiskMsg::ErrAboveMax, [value(range.high), value(max)]),
        RangeProblem::Fixed | RangeProblem::Duplicate => {
            (RiskMsg::ErrFixed, [String::new(), String::new()])
        }
    };
    fill(msg.text(lang), &[name, &args[0], &args[1]])
}

/// The range's headline under the headline figures, while ranges are on: the last
/// figures (marked while new ones are computed), or what stops the simulation, and the
/// [`rule`] that relates them to the headline.
#[component]
pub fn RiskLine(ctx: Ctx, run: RiskRun) -> impl IntoView {
    move || {
        if !ctx.scenario.with(|s| s.risk.on) {
            return None;
        }
        let fmt = ctx.fmt.get();
        run.state.with(|st| {
            let text = match (&st.error, &st.summary) {
                (Some(_), _) => ctx.t(RiskPanelMsg::LineError).to_string(),
                (None, Some(s)) => headline(fmt, s),
                (None, None) => ctx.t(RiskMsg::Waiting).to_string(),
            };
            let stale = st.progress.is_some() && st.summary.is_some();
            let rule = ctx.scenario.with(|s| rule(fmt, s));
            Some(view! {
                <p class="risk-line" class:stale=stale data-testid="risk-line">{text}</p>
                <p class="hint risk-rule" data-testid="risk-rule">{rule}</p>
            })
        })
    }
}

/// The simulations of several scenarios (the comparison's), in the background; each
/// job's figures once done (`None` when it cannot run). A new list of jobs cancels the
/// old ones still running; figures already done are kept.
pub fn summaries(jobs: Memo<Vec<Job>>) -> RwSignal<Vec<(Job, Option<Summary>)>> {
    let done = RwSignal::new(Vec::<(Job, Option<Summary>)>::new());
    let running = StoredValue::new(Vec::<u32>::new());
    Effect::new(move |_| {
        let wanted = jobs.get();
        for id in running.get_value() {
            client::cancel(id);
        }
        let ids = wanted
            .into_iter()
            .filter(|job| !done.with_untracked(|d| d.iter().any(|(j, _)| j == job)))
            .filter_map(|job| {
                let key = job.clone();
                job.start(move |state| {
                    if state.progress.is_none() {
                        done.update(|d| d.push((key.clone(), state.summary)));
                    }
                })
            })
            .collect();
        running.set_value(ids);
    });
    done
}

/// The report's section on the ranges: what was simulated, then the figures and charts.
#[component]
pub fn RiskSection(ctx: Ctx, run: RiskRun) -> impl IntoView {
    let intro = move || {
        let fmt = ctx.fmt.get();
        let (drivers, risk) = ctx
            .scenario
            .with(|s| (s.risk.ranges(&s.inputs).len(), s.risk.clone()));
        fill(
            ctx.t(RiskMsg::ReportIntro),
            &[
                &drivers.to_string(),
                &fmt.plain(risk.trials.into()),
                &risk.seed.to_string(),
            ],
        )
    };
    view! {
        <Show when=move || ctx.scenario.with(|s| s.risk.on)>
            <section class="report-risk" data-testid="report-risk">
                <h2>{ctx.tr(RiskMsg::ReportTitle)}</h2>
                <p>{intro}" "{move || ctx.scenario.with(|s| rule(ctx.fmt.get(), s))}</p>
                <Figures ctx run />
                {METHOD.into_iter().map(|m| view! { <p class="hint">{ctx.tr(m)}</p> }).collect_view()}
            </section>
        </Show>
    }
}
