//! The customer screen: a transactions file in, RFM segments out (issue 12), and the
//! revenue at risk proposed to the ROI model's retention line.
//!
//! Leptos components like every screen. The customer-value worker
//! ([`crate::worker::rfm`]), loaded the first time a file is chosen, holds the file, reads
//! and scores it and sends what the screen shows as data ([`Shown`]); this screen, in
//! its lazily loaded part, renders it, and sends each change of a control as a typed
//! [`Setting`]. The controls stay in place as replies come (so typing and the focus are
//! never lost); the results below them are redrawn whole. The share won back and the
//! churn it proposes are the page's own: applying it touches the scenario, with undo.

use super::rfm::reading::{select, ReadingForm};
use super::rfm::results::{cleaning, error_text, results};
use super::rfm::Customers;
use super::widgets::event_element;
use super::workspace::{Screen, Workspace};
use super::Ctx;
use crate::engine::measure::{apply, Proposal};
use crate::engine::model::{BenefitLine, Field};
use crate::engine::rfm::export::win_back_churn;
use crate::engine::rfm::{RfmError, Segment};
use crate::i18n::{fill, AppMsg, CustomersMsg as C, RfmMsg as R, ScreenMsg, Text};
use crate::worker::rfm::protocol::{Problem, Request, Setting, Shown};
use leptos::prelude::*;
use rust_decimal::Decimal;
use web_sys::Blob;

/// The customer screen.
#[component]
pub fn CustomersScreen(ws: Workspace) -> impl IntoView {
    let (ctx, c) = (ws.ctx, ws.customers);
    let shown = Memo::new(move |_| c.shown.with(|cells| Shown::decode(cells)));
    let applied = move || {
        c.applied.with(|a| {
            a.as_ref()
                .is_some_and(|(_, after)| ctx.inputs.with(|i| i == after))
        })
    };
    let has_reading =
        Memo::new(move |_| shown.with(|s| s.as_ref().is_some_and(|s| s.reading.is_some())));
    let has_result =
        Memo::new(move |_| shown.with(|s| s.as_ref().is_some_and(|s| s.scored.is_some())));
    let cancel = move |_| {
        c.send(
            &Request::Cancel {
                id: c.current.get_untracked(),
            },
            None,
        )
    };
    view! {
        <main class="customers-screen">
            <Intro ctx c />
            <div class="rfm-status">
                <div aria-live="polite">{move || status(ws, applied())}</div>
                // Built once per reading, not on every progress step, so it can be clicked.
                <Show when=move || c.progress.with(Option::is_some)>
                    <button type="button" class="secondary" data-testid="rfm-cancel" on:click=cancel>
                        {ctx.tr(C::Cancel)}
                    </button>
                </Show>
            </div>
            <div class="rfm-screen">
                {move || shown.with(|s| s.as_ref().map(|s| file_status(ctx, s)))}
                {move || has_reading.get().then(|| view! { <ReadingForm ctx c shown /> })}
                {move || has_result.get().then(|| view! {
                    <WinBack ws shown />
                    <Tools ctx c shown />
                })}
                {move || {
                    let fmt = ctx.fmt.get();
                    shown.with(|s| {
                        s.as_ref().and_then(|s| s.scored.as_ref()).map(|scored| view! {
                            <section class="panel rfm-results" data-testid="rfm-results">
                                {results(fmt, scored)}
                            </section>
                        })
                    })
                }}
            </div>
        </main>
    }
}

