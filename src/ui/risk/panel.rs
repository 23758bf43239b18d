//! The calculator's risk panel: the switch between the TEI haircut and ranges, the
//! simulated figures and charts, the trials and seed, the ranges and the math.

use super::charts::summary_html;
use super::ranges::RangesEditor;
use super::{error_text, RiskRun};
use crate::engine::risk::{DEFAULT_TRIALS, MAX_TRIALS};
use crate::i18n::{fill, Msg, RiskMsg, RiskPanelMsg};
use crate::ui::lines::is_open;
use crate::ui::Ctx;
use leptos::prelude::*;

/// The method in words, in the panel's math and in the report.
pub const METHOD: [RiskMsg; 4] = [
    RiskMsg::MathPert,
    RiskMsg::MathTriangular,
    RiskMsg::MathQuantiles,
    RiskMsg::MathIndependent,
];

/// Trials offered: a quick look, the default, the most.
const TRIAL_CHOICES: [u32; 3] = [1_000, DEFAULT_TRIALS as u32, MAX_TRIALS as u32];

/// The risk panel; `details` shows what it shows while ranges are on ([`details`], which
/// the full app loads as a part of its own the first time ranges are on).
#[component]
pub fn RiskPanel(ctx: Ctx, run: RiskRun, details: fn(Ctx, RiskRun) -> AnyView) -> impl IntoView {
    let on = Memo::new(move |_| ctx.scenario.with(|s| s.risk.on));
    let toggle = move |ev| {
        let checked = event_target_checked(&ev);
        ctx.rewrite(|s| s.set_ranges_on(checked));
    };
    // Only in scenarios an older version saved with the haircut set aside.
    let legacy = move || {
        let cut = ctx.scenario.with(|s| s.risk.haircut_pct);
        (!cut.is_zero()).then(|| {
            let text = fill(
                ctx.t(RiskPanelMsg::LegacyAside),
                &[&ctx.fmt.get().percent(cut)],
            );
            view! { <p class="hint" data-testid="risk-legacy">{text}</p> }
        })
    };
    view! {
        <section class="panel risk" aria-labelledby="risk-title" data-testid="risk">
            <h3 id="risk-title">{ctx.tr(RiskPanelMsg::Title)}</h3>
            <p class="hint">{ctx.tr(RiskPanelMsg::Hint)}</p>
            <label class="check">
                <input type="checkbox" data-testid="risk-on" prop:checked=on on:change=toggle />
                <span>{ctx.tr(RiskPanelMsg::Switch)}</span>
            </label>
            <Show when=move || on.get()>
                {legacy}
                {details(ctx, run)}
            </Show>
        </section>
    }
}

/// What the panel shows while ranges are on.
pub fn details(ctx: Ctx, run: RiskRun) -> impl IntoView {
    view! {
        <Figures ctx run />
        <Controls ctx />
        <Ranges ctx />
        <Math ctx />
    }
}

/// The status, then the figures and charts of the last simulation (as HTML text,
/// [`summary_html`]), framed as provisional while the next one runs.
#[component]
pub fn Figures(ctx: Ctx, run: RiskRun) -> impl IntoView {
    let state = run.state;
    let status = move || {
        let fmt = ctx.fmt.get();
        state.with(|s| match (&s.error, s.progress, &s.summary) {
            (Some(_), _, _) => String::new(),
            (None, Some((done, total)), _) => fill(
                ctx.t(RiskMsg::Running),
                &[&fmt.plain(done.into()), &fmt.plain(total.into())],
            ),
            (None, None, Some(summary)) => {
                let seed = ctx.scenario.with(|s| s.risk.seed);
                fill(
                    ctx.t(RiskMsg::Done),
                    &[&fmt.plain(summary.trials.into()), &seed.to_string()],
                )
            }
            (None, None, None) => ctx.t(RiskMsg::Waiting).to_string(),
        })
    };
    let errors = move || {
        state
            .with(|s| s.error.as_ref().map(|e| error_text(ctx, e)))
            .map(|lines| {
                view! {
                    <div class="banner error" role="alert" data-testid="risk-error">
                        {lines.into_iter().map(|l| view! { <p>{l}</p> }).collect_view()}
                    </div>
                }
            })
    };
    let html = Memo::new(move |_| {
        let fmt = ctx.fmt.get();
        state.with(|s| {
            s.summary
                .as_ref()
                .map(|s| String::from(summary_html(fmt, s)))
                .unwrap_or_default()
        })
    });
    let updating = move || state.with(|s| s.progress.is_some() && s.summary.is_some());
    view! {
        <p class="risk-status" aria-live="polite" data-testid="risk-status">{status}</p>
        {errors}
        <div class="risk-figures" class:stale=updating data-testid="risk-figures" inner_html=move || html.get()></div>
    }
}

