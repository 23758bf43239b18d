//! The A/B test screen (issue 13): two variants' visitors and conversions, the verdict
//! with its intervals, the sample a test needs, and a winning lift carried into a
//! campaign row.
//!
//! The figures come from [`crate::engine::abtest`] through the scenario's
//! [`AbTest`]. Like the customer screen, every part is HTML text and one listener per
//! kind of event reads what was used (`data-ab` on each field, `data-action` on each
//! button): the fields are written once per language or rewrite and never re-rendered
//! while typing, and the results are one text each.

use super::workspace::{Lifted, Screen, Workspace};
use super::{fields::problem_text, format::Fmt, Ctx};
use crate::engine::abtest::{AbError, Analysis, Arm, Interval, Verdict};
use crate::engine::measure::ab::lift_of;
use crate::engine::measure::{with_lift, AbField, AbTest, LiftError};
use crate::html::esc;
use crate::i18n::{fill, parse_number, AbMsg as M, AppMsg, Lang, Msg, ParseError, Text};
use crate::units::MAX_NAME_CHARS;
use leptos::prelude::*;
use rust_decimal::Decimal;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlInputElement, HtmlSelectElement};

/// The A/B test screen.
#[component]
pub fn AbScreen(ws: Workspace) -> impl IntoView {
    let ctx = ws.ctx;
    let test = Memo::new(move |_| ctx.scenario.with(|s| s.measure.ab.clone()));
    let applied = ws.lifted;
    // The fields are written again only for another language or a rewrite (the example,
    // an undo, another scenario), so typing is never interrupted.
    let fields = move |part: fn(Fmt, &AbTest) -> String| {
        move || {
            ctx.epoch.track();
            part(ctx.fmt.get(), &test.get_untracked())
        }
    };
    view! {
        <main
            class="ab-screen"
            on:input=move |ev| typed(ctx, &ev)
            on:click=move |ev| clicked(ws, test, applied, &ev)
        >
            <section class="panel" aria-labelledby="ab-title">
                <div inner_html=fields(test_fields)></div>
                <div aria-live="polite" inner_html=move || {
                    test.with(|t| result(ctx, t, applied))
                }></div>
            </section>
            <section class="panel" aria-labelledby="ab-plan-title">
                <div inner_html=fields(plan_fields)></div>
                <p class="ab-sample" aria-live="polite" data-testid="ab-sample" inner_html=move || {
                    test.with(|t| plan(ctx.fmt.get(), t))
                }></p>
            </section>
        </main>
    }
}

fn t(lang: Lang, m: M) -> String {
    esc(m.text(lang))
}

/// A number field with its label, unit and the place of its message.
fn number(fmt: Fmt, test: &AbTest, field: AbField, label: &str, unit: &str) -> String {
    let key = field.key();
    let value = fmt.plain(field.get(test));
    let mode = if field.rule().unit.is_whole() {
        "numeric"
    } else {
        "decimal"
    };
    format!(
        "<div class=\"field\"><label for=\"ab-{key}\">{label}</label><div class=\"number\">\
         <input id=\"ab-{key}\" type=\"text\" inputmode=\"{mode}\" autocomplete=\"off\" data-ab=\"{key}\" data-testid=\"ab-{key}\" value=\"{}\" aria-describedby=\"ab-{key}-error\">\
         <span class=\"suffix\" aria-hidden=\"true\">{unit}</span></div><p class=\"field-error\" id=\"ab-{key}-error\" role=\"alert\"></p></div>",
        esc(&value)
    )
}

/// The test's name, the two variants and how the test is read.
fn test_fields(fmt: Fmt, test: &AbTest) -> String {
    let lang = fmt.lang;
    let pct = esc(Msg::UnitPercent.text(lang));
    let variant = |arm: Arm, visitors: AbField, conversions: AbField| {
        let name = t(lang, M::VariantName(arm));
        format!(
            "<fieldset class=\"ab-variant\"><legend>{name}</legend>{}{}</fieldset>",
            number(fmt, test, visitors, &t(lang, M::Visitors), ""),
            number(fmt, test, conversions, &t(lang, M::Conversions), ""),
        )
    };
    format!(
        "<div class=\"ab-head\"><h2 id=\"ab-title\">{}</h2><button type=\"button\" class=\"secondary\" data-action=\"example\" data-testid=\"ab-example\">{}</button></div>\
         <p class=\"hint\">{}</p><div class=\"field ab-name\"><label for=\"ab-name\">{}</label>\
         <input id=\"ab-name\" type=\"text\" maxlength=\"{MAX_NAME_CHARS}\" data-ab=\"name\" data-testid=\"ab-name\" value=\"{}\"></div>\
         <div class=\"ab-variants\">{}{}</div><div class=\"ab-settings\">{}{}</div>",
        t(lang, M::Title),
        t(lang, M::Example),
        t(lang, M::Hint),
        t(lang, M::Name),
        esc(&test.name),
        variant(Arm::A, AbField::VisitorsA, AbField::ConversionsA),
        variant(Arm::B, AbField::VisitorsB, AbField::ConversionsB),
        number(fmt, test, AbField::Confidence, &t(lang, M::Confidence), &pct),
        number(fmt, test, AbField::ShareA, &t(lang, M::ShareA), &pct),
    )
}

