//! The customer screen's reading form: how the worker reads the file (the column of
//! each role, the date order, the decimal mark, the header, the reference date), each
//! control sending its change to the worker as a typed [`Setting`].

use super::Customers;
use crate::engine::deals::DateOrder;
use crate::engine::measure::{iso, parse_iso};
use crate::engine::rfm::DecimalMark;
use crate::i18n::{fill, RfmMsg as R, Text};
use crate::ui::Ctx;
use crate::worker::rfm::protocol::{Reading, Request, Setting, Shown, ROLES};
use leptos::prelude::*;

/// One part of the reading the worker last sent (one memo holds the reading; its parts
/// are plain closures over it, which link far less code than a memo each).
fn reading_of<T: 'static>(
    reading: Memo<Option<Reading>>,
    part: fn(&Reading) -> T,
) -> impl Fn() -> Option<T> + Copy + Send + Sync + 'static {
    move || reading.with(|r| r.as_ref().map(part))
}

/// A `<select>` of the screen with its label: its options are `(value, text, chosen)`
/// (a reactive list), and a choice goes to `pick` with its value.
pub(in crate::ui) fn select<O, L>(
    id: &'static str,
    label: L,
    options: O,
    pick: impl Fn(String) + 'static,
) -> impl IntoView
where
    O: Fn() -> Vec<(String, String, bool)> + Send + Sync + 'static,
    L: Fn() -> &'static str + Send + Sync + 'static,
{
    view! {
        <div class="field">
            <label for=id>{label}</label>
            <select id=id data-testid=id on:change=move |ev| pick(event_target_value(&ev))>
                {move || {
                    options()
                        .into_iter()
                        .map(|(value, text, chosen)| {
                            view! { <option value=value prop:selected=chosen>{text}</option> }
                        })
                        .collect_view()
                }}
            </select>
        </div>
    }
}

