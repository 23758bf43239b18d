//! The parts of the full app that load their code the first time they are opened.
//!
//! Each function below is a split point (`wasm_split`): the build (scripts/split.py)
//! moves it, and the code only it reaches, into a wasm file of its own, fetched on the
//! first call and kept by the service worker. The calculator, its results, autosave and
//! share links stay in the first load. The state a screen shows lives in the
//! [`Workspace`], not in the screen, so nothing is lost when it is left and reopened.
//! Why wasm-split and its figures: docs/ARCHITECTURE.md, "Lazy screens".

use super::risk::{self, RiskRun};
use super::workspace::{Screen, Workspace};
use super::{abtest, customers, measure, present, scenarios, site, Ctx};
use crate::i18n::PartMsg;
use leptos::prelude::*;
use std::future::Future;
use wasm_bindgen::JsCast;
use web_sys::HtmlLinkElement;

/// A part's code could not be fetched (offline before it was ever cached, a network
/// error). Shown with a retry; a load that failed is not remembered, so it retries.
#[derive(Debug)]
pub struct LoadFailed;

impl From<leptos::wasm_split::SplitLoaderError> for LoadFailed {
    fn from(_: leptos::wasm_split::SplitLoaderError) -> Self {
        LoadFailed
    }
}

type Loaded = Result<AnyView, LoadFailed>;

/// A part: `$view`, which builds its view, is a split point (the build moves it, and
/// the code only it reaches, into a part of its own; `$preload` fetches that part), and
/// `$name` shows it through [`lazily`] in a context `$ctx`, as a whole screen or not.
macro_rules! part {
    (
        $(#[$doc:meta])*
        pub fn $name:ident($($arg:ident: $ty:ty),*) in $ctx:expr, screen: $screen:expr;
        split $module:ident, $view:ident, $preload:ident => $body:block
    ) => {
        #[leptos::wasm_split::wasm_split(
            $module,
            fallible,
            preload($preload),
            wasm_split_path = ::leptos::wasm_split
        )]
        fn $view($($arg: $ty),*) -> Loaded $body

        $(#[$doc])*
        pub fn $name($($arg: $ty),*) -> AnyView {
            lazily($ctx, move || $view($($arg),*), $preload, stringify!($module), $screen)
        }
    };
}

part! {
    /// The measurement screen.
    pub fn measure(ws: Workspace) in ws.ctx, screen: true;
    split measure, measure_screen, load_measure => {
        Ok(view! { <measure::MeasureScreen ws /> }.into_any())
    }
}

part! {
    /// The customer-value (RFM) screen.
    pub fn customers(ws: Workspace) in ws.ctx, screen: true;
    split customers, customers_screen, load_customers => {
        Ok(view! { <customers::CustomersScreen ws /> }.into_any())
    }
}

part! {
    /// The A/B test screen.
    pub fn ab_tests(ws: Workspace) in ws.ctx, screen: true;
    split abtests, ab_screen, load_abtests => {
        Ok(view! { <abtest::AbScreen ws /> }.into_any())
    }
}

part! {
    /// The library of scenarios and "Put it on your website".
    pub fn library(ws: Workspace) in ws.ctx, screen: true;
    split library, library_screen, load_library => {
        let ctx = ws.ctx;
        Ok(view! {
            <main class="library-screen">
                <scenarios::Library ws />
                <site::PutOnWebsite ctx />
            </main>
        }
        .into_any())
    }
}

part! {
    /// Presentation mode.
    pub fn present(ws: Workspace) in ws.ctx, screen: true;
    split present, presentation, load_present => {
        Ok(view! { <present::Presentation ws /> }.into_any())
    }
}

part! {
    /// The risk panel's figures, controls, ranges and math, while ranges are on.
    pub fn risk_panel(ctx: Ctx, run: RiskRun) in ctx, screen: false;
    split risk, risk_details, load_risk => {
        Ok(risk::panel::details(ctx, run).into_any())
    }
}

/// Downloads the scenario on screen as a file ([`scenarios::export_current`]), with the
/// library's code, which holds the export. If that code cannot be fetched, the library
/// screen opens instead: it says so, retries, and has the same export.
pub fn export_current(ws: Workspace) {
    leptos::task::spawn_local(async move {
        if export_file(ws.ctx).await.is_err() {
            ws.screen.set(Screen::Scenarios);
        }
    });
}

