//! Small controls both front doors use: the language switch and the currency choice.

use super::Ctx;
use crate::i18n::{Lang, Msg, Text};
use crate::units::Currency;
use leptos::prelude::*;

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
