//! Small controls both front doors use: the language switch and the currency choice;
//! a download, and the element an event happened on.

use super::Ctx;
use crate::i18n::{Lang, Msg, Text};
use crate::units::Currency;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Español / English.
#[component]
pub fn LangSwitch(ctx: Ctx) -> impl IntoView {
    // The visible code comes first in the accessible name (WCAG 2.5.3, label in name).
    let button = move |lang: Lang, code: &'static str, name: &'static str| {
        view! {
            <button
                type="button"
                lang=lang.code()
                aria-pressed=move || (ctx.lang.get() == lang).to_string()
                on:click=move |_| ctx.lang.set(lang)
            >
                {code}
                <span class="sr-only">" " {name}</span>
            </button>
        }
    };
    view! {
        <div class="lang" role="group" aria-label=ctx.tr(Msg::Language)>
            {button(Lang::Es, "ES", "Español")}
            {button(Lang::En, "EN", "English")}
        </div>
    }
}

/// The currency every amount is shown in (amounts are never converted).
#[component]
pub fn CurrencySelect(ctx: Ctx) -> impl IntoView {
    view! {
        <label class="currency">
            <span>{ctx.tr(Msg::Currency)}</span>
            <select
                data-testid="currency"
                prop:value=move || ctx.fmt.get().currency.code()
                on:change=move |ev| {
                    if let Some(currency) = Currency::from_code(&event_target_value(&ev)) {
                        ctx.scenario.update(|s| s.currency = currency);
                    }
                }
            >
                {Currency::ALL
                    .into_iter()
                    .map(|c| view! { <option value=c.code()>{c.code()}</option> })
                    .collect_view()}
            </select>
        </label>
    }
}

/// Keeps the page's `lang` attribute and title in the chosen language.
pub fn follow_language(ctx: Ctx, title: impl Text) {
    Effect::new(move |_| {
        let lang = ctx.lang.get();
        if let Some(root) = document().document_element() {
            let _ = root.set_attribute("lang", lang.code());
        }
        document().set_title(title.text(lang));
    });
}

/// Triggers a download of `text` as `file_name`, of type `mime`.
pub fn download(file_name: &str, mime: &str, text: &str) {
    let parts = js_sys::Array::of1(&text.into());
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) else {
        return;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return;
    };
    if let Some(a) = document()
        .create_element("a")
        .ok()
        .and_then(|e| e.dyn_into::<web_sys::HtmlAnchorElement>().ok())
    {
        a.set_href(&url);
        a.set_download(file_name);
        a.click();
    }
    let _ = web_sys::Url::revoke_object_url(&url);
}

/// The element an event happened on.
pub fn event_element(ev: &web_sys::Event) -> Option<web_sys::Element> {
    ev.target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
}