/// What the sample is planned for.
fn plan_fields(fmt: Fmt, test: &AbTest) -> String {
    let lang = fmt.lang;
    let pct = esc(Msg::UnitPercent.text(lang));
    let option = |relative: bool, m: M| {
        let selected = if test.mde_relative == relative {
            " selected"
        } else {
            ""
        };
        format!(
            "<option value=\"{}\"{selected}>{}</option>",
            relative as u8,
            t(lang, m)
        )
    };
    format!(
        "<h2 id=\"ab-plan-title\">{}</h2><p class=\"hint\">{}</p><div class=\"ab-settings\">{}\
         <div class=\"ab-mde\">{}<select data-ab=\"mde-kind\" data-testid=\"ab-mde-kind\" aria-label=\"{}\">{}{}</select></div>{}{}</div>",
        t(lang, M::PlanTitle),
        t(lang, M::PlanHint),
        number(fmt, test, AbField::Baseline, &t(lang, M::Baseline), &pct),
        number(fmt, test, AbField::Mde, &t(lang, M::Mde), ""),
        t(lang, M::Mde),
        option(true, M::MdeRelative),
        option(false, M::MdeAbsolute),
        number(fmt, test, AbField::Power, &t(lang, M::Power), &pct),
        number(fmt, test, AbField::DailyTraffic, &t(lang, M::Traffic), ""),
    )
}

fn error_text(e: AbError) -> M {
    match e {
        AbError::NoVisitors(arm) => M::ErrNoVisitors(arm),
        AbError::MoreConversionsThanVisitors(arm) => M::ErrMoreConversions(arm),
        AbError::TooLarge => M::ErrTooLarge,
        AbError::Confidence => M::ErrConfidence,
        AbError::Power => M::ErrPower,
        AbError::Share => M::ErrShare,
        AbError::BaselineRate => M::ErrBaseline,
        AbError::NoEffect => M::ErrNoEffect,
        AbError::TargetRate => M::ErrTargetRate,
        // Days are asked only with traffic, so no traffic is not expected here.
        AbError::NotFinite | AbError::NoTraffic => M::ErrNotFinite,
    }
}

fn signed(x: f64, text: String) -> String {
    if x > 0.0 {
        format!("+{text}")
    } else {
        text
    }
}

/// Rate points with one decimal: 0.03 → "+3 pp".
fn points(fmt: Fmt, x: f64) -> String {
    let pp = AppMsg::UnitPoints.text(fmt.lang);
    signed(x, format!("{} {pp}", fmt.tenths(x * 100.0)))
}

/// A p-value with four decimals, or "< 0.0001" below them (never a misleading 0).
fn p_value_text(fmt: Fmt, p: f64) -> String {
    match p < 0.0001 {
        true => format!("< {}", fmt.float(0.0001)),
        false => fmt.float(p),
    }
}

fn interval(fmt: Fmt, confidence: String, ci: Interval, show: impl Fn(f64) -> String) -> String {
    fill(
        M::Interval.text(fmt.lang),
        &[&confidence, &show(ci.low), &show(ci.high)],
    )
}

