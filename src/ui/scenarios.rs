//! Scenario screens: the bar above the calculator (name, save, share link), the notes
//! area, and the library (open, rename, duplicate, delete, compare, variants, export and
//! import).

use super::comparison::{self, figures};
use super::format::Fmt;
use super::session::{clear_fragment, now, Note, Tone};
use super::widgets::download;
use super::workspace::{Screen, Workspace};
use super::Ctx;
use super::{present, report};
use crate::i18n::{fill, AppMsg, Msg};
use crate::scenario::codec::{
    encode_link, export_json, import_json, unique_name, DecodeError, LONG_LINK_CHARS,
};
use crate::scenario::{Scenario, Variant};
use crate::units::{MAX_NAME_CHARS, MAX_NOTES_CHARS};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Messages for the user, with "undo" where a deletion can be taken back.
#[component]
pub fn Notes(ws: Workspace) -> impl IntoView {
    let (ctx, session) = (ws.ctx, ws.session);
    let dismiss = move |msg: AppMsg| session.notes.update(|n| n.retain(|x| x.msg != msg));
    view! {
        <div class="notes" role="status" aria-live="polite" data-testid="notes">
            <For each=move || session.notes.get() key=|n| (n.msg, n.args.clone()) let:note>
                {
                    let msg = note.msg;
                    let undo = note.undo.clone();
                    view! {
                        <div class=if note.tone == Tone::Warn { "note warn" } else { "note" } data-testid="note">
                            <p>{move || fill(ctx.t(msg), &note.args.iter().map(String::as_str).collect::<Vec<_>>())}</p>
                            {undo.map(|gone| view! {
                                <button type="button" class="secondary" data-testid="undo" on:click=move |_| {
                                    session.put(gone.clone());
                                    dismiss(msg);
                                }>{ctx.tr(AppMsg::Undo)}</button>
                            })}
                            <button type="button" class="close" aria-label=ctx.tr(AppMsg::Dismiss) on:click=move |_| dismiss(msg)>"×"</button>
                        </div>
                    }
                }
            </For>
        </div>
    }
}

/// A text field bound to one of the working scenario's text properties.
fn text_field(
    ctx: Ctx,
    id: &'static str,
    label: AppMsg,
    max: usize,
    get: fn(&Scenario) -> String,
    set: fn(&mut Scenario, String),
    multiline: bool,
) -> impl IntoView {
    let value = move || ctx.scenario.with(get);
    let on_input = move |ev: leptos::ev::Event| {
        let text: String = event_target_value(&ev).chars().take(max).collect();
        ctx.scenario.update(|s| set(s, text));
    };
    view! {
        <div class=if multiline { "field notes-field" } else { "field" }>
            <label for=id>{move || ctx.t(label)}</label>
            {if multiline {
                view! { <textarea id=id data-testid=id maxlength=max rows="2" prop:value=value on:input=on_input></textarea> }.into_any()
            } else {
                view! { <input id=id data-testid=id type="text" maxlength=max prop:value=value on:input=on_input /> }.into_any()
            }}
        </div>
    }
}

