//! The customer screen: a transactions file in, RFM segments out (issue 12), and the
//! revenue at risk proposed to the ROI model's retention line.
//!
//! The page holds only the file picker, the progress and the scenario's side of the
//! proposal (apply, undo). The customer-value worker ([`crate::worker::rfm`]), loaded
//! the first time a file is chosen, holds the rest of the screen's state and writes it
//! as HTML. Every part of the screen is HTML text, and one listener per kind of event
//! reads what was used (`data-set`, `data-action`): the full app carries neither the
//! engine nor most of the screen's texts, and hardly any view code.

use super::rfm::{view_of, Customers};
use super::widgets::{action_of, event_element};
use super::workspace::{Screen, Workspace};
use super::Ctx;
use crate::engine::measure::{apply, Proposal};
use crate::engine::model::{BenefitLine, Field};
use crate::html::legacy::esc;
use crate::i18n::{fill, AppMsg, CustomersMsg as C, Lang, ScreenMsg, Text};
use crate::worker::rfm::protocol::{Control, Request};
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Blob, Element, HtmlElement};

/// The customer screen.
#[component]
pub fn CustomersScreen(ws: Workspace) -> impl IntoView {
    let (ctx, c) = (ws.ctx, ws.customers);
    let mount = NodeRef::<leptos::html::Div>::new();
    mount.on_load(move |el| {
        let el: HtmlElement = el.into();
        el.set_inner_html(&c.html.get_untracked());
        c.mount.set_value(Some(el));
    });
    on_cleanup(move || c.mount.set_value(None));
    let applied = move || {
        c.applied.with(|a| {
            a.as_ref()
                .is_some_and(|(_, after)| ctx.inputs.with(|i| i == after))
        })
    };
    view! {
        <main
            class="customers-screen"
            on:change=move |ev| changed(ctx, c, &ev)
            on:click=move |ev| clicked(ws, &ev)
            on:dragover=move |ev: leptos::ev::DragEvent| dragged(&ev, true)
            on:dragleave=move |ev: leptos::ev::DragEvent| dragged(&ev, false)
            on:drop=move |ev: leptos::ev::DragEvent| dropped(ctx, c, &ev)
        >
            <div inner_html=move || intro(ctx.lang.get())></div>
            <div class="rfm-status">
                <div aria-live="polite" inner_html=move || status(ctx, c, applied())></div>
                // Built once per reading, not on every progress step, so it can be clicked.
                <Show when=move || c.progress.with(Option::is_some)>
                    <button type="button" class="secondary" data-action="cancel" data-testid="rfm-cancel">
                        {ctx.tr(C::Cancel)}
                    </button>
                </Show>
            </div>
            <div class="rfm-screen" node_ref=mount></div>
        </main>
    }
}

/// The title, the file picker and the paste box.
fn intro(lang: Lang) -> String {
    let t = |m: C| esc(m.text(lang));
    format!(
        "<section class=\"panel\" aria-labelledby=\"customers-title\"><h2 id=\"customers-title\">{}</h2><p class=\"hint\">{}</p>\
         <div class=\"rfm-drop\" data-testid=\"rfm-drop\"><label class=\"button\" for=\"rfm-file\">{}</label>\
         <input id=\"rfm-file\" class=\"sr-only\" type=\"file\" accept=\".csv,.tsv,.txt,text/csv,text/tab-separated-values\" data-testid=\"rfm-file\"><span>{}</span></div>\
         <details class=\"rfm-paste\"><summary>{}</summary><label for=\"rfm-paste\">{}</label>\
         <textarea id=\"rfm-paste\" rows=\"6\" spellcheck=\"false\" data-testid=\"rfm-paste\"></textarea>\
         <button type=\"button\" data-action=\"paste\" data-testid=\"rfm-paste-score\">{}</button></details></section>",
        t(C::Title),
        t(C::Hint),
        t(C::ChooseFile),
        t(C::DropHere),
        t(C::PasteSummary),
        t(C::PasteLabel),
        t(C::PasteScore),
    )
}