/// The result of the test: the verdict, the rates, the lifts with their intervals, the
/// p-value, the split, the progress against the planned sample and the lift's use.
fn result(ctx: Ctx, test: &AbTest, applied: RwSignal<Lifted>) -> String {
    let fmt = ctx.fmt.get();
    let lang = fmt.lang;
    let title = format!("<h3>{}</h3>", t(lang, M::ResultTitle));
    if !test.has_data() {
        return format!(
            "{title}<p class=\"hint\" data-testid=\"ab-empty\">{}</p>",
            t(lang, M::Empty)
        );
    }
    let a = match test.analysis() {
        Ok(a) => a,
        Err(e) => {
            return format!(
                "{title}<p class=\"ab-error\" data-testid=\"ab-error\">{}</p>",
                t(lang, error_text(e))
            )
        }
    };
    let confidence = fmt.share(a.confidence);
    let (verdict, kind) = match a.verdict {
        Verdict::SampleRatioMismatch => (M::VerdictSrm, "bad"),
        Verdict::NotEnoughData => (M::VerdictNotEnough, "none"),
        Verdict::BWins => (M::VerdictB, "good"),
        Verdict::AWins => (M::VerdictA, "bad"),
        Verdict::NoSignificantDifference => (M::VerdictNone, "none"),
    };
    let row = |arm: Arm, n: u64, c: u64, rate: f64| {
        format!(
            "<tr><th scope=\"row\">{}</th><td>{}</td><td>{}</td><td data-testid=\"ab-rate-{}\">{}</td></tr>",
            t(lang, M::VariantName(arm)),
            fmt.float(n as f64),
            fmt.float(c as f64),
            if arm == Arm::A { "a" } else { "b" },
            fmt.share(rate)
        )
    };
    let relative = a
        .relative_lift
        .map(|r| signed(r, fmt.share(r)))
        .unwrap_or_else(|| "—".into());
    let relative_ci = a
        .relative_ci
        .map(|ci| interval(fmt, confidence.clone(), ci, |x| signed(x, fmt.share(x))))
        .unwrap_or_default();
    let p_value = a
        .test
        .map(|z| {
            fill(
                M::PValueText.text(lang),
                &[&p_value_text(fmt, z.p_value), &fmt.float(z.z)],
            )
        })
        .unwrap_or_else(|| "—".into());
    let split = fill(
        if a.srm.mismatch {
            M::SplitBroken
        } else {
            M::SplitText
        }
        .text(lang),
        &[
            &fmt.share(a.srm.observed_share_a),
            &fmt.share(a.srm.expected_share_a),
            &p_value_text(fmt, a.srm.p_value),
        ],
    );
    let figure = |label: M, key: &str, value: String, note: String| {
        format!(
            "<div><dt>{}</dt><dd data-testid=\"ab-{key}\">{}</dd><dd class=\"hint\" data-testid=\"ab-{key}-ci\">{}</dd></div>",
            t(lang, label),
            esc(&value),
            esc(&note)
        )
    };
    format!(
        "{title}<p class=\"ab-verdict {kind}\" data-testid=\"ab-verdict\">{}</p>\
         <table class=\"ab-table\"><thead><tr><th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th></tr></thead><tbody>{}{}</tbody></table>\
         <dl class=\"ab-figures\">{}{}{}{}</dl>{}{}",
        esc(&fill(verdict.text(lang), &[&confidence])),
        t(lang, M::Variant),
        t(lang, M::Visitors),
        t(lang, M::Conversions),
        t(lang, M::Rate),
        row(Arm::A, a.a.visitors, a.a.conversions, a.rate_a),
        row(Arm::B, a.b.visitors, a.b.conversions, a.rate_b),
        figure(M::AbsLift, "abs", points(fmt, a.absolute_lift), interval(fmt, confidence.clone(), a.absolute_ci, |x| points(fmt, x))),
        figure(M::RelLift, "rel", relative, relative_ci),
        figure(M::PValue, "p", p_value, String::new()),
        figure(M::Split, "split", split, String::new()),
        progress(fmt, test, &a),
        feed(ctx, &a, applied),
    )
}

/// How far the test is from its planned sample, and the warning against stopping early.
fn progress(fmt: Fmt, test: &AbTest, a: &Analysis) -> String {
    let Ok(sample) = test.sample() else {
        return String::new();
    };
    let p = crate::engine::abtest::progress(a.a, a.b, sample.per_variant);
    let lang = fmt.lang;
    let n = |x: u64| fmt.float(x as f64);
    if p.reached {
        return format!(
            "<p class=\"note\" data-testid=\"ab-progress\">{}</p>",
            esc(&fill(M::Reached.text(lang), &[&n(sample.per_variant)]))
        );
    }
    format!(
        "<div class=\"note warn\" data-testid=\"ab-progress\"><p>{}</p><p>{}</p></div>",
        esc(&fill(
            M::Progress.text(lang),
            &[
                &n(sample.per_variant),
                &n(a.a.visitors),
                &n(a.b.visitors),
                &fmt.share(p.fraction)
            ]
        )),
        t(lang, M::EarlyWarning)
    )
}

