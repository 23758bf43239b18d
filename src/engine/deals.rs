//! The sales cycle from pasted rows of (created date, closed date), e.g. two columns
//! copied from a spreadsheet or a CRM export.
//!
//! [`parse_deals`] reads the text line by line and keeps the good rows and, separately,
//! the bad ones with their line number and the reason, so the interface can show "3 rows
//! skipped: line 7, column 2 is not a date…" while [`cycle_stats`] summarises the rest.
//!
//! # What a line may look like
//!
//! - **Columns** are separated by tabs (a spreadsheet paste) if the line has one, else by
//!   semicolons if it has one, else by commas if it has one, else by runs of spaces; only
//!   separators outside double quotes count (`"Acme, Inc";…` keeps its comma). None of the accepted date formats contains
//!   a comma, so a comma is only ever a column separator. Cells are trimmed of spaces
//!   (including non-breaking ones) and of surrounding `"` or `'` quotes.
//! - **Dates**: ISO `2025-03-14` always (any cell whose first number has four digits is
//!   year-month-day, also `2025/03/14` and `2025.03.14`); otherwise the [`DateOrder`] of
//!   the language: `14/03/2025` day first, `3/14/2025` month first, with `/`, `-` or `.`
//!   between the numbers (the same separator twice). Day and month have one or two
//!   digits; a **two-digit year means 20yy** (`31/12/25` is 2025-12-31, `1/1/99` is
//!   2099-01-01). A time of day after the date (`2025-03-14 10:30`,
//!   `2025-03-14T10:30:00Z`, `3/14/2025 9:05 AM`) is ignored. Impossible dates
//!   (`31/02/2025`), month names, and spreadsheet serial numbers (`45730`) are not dates.
//! - **Which columns**: the created date, then the closed date, in the first two columns;
//!   further columns (amount, owner, stage…) are ignored. When most rows instead have a
//!   first column that is not a date followed by two dates (name, created, closed), the
//!   dates are read from the second and third columns of every row. The choice is made
//!   once for the whole text, by counting the rows that have two dates in each place.
//! - **Blank lines** are ignored. The **first non-blank line is a header**, and skipped
//!   silently, when no cell of it is a date and both its date columns contain letters
//!   (`Created<TAB>Closed`, `Deal;Fecha alta;Fecha cierre`).
//!
//! Every other line is a deal or a [`BadRow`]. A deal closed on the day it was created is
//! fine (0 days); one closed before it was created is a bad row.
//!
//! # Size limit
//!
//! At most [`MAX_INPUT_BYTES`] (1 MiB) and [`MAX_LINES`] (100,000 lines, blank ones
//! included) are read: beyond the first 1 MiB the text is cut at the end of the last
//! whole line, and lines after the 100,000th are dropped. Nothing beyond is reported line
//! by line; [`DealsParse::truncated`] says that something was left out.

use super::kpi::{self, CycleStats, KpiError};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// The most bytes of pasted text [`parse_deals`] reads (1 MiB).
pub const MAX_INPUT_BYTES: usize = 1 << 20;

/// The most lines [`parse_deals`] reads, blank lines included.
pub const MAX_LINES: usize = 100_000;

/// How to read a date whose year comes last: the order of the language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub enum DateOrder {
    /// Day, month, year: `31/12/2025` (Spanish, and most of the world).
    #[default]
    DayFirst,
    /// Month, day, year: `12/31/2025` (United States English).
    MonthFirst,
}

/// Why a pasted line is not a deal.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub enum RowProblem {
    /// Fewer columns than the two dates (three with a leading name column).
    #[default]
    WrongColumnCount,
    /// The date is not a valid date: 1 for the created date, 2 for the closed date (with
    /// a leading name column, these are the second and third columns of the line). When
    /// both are bad, the created date is reported.
    BadDate(usize),
    /// The deal closed before it was created.
    ClosedBeforeCreated,
}

/// A pasted line that is not a deal.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct BadRow {
    /// Its line number in the pasted text, from 1 (blank lines count).
    pub line: usize,
    /// The line as pasted, without surrounding spaces.
    pub text: String,
    /// What is wrong with it.
    pub reason: RowProblem,
}

/// The result of [`parse_deals`]: the good rows and the bad ones.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct DealsParse {
    /// `(created, closed)` for every good row, in the order of the text; `closed` is
    /// never before `created`.
    pub deals: Vec<(NaiveDate, NaiveDate)>,
    /// The lines that are not deals, in the order of the text (blank lines and a header
    /// are not listed).
    pub bad: Vec<BadRow>,
    /// Whether text beyond [`MAX_INPUT_BYTES`] or [`MAX_LINES`] was left unread (blank
    /// text beyond the limits does not count).
    pub truncated: bool,
}

/// The sales cycle of the good rows: count, mean and median days, by
/// [`kpi::sales_cycle`]. Bad rows are left out; they do not prevent the summary.
///
/// Errors: no good row → [`KpiError::Empty`].
pub fn cycle_stats(parse: &DealsParse) -> Result<CycleStats, KpiError> {
    kpi::sales_cycle(&parse.deals)
}