/// The scenario bar above the calculator: what this scenario is, save, share. `export`
/// downloads the scenario as a file when its link is too long ([`export_current`], which
/// the full app loads with the library's code).
#[component]
pub fn ScenarioBar(ws: Workspace, export: fn(Workspace)) -> impl IntoView {
    let (ctx, session) = (ws.ctx, ws.session);
    let link = RwSignal::new(None::<String>);
    let viewing_link = move || session.stash.with(Option::is_some);
    let is_open =
        move || ctx.scenario.with(|s| !s.id.is_empty()) && session.library.with(|l| !l.is_empty());
    let copy_link = move |_| {
        let payload = ctx.scenario.with_untracked(encode_link);
        let location = window().location();
        let url = format!(
            "{}{}#s={payload}",
            location.origin().unwrap_or_default(),
            location.pathname().unwrap_or_default()
        );
        // The clipboard can be refused (permissions, insecure context): the link is also
        // shown in a field to copy by hand.
        let _ = window().navigator().clipboard().write_text(&url);
        let chars = url.chars().count();
        let (msg, tone) = if chars > LONG_LINK_CHARS {
            (AppMsg::LinkLong, Tone::Warn)
        } else {
            (AppMsg::LinkCopied, Tone::Info)
        };
        session.note(Note::new(msg, vec![chars.to_string()], tone));
        link.set(Some(url));
    };
    let as_file = move |_| export(ws);
    view! {
        <section class="panel scenario-bar" aria-labelledby="scenario-title">
            <Show when=viewing_link>
                <div class="banner shared" data-testid="shared-banner">
                    <p>{ctx.tr(AppMsg::ViewingLink)}</p>
                    <button type="button" data-testid="keep-link" on:click=move |_| keep_link(ws)>{ctx.tr(AppMsg::KeepLink)}</button>
                    <button type="button" class="secondary" data-testid="leave-link" on:click=move |_| leave_link(ws)>{ctx.tr(AppMsg::BackToMine)}</button>
                </div>
            </Show>
            <h2 id="scenario-title" class="sr-only">{ctx.tr(AppMsg::Scenario)}</h2>
            <div class="scenario-fields">
                {text_field(ctx, "scenario-name", AppMsg::ScenarioName, MAX_NAME_CHARS, |s| s.name.clone(), |s, v| s.name = v, false)}
                {text_field(ctx, "scenario-company", AppMsg::ScenarioCompany, MAX_NAME_CHARS, |s| s.company.clone(), |s, v| s.company = v, false)}
                {text_field(ctx, "scenario-notes", AppMsg::ScenarioNotes, MAX_NOTES_CHARS, |s| s.notes.clone(), |s, v| s.notes = v, true)}
            </div>
            <div class="actions">
                <Show when=move || !is_open() && !viewing_link()>
                    <button type="button" data-testid="save" on:click=move |_| save_as_new(ws)>{ctx.tr(AppMsg::Save)}</button>
                </Show>
                <Show when=move || is_open() && !viewing_link()>
                    <button type="button" class="secondary" data-testid="save-as-new" on:click=move |_| save_as_new(ws)>{ctx.tr(AppMsg::SaveAsNew)}</button>
                </Show>
                <button type="button" class="secondary" data-testid="copy-link" on:click=copy_link>{ctx.tr(AppMsg::CopyLink)}</button>
                <button type="button" data-testid="present" on:click=move |_| present::start(ws)>{ctx.tr(AppMsg::Present)}</button>
                <button type="button" class="secondary" data-testid="report" on:click=move |_| ctx.scenario.with_untracked(report::open)>{ctx.tr(AppMsg::Report)}</button>
            </div>
            {move || link.get().map(|url| {
                let long = url.chars().count() > LONG_LINK_CHARS;
                view! {
                    <label class="field link-field">
                        <span>{ctx.t(AppMsg::LinkManual)}</span>
                        <input type="text" readonly data-testid="share-link" prop:value=url />
                    </label>
                    {long.then(|| view! {
                        <button type="button" class="secondary" data-testid="link-as-file" on:click=as_file>{ctx.tr(AppMsg::LinkAsFile)}</button>
                    })}
                }
            })}
        </section>
    }
}

fn import_text(ws: Workspace, text: String) {
    let (ctx, session) = (ws.ctx, ws.session);
    match import_json(&text) {
        Ok(scenarios) => {
            let count = scenarios.len();
            for mut scenario in scenarios {
                // Imported scenarios never replace existing ones: each gets a new id, and
                // a name already in use gets a number.
                let taken: Vec<String> = session
                    .library
                    .with_untracked(|l| l.iter().map(|s| s.name.clone()).collect());
                let wanted = scenario.name.clone();
                scenario.name = unique_name(
                    &wanted,
                    &taken.iter().map(String::as_str).collect::<Vec<_>>(),
                );
                if scenario.name != wanted {
                    session.note(Note::new(
                        AppMsg::ImportedRenamed,
                        vec![wanted, scenario.name.clone()],
                        Tone::Info,
                    ));
                }
                scenario.id = session.new_id();
                scenario.updated = scenario.updated.or_else(now);
                session.put(scenario);
            }
            session.note(Note::new(
                AppMsg::Imported,
                vec![count.to_string()],
                Tone::Info,
            ));
        }
        Err(error) => session.note(Note::new(
            AppMsg::ImportBad,
            vec![import_reason(ctx, &error)],
            Tone::Warn,
        )),
    }
}

