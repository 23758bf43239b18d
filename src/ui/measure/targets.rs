//! Targets (article 001 and 003: set clear, measurable goals): one per KPI, a value and
//! by which date, set here; the scorecard says where each KPI stands against its own.

use super::{kpi_value, update_measure, Derived};
use crate::engine::measure::{iso, parse_iso, scorecard, Kpi, KpiUnit, Score, Status, Target};
use crate::i18n::format::Fmt;
use crate::i18n::{fill, parse_number, AppMsg, Lang, ScreenMsg, Text};
use crate::ui::Ctx;
use chrono::NaiveDate;
use leptos::prelude::*;

/// Today in the browser's time zone (targets past their date are overdue).
fn today() -> Option<NaiveDate> {
    let now = js_sys::Date::new_0();
    NaiveDate::from_ymd_opt(
        now.get_full_year() as i32,
        now.get_month() + 1,
        now.get_date(),
    )
}

/// Every KPI's standing against its target, from its latest reading.
pub(super) fn scores(d: Derived) -> Memo<Vec<Score>> {
    Memo::new(move |_| {
        let today = today().unwrap_or_default();
        d.measure
            .with(|m| d.trends.with(|t| scorecard(m, t, today)))
    })
}

/// A score in words: "On target", "2.1 pp to go (12%), overdue", "No target".
pub(super) fn status_text(fmt: Fmt, score: &Score) -> String {
    let lang = fmt.lang;
    let unit = score.kpi.unit();
    match &score.status {
        None if score.target.is_some() => ScreenMsg::TargetNoReading.text(lang).into(),
        None | Some(Ok(Status::NoTarget)) => ScreenMsg::TargetNone.text(lang).into(),
        Some(Ok(Status::Undirected)) => ScreenMsg::TargetUndirected.text(lang).into(),
        Some(Ok(Status::OnTarget)) => ScreenMsg::TargetOn.text(lang).into(),
        Some(Ok(Status::OffTarget {
            gap,
            gap_pct,
            overdue,
        })) => {
            // A rate's gap is in percentage points, like its changes.
            let mut gap = match unit {
                KpiUnit::Percent => format!(
                    "{} {}",
                    fmt.plain(gap.round_dp(1)),
                    AppMsg::UnitPoints.text(lang)
                ),
                _ => kpi_value(fmt, unit, *gap),
            };
            if let Some(pct) = gap_pct {
                gap = format!("{gap} ({})", fmt.percent(pct.round_dp(1)));
            }
            let msg = if *overdue {
                ScreenMsg::TargetOffOverdue
            } else {
                ScreenMsg::TargetOff
            };
            fill(msg.text(lang), &[&gap])
        }
        Some(Err(_)) => "—".into(),
    }
}

/// The class of a score's cell.
pub(super) fn status_class(score: &Score) -> &'static str {
    match score.status {
        Some(Ok(Status::OnTarget)) => "verdict better",
        Some(Ok(Status::OffTarget { .. })) => "verdict worse",
        _ => "verdict",
    }
}

/// The target of a KPI as the table shows it: "≥ 12% by 2026-12-31".
pub(super) fn target_text(fmt: Fmt, kpi: Kpi, target: Option<Target>) -> String {
    let Some(t) = target else {
        return String::new();
    };
    let value = kpi_value(fmt, kpi.unit(), t.value);
    match t.by {
        Some(by) => fill(ScreenMsg::TargetBy.text(fmt.lang), &[&value, &iso(by)]),
        None => value,
    }
}