/// A cell's text without surrounding spaces (including non-breaking ones), quotes and
/// byte-order marks.
pub(super) fn clean(cell: &str) -> &str {
    cell.trim_matches(|c: char| c.is_whitespace() || c == '"' || c == '\'' || c == '\u{feff}')
}

/// Whether `text` is a time of day such as `10:30`, `10:30:00.000`, `10:30:00+02:00`,
/// optionally followed by `Z`, `AM` or `PM`.
fn is_time(text: &str) -> bool {
    let text = text.trim();
    let lower = text.to_ascii_lowercase();
    let core = lower
        .strip_suffix("am")
        .or_else(|| lower.strip_suffix("pm"))
        .or_else(|| lower.strip_suffix('z'))
        .unwrap_or(&lower)
        .trim_end();
    core.starts_with(|c: char| c.is_ascii_digit())
        && core.contains(':')
        && core
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, ':' | '.' | '+' | '-'))
}

/// Whether `text` is only the `AM`/`PM` of a time (a separate word when columns are split
/// on spaces).
pub(super) fn is_meridiem(text: &str) -> bool {
    text.eq_ignore_ascii_case("am") || text.eq_ignore_ascii_case("pm")
}

/// The date part of a cell that may end with a time of day after a space or a `T`.
fn without_time(cell: &str) -> &str {
    match cell.find([' ', 'T']) {
        Some(at) => {
            let (date, rest) = cell.split_at(at);
            if is_time(rest.trim_start_matches([' ', 'T'])) {
                date
            } else {
                cell
            }
        }
        None => cell,
    }
}

/// A number of one or two digits (day or month).
fn small_number(text: &str) -> Option<u32> {
    if (1..=2).contains(&text.len()) && text.bytes().all(|b| b.is_ascii_digit()) {
        text.parse().ok()
    } else {
        None
    }
}

/// A year of four digits, or of two digits meaning 20yy.
fn year(text: &str) -> Option<i32> {
    if !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let value: i32 = text.parse().ok()?;
    match text.len() {
        4 => Some(value),
        2 => value.checked_add(2000),
        _ => None,
    }
}

/// One cell as a date, following the rules of the [module documentation](self): ISO
/// year-month-day always, otherwise `order`; `/`, `-` or `.` between the numbers; a
/// two-digit year is 20yy; a trailing time of day is ignored; surrounding spaces and
/// quotes are ignored. `None` when the cell is not a valid date (including impossible
/// dates such as 31 February).
pub fn parse_date(cell: &str, order: DateOrder) -> Option<NaiveDate> {
    let date = clean(without_time(clean(cell)));
    let separator = date.chars().find(|c| matches!(c, '/' | '-' | '.'))?;
    let mut parts = date.split(separator);
    let (a, b, c) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() {
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
    NaiveDate::from_ymd_opt(year(y)?, small_number(m)?, small_number(d)?)
}

/// The column separator of a line: the first of tab, `;`, `,` that occurs outside double
/// quotes, or `None` for runs of spaces.
fn separator_of(line: &str) -> Option<char> {
    let mut quoted = false;
    let (mut tab, mut semicolon, mut comma) = (false, false, false);
    for c in line.chars() {
        match c {
            '"' => quoted = !quoted,
            '\t' if !quoted => tab = true,
            ';' if !quoted => semicolon = true,
            ',' if !quoted => comma = true,
            _ => {}
        }
    }
    if tab {
        Some('\t')
    } else if semicolon {
        Some(';')
    } else if comma {
        Some(',')
    } else {
        None
    }
}

/// The cleaned cells of a line. With a separator, every occurrence outside double
/// quotes splits (so empty cells are kept); without one, runs of spaces outside quotes
/// split, and lone times of day (`10:30`, `AM`) are dropped.
fn cells(line: &str) -> Vec<&str> {
    let (separator, cleaned) = split_cells(line);
    match separator {
        Some(_) => cleaned,
        None => cleaned
            .into_iter()
            .filter(|cell| !cell.is_empty() && !is_time(cell) && !is_meridiem(cell))
            .collect(),
    }
}

/// A line's separator ([`separator_of`]) and its cells, cleaned: split at every
/// separator outside double quotes, or without one at every space outside them (so
/// runs of spaces give empty cells).
pub(super) fn split_cells(line: &str) -> (Option<char>, Vec<&str>) {
    let separator = separator_of(line);
    let mut out = Vec::new();
    let mut quoted = false;
    let mut start = 0;
    for (at, c) in line.char_indices() {
        if c == '"' {
            quoted = !quoted;
            continue;
        }
        let splits = !quoted
            && match separator {
                Some(sep) => c == sep,
                None => c.is_whitespace(),
            };
        if splits {
            out.push(line.get(start..at).unwrap_or(""));
            start = at + c.len_utf8();
        }
    }
    out.push(line.get(start..).unwrap_or(""));
    (separator, out.into_iter().map(clean).collect())
}

/// One non-blank line, split, with its first three cells read as dates.
struct Line<'a> {
    /// Line number, from 1.
    number: usize,
    /// The line without surrounding spaces.
    text: &'a str,
    /// The number of cells.
    width: usize,
    /// The first three cells as dates.
    dates: [Option<NaiveDate>; 3],
    /// Whether each of the first three cells contains a letter.
    letters: [bool; 3],
    /// Whether any cell of the line is a date.
    any_date: bool,
}