/// The title, the file picker (a button, or a file dropped on it) and the paste box.
#[component]
fn Intro(ctx: Ctx, c: Customers) -> impl IntoView {
    let dragging = RwSignal::new(false);
    let paste = NodeRef::<leptos::html::Textarea>::new();
    let on_file = move |ev: leptos::ev::Event| {
        let Some(input) = event_element(&ev)
            .and_then(|e| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlInputElement>(e).ok())
        else {
            return;
        };
        if let Some(file) = input.files().and_then(|f| f.get(0)) {
            c.choose(file.into());
        }
        // The same file chosen again (after an edit) must fire `change` again.
        input.set_value("");
    };
    let on_drag = move |ev: leptos::ev::DragEvent, over: bool| {
        ev.prevent_default();
        dragging.set(over);
    };
    let on_drop = move |ev: leptos::ev::DragEvent| {
        ev.prevent_default();
        dragging.set(false);
        if let Some(file) = ev
            .data_transfer()
            .and_then(|d| d.files())
            .and_then(|f| f.get(0))
        {
            c.choose(file.into());
        }
    };
    let on_paste = move |_| {
        let text = paste.get().map(|t| t.value()).unwrap_or_default();
        if let Ok(blob) = Blob::new_with_str_sequence(&js_sys::Array::of1(&text.into())) {
            c.choose(blob);
        }
    };
    let failed = RwSignal::new(false);
    let on_example = move |_| {
        failed.set(false);
        leptos::task::spawn_local(async move {
            match example_file().await {
                Some(file) => c.choose(file),
                None => failed.set(true),
            }
        });
    };
    let t = move |m: C| move || m.text(ctx.lang.get());
    view! {
        <section class="panel" aria-labelledby="customers-title">
            <h2 id="customers-title">{t(C::Title)}</h2>
            <p class="hint">{t(C::Hint)}</p>
            <div
                class="rfm-drop"
                class:dragging=move || dragging.get()
                data-testid="rfm-drop"
                on:dragover=move |ev| on_drag(ev, true)
                on:dragleave=move |ev| on_drag(ev, false)
                on:drop=on_drop
            >
                <label class="button" for="rfm-file">{t(C::ChooseFile)}</label>
                <input
                    id="rfm-file"
                    class="sr-only"
                    type="file"
                    accept=".csv,.tsv,.txt,text/csv,text/tab-separated-values"
                    data-testid="rfm-file"
                    on:change=on_file
                />
                <span>{t(C::DropHere)}</span>
                <button type="button" class="secondary" data-testid="rfm-example" on:click=on_example>
                    {move || R::Example.text(ctx.lang.get())}
                </button>
            </div>
            {move || failed.get().then(|| view! {
                <p class="rfm-error" role="alert" data-testid="rfm-example-error">{R::ExampleFailed.text(ctx.lang.get())}</p>
            })}
            <details class="rfm-paste">
                <summary>{t(C::PasteSummary)}</summary>
                <label for="rfm-paste">{t(C::PasteLabel)}</label>
                <textarea id="rfm-paste" rows="6" spellcheck="false" data-testid="rfm-paste" node_ref=paste></textarea>
                <button type="button" data-testid="rfm-paste-score" on:click=on_paste>{t(C::PasteScore)}</button>
            </details>
        </section>
    }
}

/// The committed sample of transactions (`tests/fixtures/rfm_sample.csv`, copied next to
/// the page by index.html): fetched by a relative address, so it works from any sub-path,
/// and kept by the service worker with every file of the build, so it works offline.
/// `None` when it cannot be fetched.
async fn example_file() -> Option<Blob> {
    use wasm_bindgen::{JsCast, JsValue};
    use wasm_bindgen_futures::JsFuture;
    const NAME: &str = "rfm_sample.csv";
    let response = JsFuture::from(window().fetch_with_str(NAME)).await.ok()?;
    let get = |key: &str| js_sys::Reflect::get(&response, &JsValue::from_str(key)).ok();
    if get("ok")?.as_bool() != Some(true) {
        return None;
    }
    let read: js_sys::Function = get("blob")?.dyn_into().ok()?;
    let promise: js_sys::Promise = read.call0(&response).ok()?.dyn_into().ok()?;
    let blob = JsFuture::from(promise).await.ok()?;
    // A `File`, so the screen shows its name as it does a chosen file's.
    web_sys::File::new_with_blob_sequence(&js_sys::Array::of1(&blob), NAME)
        .ok()
        .map(Into::into)
}

