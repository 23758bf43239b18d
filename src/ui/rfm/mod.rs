//! The page's side of the customer-value worker ([`crate::worker::rfm`]): the state the
//! customer screen (`ui::customers`) shows, kept across screens, and the messages to and
//! from the worker. The worker holds the file, how it is read and the result, and writes
//! that part of the screen as HTML.

pub(in crate::ui) mod client;

use super::widgets::download;
use super::Ctx;
use crate::engine::model::{Field, Inputs};
use crate::worker::rfm::protocol::{Reply, Request, View};
use leptos::prelude::*;
use rust_decimal::Decimal;
use wasm_bindgen::JsCast;
use web_sys::{Blob, HtmlElement};

/// The screen's state on the page, kept across screens.
#[derive(Clone, Copy)]
pub struct Customers {
    /// What the worker last wrote (shown again when the screen is opened again).
    pub(in crate::ui) html: RwSignal<String>,
    /// The churn with the CRM it proposes, %.
    pub(in crate::ui) proposal: RwSignal<Option<Decimal>>,
    /// Bytes read of the file while it is read.
    pub(in crate::ui) progress: RwSignal<Option<(f64, f64)>>,
    /// Whether a file was given (the worker then holds it).
    pub(in crate::ui) has_file: RwSignal<bool>,
    /// The worker could not start or crashed.
    pub(in crate::ui) unavailable: RwSignal<bool>,
    /// The inputs before and after the proposal was applied, for undo.
    pub(in crate::ui) applied: RwSignal<Option<(Inputs, Inputs)>>,
    /// The request whose replies count.
    pub(in crate::ui) current: RwSignal<u32>,
    /// Which export was asked for (`true`: per customer).
    pub(in crate::ui) export: StoredValue<bool>,
    /// The box the worker's HTML goes in, while the screen is shown.
    pub(in crate::ui) mount: StoredValue<Option<HtmlElement>, LocalStorage>,
}

impl Customers {
    /// The state, listening to the worker (started only when a file comes).
    pub fn new(ctx: Ctx) -> Customers {
        let c = Customers {
            html: RwSignal::new(String::new()),
            proposal: RwSignal::new(None),
            progress: RwSignal::new(None),
            has_file: RwSignal::new(false),
            unavailable: RwSignal::new(false),
            applied: RwSignal::new(None),
            current: RwSignal::new(0),
            export: StoredValue::new(true),
            mount: StoredValue::new_local(None),
        };
        client::listen(move |reply| c.hear(reply));
        // The worker writes the screen: another language, currency or model churn asks
        // for it again.
        Effect::new(move |_| {
            let view = view_of(ctx);
            if c.has_file.get_untracked() {
                c.send(&Request::Show { id: c.next(), view }, None);
            }
        });
        c
    }

    /// A new request id, the one whose replies count from now on.
    pub(in crate::ui) fn next(self) -> u32 {
        self.current.update(|n| *n = n.wrapping_add(1));
        self.current.get_untracked()
    }

    pub(in crate::ui) fn send(self, request: &Request, file: Option<&Blob>) {
        client::send(request, file);
    }

    fn hear(self, reply: Option<Reply>) {
        let Some(reply) = reply else {
            self.progress.set(None);
            self.unavailable.set(true);
            return;
        };
        if reply.id() != self.current.get_untracked() {
            return;
        }
        match reply {
            Reply::Progress { done, total, .. } => self.progress.set(Some((done, total))),
            Reply::Html { html, proposal, .. } => {
                self.progress.set(None);
                self.proposal.set(proposal);
                if let Some(mount) = self.mount.get_value() {
                    replace_keeping_focus(&mount, &html);
                }
                self.html.set(html);
            }
            Reply::Csv { text, .. } => {
                let name = match self.export.get_value() {
                    true => "rfm-customers.csv",
                    false => "rfm-segments.csv",
                };
                download(name, "text/csv", &text);
            }
        }
    }

    /// Hands a new file to the worker.
    pub(in crate::ui) fn choose(self, ctx: Ctx, blob: Blob) {
        self.has_file.set(true);
        self.unavailable.set(false);
        self.progress.set(Some((0.0, blob.size())));
        let view = untrack(|| view_of(ctx));
        self.send(
            &Request::File {
                id: self.next(),
                view,
            },
            Some(&blob),
        );
    }
}

/// What the worker writes the screen for.
pub(in crate::ui) fn view_of(ctx: Ctx) -> View {
    let fmt = ctx.fmt.get();
    let (churn_before, churn_after) = ctx
        .inputs
        .with(|i| (Field::ChurnBeforePct.get(i), Field::ChurnAfterPct.get(i)));
    View {
        lang: fmt.lang,
        currency: fmt.currency,
        churn_before,
        churn_after,
    }
}

/// Replaces `mount`'s content, keeping the focus on the control that had it (found by
/// its id in the new content), so a keyboard user stays where they were.
fn replace_keeping_focus(mount: &HtmlElement, html: &str) {
    let focused = document()
        .active_element()
        .filter(|e| mount.contains(Some(e)))
        .map(|e| e.id())
        .filter(|id| !id.is_empty());
    mount.set_inner_html(html);
    if let Some(el) = focused
        .and_then(|id| document().get_element_by_id(&id))
        .and_then(|e| e.dyn_into::<HtmlElement>().ok())
    {
        let _ = el.focus();
    }
}