impl<'a> Line<'a> {
    fn read(number: usize, text: &'a str, order: DateOrder) -> Self {
        let cells = cells(text);
        let dates: Vec<Option<NaiveDate>> = cells.iter().map(|c| parse_date(c, order)).collect();
        let date_at = |i: usize| dates.get(i).copied().flatten();
        let letter_at = |i: usize| {
            cells
                .get(i)
                .is_some_and(|cell| cell.chars().any(char::is_alphabetic))
        };
        Line {
            number,
            text,
            width: cells.len(),
            dates: [date_at(0), date_at(1), date_at(2)],
            letters: [letter_at(0), letter_at(1), letter_at(2)],
            any_date: dates.iter().any(Option::is_some),
        }
    }

    /// Whether the cells at `first` and `first + 1` are both dates.
    fn has_dates_at(&self, first: usize) -> bool {
        self.date(first).is_some() && self.date(first + 1).is_some()
    }

    fn date(&self, index: usize) -> Option<NaiveDate> {
        self.dates.get(index).copied().flatten()
    }

    /// Whether this line, if it is the first, is a header for dates starting at `first`.
    fn is_header(&self, first: usize) -> bool {
        let letter = |i: usize| self.letters.get(i).copied().unwrap_or(false);
        !self.any_date && letter(first) && letter(first + 1)
    }

    /// The deal on this line, with dates starting at column `first` (0-based).
    fn deal(&self, first: usize) -> Result<(NaiveDate, NaiveDate), RowProblem> {
        if self.width < first + 2 {
            return Err(RowProblem::WrongColumnCount);
        }
        let created = self.date(first).ok_or(RowProblem::BadDate(1))?;
        let closed = self.date(first + 1).ok_or(RowProblem::BadDate(2))?;
        if closed < created {
            return Err(RowProblem::ClosedBeforeCreated);
        }
        Ok((created, closed))
    }
}

/// `text` cut to at most [`MAX_INPUT_BYTES`] at the end of a whole line, and whether
/// anything but blank text was cut.
pub(super) fn within_size(text: &str) -> (&str, bool) {
    if text.len() <= MAX_INPUT_BYTES {
        return (text, false);
    }
    let head = text.as_bytes().get(..=MAX_INPUT_BYTES).unwrap_or(&[]);
    // A line feed is one byte and never inside a UTF-8 sequence, so cutting there is on
    // a character boundary.
    let cut = head.iter().rposition(|&b| b == b'\n').unwrap_or(0);
    let kept = text.get(..cut).unwrap_or("");
    let rest = text.get(cut..).unwrap_or("");
    (kept, !rest.trim().is_empty())
}

/// The lines of pasted `text` as every paste reads them: a leading byte-order mark
/// dropped, cut to [`MAX_INPUT_BYTES`] ([`within_size`]) and [`MAX_LINES`], blank lines
/// skipped; `read(number, line)` makes each other line (numbered from 1, blank lines
/// counted; as pasted, untrimmed). Also whether anything but blank text was left unread.
pub(super) fn pasted_lines<'a, T>(
    text: &'a str,
    mut read: impl FnMut(usize, &'a str) -> T,
) -> (Vec<T>, bool) {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let (text, mut truncated) = within_size(text);

    let mut all = text.lines();
    let lines: Vec<T> = all
        .by_ref()
        .take(MAX_LINES)
        .enumerate()
        .filter(|(_, raw)| !raw.trim().is_empty())
        .map(|(index, raw)| read(index + 1, raw))
        .collect();
    if all.any(|rest| !rest.trim().is_empty()) {
        truncated = true;
    }
    (lines, truncated)
}

/// Reads pasted rows of (created date, closed date), following the rules of the
/// [module documentation](self). Never fails: every line is a deal, a [`BadRow`], blank,
/// or the header.
pub fn parse_deals(text: &str, order: DateOrder) -> DealsParse {
    let (lines, truncated) =
        pasted_lines(text, |number, raw| Line::read(number, raw.trim(), order));

    // Dates in the first two columns, or after a leading name column if more rows say so.
    let at_start = lines.iter().filter(|l| l.has_dates_at(0)).count();
    let after_name = lines.iter().filter(|l| l.has_dates_at(1)).count();
    let first = if after_name > at_start { 1 } else { 0 };

    let skip = usize::from(lines.first().is_some_and(|l| l.is_header(first)));

    let mut parse = DealsParse {
        truncated,
        ..DealsParse::default()
    };
    for line in lines.iter().skip(skip) {
        match line.deal(first) {
            Ok(deal) => parse.deals.push(deal),
            Err(reason) => parse.bad.push(BadRow {
                line: line.number,
                text: line.text.to_owned(),
                reason,
            }),
        }
    }
    parse
}