/// The progress of a reading (its Cancel button is apart), the note of an applied proposal
/// with its undo, or why the worker is not there.
fn status(ws: Workspace, applied: bool) -> impl IntoView {
    let (ctx, c) = (ws.ctx, ws.customers);
    if c.unavailable.get() {
        return view! {
            <p class="rfm-error" role="alert" data-testid="rfm-unavailable">{ctx.t(C::WorkerFailed)}</p>
        }
        .into_any();
    }
    let progress = c.progress.get().map(|(done, total)| {
        let pct = if total > 0.0 {
            (done / total * 100.0) as u32
        } else {
            0
        };
        view! {
            <div class="rfm-progress" data-testid="rfm-progress">
                <label for="rfm-progress-bar">{fill(ctx.t(C::Reading), &[&format!("{pct} %")])}</label>
                <progress id="rfm-progress-bar" max="100" value=pct></progress>
            </div>
        }
    });
    let undo = move |_| {
        if let Some((before, _)) = c.applied.get_untracked() {
            ctx.rewrite(|s| s.inputs = before);
        }
        c.applied.set(None);
    };
    let see = move |_| {
        ws.screen.set(Screen::Calculator);
        window().scroll_to_with_x_and_y(0.0, 0.0);
    };
    let done = applied.then(|| {
        view! {
            <div class="note" role="status" data-testid="rfm-done">
                <p>{ctx.t(C::WinBackDone)}</p>
                <button type="button" class="secondary" data-testid="rfm-undo" on:click=undo>{ctx.t(AppMsg::Undo)}</button>
                <button type="button" class="secondary" data-testid="rfm-see" on:click=see>{ctx.t(ScreenMsg::FeedSee)}</button>
            </div>
        }
    });
    view! { {progress} {done} }.into_any()
}

/// The file's name and size, and why nothing is scored (if so).
fn file_status(ctx: Ctx, s: &Shown) -> impl IntoView {
    let fmt = ctx.fmt.get();
    let lang = fmt.lang;
    let label = match &s.name {
        Some(name) => fill(
            R::FileInfo.text(lang),
            &[name, &fmt.plain(Decimal::from(s.size.div_ceil(1024)))],
        ),
        None => R::Pasted.text(lang).to_string(),
    };
    let problem = s.problem.as_ref().map(|p| match p {
        Problem::Cancelled => {
            view! { <p data-testid="rfm-cancelled">{R::Cancelled.text(lang)}</p> }.into_any()
        }
        Problem::Rfm(e) => {
            let detail = match e {
                RfmError::NoValidRows(c) => Some(cleaning(fmt, c)),
                _ => None,
            };
            view! {
                <div class="rfm-error" role="alert" data-testid="rfm-error"><p>{error_text(lang, e)}</p></div>
                {detail}
            }
            .into_any()
        }
        Problem::Unreadable => view! {
            <div class="rfm-error" role="alert" data-testid="rfm-error"><p>{R::ErrUnreadable.text(lang)}</p></div>
        }
        .into_any(),
    });
    view! {
        <section class="panel rfm-file">
            <p class="rfm-file-label" data-testid="rfm-file-label">{label}</p>
            {problem}
        </section>
    }
}

