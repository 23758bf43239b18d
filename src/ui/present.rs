//! Presentation mode: what a sales rep shows a prospect on a projector. Full screen
//! (with a plain full-window fallback), the prospect's name, the four headline figures,
//! the cumulative cash flow and the sliders pinned in the scenario, live.
//!
//! Keyboard first: Tab moves between the pinned sliders, the arrows move them, `M`
//! shows the math in place of the chart, `C` switches the high-contrast theme and
//! Escape leaves. The scenario's private notes are never shown.

use super::charts::CumulativeChart;
use super::fields::any_slider_range;
use super::results::{card_texts, gartner_short};
use super::risk::RiskLine;
use super::workspace::{Screen, Workspace};
use super::Ctx;
use crate::engine::model::Field;
use crate::i18n::{Msg, ScreenMsg, Text};
use leptos::ev;
use leptos::prelude::*;
use rust_decimal::Decimal;
use std::str::FromStr;
use wasm_bindgen::JsCast;

/// The headline figures shown, by their place in [`card_texts`]: ROI, NPV, payback and
/// the cost per user against Gartner's band.
const FIGURES: [(usize, Msg); 4] = [
    (0, Msg::Roi),
    (1, Msg::Npv),
    (2, Msg::Payback),
    (6, Msg::Tco),
];

/// Starts presenting: full screen when the browser allows it (this must run in the
/// click's own handler, which is what lets a page go full screen), the presentation
/// screen either way.
pub fn start(ws: Workspace) {
    if let Some(root) = document().document_element() {
        // A refusal (no Fullscreen API, an iframe without permission) leaves the plain
        // full-window presentation, which works the same.
        let _ = root.request_fullscreen();
    }
    ws.screen.set(Screen::Present);
}

/// Leaves presentation mode, and full screen if it is on.
fn stop(ws: Workspace) {
    if document().fullscreen_element().is_some() {
        document().exit_fullscreen();
    }
    ws.screen.set(Screen::Calculator);
}

