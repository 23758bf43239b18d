//! Numbers for display, through the browser's `Intl.NumberFormat`.
//!
//! The browser already knows how each locale writes money (symbol placement, grouping,
//! the non-breaking spaces of Spanish), so nothing here is hand-written locale data.
//! Formatters are built once per (language, currency, style) and cached: building one
//! costs far more than using it, and the results re-render on every slider step.

use super::{fill, Lang, Msg, Text};
use crate::units::Currency;
use crate::units::Unit;
use rust_decimal::prelude::*;
use std::cell::RefCell;
use std::collections::HashMap;
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    /// `Intl.NumberFormat`, bound here so `format` is a direct method call returning a
    /// string (js-sys exposes it as a getter returning a function).
    #[wasm_bindgen(js_namespace = Intl)]
    type NumberFormat;

    #[wasm_bindgen(constructor, js_namespace = Intl)]
    fn new(locales: &js_sys::Array, options: &js_sys::Object) -> NumberFormat;

    #[wasm_bindgen(method, js_class = "Intl.NumberFormat", js_name = format)]
    fn format_f64(this: &NumberFormat, value: f64) -> String;
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Style {
    /// Currency, whole units.
    Money,
    /// Currency with the minor unit (cents).
    MoneyCents,
    /// Currency, compact ("1,2 M€"), for axes and very large figures.
    MoneyCompact,
    /// Plain number, up to four decimals, grouped (number fields).
    Plain,
    /// Percentage with one decimal; input is already × 100.
    Percent,
    /// Percentage with up to four decimals, as typed (the report's assumptions).
    PercentExact,
    /// Plain number with one decimal (months, days).
    OneDecimal,
}

thread_local! {
    static CACHE: RefCell<HashMap<(Lang, Currency, Style), NumberFormat>> =
        RefCell::new(HashMap::new());
}

fn options(currency: Currency, style: Style) -> js_sys::Object {
    let options = js_sys::Object::new();
    let set = |key: &str, value: JsValue| {
        // Setting a property on a fresh plain object cannot fail.
        let _ = js_sys::Reflect::set(&options, &key.into(), &value);
    };
    match style {
        Style::Money | Style::MoneyCents | Style::MoneyCompact => {
            set("style", "currency".into());
            set("currency", currency.code().into());
            match style {
                Style::Money => set("maximumFractionDigits", 0.into()),
                Style::MoneyCents => set("minimumFractionDigits", 2.into()),
                _ => {
                    set("notation", "compact".into());
                    set("maximumSignificantDigits", 3.into());
                }
            }
            if style == Style::Money {
                set("minimumFractionDigits", 0.into());
            }
        }
        Style::Plain => set("maximumFractionDigits", 4.into()),
        Style::Percent | Style::PercentExact => {
            set("style", "percent".into());
            let digits = if style == Style::Percent { 1 } else { 4 };
            set("maximumFractionDigits", digits.into());
        }
        Style::OneDecimal => set("maximumFractionDigits", 1.into()),
    }
    options
}

fn format(lang: Lang, currency: Currency, style: Style, value: f64) -> String {
    CACHE.with(|cache| {
        let mut cache = cache.borrow_mut();
        let formatter = cache.entry((lang, currency, style)).or_insert_with(|| {
            let locales = js_sys::Array::of1(&lang.tag().into());
            NumberFormat::new(&locales, &options(currency, style))
        });
        formatter.format_f64(value)
    })
}

/// Formats numbers for one language and currency.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Fmt {
    /// Display language.
    pub lang: Lang,
    /// Currency of amounts.
    pub currency: Currency,
}

fn f(value: Decimal) -> f64 {
    value.to_f64().unwrap_or(0.0)
}

impl Fmt {
    /// An amount in whole currency units, compact past ten million so it fits its card.
    pub fn money(self, value: Decimal) -> String {
        let style = if value.abs() >= Decimal::from(10_000_000) {
            Style::MoneyCompact
        } else {
            Style::Money
        };
        format(self.lang, self.currency, style, f(value))
    }