/// The revenue of the win-back segments, the share won back, and the churn it
/// proposes ([`win_back_churn`]), applied to the scenario with undo.
#[component]
fn WinBack(ws: Workspace, shown: Memo<Option<Shown>>) -> impl IntoView {
    let (ctx, c) = (ws.ctx, ws.customers);
    let held = move || {
        shown.with(|s| {
            s.as_ref()
                .and_then(|s| s.scored.as_ref())
                .map(|x| (x.win_back_revenue, x.at_risk))
        })
    };
    // The share typed, when it is one from 0 to 100.
    let won = Memo::new(move |_| {
        c.won_back.with(|typed| {
            typed
                .trim()
                .replace(',', ".")
                .parse::<Decimal>()
                .ok()
                .filter(|v| *v >= Decimal::ZERO && *v <= Decimal::ONE_HUNDRED)
        })
    });
    let churn = move || {
        ctx.inputs
            .with(|i| (Field::ChurnBeforePct.get(i), Field::ChurnAfterPct.get(i)))
    };
    // The churn with the CRM it proposes.
    let proposed = Memo::new(move |_| {
        let (_, at_risk) = held()?;
        win_back_churn(churn().0, won.get()?, at_risk).map(|to| Field::ChurnAfterPct.clamp(to))
    });
    let apply_it = move |_| {
        if let Some(to) = proposed.get_untracked() {
            apply_proposal(ctx, c, to);
        }
    };
    let held_text = move || {
        let fmt = ctx.fmt.get();
        held().map(|(revenue, at_risk)| {
            fill(
                R::WinBackHeld.text(fmt.lang),
                &[
                    &fmt.percent(at_risk * Decimal::ONE_HUNDRED),
                    &fmt.money(revenue),
                ],
            )
        })
    };
    let body = move || {
        let fmt = ctx.fmt.get();
        let lang = fmt.lang;
        let (before, after) = churn();
        match (won.get(), proposed.get(), held()) {
            (Some(w), Some(to), Some((_, at_risk))) => {
                let line = fill(
                    R::WinBackProposal.text(lang),
                    &[&fmt.percent(after), &fmt.percent(to)],
                );
                let math = fill(
                    R::WinBackMath.text(lang),
                    &[
                        &fmt.percent(before),
                        &fmt.percent(w),
                        &fmt.percent(at_risk * Decimal::ONE_HUNDRED),
                    ],
                );
                let action = if to == after {
                    view! { <p data-testid="rfm-same">{R::WinBackSame.text(lang)}</p> }.into_any()
                } else {
                    view! {
                        <div class="actions">
                            <button type="button" data-testid="rfm-apply" on:click=apply_it>{R::WinBackApply.text(lang)}</button>
                        </div>
                    }
                    .into_any()
                };
                view! {
                    <p class="rfm-proposal" data-testid="rfm-proposal">{line}</p>
                    <p class="hint">{math}</p>
                    {action}
                }
                .into_any()
            }
            _ => view! {
                <p class="warn-text" id="rfm-won-back-error" data-testid="rfm-won-back-error">{R::WinBackShareBad.text(lang)}</p>
            }
            .into_any(),
        }
    };
    let t = move |m: R| move || m.text(ctx.lang.get());
    let bad = move || won.get().is_none();
    view! {
        <section class="panel feed" aria-labelledby="rfm-winback-title">
            <h2 id="rfm-winback-title">{t(R::WinBackTitle)}</h2>
            <p data-testid="rfm-held">{held_text}</p>
            <div class="field">
                <label for="rfm-won-back">{t(R::WinBackShare)}</label>
                <input
                    type="number"
                    id="rfm-won-back"
                    data-testid="rfm-won-back"
                    min="0"
                    max="100"
                    step="any"
                    prop:value=move || c.won_back.get_untracked()
                    aria-invalid=move || bad().then_some("true")
                    aria-describedby=move || bad().then_some("rfm-won-back-error")
                    on:change=move |ev| c.won_back.set(event_target_value(&ev))
                />
            </div>
            {body}
        </section>
    }
}

/// The segment menu of the top customers, and the two exports.
#[component]
fn Tools(ctx: Ctx, c: Customers, shown: Memo<Option<Shown>>) -> impl IntoView {
    let segment = move || {
        shown.with(|s| {
            s.as_ref()
                .and_then(|s| s.scored.as_ref())
                .map(|x| x.segment)
        })
    };
    let options = move || {
        let lang = ctx.lang.get();
        let now = segment();
        Segment::ALL
            .iter()
            .map(|s| {
                let name = R::SegmentName(*s).text(lang).to_string();
                (s.key().to_string(), name, now == Some(*s))
            })
            .collect()
    };
    let pick = move |key: String| {
        if let Some(segment) = Segment::from_key(&key) {
            let id = c.next();
            c.send(
                &Request::Set {
                    id,
                    setting: Setting::Segment(segment),
                },
                None,
            );
        }
    };
    let export = move |customers: bool| {
        c.export.set_value(customers);
        let id = c.current.get_untracked();
        c.send(&Request::Export { id, customers }, None);
    };
    let t = move |m: R| move || m.text(ctx.lang.get());
    view! {
        <section class="panel rfm-tools">
            {select("rfm-segment", t(R::TopSegment), options, pick)}
            <div class="actions">
                <button type="button" class="secondary" data-testid="rfm-export-customers" on:click=move |_| export(true)>
                    {t(R::ExportCustomers)}
                </button>
                <button type="button" class="secondary" data-testid="rfm-export-segments" on:click=move |_| export(false)>
                    {t(R::ExportSegments)}
                </button>
            </div>
        </section>
    }
}

/// Applies the proposed churn with the CRM (switching the retention line on), with undo.
fn apply_proposal(ctx: Ctx, c: Customers, to: Decimal) {
    let before = ctx.inputs.get_untracked();
    let proposal = Proposal {
        field: Field::ChurnAfterPct,
        from: Field::ChurnAfterPct.get(&before),
        to,
    };
    let mut after = apply(&before, &[proposal]);
    after.lines.set(BenefitLine::Retention, true);
    ctx.rewrite(|s| s.inputs = after.clone());
    c.applied.set(Some((before, after)));
}
