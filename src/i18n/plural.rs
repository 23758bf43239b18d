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

/// The category of a number as the app writes it (`Intl` in either language: "1",
/// "10.000", "1,5", "2.5"), as [`super::fill`] needs it: the language is told by the
/// decimal mark. The last `.` or `,` is the decimal mark unless exactly three digits
/// follow it (then it groups thousands, as in "1.000" and "1,000"); a decimal comma is
/// Spanish, a decimal point English. Signs, spaces and symbols are ignored.
pub fn of_written(text: &str) -> Plural {
    let s: Vec<u8> = text
        .bytes()
        .filter(|b| b.is_ascii_digit() || *b == b'.' || *b == b',')
        .collect();
    let mark = s
        .iter()
        .rposition(|b| !b.is_ascii_digit())
        .filter(|p| s.len() - p - 1 != 3);
    let (int, frac) = s.split_at(mark.unwrap_or(s.len()));
    let number = |digits: &[u8]| {
        digits
            .iter()
            .filter(|b| b.is_ascii_digit())
            .fold(0u64, |n, d| {
                n.saturating_mul(10).saturating_add(u64::from(d - b'0'))
            })
    };
    let frac = frac.get(1..).unwrap_or_default();
    let lang = match mark.map(|p| s[p]) {
        Some(b',') => Lang::Es,
        _ => Lang::En,
    };
    plural(lang, number(int), frac.len() as u32, number(frac))
}