/// The progress of a reading (its Cancel button is apart), the note of an applied proposal
/// with its undo, or why the worker is not there.
fn status(ctx: Ctx, c: Customers, applied: bool) -> String {
    let lang = ctx.lang.get();
    let t = |m: C| esc(m.text(lang));
    if c.unavailable.get() {
        return format!(
            "<p class=\"rfm-error\" role=\"alert\" data-testid=\"rfm-unavailable\">{}</p>",
            t(C::WorkerFailed)
        );
    }
    let mut out = String::new();
    if let Some((done, total)) = c.progress.get() {
        // Whole numbers only: an f64's `Display` would link float formatting.
        let pct = if total > 0.0 {
            (done / total * 100.0) as u32
        } else {
            0
        };
        out.push_str(&format!(
            "<div class=\"rfm-progress\" data-testid=\"rfm-progress\"><label for=\"rfm-progress-bar\">{}</label><progress id=\"rfm-progress-bar\" max=\"100\" value=\"{pct}\"></progress></div>",
            esc(&fill(C::Reading.text(lang), &[&format!("{pct} %")])),
        ));
    }
    if applied {
        out.push_str(&format!(
            "<div class=\"note\" role=\"status\" data-testid=\"rfm-done\"><p>{}</p><button type=\"button\" class=\"secondary\" data-action=\"undo\" data-testid=\"rfm-undo\">{}</button><button type=\"button\" class=\"secondary\" data-action=\"see\" data-testid=\"rfm-see\">{}</button></div>",
            t(C::WinBackDone),
            esc(AppMsg::Undo.text(lang)),
            esc(ScreenMsg::FeedSee.text(lang))
        ));
    }
    out
}

/// A file chosen, or a control the worker wrote changed (it learns the new value).
fn changed(ctx: Ctx, c: Customers, ev: &web_sys::Event) {
    let Some(el) = event_element(ev) else {
        return;
    };
    if el.id() == "rfm-file" {
        if let Some(input) = el.dyn_ref::<web_sys::HtmlInputElement>() {
            if let Some(file) = input.files().and_then(|f| f.get(0)) {
                c.choose(ctx, file.into());
            }
            // The same file chosen again (after an edit) must fire `change` again.
            input.set_value("");
        }
        return;
    }
    let Some(control) = el
        .get_attribute("data-set")
        .and_then(|k| Control::from_key(&k))
    else {
        return;
    };
    let value = match el.dyn_ref::<web_sys::HtmlInputElement>() {
        Some(input) if input.type_() == "checkbox" => {
            if input.checked() { "1" } else { "0" }.to_string()
        }
        Some(input) => input.value(),
        None => el
            .dyn_ref::<web_sys::HtmlSelectElement>()
            .map(|s| s.value())
            .unwrap_or_default(),
    };
    let view = view_of(ctx);
    let id = c.next();
    c.send(
        &Request::Set {
            id,
            control,
            value,
            view,
        },
        None,
    );
}

/// A button of the screen.
fn clicked(ws: Workspace, ev: &leptos::ev::MouseEvent) {
    let (ctx, c) = (ws.ctx, ws.customers);
    let action = action_of(ev);
    match action.as_deref() {
        Some("paste") => {
            let text = document()
                .get_element_by_id("rfm-paste")
                .and_then(|e| e.dyn_into::<web_sys::HtmlTextAreaElement>().ok())
                .map(|t| t.value())
                .unwrap_or_default();
            if let Ok(blob) = Blob::new_with_str_sequence(&js_sys::Array::of1(&text.into())) {
                c.choose(ctx, blob);
            }
        }
        Some("cancel") => c.send(
            &Request::Cancel {
                id: c.current.get_untracked(),
            },
            None,
        ),
        Some("apply") => apply_proposal(ctx, c),
        Some("undo") => {
            if let Some((before, _)) = c.applied.get_untracked() {
                ctx.rewrite(|s| s.inputs = before);
            }
            c.applied.set(None);
        }
        Some("see") => {
            ws.screen.set(Screen::Calculator);
            window().scroll_to_with_x_and_y(0.0, 0.0);
        }
        Some(kind @ ("export-customers" | "export-segments")) => {
            let customers = kind == "export-customers";
            c.export.set_value(customers);
            let id = c.current.get_untracked();
            c.send(&Request::Export { id, customers }, None);
        }
        _ => {}
    }
}

/// The drop zone, shown as ready while a file is dragged over it.
fn drop_zone(ev: &leptos::ev::DragEvent) -> Option<Element> {
    event_element(ev).and_then(|e| e.closest(".rfm-drop").ok().flatten())
}

fn dragged(ev: &leptos::ev::DragEvent, over: bool) {
    if let Some(zone) = drop_zone(ev) {
        ev.prevent_default();
        let _ = zone.class_list().toggle_with_force("dragging", over);
    }
}

fn dropped(ctx: Ctx, c: Customers, ev: &leptos::ev::DragEvent) {
    let Some(zone) = drop_zone(ev) else {
        return;
    };
    ev.prevent_default();
    let _ = zone.class_list().remove_1("dragging");
    if let Some(file) = ev
        .data_transfer()
        .and_then(|d| d.files())
        .and_then(|f| f.get(0))
    {
        c.choose(ctx, file.into());
    }
}

/// Applies the proposed churn with the CRM (switching the retention line on), with undo.
fn apply_proposal(ctx: Ctx, c: Customers) {
    let Some(to) = c.proposal.get_untracked() else {
        return;
    };
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