    /// An amount with cents when it has them (prices, rates).
    pub fn money_precise(self, value: Decimal) -> String {
        let style = if value.round_dp(2).fract().is_zero() {
            Style::Money
        } else {
            Style::MoneyCents
        };
        format(self.lang, self.currency, style, f(value))
    }

    /// An amount in compact form ("1,2 M €"), for chart axes.
    pub fn money_compact(self, value: Decimal) -> String {
        format(self.lang, self.currency, Style::MoneyCompact, f(value))
    }

    /// A percentage given as the user sees it (12.5 → "12,5 %").
    pub fn percent(self, value: Decimal) -> String {
        format(self.lang, self.currency, Style::Percent, f(value) / 100.0)
    }

    /// A fraction as a percentage with one decimal (0.125 → "12,5 %"), for the rates of
    /// statistics, which are `f64`.
    pub fn share(self, fraction: f64) -> String {
        format(self.lang, self.currency, Style::Percent, fraction)
    }

    /// An `f64` with up to four decimals (a p-value, a z statistic).
    pub fn float(self, value: f64) -> String {
        format(self.lang, self.currency, Style::Plain, value)
    }

    /// An `f64` with one decimal (rate points).
    pub fn tenths(self, value: f64) -> String {
        format(self.lang, self.currency, Style::OneDecimal, value)
    }

    /// A plain number, up to four decimals, as a number field shows it.
    pub fn plain(self, value: Decimal) -> String {
        format(self.lang, self.currency, Style::Plain, f(value))
    }

    /// Months with one decimal ("14,2 meses").
    pub fn months(self, months: Decimal) -> String {
        fill(
            Msg::Months.text(self.lang),
            &[&format(
                self.lang,
                self.currency,
                Style::OneDecimal,
                f(months),
            )],
        )
    }

    /// A moment (milliseconds since 1970) as a short local date and time.
    pub fn date_time(self, millis: i64) -> String {
        let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(millis as f64));
        let options = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&options, &"dateStyle".into(), &"medium".into());
        let _ = js_sys::Reflect::set(&options, &"timeStyle".into(), &"short".into());
        date.to_locale_string(self.lang.tag(), &options).into()
    }

    /// A calendar day as a medium local date ("1 abr 2025", "Apr 1, 2025").
    pub fn date(self, day: chrono::NaiveDate) -> String {
        use chrono::Datelike;
        let options = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&options, &"dateStyle".into(), &"medium".into());
        // Months count from 0 in JavaScript; years of `NaiveDate` fit a u32 once positive.
        let year = u32::try_from(day.year()).unwrap_or(0);
        let month = i32::try_from(day.month0()).unwrap_or(0);
        let date = i32::try_from(day.day()).unwrap_or(1);
        js_sys::Date::new_with_year_month_day(year, month, date)
            .to_locale_date_string(self.lang.tag(), &options)
            .into()
    }

    /// Today as a long local date ("1 de diciembre de 2026").
    pub fn today(self) -> String {
        let options = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&options, &"dateStyle".into(), &"long".into());
        js_sys::Date::new_0()
            .to_locale_date_string(self.lang.tag(), &options)
            .into()
    }

    /// A value in the unit of a field as it was typed: percentages with all their
    /// decimals (up to four), the rest as [`Fmt::in_unit`].
    pub fn exact(self, unit: Unit, value: Decimal) -> String {
        match unit {
            Unit::Percent => format(
                self.lang,
                self.currency,
                Style::PercentExact,
                f(value) / 100.0,
            ),
            _ => self.in_unit(unit, value),
        }
    }

    /// A value in the unit of a field, with its unit (its singular after 1: "1 año").
    pub fn in_unit(self, unit: Unit, value: Decimal) -> String {
        let msg = match unit {
            Unit::Money => return self.money_precise(value),
            Unit::Percent => return self.percent(value),
            Unit::Count => return self.plain(value),
            Unit::Hours => Msg::UnitHours,
            Unit::Minutes => Msg::UnitMinutes,
            Unit::Days => Msg::UnitDays,
            Unit::Weeks => Msg::UnitWeeks,
            Unit::Years => Msg::UnitYears,
        };
        let n = self.plain(value);
        let unit = fill(msg.text(self.lang), &[&n]);
        format!("{n} {unit}")
    }
}
