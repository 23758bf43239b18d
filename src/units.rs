//! Leaf types every layer shares: languages, currencies, units of measure, the range rule of every
//! number the user can enter, and the limits on what can be stored.
//!
//! This module imports nothing from the crate, so the engine, the scenario, the
//! catalogue and the UI can all use it without depending on each other.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// A `Decimal` constant from a mantissa and a scale: `dec(115, 1)` is 11.5.
pub const fn dec(mantissa: i64, scale: u32) -> Decimal {
    Decimal::from_parts(
        (mantissa.unsigned_abs() & 0xFFFF_FFFF) as u32,
        (mantissa.unsigned_abs() >> 32) as u32,
        0,
        mantissa < 0,
        scale,
    )
}

/// The app's languages (serialized as their two-letter code).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// Español (the default: most users speak Spanish).
    #[default]
    Es,
    /// English.
    En,
}

impl Lang {
    /// Every language, in the order offered.
    pub const ALL: [Lang; 2] = [Lang::Es, Lang::En];

    /// The language with two-letter code `code`.
    pub fn from_code(code: &str) -> Option<Lang> {
        Lang::ALL.into_iter().find(|l| l.code() == code)
    }

    /// BCP 47 tag used for `lang` attributes and `Intl` formatting.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::Es => "es-ES",
            Lang::En => "en-US",
        }
    }

    /// Two-letter code, as stored.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Es => "es",
            Lang::En => "en",
        }
    }

    /// The language for a browser language tag (`navigator.language`): English for
    /// `en…`, Spanish otherwise.
    pub fn from_browser(tag: &str) -> Lang {
        if tag.to_ascii_lowercase().starts_with("en") {
            Lang::En
        } else {
            Lang::Es
        }
    }
}

/// Currencies offered. Amounts are never converted: the currency only changes how they
/// are shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub enum Currency {
    /// Euro.
    #[default]
    EUR,
    /// US dollar.
    USD,
    /// Mexican peso.
    MXN,
    /// Colombian peso.
    COP,
    /// Argentine peso.
    ARS,
    /// Chilean peso.
    CLP,
    /// Peruvian sol.
    PEN,
    /// Pound sterling.
    GBP,
}

impl Currency {
    /// All currencies, in the order offered.
    pub const ALL: [Currency; 8] = [
        Currency::EUR,
        Currency::USD,
        Currency::MXN,
        Currency::COP,
        Currency::ARS,
        Currency::CLP,
        Currency::PEN,
        Currency::GBP,
    ];

    /// ISO 4217 code.
    pub fn code(self) -> &'static str {
        match self {
            Currency::EUR => "EUR",
            Currency::USD => "USD",
            Currency::MXN => "MXN",
            Currency::COP => "COP",
            Currency::ARS => "ARS",
            Currency::CLP => "CLP",
            Currency::PEN => "PEN",
            Currency::GBP => "GBP",
        }
    }

    /// The currency with ISO code `code`.
    pub fn from_code(code: &str) -> Option<Currency> {
        Currency::ALL.into_iter().find(|c| c.code() == code)
    }
}

/// What a number measures; decides validation (whole numbers) and display.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Unit {
    /// An amount in the scenario's currency.
    Money,
    /// A percentage as the user sees it (10 = 10 %).
    Percent,
    /// A whole count of people, customers, leads, tickets…
    Count,
    /// Hours.
    Hours,
    /// Minutes.
    Minutes,
    /// Days.
    Days,
    /// Weeks.
    Weeks,
    /// Whole years.
    Years,
}

impl Unit {
    /// Whether values must be whole numbers.
    pub fn is_whole(self) -> bool {
        matches!(self, Unit::Count | Unit::Years)
    }
}

/// Why a value was refused by a [`Rule`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Problem {
    /// Below the minimum.
    BelowMin,
    /// Above the maximum.
    AboveMax,
    /// A count or a number of years with a fractional part.
    NotWhole,
}

/// An inclusive range of accepted values and the unit they are in: the rule of one
/// number field, and of what storage, links and files may hold for it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rule {
    /// Smallest accepted value.
    pub min: Decimal,
    /// Largest accepted value.
    pub max: Decimal,
    /// What the value measures (whole numbers for counts and years).
    pub unit: Unit,
}

impl Rule {
    /// A rule from `min` to `max` in `unit`.
    pub const fn new(min: Decimal, max: Decimal, unit: Unit) -> Self {
        Rule { min, max, unit }
    }

    /// Checks `value`: within the range and, for a unit of whole numbers
    /// ([`Unit::is_whole`]), without a fractional part.
    pub fn check(self, value: Decimal) -> Result<(), Problem> {
        if value < self.min {
            Err(Problem::BelowMin)
        } else if value > self.max {
            Err(Problem::AboveMax)
        } else if self.unit.is_whole() && !value.fract().is_zero() {
            Err(Problem::NotWhole)
        } else {
            Ok(())
        }
    }

    /// `value` moved into the range (and rounded when it must be whole).
    pub fn clamp(self, value: Decimal) -> Decimal {
        let value = if self.unit.is_whole() {
            value.round()
        } else {
            value
        };
        value.max(self.min).min(self.max)
    }
}

/// Largest figure accepted for a measured figure or a campaign amount: 10¹².
pub const MEASURE_MAX: Decimal = dec(1_000_000_000_000, 0);

/// Longest name or company accepted, in characters.
pub const MAX_NAME_CHARS: usize = 120;

/// Longest notes accepted, in characters.
pub const MAX_NOTES_CHARS: usize = 4_000;

/// Longest deals paste kept in a period, in characters: about 2,000 rows. A longer
/// paste is refused with a message rather than cut.
pub const MAX_DEALS_CHARS: usize = 50_000;

/// Most rows in the campaign table.
pub const MAX_CAMPAIGNS: usize = 50;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn constants_are_the_numbers_they_say() {
        assert_eq!(dec(115, 1).to_string(), "11.5");
        assert_eq!(dec(-3, 0), Decimal::from(-3));
        assert_eq!(MEASURE_MAX, Decimal::from(1_000_000_000_000_i64));
    }

    #[test]
    fn the_range_rule() {
        let rule = Rule::new(Decimal::ZERO, Decimal::TEN, Unit::Count);
        assert_eq!(rule.check(Decimal::new(-1, 0)), Err(Problem::BelowMin));
        assert_eq!(rule.check(Decimal::new(11, 0)), Err(Problem::AboveMax));
        assert_eq!(rule.check(Decimal::new(15, 1)), Err(Problem::NotWhole));
        assert_eq!(rule.check(Decimal::TEN), Ok(()));
        assert_eq!(rule.clamp(Decimal::new(15, 1)), Decimal::TWO);
        assert_eq!(rule.clamp(Decimal::new(99, 0)), Decimal::TEN);
    }
}
