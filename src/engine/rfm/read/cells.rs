//! One cell of a file as a date ([`parse_date`]) or an exact number ([`parse_number`]).

use super::DecimalMark;
use crate::engine::deals::DateOrder;
use chrono::NaiveDate;
use rust_decimal::Decimal;

/// `bytes` without surrounding ASCII spaces and tabs.
pub(in crate::engine::rfm) fn trim(bytes: &[u8]) -> &[u8] {
    bytes.trim_ascii()
}

/// The value of a run of 1 to 9 ASCII digits.
pub(super) fn digits_value(digits: &[u8]) -> Option<u32> {
    if digits.is_empty() || digits.len() > 9 || !digits.iter().all(u8::is_ascii_digit) {
        return None;
    }
    Some(
        digits
            .iter()
            .fold(0u32, |acc, &d| acc * 10 + u32::from(d - b'0')),
    )
}

/// The three numbers of a date as written, and what follows the date.
pub(super) type DateParts<'a> = (&'a [u8], &'a [u8], &'a [u8], &'a [u8]);

/// A date cell split into its three numbers (as written) and what follows the date.
pub(super) fn date_parts(cell: &[u8]) -> Option<DateParts<'_>> {
    let end = cell
        .iter()
        .position(|&b| b == b' ' || b == b'T')
        .unwrap_or(cell.len());
    let (date, rest) = cell.split_at(end);
    let separator = *date.iter().find(|b| matches!(b, b'-' | b'/' | b'.'))?;
    let mut parts = date.split(|&b| b == separator);
    let (a, b, c) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() {
        return None;
    }
    Some((a, b, c, rest))
}

/// Whether what follows a date is a time of day: `08:26`, `08:26:00`, `T08:26:00.000Z`,
/// `8:26 PM`, `08:26:00+01:00`, or nothing.
fn is_time(rest: &[u8]) -> bool {
    let rest = rest.strip_prefix(b"T").unwrap_or(rest).trim_ascii();
    rest.is_empty()
        || rest.first().is_some_and(u8::is_ascii_digit)
            && rest.contains(&b':')
            && rest.iter().all(|b| {
                b.is_ascii_digit()
                    || matches!(
                        b,
                        b':' | b'.'
                            | b','
                            | b'+'
                            | b'-'
                            | b' '
                            | b'Z'
                            | b'A'
                            | b'P'
                            | b'M'
                            | b'a'
                            | b'p'
                            | b'm'
                    )
            })
}

/// One cell as a date: ISO year-month-day always (a first number of four digits), else
/// day-month-year or month-day-year by `order`; `-`, `/` or `.` between the numbers (the
/// same twice); a two-digit year is 20yy; a time of day after a space or `T` is ignored;
/// surrounding spaces are ignored. `None` for anything else, and for impossible dates
/// (31 February).
pub fn parse_date(cell: &[u8], order: DateOrder) -> Option<NaiveDate> {
    let (a, b, c, rest) = date_parts(trim(cell))?;
    if !is_time(rest) {
        return None;
    }
    let (y, m, d) = if a.len() == 4 {
        (a, b, c)
    } else {
        match order {
            DateOrder::DayFirst => (c, b, a),
            DateOrder::MonthFirst => (c, a, b),
        }
    };
    if m.len() > 2 || d.len() > 2 {
        return None;
    }
    let year = match y.len() {
        4 => i32::try_from(digits_value(y)?).ok()?,
        2 => 2000 + i32::try_from(digits_value(y)?).ok()?,
        _ => return None,
    };
    NaiveDate::from_ymd_opt(year, digits_value(m)?, digits_value(d)?)
}

/// The most significant digits a number may have (those of `Decimal`).
const MAX_DIGITS: u32 = 28;

/// One cell as an exact number: an optional sign (`-` or `+`), digits with the decimal
/// mark `mark` and optionally thousands grouped by the other mark (groups of exactly
/// three digits: `1,234.5`, `1.234,5`); a currency sign `€`, `$` or `£` before or after,
/// and surrounding spaces, are ignored. `None` for anything else: exponents, a misplaced
/// group mark (`2.55` with a decimal comma), more than 28 digits, an empty cell.
pub fn parse_number(cell: &[u8], mark: DecimalMark) -> Option<Decimal> {
    let mut s = trim(cell);
    for sign in ["€".as_bytes(), b"$", "£".as_bytes()] {
        if let Some(rest) = s.strip_prefix(sign) {
            s = trim(rest);
        } else if let Some(rest) = s.strip_suffix(sign) {
            s = trim(rest);
        }
    }
    let negative = match s.first() {
        Some(b'-') => true,
        Some(b'+') => false,
        _ => {
            return digits_number(s, mark, false);
        }
    };
    digits_number(s.get(1..)?, mark, negative)
}

