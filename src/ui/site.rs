//! "Put it on your website": the site owner picks the visitor's calculator's options,
//! sees the real frame, and copies the snippet (an `<iframe>` and the host script).

use super::Ctx;
use crate::i18n::{fill, AppMsg, Lang, ScreenMsg};
use crate::scenario::embed::{options_query, parse_options, VISITOR_FIELDS};
use crate::units::Currency;
use leptos::prelude::*;

/// The folder the app is served from (`https://example.com/tools/roi/`), for the snippet.
fn base_url() -> String {
    let location = window().location();
    let path = location.pathname().unwrap_or_default();
    let folder = path.rsplit_once('/').map_or("", |(folder, _)| folder);
    format!("{}{folder}/", location.origin().unwrap_or_default())
}

/// The options panel, the snippet and the live preview.
#[component]
pub fn PutOnWebsite(ctx: Ctx) -> impl IntoView {
    let lang = RwSignal::new(String::new());
    let currency = RwSignal::new(String::new());
    let accent = RwSignal::new("#0f4c5c".to_string());
    let dark = RwSignal::new(false);
    let presets = RwSignal::new(false);
    let cta = RwSignal::new(String::new());
    let cta_url = RwSignal::new(String::new());
    let host = RwSignal::new(String::new());
    let events = RwSignal::new(false);
    let copied = RwSignal::new(false);
    // The preview loads a second app: only when asked for.
    let preview = RwSignal::new(false);

    // The options as a URL would carry them, read back by the frame's own rules, so the
    // owner sees here exactly what the frame will do.
    let checked = Memo::new(move |_| {
        let mut pairs: Vec<(String, String)> = Vec::new();
        let mut push = |k: &str, v: String| {
            if !v.trim().is_empty() {
                pairs.push((k.to_string(), v));
            }
        };
        push("lang", lang.get());
        push("currency", currency.get());
        if accent.get() != "#0f4c5c" {
            push("accent", accent.get());
        }
        if dark.get() {
            push("theme", "dark".into());
        }
        if presets.get() {
            ctx.inputs.with(|i| {
                for f in VISITOR_FIELDS {
                    push(&format!("v.{}", f.key()), f.get(i).normalize().to_string());
                }
            });
        }
        push("cta", cta.get());
        push("cta_url", cta_url.get());
        push("host", host.get());
        if events.get() {
            push("events", "1".into());
        }
        parse_options(pairs)
    });
    let snippet = move || {
        let (options, _) = checked.get();
        let query = options_query(&options);
        let base = base_url();
        let title = ctx.t(ScreenMsg::SiteFrameTitle);
        let sep = if query.is_empty() { "" } else { "?" };
        format!(
            "<iframe data-retorno src=\"{base}embed.html{sep}{query}\" title=\"{title}\" \
             style=\"width:100%;border:0;height:900px\" loading=\"lazy\"></iframe>\n\
             <script src=\"{base}embed.js\" async></script>"
        )
    };
    // The preview talks to this page (its host is this app's origin), never sends results.
    let preview_src = move || {
        let (mut options, _) = checked.get();
        options.host = window().location().origin().ok();
        options.events = false;
        let query = options_query(&options);
        format!("embed.html?{query}")
    };
    let problems = move || {
        let (_, problems) = checked.get();
        (!problems.is_empty()).then(|| {
            let keys: Vec<&str> = problems.iter().map(|p| p.key()).collect();
            view! {
                <p class="warn-text" role="status" data-testid="site-problems">
                    {fill(ctx.t(ScreenMsg::SiteProblems), &[&keys.join(", ")])}
                </p>
            }
        })
    };
    let copy = move |_| {
        let _ = window().navigator().clipboard().write_text(&snippet());
        copied.set(true);
    };
    let text =
        move |id: &'static str, label: AppMsg, value: RwSignal<String>, kind: &'static str| {
            view! {
                <div class="field">
                    <label for=id>{ctx.tr(label)}</label>
                    <input id=id data-testid=id type=kind prop:value=move || value.get()
                        on:input=move |ev| value.set(event_target_value(&ev)) />
                </div>
            }
        };
    let check = move |id: &'static str, label: AppMsg, value: RwSignal<bool>| {
        view! {
            <label class="check" for=id>
                <input id=id data-testid=id type="checkbox" prop:checked=move || value.get()
                    on:change=move |ev| value.set(event_target_checked(&ev)) />
                <span>{ctx.tr(label)}</span>
            </label>
        }
    };
    view! {
        <section class="panel site" aria-labelledby="site-title" data-testid="site-panel">
            <h2 id="site-title">{ctx.tr(ScreenMsg::SiteTitle)}</h2>
            <p class="hint">{ctx.tr(ScreenMsg::SiteHint)}</p>
            <div class="grid">
                <div class="field">
                    <label for="site-lang">{ctx.tr(ScreenMsg::SiteLang)}</label>
                    <select id="site-lang" data-testid="site-lang" on:change=move |ev| lang.set(event_target_value(&ev))>
                        <option value="">{ctx.tr(ScreenMsg::SiteLangVisitor)}</option>
                        {Lang::ALL.map(|l| view! { <option value=l.code()>{l.code().to_uppercase()}</option> }).collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label for="site-currency">{ctx.tr(ScreenMsg::SiteCurrency)}</label>
                    <select id="site-currency" data-testid="site-currency" on:change=move |ev| currency.set(event_target_value(&ev))>
                        <option value="">"EUR"</option>
                        {Currency::ALL[1..].iter().map(|c| view! { <option value=c.code()>{c.code()}</option> }).collect_view()}
                    </select>
                </div>
                {text("site-accent", AppMsg::SiteAccent, accent, "color")}
                {text("site-cta", AppMsg::SiteCtaText, cta, "text")}
                {text("site-cta-url", AppMsg::SiteCtaUrl, cta_url, "url")}
                {text("site-host", AppMsg::SiteHost, host, "url")}
            </div>
            <div class="checks">
                {check("site-dark", AppMsg::SiteThemeDark, dark)}
                {check("site-presets", AppMsg::SitePresets, presets)}
                {check("site-events", AppMsg::SiteEvents, events)}
            </div>
            {problems}
            <p class="hint">{ctx.tr(ScreenMsg::SiteWhatLeaves)}</p>
            <div class="field">
                <label for="site-snippet">{ctx.tr(ScreenMsg::SiteSnippet)}</label>
                <textarea id="site-snippet" data-testid="site-snippet" rows="4" readonly prop:value=snippet></textarea>
            </div>
            <div class="actions">
                <button type="button" class="secondary" data-testid="site-copy" on:click=copy>{ctx.tr(ScreenMsg::SiteCopy)}</button>
                <span role="status">{move || copied.get().then(|| ctx.t(ScreenMsg::SiteCopied))}</span>
            </div>
            <div class="actions">
                <button type="button" class="secondary" data-testid="site-show-preview"
                    aria-expanded=move || preview.get().to_string()
                    on:click=move |_| preview.update(|p| *p = !*p)>
                    {ctx.tr(ScreenMsg::SitePreview)}
                </button>
            </div>
            <Show when=move || preview.get()>
                <iframe data-retorno class="site-preview" data-testid="site-preview" title=ctx.tr(ScreenMsg::SiteFrameTitle) src=preview_src></iframe>
            </Show>
        </section>
    }
}
