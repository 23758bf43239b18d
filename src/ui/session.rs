//! Keeping the user's work: autosave of the working scenario, the library of named
//! scenarios, share links, and changes from other tabs. All storage goes through
//! [`crate::scenario::store`]; this module wires it to the app's signals.

use super::storage::{now_ms, BrowserBackend};
use super::Ctx;
use crate::engine::measure::Measurement;
use crate::engine::model::Inputs;
use crate::i18n::AppMsg;
use crate::scenario::codec::{decode_link, LinkError};
use crate::scenario::store::{self, External, Notice, Written};
use crate::scenario::Scenario;
use chrono::{DateTime, Utc};
use leptos::prelude::*;

/// How a notice looks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    /// Confirmation of something done.
    Info,
    /// Something the user must know (data in memory only, a bad link…).
    Warn,
}

/// A message for the user, with what fills its placeholders and, for a deletion, what
/// "undo" brings back.
#[derive(Debug, Clone, PartialEq)]
pub struct Note {
    /// The message.
    pub msg: AppMsg,
    /// Its `{0}`, `{1}`… values.
    pub args: Vec<String>,
    /// Info or warning.
    pub tone: Tone,
    /// The deleted scenario, when the note offers "undo".
    pub undo: Option<Scenario>,
}

impl Note {
    /// A note without undo.
    pub fn new(msg: AppMsg, args: Vec<String>, tone: Tone) -> Self {
        Note {
            msg,
            args,
            tone,
            undo: None,
        }
    }
}

/// The storage side of the app state.
#[derive(Clone, Copy)]
pub struct Session {
    ctx: Ctx,
    backend: StoredValue<BrowserBackend, LocalStorage>,
    /// Named scenarios, most recently changed first.
    pub library: RwSignal<Vec<Scenario>>,
    /// Messages shown above the page.
    pub notes: RwSignal<Vec<Note>>,
    /// The user's own working scenario, put aside while a shared link is shown.
    pub stash: RwSignal<Option<Scenario>>,
    /// The model's inputs before and after measured results were last fed into them,
    /// for undo (kept here so it survives a change of screen).
    pub fed: RwSignal<Option<(Inputs, Inputs)>>,
    /// The measurements as they were before the user cleared them, for undo.
    pub cleared: RwSignal<Option<Measurement>>,
    /// The working scenario as last written or received, to skip writes that would
    /// change nothing (and to stop two tabs echoing each other).
    synced: StoredValue<Option<Scenario>>,
    /// When this tab last wrote the working scenario.
    written_at: StoredValue<Option<DateTime<Utc>>>,
}

/// The current time as a timestamp.
pub fn now() -> Option<DateTime<Utc>> {
    DateTime::from_timestamp_millis(now_ms())
}

/// The `#s=…` share fragment of the page's URL, if any.
fn link_fragment() -> Option<String> {
    let hash = window().location().hash().ok()?;
    hash.starts_with("#s=").then_some(hash)
}

/// Removes the share fragment from the address bar without reloading.
pub fn clear_fragment() {
    let location = window().location();
    let url = format!(
        "{}{}",
        location.pathname().unwrap_or_default(),
        location.search().unwrap_or_default()
    );
    if let Ok(history) = window().history() {
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
    }
}

impl Session {
    /// Opens storage, loads what it holds into the context's scenario, opens a share link
    /// if the URL carries one, and starts autosaving and listening to other tabs.
    pub fn start(ctx: Ctx) -> Self {
        let scenario = ctx.scenario;
        let mut backend = BrowserBackend::open();
        let loaded = store::load(&mut backend, now_ms());
        let mut notes: Vec<Note> = loaded.notices.iter().map(notice_note).collect();
        if !backend.is_persistent() {
            notes.push(Note::new(AppMsg::StorageOff, vec![], Tone::Warn));
        }
        let session = Session {
            ctx,
            library: RwSignal::new(loaded.saved),
            notes: RwSignal::new(Vec::new()),
            stash: RwSignal::new(None),
            fed: RwSignal::new(None),
            cleared: RwSignal::new(None),
            synced: StoredValue::new(None),
            written_at: StoredValue::new(None),
            backend: StoredValue::new_local(backend),
        };
        if let Some(current) = loaded.current {
            session.synced.set_value(Some(current.clone()));
            scenario.set(current);
        }
        session.notes.set(notes);
        session.open_link(scenario);
        session.autosave(scenario);
        session.listen(scenario);
        session
    }

    /// Shows the scenario of the URL's share fragment, if any, putting the user's own
    /// working scenario aside; a bad link only gets a message.
    fn open_link(self, scenario: RwSignal<Scenario>) {
        let Some(fragment) = link_fragment() else {
            return;
        };
        match decode_link(&fragment) {
            Ok(shared) => {
                if self.stash.with_untracked(Option::is_none) {
                    self.stash.set(Some(scenario.get_untracked()));
                }
                self.ctx.replace(shared);
            }
            Err(error) => {
                clear_fragment();
                self.note(Note::new(link_error_msg(&error), vec![], Tone::Warn));
            }
        }
    }