/// Why an import failed, in the user's language.
fn import_reason(ctx: Ctx, error: &DecodeError) -> String {
    let why = |msg: AppMsg| ctx.t_untracked(msg).to_string();
    match error {
        DecodeError::TooLarge => why(AppMsg::WhyTooLarge),
        DecodeError::Syntax(_) => why(AppMsg::WhySyntax),
        DecodeError::NotAScenario(_) => why(AppMsg::WhyNotScenario),
        DecodeError::FutureVersion(_) => why(AppMsg::WhyFuture),
        DecodeError::Invalid(_) => why(AppMsg::WhyInvalid),
        DecodeError::Empty => why(AppMsg::WhyEmpty),
        DecodeError::InScenario { index, name, error } => fill(
            ctx.t_untracked(AppMsg::WhyInScenario),
            &[&(index + 1).to_string(), name, &import_reason(ctx, error)],
        ),
    }
}

/// The library of named scenarios.
#[component]
pub fn Library(ws: Workspace) -> impl IntoView {
    let (ctx, session) = (ws.ctx, ws.session);
    let selected = RwSignal::new(Vec::<String>::new());
    let renaming = RwSignal::new(None::<String>);
    let rows = move || {
        let fmt = ctx.fmt.get();
        session
            .library
            .get()
            .into_iter()
            .map(|s| {
                let id = s.id.clone();
                let report = figures(&s);
                // Each scenario's amounts in its own currency.
                let fmt = Fmt { currency: s.currency, ..fmt };
                let roi = report.as_ref().and_then(|r| r.roi_pct).map(|v| fmt.percent(v)).unwrap_or_default();
                let npv = report.as_ref().map(|r| fmt.money(r.npv)).unwrap_or_default();
                let updated = s.updated.map(|t| fmt.date_time(t.timestamp_millis())).unwrap_or_default();
                let (open_id, dup, del, ren, sel, sel2, name_id) =
                    (id.clone(), s.clone(), id.clone(), id.clone(), id.clone(), id.clone(), id.clone());
                let is_renaming = move || renaming.get().as_deref() == Some(name_id.as_str());
                let name = s.name.clone();
                view! {
                    <tr data-testid="library-row">
                        <td>
                            <input
                                type="checkbox"
                                aria-label=format!("{} {}", ctx.t(AppMsg::Compare), s.name)
                                prop:checked=move || selected.with(|v| v.contains(&sel))
                                on:change=move |ev| {
                                    let on = event_target_checked(&ev);
                                    selected.update(|v| {
                                        v.retain(|x| *x != sel2);
                                        if on && v.len() < 4 {
                                            v.push(sel2.clone());
                                        }
                                    });
                                }
                            />
                        </td>
                        <th scope="row">
                            {move || if is_renaming() {
                                let id = ren.clone();
                                view! {
                                    <input
                                        type="text"
                                        class="rename"
                                        data-testid="rename-input"
                                        aria-label=ctx.t(AppMsg::Rename)
                                        maxlength=MAX_NAME_CHARS
                                        prop:value=name.clone()
                                        on:change=move |ev| {
                                            let new_name: String = event_target_value(&ev).chars().take(MAX_NAME_CHARS).collect();
                                            if let Some(mut s) = session.library.with_untracked(|l| l.iter().find(|s| s.id == id).cloned()) {
                                                s.name = new_name.clone();
                                                s.updated = now();
                                                session.put(s);
                                            }
                                            if ctx.scenario.with_untracked(|s| s.id == id) {
                                                ctx.scenario.update(|s| s.name = new_name);
                                            }
                                            renaming.set(None);
                                        }
                                    />
                                }.into_any()
                            } else {
                                view! { <span class="name">{name.clone()}</span> }.into_any()
                            }}
                            <span class="company">{s.company.clone()}</span>
                        </th>
                        <td>{updated}</td>
                        <td>{roi}</td>
                        <td>{npv}</td>
                        <td class="row-actions">
                            <button type="button" class="secondary" data-testid="open" on:click=move |_| {
                                if let Some(s) = session.library.with_untracked(|l| l.iter().find(|s| s.id == open_id).cloned()) {
                                    ctx.replace(s);
                                    ws.screen.set(Screen::Calculator);
                                }
                            }>{ctx.tr(AppMsg::Open)}</button>
                            <button type="button" class="secondary" data-testid="rename" on:click=move |_| renaming.set(Some(id.clone()))>{ctx.tr(AppMsg::Rename)}</button>
                            <button type="button" class="secondary" data-testid="duplicate" on:click=move |_| {
                                let mut copy = dup.clone();
                                copy.id = session.new_id();
                                copy.name = fill(ctx.t_untracked(AppMsg::CopyOf), &[&dup.name]);
                                copy.created = now();
                                copy.updated = copy.created;
                                session.put(copy);
                            }>{ctx.tr(AppMsg::Duplicate)}</button>
                            <button type="button" class="secondary danger" data-testid="delete" on:click=move |_| {
                                session.delete(&del);
                                if ctx.scenario.with_untracked(|s| s.id == del) {
                                    ctx.scenario.update(|s| s.id.clear());
                                }
                                selected.update(|v| v.retain(|x| *x != del));
                            }>{ctx.tr(AppMsg::Delete)}</button>
                        </td>
                    </tr>
                }
            })
            .collect_view()
    };
    let make_variants = move |_| {
        let base = ctx.scenario.get_untracked();
        let label = if base.name.trim().is_empty() {
            ctx.t_untracked(AppMsg::Untitled).to_string()
        } else {
            base.name.clone()
        };
        for (variant, msg) in Variant::ALL.into_iter().zip([
            AppMsg::Conservative,
            AppMsg::Expected,
            AppMsg::Optimistic,
        ]) {
            let mut s = base.clone();
            s.inputs = variant.apply(&base.inputs);
            s.id = session.new_id();
            s.name = format!("{label} · {}", ctx.t_untracked(msg));
            s.created = now();
            s.updated = s.created;
            session.put(s);
        }
        session.note(Note::new(AppMsg::VariantsMade, vec![], Tone::Info));
    };
    let on_file = move |ev: leptos::ev::Event| {
        let input: Option<web_sys::HtmlInputElement> = ev.target().and_then(|t| t.dyn_into().ok());
        let Some(file) = input
            .as_ref()
            .and_then(|i| i.files())
            .and_then(|f| f.get(0))
        else {
            return;
        };
        if let Some(i) = input {
            i.set_value("");
        }
        leptos::task::spawn_local(async move {
            let text = wasm_bindgen_futures::JsFuture::from(file.text())
                .await
                .ok()
                .and_then(|v| v.as_string());
            import_text(ws, text.unwrap_or_default());
        });
    };
    view! {
        <section class="panel library" aria-labelledby="library-title">
            <h2 id="library-title">{ctx.tr(AppMsg::Library)}</h2>
            <Show
                when=move || session.library.with(|l| !l.is_empty())
                fallback=move || view! { <p class="hint">{ctx.tr(AppMsg::LibraryEmpty)}</p> }
            >
                <p class="hint">{ctx.tr(AppMsg::CompareHint)}</p>
                <div class="table-scroll" tabindex="0" role="region" aria-labelledby="library-title">
                    <table data-testid="library">
                        <thead>
                            <tr>
                                <th scope="col"><span class="sr-only">{ctx.tr(AppMsg::Compare)}</span></th>
                                <th scope="col">{ctx.tr(AppMsg::ScenarioName)}</th>
                                <th scope="col">{ctx.tr(AppMsg::Updated)}</th>
                                <th scope="col">{ctx.tr(Msg::Roi)}</th>
                                <th scope="col">{ctx.tr(Msg::Npv)}</th>
                                <th scope="col"><span class="sr-only">{ctx.tr(AppMsg::Open)}</span></th>
                            </tr>
                        </thead>
                        <tbody>{rows}</tbody>
                    </table>
                </div>
            </Show>
        </section>
        <comparison::Comparison ws selected />
        <section class="panel" aria-labelledby="variants-title">
            <h2 id="variants-title">{ctx.tr(AppMsg::Variants)}</h2>
            <p class="hint">{ctx.tr(AppMsg::VariantsHint)}</p>
            <button type="button" data-testid="make-variants" on:click=make_variants>{ctx.tr(AppMsg::MakeVariants)}</button>
        </section>
        <section class="panel" aria-labelledby="export-title">
            <h2 id="export-title">{ctx.tr(AppMsg::ExportImport)}</h2>
            <div class="actions">
                <button type="button" class="secondary" data-testid="export-current" on:click=move |_| export_current(ctx)>
                    {ctx.tr(AppMsg::ExportCurrent)}
                </button>
                <button type="button" class="secondary" data-testid="export-all" on:click=move |_| {
                    let all = session.library.get_untracked();
                    download("retorno-scenarios.json", "application/json", &export_json(&all, now()));
                }>{ctx.tr(AppMsg::ExportAll)}</button>
                <label class="file-button">
                    <span>{ctx.tr(AppMsg::Import)}</span>
                    <input type="file" accept=".json,application/json" data-testid="import" on:change=on_file />
                </label>
            </div>
        </section>
    }
}

