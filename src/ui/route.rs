//! The screen on show lives in the address bar (`?screen=measure`), so the back and
//! forward buttons move between screens, a screen can be bookmarked or linked to, and a
//! share link can open on one (`index.html?screen=measure#s=…`). The calculator has no
//! parameter; presentation mode is a way of showing the calculator, not a place.

use super::workspace::Screen;
use leptos::prelude::*;
use wasm_bindgen::JsValue;

const PARAM: &str = "screen";

/// The screen the page's address names (the calculator when it names none, or one this
/// version does not know).
pub fn current() -> Screen {
    let search = window().location().search().unwrap_or_default();
    web_sys::UrlSearchParams::new_with_str(&search)
        .ok()
        .and_then(|params| params.get(PARAM))
        .and_then(|slug| Screen::from_slug(&slug))
        .unwrap_or(Screen::Calculator)
}

/// Keeps `screen` and the address in step: a new screen is a new history entry; back
/// and forward show the screen of their entry.
pub fn follow(screen: RwSignal<Screen>) {
    Effect::new(move |_| {
        let shown = screen.get();
        if shown != Screen::Present && shown != current() {
            push(shown);
        }
    });
    let on_pop = window_event_listener(leptos::ev::popstate, move |_| screen.set(current()));
    // The listener lives as long as the page.
    std::mem::forget(on_pop);
}

fn push(screen: Screen) {
    let location = window().location();
    let Ok(search) = web_sys::UrlSearchParams::new_with_str(&location.search().unwrap_or_default())
    else {
        return;
    };
    match screen.slug() {
        Some(slug) => search.set(PARAM, slug),
        None => search.delete(PARAM),
    }
    let query = String::from(search.to_string());
    let url = format!(
        "{}{}{}",
        location.pathname().unwrap_or_default(),
        if query.is_empty() { "" } else { "?" },
        query
    );
    if let Ok(history) = window().history() {
        let _ = history.push_state_with_url(&JsValue::NULL, "", Some(&url));
    }
}
