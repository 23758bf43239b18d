//! Reading numbers as people type them in Spanish (1.234,56) or English (1,234.56).

use super::Lang;
use crate::units::Currency;
use rust_decimal::Decimal;

/// Why typed text is not a number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ParseError {
    /// Nothing was typed.
    Empty,
    /// The text is not a number in the chosen language.
    NotANumber,
}

/// Reads a number typed in `lang`'s convention.
///
/// - Spanish: `,` is the decimal separator and `.` groups thousands; English the reverse.
///   Spaces (also non-breaking ones, as Spanish formatting uses) and `'` group too.
/// - A lone group separator not followed by exactly three digits is taken as a decimal
///   point, so `1.5` typed in Spanish is one and a half, while `1.500` is fifteen hundred.
/// - A trailing `%`, the currency symbols ($ € £, US$) and the currency codes the app
///   shows are ignored, so a value can be pasted back as it was displayed. Any other
///   letter makes the text not a number.
pub fn parse_number(text: &str, lang: Lang) -> Result<Decimal, ParseError> {
    let (decimal_sep, group_sep) = match lang {
        Lang::Es => (',', '.'),
        Lang::En => ('.', ','),
    };
    let trimmed = text.trim().trim_end_matches('%').trim();
    // Currency codes the app shows may be pasted back with the number; nothing else.
    let trimmed = Currency::ALL.iter().fold(trimmed, |t, c| {
        t.strip_prefix(c.code())
            .or_else(|| t.strip_suffix(c.code()))
            .unwrap_or(t)
            .trim()
    });
    let cleaned: String = trimmed
        .chars()
        .filter(|c| !matches!(c, ' ' | '\u{a0}' | '\u{202f}' | '\'' | '$' | '€' | '£'))
        .map(|c| if c == '\u{2212}' { '-' } else { c })
        .collect();
    let cleaned = cleaned
        .strip_prefix("US")
        .or_else(|| cleaned.strip_suffix("US"))
        .unwrap_or(&cleaned);
    if cleaned.is_empty() {
        return Err(ParseError::Empty);
    }
    let (sign, digits) = match cleaned.strip_prefix('-') {
        Some(rest) => ("-", rest),
        None => ("", cleaned),
    };
    if digits.is_empty()
        || !digits
            .chars()
            .all(|c| c.is_ascii_digit() || c == decimal_sep || c == group_sep)
    {
        return Err(ParseError::NotANumber);
    }
    let (whole, fraction) = match digits.split_once(decimal_sep) {
        Some((w, f)) => (w, Some(f)),
        None => (digits, None),
    };
    if fraction.is_some_and(|f| f.contains(decimal_sep) || f.contains(group_sep)) {
        return Err(ParseError::NotANumber);
    }
    let groups: Vec<&str> = whole.split(group_sep).collect();
    let whole_digits = match groups.as_slice() {
        [only] => only.to_string(),
        // One separator and no decimal part: "1.5" in Spanish means 1,5 unless it
        // reads as a thousands group ("1.500").
        [head, tail]
            if fraction.is_none() && tail.len() != 3 && !head.is_empty() && !tail.is_empty() =>
        {
            return Decimal::from_str_exact(&format!("{sign}{head}.{tail}"))
                .map_err(|_| ParseError::NotANumber);
        }
        [head, rest @ ..] => {
            let valid = !head.is_empty() && head.len() <= 3 && rest.iter().all(|g| g.len() == 3);
            if !valid {
                return Err(ParseError::NotANumber);
            }
            groups.concat()
        }
        [] => return Err(ParseError::NotANumber),
    };
    let literal = match fraction {
        Some(f) if !f.is_empty() => format!(
            "{sign}{}.{f}",
            if whole_digits.is_empty() {
                "0"
            } else {
                &whole_digits
            }
        ),
        _ if whole_digits.is_empty() => return Err(ParseError::NotANumber),
        _ => format!("{sign}{whole_digits}"),
    };
    Decimal::from_str_exact(&literal).map_err(|_| ParseError::NotANumber)
}