#[leptos::wasm_split::wasm_split(library, fallible, wasm_split_path = ::leptos::wasm_split)]
fn export_file(ctx: Ctx) -> Result<(), LoadFailed> {
    scenarios::export_current(ctx);
    Ok(())
}

/// Where a part's code stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Status {
    Fetching,
    Ready,
    Failed,
}

/// The view `build` returns once `fetch` has brought its code in (and the part's
/// stylesheet, if it has one, has loaded): a loading note while it is fetched (a part
/// already in shows at once, without it), and a message with a retry
/// if the fetch fails. The view is built in an ordinary reactive closure, as if the part
/// were not lazy, so it is owned and disposed like any other. A whole screen's notes
/// stand in a `main`, so the page keeps its landmark while loading.
fn lazily<B, F, E>(
    ctx: Ctx,
    build: impl Fn() -> B + Copy + Send + Sync + 'static,
    fetch: fn() -> F,
    part: &'static str,
    screen: bool,
) -> AnyView
where
    B: Future<Output = Loaded>,
    F: Future<Output = Result<(), E>> + 'static,
{
    let style = style_on(part);
    let status = RwSignal::new(match (ready_now(fetch()), &style) {
        (Some(Ok(())), None) => Status::Ready,
        _ => Status::Fetching,
    });
    let start = move |style: Option<js_sys::Promise>| {
        leptos::task::spawn_local(async move {
            let fetched = fetch().await.is_ok();
            if let Some(style) = style {
                // A stylesheet that fails (offline before it was cached) leaves the part
                // plain but working: no reason to refuse it.
                let _ = wasm_bindgen_futures::JsFuture::from(style).await;
            }
            let done = if fetched {
                Status::Ready
            } else {
                Status::Failed
            };
            // The screen may have been left meanwhile: then there is nothing to update.
            let _ = status.try_set(done);
        });
    };
    if status.get_untracked() == Status::Fetching {
        start(style);
    }
    let frame = move |inner: AnyView| {
        if screen {
            view! { <main class="calc lazy-note">{inner}</main> }.into_any()
        } else {
            inner
        }
    };
    let fetching = move || {
        frame(view! { <p class="panel" role="status" data-testid="loading">{ctx.tr(PartMsg::Loading)}</p> }.into_any())
    };
    (move || {
        match status.get() {
            // Once fetched, building is synchronous: the split function's future is ready
            // at its first poll.
            Status::Ready => match ready_now(build()) {
                Some(Ok(view)) => view,
                _ => fetching(),
            },
            Status::Fetching => fetching(),
            Status::Failed => frame(
                view! {
                    <div class="panel load-failed" role="alert" data-testid="load-failed">
                        <p>{ctx.tr(PartMsg::LoadFailed)}</p>
                        <button type="button" on:click=move |_| {
                            status.set(Status::Fetching);
                            start(None);
                        }>
                            {ctx.tr(PartMsg::TryAgain)}
                        </button>
                    </div>
                }
                .into_any(),
            ),
        }
        .into_any()
    })
    .into_any()
}

/// Switches on the stylesheet of `part` if it is still off (split.py leaves it in the
/// page without `rel`, so the first load does not fetch it), and returns a promise
/// settled once it has loaded or failed; `None` once it is on, or for a part without one.
fn style_on(part: &str) -> Option<js_sys::Promise> {
    let link = web_sys::window()?
        .document()?
        .query_selector(&format!("link[data-part={part}]"))
        .ok()??
        .dyn_into::<HtmlLinkElement>()
        .ok()
        .filter(|link| link.rel() != "stylesheet")?;
    let settled = js_sys::Promise::new(&mut |done, _| {
        link.set_onload(Some(&done));
        link.set_onerror(Some(&done));
    });
    link.set_rel("stylesheet");
    Some(settled)
}

/// `future`'s output if it is ready at its first poll (it is then dropped otherwise: a
/// part's fetch, once started, goes on and is shared by the next call).
fn ready_now<F: Future>(future: F) -> Option<F::Output> {
    let mut future = std::pin::pin!(future);
    let mut cx = std::task::Context::from_waker(std::task::Waker::noop());
    match future.as_mut().poll(&mut cx) {
        std::task::Poll::Ready(output) => Some(output),
        std::task::Poll::Pending => None,
    }
}
