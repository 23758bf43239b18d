//! One/other plural forms of a counted noun ("1 año", "2 años"; "1 year", "2 years").
//!
//! The rules are CLDR's cardinal plural rules (Unicode CLDR, `common/supplemental/
//! plurals.xml`; the "Language Plural Rules" chart,
//! <https://www.unicode.org/cldr/charts/latest/supplemental/language_plural_rules.html>),
//! over CLDR's operands of a number as written: `i` its integer digits, `v` how many
//! fraction digits are shown, `f` those digits as a number (UTS #35, "Plural Operand
//! Meanings"):
//!
//! - Spanish: **one** when `n = 1` (1, and 1.0 as written with a zero decimal), else
//!   **other**. CLDR also has **many** for exact millions ("1 millón de"), which the
//!   app never writes before a counted noun, so it is read as other.
//! - English: **one** when `i = 1 and v = 0` (only "1"; "1.0" is other), else **other**.
//!
//! For whole numbers, the only ones the app counts with, both give one for exactly 1 and
//! other for 0, 2, 5, 21…

use super::Lang;

/// A CLDR cardinal plural category, of the two the app's languages use.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Plural {
    /// "1 año", "1 year".
    One,
    /// "0 años", "2 years", "21 años".
    Other,
}

/// The category of a number in `lang`, from its CLDR operands: `i` the integer digits,
/// `v` the count of visible fraction digits, `f` those digits as a number.
pub fn plural(lang: Lang, i: u64, v: u32, f: u64) -> Plural {
    let one = match lang {
        Lang::Es => i == 1 && f == 0,
        Lang::En => i == 1 && v == 0,
    };
    if one {
        Plural::One
    } else {
        Plural::Other
    }
}

/// The category of a number as the app writes it (`Intl` in either language, with no
/// trailing zero after a decimal mark: "1", "10.000", "1,5", "2.5"), as [`super::fill`]
/// needs it, without knowing the language: for such numbers CLDR's rules above give one
/// only for "1" in both languages (Spanish's "1,0", one by `n = 1`, is never written).
/// Signs, spaces and symbols around the number are ignored. `tests/i18n.rs` checks
/// this against [`plural`] for numbers written the app's ways in both languages.
pub fn of_written(text: &str) -> Plural {
    // Bytes, not chars: the digits are ASCII, and this is the smaller code.
    let b = text.as_bytes();
    match b.iter().position(u8::is_ascii_digit) {
        Some(i) if b[i] == b'1' && !b.get(i + 1).is_some_and(|d| b",.0123456789".contains(d)) => {
            Plural::One
        }
        _ => Plural::Other,
    }
}
