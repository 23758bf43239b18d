//! A number field for any value: reads the language's way of writing numbers, keeps
//! what is being typed until it is valid, and says next to the field what is wrong.

use super::Ctx;
use crate::i18n::{parse_number, Msg, ParseError, Text};
use leptos::prelude::*;
use rust_decimal::Decimal;

/// A text field bound to an optional number.
///
/// `check` returns the message for a refused value (`None` accepts it). A blank field is
/// `None` when `optional`, and refused otherwise. Valid values go to `set` at once; an
/// invalid text stays in the field with its message while the stored value is kept.
#[component]
pub fn NumberBox(
    ctx: Ctx,
    /// Element id (also its `data-testid`).
    id: String,
    /// The stored value.
    #[prop(into)]
    value: Signal<Option<Decimal>>,
    /// Receives every valid value.
    set: Callback<Option<Decimal>>,
    /// Why a parsed value is refused, in the current language.
    check: Callback<Decimal, Option<String>>,
    /// Whether a blank field is allowed (meaning "not measured").
    #[prop(optional)]
    optional: bool,
    /// Whether only whole numbers make sense (changes the phone keyboard).
    #[prop(optional)]
    whole: bool,
    /// Unit shown after the number.
    #[prop(into)]
    suffix: Signal<String>,
    /// Id of the visible label, when it is not a `<label for>`.
    #[prop(optional_no_strip)]
    labelled_by: Option<String>,
    /// Shown but not editable.
    #[prop(optional)]
    locked: bool,
) -> impl IntoView {
    let draft = RwSignal::new(None::<String>);
    let issue = RwSignal::new(None::<String>);
    // A change from elsewhere (a slider, an example, a whole new scenario) replaces what
    // was being typed.
    Effect::new(move |last_epoch: Option<u32>| {
        let epoch = ctx.epoch.get();
        let current = value.get();
        let lang = ctx.lang.get_untracked();
        let replaced = last_epoch.is_some_and(|e| e != epoch);
        let differs = draft.get_untracked().is_some_and(|text| {
            let typed = parse_number(&text, lang).ok();
            typed != current && !(text.trim().is_empty() && current.is_none())
        });
        if replaced || differs {
            draft.set(None);
            issue.set(None);
        }
        epoch
    });
    let on_input = move |ev| {
        let text = event_target_value(&ev);
        let lang = ctx.lang.get_untracked();
        let outcome = match parse_number(&text, lang) {
            Err(ParseError::Empty) if optional => Ok(None),
            Err(ParseError::Empty) => Err(Msg::ErrEmpty.text(lang).to_string()),
            Err(ParseError::NotANumber) => Err(Msg::ErrNotANumber.text(lang).to_string()),
            Ok(v) => match check.run(v) {
                None => Ok(Some(v)),
                Some(why) => Err(why),
            },
        };
        draft.set(Some(text));
        match outcome {
            Ok(v) => {
                issue.set(None);
                set.run(v);
            }
            Err(why) => issue.set(Some(format!("{why} {}", Msg::ErrKeptLast.text(lang)))),
        }
    };
    let on_blur = move |_| {
        if issue.get_untracked().is_none() {
            draft.set(None);
        }
    };
    let error_id = format!("{id}-error");
    view! {
        <div class="number" class:invalid=move || issue.get().is_some()>
            <input
                id=id.clone()
                type="text"
                inputmode=if whole { "numeric" } else { "decimal" }
                autocomplete="off"
                readonly=locked
                data-testid=id.clone()
                aria-labelledby=labelled_by
                aria-invalid=move || issue.get().is_some().to_string()
                aria-describedby=error_id.clone()
                prop:value=move || {
                    draft
                        .get()
                        .unwrap_or_else(|| value.get().map(|v| ctx.fmt.get().plain(v)).unwrap_or_default())
                }
                on:input=on_input
                on:blur=on_blur
            />
            <span class="suffix" aria-hidden="true">{move || suffix.get()}</span>
        </div>
        <p class="field-error" id=error_id role="alert">{move || issue.get()}</p>
    }
}