/// Sets, changes or removes one KPI's target.
#[component]
pub(super) fn TargetForm(ctx: Ctx, d: Derived) -> impl IntoView {
    let targetable: Vec<Kpi> = Kpi::ALL
        .into_iter()
        .filter(|k| k.target_rule().is_some())
        .collect();
    let first = targetable.first().copied().unwrap_or(Kpi::Conversion);
    let kpi = RwSignal::new(first);
    let value = RwSignal::new(String::new());
    let by = RwSignal::new(String::new());
    let problem = RwSignal::new(None::<String>);
    // Choosing a KPI shows its target, if it has one.
    let show = move |k: Kpi| {
        let fmt = ctx.fmt.get_untracked();
        let current = d.measure.with_untracked(|m| m.targets.get(k));
        value.set(current.map(|t| fmt.plain(t.value)).unwrap_or_default());
        by.set(current.and_then(|t| t.by).map(iso).unwrap_or_default());
        problem.set(None);
    };
    let save = move |_| {
        let k = kpi.get_untracked();
        let lang = ctx.lang.get_untracked();
        let text = value.get_untracked();
        if text.trim().is_empty() {
            update_measure(ctx, |m| m.targets.set(k, None));
            problem.set(None);
            return;
        }
        let Some(rule) = k.target_rule() else {
            return;
        };
        let parsed = parse_number(&text, lang).ok();
        match parsed.filter(|v| rule.check(*v).is_ok()) {
            Some(v) => {
                let target = Target {
                    value: v,
                    by: parse_iso(&by.get_untracked()),
                };
                update_measure(ctx, |m| m.targets.set(k, Some(target)));
                problem.set(None);
            }
            None => {
                let fmt = ctx.fmt.get_untracked();
                problem.set(Some(range_text(fmt, lang, k, rule.min, rule.max)));
            }
        }
    };
    let remove = move |_| {
        let k = kpi.get_untracked();
        update_measure(ctx, |m| m.targets.set(k, None));
        value.set(String::new());
        by.set(String::new());
        problem.set(None);
    };
    view! {
        <form class="target-form grid" data-testid="target-form" on:submit=move |ev| { ev.prevent_default(); save(()); }>
            <h3>{ctx.tr(ScreenMsg::TargetTitle)}</h3>
            <div class="field">
                <label for="target-kpi">{ctx.tr(ScreenMsg::Kpi)}</label>
                <select id="target-kpi" data-testid="target-kpi" on:change=move |ev| {
                    let key = event_target_value(&ev);
                    if let Some(k) = Kpi::from_key(&key) {
                        kpi.set(k);
                        show(k);
                    }
                }>
                    {targetable.into_iter().map(|k| view! {
                        <option value=k.key()>{move || AppMsg::KpiName(k).text(ctx.lang.get())}</option>
                    }).collect_view()}
                </select>
            </div>
            <div class="field">
                <label for="target-value">{ctx.tr(ScreenMsg::TargetValue)}</label>
                <input type="text" inputmode="decimal" id="target-value" data-testid="target-value"
                    aria-invalid=move || problem.with(Option::is_some).then_some("true")
                    aria-describedby="target-error"
                    prop:value=value on:input=move |ev| value.set(event_target_value(&ev)) />
            </div>
            <div class="field">
                <label for="target-by">{ctx.tr(ScreenMsg::TargetDate)}</label>
                <input type="date" id="target-by" data-testid="target-by" prop:value=by on:input=move |ev| by.set(event_target_value(&ev)) />
            </div>
            <div class="actions">
                <button type="submit" data-testid="target-save">{ctx.tr(ScreenMsg::TargetSave)}</button>
                <button type="button" class="secondary" data-testid="target-remove" on:click=remove>{ctx.tr(ScreenMsg::TargetRemove)}</button>
            </div>
            <p class="field-error" id="target-error" role="alert" data-testid="target-error">{move || problem.get()}</p>
        </form>
    }
}

fn range_text(
    fmt: Fmt,
    lang: Lang,
    k: Kpi,
    min: rust_decimal::Decimal,
    max: rust_decimal::Decimal,
) -> String {
    fill(
        ScreenMsg::TargetRange.text(lang),
        &[
            &kpi_value(fmt, k.unit(), min),
            &kpi_value(fmt, k.unit(), max),
        ],
    )
}