/// B's lift offered to a campaign row, or the note of the one applied.
fn feed(ctx: Ctx, a: &Analysis, applied: RwSignal<Lifted>) -> String {
    let fmt = ctx.fmt.get();
    let lang = fmt.lang;
    let note = applied.with(|n| n.as_ref().map(|(_, note)| note.clone()));
    let refused = match note {
        Some(Ok(text)) => {
            return format!(
                "<div class=\"note\" role=\"status\" data-testid=\"ab-fed\"><p>{}</p>\
                 <button type=\"button\" class=\"secondary\" data-action=\"undo\" data-testid=\"ab-undo\">{}</button>\
                 <button type=\"button\" class=\"secondary\" data-action=\"see\" data-testid=\"ab-see\">{}</button></div>",
                esc(&text),
                esc(AppMsg::Undo.text(lang)),
                t(lang, M::FeedSee)
            )
        }
        Some(Err(text)) => format!(
            "<p class=\"ab-error\" role=\"status\" data-testid=\"ab-fed\">{}</p>",
            esc(&text)
        ),
        None => String::new(),
    };
    let Some(lift) = a.relative_lift.filter(|_| a.verdict == Verdict::BWins) else {
        return String::new();
    };
    let names = ctx.scenario.with(|s| {
        s.measure
            .campaigns
            .iter()
            .map(|c| c.name.clone())
            .collect::<Vec<_>>()
    });
    let head = format!("<h3>{}</h3>", t(lang, M::FeedTitle));
    if names.is_empty() {
        return format!(
            "<div class=\"ab-feed\">{head}<p class=\"hint\">{}</p></div>",
            t(lang, M::FeedNone)
        );
    }
    let options: String = names
        .iter()
        .enumerate()
        .map(|(i, name)| format!("<option value=\"{i}\">{}</option>", esc(name)))
        .collect();
    format!(
        "<div class=\"ab-feed\">{head}<p class=\"hint\">{}</p><label for=\"ab-campaign\">{}</label>\
         <select id=\"ab-campaign\" data-testid=\"ab-campaign\">{options}</select>\
         <button type=\"button\" data-action=\"apply\" data-testid=\"ab-apply\">{}</button>{refused}</div>",
        esc(&fill(M::FeedHint.text(lang), &[&fmt.float(1.0 + lift)])),
        t(lang, M::FeedCampaign),
        t(lang, M::FeedApply),
    )
}

/// The sample the plan needs, and the days at the daily traffic.
fn plan(fmt: Fmt, test: &AbTest) -> String {
    let lang = fmt.lang;
    let sample = match test.sample() {
        Ok(s) => s,
        Err(e) => return format!("<span class=\"ab-error\">{}</span>", t(lang, error_text(e))),
    };
    let n = |x: u64| fmt.float(x as f64);
    let mut text = fill(
        M::Sample.text(lang),
        &[
            &n(sample.per_variant),
            &n(sample.per_variant.saturating_mul(2)),
            &fmt.share(sample.baseline_rate),
            &fmt.share(sample.target_rate),
        ],
    );
    match test.days(sample.per_variant) {
        Some(Ok(days)) => {
            text.push(' ');
            text.push_str(&fill(
                M::Days.text(lang),
                &[&fmt.plain(test.daily_traffic), &n(days)],
            ));
        }
        Some(Err(e)) => {
            text.push(' ');
            text.push_str(error_text(e).text(lang));
        }
        None => {}
    }
    esc(&text)
}

fn target(ev: &web_sys::Event) -> Option<Element> {
    ev.target().and_then(|t| t.dyn_into::<Element>().ok())
}