/// How the file is read: the column of each role, date order, decimal mark, header,
/// reference date, and the first rows. Built once per file; each control follows the
/// worker's replies without being rebuilt.
#[component]
pub(in crate::ui) fn ReadingForm(
    ctx: Ctx,
    c: Customers,
    shown: Memo<Option<Shown>>,
) -> impl IntoView {
    let set = move |setting: Setting| {
        let id = c.next();
        c.send(&Request::Set { id, setting }, None);
    };
    let reading = Memo::new(move |_| shown.with(|s| s.as_ref().and_then(|s| s.reading.clone())));
    // The columns' names: the header's, or "Column n".
    let names = reading_of(reading, |r| {
        let width = r.headers.len().max(r.preview.first().map_or(0, Vec::len));
        (0..width)
            .map(|i| r.headers.get(i).filter(|h| !h.is_empty()).cloned())
            .collect::<Vec<_>>()
    });
    let column_names = move || {
        let lang = ctx.lang.get();
        names()
            .unwrap_or_default()
            .into_iter()
            .enumerate()
            .map(move |(i, h)| {
                h.unwrap_or_else(|| fill(R::ColumnN.text(lang), &[&(i + 1).to_string()]))
            })
    };
    let mapping = reading_of(reading, |r| r.mapping);
    let roles = ROLES.map(|role| {
        let chosen = move || mapping().and_then(|m| m.slot(role));
        let options = move || {
            // A column by its index; none as "-".
            let now = chosen();
            let none = R::NoColumn.text(ctx.lang.get()).to_string();
            let mut list = vec![("-".to_string(), none, now.is_none())];
            list.extend(
                column_names()
                    .enumerate()
                    .map(|(i, h)| (i.to_string(), h, now == Some(i))),
            );
            list
        };
        select(
            role_id(role),
            move || R::RoleName(role).text(ctx.lang.get()),
            options,
            move |value: String| set(Setting::Role(role, value.parse().ok())),
        )
    });
    let order = reading_of(reading, |r| r.date_order);
    let decimal = reading_of(reading, |r| r.decimal);
    let t = move |m: R| move || m.text(ctx.lang.get());
    let two = move |a: R, b: R, first: bool| {
        let lang = ctx.lang.get();
        vec![
            ("0".to_string(), a.text(lang).to_string(), first),
            ("1".to_string(), b.text(lang).to_string(), !first),
        ]
    };
    let date_order = select(
        "rfm-date-order",
        t(R::DateOrder),
        move || {
            let day_first = order().is_none_or(|o| o == DateOrder::DayFirst);
            two(R::DayFirst, R::MonthFirst, day_first)
        },
        move |value: String| {
            set(Setting::DateOrder(match value.as_str() {
                "1" => DateOrder::MonthFirst,
                _ => DateOrder::DayFirst,
            }))
        },
    );
    let decimal_mark = select(
        "rfm-decimal",
        t(R::Decimal),
        move || {
            let point = decimal().is_none_or(|d| d == DecimalMark::Point);
            two(R::DecimalPoint, R::DecimalComma, point)
        },
        move |value: String| {
            set(Setting::Decimal(match value.as_str() {
                "1" => DecimalMark::Comma,
                _ => DecimalMark::Point,
            }))
        },
    );
    let guess = move |certain: fn(&Reading) -> bool, id: &'static str| {
        let certain = reading_of(reading, certain);
        move || {
            (certain() == Some(false))
                .then(|| view! { <p class="warn-text" data-testid=id>{R::Guessed.text(ctx.lang.get())}</p> })
        }
    };
    let reference = reading_of(reading, |r| r.reference.map(iso).unwrap_or_default());
    let header = reading_of(reading, |r| r.has_header);
    let preview = reading_of(reading, |r| r.preview.clone());
    view! {
        <section class="panel" aria-labelledby="rfm-reading-title">
            <h2 id="rfm-reading-title">{t(R::MappingTitle)}</h2>
            <p class="hint">{t(R::MappingHint)}</p>
            <div class="rfm-roles">{roles.into_iter().collect_view()}</div>
            <div class="rfm-roles">
                <div>{date_order}{guess(|r| r.date_order_certain, "rfm-date-guess")}</div>
                <div>{decimal_mark}{guess(|r| r.decimal_certain, "rfm-decimal-guess")}</div>
                <div class="field">
                    <label for="rfm-reference">{t(R::Reference)}</label>
                    <input
                        type="date"
                        id="rfm-reference"
                        data-testid="rfm-reference"
                        prop:value=move || reference().unwrap_or_default()
                        on:change=move |ev| set(Setting::Reference(parse_iso(&event_target_value(&ev))))
                    />
                    <p class="hint">{t(R::ReferenceHint)}</p>
                </div>
                <label class="check">
                    <input
                        type="checkbox"
                        id="rfm-header"
                        data-testid="rfm-header"
                        prop:checked=move || header().unwrap_or(false)
                        on:change=move |ev| set(Setting::Header(event_target_checked(&ev)))
                    />
                    " "
                    {t(R::HasHeader)}
                </label>
            </div>
            <details class="rfm-preview">
                <summary>{t(R::PreviewSummary)}</summary>
                {move || {
                    let heads: Vec<String> = column_names().collect();
                    let rows = preview().unwrap_or_default();
                    super::results::preview(ctx.lang.get(), heads, rows)
                }}
            </details>
        </section>
    }
}

/// The id (and `data-testid`) of a role's menu.
fn role_id(role: crate::engine::rfm::Role) -> &'static str {
    use crate::engine::rfm::Role;
    match role {
        Role::Customer => "rfm-role-customer",
        Role::Date => "rfm-role-date",
        Role::Amount => "rfm-role-amount",
        Role::Quantity => "rfm-role-quantity",
        Role::Price => "rfm-role-price",
        Role::Invoice => "rfm-role-invoice",
    }
}