    fn autosave(self, scenario: RwSignal<Scenario>) {
        Effect::new(move |_| {
            let current = scenario.get();
            if self.stash.with(Option::is_some) {
                return; // a shared link is on screen: the user's data stays as it was
            }
            if self.synced.with_value(|s| s.as_ref() == Some(&current)) {
                return;
            }
            let mut stamped = current.clone();
            stamped.updated = now();
            let result = self
                .backend
                .try_update_value(|b| store::write_current(b, &stamped));
            self.written_at.set_value(stamped.updated);
            self.synced.set_value(Some(current.clone()));
            self.report(result);
            // An open named scenario is saved as it changes, so nothing is ever lost.
            if !current.id.is_empty()
                && self
                    .library
                    .with_untracked(|l| l.iter().any(|s| s.id == current.id))
            {
                self.put(stamped);
            }
        });
    }

    fn listen(self, scenario: RwSignal<Scenario>) {
        let handle = window_event_listener(leptos::ev::storage, move |event| {
            let key = event.key().unwrap_or_default();
            match store::external_change(&key, event.new_value().as_deref()) {
                External::Current(theirs) => {
                    let newer = theirs.updated > self.written_at.get_value();
                    if newer && self.stash.with_untracked(Option::is_none) {
                        self.synced.set_value(Some(theirs.clone()));
                        self.written_at.set_value(theirs.updated);
                        self.ctx.replace(theirs);
                    }
                }
                External::Saved(theirs) => {
                    self.library.update(|l| {
                        store::merge_saved(l, theirs);
                    });
                }
                External::Deleted(id) => self.library.update(|l| l.retain(|s| s.id != id)),
                External::Ignore => {}
            }
        });
        // A link pasted into the address bar of an open tab changes only the fragment.
        let on_hash =
            window_event_listener(leptos::ev::hashchange, move |_| self.open_link(scenario));
        // The listeners live as long as the page.
        std::mem::forget((handle, on_hash));
    }

    /// Shows a note.
    pub fn note(self, note: Note) {
        self.notes.update(|n| {
            n.retain(|old| old.msg != note.msg);
            n.push(note);
        });
    }

    fn report(self, result: Option<Result<(), store::StorageFault>>) {
        if let Some(Err(fault)) = result {
            self.note(notice_note(&fault.into()));
        }
    }

    /// Writes a named scenario and puts it in the library (or, if another tab saved a
    /// newer version, shows that one instead).
    pub fn put(self, scenario: Scenario) {
        let outcome = self
            .backend
            .try_update_value(|b| store::write_saved(b, &scenario));
        let shown = match outcome {
            Some(Ok(Written::NewerInStorage(newer))) => {
                self.note(Note::new(
                    AppMsg::NewerElsewhere,
                    vec![newer.name.clone()],
                    Tone::Warn,
                ));
                *newer
            }
            Some(Err(fault)) => {
                self.note(notice_note(&fault.into()));
                scenario
            }
            _ => scenario,
        };
        self.library.update(|l| {
            l.retain(|s| s.id != shown.id);
            l.push(shown);
            store::sort_recent_first(l);
        });
    }

    /// Deletes a named scenario, offering undo.
    pub fn delete(self, id: &str) {
        let Some(gone) = self
            .library
            .with_untracked(|l| l.iter().find(|s| s.id == id).cloned())
        else {
            return;
        };
        let result = self
            .backend
            .try_update_value(|b| store::delete_saved(b, id));
        self.report(result);
        self.library.update(|l| l.retain(|s| s.id != id));
        self.note(Note {
            msg: AppMsg::Deleted,
            args: vec![gone.name.clone()],
            tone: Tone::Info,
            undo: Some(gone),
        });
    }

    /// A fresh identifier for a new named scenario.
    pub fn new_id(self) -> String {
        let taken = |id: &str| {
            self.library
                .with_untracked(|l| l.iter().any(|s| s.id == id))
        };
        let base = format!("{:x}", now_ms());
        (0..)
            .map(|n| format!("{base}-{n}"))
            .find(|id| !taken(id))
            .unwrap_or(base)
    }
}

fn notice_note(notice: &Notice) -> Note {
    match notice {
        Notice::MovedAside { backup_key, .. } => {
            Note::new(AppMsg::MovedAside, vec![backup_key.clone()], Tone::Warn)
        }
        Notice::QuotaExceeded => Note::new(AppMsg::QuotaFull, vec![], Tone::Warn),
        Notice::Unavailable => Note::new(AppMsg::StorageOff, vec![], Tone::Warn),
    }
}

fn link_error_msg(error: &LinkError) -> AppMsg {
    match error {
        LinkError::TooLong => AppMsg::LinkTooLong,
        LinkError::FutureVersion(_) => AppMsg::LinkFuture,
        LinkError::Invalid(_) => AppMsg::LinkInvalid,
        _ => AppMsg::LinkBad,
    }
}