/// The unsigned part of [`parse_number`].
fn digits_number(s: &[u8], mark: DecimalMark, negative: bool) -> Option<Decimal> {
    let (decimal, group) = match mark {
        DecimalMark::Point => (b'.', b','),
        DecimalMark::Comma => (b',', b'.'),
    };
    let (int, frac) = match s.iter().position(|&b| b == decimal) {
        Some(at) => (s.get(..at)?, Some(s.get(at + 1..)?)),
        None => (s, None),
    };
    if int.is_empty() && frac.is_none_or(<[u8]>::is_empty) {
        return None;
    }
    let mut mantissa: i128 = 0;
    let mut digits = 0u32;
    let mut push = |d: u8| -> Option<()> {
        if !d.is_ascii_digit() {
            return None;
        }
        if mantissa != 0 || d != b'0' {
            digits += 1;
        }
        if digits > MAX_DIGITS {
            return None;
        }
        mantissa = mantissa * 10 + i128::from(d - b'0');
        Some(())
    };
    if int.contains(&group) {
        let mut groups = int.split(|&b| b == group);
        let head = groups.next()?;
        if head.is_empty() || head.len() > 3 {
            return None;
        }
        head.iter().try_for_each(|&d| push(d))?;
        for g in groups {
            if g.len() != 3 {
                return None;
            }
            g.iter().try_for_each(|&d| push(d))?;
        }
    } else {
        int.iter().try_for_each(|&d| push(d))?;
    }
    let frac = frac.unwrap_or_default();
    frac.iter().try_for_each(|&d| push(d))?;
    let scale = u32::try_from(frac.len()).ok()?;
    if scale > MAX_DIGITS {
        return None;
    }
    let value = Decimal::try_from_i128_with_scale(mantissa, scale).ok()?;
    Some(if negative { -value } else { value })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn dec(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap_or_default()
    }

    #[test]
    fn numbers() {
        let p = DecimalMark::Point;
        let c = DecimalMark::Comma;
        assert_eq!(parse_number(b"2.55", p), Some(dec("2.55")));
        assert_eq!(parse_number(b" -12 ", p), Some(dec("-12")));
        assert_eq!(parse_number(b"1,234.5", p), Some(dec("1234.5")));
        assert_eq!(parse_number(b"1.234,5", c), Some(dec("1234.5")));
        assert_eq!(parse_number("12,50 €".as_bytes(), c), Some(dec("12.50")));
        assert_eq!(parse_number(b"$3", p), Some(dec("3")));
        assert_eq!(parse_number(b".5", p), Some(dec("0.5")));
        assert_eq!(parse_number(b"2.55", c), None);
        assert_eq!(parse_number(b"1,23.4", p), None);
        assert_eq!(parse_number(b"1e5", p), None);
        assert_eq!(parse_number(b"", p), None);
        assert_eq!(parse_number(b"-", p), None);
        assert_eq!(parse_number(b".", p), None);
        assert_eq!(parse_number(b"n/a", p), None);
        assert_eq!(parse_number(&[b'9'; 40], p), None);
        assert_eq!(parse_number(b"0.0010", p), Some(dec("0.001")));
    }

    #[test]
    fn dates() {
        let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day);
        let df = DateOrder::DayFirst;
        let mf = DateOrder::MonthFirst;
        assert_eq!(parse_date(b"2010-12-01 08:26:00", df), d(2010, 12, 1));
        assert_eq!(parse_date(b"2010-12-01T08:26:00.000Z", mf), d(2010, 12, 1));
        assert_eq!(parse_date(b"01/12/2010 08:26", df), d(2010, 12, 1));
        assert_eq!(parse_date(b"12/1/2010 8:26 AM", mf), d(2010, 12, 1));
        assert_eq!(parse_date(b"1.12.10", df), d(2010, 12, 1));
        assert_eq!(parse_date(b"2010-12-01", df), d(2010, 12, 1));
        assert_eq!(parse_date(b"31/02/2010", df), None);
        assert_eq!(parse_date(b"2010-12-01 soon", df), None);
        assert_eq!(parse_date(b"1/12-2010", df), None);
        assert_eq!(parse_date(b"Invoice", df), None);
        assert_eq!(parse_date(b"45730", df), None);
    }
}