/// A field typed in: a valid value goes into the scenario at once; an invalid one stays
/// in the field with its message, and the scenario keeps the last valid value.
fn typed(ctx: Ctx, ev: &web_sys::Event) {
    let Some(el) = target(ev) else {
        return;
    };
    let Some(key) = el.get_attribute("data-ab") else {
        return;
    };
    if let Some(select) = el.dyn_ref::<HtmlSelectElement>() {
        let relative = select.value() == "1";
        ctx.scenario
            .update(|s| s.measure.ab.mde_relative = relative);
        return;
    }
    let Some(input) = el.dyn_ref::<HtmlInputElement>() else {
        return;
    };
    let text = input.value();
    if key == "name" {
        let name: String = text.chars().take(MAX_NAME_CHARS).collect();
        ctx.scenario.update(|s| s.measure.ab.name = name);
        return;
    }
    let Some(field) = AbField::from_key(&key) else {
        return;
    };
    let lang = ctx.lang.get_untracked();
    let rule = field.rule();
    let outcome = match parse_number(&text, lang) {
        // An empty count is none counted yet.
        Err(ParseError::Empty) if rule.unit.is_whole() => Ok(Decimal::ZERO),
        Err(ParseError::Empty) => Err(Msg::ErrEmpty.text(lang).to_string()),
        Err(ParseError::NotANumber) => Err(Msg::ErrNotANumber.text(lang).to_string()),
        Ok(v) => rule
            .check(v)
            .map(|()| v)
            .map_err(|p| problem_text(ctx, p, rule)),
    };
    let message = match outcome {
        Ok(v) => {
            ctx.scenario.update(|s| field.set(&mut s.measure.ab, v));
            String::new()
        }
        Err(why) => format!("{why} {}", Msg::ErrKeptLast.text(lang)),
    };
    let _ = input.set_attribute(
        "aria-invalid",
        if message.is_empty() { "false" } else { "true" },
    );
    if let Some(p) = document().get_element_by_id(&format!("ab-{key}-error")) {
        p.set_text_content(Some(&message));
    }
}

/// A button of the screen.
fn clicked(
    ws: Workspace,
    test: Memo<AbTest>,
    applied: RwSignal<Lifted>,
    ev: &leptos::ev::MouseEvent,
) {
    let ctx = ws.ctx;
    let action = target(ev)
        .and_then(|e| e.closest("[data-action]").ok().flatten())
        .and_then(|e| e.get_attribute("data-action"));
    match action.as_deref() {
        Some("example") => {
            ctx.rewrite(|s| s.measure.ab = AbTest::example());
            applied.set(None);
        }
        Some("apply") => {
            let index = document()
                .get_element_by_id("ab-campaign")
                .and_then(|e| e.dyn_into::<HtmlSelectElement>().ok())
                .and_then(|s| s.value().parse::<usize>().ok());
            let lift = test
                .with_untracked(|t| t.analysis().ok())
                .and_then(|a| a.relative_lift)
                .and_then(lift_of);
            if let (Some(index), Some(lift)) = (index, lift) {
                apply_lift(ctx, applied, index, lift);
            }
        }
        Some("undo") => {
            if let Some((before, Ok(_))) = applied.get_untracked() {
                ctx.rewrite(|s| s.measure.campaigns = before);
            }
            applied.set(None);
        }
        Some("see") => {
            ws.screen.set(Screen::Measure);
            set_timeout(
                || {
                    if let Some(el) = document().get_element_by_id("campaigns") {
                        el.scroll_into_view();
                    }
                },
                std::time::Duration::ZERO,
            );
        }
        _ => {}
    }
}

/// Scales campaign `index` by `1 + lift`, with undo, and says what changed.
fn apply_lift(ctx: Ctx, applied: RwSignal<Lifted>, index: usize, lift: Decimal) {
    let before = ctx.scenario.with_untracked(|s| s.measure.campaigns.clone());
    let Some(row) = before.get(index) else {
        return;
    };
    let lang = ctx.lang.get_untracked();
    let note = match with_lift(row, lift) {
        Ok(lifted) => {
            let fmt = ctx.fmt.get_untracked();
            let text = fill(
                M::FeedDone.text(lang),
                &[
                    &row.name,
                    &fmt.plain(row.customers),
                    &fmt.plain(lifted.customers),
                    &fmt.money_precise(row.revenue),
                    &fmt.money_precise(lifted.revenue),
                ],
            );
            ctx.rewrite(|s| {
                if let Some(slot) = s.measure.campaigns.get_mut(index) {
                    *slot = lifted;
                }
            });
            Ok(text)
        }
        Err(e) => Err(match e {
            LiftError::NoCustomers => M::LiftNoCustomers.text(lang),
            LiftError::ExceedsLeads => M::LiftExceedsLeads.text(lang),
            LiftError::Overflow => AppMsg::ErrOverflow.text(lang),
        }
        .to_string()),
    };
    applied.set(Some((before, note)));
}