/// Trials and seed, and "resimulate".
#[component]
fn Controls(ctx: Ctx) -> impl IntoView {
    let trials = Memo::new(move |_| ctx.scenario.with(|s| s.risk.trials));
    let seed = Memo::new(move |_| ctx.scenario.with(|s| s.risk.seed));
    let choose = move |ev| {
        if let Ok(n) = event_target_value(&ev).parse::<u32>() {
            if TRIAL_CHOICES.contains(&n) {
                ctx.scenario.update(|s| s.risk.trials = n);
            }
        }
    };
    // A new seed in 1..=2³²: short enough to read out and type.
    let resimulate = move |_| {
        let next = (js_sys::Math::random() * 4_294_967_296.0) as u64 + 1;
        ctx.scenario.update(|s| s.risk.seed = next);
    };
    view! {
        <div class="risk-controls">
            <label class="inline">
                <span>{ctx.tr(RiskPanelMsg::Trials)}</span>
                <select data-testid="risk-trials" prop:value=move || trials.get().to_string() on:change=choose>
                    {move || {
                        let fmt = ctx.fmt.get();
                        TRIAL_CHOICES
                            .iter()
                            .map(|&n| view! { <option value=n.to_string()>{fmt.plain(n.into())}</option> })
                            .collect_view()
                    }}
                </select>
            </label>
            <p class="seed">{ctx.tr(RiskPanelMsg::Seed)}" "<code data-testid="risk-seed">{move || seed.get().to_string()}</code></p>
            <button type="button" class="secondary" data-testid="risk-resimulate" on:click=resimulate>
                {ctx.tr(RiskPanelMsg::Resimulate)}
            </button>
        </div>
    }
}

/// The ranges of the drivers, behind a disclosure (built only while open).
#[component]
fn Ranges(ctx: Ctx) -> impl IntoView {
    let open = RwSignal::new(false);
    let count = move || {
        let n = ctx.scenario.with(|s| s.risk.ranges(&s.inputs).len());
        fill(ctx.t(RiskPanelMsg::RangesTitle), &[&n.to_string()])
    };
    view! {
        <details class="risk-ranges" data-testid="risk-ranges" on:toggle=move |ev| open.set(is_open(&ev))>
            <summary>{count}</summary>
            <p class="hint">{ctx.tr(RiskPanelMsg::RangesHint)}</p>
            <Show when=move || open.get()>
                <RangesEditor ctx />
            </Show>
        </details>
    }
}

/// How the trials are drawn and summed up.
#[component]
fn Math(ctx: Ctx) -> impl IntoView {
    let panel = [RiskPanelMsg::MathTrials, RiskPanelMsg::MathContributions];
    view! {
        <details class="risk-math" data-testid="risk-math">
            <summary>{ctx.tr(Msg::ShowMath)}</summary>
            {METHOD.into_iter().map(|m| view! { <p class="math">{ctx.tr(m)}</p> }).collect_view()}
            {panel.into_iter().map(|m| view! { <p class="math">{ctx.tr(m)}</p> }).collect_view()}
        </details>
    }
}
