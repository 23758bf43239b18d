//! The remembered language, in localStorage (the currency travels with the scenario).
//!
//! Storage can be blocked (private modes, sandboxed iframes) and then throws: every
//! access here fails soft and the app keeps its in-memory choice.

use crate::i18n::Lang;

const LANG_KEY: &str = "retorno.lang";

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

fn read(key: &str) -> Option<String> {
    storage()?.get_item(key).ok().flatten()
}

fn write(key: &str, value: &str) {
    if let Some(storage) = storage() {
        // A full or blocked storage only means the choice is not remembered.
        let _ = storage.set_item(key, value);
    }
}

/// The remembered language, else the browser's.
pub fn lang() -> Lang {
    read(LANG_KEY)
        .and_then(|code| Lang::from_code(&code))
        .unwrap_or_else(|| {
            Lang::from_browser(
                &web_sys::window()
                    .and_then(|w| w.navigator().language())
                    .unwrap_or_default(),
            )
        })
}

/// Remembers the language.
pub fn set_lang(lang: Lang) {
    write(LANG_KEY, lang.code());
}

const AUTHOR_KEY: &str = "retorno.author";

/// Who prepares reports on this device ("prepared by"), cut to `max` characters: it is
/// the rep's, not the scenario's, so it is remembered here rather than shared in links.
pub fn author(max: usize) -> String {
    read(AUTHOR_KEY)
        .unwrap_or_default()
        .chars()
        .take(max)
        .collect()
}

/// Remembers who prepares reports.
pub fn set_author(name: &str) {
    write(AUTHOR_KEY, name);
}
