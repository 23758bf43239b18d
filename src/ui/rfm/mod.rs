//! The page's side of the customer-value worker ([`crate::worker::rfm`]): the state the
//! customer screen (`ui::customers`) shows, kept across screens, and the messages to and
//! from the worker. The worker holds the file, how it is read and the result, and sends
//! what the screen shows as data; this keeps its last reply as it came (cells), which
//! only the screen's lazily loaded part reads, so the first load carries no reader for
//! it.

pub(in crate::ui) mod client;
pub(in crate::ui) mod reading;
pub(in crate::ui) mod results;

use super::widgets::download;
use crate::engine::model::Inputs;
use crate::worker::rfm::protocol::{Cell, Reply, Request};
use leptos::prelude::*;
use web_sys::Blob;

/// The screen's state on the page, kept across screens.
#[derive(Clone, Copy)]
pub struct Customers {
    /// What the worker last sent: a [`crate::worker::rfm::protocol::Shown`] as cells
    /// (none before a file).
    pub(in crate::ui) shown: RwSignal<Vec<Cell>>,
    /// Bytes read of the file while it is read.
    pub(in crate::ui) progress: RwSignal<Option<(f64, f64)>>,
    /// The worker could not start or crashed.
    pub(in crate::ui) unavailable: RwSignal<bool>,
    /// The inputs before and after the proposal was applied, for undo.
    pub(in crate::ui) applied: RwSignal<Option<(Inputs, Inputs)>>,
    /// The share of the win-back revenue won back each year, % as typed.
    pub(in crate::ui) won_back: RwSignal<String>,
    /// The request whose replies count.
    pub(in crate::ui) current: RwSignal<u32>,
    /// Which export was asked for (`true`: per customer).
    pub(in crate::ui) export: StoredValue<bool>,
}

impl Customers {
    /// The state, listening to the worker (started only when a file comes).
    pub fn new() -> Customers {
        let c = Customers {
            shown: RwSignal::new(Vec::new()),
            progress: RwSignal::new(None),
            unavailable: RwSignal::new(false),
            applied: RwSignal::new(None),
            won_back: RwSignal::new("20".to_string()),
            current: RwSignal::new(0),
            export: StoredValue::new(true),
        };
        client::listen(move |reply| c.hear(reply));
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
            Reply::Shown { cells, .. } => {
                self.progress.set(None);
                self.shown.set(cells);
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
    pub(in crate::ui) fn choose(self, blob: Blob) {
        self.unavailable.set(false);
        self.progress.set(Some((0.0, blob.size())));
        self.send(&Request::File { id: self.next() }, Some(&blob));
    }
}