/// The presentation screen.
#[component]
pub fn Presentation(ws: Workspace) -> impl IntoView {
    let ctx = ws.ctx;
    let math = RwSignal::new(false);
    let contrast = RwSignal::new(false);
    let pins = Memo::new(move |_| ctx.scenario.with(|s| s.pins.fields().to_vec()));

    // Escape in full screen is the browser's: it leaves full screen, and so do we.
    let fullscreen = window_event_listener_untyped("fullscreenchange", move |_| {
        if document().fullscreen_element().is_none() {
            ws.screen.set(Screen::Calculator);
        }
    });
    let keys = window_event_listener(ev::keydown, move |ev| {
        if ev.ctrl_key() || ev.meta_key() || ev.alt_key() {
            return;
        }
        match ev.key().as_str() {
            "Escape" => stop(ws),
            "m" | "M" => math.update(|on| *on = !*on),
            "c" | "C" => contrast.update(|on| *on = !*on),
            _ => return,
        }
        ev.prevent_default();
    });
    on_cleanup(move || {
        keys.remove();
        fullscreen.remove();
    });
    // The first pinned slider takes the focus, so the arrows work at once: in the next
    // frame, once the screen (loaded as a part of its own) is in the page.
    Effect::new(move |_| {
        request_animation_frame(|| {
            if let Some(first) = document()
                .query_selector(".present input[type=range]")
                .ok()
                .flatten()
            {
                if let Some(el) = first.dyn_ref::<web_sys::HtmlElement>() {
                    let _ = el.focus();
                }
            }
        });
    });

    let texts = Memo::new(move |_| {
        let Some(r) = ctx.shown.get() else {
            return Default::default();
        };
        let mut texts = card_texts(ctx, &r);
        // From three metres, the band in one short line (the cards' long note is in the
        // report and on the calculator).
        texts[6].sub = gartner_short(ctx.fmt.get(), r.gartner);
        texts
    });
    let prospect = move || {
        ctx.scenario.with(|s| {
            [&s.company, &s.name]
                .into_iter()
                .find(|t| !t.trim().is_empty())
                .cloned()
                .unwrap_or_else(|| "Retorno".to_string())
        })
    };
    let subtitle = move || {
        ctx.scenario.with(|s| {
            (!s.company.trim().is_empty() && !s.name.trim().is_empty()).then(|| s.name.clone())
        })
    };
    let figure = move |(i, title): (usize, Msg)| {
        let text = move || texts.with(|t| t.get(i).cloned().unwrap_or_default());
        view! {
            <div class=move || format!("figure {}", text().tone) data-testid=format!("present-figure-{i}")>
                <p class="figure-title">{move || ctx.t(title)}</p>
                <p class="figure-value">{move || text().value}</p>
                <p class="figure-sub">{move || text().sub}</p>
            </div>
        }
    };
    let math_panel = move || {
        let lang = ctx.lang.get();
        let rows = FIGURES
            .iter()
            .map(|&(i, title)| {
                let lines = texts.with(|t| t.get(i).map(|c| c.math.clone()).unwrap_or_default());
                view! {
                    <div class="math-block">
                        <p class="figure-title">{title.text(lang)}</p>
                        {lines.into_iter().map(|l| view! { <p class="math">{l}</p> }).collect_view()}
                    </div>
                }
            })
            .collect_view();
        view! { <section class="present-math" data-testid="present-math" aria-label=Msg::ShowMath.text(lang)>{rows}</section> }
    };

    view! {
        <main class="present" class:contrast=move || contrast.get() data-testid="presentation">
            <header class="present-head">
                <div>
                    <h1 data-testid="present-prospect">{prospect}</h1>
                    {move || subtitle().map(|s| view! { <p class="present-sub">{s}</p> })}
                </div>
                <div class="present-keys">
                    <button type="button" data-testid="present-math-toggle" aria-pressed=move || math.get().to_string() on:click=move |_| math.update(|on| *on = !*on)>
                        {ctx.tr(ScreenMsg::PresentMath)}
                    </button>
                    <button type="button" data-testid="present-contrast" aria-pressed=move || contrast.get().to_string() on:click=move |_| contrast.update(|on| *on = !*on)>
                        {ctx.tr(ScreenMsg::PresentContrast)}
                    </button>
                    <button type="button" data-testid="present-exit" on:click=move |_| stop(ws)>
                        {ctx.tr(ScreenMsg::PresentExit)}
                    </button>
                </div>
            </header>
            <section class="present-figures" aria-label=ctx.tr(Msg::Results)>
                {FIGURES.into_iter().map(figure).collect_view()}
            </section>
            <RiskLine ctx run=ws.risk />
            <div class="present-body">
                <div class="present-main">
                    {move || if math.get() { math_panel().into_any() } else { view! { <CumulativeChart ctx report=ctx.shown /> }.into_any() }}
                </div>
                <section class="present-sliders" aria-label=ctx.tr(ScreenMsg::PresentSliders)>
                    <For each=move || pins.get() key=|f| *f let:field>
                        <PresentSlider ctx field />
                    </For>
                    {move || pins.with(Vec::is_empty).then(|| view! { <p class="hint">{ctx.t(ScreenMsg::PresentNoPins)}</p> })}
                </section>
            </div>
            <p class="sr-only" aria-live="polite">{move || texts.with(|t| t.first().map(|c| c.value.clone()))}</p>
        </main>
    }
}

/// One pinned slider, large: its label, its value, the range. Moving it changes the
/// scenario as the calculator's sliders do; a click on the track sets a value without
/// dragging (WCAG 2.5.7), the arrows step it.
#[component]
fn PresentSlider(ctx: Ctx, field: Field) -> impl IntoView {
    let value = Memo::new(move |_| ctx.inputs.with(|i| field.get(i)));
    let (min, max, step) = any_slider_range(field, value.get_untracked());
    let label_id = format!("p-{}-label", field.key());
    let shown = move || ctx.fmt.get().in_unit(field.unit(), value.get());
    view! {
        <div class="present-slider">
            <div class="present-slider-head">
                <span id=label_id.clone()>{move || Msg::Field(field).text(ctx.lang.get())}</span>
                <output data-testid=format!("present-value-{}", field.key())>{shown}</output>
            </div>
            <input
                type="range"
                data-testid=format!("present-slider-{}", field.key())
                min=min.to_string()
                max=max.to_string()
                step=step.to_string()
                aria-labelledby=label_id
                aria-valuetext=shown
                prop:value=move || value.get().to_string()
                on:input=move |ev| {
                    if let Ok(v) = Decimal::from_str(&event_target_value(&ev)) {
                        ctx.scenario.update(|s| field.set(&mut s.inputs, field.clamp(v)));
                    }
                }
            />
        </div>
    }
}