/// Saves the working scenario as a new named one and makes it the open one.
/// Downloads the scenario on screen as an export file.
pub fn export_current(ctx: Ctx) {
    let s = ctx.scenario.get_untracked();
    download(
        "retorno-scenario.json",
        "application/json",
        &export_json(&[s], now()),
    );
}

pub fn save_as_new(ws: Workspace) {
    let (ctx, session) = (ws.ctx, ws.session);
    let mut scenario = ctx.scenario.get_untracked();
    scenario.id = session.new_id();
    if scenario.name.trim().is_empty() {
        scenario.name = format!(
            "{} {}",
            ctx.t_untracked(AppMsg::Scenario),
            session.library.with_untracked(Vec::len) + 1
        );
    }
    scenario.created = now();
    scenario.updated = scenario.created;
    session.put(scenario.clone());
    session.note(Note::new(
        AppMsg::Saved,
        vec![scenario.name.clone()],
        Tone::Info,
    ));
    ctx.scenario.set(scenario);
}

/// Leaves a shared link: back to the user's own working scenario.
pub fn leave_link(ws: Workspace) {
    let (ctx, session) = (ws.ctx, ws.session);
    if let Some(own) = session.stash.get_untracked() {
        session.stash.set(None);
        ctx.replace(own);
    }
    clear_fragment();
}

/// Keeps a shared scenario as a new named one, then returns to the user's own work.
pub fn keep_link(ws: Workspace) {
    let (ctx, session) = (ws.ctx, ws.session);
    let mut shared = ctx.scenario.get_untracked();
    shared.id = session.new_id();
    shared.created = now();
    shared.updated = shared.created;
    if shared.name.trim().is_empty() {
        shared.name = ctx.t_untracked(AppMsg::Untitled).to_string();
    }
    let taken: Vec<String> = session
        .library
        .with_untracked(|l| l.iter().map(|s| s.name.clone()).collect());
    shared.name = unique_name(
        &shared.name,
        &taken.iter().map(String::as_str).collect::<Vec<_>>(),
    );
    session.put(shared.clone());
    session.note(Note::new(AppMsg::Saved, vec![shared.name], Tone::Info));
    leave_link(ws);
}
